"""The report text plus the editorial file in, the typed model out.

Each step claims the source text it accounts for on a Sheet; what is left at
the end is commentary. Nothing is dropped silently: what is not text of the
report (headers, lone numbers, consumed URL lists) is recorded as removed.
"""

from .apparatus import interventions
from .anchors import anchor_end, find_anchor
from .editorial import read_editorial
from .errors import ContentError
from .footnotes import find_guideline_markers, find_report_markers, read_footnotes
from .layout import read_layout
from .links import resolve_links
from .model import Block, Callout, Chapter, Entry, Footnote, Paragraph, Removed, Report, Section
from .permalinks import assign, read_register
from .sheet import Owner, Sheet, Span
from .source import read_source
from .textflow import BLANK, OTHER, Gap, Mark, first_text, make_block, split_blocks

CALLOUT_SLUG = {
    "resource_tip": "resource-tip", "good_practice": "good-practice",
    "regional_good_practice": "regional-good-practice", "iwg_advice": "iwg-advice",
    "case_law": "case-law", "definition": "definition",
}


def build_report(source_path, editorial_path, permalinks_path=None):
    """The model; with the register of published anchors, every passage keeps its published address."""
    source, ed = read_source(source_path), read_editorial(editorial_path)
    report = extract(source, ed)
    register = read_register(permalinks_path) if permalinks_path else ()
    report.aliases = assign(report, register, permalinks_path)
    report.apparatus = interventions(source, ed, report)
    return report


def extract(source, ed):
    sheet = Sheet(source)
    removed = []
    layout = read_layout(source, sheet, removed)
    url_spans = {line: sheet.claim_line(line, Owner("removed", "link target")) for line in layout.url_lines}

    headings = _claim_headings(source, ed, sheet)
    callout_specs = _match_callouts(source, ed, layout, sheet)
    notes = read_footnotes(source, ed, layout, sheet)
    granges = _guideline_ranges(source, ed, sheet, layout)
    find_guideline_markers(source, sheet, notes, {n: [r for part in parts for r in part]
                                                   for n, parts in granges.items()})
    for n, parts in granges.items():
        for k, part in enumerate(parts):
            for line, a, b in part:
                for fa, fb in sheet.free_ranges(line):
                    if fa < b and a < fb:
                        sheet.claim(line, max(a, fa), min(b, fb), Owner("guideline", number=n, part=k))
    _claim_lone_numbers(source, ed, layout, sheet, granges, removed)
    find_report_markers(source, ed, layout, sheet, notes)
    _claim_callout_bodies(source, ed, sheet, callout_specs)
    _claim_front_matter(source, ed, sheet)
    for line, a, b in sheet.unclaimed():
        sheet.claim(line, a, b, Owner("commentary"))

    runs = _runs(source, sheet)
    report = _assemble(source, ed, runs, headings, callout_specs, notes, removed)
    resolve_links(source, ed, layout, report, url_spans)
    report.removed.sort(key=lambda r: r.line)
    return report


# ---------------------------------------------------------------- headings

def _claim_headings(source, ed, sheet):
    """Chapter and section heading lines, wherever the PDF printed them."""
    out = {}
    for ch in ed["chapters"]:
        if ch.get("heading"):
            owner = Owner("heading", "chapter", ch["number"])
            out[owner] = _claim_anchor_lines(source, ed, sheet, ch, [ch["heading"]], owner)
    for sec in ed["sections"]:
        anchors = sec["heading"] if isinstance(sec["heading"], list) else [sec["heading"]]
        owner = Owner("heading", "section", sec["chapter"], sec["letter"])
        out[owner] = _claim_anchor_lines(source, ed, sheet, sec, anchors, owner)
    for k, anchor in enumerate(ed["front_matter"]["headings"]):
        owner = Owner("heading", "front", k)
        out[owner] = _claim_anchor_lines(source, ed, sheet, ed["front_matter"], [anchor], owner)
    return out


def _claim_anchor_lines(source, ed, sheet, item, anchors, owner):
    spans = []
    for anchor in anchors:
        line, col = find_anchor(source, ed, item, anchor)
        end_line, end_col = anchor_end(source, line, col, anchor)
        for n in range(line, end_line + 1):
            a = col if n == line else 0
            b = end_col if n == end_line else len(source.line(n))
            rest = source.line(n)[b:].strip() if n == end_line else ""
            if rest:
                raise ContentError(ed["__path__"], item["__line__"],
                                   f"heading anchor {anchor!r} must take its whole line {n} of {source.path}; "
                                   f"{rest!r} follows it")
            spans.append(sheet.claim(n, a, b, owner))
    return [s for s in spans if s]


