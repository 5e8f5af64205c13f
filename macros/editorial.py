"""The reviewed editorial file: what no rule can decide, as one typed record (`Editorial`) with its lines.

Each entry of content/editorial.yaml becomes a frozen record (macros/schema.py) that knows its file, its line
and the line of each of its keys, so a value that does not fit the records below, or an anchor that no longer
matches the report, is reported at its own line of ``content/editorial.yaml``.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, ClassVar

from .callouts import TYPES
from .provisions import parse_provision
from .schema import Kind, Record, key, load, optional

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
REGIONS = ("Africa", "Americas", "Asia-Pacific", "Europe", "Middle East", "International")
PARAGRAPHS = 113


def _whole(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)  # YAML's yes/no are not numbers


def _words(v: Any) -> bool:
    return isinstance(v, str) and bool(v.strip())


Words = Annotated[str, Kind("words of the report", _words)]
# A link's target: a web address, never javascript: or data: (it becomes an href a reader clicks).
WebAddress = Annotated[str, Kind("a web address (http://, https:// or www.)", lambda v: isinstance(v, str)
                                 and bool(re.fullmatch(r"(?:https?://|www\.)[^\s<>\"`]+", v)))]
LineNumber = Annotated[int, Kind("a line number of the report", lambda v: _whole(v) and v >= 1)]
ParagraphNumber = Annotated[int, Kind(f"a paragraph number, 1–{PARAGRAPHS}",
                                      lambda v: _whole(v) and 1 <= v <= PARAGRAPHS)]
ChapterNumber = Annotated[str, Kind("a chapter number, I–X", lambda v: isinstance(v, str) and v in ROMAN)]
Letter = Annotated[str, Kind("a section letter, A–Z",
                             lambda v: isinstance(v, str) and len(v) == 1 and "A" <= v <= "Z")]
CalloutType = Annotated[str, Kind(f"one of {', '.join(TYPES)}", lambda v: isinstance(v, str) and v in TYPES)]
Region = Annotated[str, Kind(f"one of {', '.join(REGIONS)}", lambda v: isinstance(v, str) and v in REGIONS)]
Heading = Annotated[str | tuple[str, ...], Kind("words of the report, or a list of them", lambda v: _words(v) or (
    isinstance(v, list) and bool(v) and all(map(_words, v))))]


@dataclass(frozen=True)
class FrontMatter(Record):
    NAME = "front matter"
    headings: tuple[Words, ...]
    end: Words
    title: str | None = optional()


@dataclass(frozen=True)
class ChapterEntry(Record):
    NAME = "chapter"
    number: ChapterNumber
    title: str
    heading: Words | None = None


@dataclass(frozen=True)
class SectionEntry(Record):
    NAME = "section"
    chapter: ChapterNumber
    letter: Letter
    title: str
    heading: Heading

    @property
    def headings(self) -> tuple[str, ...]:
        """The words of its heading, one anchor per line where the report breaks it."""
        return (self.heading,) if isinstance(self.heading, str) else self.heading


@dataclass(frozen=True)
class Part(Record):
    NAME = "part"
    start: Words
    end: Words


@dataclass(frozen=True)
class ParagraphEntry(Record):
    NAME = "paragraph"
    n: int
    title: str
    chapter: ChapterNumber
    parts: Annotated[tuple[Part, ...], Kind("a list of at least 1", lambda v: isinstance(v, list) and bool(v))]
    section: Letter | None = None
    number_line: LineNumber | None = None
    note: str = ""


@dataclass(frozen=True)
class Attach(Record):
    """A passage the rules would give another paragraph; why: for readers, on the apparatus page; note: for
    the reviewer (lines, the entries around it)."""
    NAME = "attach entry"
    start: Words
    to: ParagraphNumber
    why: str = ""
    note: str = ""


@dataclass(frozen=True)
class CalloutEntry(Record):
    NAME = "callout entry"
    start: Words
    origin: str | None = optional()
    region: Region | None = optional()


@dataclass(frozen=True)
class CalloutSpec(Record):
    NAME = "callout"
    type: CalloutType
    paragraph: ParagraphNumber
    heading_line: LineNumber | None = optional()
    end: Words | None = None
    note: str = ""
    entries: tuple[CalloutEntry, ...] = ()


@dataclass(frozen=True)
class GuidelineFootnote(Record):
    NAME = "Guidelines footnote"
    n: int
    paragraph: ParagraphNumber
    start: Words


@dataclass(frozen=True)
class FootnoteFix(Record):
    NAME = "footnote fix"
    report_line: LineNumber = field(metadata=key("line"))  # `line` in the file: the record's own is its line
    printed: int
    number: int
    why: str


@dataclass(frozen=True)
class MarkerFix(Record):
    NAME = "marker fix"
    number: int
    anchor: Words
    why: str = ""


@dataclass(frozen=True)
class LinkFix(Record):
    NAME = "link fix"
    at: Words
    url: WebAddress | None = None
    why: str = ""


@dataclass(frozen=True)
class ExtraUrl(Record):
    NAME = "extra URL"
    url: WebAddress
    why: str


@dataclass(frozen=True)
class MisprintEntry(Record):
    NAME = "misprint"
    at: Words
    means: str
    why: str
    link_to: ParagraphNumber | None = optional()
    article_to: str | None = optional()


@dataclass(frozen=True)
class Editorial(Record):
    """content/editorial.yaml. A section that is not listed here is refused: a misspelt optional section would
    otherwise be silently ignored."""
    NAME = "the editorial file"
    KEY: ClassVar[str] = "section"
    front_matter: FrontMatter
    chapters: tuple[ChapterEntry, ...]
    sections: tuple[SectionEntry, ...]
    paragraphs: tuple[ParagraphEntry, ...]
    callouts: tuple[CalloutSpec, ...]
    guideline_footnotes: tuple[GuidelineFootnote, ...]
    attach: tuple[Attach, ...] = ()
    footnote_fixes: tuple[FootnoteFix, ...] = ()
    marker_fixes: tuple[MarkerFix, ...] = ()
    link_fixes: tuple[LinkFix, ...] = ()
    extra_urls: tuple[ExtraUrl, ...] = ()
    misprints: tuple[MisprintEntry, ...] = ()


def read_editorial(path: str | Path) -> Editorial:
    """The editorial file, every value checked against the records above, then validate()."""
    ed = load(Path(path), Editorial, "the editorial file")
    validate(ed)
    return ed


# ---------------------------------------------------------------- rules across items

def validate(ed: Editorial) -> None:
    """What one entry cannot say alone (each was checked against its record when read); whether anchors
    match the text is checked where they are used."""
    _check_chapters(ed)
    letters = _check_sections(ed)
    _check_paragraphs(ed, letters)
    _check_callout_entries(ed)
    _check_front_matter(ed)
    _check_misprints(ed)


def _check_chapters(ed: Editorial) -> None:
    numbers = [ch.number for ch in ed.chapters]
    if numbers != ROMAN:
        raise (ed.chapters[0] if ed.chapters else ed).error(f"expected chapters I–X in order, found {numbers}")


def _check_sections(ed: Editorial) -> dict[str, list[str]]:
    """The letters of each chapter's sections."""
    letters: dict[str, list[str]] = {}
    for sec in ed.sections:
        mine = letters.setdefault(sec.chapter, [])
        if sec.letter in mine:
            raise sec.error(f"section {sec.chapter}.{sec.letter} is listed twice", "letter")
        mine.append(sec.letter)
    return letters


