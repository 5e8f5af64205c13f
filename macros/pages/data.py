"""The edition's data: the citation files (one set per paragraph, one for the whole edition), data/report.json
(the model, and the checklist's recommendations), and the navigation."""

import html
import json
from collections.abc import Callable, Iterator, Sequence

from ..checklist_export import checklist_json
from ..cite_formats import Passage, bibtex, box_label, commentary_label, csl_json, ris
from ..edition import Edition
from ..model import Callout, Paragraph, Report, to_json
from ..recommendations import Checklist
from .blocks import callout_title, passage_number
from .citations import CITATION_FORMATS, paragraph_address
from .guidelines import GUIDELINES_TITLE
from .html import plain_title
from .indexes import INDEXES
from .paths import APPARATUS, CONTENTS, GUIDELINES, INDEXES_PAGE, PREFACE, RECOMMENDATIONS, REPORT_JSON, THEMES, \
    chapter_path, citation_path, para_path, theme_path
from .site import Page, PageKind, Site

CITATION_WRITERS: dict[str, Callable[[Sequence[Passage], Edition], str]] = \
    {"bib": bibtex, "ris": ris, "csl.json": csl_json}
NavItem = dict[str, "str | list[NavItem | str]"]


def cited_passages(report: Report, p: Paragraph, edition: Edition) -> list[Passage]:
    """The passages of a paragraph's page that a citation can name, as cite_formats.Passage: the page, then
    each commentary passage ("passage 3") and each box ("‘Case law’"), ECPAT's words, at its pinpoint."""
    address = paragraph_address(p, edition)
    out = [Passage(p.number, p.title, address)]
    for s in report.passages_on(p.number):
        number = passage_number(s.anchor)
        if number:
            out.append(Passage(p.number, p.title, f"{address}#{s.anchor}", commentary_label(number), ecpat=True))
        elif isinstance(s.item, Callout):
            out.append(Passage(p.number, p.title, f"{address}#{s.anchor}", box_label(callout_title(s.item)),
                               ecpat=True))
    return out


def citation_files(report: Report, edition: Edition) -> dict[str, str]:
    """{path: text} of the citation files: one set per paragraph (the paragraph, and each passage of ECPAT's
    commentary and each box at its pinpoint), one for the whole edition (the paragraphs)."""
    passages = [Passage(p.number, p.title, paragraph_address(p, edition)) for p in report.paragraphs]
    out = {}
    for _, ext in CITATION_FORMATS:
        write = CITATION_WRITERS[ext]
        for p in report.paragraphs:
            out[citation_path(p.number, ext)] = write(cited_passages(report, p, edition), edition)
        out[citation_path(None, ext)] = write(passages, edition)
    return out


def report_json(report: Report, edition: Edition | None = None, checklist: Checklist | None = None) -> str:
    """The model as data; with a checklist, its recommendations after it (`recommendations`)."""
    data = to_json(report, edition)
    if checklist is not None:
        data["recommendations"] = checklist_json(checklist)
    return json.dumps(data, ensure_ascii=False, sort_keys=False, separators=(",", ":"))


def _entry(title: str, path: str) -> NavItem:
    return {title: path}


def _chapter_nav(report: Report, chapter_number: str) -> list["NavItem | str"]:
    """A chapter's entry: its page, then its paragraphs, those of a section under the section."""
    chapter = report.chapter(chapter_number)
    items: list[NavItem | str] = [chapter_path(chapter.number)]
    groups: dict[str, list[NavItem | str]] = {}
    for p in report.paragraphs:
        if p.chapter != chapter.number:
            continue
        entry: NavItem = {html.escape(f"{p.number}. {p.title}", quote=False): para_path(p.number)}
        section = next((s for s in chapter.sections if s.letter == p.section), None)
        if section is None:
            items.append(entry)
            continue
        # Sections as their own level: with navigation.prune a page carries only its own
        # section's paragraphs, which keeps every page light.
        if section.letter not in groups:
            groups[section.letter] = []
            items.append({html.escape(f"{section.letter}. {section.title}", quote=False): groups[section.letter]})
        groups[section.letter].append(entry)
    return items


def _checklist_nav(checklist: Checklist) -> NavItem:
    """The checklist's entry: its page, then the themes."""
    themes: list[NavItem | str] = [THEMES, *(_entry(html.escape(t.title, quote=False), theme_path(t.id))
                                             for t in checklist.themes.themes)]
    return {"Recommendations": [RECOMMENDATIONS, {"Themes": themes}]}


def nav(site: Site) -> list[NavItem]:
    """The navigation: chapters with their sections and paragraphs, the checklist and the themes, then the
    indexes. Titles are HTML (Material writes them as they are)."""
    report = site.report
    chapters: list[NavItem] = [{html.escape(plain_title(c), quote=False): _chapter_nav(report, c.number)}
                               for c in report.chapters]
    indexes: list[NavItem | str] = [INDEXES_PAGE, *(_entry(i.title, i.path) for i in INDEXES)]
    return [
        {"Home": "index.md"},
        {"Preface": PREFACE},
        {GUIDELINES_TITLE: GUIDELINES},
        {"Contents": CONTENTS},
        # Chapters at the top, as in the report's table of contents (and one level less on every page).
        *chapters,
        _checklist_nav(site.checklist),
        {"Indexes": indexes},
        {"About": [{"How to use this site": "about.md"}, {"This edition": "about/edition.md"},
                   {"Editor’s apparatus": APPARATUS}, {"Open data": "data.md"},
                   {"Offline copy": "download.md"}]},
    ]


def pages(site: Site) -> Iterator[Page]:
    yield REPORT_JSON, report_json(site.report, site.edition, site.checklist)
    yield from citation_files(site.report, site.edition).items()


KIND = PageKind("data", pages)
