"""Small pieces of Markdown-with-HTML that many pages share: front matter, attribute text, the print button and
footer, a chapter's title and its paragraphs by section."""

import html
import json

from ..inline import escape
from ..model import Chapter, Paragraph, Report, Section

Meta = dict[str, str | dict[str, bool | int]]  # a page's front matter: title, description, search options

PRINT_BUTTON = '<button type="button" class="md-button print-page" data-search-exclude>Print</button>'


def front(meta: Meta) -> str:
    """A page's front matter. Its title and description are HTML: Material writes them into the page as they are
    (<title>, the header, the footer's links, <meta name="description">)."""
    meta = {k: html.escape(v, quote=False).replace('"', "&quot;") if isinstance(v, str) and k in
            ("title", "description") else v for k, v in meta.items()}
    return "---\n" + "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in meta.items()) + "---\n\n"


def html_attr(text: str) -> str:
    """Text for an HTML attribute's double quotes."""
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")


def print_footer(citation: str) -> str:
    """The end of a printout: how to cite it, with its address (shown in print only, css/site.css)."""
    return f'<p class="print-footer" data-search-exclude>Cite as: {escape(citation)}</p>\n'


def plain_title(chapter: Chapter) -> str:
    return f"{chapter.number}. {chapter.title}"


def by_section(report: Report, chapter: Chapter) -> list[tuple[Section | None, list[Paragraph]]]:
    """[(section or None, [paragraphs])] of a chapter, in the report's order: paragraphs before its first
    section, then each section's."""
    paras = [p for p in report.paragraphs if p.chapter == chapter.number]
    groups: list[tuple[Section | None, list[Paragraph]]] = \
        [(None, [p for p in paras if not p.section])] if any(not p.section for p in paras) else []
    return groups + [(s, [p for p in paras if p.section == s.letter]) for s in chapter.sections]
