"""A Guidelines paragraph's page: its Guideline text, ECPAT's commentary and boxes, the paragraphs that refer to
it, how to cite it, and its footnotes."""

from collections import defaultdict
from collections.abc import Iterator

from ..apparatus import renumbered
from ..cite_formats import CRC_SYMBOL
from ..crossrefs import paragraph_mentions
from ..inline import escape
from ..ids import Anchor
from ..model import Paragraph, Report
from .blocks import Renumber, Style, render_blocks, render_footnotes, render_items
from .citations import cite_block
from .html import front, plain_title
from .interventions import intervention_marks
from .paths import chapter_path, para_path, rel
from .site import Page, PageKind, Site
from .themes import theme_tags


def page_renumber(report: Report, p: Paragraph) -> Renumber:
    """{passage anchor: {printed number: the paragraph meant}} of paragraph p's page."""
    return {anchor: fix for (n, anchor), fix in renumbered(report).items() if n == p.number and anchor}


def referred_to(report: Report) -> dict[int, list[int]]:
    """{paragraph: sorted paragraphs whose commentary or footnotes mention it} (a misprinted number counts
    for the paragraph meant)."""
    refs: defaultdict[int, set[int]] = defaultdict(set)
    fixes = renumbered(report)
    for s in report.passages:
        # A box's words are its entries' (its heading names its kind); a misprinted number is renumbered in
        # the commentary's passages, where the page links it to the paragraph meant.
        texts = [b.text for b in s.blocks[1:]] if s.zone == "box" else [s.text]
        fix = fixes.get((s.paragraph, s.anchor), {}) if s.zone == "commentary" else {}
        for text in texts if s.zone != "guideline" else ():
            for m in paragraph_mentions(text):
                for n in m.numbers:
                    n = fix.get(n, n)
                    if n != s.paragraph:
                        refs[n].add(s.paragraph)
    return {n: sorted(v) for n, v in refs.items()}


def _head(report: Report, p: Paragraph, path: str, tags: str) -> list[str]:
    """Front matter, breadcrumbs, heading, its themes' tags, and the addresses of passages that moved here."""
    chapter = report.chapter(p.chapter)
    section = next((s for s in chapter.sections if s.letter == p.section), None)
    chapter_href = rel(path, chapter_path(chapter.number))
    crumbs = [f"[{escape(plain_title(chapter))}]({chapter_href})"]
    if section:
        crumbs.append(f"[{escape(section.letter + '. ' + section.title)}]({chapter_href}#{Anchor.section(section.letter)})")
    description = p.guideline[0].text[:155] if p.guideline else p.title
    # Material's search leaves the page alone: the edition's index makes its entries from the model, passage by
    # passage (macros/search_index.py), so Material's reading of the page would be thrown away.
    md = [front({"title": f"{p.number}. {p.title}", "description": description, "search": {"exclude": True}})]
    md.append(f'<nav class="breadcrumbs" aria-label="Breadcrumb" markdown="span">{" › ".join(crumbs)}</nav>\n')
    md.append(f"# {p.number}. {escape(p.title)} {{ #top }}\n")
    if tags:
        md.append(tags)
    moved = report.aliases.get(p.number)
    if moved:
        # Addresses published for passages that now stand elsewhere: js/site.js follows them.
        # Links, so that MkDocs checks and rewrites them like any other (online and offline addresses differ).
        links = " ".join(f"[]({rel(path, para_path(a.paragraph))}#{a.target}){{ #{a.anchor} .moved-anchor }}"
                         for a in moved)
        md.append(f'<div class="moved-anchors" hidden markdown="span">{links}</div>\n')
    return md


def paragraph_page(site: Site, p: Paragraph, referrers: list[int]) -> str:
    report, marks = site.report, site.marks
    path = para_path(p.number)
    md = _head(report, p, path, theme_tags(site.checklist.themes, p.number, path))
    ed = intervention_marks(report, p, path)
    guideline_html = render_blocks(p.guideline, path, Style(anchored=True, xrefs=False, guideline=True),
                                   marks=marks, ed=ed)
    md.append('<section class="guideline" id="guideline" aria-labelledby="guideline-label" markdown="block">\n'
              f'<p class="guideline-label" id="guideline-label">Guidelines, paragraph {p.number} '
              f'<span class="guideline-source">{CRC_SYMBOL}</span></p>\n\n{guideline_html}\n\n</section>\n')
    if p.items:
        md.append("## Commentary { #commentary }\n")
        md += [html + "\n" for html in render_items(p.items, path, anchored=True, renumber=page_renumber(report, p),
                                                     marks=marks, ed=ed)]
    if referrers:
        links = ", ".join(f'[{n}<span class="ref-title">. {escape(report.paragraph(n).title)}</span>]'
                          f'({rel(path, para_path(n))})' for n in referrers)
        md.append(f"## Referred to in {{ #referred-to }}\n\n<p class=\"referred-to\" markdown=\"span\">{links}</p>\n")
    md.append(cite_block(p, path, site.edition, site.offline))
    md.append(render_footnotes(p.footnotes, path, marks=marks, ed=ed))
    return "\n".join(md) + "\n"


def pages(site: Site) -> Iterator[Page]:
    refs = referred_to(site.report)
    for p in site.report.paragraphs:
        yield para_path(p.number), paragraph_page(site, p, refs.get(p.number, []))


KIND = PageKind("paragraph", pages)
