"""A chapter whole, to read straight through and print: each paragraph's Guideline, commentary, boxes and
footnotes."""

from collections.abc import Iterator

from ..cite_formats import CRC_SYMBOL, handout_citation
from ..edition import Edition
from ..ids import Anchor
from ..inline import escape
from ..model import Chapter, Paragraph, Report
from .blocks import Marks, Style, render_blocks, render_footnotes, render_items
from .html import PRINT_BUTTON, by_section, front, plain_title, print_footer
from .paragraph import page_renumber
from .paths import chapter_path, handout_path, para_path, rel
from .site import Page


def _paragraph(report: Report, p: Paragraph, path: str, marks: Marks | None) -> list[str]:
    md = [f"### [{p.number}. {escape(p.title)}]({rel(path, para_path(p.number))}) {{ #p{p.number} }}\n",
          '<section class="guideline" markdown="block">\n'
          f'<p class="guideline-label">Guidelines, paragraph {p.number} '
          f'<span class="guideline-source">{CRC_SYMBOL}</span></p>\n\n'
          f'{render_blocks(p.guideline, path, Style(xrefs=False, guideline=True), marks=marks)}\n\n</section>\n']
    md += [html + "\n" for html in render_items(p.items, path, in_handout=True,
                                                 renumber=page_renumber(report, p), marks=marks)]
    md.append(render_footnotes(p.footnotes, path, heading=f"#### Footnotes to paragraph {p.number} "
                                                          f"{{ #p{p.number}-footnotes }}", marks=marks))
    return md


def chapter_handout(report: Report, chapter: Chapter, marks: Marks | None = None,
                    edition: Edition | None = None) -> Page:
    """The whole chapter in reading order. Kept out of search (its text is the paragraph pages')."""
    path = handout_path(chapter.number)
    title = f"{plain_title(chapter)}: the whole chapter"
    md = [front({"title": title, "search": {"exclude": True}}), f"# {escape(title)}\n",
          f'<p class="handout-intro" markdown="span">The Guidelines and the commentary of chapter {chapter.number}, '
          f'as one document.<span class="screen-only"> [Back to the chapter]'
          f'({rel(path, chapter_path(chapter.number))}).</span> {PRINT_BUTTON}</p>\n']
    for section, ps in by_section(report, chapter):
        if section:
            md.append(f"## {section.letter}. {escape(section.title)} {{ #{Anchor.section(section.letter)} }}\n")
        for p in ps:
            md += _paragraph(report, p, path, marks)
    if edition is not None:
        numbers = [p.number for p in report.paragraphs if p.chapter == chapter.number]
        md.append(print_footer(handout_citation(min(numbers), max(numbers),
                                                edition.address(path.removesuffix(".md") + "/"), edition)))
    return path, "\n".join(md)


