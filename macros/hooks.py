"""MkDocs glue: build the model from content/, add the generated pages.

Everything of substance lives in the pipeline modules; this file only hands
their output to MkDocs, so the pipeline can move to another generator.
"""

import logging
import re
import sys
from pathlib import Path

from mkdocs.structure.files import File

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from macros import is_offline_edition, offline_zip  # noqa: E402
from macros.build import INSTRUMENTS, load_edition, load_report  # noqa: E402
from macros.edition import site_address  # noqa: E402
from macros.instruments import read_instruments  # noqa: E402
from macros.lists import read_lists  # noqa: E402
from macros.pages import render_site  # noqa: E402
from macros.render import citation_files, nav, report_json  # noqa: E402
from macros.stats import report_stats  # noqa: E402

VENDOR = "assets/vendor/"
EXTERNAL = re.compile(r'<a ((?=[^>]*href="(?:https?:)?//)[^>]*)>(.*?)</a>', re.S)
# Every external link points at one description in the page template (overrides/main.html)
# instead of carrying its own hidden text: a page of footnotes has dozens of them.
NEW_TAB_HINT = 'aria-describedby="new-tab-hint"'

log = logging.getLogger("mkdocs.hooks.opsc")


def on_config(config):
    report = load_report(ROOT)
    stats = report_stats(report)
    log.info(f"report: {stats['paragraphs']} paragraphs, {stats['callouts']} callouts, "
             f"{stats['report_footnotes']} + {stats['guideline_footnotes']} footnotes, "
             f"{stats['available_here_links']} links resolved, {stats['unresolved_links']} without target")
    for link in report.unresolved_links:
        # Listed, not a warning: the report itself prints no target for these.
        log.info(f"link without target: {link['text']!r} at line {link['line']}: {link['why']}")
    if not config.get("nav"):
        config["nav"] = nav(report)
    return config


def on_files(files, config):
    report = load_report(ROOT)
    edition = load_edition(ROOT, config.site_url)
    instruments = read_instruments(ROOT / INSTRUMENTS)
    pages = render_site(report, edition, instruments, read_lists(ROOT / "content"), ROOT / "content",
                        offline=is_offline_edition(config))
    for path, text in pages.items():
        files.append(File.generated(config, path, content=text))
    files.append(File.generated(config, "data/report.json", content=report_json(report, edition)))
    for path, text in citation_files(report, edition).items():
        files.append(File.generated(config, path, content=text))
    drop_unused_vendor_files(files, config)
    zip_path = offline_zip(config)
    if zip_path:
        files.append(File.generated(config, f"downloads/{zip_path.name}", abs_src_path=str(zip_path)))
    return files


def drop_unused_vendor_files(files, config):
    """Vendored scripts (assets/vendor/<package>/, licence included) ship only in a build that loads them:
    the iframe-worker shim is for the offline edition, which lists it in extra.polyfills."""
    used = [str(s) for s in config.extra.get("polyfills") or []] + [str(s) for s in config.extra_javascript]
    for file in list(files):
        if file.src_uri.startswith(VENDOR):
            package = VENDOR + file.src_uri[len(VENDOR):].split("/")[0] + "/"
            if not any(package in url for url in used):
                files.remove(file)


def on_page_content(html, page, config, files):
    return mark_external_links(html)


def mark_external_links(html):
    """Links that leave the site: no opener, no referrer, marked and announced."""
    def external(m):
        attrs, label = m.group(1), m.group(2)
        if "rel=" in attrs:
            return m.group(0)
        href = re.search(r'href="([^"]*)"', attrs).group(1)
        # A link that shows its own address needs no address printed after it.
        cls = "external url-text" if re.sub(r"<[^>]+>", "", label).strip() in (href, href.split("://", 1)[-1]) \
            else "external"
        if "class=" in attrs:
            attrs = re.sub(r'class="([^"]*)"', rf'class="\1 {cls}"', attrs, count=1)
        else:
            attrs += f' class="{cls}"'
        return f'<a {attrs} rel="noopener noreferrer" target="_blank" {NEW_TAB_HINT}>{label}</a>'
    return EXTERNAL.sub(external, html)


def on_page_context(context, page, config, nav):
    """The offline copy names each page by its published address (paragraphs/42/), not by the file it
    reads from disk (paragraphs/42.html)."""
    if is_offline_edition(config) and config.site_url:
        online = File(page.file.src_uri, config.docs_dir, config.site_dir, use_directory_urls=True)
        page.canonical_url = site_address(config.site_url) + online.url
    return context
