"""Every passage of the Guidelines paragraphs' pages, in page order, and where a quotation of the text
stands: what the editorial lists of content/ (cases, glossary) are anchored to."""

import re
from dataclasses import dataclass

from .model import Anchor, Block


@dataclass(frozen=True)
class Passage:
    paragraph: int
    anchor: Anchor  # its id on the paragraph page: "guideline-2", "commentary-3", "case-law-1", "fn:r46"
    zone: str  # "guideline" | "commentary" | "box" | "footnote"
    text: str  # its words, blocks joined by a space


def passages(report):
    for p in report.paragraphs:
        for b in p.guideline:
            yield Passage(p.number, b.id, "guideline", b.text)
        for item in p.items:
            if isinstance(item, Block):
                yield Passage(p.number, item.id, "commentary", item.text)
            else:
                blocks = [item.heading] if item.heading else []
                blocks += [b for e in item.entries for b in e.blocks]
                origins = [e.origin for e in item.entries if e.origin]
                yield Passage(p.number, item.id, "box", " ".join([*origins, *(b.text for b in blocks)]))
        for f in p.footnotes:
            yield Passage(p.number, Anchor.footnote(f.series, f.number), "footnote", f.text)


def _squash(text):
    return re.sub(r"\s+", " ", text).strip()


# The last report's passages with their white space squashed: each of the lists' quotations searches them all
# (88 of them, over some 900 passages), so they are squashed once, not once per quotation.
_squashed = None  # (report, [(Passage, its squashed text)])


def locate(report, quote):
    """The passages that hold `quote` (white space aside)."""
    global _squashed
    if _squashed is None or _squashed[0] is not report:
        _squashed = (report, [(s, _squash(s.text)) for s in passages(report)])
    quote = _squash(quote)
    return [s for s, text in _squashed[1] if quote in text]
