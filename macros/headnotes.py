"""Headnotes: the questions each passage answers, in the words readers type (content/headnotes.yaml).

Readers ask "can a child be prosecuted for sexting?"; the report answers in its own terms ("self-generated
sexual content", "criminal liability"). A headnote is the edition's, written by reading the passage: a
question or description a reader would type, tied to the passage that answers it by a quotation of the
report's words, which must stand in exactly one passage of that paragraph. Search finds a passage by its
headnotes as by its words and lands on it; the headnotes themselves are never shown as the report's text.
"""

from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import ContentError, parse_yaml, read_utf8
from .ids import Anchor
from .model import Report
from .passages import locate

FILE = "headnotes.yaml"  # in the folder of the lists (content/)
MAX_WORDS = 20


@dataclass(frozen=True)
class Headnote:
    paragraph: int
    anchor: Anchor  # the passage that answers it: "guideline-1", "commentary-3", "good-practice-1", "fn:r46"
    asks: tuple[str, ...]
    line: int  # of its entry in the file


def read_headnotes(path: str | Path, report: Report) -> list[Headnote]:
    """Every headnote of `path`, each tied to its passage; a ContentError at the line of a bad entry."""
    text = read_utf8(path, "the headnotes file")
    root = parse_yaml(path, text, yaml.compose)
    if root is None:
        return []
    if not isinstance(root, yaml.SequenceNode):
        raise ContentError(path, 1, "expected a list of {paragraph, quote, asks}")
    numbers = {p.number for p in report.paragraphs}
    out = []
    for node in root.value:
        line = node.start_mark.line + 1
        item = yaml.safe_load(yaml.serialize(node))
        if not isinstance(item, dict) or set(item) != {"paragraph", "quote", "asks"}:
            raise ContentError(path, line, "a headnote needs `paragraph`, `quote` and `asks`, and nothing else")
        n, quote, asks = item["paragraph"], item["quote"], item["asks"]
        if not (isinstance(n, int) and n in numbers):
            raise ContentError(path, line, f"`paragraph` must be the number of a paragraph, not {n!r}")
        if not (isinstance(quote, str) and len(quote.split()) >= 4):
            raise ContentError(path, line, "`quote` must be the report's words, four or more")
        if not (isinstance(asks, list) and asks
                and all(isinstance(a, str) and 0 < len(a.split()) <= MAX_WORDS for a in asks)):
            raise ContentError(path, line, f"`asks` must be a list of questions of 1 to {MAX_WORDS} words")
        where = [s for s in locate(report, quote) if s.paragraph == n]
        if len(where) != 1:
            found = "in no passage" if not where else f"in {len(where)} passages"
            raise ContentError(path, line, f"the quote stands {found} of paragraph {n}: {quote!r}")
        out.append(Headnote(n, where[0].anchor, tuple(a.strip() for a in asks), line))
    return out
