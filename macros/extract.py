"""The report text plus the editorial file in, the typed model out.

Each step claims the source text it accounts for on a Sheet; what is left at
the end is commentary. Nothing is dropped silently: what is not text of the
report (headers, lone numbers, consumed URL lists) is recorded as removed.
"""

from collections import Counter
from dataclasses import dataclass, replace
from typing import NamedTuple

from .anchors import anchor_end, find_anchor
from .apparatus import interventions, misprints
from .callouts import BY_TYPE
from .editorial import read_editorial
from .errors import ContentError
from .footnotes import find_guideline_markers, find_report_markers, read_footnotes
from .layout import CalloutHeading, Layout, read_layout
from .links import resolve_links
from .model import Anchor, Block, Callout, Chapter, Entry, Footnote, Paragraph, Removed, Report, Section
from .passages import collect
from .permalinks import assign, moved, read_register
from .sheet import Owner, Position, Sheet, Span
from .source import Source, read_source
from .textflow import BLANK, OTHER, Gap, Mark, first_text, make_block, split_blocks



@dataclass
class Context:
    """What every step of the extraction reads, and the sheet and list of removals it adds to."""
    source: Source
    ed: dict  # the editorial file, as editorial.read_editorial gives it
    layout: Layout
    sheet: Sheet
    removed: list  # Removed, as the steps find them

    def fail(self, item, message):
        """Stop at the editorial file's line of `item`."""
        raise ContentError(self.ed["__path__"], item["__line__"], message)


class CalloutMatch(NamedTuple):
    """A box of the report: its entry in the editorial file and its printed heading."""
    spec: dict
    heading: CalloutHeading
    heading_span: Span


class Run(NamedTuple):
    """A stretch of one owner's text in reading order; pieces of other owners in between are Gaps."""
    owner: Owner
    pieces: list


class Lines(NamedTuple):
    """The lines of a paragraph's first part: its lone number stands below them, above the next paragraph's."""
    first: int
    last: int


class Placed(NamedTuple):
    """A commentary block or box, at its place in the source, for the paragraph it belongs to."""
    position: Position  # where it starts
    paragraph: int
    item: object  # Block or Callout


def build_report(source_path, editorial_path, permalinks_path=None):
    """The model; with the register of published anchors, every passage keeps its published address."""
    source, ed = read_source(source_path), read_editorial(editorial_path)
    report = extract(source, ed)
    register = read_register(permalinks_path) if permalinks_path else ()
    report = assign(report, register)
    passages = collect(report)
    report = replace(report, passages=passages, aliases=moved(passages, register, permalinks_path),
                     misprints=misprints(source, ed, passages))
    return replace(report, apparatus=interventions(source, ed, report))


def extract(source, ed):
    sheet, removed = Sheet(source), []
    ctx = Context(source, ed, read_layout(source, sheet, removed), sheet, removed)
    url_spans = {line: sheet.claim_line(line, Owner("removed", "link target")) for line in ctx.layout.url_lines}

    headings = _claim_headings(ctx)
    callouts = _match_callouts(ctx)
    notes = read_footnotes(ctx)
    granges = _guideline_ranges(ctx)
    find_guideline_markers(ctx, notes, {n: [span for part in parts for span in part] for n, parts in granges.items()})
    _claim_guidelines(ctx, granges)
    _claim_lone_numbers(ctx, granges)
    find_report_markers(ctx, notes)
    _claim_callout_bodies(ctx, callouts)
    _claim_front_matter(ctx)
    for span in sheet.unclaimed():
        sheet.claim(*span, Owner("commentary"))

    report = _assemble(ctx, _runs(source, sheet), headings, callouts, notes)
    return resolve_links(ctx, report, url_spans)


# ---------------------------------------------------------------- headings

def _claim_headings(ctx):
    """Chapter and section heading lines, wherever the PDF printed them: their spans by owner."""
    ed, out = ctx.ed, {}
    for ch in ed["chapters"]:
        if ch.get("heading"):
            owner = Owner("heading", "chapter", ch["number"])
            out[owner] = _claim_anchor_lines(ctx, ch, [ch["heading"]], owner)
    for sec in ed["sections"]:
        anchors = sec["heading"] if isinstance(sec["heading"], list) else [sec["heading"]]
        owner = Owner("heading", "section", sec["chapter"], sec["letter"])
        out[owner] = _claim_anchor_lines(ctx, sec, anchors, owner)
    for k, anchor in enumerate(ed["front_matter"]["headings"]):
        owner = Owner("heading", "front", k)
        out[owner] = _claim_anchor_lines(ctx, ed["front_matter"], [anchor], owner)
    return out


