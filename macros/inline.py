"""One block of the model as Markdown: escaped text with its footnote markers,
links and cross-references in place."""

import html
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import NamedTuple

from .crossrefs import Mention, paragraph_mentions
from .ids import Anchor, Series
from .model import Block, Link, Ref


@dataclass(frozen=True)
class CitationLink:
    """An article mention to link: `length` characters at `offset` of a block's text."""
    offset: int
    length: int
    href: str
    meant: str | None = None  # a misprinted citation: the provision meant, said beside the link


class Event(NamedTuple):
    """`start` to `end` of a block's text becomes a link made from `payload`: the report's own link (model.Link), a
    cross-reference to a Guidelines paragraph (crossrefs.Mention), or an article mention (CitationLink)."""
    start: int
    end: int
    payload: Link | Mention | CitationLink


# The link to Guidelines paragraph n (item "e" of it): macros/pages/blocks.py, paragraph_link.
ParagraphHref = Callable[..., str]


_ESCAPE = re.compile(r"([\\`*_\[\]{}|~^#!])")


def escape(text: str) -> str:
    """Text safe to put in Markdown: no character may turn into markup."""
    text = html.escape(text, quote=False)
    # Blocks are parsed as inline Markdown only (markdown="span"), so a leading
    # "1." or "-" cannot turn into a list and needs no escape.
    return _ESCAPE.sub(r"\\\1", text)


def md_url(url: str) -> str:
    """A URL that Markdown's link syntax cannot misread."""
    for ch, code in ((" ", "%20"), ("(", "%28"), (")", "%29"), ("<", "%3C"), (">", "%3E"), ("*", "%2A"),
                     ("_", "%5F")):
        url = url.replace(ch, code)
    return url


def fn_id(series: str, number: int) -> str:
    """"r19": a footnote's marker is "fnref:r19" (its note, Anchor.footnote: "fn:r19")."""
    return f"{series[0]}{number}"


def footnote_ref(series: Series, number: int) -> str:
    label = f"Guidelines footnote {number}" if series == "guideline" else f"Footnote {number}"
    cls = "footnote-ref" + (" guideline-ref" if series == "guideline" else "")
    return (f'<sup id="fnref:{fn_id(series, number)}"><a class="{cls}" href="#{Anchor.footnote(series, number)}" '
            f'aria-label="{label}">'
            f'{number}</a></sup>')


def footnote_link(series: Series, number: int, page_href: str) -> str:
    """A marker on an index page: it leads to the note on its paragraph's page."""
    label = f"Guidelines footnote {number}" if series == "guideline" else f"Footnote {number}"
    return f'<sup>[{number}]({page_href}#{Anchor.footnote(series, number)} "{label}")</sup>'


class Acronyms:
    """Acronyms and their expansions: each, where it stands as a word of the text (not inside a document
    symbol such as CRC/C/156 or an address), becomes an <abbr> whose title Material shows on hover, focus and
    tap (content.tooltips)."""

    def __init__(self, expansions: Mapping[str, str]) -> None:
        self.expansions = dict(expansions)  # {word as printed (NGOs too): expansion}
        words = sorted(self.expansions, key=len, reverse=True)
        # Not inside a document symbol, even one the report prints with a stray space ("CRC /C/GC/14").
        self.pattern = re.compile(r"(?<![\w/.@:-])(" + "|".join(map(re.escape, words)) + r")(?![\w/@-]|\.\w| /\w)") \
            if words else None

    def markdown(self, text: str) -> str:
        """`text` as Markdown (escaped), its acronyms marked."""
        if self.pattern is None:
            return escape(text)
        out, pos = [], 0
        for m in self.pattern.finditer(text):
            title = html.escape(self.expansions[m.group(1)], quote=True)
            out += [escape(text[pos:m.start()]), f'<abbr title="{title}">{m.group(1)}</abbr>']
            pos = m.end()
        out.append(escape(text[pos:]))
        return "".join(out)


