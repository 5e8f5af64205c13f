"""Who owns each character of the source.

Every later step claims the stretches of source text it accounts for. A claim
that overlaps another is a bug or bad editorial data and stops the build, and
the finished sheet is the proof that no character was used twice or left out.
"""

from collections import defaultdict
from typing import NamedTuple

from .errors import ContentError


class Span(NamedTuple):
    """Columns `start` to `end` of one source line: the unit every claim, block and footnote is made of."""
    line: int
    start: int
    end: int


class Position(NamedTuple):
    """A point of the source, as the editorial file's anchors name it; compares in reading order."""
    line: int
    col: int


class Owner(NamedTuple):
    """What a claimed stretch of text is. Equal owners make one run of text in reading order."""
    kind: str  # "guideline", "commentary", "callout", "callout-heading", "heading", "front", "footnote",
    #            "marker" or "removed"
    name: str = None  # a footnote's or marker's series; a heading's level; why text is removed
    number: object = None  # paragraph, footnote, callout or front-matter heading; a heading's chapter
    part: object = None  # part of a split paragraph; a section heading's letter

    def __str__(self):
        return " ".join(str(x) for x in self if x is not None)


class Claim(NamedTuple):
    """Columns `start` to `end` of a line and who holds them; sorts left to right."""
    start: int
    end: int
    owner: Owner


class Sheet:
    def __init__(self, source):
        self.source = source
        self._claims = defaultdict(list)  # line -> [Claim]

    def claim(self, line, start, end, owner):
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

    def claim_line(self, line, owner):
        return self.claim(line, 0, len(self.source.line(line)), owner)

    def claims(self, line):
        """The Claims on a line, left to right."""
        return sorted(self._claims.get(line, ()))

    def free_ranges(self, line):
        """Unclaimed, non-blank stretches of a line, in order."""
        text = self.source.line(line)
        cuts = [(c.start, c.end) for c in self.claims(line)]
        ranges, pos = [], 0
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

    def owner_at(self, line, col):
        for c in self._claims.get(line, ()):
            if c.start <= col < c.end:
                return c.owner
        return None

    def unclaimed(self):
        """Every non-blank stretch nobody has claimed."""
        return [Span(n, a, b) for n in range(1, len(self.source.lines) + 1) for a, b in self.free_ranges(n)]
