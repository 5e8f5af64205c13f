"""Footnote bodies and the markers that point at them.

Two series share the page: the report's own (1–211) and the Guidelines' small
series printed right after a Guideline paragraph. Bodies are found by
expecting the next number of the series; markers are glued to words
(``(ICT)1``, ``No. 1419``), so they too are found by expecting the next number,
on the body's own page.
"""

import re
from dataclasses import dataclass, field

from .anchors import find_anchor
from .errors import ContentError
from .textflow import URL_OPEN
from .sheet import Owner
from .layout import BARE_URL, CALLOUT_HEADING, LONE_NUMBER, is_page_start, is_running_header

# Running text never reaches this many characters on a line; footnotes do.
FOOTNOTE_WIDTH = 125
BODY_START = re.compile(r"^\s*(\d{1,3})\s+(?=\S)")
# A body that stops on one of these has said all it has to say.
TERMINAL = re.compile(r"""(?:[.)”"’;]|\.pdf)\s*$""")
URL_END = re.compile(r"(?:https?://|www\.)\S+\s*$|^\s*\S*/\S*\s*$")


@dataclass
class FootnoteBody:
    series: str  # "report" or "guideline"
    number: int
    printed: int
    lines: list  # (line, start, end) claims
    paragraph: int = None  # guideline series: the paragraph it belongs to
    marker: tuple = None  # (line, start, end)
    note: str = None


@dataclass
class Footnotes:
    bodies: list = field(default_factory=list)

    def series(self, name):
        return [b for b in self.bodies if b.series == name]


def _starts_body(lines, n, layout, body_lines):
    """A body opens a line that is not in the middle of running text."""
    if n == 1:
        return True
    prev = lines[n - 2]
    return (not prev.strip() or is_page_start(lines[n - 1]) or n - 1 in body_lines
            or n - 1 in layout.url_lines or is_running_header(prev))


def _body_extent(lines, first, layout, opens_next):
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


def _footnote_shaped(lines, k):
    """Footnotes are set in a smaller type: their full lines are longer than
    any line of the running text. A short line qualifies only on its own."""
    if len(lines[k - 1].rstrip()) > FOOTNOTE_WIDTH:
        return True
    return k == len(lines) or not lines[k].strip() or bool(BODY_START.match(lines[k])) \
        or bool(BARE_URL.match(lines[k]))


def _stops(text, n, layout, opens_next):
    return (is_page_start(text) or is_running_header(text) or n in layout.url_lines
            or bool(CALLOUT_HEADING.match(text)) or bool(LONE_NUMBER.match(text)) or opens_next(n))


def read_footnotes(source, editorial, layout, sheet):
    lines = source.lines
    notes = Footnotes()
    path = editorial["__path__"]

    guideline_lines = {}
    for gf in editorial["guideline_footnotes"]:
        line, col = find_anchor(source, editorial, gf, gf["start"])
        m = BODY_START.match(lines[line - 1])
        if not m or int(m.group(1)) != gf["n"] or m.end() != col:
            raise ContentError(path, gf["__line__"],
                               f"Guidelines footnote {gf['n']}: expected its number right before "
                               f"{gf['start']!r} on report line {line}")
        guideline_lines[line] = gf

    fixes = {f["line"]: f for f in editorial.get("footnote_fixes") or ()}

    def number_at(n):
        m = BODY_START.match(lines[n - 1])
        if not m:
            return None, None
        printed = int(m.group(1))
        fix = fixes.get(n)
        if fix is None:
            return printed, printed
        if fix["printed"] != printed:
            raise ContentError(path, fix["__line__"],
                               f"footnote fix for report line {n}: expected printed number "
                               f"{fix['printed']}, found {printed}")
        return printed, fix["number"]

    expected = 1
    body_lines = set()

    def opens_next(k):
        return k in guideline_lines or (not sheet.claims(k) and number_at(k)[1] == expected)

    n = 1
    while n <= len(lines):
        if n in guideline_lines:
            gf = guideline_lines[n]
            start = (gf["n"], gf["n"], "guideline", gf["paragraph"], None)
        else:
            printed, number = number_at(n)
            if number is None or number != expected or sheet.claims(n) or n in layout.url_lines \
                    or not _starts_body(lines, n, layout, body_lines):
                n += 1
                continue
            fix = fixes.get(n)
            start = (printed, number, "report", None, fix["why"] if fix else None)
            expected += 1
        printed, number, series, paragraph, note = start
        extent = _body_extent(lines, n, layout, opens_next)
        claims = []
        for k, line in enumerate(extent):
            begin = BODY_START.match(lines[line - 1]).end() if k == 0 else 0
            if k == 0:
                sheet.claim(line, 0, begin, Owner("removed", "footnote number"))
            c = sheet.claim(line, begin, len(lines[line - 1]), Owner("footnote", series, number))
            if c:
                claims.append(c)
            body_lines.add(line)
        notes.bodies.append(FootnoteBody(series, number, printed, claims, paragraph, note=note))
        n = extent[-1] + 1
    return notes


