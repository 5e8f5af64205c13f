"""Every resource the report's Resource Tip boxes recommend, by chapter."""

from ...callouts import gathered_on
from ...inline import escape
from ...model import Report
from ..blocks import Style, render_blocks
from ..html import plain_title
from ..paths import RESOURCES, chapter_slug, para_path, rel
from ..site import Index, Page, Site
from .common import index_top


def _rows(report: Report, chapter: str, path: str) -> list[str]:
    types, rows = gathered_on(path), []
    for p in report.paragraphs:
        if p.chapter != chapter:
            continue
        for c in p.callouts:
            if c.type not in types:
                continue
            for e in c.entries:
                html = render_blocks(e.blocks, path, Style(notes_at=rel(path, para_path(p.number))))
                where = (f'<p class="index-source" markdown="span">[Paragraph {p.number}: {escape(p.title)}]'
                         f'({rel(path, para_path(p.number))}#{c.id})</p>')
                rows.append(f'<div class="index-entry" markdown="block">\n{html}\n{where}\n</div>')
    return rows


def resources_page(report: Report) -> Page:
    path = INDEX.path
    md = index_top(INDEX) + [
          "Every resource recommended in the report's Resource Tip boxes, by chapter, with its link and the "
          "paragraph it accompanies.\n"]
    for chapter in report.chapters:
        rows = _rows(report, chapter.number, path)
        if rows:
            md.append(f"## {escape(plain_title(chapter))} {{ #chapter-{chapter_slug(chapter.number)} }}\n")
            md.append("\n\n".join(rows) + "\n")
    return path, "\n".join(md)


def _build(site: Site) -> Page:
    return resources_page(site.report)


INDEX = Index(RESOURCES, "Resources", "every resource the report's Resource Tip boxes recommend, by chapter",
              _build)
