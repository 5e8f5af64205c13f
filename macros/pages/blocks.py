"""The model's passages as HTML-with-Markdown: blocks (a list stays one list), boxes and footnotes, each passage
with its anchor, its ¶ link and what its words link to (Marks)."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..callouts import BY_TYPE, title
from ..ids import Anchor, AnchorKind
from ..inline import Acronyms, CitationLink, ParagraphHref, escape, fn_id, inline
from ..instruments import OPSC, Registry, mentions
from ..model import Block, Callout, Footnote
from .paths import ARTICLES, INSTRUMENTS, para_path, rel

@dataclass(frozen=True)
class Marks:
    """What the words of the text link to beyond the report's own links: each article mention to its entry
    on articles/ (the Optional Protocol's) or instruments/ (the registry of content/instruments.yaml); each
    acronym to its expansion (content/acronyms.yaml)."""
    registry: Registry
    acronyms: Acronyms | None = None  # each acronym of the text with its expansion

    def links(self, text: str, path: str, guideline: bool = False) -> list[CitationLink]:
        out = []
        for m in mentions(text, self.registry, guideline):
            if not m.length:  # an article a range passes over ("21" of "20-22"): cited, not printed
                continue
            page = ARTICLES if m.citation.instrument == OPSC else INSTRUMENTS
            out.append(CitationLink(m.offset, m.length, f"{rel(path, page)}#{m.citation.anchor}",
                                    m.citation.provision if m.printed else None))
        return out


def paragraph_link(path: str) -> ParagraphHref:
    """The link to Guidelines paragraph n (its item, "e", if given) from the page `path`; on n's own page, to
    its Guideline text ("In paragraph 6" in paragraph 6's commentary), not to the page itself."""
    def href(n: int, item: str | None = None) -> str:
        fragment = f"#{Anchor.guideline(item)}" if item else ""
        return (fragment or "#guideline") if para_path(n) == path else rel(path, para_path(n)) + fragment
    return href


@dataclass(frozen=True)
class Style:
    """How render_blocks writes its blocks. `anchored`: each passage shows its anchor (the `id`
    macros/permalinks.py gave it) and a link to it; `xrefs`: mentions of paragraphs are links; `notes_at`: the
    page that holds the footnotes, when not this one; `guideline`: the blocks are the Guidelines' own text;
    `numbered` (or `anchored`): each commentary passage shows its number at its start."""
    anchored: bool = False
    xrefs: bool = True
    notes_at: str | None = None
    guideline: bool = False
    numbered: bool = False


# {passage anchor: {printed number: the paragraph meant}}: cross-references the report misprints.
Renumber = Mapping[Anchor, Mapping[int, int]]
# {passage anchor: its "ed." marks} (macros/pages/interventions.py): written just after the passage's words.
EdMarks = Mapping[Anchor, str]
NO_MARKS: EdMarks = {}


def render_blocks(blocks: Sequence[Block], path: str, style: Style = Style(),
                  renumber: Renumber | None = None, marks: Marks | None = None,
                  ed: EdMarks = NO_MARKS) -> str:
    """Blocks as HTML-with-Markdown; list items are grouped into lists. `renumber`: {passage anchor: {printed
    number: the paragraph meant}}; `marks`: what else the words link to; `ed`: the "ed." marks of anchored
    passages."""
    out, i = [], 0
    while i < len(blocks):
        b = blocks[i]
        if b.kind == "li":
            items = []
            while i < len(blocks) and blocks[i].kind == "li":
                items.append(_item_html("li", blocks[i], path, style, renumber, marks, ed))
                i += 1
            # markdown="block": its items' Markdown (links, escapes) is read wherever the list stands.
            out.append('<ul class="printed-list" markdown="block">\n' + "\n".join(items) + "\n</ul>")
            continue
        tag = "blockquote" if b.kind == "quote" else "p"
        out.append(_item_html(tag, b, path, style, renumber, marks, ed))
        i += 1
    return "\n\n".join(out)


def _item_html(tag: str, block: Block, path: str, style: Style, renumber: Renumber | None,
               marks: Marks | None, ed: EdMarks) -> str:
    body = inline(block, paragraph_link(path) if style.xrefs else None, notes_at=style.notes_at,
                  renumber=renumber.get(block.id) if renumber and block.id else None,
                  citations=marks.links(block.text, path, style.guideline) if marks else (),
                  acronyms=marks.acronyms if marks else None)
    number = passage_number(block.id) if style.anchored or style.numbered else None
    if number:
        # The edition's number of a commentary passage, what a citation gives ("passage 3"): the report
        # numbers none. Not a word of the report (search and the fidelity test leave it out).
        body = (f'<span class="passage-number" title="Commentary, passage {number}" data-search-exclude>'
                f'{number}</span> {body}')
    if style.anchored:
        anchor = block.id
        # aria-label rather than a hidden span: there is one on every passage, and bytes add up.
        # Glued to the last word: alone, the hidden sign would wrap onto a line of its own and leave a gap.
        link = f'<a class="block-link" href="#{anchor}" aria-label="Link to this passage" data-search-exclude>¶</a>'
        return f'<{tag} id="{anchor}" markdown="span">{body}{_ed(ed, anchor)}{link}</{tag}>'
    return f'<{tag} markdown="span">{body}</{tag}>'


def passage_number(anchor: Anchor | None) -> int | None:
    """3 of a commentary passage's anchor "commentary-3"; None for any other."""
    if anchor is None or anchor.kind is not AnchorKind.COMMENTARY or not isinstance(anchor.number, int):
        return None
    return anchor.number


def callout_title(callout: Callout) -> str:
    """The box's heading as this edition shows it ("GOOD PRACTICE" → "Good practice"): macros/callouts.py."""
    return title(callout.heading.text)


def render_items(items: Sequence[Block | Callout], path: str, anchored: bool = False, in_handout: bool = False,
                 renumber: Renumber | None = None, marks: Marks | None = None,
                 ed: EdMarks = NO_MARKS) -> list[str]:
    """A paragraph's commentary in reading order: runs of passages (a list stays one list) and boxes."""
    out: list[str] = []
    run: list[Block] = []
    for item in [*items, None]:
        if isinstance(item, Block):
            run.append(item)
            continue
        if run:
            out.append(render_blocks(run, path, Style(anchored=anchored, numbered=in_handout), renumber, marks, ed))
            run = []
        if item is not None:
            out.append(render_callout(item, path, in_handout=in_handout, marks=marks, ed=ed))
    return out


LONG_BOX = 900  # characters: with its title, margins and lists, about half an A4 page in print


def render_callout(callout: Callout, path: str, in_handout: bool = False, marks: Marks | None = None,
                   ed: EdMarks = NO_MARKS) -> str:
    """A box; in a chapter handout (several paragraphs on one page) its anchor takes the paragraph's number."""
    cls = BY_TYPE[callout.type].slug
    # Longer than half a printed page: in print it may break (css/site.css), not push its page's rest away.
    if sum(len(b.text) for e in callout.entries for b in e.blocks) > LONG_BOX:
        cls += " long-box"
    anchor = f"p{callout.paragraph}-{callout.id}" if in_handout else callout.id
    ed_marks = _ed(ed, None if in_handout else callout.id)
    parts = [f'<div class="admonition {cls}" id="{anchor}" markdown="block">',
             f'<p class="admonition-title" markdown="span">{escape(callout_title(callout))} {ed_marks}'
             f'<a class="block-link" href="#{anchor}" aria-label="Link to this box" data-search-exclude>¶</a></p>']
    for e in callout.entries:
        if e.origin:
            parts.append(f'<p class="origin"><span class="origin-name">{escape(e.origin)}</span>'
                         f' <span class="origin-region">{escape(e.region or "")}</span></p>')
        parts.append(render_blocks(e.blocks, path, marks=marks))
    parts.append("</div>")
    return "\n\n".join(parts)


SERIES = (("guideline", "Footnotes of the Guidelines"), ("report", "Footnotes of the Explanatory Report"))


def render_footnotes(footnotes: Sequence[Footnote], path: str, heading: str = "## Footnotes { #footnotes }",
                     marks: Marks | None = None, ed: EdMarks = NO_MARKS) -> str:
    if not footnotes:
        return ""
    # A heading of their own, so that search results in a note point here.
    out = [heading + "\n", '<div class="footnote" markdown="block">']
    for series, label in SERIES:
        notes = [f for f in footnotes if f.series == series]
        if not notes:
            continue
        out.append(f'<p class="footnote-series">{label}</p>')
        out.append(f'<ol class="footnote-list series-{series}" markdown="block">')
        out += [_footnote(f, path, marks, ed) for f in notes]
        out.append("</ol>")
    out.append("</div>")
    return "\n".join(out)


def _footnote(f: Footnote, path: str, marks: Marks | None, ed: EdMarks) -> str:
    anchor = footnote_anchor(f)
    body = inline(Block("p", f.text, f.lines, f.spans, [], f.links), paragraph_link(path),
                  citations=marks.links(f.text, path) if marks else (),
                  acronyms=marks.acronyms if marks else None)
    note = f' <span class="editorial-note">[Printed as {f.printed}; {escape(f.note)}]</span>' if f.note else ""
    # Material's hover preview copies the note's child elements: keep it in a <p>.
    # Back to its marker in the text (macros/inline.py, footnote_ref).
    back = f"fnref:{fn_id(f.series, f.number)}"
    return (f'<li id="{anchor}" value="{f.number}" markdown="block"><p markdown="span">{body}{note} '
            f'{_ed(ed, anchor)}<a class="footnote-backref" href="#{back}" title="Back to the text" '
            'data-search-exclude>↩</a>'
            '</p></li>')


def footnote_anchor(f: Footnote) -> Anchor:
    """A footnote's anchor on its paragraph's page: "fn:r19"."""
    return Anchor.footnote(f.series, f.number)


def _ed(ed: EdMarks, anchor: Anchor | None) -> str:
    """A passage's "ed." marks and the space after them, or nothing."""
    marks = ed.get(anchor) if anchor is not None else None
    return f"{marks} " if marks else ""
