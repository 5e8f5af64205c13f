"""The Committee's 113 paragraphs alone, under their chapters and sections: no commentary, no boxes."""

from collections.abc import Iterator

from ..cite_formats import CRC_AUTHOR, CRC_ISSUED, CRC_SYMBOL, CRC_TITLE, handout_citation
from ..edition import Edition
from ..inline import escape
from ..model import Report
from .blocks import Marks, Style, render_blocks
from .html import PRINT_BUTTON, by_section, front, plain_title, print_footer
from .paths import GUIDELINES, chapter_slug, para_path, rel
from .site import Page, PageKind, Site

GUIDELINES_TITLE = f"The Guidelines ({CRC_SYMBOL})"


def guidelines_page(report: Report, marks: Marks | None = None, edition: Edition | None = None) -> Page:
    """Kept out of search: a hit on Guideline text opens the paragraph's own page."""
    path = GUIDELINES
    md = [front({"title": GUIDELINES_TITLE, "search": {"exclude": True},
                 "description": f"The 113 paragraphs of the Guidelines, {CRC_SYMBOL}, without the commentary."}),
          f"# {CRC_TITLE}\n",
          f'<p class="handout-intro" markdown="span">{CRC_AUTHOR}, {CRC_SYMBOL}, {CRC_ISSUED}: the 113 '
          'paragraphs, without the commentary. Each number opens its paragraph with the Explanatory Report’s '
          f'commentary. {PRINT_BUTTON}</p>\n']
    for chapter in report.chapters:
        md.append(f"## {escape(plain_title(chapter))} {{ #chapter-{chapter_slug(chapter.number)} }}\n")
        for section, ps in by_section(report, chapter):
            if section:
                md.append(f"### {section.letter}. {escape(section.title)} "
                          f"{{ #chapter-{chapter_slug(chapter.number)}-{section.letter.lower()} }}\n")
            for p in ps:
                body = render_blocks(p.guideline, path, Style(xrefs=False, notes_at=rel(path, para_path(p.number)),
                                                              guideline=True), marks=marks)
                md.append(f'<div class="gl-paragraph" id="{p.number}" markdown="block">\n'
                          f'<p class="gl-number" markdown="span">[{p.number}.]({rel(path, para_path(p.number))} '
                          f'"{p.number}. {escape(p.title)}")</p>\n\n{body}\n\n</div>\n')
    if edition is not None:
        md.append(print_footer(handout_citation(None, None, edition.address("guidelines/"), edition)))
    return path, "\n".join(md)


def pages(site: Site) -> Iterator[Page]:
    yield guidelines_page(site.report, site.marks, site.edition)


KIND = PageKind("guidelines", pages)
