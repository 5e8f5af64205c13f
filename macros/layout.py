"""Page furniture: what the PDF printed around the text rather than as text.

Running headers, lone paragraph numbers and the bare URL lists at page ends
are recognised by rule, claimed as removed, and recorded with the reason.
"""

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from .callouts import BY_HEADING, HEADING
from .model import Removed
from .sheet import Owner, Sheet
from .source import Source

RUNNING_TITLE = re.compile(r"^\s*Explanatory Report to the OPSC Guidelines\s*$")
RUNNING_CHAPTER = re.compile(r"^\s*\S.*?\S\s{4,}\d{1,3}\s*$")
LONE_NUMBER = re.compile(r"^\s*(\d{1,3})\s*$")
BARE_URL = re.compile(r"^\s*((?:https?://|www\.)\S+)\s*$")
# A box's heading, alone on an indented line as the PDF sets it: macros/callouts.py.
CALLOUT_HEADING = HEADING


class CalloutHeading(NamedTuple):
    line: int
    printed: str  # as the report prints it: "RESOURCE TIPS"
    type: str  # callouts.TYPES


@dataclass
class Layout:
    page_of: list[int]  # page index for each line (index 0 unused)
    page_starts: list[int]  # first line of each page
    lone_numbers: dict[int, int] = field(default_factory=dict)  # line -> number
    url_lines: dict[int, str] = field(default_factory=dict)  # line -> url (page-end link targets, in order)
    callout_headings: list[CalloutHeading] = field(default_factory=list)  # in order


def is_page_start(text: str) -> bool:
    # Text extraction starts each new PDF page with a single space.
    return len(text) > 1 and text[0] == " " and not text[1].isspace()


def is_running_header(text: str) -> bool:
    return bool(RUNNING_TITLE.match(text) or RUNNING_CHAPTER.match(text))


def read_layout(source: Source, sheet: Sheet, removed: list[Removed]) -> Layout:
    lines = source.lines
    page_of, page_starts, page = [0], [1], 0
    for n, text in enumerate(lines, start=1):
        if n > 1 and (is_page_start(text) or is_running_header(text)):
            # Two markers in a row (header after a page start) are one page break.
            if page_starts[-1] < n - 2 or not _only_furniture_between(lines, page_starts[-1], n):
                page += 1
                page_starts.append(n)
        page_of.append(page)
    layout = Layout(page_of, page_starts)

    for n, text in enumerate(lines, start=1):
        if is_running_header(text):
            span = sheet.claim_line(n, Owner("removed", "running header"))
            removed.append(Removed(n, text.strip(), "running header", span))
        elif m := LONE_NUMBER.match(text):
            layout.lone_numbers[n] = int(m.group(1))
        elif m := CALLOUT_HEADING.match(text):
            printed = m.group(1)
            layout.callout_headings.append(CalloutHeading(n, printed, BY_HEADING[printed].type))

    layout.url_lines.update(_url_lines(lines))
    return layout


def _url_lines(lines: tuple[str, ...]) -> dict[int, str]:
    """{line: URL} of the page-end lists of link targets. A run of bare URLs is one only when nothing but a
    page break follows it; elsewhere a lone URL continues a footnote."""
    out = {}
    n_lines = len(lines)
    n = 1
    while n <= n_lines:
        if BARE_URL.match(lines[n - 1]) and not (n > 1 and BARE_URL.match(lines[n - 2])):
            end = n
            while end + 1 <= n_lines and BARE_URL.match(lines[end]):
                end += 1
            after = end + 1
            while after <= n_lines and not lines[after - 1].strip():
                after += 1
            before = n - 1
            while before > 0 and not lines[before - 1].strip():
                before -= 1
            # "Available at:" on the line above: the URL finishes a footnote.
            continues_note = before > 0 and lines[before - 1].rstrip().endswith(":")
            # A new page may also open with an indented chapter heading.
            heading_next = after <= n_lines and lines[after - 1].startswith("  ") and lines[after - 1].strip()[:1].isupper()
            if not continues_note and (after > n_lines or is_page_start(lines[after - 1]) or heading_next
                                       or is_running_header(lines[after - 1]) or is_page_start(lines[n - 1])):
                for k in range(n, end + 1):
                    out[k] = lines[k - 1].strip()  # the whole line is the URL (BARE_URL)
            n = end + 1
        else:
            n += 1
    return out


def _only_furniture_between(lines: tuple[str, ...], a: int, b: int) -> bool:
    return all(not lines[k - 1].strip() or is_running_header(lines[k - 1]) for k in range(a, b))
