"""What every page builder reads (Site), and the records of the page registry (macros/pages/registry.py): a kind
of page, and an index page."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from ..edition import Edition
from ..instruments import Registry
from ..lists import Lists
from ..model import Report
from ..recommendations import Checklist, read_checklist
from .blocks import Marks

Page = tuple[str, str]  # (path in the site, its text: Markdown, or a data file's)
Output = tuple[str, str | bytes]  # a page, or a data file of bytes (a spreadsheet)


@dataclass(frozen=True)
class Site:
    """The model and everything of content/ a page may show, read once for all pages."""
    report: Report
    edition: Edition
    registry: Registry  # content/instruments.yaml, with the report's misprints
    lists: Lists  # the indexes' reviewed lists
    content: Path  # the folder of the lists (a quotation's line is reported in its file)
    marks: Marks
    offline: bool = False  # the offline copy's pages

    @cached_property
    def checklist(self) -> Checklist:
        """The Committee's recommendations and the themes (content/recommendations.yaml, content/themes.yaml),
        read on first use, once for the checklist's pages and files, the paragraphs' tags, report.json and the
        navigation."""
        return read_checklist(self.report, self.registry, self.content)


@dataclass(frozen=True)
class PageKind:
    """A kind of page (or of data file): its name, and what it makes of the site."""
    name: str
    render: Callable[[Site], Iterable[Output]]


@dataclass(frozen=True)
class Index:
    """An index page. An entry here gives it its title and its place in the navigation and in search; the boxes
    it gathers are those whose kind names it (macros/callouts.py)."""
    path: str
    title: str
    summary: str  # what it holds, on the page that lists the indexes
    build: Callable[[Site], Page]  # its path (this one) and Markdown
    # Search finds it by its title alone: its text repeats the paragraphs' own words, found on their pages.
    by_title: bool = True

    def render(self, site: Site) -> Iterable[Page]:
        yield self.build(site)