# ---------------------------------------------------------------- callouts

def _match_callouts(source, ed, layout, sheet):
    specs = ed["callouts"]
    found = layout.callout_headings
    if len(specs) != len(found):
        raise ContentError(ed["__path__"], specs[-1]["__line__"] if specs else 0,
                           f"the report has {len(found)} callout headings; the editorial file lists {len(specs)}")
    out = []
    for k, (spec, (line, printed, ctype)) in enumerate(zip(specs, found)):
        if spec.get("heading_line") not in (None, line) or spec["type"] != ctype:
            raise ContentError(ed["__path__"], spec["__line__"],
                               f"callout {k + 1}: expected {ctype} headed {printed!r} at report line {line}, "
                               f"editorial says {spec['type']} at line {spec.get('heading_line')}")
        span = sheet.claim_line(line, Owner("callout-heading", number=k))
        out.append({"spec": spec, "line": line, "printed": printed, "type": ctype, "heading_span": span})
    return out


def _claim_callout_bodies(source, ed, sheet, callouts):
    for k, c in enumerate(callouts):
        spec = c["spec"]
        end_line, end_col = len(source.lines), None
        if spec.get("end"):
            line, col = find_anchor(source, ed, spec, spec["end"])
            end_line, end_col = anchor_end(source, line, col, spec["end"])
            if end_line <= c["line"]:
                raise ContentError(ed["__path__"], spec["__line__"],
                                   f"callout at report line {c['line']}: its end {spec['end']!r} is above it")
        for n in range(c["line"] + 1, end_line + 1):
            owners = [o for _, _, o in sheet.claims(n)]
            if any(o.kind in ("guideline", "heading", "callout-heading") for o in owners):
                if spec.get("end"):
                    raise ContentError(ed["__path__"], spec["__line__"],
                                       f"callout at report line {c['line']} runs into {owners[0].kind} text at "
                                       f"line {n} before its end {spec['end']!r}")
                break
            for a, b in sheet.free_ranges(n):
                if n == end_line and end_col is not None:
                    b = min(b, end_col)
                if a < b:
                    sheet.claim(n, a, b, Owner("callout", number=k))


# ---------------------------------------------------------------- guideline paragraphs

def _guideline_ranges(source, ed, sheet, layout):
    ranges, last = {}, (0, 0)
    heading_lines = {h.line for h in layout.callout_headings}
    for p in ed["paragraphs"]:
        parts = []
        for part in p["parts"]:
            l1, c1 = find_anchor(source, ed, part, part["start"])
            e_line, e_col = find_anchor(source, ed, part, part["end"])
            l2, c2 = anchor_end(source, e_line, e_col, part["end"])
            if (l1, c1) < last:
                raise ContentError(ed["__path__"], part["__line__"],
                                   f"paragraph {p['n']} starts at report line {l1}, before the end of the "
                                   f"paragraph or part above it (line {last[0]}); expected numbers in order")
            if (l2, c2) <= (l1, c1):
                raise ContentError(ed["__path__"], part["__line__"],
                                   f"paragraph {p['n']}: its end {part['end']!r} (line {e_line}) is not after "
                                   f"its start (line {l1})")
            inside = [h for h in heading_lines if l1 <= h <= l2]
            if inside:
                raise ContentError(ed["__path__"], part["__line__"],
                                   f"paragraph {p['n']} (lines {l1}-{l2}) would swallow the callout at line "
                                   f"{inside[0]}; split it into parts")
            spans = []
            for n in range(l1, l2 + 1):
                a = c1 if n == l1 else 0
                b = c2 if n == l2 else len(source.line(n))
                if a < b:
                    spans.append((n, a, b))
            parts.append(spans)
            last = (l2, c2)
        ranges[p["n"]] = parts
    return ranges


