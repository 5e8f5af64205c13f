"""What every step of the extraction reads (the text, the editorial file, the page layout) and the sheet and
list of removals they add to; and what the steps hand to the model's assembly."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple, NoReturn

from .editorial import Editorial as Editorial
from .layout import Layout
from .model import Block, Item, Removed
from .schema import Record
from .sheet import Owner, Position, Sheet
from .source import Source
from .textflow import Piece, make_block, split_blocks

# Any entry of the editorial file (a record of macros/editorial.py): its line and file, for errors.
EditorialItem = Record


@dataclass
class Context:
    """What every step of the extraction reads, and the sheet and list of removals it adds to."""
    source: Source
    ed: Editorial
    layout: Layout
    sheet: Sheet
    removed: list[Removed]  # as the steps find them

    def fail(self, item: EditorialItem, message: str) -> NoReturn:
        """Stop at the editorial file's line of `item`."""
        raise item.error(message)

    def blocks(self, pieces: list[Piece]) -> list[Block]:
        """The blocks a run of pieces makes (macros/textflow.py)."""
        return [make_block(self.source.lines, b) for b in split_blocks(self.source.lines, pieces)]


class Run(NamedTuple):
    """A stretch of one owner's text in reading order; pieces of other owners in between are Gaps."""
    owner: Owner
    pieces: list[Piece]


class Placed(NamedTuple):
    """A commentary block or box, at its place in the source, for the paragraph it belongs to."""
    position: Position  # where it starts
    paragraph: int
    item: Item
