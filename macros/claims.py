"""The claims of the text that the editorial file places: chapter and section headings, the Guidelines'
paragraphs (and the lone numbers printed below them), and the front matter."""

from __future__ import annotations

from typing import NamedTuple

from .anchors import anchor_end, find_anchor
from .context import Context, EditorialItem
from .editorial import ParagraphEntry, Part
from .errors import ContentError
from .model import Removed
from .sheet import Owner, Position, Span
from .source import Source

Headings = dict[Owner, list[Span]]  # the spans of each heading, by its owner
Ranges = dict[int, list[list[Span]]]  # each paragraph's parts, as the spans between their `start` and `end`


class Lines(NamedTuple):
    """The lines of a paragraph's first part: its lone number stands below them, above the next paragraph's."""
    first: int
    last: int


def claim_headings(ctx: Context) -> Headings:
    """Chapter and section heading lines, wherever the PDF printed them: their spans by owner."""
    ed, out = ctx.ed, {}
    for ch in ed.chapters:
        if ch.heading:
            owner = Owner("heading", "chapter", ch.number)
            out[owner] = _claim_anchor_lines(ctx, ch, [ch.heading], owner)
    for sec in ed.sections:
        anchors = list(sec.headings)
        owner = Owner("heading", "section", sec.chapter, sec.letter)
        out[owner] = _claim_anchor_lines(ctx, sec, anchors, owner)
    for k, anchor in enumerate(ed.front_matter.headings):
        owner = Owner("heading", "front", k)
        out[owner] = _claim_anchor_lines(ctx, ed.front_matter, [anchor], owner)
    return out


def _claim_anchor_lines(ctx: Context, item: EditorialItem, anchors: list[str], owner: Owner) -> list[Span]:
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


def guideline_ranges(ctx: Context) -> Ranges:
    """Each paragraph's parts, as the Spans from its `start` to its `end` words."""
    ranges: Ranges = {}
    last = Position(0, 0)
    heading_lines = {h.line for h in ctx.layout.callout_headings}
    for p in ctx.ed.paragraphs:
        parts = []
        for part in p.parts:
            start, end = _part_bounds(ctx, p, part, last, heading_lines)
            parts.append(_spans_between(ctx.source, start, end))
            last = end
        ranges[p.n] = parts
    return ranges


def _part_bounds(ctx: Context, p: ParagraphEntry, part: Part, last: Position,
                 heading_lines: set[int]) -> tuple[Position, Position]:
    """The Positions of a part's first word and just past its last; parts follow each other in order."""
    l1, c1 = find_anchor(ctx.source, ctx.ed, part, part.start)
    e_line, e_col = find_anchor(ctx.source, ctx.ed, part, part.end)
    l2, c2 = anchor_end(ctx.source, e_line, e_col, part.end)
    if (l1, c1) < last:
        ctx.fail(part, f"paragraph {p.n} starts at report line {l1}, before the end of the paragraph or part "
                       f"above it (line {last.line}); expected numbers in order")
    if (l2, c2) <= (l1, c1):
        ctx.fail(part, f"paragraph {p.n}: its end {part.end!r} (line {e_line}) is not after its start "
                       f"(line {l1})")
    inside = [h for h in heading_lines if l1 <= h <= l2]
    if inside:
        ctx.fail(part, f"paragraph {p.n} (lines {l1}-{l2}) would swallow the callout at line {inside[0]}; "
                       f"split it into parts")
    return Position(l1, c1), Position(l2, c2)


def _spans_between(source: Source, start: Position, end: Position) -> list[Span]:
    (l1, c1), (l2, c2) = start, end
    spans = [Span(n, c1 if n == l1 else 0, c2 if n == l2 else len(source.line(n))) for n in range(l1, l2 + 1)]
    return [s for s in spans if s.start < s.end]


def claim_guidelines(ctx: Context, granges: Ranges) -> None:
    """What is still free inside a paragraph's parts is its text; footnotes and furniture there are claimed."""
    for n, parts in granges.items():
        for k, part in enumerate(parts):
            for line, a, b in part:
                for fa, fb in ctx.sheet.free_ranges(line):
                    if fa < b and a < fb:
                        ctx.sheet.claim(line, max(a, fa), min(b, fb), Owner("guideline", number=n, part=k))


def claim_lone_numbers(ctx: Context, granges: Ranges) -> None:
    """A lone number on a line is the number of the paragraph whose text stands right above it."""
    # A split paragraph's number may follow its first part (97 does).
    bounds = {n: Lines(parts[0][0].line, parts[0][-1].line) for n, parts in granges.items()}
    stated = {p.n: p.number_line for p in ctx.ed.paragraphs}
    seen: dict[int, int] = {}  # number -> the line it stands on
    for line, number in sorted(ctx.layout.lone_numbers.items()):
        if ctx.sheet.claims(line):
            continue
        _check_lone_number(ctx.source, line, number, bounds, stated, seen)
        seen[number] = line
        span = ctx.sheet.claim_line(line, Owner("removed", "paragraph number"))
        ctx.removed.append(Removed(line, ctx.source.line(line).strip(), f"paragraph number {number}", span))
    for number, at in stated.items():
        if at is not None and number not in seen:
            raise ContentError(ctx.source.path, at, f"expected paragraph number {number} alone on this line")


def _check_lone_number(source: Source, line: int, number: int, bounds: dict[int, Lines],
                       stated: dict[int, int | None], seen: dict[int, int]) -> None:
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


def claim_front_matter(ctx: Context) -> None:
    fm, sheet = ctx.ed.front_matter, ctx.sheet
    line, col = find_anchor(ctx.source, ctx.ed, fm, fm.end)
    end_line, end_col = anchor_end(ctx.source, line, col, fm.end)
    for n in range(1, end_line + 1):
        for a, b in sheet.free_ranges(n):
            if n == end_line:
                b = min(b, end_col)
            if a < b:
                sheet.claim(n, a, b, Owner("front"))
