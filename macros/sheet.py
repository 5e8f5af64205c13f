"""Who owns each character of the source.

Every later step claims the stretches of source text it accounts for. A claim
that overlaps another is a bug or bad editorial data and stops the build, and
the finished sheet is the proof that no character was used twice or left out.
"""

from collections import defaultdict

from .errors import ContentError


class Sheet:
    def __init__(self, source):
        self.source = source
        self._claims = defaultdict(list)  # line -> [(start, end, owner)]

    def claim(self, line, start, end, owner):
        text = self.source.line(line)
        # Whitespace at either end belongs to nobody; trimming keeps claims comparable.
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end:
            return None
        for s, e, other in self._claims[line]:
            if start < e and s < end:
                raise ContentError(
                    self.source.path, line,
                    f"{describe(owner)} overlaps {describe(other)} at columns {max(s, start)}-{min(e, end)}: "
                    f"{text[max(s, start):min(e, end)]!r}",
                )
        self._claims[line].append((start, end, owner))
        return (line, start, end)

    def claim_line(self, line, owner):
        return self.claim(line, 0, len(self.source.line(line)), owner)

    def claims(self, line):
        return sorted(self._claims.get(line, ()))

    def is_free(self, line):
        """True when the line has text and none of it is claimed yet."""
        return bool(self.source.line(line).strip()) and not self._claims.get(line)

    def free_ranges(self, line):
        """Unclaimed, non-blank stretches of a line, in order."""
        text = self.source.line(line)
        cuts = [(s, e) for s, e, _ in self.claims(line)]
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
        for s, e, owner in self._claims.get(line, ()):
            if s <= col < e:
                return owner
        return None

    def unclaimed(self):
        """(line, start, end) of every non-blank stretch nobody has claimed."""
        out = []
        for n in range(1, len(self.source.lines) + 1):
            for a, b in self.free_ranges(n):
                out.append((n, a, b))
        return out


def describe(owner):
    return " ".join(str(part) for part in owner) if isinstance(owner, tuple) else str(owner)
