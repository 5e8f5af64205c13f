"""MkDocs hook: the edition's own search index and engine in place of Material's.

Material's search plugin still runs (its index of the pages that are not paragraphs is kept) and
Material's search box, results list and highlighting stay. After the build this hook writes
search/search_index.json from the model (macros/search_index.py) and search/worker.js, the engine
(macros/search_worker.js after the vendored lunr.js), and points every page's search worker there.
"""

import json
import re
from pathlib import Path

from jsmin import jsmin
from mkdocs.plugins import event_priority

from macros.build import INSTRUMENTS, TERMINOLOGY, load_report
from macros.instruments import read_instruments
from macros.search_index import read_terminology, search_index

ROOT = Path(__file__).resolve().parent.parent
ENGINE = ROOT / "macros" / "search_worker.js"
LUNR = ROOT / "docs" / "assets" / "vendor" / "lunr" / "lunr.min.js"
WORKER = "search/worker.js"
MATERIAL_WORKER = re.compile(r'("search":\s*")([^"]*?)assets/javascripts/workers/search\.[0-9a-f]+\.min\.js"')


@event_priority(-50)  # after the search plugin wrote the index, before the offline plugin inlines it
def on_post_build(config):
    path = Path(config.site_dir) / "search" / "search_index.json"
    if not path.is_file():
        return
    material = json.loads(path.read_text(encoding="utf-8"))
    report = load_report(ROOT)
    index = search_index(report, material, read_instruments(ROOT / INSTRUMENTS).with_misprints(report.apparatus),
                         read_terminology(ROOT / TERMINOLOGY))
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    # The engine's comments are for whoever reads macros/search_worker.js, not for every reader's download.
    worker = LUNR.read_text(encoding="utf-8") + "\n" + jsmin(ENGINE.read_text(encoding="utf-8"))
    (Path(config.site_dir) / WORKER).write_text(worker, encoding="utf-8")
    # lunr.js's licence, beside the file that ships it.
    (Path(config.site_dir) / "search" / "LICENSE-lunr.txt").write_bytes((LUNR.parent / "LICENSE").read_bytes())


def on_post_page(output, page, config):
    return use_our_worker(output)


def on_post_template(output, template_name, config):
    # The 404 page is a template, not a page.
    return use_our_worker(output)


def use_our_worker(html):
    return MATERIAL_WORKER.sub(lambda m: f'{m.group(1)}{m.group(2)}{WORKER}"', html)
