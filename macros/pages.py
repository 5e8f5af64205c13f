"""Every generated page of the site, from the model and the reviewed lists of content/."""

from pathlib import Path

from .checklist_pages import checklist_pages, read_checklist
from .inline import Acronyms
from .indexes import articles_page, cases_page, definitions_page, instruments_page
from .render import (Marks, apparatus_page, chapter_handout, chapter_page, contents_page, good_practice_page,
                     guidelines_page, indexes_page, iwg_advice_page, para_path, paragraph_page, preface_page,
                     referred_to, resources_page)


def render_site(report, edition, registry, lists, content, offline=False):
    """{path: Markdown}. `registry`: content/instruments.yaml (macros.instruments.Registry); `lists`: the
    reviewed lists (macros.lists.Lists) read from the folder `content`; `offline`: the offline copy's pages."""
    content = Path(content)
    registry = registry.with_misprints(report.apparatus)
    marks = Marks(registry, Acronyms(lists.expansions()))
    pages = {}
    refs = referred_to(report)
    for p in report.paragraphs:
        pages[para_path(p.number)] = paragraph_page(report, p, refs.get(p.number, []), edition, offline, marks)
    for chapter in report.chapters:
        path, pages[path] = chapter_page(report, chapter)
        path, pages[path] = chapter_handout(report, chapter, marks, edition)
    path, pages[path] = guidelines_page(report, marks, edition)
    for fn in (preface_page, resources_page, good_practice_page, contents_page, apparatus_page, indexes_page):
        path, pages[path] = fn(report)
    path, pages[path] = iwg_advice_page(report)
    path, pages[path] = articles_page(report, registry, lists, content)
    path, pages[path] = instruments_page(report, registry)
    path, pages[path] = cases_page(report, lists, content)
    path, pages[path] = definitions_page(report, lists, content)
    # The checklist of recommendations and the themes' pages (macros/checklist_pages.py).
    pages.update(checklist_pages(report, read_checklist(report, registry, content)))
    return pages