def marker_pattern(number):
    n = re.escape(str(number))
    # Glued to a word or closing punctuation, never part of a longer number,
    # a path (CRC/C/13) or a range; "No. 1419" is general comment 14 + marker 19.
    return re.compile(rf"(?:(?<=[^\s\d/(\[\-–])|(?<=No\. \d)|(?<=No\. \d\d)){n}(?![\d/])")


def find_guideline_markers(source, sheet, notes, guideline_ranges):
    """A Guidelines footnote's marker stands in its own paragraph's text."""
    for body in notes.series("guideline"):
        regions = guideline_ranges.get(body.paragraph, [])
        found = _search(source, sheet, regions, marker_pattern(body.number), (0, 0))
        if found is None:
            raise ContentError(source.path, body.lines[0][0],
                               f"Guidelines footnote {body.number}: no marker {body.number} in the text of "
                               f"paragraph {body.paragraph}")
        body.marker = sheet.claim(found[0], found[1], found[2], Owner("marker", "guideline", body.number))


def find_report_markers(source, editorial, layout, sheet, notes):
    """Each report body's marker: the first glued number on its page (or the
    page before) after the previous marker; editorial fixes where that fails."""
    overrides = {o["number"]: o for o in editorial.get("marker_fixes") or ()}
    last = (0, 0)
    for body in notes.series("report"):
        if body.number in overrides:
            o = overrides[body.number]
            line, col = find_anchor(source, editorial, o, o["anchor"])
            col += len(o["anchor"]) - len(str(body.number))
            found = (line, col, col + len(str(body.number)))
        else:
            page = layout.page_of[body.lines[0][0]]
            lo = layout.page_starts[max(page - 1, 0)]
            # Bodies float: the marker may sit on the page before or after.
            hi = layout.page_starts[page + 2] - 1 if page + 2 < len(layout.page_starts) else len(source.lines)
            regions = [(ln, a, b) for ln in range(lo, hi + 1) for a, b in sheet.free_ranges(ln)]
            found = _search(source, sheet, regions, marker_pattern(body.number), last)
            if found is None:
                raise ContentError(source.path, body.lines[0][0],
                                   f"report footnote {body.number}: no marker {body.number} glued to a word "
                                   f"on its page (lines {lo}-{hi}) after the marker of footnote "
                                   f"{body.number - 1}; add a marker_fixes entry to the editorial file")
        last = (found[0], found[2])
        body.marker = sheet.claim(found[0], found[1], found[2], Owner("marker", "report", body.number))


def _search(source, sheet, regions, pattern, after):
    for line, a, b in regions:
        text = source.line(line)
        for m in pattern.finditer(text, a, b):
            if (line, m.start()) < after:
                continue
            if sheet.owner_at(line, m.start()) is not None:
                continue
            return (line, m.start(), m.end())
    return None
