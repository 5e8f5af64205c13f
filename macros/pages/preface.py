"""The report's preface, as it prints it: headings, passages and the signatures."""

from collections.abc import Iterator

from ..inline import escape
from ..model import Block, Report
from .blocks import Style, render_blocks
from .html import front
from .paths import PREFACE
from .site import Page, PageKind, Site


def printed_lines(block: Block) -> list[str]:
    """A block's text cut where the report's lines end (its reflowed text joins them with a space)."""
    lines, pos = [], 0
    for _, a, b in block.spans:
        lines.append(block.text[pos:pos + b - a].strip())
        pos += b - a + 1
    return lines if " ".join(lines) == block.text else [block.text]


def preface_page(report: Report) -> Page:
    path = PREFACE
    title = next((b for b in report.front_matter if b.kind == "title"), None)
    md = [front({"title": "Preface"}), f"# {escape(title.text.strip()) if title else 'Preface'}\n"]
    for b in report.front_matter:
        if b.kind == "title":
            continue
        if b.kind == "heading":
            md.append(f"## {escape(b.text)}\n")
        elif b.kind == "signature":
            md.append('<p class="signature" markdown="span">' + "<br>".join(escape(line) for line in printed_lines(b))
                      + "</p>\n")
        else:
            md.append(render_blocks([b], path, Style(xrefs=False)) + "\n")
    return path, "\n".join(md)


def pages(site: Site) -> Iterator[Page]:
    yield preface_page(site.report)


KIND = PageKind("preface", pages)
