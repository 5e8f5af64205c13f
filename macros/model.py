"""The typed model of the report: plain dataclasses, exported as report.json."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from functools import cached_property
from typing import TYPE_CHECKING, Any, Callable, ClassVar, Iterator, Literal, Sequence

from .ids import Anchor, Series
from .sheet import Position, Span

if TYPE_CHECKING:
    from .apparatus import Intervention
    from .edition import Edition
    from .permalinks import Alias

BlockKind = Literal["p", "li", "quote", "heading", "title", "signature"]
LinkKind = Literal["available_here", "url", "missing"]
Zone = Literal["guideline", "commentary", "box", "footnote"]  # the part of a paragraph page a passage is in


@dataclass(frozen=True)
class Ref:
    """A footnote marker at `offset` in its block's text."""
    series: Series
    number: int
    offset: int


@dataclass(frozen=True)
class Link:
    offset: int
    length: int
    url: str | None  # None for kind "missing"
    kind: LinkKind  # "missing": an "Available here" whose address the report never printed


@dataclass(frozen=True)
class UnresolvedLink:
    """An "Available here" the report printed no address for; exported as is, so a reader of the data sees why."""
    line: int
    text: str
    why: str


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    text: str
    lines: tuple[int, int]  # (first, last) source line
    spans: Sequence[Span]  # (line, start, end) of source text it was made from
    refs: Sequence[Ref] = ()
    links: Sequence[Link] = ()
    marker: str | None = None  # list marker as printed: "(a)", "•", "1."
    id: Anchor | None = None  # anchor on its paragraph page ("commentary-3"), for Guideline and commentary passages


@dataclass(frozen=True)
class Entry:
    blocks: list[Block]
    origin: str | None = None
    region: str | None = None


@dataclass(frozen=True)
class Callout:
    id: Anchor  # stable anchor within its paragraph page: "good-practice-1"
    type: str  # a kind of box of macros/callouts.py: "good_practice"
    heading: Block
    paragraph: int
    entries: list[Entry]


@dataclass(frozen=True)
class Footnote:
    series: Series
    number: int
    printed: int
    text: str
    lines: tuple[int, int]
    spans: Sequence[Span]
    links: Sequence[Link]
    marker: Span  # (line, start, end) of the marker in the text
    paragraph: int  # the paragraph whose page shows it
    note: str | None = None


@dataclass(frozen=True)
class Section:
    letter: str
    title: str
    heading: Block | None = None


@dataclass(frozen=True)
class Chapter:
    number: str
    title: str
    heading: Block | None = None  # None where the report printed no heading
    sections: list[Section] = field(default_factory=list)


Item = Block | Callout  # what a paragraph's commentary is made of: passages and boxes


@dataclass(frozen=True)
class Paragraph:
    number: int
    title: str
    chapter: str
    section: str | None
    guideline: list[Block]
    items: list[Item]  # commentary passages and boxes, in reading order
    footnotes: list[Footnote] = field(default_factory=list)

    @property
    def commentary(self) -> list[Block]:
        return [i for i in self.items if isinstance(i, Block)]

    @property
    def callouts(self) -> list[Callout]:
        return [i for i in self.items if isinstance(i, Callout)]


@dataclass(frozen=True)
class Passage:
    """A passage a reader can land on: its page, its anchor there, and its words. Made once, when the model is
    built (macros/passages.py); search entries, the apparatus, headnotes, the register of anchors and the
    indexes read these, not the model's nesting."""
    paragraph: int
    anchor: Anchor
    zone: Zone
    item: Block | Callout | Footnote  # the model's record of it
    blocks: tuple[Block, ...]  # its own, or a box's heading then its entries' (none for a footnote)
    spans: tuple[Span, ...]  # the source it was made from, its first words first
    lines: tuple[int, int]  # first and last source line
    text: str  # its words, blocks joined by a space (a box's origins first)

    @property
    def start(self) -> Position:
        """Where its first words stand in the source: what names it for good (macros/permalinks.py)."""
        return Position(self.spans[0].line, self.spans[0].start)


@dataclass(frozen=True)
class Removed:
    """Source text that is not text of the report (page furniture), and why it was taken out."""
    line: int
    text: str
    reason: str  # as data/report.json gives it
    span: Span | None = None  # (line, start, end) of what was removed
    # A page-end URL: the line of the "Available here" whose target it is (None: not a link target, or unused).
    # Not exported: the reason says it in words.
    target_of: int | None = None


@dataclass(frozen=True)
class Misprint:
    """A misprint of the report, from the editorial file: kept as printed, meant as `means`."""
    paragraph: int | None  # the page of the passage it stands in
    anchor: Anchor | None  # that passage
    line: int  # of the source
    printed: str
    means: str
    why: str
    link_to: int | None = None  # a misprinted cross-reference: the paragraph meant
    article_to: str | None = None  # a misprinted article of the Optional Protocol: the provision meant

    kind: ClassVar[str] = "misprint"  # what the registry of instruments reads (Registry.with_misprints), as of an Intervention