def _claim_anchor_lines(ctx, item, anchors, owner):
    source, spans = ctx.source, []
    for anchor in anchors:
        line, col = find_anchor(source, ctx.ed, item, anchor)
        end_line, end_col = anchor_end(source, line, col, anchor)
        for n in range(line, end_line + 1):
            a = col if n == line else 0
            b = end_col if n == end_line else len(source.line(n))
            rest = source.line(n)[b:].strip() if n == end_line else ""
            if rest:
                ctx.fail(item, f"heading anchor {anchor!r} must take its whole line {n} of {source.path}; "
                               f"{rest!r} follows it")
            spans.append(ctx.sheet.claim(n, a, b, owner))
    return [s for s in spans if s]


# ---------------------------------------------------------------- callouts

def _match_callouts(ctx):
    specs, found = ctx.ed["callouts"], ctx.layout.callout_headings
    if len(specs) != len(found):
        raise ContentError(ctx.ed["__path__"], specs[-1]["__line__"] if specs else 0,
                           f"the report has {len(found)} callout headings; the editorial file lists {len(specs)}")
    out = []
    for k, (spec, heading) in enumerate(zip(specs, found)):
        if spec.get("heading_line") not in (None, heading.line) or spec["type"] != heading.type:
            ctx.fail(spec, f"callout {k + 1}: expected {heading.type} headed {heading.printed!r} at report line "
                           f"{heading.line}, editorial says {spec['type']} at line {spec.get('heading_line')}")
        span = ctx.sheet.claim_line(heading.line, Owner("callout-heading", number=k))
        out.append(CalloutMatch(spec, heading, span))
    return out


def _claim_callout_bodies(ctx, callouts):
    """A box runs from its heading to its `end`, or else to the next Guideline or heading text."""
    sheet = ctx.sheet
    for k, c in enumerate(callouts):
        end_line, end_col = _callout_end(ctx, c)
        for n in range(c.heading.line + 1, end_line + 1):
            owners = [claim.owner for claim in sheet.claims(n)]
            if any(o.kind in ("guideline", "heading", "callout-heading") for o in owners):
                if c.spec.get("end"):
                    ctx.fail(c.spec, f"callout at report line {c.heading.line} runs into {owners[0].kind} text at "
                                     f"line {n} before its end {c.spec['end']!r}")
                break
            for a, b in sheet.free_ranges(n):
                if n == end_line and end_col is not None:
                    b = min(b, end_col)
                if a < b:
                    sheet.claim(n, a, b, Owner("callout", number=k))


def _callout_end(ctx, c):
    """(line, column) where the box's `end` anchor ends; without one, the end of the report."""
    end = c.spec.get("end")
    if not end:
        return len(ctx.source.lines), None
    line, col = find_anchor(ctx.source, ctx.ed, c.spec, end)
    end_line, end_col = anchor_end(ctx.source, line, col, end)
    if end_line <= c.heading.line:
        ctx.fail(c.spec, f"callout at report line {c.heading.line}: its end {end!r} is above it")
    return end_line, end_col


# ---------------------------------------------------------------- guideline paragraphs

def _guideline_ranges(ctx):
    """Each paragraph's parts, as the Spans from its `start` to its `end` words."""
    ranges, last = {}, Position(0, 0)
    heading_lines = {h.line for h in ctx.layout.callout_headings}
    for p in ctx.ed["paragraphs"]:
        parts = []
        for part in p["parts"]:
            start, end = _part_bounds(ctx, p, part, last, heading_lines)
            parts.append(_spans_between(ctx.source, start, end))
            last = end
        ranges[p["n"]] = parts
    return ranges


