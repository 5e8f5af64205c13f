"""The editor's apparatus: every intervention of this edition, from content/ (macros/apparatus.py), with its
place in the edition and in the report, and its reason. Nothing here is written by hand."""

from collections.abc import Iterator

from ..apparatus import KINDS, Intervention
from ..inline import escape
from ..model import Report
from .html import front
from .labels import passage_label
from .paths import APPARATUS, PREFACE, chapter_path, para_path, rel
from .site import Page, PageKind, Site


def _place(report: Report, i: Intervention, path: str) -> str:
    """Where the intervention stands in the edition, as a link."""
    if i.paragraph:
        return (f"[Paragraph {i.paragraph}, {passage_label(report, i.paragraph, i.anchor)}]"
                f"({rel(path, para_path(i.paragraph))}#{i.anchor})")
    if i.chapter:
        section = f", section {str(i.anchor.number).upper()}" if i.anchor else ""
        return (f"[Chapter {i.chapter}{section}]({rel(path, chapter_path(i.chapter))}"
                f"{'#' + i.anchor if i.anchor else ''})")
    return f"[Preface]({rel(path, PREFACE)})"


def _entry(report: Report, i: Intervention, path: str) -> str:
    lines = f"line {i.lines[0]}" if i.lines[0] == i.lines[1] else f"lines {i.lines[0]}–{i.lines[1]}"
    return (f'<div class="ed-entry" id="{i.id}" markdown="block">\n'
            f'<p class="ed-place" markdown="span">{_place(report, i, path)} · report, {lines}</p>\n'
            f'<p class="ed-printed" markdown="span">The report prints: “{escape(i.printed)}”. '
            f'This edition: {escape(i.note)}.</p>\n'
            f'<p class="ed-why" markdown="span">Why: {escape(i.why)}</p>\n</div>\n')


def _title_row(i: Intervention, path: str) -> str:
    assert i.paragraph is not None, "a short title is a paragraph's"
    return f'| [{i.paragraph}]({rel(path, para_path(i.paragraph))}) | <span id="{i.id}">{escape(i.note)}</span> |'


def apparatus_page(report: Report) -> Page:
    path = APPARATUS
    counts = {kind: sum(1 for i in report.apparatus if i.kind == kind) for kind in KINDS}
    md = [front({"title": "Editor’s apparatus", "search": {"exclude": True}}), "# Editor’s apparatus\n",
          "Every intervention of this edition, each with its place in the edition, its place in the report "
          "(the lines of the text as extracted from the PDF, `content/explanatory-report.txt`) and the reason "
          f"recorded in `content/`. This page is generated from those files. "
          f"[What this edition is]({rel(path, 'about/edition.md')}).\n",
          "\n".join(f"- [{KINDS[kind].heading}](#{kind}): {n}" for kind, n in counts.items() if n) + "\n"]
    for kind, entry in KINDS.items():
        items = [i for i in report.apparatus if i.kind == kind]
        if not items:
            continue
        md.append(f"## {entry.heading} {{ #{kind} }}\n\n{entry.did}\n")
        if kind == "title":
            md.append("| Paragraph | Short title |\n| --- | --- |")
            md.append("\n".join(_title_row(i, path) for i in items) + "\n")
            continue
        md += [_entry(report, i, path) for i in items]
    return path, "\n".join(md)


def pages(site: Site) -> Iterator[Page]:
    yield apparatus_page(site.report)


KIND = PageKind("apparatus", pages)
