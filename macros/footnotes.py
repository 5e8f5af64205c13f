"""Footnote bodies and the markers that point at them.

Two series share the page: the report's own (1–211) and the Guidelines' small
series printed right after a Guideline paragraph. Bodies are found by
expecting the next number of the series; markers are glued to words
(``(ICT)1``, ``No. 1419``), so they too are found by expecting the next number,
on the body's own page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from collections.abc import Iterable, Iterator
from typing import Callable, NamedTuple

from .anchors import anchor_end, find_anchor
from .context import Context
from .editorial import Editorial, FootnoteFix, MarkerFix
from .errors import ContentError
from .ids import Series
from .source import Source
from .textflow import URL_OPEN
from .sheet import Owner, Position, Sheet, Span
from .layout import BARE_URL, CALLOUT_HEADING, LONE_NUMBER, Layout, is_page_start, is_running_header

# Running text never reaches this many characters on a line; footnotes do.
FOOTNOTE_WIDTH = 125
BODY_START = re.compile(r"^\s*(\d{1,3})\s+(?=\S)")
# A body that stops on one of these has said all it has to say.
TERMINAL = re.compile(r"""(?:[.)”"’;]|\.pdf)\s*$""")
URL_END = re.compile(r"(?:https?://|www\.)\S+\s*$|^\s*\S*/\S*\s*$")


@dataclass
class FootnoteBody:
    """A footnote as the extraction finds it: its body first, its marker's place once found."""
    series: Series
    number: int
    printed: int
    lines: list[Span]  # claimed
    paragraph: int | None = None  # guideline series: the paragraph it belongs to
    marker: Span | None = None
    note: str | None = None  # why the number differs from the printed one


@dataclass
class Footnotes:
    bodies: list[FootnoteBody] = field(default_factory=list)

    def series(self, name: Series) -> list[FootnoteBody]:
        return [b for b in self.bodies if b.series == name]


def _starts_body(lines: tuple[str, ...], n: int, layout: Layout, body_lines: set[int]) -> bool:
    """A body opens a line that is not in the middle of running text."""
    if n == 1:
        return True
    prev = lines[n - 2]
    return (not prev.strip() or is_page_start(lines[n - 1]) or n - 1 in body_lines
            or n - 1 in layout.url_lines or is_running_header(prev))


def _body_extent(lines: tuple[str, ...], first: int, layout: Layout, opens_next: Callable[[int], bool]) -> list[int]:
    """Lines of a body that starts on `first`: the lines below it, and after a
    blank line the lines that finish a sentence left open."""
    out = [first]
    n = first + 1
    total = len(lines)
    while n <= total:
        text = lines[n - 1]
        if not text.strip():
            k = n
            while k <= total and not lines[k - 1].strip():
                k += 1
            if k > total:
                break
            so_far = lines[out[-1] - 1]
            # "… in:" or "Available at:" cannot end a note: what follows the page's gap finishes it.
            left_open = so_far.rstrip().endswith(":")
            if TERMINAL.search(so_far) or (URL_END.search(so_far) and not URL_OPEN.search(so_far)) \
                    or _stops(lines[k - 1], k, layout, opens_next) \
                    or not (left_open or _footnote_shaped(lines, k)):
                break
            n = k
            continue
        if _stops(text, n, layout, opens_next):
            break
        out.append(n)
        n += 1
    return out


def _footnote_shaped(lines: tuple[str, ...], k: int) -> bool:
    """Footnotes are set in a smaller type: their full lines are longer than
    any line of the running text. A short line qualifies only on its own."""
    if len(lines[k - 1].rstrip()) > FOOTNOTE_WIDTH:
        return True
    return k == len(lines) or not lines[k].strip() or bool(BODY_START.match(lines[k])) \
        or bool(BARE_URL.match(lines[k]))


def _stops(text: str, n: int, layout: Layout, opens_next: Callable[[int], bool]) -> bool:
    return (is_page_start(text) or is_running_header(text) or n in layout.url_lines
            or bool(CALLOUT_HEADING.match(text)) or bool(LONE_NUMBER.match(text)) or opens_next(n))


