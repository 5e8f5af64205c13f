"""Who owns each character of the source.

Every later step claims the stretches of source text it accounts for. A claim
that overlaps another is a bug or bad editorial data and stops the build, and
the finished sheet is the proof that no character was used twice or left out.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Literal, NamedTuple

from .errors import ContentError
from .ids import Series
from .source import Source


class Span(NamedTuple):
    """Columns `start` to `end` of one source line: the unit every claim, block and footnote is made of."""
    line: int
    start: int
    end: int


class Position(NamedTuple):
    """A point of the source, as the editorial file's anchors name it; compares in reading order."""
    line: int
    col: int


OwnerKind = Literal["guideline", "commentary", "callout", "callout-heading", "heading", "front", "footnote",
                    "marker", "removed"]


class Owner(NamedTuple):
    """What a claimed stretch of text is. Equal owners make one run of text in reading order."""
    kind: OwnerKind
    name: str | None = None  # a footnote's or marker's series; a heading's level; why text is removed
    number: int | str | None = None  # paragraph, footnote, callout or front-matter heading; a heading's chapter
    part: int | str | None = None  # part of a split paragraph; a section heading's letter

    def __str__(self) -> str:
        return " ".join(str(x) for x in self if x is not None)

    @property
    def num(self) -> int:
        """`number` where it counts: a paragraph's, a footnote's, a box's, a front-matter heading's."""
        if not isinstance(self.number, int):
            raise TypeError(f"{self} has no count")
        return self.number

    @property
    def series(self) -> Series:
        """A footnote's or marker's series (its `name`)."""
        if self.name == "report":
            return "report"
        if self.name == "guideline":
            return "guideline"
        raise TypeError(f"{self} has no series")


class Claim(NamedTuple):
    """Columns `start` to `end` of a line and who holds them; sorts left to right."""
    start: int
    end: int
    owner: Owner


class Sheet:
    def __init__(self, source: Source) -> None:
        self.source = source
        self._claims: defaultdict[int, list[Claim]] = defaultdict(list)

    def claim(self, line: int, start: int, end: int, owner: Owner) -> Span | None:
        text = self.source.line(line)
        # Whitespace at either end belongs to nobody; trimming keeps claims comparable.
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end:
            return None
        for other in self._claims[line]:
            if start < other.end and other.start < end:
                a, b = max(other.start, start), min(other.end, end)
                raise ContentError(self.source.path, line, f"{owner} overlaps {other.owner} at columns {a}-{b}: "
                                                           f"{text[a:b]!r}")
        self._claims[line].append(Claim(start, end, owner))
        return Span(line, start, end)

    def claim_line(self, line: int, owner: Owner) -> Span | None:
        return self.claim(line, 0, len(self.source.line(line)), owner)

    def claim_text(self, line: int, owner: Owner) -> Span:
        """Claims a line that holds text (a heading): its Span."""
        span = self.claim_line(line, owner)
        if span is None:
            raise ContentError(self.source.path, line, f"{owner}: expected text on this line")
        return span

    def claims(self, line: int) -> list[Claim]:
        """The Claims on a line, left to right."""
        return sorted(self._claims.get(line, ()))

    def free_ranges(self, line: int) -> list[tuple[int, int]]:
        """Unclaimed, non-blank stretches of a line, in order."""
        text = self.source.line(line)
        cuts = [(c.start, c.end) for c in self.claims(line)]
        ranges: list[tuple[int, int]] = []
        pos = 0
        for s, e in cuts + [(len(text), len(text))]:
            if s > pos and text[pos:s].strip():
                a, b = pos, s
                while text[a].isspace():
                    a += 1
                while text[b - 1].isspace():
                    b -= 1
                ranges.append((a, b))
            pos = max(pos, e)
        return ranges

    def owner_at(self, line: int, col: int) -> Owner | None:
        for c in self._claims.get(line, ()):
            if c.start <= col < c.end:
                return c.owner
        return None

    def unclaimed(self) -> list[Span]:
        """Every non-blank stretch nobody has claimed."""
        return [Span(n, a, b) for n in range(1, len(self.source.lines) + 1) for a, b in self.free_ranges(n)]
