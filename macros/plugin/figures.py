"""The hand-written pages of docs/ with the edition's figures: a page whose front matter says
`render_macros: true` (home, this edition, open data, download) is a Jinja template, given the model's counts,
the edition, the chapters, the citation files and the offline zip. A name it does not know stops the build
with one line naming the page (Jinja's StrictUndefined), rather than print `{{ name }}` to readers."""

import hashlib
import html
import re
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.utils.meta import get_data

from ..edition import Edition
from ..errors import ContentError
from ..inline import escape
from ..model import Report
from ..pages.citations import citation_file_links
from ..pages.paths import chapter_path
from ..stats import report_stats

FLAG = "render_macros"  # the front matter's key


def figures(report: Report, edition: Edition, offline_zip: Path | None, offline: bool) -> dict[str, Any]:
    """The names a hand-written page may use."""
    return {
        "stats": report_stats(report),
        "edition": edition,
        "contents": [
            {"number": c.number, "title": c.title, "href": chapter_path(c.number),
             "first": min(p.number for p in report.paragraphs if p.chapter == c.number),
             "last": max(p.number for p in report.paragraphs if p.chapter == c.number)}
            for c in report.chapters
        ],
        # The whole edition's citation files, downloaded, or copied where a script can read them (online).
        "edition_citation_files": citation_file_links("data.md", None, edition, copy=not offline) + "</p>",
        # The offline zip on the download page: None without one (and in the offline edition itself).
        "offline": offline_download(offline_zip),
    }


def render(markdown: str, names: dict[str, Any]) -> str:
    """The page's Markdown with its figures. What content/ and mkdocs.yml give lands escaped (`text`,
    `contact`), like every generated page."""
    env = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=False)
    env.filters["text"] = escape
    env.filters["contact"] = contact
    return env.from_string(markdown).render(**names)


def render_pages(docs: Path, names: dict[str, Any]) -> dict[str, str]:
    """{path in docs/: its Markdown with its figures} of every page that asks for them, made before MkDocs
    reads a page: a page that names what is not there is a ContentError at its line."""
    out = {}
    for path in sorted(docs.rglob("*.md")):
        source = path.read_text(encoding="utf-8-sig")
        markdown, meta = get_data(source)
        if not meta.get(FLAG):
            continue
        try:
            out[path.relative_to(docs).as_posix()] = render(markdown, names)
        except jinja2.TemplateError as exc:
            raise ContentError(path, _line(source, markdown, exc), exc.message or str(exc)) from None
    return out


def _line(source: str, markdown: str, exc: jinja2.TemplateError) -> int:
    """The line of the page (front matter counted) where the template fails: Jinja's, or that of the first
    mention of the name it lacks."""
    offset = source[:source.index(markdown)].count("\n") if markdown and markdown in source else 0
    if isinstance(exc, jinja2.TemplateSyntaxError) and exc.lineno:
        return offset + exc.lineno
    names = re.findall(r"'([^']+)'", exc.message or "")
    for name in reversed(names):
        at = re.search(rf"\b{re.escape(name)}\b", markdown)
        if at:
            return offset + markdown[:at.start()].count("\n") + 1
    return 0


def contact(value: object) -> str:
    """mkdocs.yml's `extra.report_errors` as Markdown: a web address or an e-mail address as a link, anything
    else as text; nothing in it becomes markup or a script (a javascript: address is text)."""
    value = str(value).strip()
    if re.fullmatch(r"https?://[^\s<>\"'`]+", value):
        return f'<a href="{html.escape(value)}">{html.escape(value)}</a>'
    if re.fullmatch(r"[^\s@<>\"'`():;,]+@[^\s@<>\"'`():;,]+\.[A-Za-z]{2,}", value):
        return f'<a href="mailto:{html.escape(value)}">{html.escape(value)}</a>'
    return escape(value)


def offline_download(path: Path | None) -> dict[str, str | int] | None:
    """What the download page says about the offline zip, or None."""
    if path is None:
        return None
    data = path.read_bytes()
    size = len(data)
    return {
        "href": f"downloads/{path.name}",
        "name": path.name,
        "size": size,
        "size_human": f"{size / 1e6:.1f} MB" if size >= 1e5 else f"{size / 1e3:.0f} kB",
        "sha256": hashlib.sha256(data).hexdigest(),
    }
