"""Published anchors: once an address such as paragraphs/62/#commentary-1 is out, it keeps its passage.

Anchors inside a page are numbered in reading order, so an editorial correction (a passage
moved to the paragraph it explains, two blocks found to be one) would silently shift every
number after it, and a trainer's link would land on the wrong text. The register
(`content/permalinks.tsv`) records, for every anchor ever published, the source position
where its passage starts. The source never changes, so that position names the passage for
good:

- a passage keeps the anchor the register gives it on its page;
- a new passage gets a number no published anchor of that page ever had (numbers are never
  reused);
- an anchor whose passage has moved to another page, or into another passage, stays on its old
  page as an alias that sends the reader to where the passage is now.

The register is editorial data: `scripts/permalinks.py --write` adds the anchors of new
passages, and tests fail while any is missing. Its rows are never edited or removed.
"""

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import NamedTuple, Sequence, TypeVar

from .errors import ContentError, read_utf8
from .ids import Anchor, AnchorKind
from .model import Block, Callout, Item, Paragraph, Passage, Report
from .sheet import Position

# The anchor is read by ids.Anchor.parse, which says what is wrong with one.
_ROW = re.compile(r"^(\d{1,3})\t(\S+)\t(\d+):(\d+)\t(.*)$")
# An item of a Guideline list is named by its letter, as the report cites it ("paragraph 97 e)"):
# paragraphs/97/#guideline-e. Its positional anchor of the first edition (#guideline-6) is an alias.
LETTER = re.compile(r"^\(?([a-z])[.)]$")


@dataclass(frozen=True)
class Published:
    paragraph: int
    anchor: Anchor
    line: int
    col: int
    row: int  # line of the register, for errors


@dataclass(frozen=True)
class Alias:
    anchor: Anchor  # on the page that published it
    paragraph: int  # where its passage is now
    target: Anchor


class Located(NamedTuple):
    """A passage with an anchor and the page it is on: what a published source position leads to."""
    paragraph: int
    prefix: str  # of its anchor: "guideline", "commentary", a callout's kind
    item: Item


class PageAnchor(NamedTuple):
    """An anchor on a paragraph page now, as a row of the register would record it."""
    paragraph: int
    anchor: Anchor
    line: int
    col: int
    words: str  # its passage's first words, for the reader of the register


def read_register(path: str | Path) -> list[Published]:
    path = Path(path)
    text = read_utf8(path, "the register of published anchors")
    rows: list[Published] = []
    seen: dict[tuple[int, Anchor], int] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        m = _ROW.match(line)
        if not m:
            raise ContentError(path, number, "expected: paragraph<TAB>anchor<TAB>line:column<TAB>first words")
        try:
            anchor = Anchor.parse(m[2])
        except ValueError as exc:
            raise ContentError(path, number, str(exc)) from exc
        row = Published(int(m[1]), anchor, int(m[3]), int(m[4]), number)
        key = (row.paragraph, row.anchor)
        if key in seen:
            raise ContentError(path, number, f"paragraph {row.paragraph} anchor {row.anchor} is already "
                                             f"registered at line {seen[key]}; expected each anchor once")
        seen[key] = number
        rows.append(row)
    return rows


def anchored_items(paragraph: Paragraph) -> list[tuple[str, Item]]:
    """(prefix, item) for everything on a paragraph page that has an anchor numbered in reading order."""
    return [("guideline", b) for b in paragraph.guideline] + [(_prefix(i), i) for i in paragraph.items]


def _prefix(item: Item) -> str:
    return "commentary" if isinstance(item, Block) else item.id.prefix


def letter_anchor(prefix: str, item: Item) -> Anchor | None:
    """"guideline-e" for item (e) of a Guideline list; None for every other passage."""
    if prefix != "guideline" or not isinstance(item, Block) or item.kind != "li":
        return None
    m = LETTER.match(item.marker or "")
    return Anchor.guideline(m.group(1)) if m else None


def start_of(item: Item) -> Position:
    first = (item if isinstance(item, Block) else item.heading).spans[0]
    return Position(first.line, first.start)


_I = TypeVar("_I", Block, Callout)


