"""Headnotes: the questions each passage answers, in the words readers type (content/headnotes.yaml).

Readers ask "can a child be prosecuted for sexting?"; the report answers in its own terms ("self-generated
sexual content", "criminal liability"). A headnote is the edition's, written by reading the passage: a
question or description a reader would type, tied to the passage that answers it by a quotation of the
report's words, which must stand in exactly one passage of that paragraph. Search finds a passage by its
headnotes as by its words and lands on it; the headnotes themselves are never shown as the report's text.
"""

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from .ids import Anchor
from .model import Report
from .passages import locate
from .schema import Kind, Record, load_all

FILE = "headnotes.yaml"  # in the folder of the lists (content/)
MAX_WORDS = 20


@dataclass(frozen=True)
class Headnote:
    paragraph: int
    anchor: Anchor  # the passage that answers it: "guideline-1", "commentary-3", "good-practice-1", "fn:r46"
    asks: tuple[str, ...]
    line: int  # of its entry in the file


Question = Annotated[str, Kind(f"a question of 1 to {MAX_WORDS} words",
                               lambda v: isinstance(v, str) and 0 < len(v.split()) <= MAX_WORDS)]


@dataclass(frozen=True)
class _Entry(Record):
    NAME = "headnote"
    paragraph: int
    quote: Annotated[str, Kind("the report's words, four or more",
                               lambda v: isinstance(v, str) and len(v.split()) >= 4)]
    asks: Annotated[tuple[Question, ...], Kind("a list of questions", lambda v: isinstance(v, list) and bool(v))]


def read_headnotes(path: str | Path, report: Report) -> list[Headnote]:
    """Every headnote of `path`, each tied to its passage; a ContentError at the line of a bad entry."""
    numbers = {p.number for p in report.paragraphs}
    out = []
    for e in load_all(Path(path), _Entry, "the headnotes file"):
        if e.paragraph not in numbers:
            raise e.error(f"`paragraph` must be the number of a paragraph, not {e.paragraph!r}", "paragraph")
        where = locate(report, e.quote, e.paragraph)
        if len(where) != 1:
            found = "in no passage" if not where else f"in {len(where)} passages"
            raise e.error(f"the quote stands {found} of paragraph {e.paragraph}: {e.quote!r}", "quote")
        out.append(Headnote(e.paragraph, where[0].anchor, tuple(a.strip() for a in e.asks), e.line))
    return out
