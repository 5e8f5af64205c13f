"""The edition as an MkDocs plugin: builds the model from content/, adds the generated pages, marks external
links, names offline pages by their published address, and puts the edition's search index and engine in
place of Material's (whose search box, results list and highlighting stay).

Everything of substance lives in the pipeline modules (macros/*.py), which know nothing of MkDocs; this is
the one place that hands their output to it, so the pipeline can move to another generator.
"""

import gc
import html
import json
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import minify_html
from jsmin import jsmin
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from ..build import Content, load_edition, load_report
from ..model import Report
from ..edition import Edition, checked_site_url, site_address
from ..errors import ContentError
from ..instruments import Registry, read_instruments
from ..lists import read_lists
from ..pages import render, site_of
from ..pages.data import NavItem, nav
from ..pages.paths import para_path
from ..cite_formats import running_line
from ..headnotes import FILE as HEADNOTES, read_headnotes
from ..search_index import read_terminology, search_index
from ..stats import report_stats
from .config import EditionConfig
from .figures import figures, render_pages

PACKAGE = Path(__file__).resolve().parent.parent
ENGINE = PACKAGE / "search_worker.js"
WORDNET = PACKAGE / "wordnet.json"  # scripts/wordnet_bridge.py writes it
VENDOR = "assets/vendor/"
WORKER = "search/worker.js"
MATERIAL_ENGINE = re.compile(r"assets/javascripts/(workers/search\.[0-9a-f]+\.min\.js(\.map)?$|lunr/)")
MATERIAL_WORKER = re.compile(r'("search":\s*")([^"]*?)assets/javascripts/workers/search\.[0-9a-f]+\.min\.js"')
EXTERNAL = re.compile(r'<a ((?=[^>]*href="(?:https?:)?//)[^>]*)>(.*?)</a>', re.S)
# Every external link points at one description in the page template (overrides/main.html)
# instead of carrying its own hidden text: a page of footnotes has dozens of them.
NEW_TAB_HINT = 'aria-describedby="new-tab-hint"'
TITLE_ELEMENT = re.compile(r"<title>(.*?)</title>", re.S)

log = logging.getLogger("mkdocs.plugins.opsc")


def is_offline_edition(config: MkDocsConfig) -> bool:
    """Whether this build is the offline edition (Material's offline plugin, enabled)."""
    return any(type(p).__name__ == "OfflinePlugin" and p.config.enabled for p in config.plugins.values())