def _check_paragraphs(ed: Editorial, letters: dict[str, list[str]]) -> None:
    for expected, p in enumerate(ed.paragraphs, start=1):
        if p.n != expected:
            raise p.error(f"expected paragraph {expected}, found {p.n} (numbers must run 1–{PARAGRAPHS} in order)")
        # A paragraph under a letter its chapter does not have would be left off the chapter's page.
        own = letters.get(p.chapter, [])
        if p.section is not None and p.section not in own:
            allowed = f"one of {', '.join(own)}, or null" if own else "null (the chapter has no sections)"
            raise p.error(f"paragraph {p.n}: chapter {p.chapter} has no section {p.section!r}; expected {allowed}",
                          "section")
    if len(ed.paragraphs) != PARAGRAPHS:
        raise (ed.paragraphs[-1] if ed.paragraphs else ed).error(
            f"expected {PARAGRAPHS} paragraphs, found {len(ed.paragraphs)}")


def _check_callout_entries(ed: Editorial) -> None:
    for c in ed.callouts:
        for entry in c.entries:
            if c.type == "resource_tip":
                # Resources have no origin; entries only group a resource with its description.
                if entry.given("origin") or entry.given("region"):
                    raise entry.error("a resource tip entry takes no origin or region")
                continue
            for name, expected in (("origin", "text"), ("region", f"one of {', '.join(REGIONS)}")):
                if not entry.given(name):
                    raise entry.error(f"callout entry of a {c.type} box: expected `{name}` ({expected})")


def _check_front_matter(ed: Editorial) -> None:
    fm = ed.front_matter
    if fm.title is not None and fm.title not in fm.headings:
        raise fm.error(f"front matter title {fm.title!r}: expected one of its headings "
                       f"({', '.join(map(repr, fm.headings))})", "title")


# The printed number of a misprinted cross-reference ("paragraph 52"), which `link_to` replaces.
MISPRINTED_PARAGRAPH = re.compile(r"paragraphs?\s+(\d+)")


def _check_misprints(ed: Editorial) -> None:
    for m in ed.misprints:
        if m.link_to is not None:
            printed = MISPRINTED_PARAGRAPH.search(m.at)
            if printed is None or int(printed.group(1)) == m.link_to:
                raise m.error(f"misprint with link_to {m.link_to}: expected `at` to hold the misprinted "
                              f"\"paragraph N\" (N not {m.link_to}), found {m.at!r}", "at")
        if m.article_to is not None and parse_provision(m.article_to) is None:
            raise m.error(f"misprint: expected `article_to` to be a provision of the Optional Protocol such as "
                          f"\"3 (1) (a) (ii)\", found {m.article_to!r}", "article_to")
