"""Editorial anchors: exact words of the report that must occur exactly once."""

import re
from bisect import bisect_right
from functools import lru_cache
from typing import NamedTuple

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
    squashed = _squashed(text)
    start = squashed.first_at(offsets[line - 1] + col)
    end = squashed.original(start + len(_words(anchor)) - 1) + 1
    end_line = bisect_right(offsets, end - 1)
    return end_line, end - offsets[end_line - 1]


class Squashed(NamedTuple):
    """A text with each run of white space one space, and the way back to the text's offsets.

    An anchor may run over a line break, and the report's spacing there is ragged: its words, one space
    apart, are found in `text` with a plain substring search (over the whole report, for some 500 anchors,
    many times faster than a pattern each), and never take the anchor's outer white space for words. Only
    the runs of two or more characters shift offsets, so only they are kept (a few thousand, not an offset
    per character)."""
    text: str
    starts: list[int]  # where each run of 2+ white space characters starts in the original text
    at: list[int]  # where that run's one space stands in `text`
    dropped: list[int]  # characters dropped before each such run; one more entry: all of them

    def original(self, i: int) -> int:
        """The original offset of `text[i]` (for a run's space, where the run starts)."""
        k = bisect_right(self.at, i)
        if k and self.at[k - 1] == i:
            return self.starts[k - 1]
        return i + self.dropped[k]

    def first_at(self, offset: int) -> int:
        """The first index of `text` whose original offset is `offset` or after it."""
        k = bisect_right(self.starts, offset)
        if k:
            start, length = self.starts[k - 1], self.dropped[k] - self.dropped[k - 1] + 1
            if offset < start + length:
                return self.at[k - 1] + (offset != start)
        return offset - self.dropped[k]


@lru_cache(maxsize=4)
def _squashed(text: str) -> Squashed:
    starts: list[int] = []
    at: list[int] = []
    dropped = [0]
    for m in re.finditer(r"\s{2,}", text):
        starts.append(m.start())
        at.append(m.start() - dropped[-1])
        dropped.append(dropped[-1] + m.end() - m.start() - 1)
    return Squashed(re.sub(r"\s+", " ", text), starts, at, dropped)


def _words(anchor: str) -> str:
    return " ".join(anchor.split())


def _find_two(text: str, anchor: str) -> tuple[int, int]:
    """Offsets in `text` of the first two occurrences of the anchor's words (-1: none), white space aside:
    an occurrence that wraps over a line break counts."""
    squashed = _squashed(text)
    words = _words(anchor)
    first = squashed.text.find(words)
    if first < 0:
        return -1, -1
    second = squashed.text.find(words, first + 1)
    return squashed.original(first), squashed.original(second) if second >= 0 else -1