class EditionPlugin(BasePlugin[EditionConfig]):

    def content(self, config: MkDocsConfig) -> Content:
        root = Path(config.config_file_path).resolve().parent if config.config_file_path else Path.cwd()
        content: Content = Content.at(root, **{k: self.config[k] for k in (
            "source", "editorial", "register", "edition", "instruments", "terminology", "lists")})
        return content

    def offline_zip(self, config: MkDocsConfig) -> Path | None:
        """The offline zip this build of the online site offers, or None."""
        root = Path(config.config_file_path).resolve().parent if config.config_file_path else Path.cwd()
        path = root / self.config.offline_zip
        return None if is_offline_edition(config) or not path.is_file() else path

    @event_priority(50)  # before Material's plugins, so that a content error stops the build first
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Every file of content/ read and checked, and everything the build makes of it made, before MkDocs
        writes a byte: bad content stops the build with one line and leaves the previous site as it was
        (MkDocs empties the output folder only after this event). The site's address is checked first."""
        # What MkDocs, its plugins and their imports made so far, and then the model and the pages' sources,
        # live until the build ends: kept out of the garbage collector's full passes, which would walk them
        # again and again as the build fills the heap (on_post_build and on_build_error give them back, so
        # that `mkdocs serve` frees each rebuild's).
        gc.freeze()
        config.site_url = readable(lambda: checked_site_url(config.site_url))
        content = self.content(config)
        self.edition_output = readable(lambda: prepare(content, config.site_url, is_offline_edition(config)))
        # Every printed page names the work and the edition at its foot (overrides/main.html, js/site.js).
        config.extra["running_line"] = self.edition_output.running_line
        report = self.edition_output.report
        stats = report_stats(report)
        log.info(f"report: {stats['paragraphs']} paragraphs, {stats['callouts']} callouts, "
                 f"{stats['report_footnotes']} + {stats['guideline_footnotes']} footnotes, "
                 f"{stats['available_here_links']} links resolved, {stats['unresolved_links']} without target")
        for link in report.unresolved_links:
            # Listed, not a warning: the report itself prints no target for these.
            log.info(f"link without target: {link.text!r} at line {link.line}: {link.why}")
        # The hand-written pages with their figures (macros/plugin/figures.py), checked before a page is read.
        names = {**figures(report, self.edition_output.edition, self.offline_zip(config), is_offline_edition(config)),
                 "config": config}
        self.hand_pages = readable(lambda: render_pages(Path(config.docs_dir), names))
        if not config.get("nav"):
            config["nav"] = self.edition_output.nav
        gc.freeze()  # and now the model and the pages' sources (above)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        out = self.edition_output
        for path, text in out.files.items():
            files.append(File.generated(config, path, content=text))
        # Each paragraph page's address, as MkDocs publishes it: the search index's entries point there.
        pages = {para_path(p.number): p.number for p in out.report.paragraphs}
        self.paragraph_urls = {pages[f.src_uri]: f.url for f in files if f.src_uri in pages}
        drop_unused_vendor_files(files, config)
        drop_materials_search_engine(files)
        minify_our_assets(files, config)
        zip_path = self.offline_zip(config)
        if zip_path:
            files.append(File.generated(config, f"downloads/{zip_path.name}", abs_src_path=str(zip_path)))
        return files

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        return self.hand_pages.get(page.file.src_uri, markdown)

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        return mark_external_links(html)

    def on_page_context(self, context: TemplateContext, page: Page, config: MkDocsConfig,
                        nav: Navigation) -> TemplateContext:
        """The offline copy names each page by its published address (paragraphs/42/), not by the file it
        reads from disk (paragraphs/42.html)."""
        if is_offline_edition(config) and config.site_url:
            online = File(page.file.src_uri, config.docs_dir, config.site_dir, use_directory_urls=True)
            page.canonical_url = site_address(config.site_url) + online.url
        return context

    def on_build_error(self, error: Exception) -> None:
        gc.unfreeze()

    @event_priority(-50)  # after the search plugin wrote its index, before the offline plugin inlines it
    def on_post_build(self, config: MkDocsConfig) -> None:
        gc.unfreeze()
        path = Path(config.site_dir) / "search" / "search_index.json"
        if not path.is_file():
            return
        out = self.edition_output
        material = json.loads(path.read_text(encoding="utf-8"))
        index = readable(lambda: search_index(out.report, material, out.search_registry, out.terminology,
                                              self.paragraph_urls, out.headnotes))
        path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        # The report's words for words it never uses: fetched by the engine only when a query holds one. A
        # worker cannot fetch a file from disk: the offline copy goes without it.
        if not is_offline_edition(config):
            (path.parent / "wordnet.json").write_bytes(WORDNET.read_bytes())
        lunr = Path(config.docs_dir) / VENDOR / "lunr" / "lunr.min.js"
        # The engine's comments are for whoever reads macros/search_worker.js, not for every reader's download.
        worker = lunr.read_text(encoding="utf-8") + "\n" + jsmin(ENGINE.read_text(encoding="utf-8"))
        (Path(config.site_dir) / WORKER).write_text(worker, encoding="utf-8")
        # lunr.js's licence, beside the file that ships it.
        (Path(config.site_dir) / "search" / "LICENSE-lunr.txt").write_bytes((lunr.parent / "LICENSE").read_bytes())

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        return inert_titles(use_our_worker(minify(output)))

    def on_post_template(self, output: str, template_name: str, config: MkDocsConfig) -> str:
        # The 404 page is a template, not a page.
        return inert_titles(use_our_worker(minify(output))) if template_name.endswith(".html") else output


@dataclass(frozen=True)
class EditionOutput:
    """What the build makes of content/, made in on_config: the model, the generated files, and what the
    search index (written after Material's, on_post_build) needs."""
    report: Report
    # {path in the site: text}: the pages (Markdown), data/report.json, the citation files, the checklist's files
    files: dict[str, str | bytes]
    search_registry: Registry  # content/instruments.yaml with the report's misprints
    terminology: dict[str, Any]  # content/terminology.yaml
    headnotes: tuple[Any, ...]  # content/headnotes.yaml: the questions each passage answers
    running_line: str  # the work and its edition, at the foot of every printed page
    nav: list[NavItem]  # the navigation, when mkdocs.yml gives none
    edition: Edition


def prepare(content: Content, site_url: str | None, offline: bool) -> EditionOutput:
    """Read and check every file of content/ and make the edition's files from them: a ContentError for the
    first bad one. Knows nothing of MkDocs but the site's address and whether this is the offline copy."""
    report = load_report(content)
    edition = load_edition(content, site_url)
    registry = read_instruments(content.instruments)
    lists = read_lists(content.lists)
    terminology = read_terminology(content.terminology)
    headnotes = read_headnotes(content.lists / HEADNOTES, report)
    site = site_of(report, edition, registry, lists, content.lists, offline=offline)
    return EditionOutput(report, render(site), site.registry, terminology, tuple(headnotes), running_line(edition),
                         nav(site), edition)


T = TypeVar("T")


def readable(step: Callable[[], T]) -> T:
    """A content error as MkDocs' one-line error: file, line, what was expected; never a traceback."""
    try:
        return step()
    except ContentError as exc:
        raise PluginError(str(exc)) from None


def drop_materials_search_engine(files: Files) -> None:
    """Material's search worker and its lunr language packs: no page loads them, every page's config names the
    edition's worker (search/worker.js, lunr.js included)."""
    for file in list(files):
        if MATERIAL_ENGINE.match(file.src_uri):
            files.remove(file)


