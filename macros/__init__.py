"""The pipeline that turns content/ into the site, and the mkdocs-macros entry point.

Modules, in pipeline order, none of which knows MkDocs: errors and schema (one line-aware loader of content/'s
YAML into typed records, one error path), source (read and check the text), editorial (the reviewed editorial
file as one record), spelling, callouts (the kinds of box: one registry), anchors (find an editorial anchor in
the text), layout (page furniture), sheet, footnotes, extract and its stages context, claims, boxes and
assemble, and model (the frozen model, with its passages made once); ids (typed anchors), textflow (reflowed
blocks), links and crossrefs, permalinks (published anchors), apparatus, instruments and provisions (article
mentions, the provisions the report quotes), passages, lists (the indexes' reviewed lists), terminology and
headnotes (search's words and questions), recommendations and themes (the checklist), stats, edition and
cite_formats, inline (a block's Markdown), pages/ (every page and data file: one module per kind of page, one
registry of them; pages/indexes/, one module per index), checklist_export (the checklist's CSV and sheets),
search_index (the search index; search_worker.js, the engine); build reads content/ into the model, pages
renders it.
MkDocs lives in plugin/ (the `opsc` plugin) and in define_env below (mkdocs-macros: variables for the
hand-written pages of docs/).
"""

import hashlib
from pathlib import Path
from typing import Any


def define_env(env: Any) -> None:  # mkdocs_macros.plugin.MacrosPlugin, which has no type information
    """Figures of the model for the hand-written pages (home, about, data)."""
    from .build import load_edition, load_report
    from .inline import escape
    from .plugin.plugin import is_offline_edition, readable
    from .pages.citations import citation_file_links
    from .pages.paths import chapter_path
    from .stats import report_stats

    # What content/ and mkdocs.yml give a hand-written page lands in Markdown: escaped, like every generated page.
    env.filter(escape, "text")
    env.filter(contact, "contact")

    plugin = env.conf.plugins["opsc"]
    content = plugin.content(env.conf)
    report = readable(lambda: load_report(content))
    env.variables["stats"] = report_stats(report)
    env.variables["edition"] = readable(lambda: load_edition(content, env.conf.site_url))
    env.variables["contents"] = [
        {"number": c.number, "title": c.title, "href": chapter_path(c.number),
         "first": min(p.number for p in report.paragraphs if p.chapter == c.number),
         "last": max(p.number for p in report.paragraphs if p.chapter == c.number)}
        for c in report.chapters
    ]
    # The whole edition's citation files, downloaded, or copied where a script can read them (online).
    env.variables["edition_citation_files"] = citation_file_links(
        "data.md", None, env.variables["edition"], copy=not is_offline_edition(env.conf)) + "</p>"
    # The offline zip on the download page: None without one (and in the offline edition itself).
    env.variables["offline"] = offline_download(plugin.offline_zip(env.conf))


def contact(value: object) -> str:
    """mkdocs.yml's `extra.report_errors` as Markdown: a web address or an e-mail address as a link, anything
    else as text; nothing in it becomes markup or a script (a javascript: address is text)."""
    import html
    import re

    from .inline import escape

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
