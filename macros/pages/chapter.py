"""A chapter's page: its paragraphs by section, each with the opening words of its Guideline text."""

from collections.abc import Iterator

from ..ids import Anchor
from ..inline import escape
from ..model import Chapter, Paragraph, Report
from ..textflow import first_words
from .html import by_section, front, plain_title
from .paths import chapter_path, handout_path, para_path, rel
from .site import Page

OPENING_WORDS = 24


def opening_words(p: Paragraph, count: int = OPENING_WORDS) -> str:
    return first_words(" ".join(b.text for b in p.guideline), count)


def chapter_page(report: Report, chapter: Chapter) -> Page:
    path = chapter_path(chapter.number)
    paras = [p for p in report.paragraphs if p.chapter == chapter.number]
    md = [front({"title": plain_title(chapter)}), f"# {escape(plain_title(chapter))}\n"]
    first, last = paras[0].number, paras[-1].number
    md.append(f"Guidelines paragraphs {first}–{last}, with the commentary of the Explanatory Report. "
              f"[Read or print the whole chapter]({rel(path, handout_path(chapter.number))}).\n")

    def listing(ps: list[Paragraph]) -> str:
        return "\n".join(f'- [{p.number}. {escape(p.title)}]({rel(path, para_path(p.number))})'
                         f'<span class="opening-words"> — “{escape(opening_words(p))}”</span>' for p in ps) + "\n"

    for section, ps in by_section(report, chapter):
        if section:
            md.append(f"## {section.letter}. {escape(section.title)} {{ #{Anchor.section(section.letter)} }}\n")
        md.append(listing(ps))
    return path, "\n".join(md)


