"""The page that lists the indexes, each with what it holds: the navigation's "Indexes" opens it."""

from collections.abc import Iterator

from ..inline import escape
from .html import front
from .indexes import INDEXES
from .paths import INDEXES_PAGE, rel
from .site import Page, PageKind, Site


def indexes_page() -> Page:
    path = INDEXES_PAGE
    md = [front({"title": "Indexes", "search": {"exclude": True}}), "# Indexes\n",
          "Ways into the report other than its order of paragraphs. Each entry of an index links to the "
          "paragraphs, and to the passage of each, where the report says it.\n"]
    md += [f"- [{escape(i.title)}]({rel(path, i.path)}): {escape(i.summary)}." for i in INDEXES]
    return path, "\n".join(md) + "\n"


def pages(site: Site) -> Iterator[Page]:
    yield indexes_page()


KIND = PageKind("indexes", pages)
