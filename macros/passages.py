"""Every passage of the Guidelines paragraphs' pages, in page order, made once when the model is built, and
where a quotation of the text stands: what the editorial lists of content/ (cases, glossary) and the headnotes
are anchored to."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Literal

from .ids import Anchor
from .model import Block, Callout, Footnote, Paragraph, Passage, Report, item_blocks


def collect(report: Report) -> tuple[Passage, ...]:
    """The passages of every paragraph page: its Guideline text, its commentary and boxes in reading order,
    its footnotes. The anchors must have been given (macros/permalinks.py)."""
    return tuple(p for paragraph in report.paragraphs for p in _of(paragraph))


def _of(p: Paragraph) -> Iterator[Passage]:
    for b in p.guideline:
        yield _block(p.number, b, "guideline")
    for item in p.items:
        yield _block(p.number, item, "commentary") if isinstance(item, Block) else _box(p.number, item)
    for f in p.footnotes:
        yield _footnote(f)


def _block(paragraph: int, b: Block, zone: Literal["guideline", "commentary"]) -> Passage:
    assert b.id is not None, "anchors are given before passages are made"
    return Passage(paragraph, b.id, zone, b, (b,), tuple(b.spans), b.lines, b.text)


def _box(paragraph: int, c: Callout) -> Passage:
    blocks = tuple(item_blocks(c))
    origins = [e.origin for e in c.entries if e.origin]
    last = blocks[-1].lines[1]
    return Passage(paragraph, c.id, "box", c, blocks, tuple(s for b in blocks for s in b.spans),
                   (c.heading.lines[0], last), " ".join([*origins, *(b.text for b in blocks)]))


def _footnote(f: Footnote) -> Passage:
    return Passage(f.paragraph, Anchor.footnote(f.series, f.number), "footnote", f, (), tuple(f.spans), f.lines,
                   f.text)


def passages(report: Report) -> tuple[Passage, ...]:
    """The report's passages (Report.passages): for the callers that took them from here."""
    return report.passages


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


# The last report's passages with their white space squashed: each of the lists' quotations searches them all
# (88 of them, over some 900 passages), so they are squashed once, not once per quotation.
_squashed: tuple[Report, dict[int | None, list[tuple[Passage, str]]]] | None = None


def locate(report: Report, quote: str, paragraph: int | None = None) -> list[Passage]:
    """The passages (of `paragraph`'s page, if given) that hold `quote` (white space aside)."""
    global _squashed
    if _squashed is None or _squashed[0] is not report:
        by_page: dict[int | None, list[tuple[Passage, str]]] = {None: []}
        for s in report.passages:
            squashed = (s, _squash(s.text))
            by_page[None].append(squashed)
            by_page.setdefault(s.paragraph, []).append(squashed)
        _squashed = (report, by_page)
    quote = _squash(quote)
    return [s for s, text in _squashed[1].get(paragraph, []) if quote in text]