def assign(report: Report, register: Sequence[Published] = ()) -> Report:
    """The report with every passage given its anchor (`id`): the one the register gives its source position
    on its page, else a number that page never published."""
    items = {start_of(item): Located(p.number, prefix, item)
             for p in report.paragraphs for prefix, item in anchored_items(p)}
    canonical: dict[int, Anchor] = {}  # id(item) -> anchor
    taken: dict[tuple[int, str], set[int]] = {}  # (paragraph, prefix) -> numbers published there
    for row in register:
        prefix, k = row.anchor.prefix, row.anchor.number
        if row.anchor.kind is AnchorKind.FOOTNOTE or not isinstance(k, int):
            continue  # a footnote keeps its number; a letter anchor is given by the item's marker, below
        taken.setdefault((row.paragraph, prefix), set()).add(k)
        hit = items.get(Position(row.line, row.col))
        if hit and hit.paragraph == row.paragraph and hit.prefix == prefix and id(hit.item) not in canonical:
            canonical[id(hit.item)] = row.anchor

    def anchored(p: Paragraph, prefix: str, item: _I) -> _I:
        anchor = letter_anchor(prefix, item) or canonical.get(id(item))
        if anchor is None:
            used = taken.setdefault((p.number, prefix), set())
            k = min(k for k in range(1, len(used) + 2) if k not in used)
            used.add(k)
            anchor = _numbered(prefix, k)
        return replace(item, id=anchor)

    return replace(report, paragraphs=[
        replace(p, guideline=[anchored(p, "guideline", b) for b in p.guideline],
                items=[anchored(p, "commentary", i) if isinstance(i, Block) else anchored(p, i.id.prefix, i)
                       for i in p.items]) for p in report.paragraphs])


def moved(passages: Sequence[Passage], register: Sequence[Published] = (),
          path: str | Path | None = "content/permalinks.tsv") -> dict[int, list[Alias]]:
    """The published anchors whose passage is now elsewhere, {paragraph that published it: [Alias]}."""
    starts = {s.start: s for s in passages if s.zone != "footnote"}
    notes = {s.anchor: s for s in passages if s.zone == "footnote"}
    aliases: dict[int, list[Alias]] = {}
    for row in register:
        if row.anchor.kind is AnchorKind.FOOTNOTE:
            note = notes.get(row.anchor)
            if note is None:
                raise ContentError(path, row.row, f"footnote {row.anchor} is published but no longer in the report")
            if note.paragraph != row.paragraph:
                aliases.setdefault(row.paragraph, []).append(Alias(row.anchor, note.paragraph, row.anchor))
            continue
        where = starts.get(Position(row.line, row.col)) or _containing(passages, row)
        if where is None:
            raise ContentError(path, row.row, f"paragraph {row.paragraph} anchor {row.anchor}: no passage of the "
                                              f"report starts at or contains line {row.line}, column {row.col}; "
                                              f"a published anchor must keep landing on its passage")
        if (where.paragraph, where.anchor) != (row.paragraph, row.anchor):
            aliases.setdefault(row.paragraph, []).append(Alias(row.anchor, where.paragraph, where.anchor))
    return aliases


def _containing(passages: Sequence[Passage], row: Published) -> Passage | None:
    for s in passages:
        if s.zone != "footnote" and any(line == row.line and start <= row.col < end for line, start, end in s.spans):
            return s
    return None


def unregistered(report: Report, register: Sequence[Published]) -> list[PageAnchor]:
    """Anchors on the pages now that the register does not hold: to be added before they are published."""
    known = {(r.paragraph, r.anchor) for r in register}
    return [row for row in current_rows(report) if (row.paragraph, row.anchor) not in known]


def current_rows(report: Report) -> list[PageAnchor]:
    """The PageAnchor of every anchor on the paragraph pages now."""
    return [PageAnchor(s.paragraph, s.anchor, *s.start, _first_words(s.blocks[0].text if s.blocks else s.text))
            for s in report.passages]


def _numbered(prefix: str, k: int) -> Anchor:
    """The k-th anchor of a kind on a page: "guideline-2", "commentary-3", "good-practice-1"."""
    if prefix == "guideline":
        return Anchor.guideline(k)
    if prefix == "commentary":
        return Anchor.commentary(k)
    return Anchor.box(prefix, k)


def format_rows(rows: Sequence[PageAnchor]) -> str:
    return "".join(f"{n}\t{anchor}\t{line}:{col}\t{words}\n" for n, anchor, line, col, words in rows)


def _first_words(text: str, count: int = 8) -> str:
    return " ".join(text.split()[:count])
