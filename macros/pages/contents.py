"""Every paragraph's title under its chapter and section."""

from collections.abc import Iterator

from ..inline import escape
from ..model import Report
from .html import by_section, front, plain_title
from .paths import CONTENTS, GUIDELINES, PREFACE, chapter_path, chapter_slug, para_path, rel
from .site import Page, PageKind, Site


def contents_page(report: Report) -> Page:
    """Kept out of search: the titles are found on the paragraph pages."""
    path = CONTENTS
    md = [front({"title": "Contents", "search": {"exclude": True}}), "# Contents\n",
          f"[Preface]({rel(path, PREFACE)}) · [The Guidelines alone]({rel(path, GUIDELINES)})\n"]
    for chapter in report.chapters:
        md.append(f"## [{escape(plain_title(chapter))}]({rel(path, chapter_path(chapter.number))}) "
                  f"{{ #chapter-{chapter_slug(chapter.number)} }}\n")
        for section, ps in by_section(report, chapter):
            if section:
                md.append(f"### {section.letter}. {escape(section.title)}\n")
            md.append("\n".join(f"- [{p.number}. {escape(p.title)}]({rel(path, para_path(p.number))})"
                                 for p in ps) + "\n")
    return path, "\n".join(md)


def pages(site: Site) -> Iterator[Page]:
    yield contents_page(site.report)


KIND = PageKind("contents", pages)
