"""Editorial anchors: exact words of the report that must occur exactly once."""

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from .schema import Record
from .source import Source


@lru_cache(maxsize=4)
def _index(lines: tuple[str, ...]) -> tuple[str, list[int]]:
    offsets: list[int] = []
    pos = 0
    for text in lines:
        offsets.append(pos)
        pos += len(text) + 1
    return "\n".join(lines), offsets


def find_anchor(source: Source, editorial: object, item: Record, anchor: str) -> tuple[int, int]:
    """(line, column) of `anchor`, which must stand exactly once in the report; an error at the line of
    `item`, the entry of the editorial file that gives it (`editorial`: the file, unused)."""
    text, offsets = _index(source.lines)
    if not anchor or not anchor.strip():
        raise item.error("an anchor must be non-empty words of the report")
    first, second = _find_two(text, anchor)
    if first < 0:
        raise item.error(f"anchor {anchor!r} not found in {source.path}; expected it exactly once")
    if second >= 0:
        line2 = bisect_right(offsets, second)
        raise item.error(f"anchor {anchor!r} occurs more than once in {source.path} "
                         f"(lines {bisect_right(offsets, first)} and {line2}); expected exactly once")
    line = bisect_right(offsets, first)
    return line, first - offsets[line - 1]


def anchor_end(source: Source, line: int, col: int, anchor: str) -> tuple[int, int]:
    """(line, column) just past an anchor found at (line, col)."""
    text, offsets = _index(source.lines)
    _, where = _squashed(text)
    start = bisect_left(where, offsets[line - 1] + col)
    end = where[start + len(_words(anchor)) - 1] + 1
    end_line = bisect_right(offsets, end - 1)
    return end_line, end - offsets[end_line - 1]


@lru_cache(maxsize=4)
def _squashed(text: str) -> tuple[str, list[int]]:
    """`text` with each run of white space one space, and where each of its characters stands in `text`.

    An anchor may run over a line break, and the report's spacing there is ragged: its words, one space
    apart, are found in this text with a plain substring search (over the whole text, for some 500
    anchors, many times faster than a pattern each), and never take the anchor's outer white space for
    words."""
    parts: list[str] = []
    where: list[int] = []
    for m in re.finditer(r"\S+|\s+", text):
        if m.group(0)[0].isspace():
            parts.append(" ")
            where.append(m.start())
        else:
            parts.append(m.group(0))
            where.extend(range(m.start(), m.end()))
    return "".join(parts), where


def _words(anchor: str) -> str:
    return " ".join(anchor.split())


def _find_two(text: str, anchor: str) -> tuple[int, int]:
    """Offsets in `text` of the first two occurrences of the anchor's words (-1: none), white space aside:
    an occurrence that wraps over a line break counts."""
    squashed, where = _squashed(text)
    words = _words(anchor)
    first = squashed.find(words)
    if first < 0:
        return -1, -1
    second = squashed.find(words, first + 1)
    return where[first], where[second] if second >= 0 else -1