@dataclass(frozen=True)
class Report:
    source: str
    sha256: str
    front_matter: list[Block]
    chapters: list[Chapter]
    paragraphs: list[Paragraph]
    removed: list[Removed]
    unresolved_links: list[UnresolvedLink] = field(default_factory=list)
    aliases: dict[int, list[Alias]] = field(default_factory=dict)  # published anchors that moved, by page
    passages: tuple[Passage, ...] = ()  # every passage of the paragraph pages, in page order
    misprints: tuple[Misprint, ...] = ()  # in the order of the editorial file
    apparatus: list[Intervention] = field(default_factory=list)  # every intervention of this edition

    def paragraph(self, number: int) -> Paragraph:
        return self.paragraphs[number - 1]

    def passages_on(self, number: int) -> tuple[Passage, ...]:
        """The passages of a paragraph's page, in page order."""
        return self._passages_by_page.get(number, ())

    @cached_property
    def _passages_by_page(self) -> dict[int, tuple[Passage, ...]]:
        pages: dict[int, list[Passage]] = {}
        for s in self.passages:
            pages.setdefault(s.paragraph, []).append(s)
        return {n: tuple(ps) for n, ps in pages.items()}

    def chapter(self, number: str) -> Chapter:
        return next(c for c in self.chapters if c.number == number)


def item_blocks(item: Item) -> list[Block]:
    """The blocks of a commentary item: a passage's own; a box's heading, then its entries'."""
    if isinstance(item, Block):
        return [item]
    return [item.heading, *(b for e in item.entries for b in e.blocks)]


def text_blocks(report: Report) -> Iterator[Block]:
    """Every block of the report's text in reading order: the front matter, then each paragraph's."""
    yield from report.front_matter
    for p in report.paragraphs:
        yield from p.guideline
        for item in p.items:
            yield from item_blocks(item)


def with_blocks(report: Report, change: Callable[[Block], Block]) -> Report:
    """The report with each block of its text changed (front matter, Guideline text, commentary, boxes' headings
    and entries): a step of the pipeline that returns new records (macros/links.py)."""
    def item(i: Item) -> Item:
        if isinstance(i, Block):
            return change(i)
        return replace(i, heading=change(i.heading),
                       entries=[replace(e, blocks=[change(b) for b in e.blocks]) for e in i.entries])

    return replace(report, front_matter=[change(b) for b in report.front_matter], paragraphs=[
        replace(p, guideline=[change(b) for b in p.guideline], items=[item(i) for i in p.items])
        for p in report.paragraphs])


SCHEMA_VERSION = 1


def _fields(record: Any) -> dict[str, Any]:
    """A record's fields as they are: dataclasses.asdict's result for a record of plain values, without its deep
    copies (a build writes every block of the report)."""
    return {f.name: getattr(record, f.name) for f in fields(record)}


def _block(b: Block) -> dict[str, Any]:
    d = {**_fields(b), "lines": list(b.lines), "spans": [list(s) for s in b.spans],
         "refs": [_fields(r) for r in b.refs], "links": [_fields(link) for link in b.links]}
    del d["id"]
    return d


def _passage(b: Block) -> dict[str, Any]:
    return {"id": b.id, **_block(b)}


def to_json(report: Report, edition: Edition | None = None) -> dict[str, Any]:
    """The open-data export; its shape is documented in docs/data.md. `edition`: the online edition it is
    part of (macros.edition.Edition)."""
    def callout(c: Callout) -> dict[str, Any]:
        return {
            "id": c.id, "type": c.type, "heading": _block(c.heading),
            "entries": [{"origin": e.origin, "region": e.region, "blocks": [_block(b) for b in e.blocks]}
                        for e in c.entries],
        }

    paragraphs = []
    for p in report.paragraphs:
        commentary: list[dict[str, Any]] = []
        callouts: list[dict[str, Any]] = []
        for item in p.items:
            if isinstance(item, Block):
                commentary.append(_passage(item))
            else:
                d = callout(item)
                d["after_commentary_block"] = len(commentary)
                callouts.append(d)
        paragraphs.append({
            "number": p.number, "title": p.title, "chapter": p.chapter, "section": p.section,
            "guideline": [_passage(b) for b in p.guideline],
            "commentary": commentary, "callouts": callouts,
            "footnotes": [{**_fields(f), "lines": list(f.lines), "spans": [list(s) for s in f.spans],
                           "links": [_fields(link) for link in f.links], "marker": list(f.marker)}
                          for f in p.footnotes],
        })
    return {
        "schema_version": SCHEMA_VERSION,
        **({"edition": {"version": edition.version, "date": edition.date, "url": edition.url}} if edition else {}),
        # The repository-relative path: the export must not depend on where the clone lives.
        "source": {"path": "content/" + report.source.replace("\\", "/").rsplit("/", 1)[-1],
                   "sha256": report.sha256},
        "front_matter": [_block(b) for b in report.front_matter],
        "chapters": [{
            "number": c.number, "title": c.title,
            "heading": _block(c.heading) if c.heading else None,
            "sections": [{"letter": s.letter, "title": s.title,
                          "heading": _block(s.heading) if s.heading else None} for s in c.sections],
        } for c in report.chapters],
        "paragraphs": paragraphs,
        "removed": [{"line": r.line, "text": r.text, "reason": r.reason, "span": list(r.span or ())}
                    for r in report.removed],
        "unresolved_links": [_fields(u) for u in report.unresolved_links],
        "apparatus": [_fields(i) | {"lines": list(i.lines)} for i in report.apparatus],
        "moved_anchors": [{"paragraph": n, "anchor": a.anchor, "now": {"paragraph": a.paragraph, "anchor": a.target}}
                          for n in sorted(report.aliases) for a in report.aliases[n]],
    }