def _part_bounds(ctx, p, part, last, heading_lines):
    """The Positions of a part's first word and just past its last; parts follow each other in order."""
    l1, c1 = find_anchor(ctx.source, ctx.ed, part, part["start"])
    e_line, e_col = find_anchor(ctx.source, ctx.ed, part, part["end"])
    l2, c2 = anchor_end(ctx.source, e_line, e_col, part["end"])
    if (l1, c1) < last:
        ctx.fail(part, f"paragraph {p['n']} starts at report line {l1}, before the end of the paragraph or part "
                       f"above it (line {last.line}); expected numbers in order")
    if (l2, c2) <= (l1, c1):
        ctx.fail(part, f"paragraph {p['n']}: its end {part['end']!r} (line {e_line}) is not after its start "
                       f"(line {l1})")
    inside = [h for h in heading_lines if l1 <= h <= l2]
    if inside:
        ctx.fail(part, f"paragraph {p['n']} (lines {l1}-{l2}) would swallow the callout at line {inside[0]}; "
                       f"split it into parts")
    return Position(l1, c1), Position(l2, c2)


def _spans_between(source, start, end):
    (l1, c1), (l2, c2) = start, end
    spans = [Span(n, c1 if n == l1 else 0, c2 if n == l2 else len(source.line(n))) for n in range(l1, l2 + 1)]
    return [s for s in spans if s.start < s.end]


def _claim_guidelines(ctx, granges):
    """What is still free inside a paragraph's parts is its text; footnotes and furniture there are claimed."""
    for n, parts in granges.items():
        for k, part in enumerate(parts):
            for line, a, b in part:
                for fa, fb in ctx.sheet.free_ranges(line):
                    if fa < b and a < fb:
                        ctx.sheet.claim(line, max(a, fa), min(b, fb), Owner("guideline", number=n, part=k))


def _claim_lone_numbers(ctx, granges):
    """A lone number on a line is the number of the paragraph whose text stands right above it."""
    # A split paragraph's number may follow its first part (97 does).
    bounds = {n: Lines(parts[0][0].line, parts[0][-1].line) for n, parts in granges.items()}
    stated = {p["n"]: p.get("number_line") for p in ctx.ed["paragraphs"]}
    seen = {}
    for line, number in sorted(ctx.layout.lone_numbers.items()):
        if ctx.sheet.claims(line):
            continue
        _check_lone_number(ctx.source, line, number, bounds, stated, seen)
        seen[number] = line
        span = ctx.sheet.claim_line(line, Owner("removed", "paragraph number"))
        ctx.removed.append(Removed(line, ctx.source.line(line).strip(), f"paragraph number {number}", span))
    for number, line in stated.items():
        if line is not None and number not in seen:
            raise ContentError(ctx.source.path, line, f"expected paragraph number {number} alone on this line")


def _check_lone_number(source, line, number, bounds, stated, seen):
    if number in seen:
        raise ContentError(source.path, line, f"paragraph number {number} printed again (first at line "
                                              f"{seen[number]}); expected each number once")
    if number not in bounds:
        raise ContentError(source.path, line, f"lone number {number}; expected a paragraph number 1-113")
    after_own = bounds[number].last < line
    before_next = number == 113 or line < bounds[number + 1].first
    if not (after_own and before_next):
        raise ContentError(source.path, line,
                           f"lone number {number} does not follow paragraph {number} "
                           f"(lines {bounds[number].first}-{bounds[number].last}); expected it right after "
                           f"that paragraph's text")
    if stated.get(number) not in (None, line):
        raise ContentError(source.path, line, f"paragraph number {number} stands here, but the editorial "
                                              f"file says line {stated[number]}")


# ---------------------------------------------------------------- front matter

def _claim_front_matter(ctx):
    fm, sheet = ctx.ed["front_matter"], ctx.sheet
    line, col = find_anchor(ctx.source, ctx.ed, fm, fm["end"])
    end_line, end_col = anchor_end(ctx.source, line, col, fm["end"])
    for n in range(1, end_line + 1):
        for a, b in sheet.free_ranges(n):
            if n == end_line:
                b = min(b, end_col)
            if a < b:
                sheet.claim(n, a, b, Owner("front"))


# ---------------------------------------------------------------- reading order

TRANSPARENT = ("removed", "footnote")


