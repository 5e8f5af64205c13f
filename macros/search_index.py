"""The search index: one entry per passage a reader can land on, for search/worker.js.

Material's search plugin cuts a page at its headings, so a paragraph page gave three entries (the
Guideline, the whole commentary with its boxes, the footnotes) and a result could only open the page
at "Commentary". Here every passage with an anchor is an entry of its own: each Guideline passage
(#guideline-2), each commentary passage (#commentary-3), each box (#good-practice-1) and each
footnote (#fn:r14), besides the page itself (its title). An entry says which part of the page it is
(`zone`), so the engine weighs the Guideline above the commentary and the commentary above boxes and
footnotes, and which provisions it cites (`cite`: "opsc:3.1.c", "lanzarote:22"), so that a citation
finds what cites it. Pages that are not paragraphs keep the entries Material's plugin made of them.

Entries hold plain text (the engine escapes it); a footnote marker is kept apart, as
`fn: [[offset, number], ...]`, so a result's excerpt shows it as the page does.
"""

from __future__ import annotations

import html
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from collections.abc import Mapping
from typing import Any, Literal, Sequence

from .headnotes import Headnote
from .instruments import Registry, citations
from .model import Block, Callout, Passage, Report
from .pages.blocks import callout_title
from .pages.html import plain_title
from .pages.indexes import INDEXES
from .terminology import read_terminology as read_terminology  # the plugin reads the file through this module

# zone: (weight, what part of the site an entry is). The weight multiplies an entry's score: the
# Committee's own text and our titles of it first, the commentary, then boxes and footnotes; index
# pages repeat what the paragraphs say and come after them.
ZONES = {
    "title": (1.5, "a paragraph page's title"),
    "guideline": (1.5, "a passage of the Guidelines' text"),
    "commentary": (1.0, "a passage of the commentary"),
    "box": (0.8, "a box of the commentary (good practice, resource tip, ...)"),
    "footnote": (0.6, "a footnote"),
    "page": (0.4, "a page that is not a paragraph (home, preface, about): after the report's passages"),
    "index": (0.3, "a chapter or an index page (resources, good practice, ...): its title and headings"),
    "list": (0.3, "an index page found by its own words too (other instruments): after the paragraphs"),
    "headnote": (1.0, "a question a passage answers, in readers' words (content/headnotes.yaml): it finds the "
                      "passage, whose own words the result shows"),
}


SearchZone = Literal["title", "guideline", "commentary", "box", "footnote", "page", "index", "list", "headnote"]
Json = dict[str, Any]  # what Material's search plugin gives and the worker reads


@dataclass
class Entry:
    location: str
    title: str
    text: str
    zone: SearchZone
    n: int | None = None  # the paragraph whose page it is on
    cite: list[str] = field(default_factory=list)  # "opsc:3.1.c"
    fn: list[list[int]] = field(default_factory=list)  # [offset, footnote number] of each marker

    def as_json(self) -> Json:
        optional = {k: v for k, v in asdict(self).items() if k in ("n", "cite", "fn") and v not in (None, [])}
        return {"location": self.location, "title": self.title, "text": self.text, "zone": self.zone} | optional


def _text(blocks: Sequence[Block]) -> tuple[str, list[list[int]]]:
    """Plain text of blocks, one after another, and their footnote markers at offsets in it."""
    parts: list[str] = []
    markers: list[list[int]] = []
    offset = 0
    for b in blocks:
        if parts:
            offset += 1
        markers += [[offset + r.offset, r.number] for r in sorted(b.refs, key=lambda r: r.offset)]
        parts.append(b.text)
        offset += len(b.text)
    return " ".join(parts), markers


def _cites(text: str, instruments: Registry, guideline: bool = False) -> list[str]:
    return [str(c.key) for c in citations(text, instruments, guideline)]


def paragraph_entries(report: Report, instruments: Registry, urls: Mapping[int, str]) -> list[Entry]:
    """Every passage of every paragraph page, in page order. `urls`: {paragraph: its page's address
    relative to the site ("paragraphs/42/", or "paragraphs/42.html" in the offline edition)}."""
    out = []
    passages: dict[int, list[Passage]] = {}
    for s in report.passages:
        passages.setdefault(s.paragraph, []).append(s)
    for p in report.paragraphs:
        page = urls[p.number]
        chapter = report.chapter(p.chapter)
        section = next((s for s in chapter.sections if s.letter == p.section), None)
        crumbs = plain_title(chapter) + (f" › {section.letter}. {section.title}" if section else "")
        out.append(Entry(page, f"{p.number}. {p.title}", crumbs, "title", p.number))
        out += [_entry(s, page, instruments) for s in passages.get(p.number, ())]
    return out


