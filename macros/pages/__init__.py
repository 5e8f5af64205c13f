"""Every generated file of the site, from the model and the reviewed lists of content/: one module per kind of
page, and one registry of them (PAGE_KINDS) that render_site walks.

paths (where each page stands, links between pages), site (what a page builder reads: Site; the registry's
records: PageKind, Index), html (front matter and small shared pieces), blocks (passages, boxes and footnotes
as HTML-with-Markdown), interventions (the "ed." marks), labels (how a page names a passage), citations (the
citation on a paragraph's page); the kinds: paragraph, chapter and handout (written together), guidelines,
contents, preface, apparatus, listing (the page of indexes), indexes/ (one module per index: INDEXES),
checklist (the checklist of recommendations, and its CSV and sheets) and themes (the themes' pages, and the
tags a paragraph's page shows), data (citation files, report.json, and the navigation). A new kind of page is one module with its `KIND` and one
entry in PAGE_KINDS below; a new index is one module with its `INDEX` and one entry in INDEXES
(indexes/__init__.py: the navigation, the page of indexes, search, and its place in PAGE_KINDS).
"""

from collections.abc import Iterator
from pathlib import Path

from ..edition import Edition
from ..inline import Acronyms
from ..instruments import Registry
from ..lists import Lists
from ..model import Report
from . import apparatus, chapter, checklist, contents, data, guidelines, handout, listing, paragraph, preface, themes
from .blocks import Marks
from .indexes import INDEXES, articles, cases, definitions, good_practice, instruments, iwg_advice, resources
from .site import Index, Page, PageKind, Site


def _chapters(site: Site) -> Iterator[Page]:
    """Each chapter's page, then its handout."""
    for c in site.report.chapters:
        yield chapter.chapter_page(site.report, c)
        yield handout.chapter_handout(site.report, c, site.marks, site.edition)


def _index(index: Index) -> PageKind:
    return PageKind(index.path, index.render)


# The first edition's kinds, in the order their files were handed to MkDocs, which is the order of the sitemap
# and of the search index: kept, so that the site stays the same bytes. INDEXES keeps the navigation's order.
FIRST_EDITION: tuple[PageKind, ...] = (
    paragraph.KIND, PageKind("chapter", _chapters), guidelines.KIND, preface.KIND,
    _index(resources.INDEX), _index(good_practice.INDEX), contents.KIND, apparatus.KIND, listing.KIND,
    _index(iwg_advice.INDEX), _index(articles.INDEX), _index(instruments.INDEX), _index(cases.INDEX),
    _index(definitions.INDEX),
)
# Every kind: an index added to INDEXES since comes after those, then the checklist of recommendations (its page
# and files) and the themes' pages, then the edition's data.
PAGE_KINDS: tuple[PageKind, ...] = (
    *FIRST_EDITION, *(_index(i) for i in INDEXES if i.path not in {k.name for k in FIRST_EDITION}),
    checklist.KIND, themes.KIND, data.KIND,
)


def site_of(report: Report, edition: Edition, registry: Registry, lists: Lists, content: Path | str,
            offline: bool = False) -> Site:
    """What the pages read. `registry`: content/instruments.yaml; `lists`: the reviewed lists read from the
    folder `content`; `offline`: the offline copy's pages."""
    registry = registry.with_misprints(report.apparatus)
    return Site(report, edition, registry, lists, Path(content), Marks(registry, Acronyms(lists.expansions())),
                offline)


def render(site: Site) -> dict[str, str | bytes]:
    """{path: text}: every page (Markdown) and data file (text, or bytes: a spreadsheet)."""
    return {path: text for kind in PAGE_KINDS for path, text in kind.render(site)}


def render_site(report: Report, edition: Edition, registry: Registry, lists: Lists, content: Path | str,
                offline: bool = False) -> dict[str, str | bytes]:
    """{path: text}: every page and data file of the site of `site_of`'s arguments."""
    return render(site_of(report, edition, registry, lists, content, offline))