def _claim_lone_numbers(source, ed, layout, sheet, granges, removed):
    # A split paragraph's number may follow its first part (97 does).
    bounds = {n: (parts[0][0][0], parts[0][-1][0]) for n, parts in granges.items()}
    seen = {}
    stated = {p["n"]: p.get("number_line") for p in ed["paragraphs"]}
    for line, number in sorted(layout.lone_numbers.items()):
        if sheet.claims(line):
            continue
        if number in seen:
            raise ContentError(source.path, line,
                               f"paragraph number {number} printed again (first at line {seen[number]}); "
                               f"expected each number once")
        if number not in bounds:
            raise ContentError(source.path, line, f"lone number {number}; expected a paragraph number 1-113")
        after_own = bounds[number][1] < line
        before_next = number == 113 or line < bounds[number + 1][0]
        if not (after_own and before_next):
            raise ContentError(source.path, line,
                               f"lone number {number} does not follow paragraph {number} "
                               f"(lines {bounds[number][0]}-{bounds[number][1]}); expected it right after "
                               f"that paragraph's text")
        if stated.get(number) not in (None, line):
            raise ContentError(source.path, line, f"paragraph number {number} stands here, but the editorial "
                                                  f"file says line {stated[number]}")
        seen[number] = line
        span = sheet.claim_line(line, Owner("removed", "paragraph number"))
        removed.append(Removed(line, source.line(line).strip(), f"paragraph number {number}", span))
    for number, line in stated.items():
        if line is not None and number not in seen:
            raise ContentError(source.path, line, f"expected paragraph number {number} alone on this line")


# ---------------------------------------------------------------- front matter

def _claim_front_matter(source, ed, sheet):
    fm = ed["front_matter"]
    line, col = find_anchor(source, ed, fm, fm["end"])
    end_line, end_col = anchor_end(source, line, col, fm["end"])
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
    current_key, pieces = None, []
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
            if owner != current_key:
                if current_key is not None:
                    runs.append((current_key, _trim(pieces)))
                current_key, pieces = owner, []
            pieces.append(Span(n, a, b))
    if current_key is not None:
        runs.append((current_key, _trim(pieces)))
    return runs


def _trim(pieces):
    while pieces and isinstance(pieces[-1], Gap):
        pieces.pop()
    return pieces


# ---------------------------------------------------------------- the model

def _assemble(source, ed, runs, headings, callout_specs, notes, removed_list):
    lines = source.lines
    path = ed["__path__"]

    def heading_block(key):
        spans = headings.get(key)
        if not spans:
            return None
        return make_block(lines, spans, kind="heading")

    chapters = []
    for ch in ed["chapters"]:
        chapter = Chapter(ch["number"], ch["title"], heading_block(Owner("heading", "chapter", ch["number"])))
        for sec in ed["sections"]:
            if sec["chapter"] == ch["number"]:
                chapter.sections.append(Section(sec["letter"], sec["title"],
                                                heading_block(Owner("heading", "section", sec["chapter"], sec["letter"]))))
        chapters.append(chapter)

    paragraphs = {p["n"]: Paragraph(p["n"], p["title"], p["chapter"], p.get("section"), [], [])
                  for p in ed["paragraphs"]}
    attach = {}
    for a in ed.get("attach") or ():
        line, col = find_anchor(source, ed, a, a["start"])
        attach[(line, col)] = a

    front = []
    callout_pieces = {}
    ordered = []  # (position, paragraph, item)
    current = None
    override = None
    used_attach = set()
    for key, pieces in runs:
        kind = key.kind
        if kind == "heading":
            if key.name == "front":
                front.append(heading_block(key))
            continue
        if kind == "front":
            front.extend(make_block(lines, b) for b in split_blocks(lines, pieces))
            continue
        if kind == "guideline":
            n = key.number
            paragraphs[n].guideline.extend(make_block(lines, b) for b in split_blocks(lines, pieces))
            current, override = n, None
            continue
        if kind == "callout":
            callout_pieces.setdefault(key.number, []).extend(pieces)
            continue
        if kind == "callout-heading":
            continue  # its box is assembled below, whatever interrupts it
        # commentary
        for b in split_blocks(lines, pieces):
            block = make_block(lines, b)
            first = first_text(b)
            hit = attach.get((first.line, first.start))
            if hit is None:
                hit = next((attach[pos] for pos in attach if pos[0] == first.line and first.start <= pos[1] < first.end
                            and not lines[pos[0] - 1][first.start:pos[1]].strip()), None)
            if hit is not None:
                override = hit["to"]
                used_attach.add(id(hit))
            target = override or current or 1
            ordered.append(((first.line, first.start), target, block))

    for a in attach.values():
        if id(a) not in used_attach:
            raise ContentError(path, a["__line__"],
                               f"attach anchor {a['start']!r} does not open a block of commentary; expected "
                               f"the first words of a commentary paragraph")

    counters = {}
    for k, c in enumerate(callout_specs):
        spec = c["spec"]
        pieces = callout_pieces.get(k, [])
        blocks = [make_block(lines, b) for b in split_blocks(lines, pieces)]
        heading = make_block(lines, [c["heading_span"]], kind="heading")
        entries = _entries(source, ed, spec, c, blocks)
        n = spec["paragraph"]
        slug = CALLOUT_SLUG[c["type"]]
        counters[(n, slug)] = counters.get((n, slug), 0) + 1
        callout = Callout(f"{slug}-{counters[(n, slug)]}", c["type"], heading, n, entries, spec.get("note"))
        ordered.append(((c["line"], 0), n, callout))

    for pos, n, item in sorted(ordered, key=lambda t: t[0]):
        paragraphs[n].items.append(item)

    _attach_footnotes(source, notes, paragraphs)
    for b in front:
        if b.kind == "heading" and b.text.strip() == ed["front_matter"].get("title"):
            b.kind = "title"
    if front and front[-1].kind == "p":
        front[-1].kind = "signature"
    report = Report(source.path, source.sha256, front, chapters, [paragraphs[n] for n in sorted(paragraphs)],
                    removed_list)
    _record_removed(source, report)
    return report