def _links(block: Block, paragraphs: bool, citations: Iterable[CitationLink]) -> list[Event]:
    """What of the block's text becomes a link, in text order: its addresses, then (with `paragraphs`) its
    mentions of paragraphs, then its article mentions; where two overlap, the first come is kept."""
    events = [Event(link.offset, link.offset + link.length, link) for link in block.links]
    if paragraphs:
        events += [Event(m.offset, m.offset + m.length, m) for m in paragraph_mentions(block.text)]
    events += [Event(c.offset, c.offset + c.length, c) for c in citations]
    taken: list[Event] = []
    for e in events:
        if not any(t.start < e.end and e.start < t.end for t in taken):
            taken.append(e)
    return sorted(taken, key=lambda e: e.start)


def inline(block: Block, paragraph_href: ParagraphHref | None = None, notes_at: str | None = None,
           renumber: Mapping[int, int] | None = None, citations: Iterable[CitationLink] = (),
           acronyms: Acronyms | None = None) -> str:
    """Markdown for a block's text.

    `paragraph_href(n, item=None)` gives the link to Guidelines paragraph n (item "e" of it), or None to
    leave mentions of paragraphs as plain text. `notes_at`: the page of the footnotes, when not this one. `renumber`: {printed number: the paragraph meant} for a
    cross-reference the report misprints (content/editorial.yaml, misprints). `citations`: [CitationLink]
    of the article mentions to link (macros/instruments.py finds them); `acronyms`: Acronyms to mark.
    """
    text = block.text
    taken = _links(block, paragraph_href is not None, citations)
    refs: list[Ref] = sorted(block.refs, key=lambda r: r.offset)

    out: list[str] = []
    pos = 0
    plain = acronyms.markdown if acronyms else escape

    def marker(ref: Ref) -> str:
        return footnote_link(ref.series, ref.number, notes_at) if notes_at else footnote_ref(ref.series, ref.number)

    def emit_plain(upto: int) -> None:
        nonlocal pos
        while refs and refs[0].offset <= upto:
            ref = refs.pop(0)
            # A marker inside a link's words comes right after the link: the text never runs backwards.
            if ref.offset > pos:
                out.append(plain(text[pos:ref.offset]))
                pos = ref.offset
            out.append(marker(ref))
        out.append(plain(text[pos:upto]))
        pos = upto

    for start, end, payload in taken:
        emit_plain(start)
        label = escape(text[start:end])
        if isinstance(payload, Link):
            # Without an address, say so rather than leave a reader clicking on plain text.
            out.append(f"[{label}]({md_url(payload.url)})" if payload.url is not None else
                       f'{label} <span class="missing-link">(no address survives in the report)</span>')
        elif isinstance(payload, CitationLink):
            out.append(f"[{label}]({payload.href}){{ .cite }}")
            if payload.meant:
                out.append(f' <span class="editorial-note">[{escape(payload.meant)} is meant]</span>')
        elif paragraph_href is not None:
            out.append(_xref(text[start:end], payload.numbers, paragraph_href, payload.item, renumber or {}))
        pos = end
    emit_plain(len(text))
    out += [marker(ref) for ref in refs]
    return "".join(out)


def _xref(label: str, numbers: tuple[int, ...], paragraph_href: ParagraphHref, item: str | None = None,
          renumber: Mapping[int, int] | None = None) -> str:
    # "16, 74, 79" links each number to its own paragraph; "97 e)" to item (e) of paragraph 97; a misprinted
    # number to the paragraph meant, saying so.
    parts: list[str] = []
    last = 0
    fixes = renumber or {}
    for m in re.finditer(r"\d+", label):
        parts.append(escape(label[last:m.start()]))
        n = int(m.group(0))
        if n in numbers and n in fixes:
            meant = fixes[n]
            parts.append(f'[{n}]({paragraph_href(meant)}) <span class="editorial-note">[paragraph {meant} '
                         f'is meant]</span>')
        elif n in numbers:
            parts.append(f"[{n}]({paragraph_href(n, item)})")
        else:
            parts.append(m.group(0))
        last = m.end()
    parts.append(escape(label[last:]))
    return "".join(parts)