def _runs(source, sheet):
    """Maximal runs of one owner's text in reading order; footnotes and page
    furniture in between are gaps, not ends."""
    runs = []
    current, pieces = None, []
    for n in range(1, len(source.lines) + 1):
        claims = sheet.claims(n)
        if not claims:
            if pieces:
                pieces.append(BLANK)
            continue
        for a, b, owner in claims:
            if owner.kind in TRANSPARENT:
                if pieces:
                    pieces.append(OTHER)
                continue
            if owner.kind == "marker":
                pieces.append(Mark(owner.name, owner.number, Span(n, a, b)))
                continue
            if owner != current:
                if current is not None:
                    runs.append(Run(current, _trim(pieces)))
                current, pieces = owner, []
            pieces.append(Span(n, a, b))
    if current is not None:
        runs.append(Run(current, _trim(pieces)))
    return runs


def _trim(pieces):
    while pieces and isinstance(pieces[-1], Gap):
        pieces.pop()
    return pieces


# ---------------------------------------------------------------- the model

def _assemble(ctx, runs, headings, callouts, notes):
    numbers = sorted(p["n"] for p in ctx.ed["paragraphs"])
    guideline = _guideline_text(ctx, runs, numbers)
    items = {n: [] for n in numbers}
    for placed in sorted(_commentary(ctx, runs) + _callouts(ctx, callouts, runs), key=lambda x: x.position):
        items[placed.paragraph].append(placed.item)
    footnotes = _footnotes(ctx.source, notes, guideline, items)
    paragraphs = [Paragraph(p["n"], p["title"], p["chapter"], p.get("section"), guideline[p["n"]], items[p["n"]],
                            footnotes[p["n"]]) for p in sorted(ctx.ed["paragraphs"], key=lambda p: p["n"])]
    removed = ctx.removed + _removed_numbers(ctx.source, paragraphs)
    return Report(ctx.source.path, ctx.source.sha256, _front_matter(ctx, runs, headings),
                  _chapters(ctx, headings), paragraphs, removed)


def _blocks(ctx, pieces):
    return [make_block(ctx.source.lines, b) for b in split_blocks(ctx.source.lines, pieces)]


def _heading_block(ctx, headings, owner):
    spans = headings.get(owner)
    return make_block(ctx.source.lines, spans, kind="heading") if spans else None


def _chapters(ctx, headings):
    chapters = []
    for ch in ctx.ed["chapters"]:
        heading = _heading_block(ctx, headings, Owner("heading", "chapter", ch["number"]))
        sections = [Section(sec["letter"], sec["title"],
                            _heading_block(ctx, headings, Owner("heading", "section", sec["chapter"], sec["letter"])))
                    for sec in ctx.ed["sections"] if sec["chapter"] == ch["number"]]
        chapters.append(Chapter(ch["number"], ch["title"], heading, sections))
    return chapters


def _front_matter(ctx, runs, headings):
    """The blocks before chapter I; the editorial file names its title, and its last block is the signature."""
    front = []
    for owner, pieces in runs:
        if owner.kind == "heading" and owner.name == "front":
            front.append(_heading_block(ctx, headings, owner))
        elif owner.kind == "front":
            front.extend(_blocks(ctx, pieces))
    front = [replace(b, kind="title") if b.kind == "heading" and b.text.strip() == ctx.ed["front_matter"].get("title")
             else b for b in front]
    if front and front[-1].kind == "p":
        front[-1] = replace(front[-1], kind="signature")
    return front


def _guideline_text(ctx, runs, numbers):
    """{paragraph: its Guideline blocks}."""
    out = {n: [] for n in numbers}
    for owner, pieces in runs:
        if owner.kind == "guideline":
            out[owner.number].extend(_blocks(ctx, pieces))
    return out


def _commentary(ctx, runs):
    """Each commentary block, for the Guideline paragraph printed before it, unless an attach entry opens
    it or a block before it since that paragraph."""
    attach = _Attachments(ctx)
    out, current, override = [], None, None
    for owner, pieces in runs:
        if owner.kind == "guideline":
            current, override = owner.number, None
        elif owner.kind == "commentary":
            for b in split_blocks(ctx.source.lines, pieces):
                first = first_text(b)
                override = attach.opening(first) or override
                out.append(Placed(Position(first.line, first.start), override or current or 1,
                                  make_block(ctx.source.lines, b)))
    attach.check_all_used()
    return out