def _entry(s: Passage, page: str, instruments: Registry) -> Entry:
    """A passage's entry: its words, with its footnote markers apart, and what it cites."""
    location = f"{page}#{s.anchor}"
    if s.zone == "footnote":
        label = "Footnote" if s.anchor.series == "report" else "Footnote of the Guidelines"
        return Entry(location, f"{label} {s.anchor.number}", s.text, "footnote", s.paragraph,
                     _cites(s.text, instruments))
    if isinstance(s.item, Callout):
        text, fn = _text(_box_blocks(s.item))
        return Entry(location, callout_title(s.item), text, "box", s.paragraph, _cites(text, instruments), fn)
    text, fn = _text(s.blocks)
    if s.zone == "guideline":
        return Entry(location, f"Guidelines, paragraph {s.paragraph}", text, "guideline", s.paragraph,
                     _cites(text, instruments, guideline=True), fn)
    return Entry(location, "Commentary", text, "commentary", s.paragraph, _cites(text, instruments), fn)


def _box_blocks(callout: Callout) -> list[Block]:
    """A box's entries' blocks, each entry's origin before it ("Spain (Europe):"); not its heading, the title."""
    blocks = []
    for e in callout.entries:
        if e.origin:
            blocks.append(Block("p", f"{e.origin} ({e.region}):" if e.region else f"{e.origin}:", (0, 0), []))
        blocks += e.blocks
    return blocks


INDEX_PAGES = re.compile(r"^(?:" + "|".join(re.escape(i.path.removesuffix(".md")) for i in INDEXES if i.by_title)
                         + r"|chapters/[ivx]+)[/.]")
# Index pages whose own words are searched (the instruments' names): lists all the same.
LIST_PAGES = re.compile(r"^(?:" + "|".join(re.escape(i.path.removesuffix(".md")) for i in INDEXES if not i.by_title)
                        + r")[/.]")
PARAGRAPH_PAGES = re.compile(r"^paragraphs/(\d+)(?:/|\.html)")


def other_entries(material_docs: list[Json], instruments: Registry) -> list[Entry]:
    """Material's entries for the pages that are not paragraphs, as plain text."""
    out = []
    for doc in material_docs:
        location = doc["location"]
        if PARAGRAPH_PAGES.match(location):
            continue
        text = html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", doc.get("text", "")))).strip()
        title = html.unescape(re.sub(r"<[^>]+>", "", doc.get("title", "")))
        if INDEX_PAGES.match(location):
            # Found by their titles; their text is the paragraphs' own, found there.
            out.append(Entry(location, title, "", "index"))
        else:
            zone: SearchZone = "list" if LIST_PAGES.match(location) else "page"
            out.append(Entry(location, title, text, zone, None, _cites(text, instruments)))
    return out


def headnote_entries(headnotes: Sequence[Headnote], urls: Mapping[int, str]) -> list[tuple[str, list[str]]]:
    """[[the address of a passage, [its headnotes' questions]], ...]: the engine makes an entry of each
    question (zone "headnote"); written once per passage, the addresses do not weigh on every question."""
    out: dict[str, list[str]] = {}
    for h in headnotes:
        out.setdefault(f"{urls[h.paragraph]}#{h.anchor}", []).extend(h.asks)
    return list(out.items())


def search_index(report: Report, material_index: Json, instruments: Registry, terminology: Json,
                 urls: Mapping[int, str], headnotes: Sequence[Headnote] = ()) -> Json:
    """{config, docs}: what Material's page sends the search worker. The config keeps Material's keys
    (its page highlights the words of a result with `separator`) and adds the terminology. `urls`: {paragraph:
    its page's address}, as MkDocs publishes it (Material's index leaves the paragraph pages out)."""
    config = {k: material_index["config"][k] for k in ("lang", "separator", "pipeline")}
    config["fields"] = {"title": {"boost": 1}, "text": {"boost": 1}}
    config["zones"] = {zone: weight for zone, (weight, _) in ZONES.items()}
    config["terminology"] = terminology
    config["instruments"] = [{"id": i.id, "names": [n for n in (*i.names, *i.query)
                                                    if len(n) > 2 and not n.lower().startswith("the ")]}
                             for i in instruments]
    config["paragraphs"] = len(report.paragraphs)
    docs = paragraph_entries(report, instruments, urls) + other_entries(material_index["docs"], instruments)
    config["headnotes"] = headnote_entries(headnotes, urls)
    return {"config": config, "docs": [d.as_json() for d in docs]}