def drop_unused_vendor_files(files: Files, config: MkDocsConfig) -> None:
    """Vendored scripts (assets/vendor/<package>/, licence included) ship only in a build that loads them:
    the iframe-worker shim is for the offline edition, which lists it in extra.polyfills."""
    used = [str(s) for s in config.extra.get("polyfills") or []] + [str(s) for s in config.extra_javascript]
    for file in list(files):
        if file.src_uri.startswith(VENDOR):
            package = VENDOR + file.src_uri[len(VENDOR):].split("/")[0] + "/"
            if not any(package in url for url in used):
                files.remove(file)


CSS_COMMENT = re.compile(r"""("(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*')|/\*.*?\*/""", re.S)


def strip_css(css: str) -> str:
    """A stylesheet without its comments (a string that holds "/*" stays) and its lines' indentation."""
    bare = CSS_COMMENT.sub(lambda m: m.group(1) or "", css)
    return "\n".join(line.strip() for line in bare.splitlines() if line.strip()) + "\n"


# Our own scripts and stylesheets (docs/js, docs/css), served without the comments and indentation that are
# there for whoever reads the source: the vendored files (docs/assets/vendor) keep theirs, with their licences.
OUR_ASSETS: dict[str, tuple[str, Callable[[str], str]]] = {"js/": (".js", jsmin), "css/": (".css", strip_css)}


def minify_our_assets(files: Files, config: MkDocsConfig) -> None:
    for f in list(files):
        folder = next((d for d in OUR_ASSETS if f.src_uri.startswith(d)), None)
        if folder is None or not f.src_uri.endswith(OUR_ASSETS[folder][0]) or f.generated_by or not f.abs_src_path:
            continue
        text = Path(f.abs_src_path).read_text(encoding="utf-8")
        files.remove(f)
        files.append(File.generated(config, f.src_uri, content=OUR_ASSETS[folder][1](text)))


def mark_external_links(html: str) -> str:
    """Links that leave the site: no opener, no referrer, marked and announced."""
    def external(m: re.Match[str]) -> str:
        attrs, label = m.group(1), m.group(2)
        if "rel=" in attrs:
            return m.group(0)
        found = re.search(r'href="([^"]*)"', attrs)
        href = found.group(1) if found else ""
        # A link that shows its own address needs no address printed after it.
        cls = "external url-text" if re.sub(r"<[^>]+>", "", label).strip() in (href, href.split("://", 1)[-1]) \
            else "external"
        if "class=" in attrs:
            attrs = re.sub(r'class="([^"]*)"', rf'class="\1 {cls}"', attrs, count=1)
        else:
            attrs += f' class="{cls}"'
        return f'<a {attrs} rel="noopener noreferrer" target="_blank" {NEW_TAB_HINT}>{label}</a>'
    return EXTERNAL.sub(external, html)


# A start tag, its attributes' values quoted or not (a quoted value may hold ">": the minified HTML leaves it).
START_TAG = re.compile(r"""<[A-Za-z][^\s/>]*(?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*\s*/?>""")
TITLE = re.compile(r"""(\stitle=)("[^"]*"|'[^']*'|[^\s"'>]+)""")
UNSAFE_TITLE = re.compile(r"""\stitle=(?:"[^"]*[<>&][^"]*"|'[^']*[<>&][^']*'|[^\s"'>]*[<&][^\s"'>]*)""")


def inert_titles(page: str) -> str:
    """Every title attribute of a finished page (minified), made safe for Material's tooltips
    (content.tooltips), which insert a title as HTML: a title that holds <, > or & is escaped once more, so
    that the tooltip shows it as the words it is (an acronym's expansion, a paragraph's title from content/)."""
    if not UNSAFE_TITLE.search(page):  # most pages: no title holds <, > or & (a value with < or > is quoted)
        return page
    def title(m: re.Match[str]) -> str:
        raw = m.group(2)
        value = html.unescape(raw[1:-1] if raw[0] in "\"'" else raw)
        if not re.search(r"[<>&]", value):
            return m.group(0)
        return f'{m.group(1)}"{html.escape(html.escape(value, quote=False), quote=True)}"'

    def tag(m: re.Match[str]) -> str:
        return TITLE.sub(title, m.group(0)) if "title=" in m.group(0) else m.group(0)
    return START_TAG.sub(tag, page)


def minify(page: str) -> str:
    """A page's HTML without what a browser does not need (comments, spaces between blocks, optional quotes),
    as the HTML specification allows; closing tags and <html>/<head> kept, for readers of the source."""
    small = minify_html.minify(page, keep_closing_tags=True, keep_html_and_head_opening_tags=True)
    # The minifier writes the title's "<" and ">" as they are, which the HTML specification allows there
    # (a title is text to its end tag) but a careless parser of the page would take for markup: escaped again.
    return TITLE_ELEMENT.sub(lambda m: f"<title>{html.escape(html.unescape(m.group(1)), quote=False)}</title>",
                             small, count=1)


def use_our_worker(html: str) -> str:
    return MATERIAL_WORKER.sub(lambda m: f'{m.group(1)}{m.group(2)}{WORKER}"', html)