def read_footnotes(ctx: Context) -> Footnotes:
    """Every footnote body, each claimed with the number printed before it."""
    source, editorial, layout, sheet = ctx.source, ctx.ed, ctx.layout, ctx.sheet
    lines = source.lines
    notes = Footnotes()
    guideline = _guideline_bodies(source, editorial)
    numbers = _Numbering(source, editorial)
    body_lines: set[int] = set()

    def opens_next(k: int) -> bool:
        return k in guideline or (not sheet.claims(k) and _number(numbers.at(k)) == numbers.expected)

    n = 1
    while n <= len(lines):
        body = guideline.get(n)
        if body is None:
            at = numbers.at(n)
            if at is None or at.number != numbers.expected or sheet.claims(n) or n in layout.url_lines \
                    or not _starts_body(lines, n, layout, body_lines):
                n += 1
                continue
            body = FootnoteBody("report", at.number, at.printed, [], note=numbers.why(n))
            numbers.expected += 1
        extent = _body_extent(lines, n, layout, opens_next)
        body.lines = _claim_body(lines, sheet, body, extent)
        body_lines.update(extent)
        notes.bodies.append(body)
        n = extent[-1] + 1
    _check_fixes_applied(editorial, numbers.fixes, notes)
    return notes


def _number(at: BodyNumber | None) -> int | None:
    return at.number if at else None


def _check_fixes_applied(editorial: Editorial, fixes: dict[int, FootnoteFix], notes: Footnotes) -> None:
    # A fix whose line starts no body of the series would otherwise be ignored without a word.
    starts = {b.lines[0].line: b.number for b in notes.bodies if b.series == "report"}
    for line, fix in fixes.items():
        if starts.get(line) != fix.number:
            raise fix.error(f"footnote fix for report line {line}: expected footnote {fix.number} to start "
                            f"there, found {'footnote ' + str(starts[line]) if line in starts else 'none'}")


def _guideline_bodies(source: Source, editorial: Editorial) -> dict[int, FootnoteBody]:
    """The Guidelines' own footnotes, by the line they start on; the editorial file says where."""
    out = {}
    for gf in editorial.guideline_footnotes:
        line, col = find_anchor(source, editorial, gf, gf.start)
        m = BODY_START.match(source.line(line))
        if not m or int(m.group(1)) != gf.n or m.end() != col:
            raise gf.error(f"Guidelines footnote {gf.n}: expected its number right before "
                           f"{gf.start!r} on report line {line}")
        out[line] = FootnoteBody("guideline", gf.n, gf.n, [], gf.paragraph)
    return out


class BodyNumber(NamedTuple):
    """The number printed before a body, and the one it stands for: they differ where the report misprints."""
    printed: int
    number: int


class _Numbering:
    """The report's series: the number printed at the start of a line, and the number it stands for
    (the same, unless the editorial file corrects a misprint)."""

    def __init__(self, source: Source, editorial: Editorial) -> None:
        self.source, self.editorial = source, editorial
        self.fixes: dict[int, FootnoteFix] = {f.report_line: f for f in editorial.footnote_fixes}
        self.expected = 1  # the number the next body of the series must have

    def at(self, n: int) -> BodyNumber | None:
        """The BodyNumber of a body starting on line n; None where no number starts the line."""
        m = BODY_START.match(self.source.line(n))
        if not m:
            return None
        printed = int(m.group(1))
        fix = self.fixes.get(n)
        if fix is None:
            return BodyNumber(printed, printed)
        if fix.printed != printed:
            raise fix.error(f"footnote fix for report line {n}: expected printed number "
                            f"{fix.printed}, found {printed}")
        return BodyNumber(printed, fix.number)

    def why(self, n: int) -> str | None:
        fix = self.fixes.get(n)
        return str(fix.why) if fix else None


def _claim_body(lines: tuple[str, ...], sheet: Sheet, body: FootnoteBody, extent: list[int]) -> list[Span]:
    """Claims a body's lines; the number it starts with is removed, not text."""
    claims = []
    for k, line in enumerate(extent):
        number = BODY_START.match(lines[line - 1])
        begin = number.end() if k == 0 and number else 0
        if k == 0:
            sheet.claim(line, 0, begin, Owner("removed", "footnote number"))
        c = sheet.claim(line, begin, len(lines[line - 1]), Owner("footnote", body.series, body.number))
        if c:
            claims.append(c)
    return claims


