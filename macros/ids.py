"""The anchors the paragraph pages publish ("guideline-2", "commentary-3", "good-practice-1", "fn:r19"): one typed
record, built and read back here only (not the editorial file's anchors, words of the text: macros/anchors.py)."""

from __future__ import annotations

import re
from enum import Enum
from typing import Literal

from .callouts import KINDS as CALLOUT_KINDS

Series = Literal["report", "guideline"]  # the report's own footnotes, the Guidelines' small series


class AnchorKind(Enum):
    """What a published anchor names."""
    GUIDELINE = "guideline"  # a passage of the Guidelines' text: "guideline-2", an item of its list "guideline-e"
    COMMENTARY = "commentary"  # a passage of ECPAT's commentary: "commentary-3"
    BOX = "box"  # a box, named by its kind (macros/callouts.py): "good-practice-1"
    FOOTNOTE = "footnote"  # a note of either series: "fn:r19", "fn:g2"
    SECTION = "section"  # a section heading on its chapter's page: "section-b"


_SERIES_LETTER: dict[Series, str] = {"report": "r", "guideline": "g"}
_BOX_SLUGS = frozenset(k.slug for k in CALLOUT_KINDS)
_ID = re.compile(r"fn:(?P<series>[rg])(?P<note>\d+)|(?P<prefix>[a-z]+(?:-[a-z]+)*)-(?P<number>\d+|[a-z])")


class Anchor(str):
    """A published anchor: the string is the id as pages, links and the register of published anchors give it
    (`str(anchor)`: "commentary-3", "fn:r19"), and its parts are typed, so that nothing builds or splits the
    string again. A str, so that an anchor stands wherever an id is written or compared."""

    kind: AnchorKind
    prefix: str  # "guideline", "commentary", "section", a box kind's slug ("good-practice"); a footnote's "r" or "g"
    number: int | str  # the count on its page, or a letter ("guideline-e", "section-b")

    def __new__(cls, kind: AnchorKind, prefix: str, number: int | str) -> Anchor:
        text = f"fn:{prefix}{number}" if kind is AnchorKind.FOOTNOTE else f"{prefix}-{number}"
        self = super().__new__(cls, text)
        self.kind, self.prefix, self.number = kind, prefix, number
        return self

    def __reduce__(self) -> tuple[type[Anchor], tuple[AnchorKind, str, int | str]]:
        # Copies (dataclasses.asdict) and pickles keep the parts.
        return (Anchor, (self.kind, self.prefix, self.number))

    @classmethod
    def guideline(cls, number: int | str) -> Anchor:
        return cls(AnchorKind.GUIDELINE, "guideline", number)

    @classmethod
    def commentary(cls, number: int) -> Anchor:
        return cls(AnchorKind.COMMENTARY, "commentary", number)

    @classmethod
    def box(cls, slug: str, number: int) -> Anchor:
        if slug not in _BOX_SLUGS:
            raise ValueError(f"no kind of box is named {slug!r} (macros/callouts.py)")
        return cls(AnchorKind.BOX, slug, number)

    @classmethod
    def footnote(cls, series: Series, number: int) -> Anchor:
        return cls(AnchorKind.FOOTNOTE, _SERIES_LETTER[series], number)

    @classmethod
    def section(cls, letter: str) -> Anchor:
        return cls(AnchorKind.SECTION, "section", letter.lower())

    @classmethod
    def parse(cls, text: str) -> Anchor:
        """The anchor an id names, as the register, the headnotes or a link give it; ValueError if none."""
        m = _ID.fullmatch(text)
        if m is None:
            raise ValueError(f"not an anchor of this edition: {text!r}")
        if m["series"]:
            return cls(AnchorKind.FOOTNOTE, m["series"], int(m["note"]))
        prefix, raw = m["prefix"], m["number"]
        number: int | str = int(raw) if raw.isdigit() else raw
        kinds = {"guideline": AnchorKind.GUIDELINE, "commentary": AnchorKind.COMMENTARY, "section": AnchorKind.SECTION}
        if prefix in kinds:
            return cls(kinds[prefix], prefix, number)
        if isinstance(number, int):
            return cls.box(prefix, number)
        raise ValueError(f"not an anchor of this edition: {text!r}")

    @property
    def note(self) -> str:
        """A footnote's "r19" of "fn:r19", which its marker's id ("fnref:r19") is made of too."""
        if self.kind is not AnchorKind.FOOTNOTE:
            raise ValueError(f"{self} is not a footnote's anchor")
        return f"{self.prefix}{self.number}"

    @property
    def series(self) -> Series | None:
        """A footnote's series; None for any other anchor."""
        if self.kind is not AnchorKind.FOOTNOTE:
            return None
        return "report" if self.prefix == "r" else "guideline"