class _Attachments:
    """The editorial file's attach entries, by the place of their first words."""

    def __init__(self, ctx):
        self.ctx, self.used = ctx, set()
        self.at = {find_anchor(ctx.source, ctx.ed, a, a["start"]): a for a in ctx.ed.get("attach") or ()}

    def opening(self, first):
        """The paragraph an entry opening at `first` gives, or None."""
        hit = self.at.get((first.line, first.start))
        if hit is None:
            return None
        self.used.add(id(hit))
        return hit["to"]

    def check_all_used(self):
        for a in self.at.values():
            if id(a) not in self.used:
                self.ctx.fail(a, f"attach anchor {a['start']!r} does not open a block of commentary; expected "
                                 f"the first words of a commentary paragraph")


def _callouts(ctx, callouts, runs):
    texts = {}
    for owner, pieces in runs:
        if owner.kind == "callout":
            texts.setdefault(owner.number, []).extend(pieces)
    out, counters = [], Counter()
    for k, c in enumerate(callouts):
        heading = make_block(ctx.source.lines, [c.heading_span], kind="heading")
        entries = _entries(ctx, c, _blocks(ctx, texts.get(k, [])))
        n, slug = c.spec["paragraph"], BY_TYPE[c.heading.type].slug
        counters[(n, slug)] += 1  # ids count the boxes of one kind on one paragraph page
        callout = Callout(Anchor.box(slug, counters[(n, slug)]), c.heading.type, heading, n, entries)
        out.append(Placed(Position(c.heading.line, 0), n, callout))
    return out


def _entries(ctx, c, blocks):
    """Split a callout into its entries: editorial starts for examples, one
    block per resource for resource tips."""
    if not blocks:
        raise ContentError(ctx.source.path, c.heading.line, f"callout {c.heading.printed!r} has no text")
    specs = c.spec.get("entries") or []
    if c.heading.type == "resource_tip" and not specs:
        return [Entry([b]) for b in blocks]
    if not specs:
        return [Entry(blocks)]
    starts = [_entry_start(ctx, c, e, blocks) for e in specs]
    starts[0] = 0  # an introduction before the first example belongs to it
    ends = starts[1:] + [len(blocks)]
    return [Entry(blocks[k:end], e.get("origin"), e.get("region")) for k, end, e in zip(starts, ends, specs)]


def _entry_start(ctx, c, e, blocks):
    """The index of the block an entry's `start` words open."""
    line, col = find_anchor(ctx.source, ctx.ed, e, e["start"])
    k = next((i for i, b in enumerate(blocks) if (b.spans[0].line, b.spans[0].start) == (line, col)), None)
    if k is None:
        ctx.fail(e, f"entry {e['start']!r} does not open a block of the callout at report line {c.heading.line}")
    return k


def _footnotes(source, notes, guideline, items):
    """{paragraph: its footnotes}: a note is on the page of the paragraph whose text has its marker."""
    owner_of = {}
    for n in guideline:
        for block in guideline[n] + [b for item in items[n] for b in _blocks_of(item)]:
            for ref in block.refs:
                owner_of[(ref.series, ref.number)] = n
    out = {n: [] for n in guideline}
    for body in notes.bodies:
        block = make_block(source.lines, body.lines, kind="p")
        n = owner_of.get((body.series, body.number))
        if n is None:
            raise ContentError(source.path, body.lines[0].line,
                               f"{body.series} footnote {body.number}: its marker is not in any paragraph's text")
        out[n].append(Footnote(body.series, body.number, body.printed, block.text, block.lines, block.spans, (),
                               body.marker, n, body.note))
    return {n: sorted(fs, key=lambda f: (f.series != "guideline", f.number)) for n, fs in out.items()}


def _blocks_of(item):
    if isinstance(item, Block):
        return [item]
    return [item.heading] + [b for e in item.entries for b in e.blocks]


def _removed_numbers(source, paragraphs):
    """Footnote numbers as printed are furniture too; list them with the rest."""
    out = []
    for p in paragraphs:
        for f in p.footnotes:
            line = f.lines[0]
            text = source.line(line)
            start = len(text) - len(text.lstrip())
            out.append(Removed(line, str(f.printed), f"footnote number ({f.series} {f.number})",
                               Span(line, start, start + len(str(f.printed)))))
    return out