# Where a footnote marker may start: glued to a word or closing punctuation, never inside a longer number, a path
# (CRC/C/13) or a range; "No. 1419" is general comment 14 + marker 19. One pattern for every footnote: one each
# cost a build some 40 ms of compiling.
MARKER_START = re.compile(r"(?:(?<=[^\s\d/(\[\-–])|(?<=No\. \d)|(?<=No\. \d\d))(?=\d)")
AFTER_MARKER = re.compile(r"[\d/]")  # what may not follow it: more digits, or a slash


def marker_spans(text: str, number: int, pos: int = 0, endpos: int | None = None) -> Iterator[tuple[int, int]]:
    """(start, end) of each place in text[pos:endpos] where footnote `number`'s marker may stand, in order, none
    overlapping the one before (as a regular expression's matches)."""
    digits = str(number)
    end = len(text) if endpos is None else min(endpos, len(text))
    free = pos
    for m in MARKER_START.finditer(text, pos, end):
        start = m.start()
        stop = start + len(digits)
        if start < free or stop > end or not text.startswith(digits, start) or AFTER_MARKER.match(text, stop, end):
            continue
        free = stop
        yield start, stop


def find_guideline_markers(ctx: Context, notes: Footnotes, guideline_ranges: dict[int, list[Span]]) -> None:
    """A Guidelines footnote's marker stands in its own paragraph's text."""
    source, sheet = ctx.source, ctx.sheet
    for body in notes.series("guideline"):
        regions = guideline_ranges.get(body.paragraph or 0, [])
        found = _search(source, sheet, regions, body.number, Position(0, 0))
        if found is None:
            raise ContentError(source.path, body.lines[0].line,
                               f"Guidelines footnote {body.number}: no marker {body.number} in the text of "
                               f"paragraph {body.paragraph}")
        body.marker = sheet.claim(*found, Owner("marker", "guideline", body.number))


def find_report_markers(ctx: Context, notes: Footnotes) -> None:
    """Each report body's marker: the first glued number on its page (or the
    page before) after the previous marker; editorial fixes where that fails."""
    source, editorial, layout, sheet = ctx.source, ctx.ed, ctx.layout, ctx.sheet
    overrides = {o.number: o for o in editorial.marker_fixes}
    last = Position(0, 0)
    for body in notes.series("report"):
        found: Span | None
        if body.number in overrides:
            found = _fixed_marker(source, editorial, overrides.pop(body.number), body.number)
        else:
            page = layout.page_of[body.lines[0].line]
            lo = layout.page_starts[max(page - 1, 0)]
            # Bodies float: the marker may sit on the page before or after.
            hi = layout.page_starts[page + 2] - 1 if page + 2 < len(layout.page_starts) else len(source.lines)
            # Lines before the previous marker's cannot hold this one (_search skips them): not read. Nor are
            # the lines after the marker found: the regions are made as the search goes.
            regions = (Span(ln, a, b) for ln in range(max(lo, last.line), hi + 1) for a, b in sheet.free_ranges(ln))
            found = _search(source, sheet, regions, body.number, last)
            if found is None:
                raise ContentError(source.path, body.lines[0].line,
                                   f"report footnote {body.number}: no marker {body.number} glued to a word "
                                   f"on its page (lines {lo}-{hi}) after the marker of footnote "
                                   f"{body.number - 1}; add a marker_fixes entry to the editorial file")
        last = Position(found.line, found.end)
        body.marker = sheet.claim(*found, Owner("marker", "report", body.number))
    if overrides:
        number, fix = next(iter(overrides.items()))
        raise fix.error(f"marker fix for footnote {number}: the report has no footnote {number}")


def _fixed_marker(source: Source, editorial: Editorial, fix: MarkerFix, number: int) -> Span:
    """The marker a marker fix names: the digits its anchor ends with, which must be the footnote's number."""
    line, col = find_anchor(source, editorial, fix, fix.anchor)
    end_line, end = anchor_end(source, line, col, fix.anchor)
    digits = str(number)
    if source.line(end_line)[end - len(digits):end] != digits:
        raise fix.error(f"marker fix for footnote {number}: expected an anchor that ends with the marker "
                        f"{digits}, found {fix.anchor.strip()!r}")
    return Span(end_line, end - len(digits), end)


def _search(source: Source, sheet: Sheet, regions: Iterable[Span], number: int, after: Position) -> Span | None:
    for line, a, b in regions:
        for start, end in marker_spans(source.line(line), number, a, b):
            if (line, start) < after:
                continue
            if sheet.owner_at(line, start) is not None:
                continue
            return Span(line, start, end)
    return None