def _entries(source, ed, spec, c, blocks):
    """Split a callout into its entries: editorial starts for examples, one
    block per resource for resource tips."""
    if not blocks:
        raise ContentError(source.path, c["line"], f"callout {c['printed']!r} has no text")
    specs = spec.get("entries") or []
    if c["type"] == "resource_tip" and not specs:
        return [Entry([b]) for b in blocks]
    if not specs:
        return [Entry(blocks)]
    starts = []
    for e in specs:
        line, col = find_anchor(source, ed, e, e["start"])
        k = next((i for i, b in enumerate(blocks) if (b.spans[0][0], b.spans[0][1]) == (line, col)), None)
        if k is None:
            raise ContentError(ed["__path__"], e["__line__"],
                               f"entry {e['start']!r} does not open a block of the callout at report line "
                               f"{c['line']}")
        starts.append(k)
    if starts[0] != 0:
        starts[0] = 0  # an introduction before the first example belongs to it
    out = []
    for i, (k, e) in enumerate(zip(starts, specs)):
        end = starts[i + 1] if i + 1 < len(starts) else len(blocks)
        out.append(Entry(blocks[k:end], e.get("origin"), e.get("region")))
    return out


def _attach_footnotes(source, notes, paragraphs):
    owner_of = {}
    for p in paragraphs.values():
        for block in p.guideline + [b for item in p.items for b in _blocks_of(item)]:
            for ref in block.refs:
                owner_of[(ref.series, ref.number)] = p.number
    for body in notes.bodies:
        block = make_block(source.lines, body.lines, kind="p")
        n = owner_of.get((body.series, body.number))
        if n is None:
            raise ContentError(source.path, body.lines[0][0],
                               f"{body.series} footnote {body.number}: its marker is not in any paragraph's text")
        paragraphs[n].footnotes.append(Footnote(
            body.series, body.number, body.printed, block.text, block.lines, block.spans, [], body.marker,
            n, body.note))
    for p in paragraphs.values():
        p.footnotes.sort(key=lambda f: (f.series != "guideline", f.number))


def _blocks_of(item):
    if isinstance(item, Block):
        return [item]
    return [item.heading] + [b for e in item.entries for b in e.blocks]


def _record_removed(source, report):
    """Footnote numbers as printed are furniture too; list them with the rest."""
    for p in report.paragraphs:
        for f in p.footnotes:
            line = f.lines[0]
            text = source.line(line)
            start = len(text) - len(text.lstrip())
            report.removed.append(Removed(line, str(f.printed), f"footnote number ({f.series} {f.number})",
                                          (line, start, start + len(str(f.printed)))))
