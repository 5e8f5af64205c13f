"""Editorial anchors: exact words of the report that must occur exactly once."""

import re
from bisect import bisect_right
from functools import lru_cache

from .errors import ContentError


@lru_cache(maxsize=4)
def _index(lines):
    offsets, pos = [], 0
    for text in lines:
        offsets.append(pos)
        pos += len(text) + 1
    return "\n".join(lines), offsets


def find_anchor(source, editorial, item, anchor):
    """(line, column) of `anchor`, which must stand exactly once in the report."""
    text, offsets = _index(source.lines)
    where = item.get("__line__", 0) if isinstance(item, dict) else 0
    if not anchor or not anchor.strip():
        raise ContentError(editorial["__path__"], where, "an anchor must be non-empty words of the report")
    first, second = _find_two(text, anchor)
    if first < 0:
        raise ContentError(editorial["__path__"], where,
                           f"anchor {anchor!r} not found in {source.path}; expected it exactly once")
    if second >= 0:
        line2 = bisect_right(offsets, second)
        raise ContentError(editorial["__path__"], where,
                           f"anchor {anchor!r} occurs more than once in {source.path} "
                           f"(lines {bisect_right(offsets, first)} and {line2}); expected exactly once")
    line = bisect_right(offsets, first)
    return line, first - offsets[line - 1]


def anchor_end(source, line, col, anchor):
    """(line, column) just past an anchor found at (line, col)."""
    text, offsets = _index(source.lines)
    start = offsets[line - 1] + col
    m = _pattern(anchor).match(text, start)
    end = m.end()
    end_line = bisect_right(offsets, end - 1)
    return end_line, end - offsets[end_line - 1]


@lru_cache(maxsize=1024)
def _pattern(anchor):
    # An anchor may run over a line break; the report's spacing there is ragged.
    return re.compile(r"\s+".join(re.escape(word) for word in anchor.split()))


def _find_two(text, anchor):
    """Offsets of the first two occurrences of the anchor's words (-1: none).

    Always by the pattern: a plain substring search would miss an occurrence
    that wraps over a line break, and take an anchor's outer white space for words.
    """
    pattern = _pattern(anchor)
    first = pattern.search(text)
    if first is None:
        return -1, -1
    second = pattern.search(text, first.start() + 1)
    return first.start(), second.start() if second else -1
