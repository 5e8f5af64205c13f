"""Performance benchmark: parse, build, page weight, transfer, search.

    .venv/bin/python scripts/bench.py [--runs N | --quick] [--paragraph N] [--no-browser] [--no-offline]
                                      [--queries] [--breakdown] [--write docs/performance.md]
                                      [--before REF] [--slow-cpu]

Prints one Markdown table; each timing is the median (and the largest) of --runs runs (default 5;
--quick: 2). Sizes are in kB (1 kB = 1000 bytes); "gzip" is the file compressed by Python's gzip at
level 6, what a web server's on-the-fly compression roughly gives.

- parse: macros.extract.build_report() of content/, with every cache of the pipeline cleared first
  (macros.build.load_report() caches; the bench does not use it);
- build: `python -m mkdocs build` in a subprocess, into a temporary directory (Python's start and
  imports included, as a reader of the README would run it); beside it, interleaved run by run, plain
  Material building the same text (scripts/floor.py: every page the pipeline makes as a plain Markdown
  file, the same theme, extensions and navigation, Material's search the only plugin), and both again
  in this process, as `mkdocs serve` rebuilds after an edit (configuration read again, imports done);
- paragraph pages: the HTML of paragraphs/1/ .. paragraphs/113/ of that build;
- first and second visit: Chromium (Playwright) loads a paragraph page from the build, served on
  127.0.0.1 by http.server (which does not compress: sizes are raw bodies; the gzip figure gzips each
  fetched file, images and fonts excepted), and waits until the network is idle; nobody searches.
  Assets, css/ and js/ are served with `Cache-Control: max-age=3600`, the rest (HTML, the search index)
  with `no-cache`, so a second visit revalidates the page (304, no body) and takes the rest from the
  cache. A second visit is the same page reloaded in the same browser context (opening its address again
  gives the same requests); "then" is the next paragraph page in that context;
- search opened: on the first visit, once the network is idle, the search box takes focus (as the /
  key or a tap gives it) and the bench waits for the worker to be ready: what that fetches;
- --before REF: the first visit to the same page of a build of the git revision REF (`git archive` into
  a temporary directory, built there by `python -m mkdocs build` with its own macros/), in the same
  browser run, beside this tree's; and its offline zip;
- search index: search/search_index.json of the build;
- offline zip: scripts/export_offline.py, run once into a temporary file (dist/ is left alone); "n/a"
  when the script is missing or fails; the part of it that is the checklist's (harness.CHECKLIST_MEMBERS:
  its sheets, theme pages and recommendations page, with their headers in the zip) is given apart, and
  the rest, what readers had when issue 22 set the budget of 1.5 MB, is held to that budget;
- search ready: a fresh browser context opens the page; at DOMContentLoaded the bench focuses
  Material's search box and types a query into it; the time until its first result is in the page
  (Material sends a query typed before its worker is ready once the worker is). The time the worker
  reports ready (the search box's "Initializing search" goes), the box focused at DOMContentLoaded and
  nothing typed, is shown beside it;
- --slow-cpu: with the CPU slowed 4 times (Chromium's Emulation.setCPUThrottlingRate, a mid-range phone),
  a fresh context opens the page and, at DOMContentLoaded, puts the query in the search box (as "search
  ready" does); the time from the start of the navigation to the first result in the page, and the part of
  it after DOMContentLoaded (the verdict: slow_cpu_ratio(), the part before it the same page for both, its
  median over both engines' runs). Beside it, the same page of a copy of the build indexed by Pagefind
  (scripts/harness.py's pagefind_site(), scope "article"), in the same run, interleaved, the one or the
  other first by turns: at DOMContentLoaded, Pagefind's
  JavaScript API is imported and initialised, searches the query and loads the data of its first 10
  results (what its UI needs to show them). Chromium slows the page's thread only, not the workers in
  which both engines search: the same is measured again with each engine's worker on the page's thread
  (ours in the iframe-worker shim's frame, Pagefind with noWorker), where the slowing reaches it; and again
  over a slow mobile network (harness.SLOW_4G, the workers' requests included), from a server that
  compresses text files as a web server does (harness.CompressingHandler);
- search results: the same page, search ready; for each query of QUERIES, the box is cleared, the query
  is put in at once and one keyup dispatched (Material searches on keyup); the time from that keyup to
  the results in the page (a MutationObserver on the result list and its count, performance.now()).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

# Python puts a script's own folder first on its path: scripts/harness.py is importable as it stands.
import harness
from harness import COMPRESSIBLE, GZIP_LEVEL, LogEntry, RecordingHandler, Server, fresh_page, serve

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Response

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

SOURCE = ROOT / "content" / "explanatory-report.txt"
EDITORIAL = ROOT / "content" / "editorial.yaml"
PERMALINKS = ROOT / "content" / "permalinks.tsv"
EXPORT = ROOT / "scripts" / "export_offline.py"
DIST_ZIP = ROOT / "dist" / "opsc-explanatory-report-offline.zip"
PARAGRAPHS = range(1, 114)

QUERIES = ["grooming", "hotline", "article 3", "42", "sextortion", "travel and tourism",
           "birth registration", "Lanzarote"]

TARGETS = {  # name: (limit, unit)
    "parse": (0.5, "s"),
    "build": (5.0, "s"),
    "build_ratio": (1.5, "×"),  # ours against plain Material on the same text: at most
    "page_html": (30_000, "bytes"),
    "search_ready": (1000, "ms"),
    "search_results": (50, "ms"),
    "first_visit": (100_000, "bytes"),  # gzip, nobody searching
    "slow_cpu_ratio": (1.0, "×"),  # ours against Pagefind: at most
    # at most: issue 22's budget, for what readers had when it was set (all but the checklist's members)
    "zip": (1_500_000, "MB"),
    "zip_all": (1_900_000, "MB"),  # at most, the checklist included: tests/test_offline.py's guard
}


log = harness.log


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))


def kb(n: float) -> str:
    return f"{n / 1000:.1f} kB"


def median(values: Iterable[float]) -> float:
    return statistics.median(values)


# --- parse and build -------------------------------------------------------------------------------

def clear_pipeline_caches() -> None:
    """Every functools cache in the macros package, and re's compiled patterns: a parse as in a fresh process."""
    for name, module in list(sys.modules.items()):
        if name == "macros" or name.startswith("macros."):
            for obj in vars(module).values():
                if callable(getattr(obj, "cache_clear", None)):
                    obj.cache_clear()
    re.purge()


def bench_parse(runs: int) -> dict[str, Any]:
    from macros.extract import build_report

    times = []
    for _ in range(runs):
        clear_pipeline_caches()
        t0 = time.perf_counter()
        report = build_report(SOURCE, EDITORIAL, PERMALINKS)
        times.append(time.perf_counter() - t0)
    return {"times": times, "paragraphs": len(report.paragraphs)}


def bench_build(runs: int, workdir: str) -> dict[str, Any]:
    """Ours and plain Material on the same text (scripts/floor.py), interleaved: in a subprocess each, then in
    this process each (a rebuild under `mkdocs serve`)."""
    import floor

    plain = floor.plain_project(Path(workdir) / "plain")
    times: list[float] = []
    plain_times: list[float] = []
    site = Path(workdir)
    for i in range(runs):
        site = Path(workdir) / f"site{i}"
        t0 = time.perf_counter()
        result = harness.build_site(ROOT, site)
        times.append(time.perf_counter() - t0)
        if result.returncode != 0:
            raise SystemExit(f"mkdocs build failed:\n{result.stderr}")
        t0 = time.perf_counter()
        result = harness.build_site(plain.parent, Path(workdir) / "plain-site")
        plain_times.append(time.perf_counter() - t0)
        if result.returncode != 0:
            raise SystemExit(f"plain Material's build failed:\n{result.stderr}")
    rebuild: list[float] = []
    plain_rebuild: list[float] = []
    for _ in range(runs + 1):  # the first of each warms this process's imports: left out
        floor.forget_report()  # as after an edit to content/editorial.yaml: the model made again
        rebuild.append(floor.build_in_process(ROOT / "mkdocs.yml", Path(workdir) / "rebuild-site"))
        plain_rebuild.append(floor.build_in_process(plain, Path(workdir) / "plain-rebuild-site"))
    return {"times": times, "plain": plain_times, "rebuild": rebuild[1:], "plain_rebuild": plain_rebuild[1:],
            "site": site}


def bench_pages(site: Path) -> dict[str, Any]:
    sizes = []
    for n in PARAGRAPHS:
        data = (site / "paragraphs" / str(n) / "index.html").read_bytes()
        sizes.append((len(data), gz(data), n))
    raw = [s[0] for s in sizes]
    largest = max(sizes)
    by_size = sorted(sizes)
    return {"median_raw": median(raw), "median_gzip": median(s[1] for s in sizes),
            "median_n": by_size[len(by_size) // 2][2],
            "largest_raw": largest[0], "largest_gzip": largest[1], "largest_n": largest[2],
            "over_target": sum(1 for s in sizes if s[0] >= TARGETS["page_html"][0])}


# Where the bytes of a paragraph page go, by part of Material's page (its minified markup).
PARTS = [
    ("`<head>`", r"<head>.*?</head>"),
    ("header (logo, palette toggle, search box)", r"<header\b.*?</header>"),
    ("navigation sidebar",
     r'<div class="md-sidebar md-sidebar--primary".*?(?=<div class="md-sidebar md-sidebar--secondary")'),
    ("table of contents sidebar", r'<div class="md-sidebar md-sidebar--secondary".*?(?=<div class=md-content)'),
    ("the paragraph (`<article>`)", r"<article\b.*?</article>"),
    ("footer (previous/next)", r"<footer\b.*?</footer>"),
    ("scripts after the footer (`__config`, bundle)", r"(?<=</footer>).*"),
]


def breakdown(site: Path, n: int) -> str:
    html = (site / "paragraphs" / str(n) / "index.html").read_text(encoding="utf-8")
    total = len(html.encode())
    rows, claimed = [], 0
    for label, pattern in PARTS:
        m = re.search(pattern, html, re.S)
        size = len(m.group(0).encode()) if m else 0
        claimed += size
        rows.append((label, size))
    rows.append(("the rest (skip link, toggles, wrappers)", total - claimed))
    svgs = re.findall(r"<svg\b.*?</svg>", html, re.S)
    lines = [f"| paragraphs/{n}/ | bytes | share |", "| --- | --- | --- |"]
    lines += [f"| {label} | {size} | {size / total:.0%} |" for label, size in rows]
    lines.append(f"| total | {total} | |")
    lines.append(f"| of which {len(svgs)} inline SVG icons | {sum(len(x.encode()) for x in svgs)} | "
                 f"{sum(len(x.encode()) for x in svgs) / total:.0%} |")
    return "\n".join(lines)


def bench_search_index(site: Path) -> dict[str, int]:
    data = (site / "search" / "search_index.json").read_bytes()
    return {"raw": len(data), "gzip": gz(data), "docs": len(json.loads(data)["docs"])}


def bench_offline(workdir: str, root: Path = ROOT) -> dict[str, Any]:
    """Run the export (of the tree at root) once into a temporary zip; else the zip in dist/; else None."""
    export = root / EXPORT.relative_to(ROOT)
    if not export.is_file():
        return {"why": "scripts/export_offline.py missing"}
    zip_path = Path(workdir) / ("before-" if root != ROOT else "") / DIST_ZIP.name
    zip_path.parent.mkdir(exist_ok=True)
    t0 = time.perf_counter()
    # That tree's macros/, not the ones this environment installed (editable) from this one.
    env = dict(os.environ, PYTHONPATH=str(root))
    result = subprocess.run([sys.executable, str(export), "--zip", str(zip_path), "--no-site"],
                            cwd=root, capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - t0
    if result.returncode == 0 and zip_path.is_file():
        return {"bytes": zip_path.stat().st_size, "seconds": seconds, "where": "export_offline.py",
                "checklist": harness.checklist_bytes(zip_path)}
    # The script's last words, if any; a strict build that aborts can exit 1 without any.
    why = (result.stderr.strip().splitlines() or [f"exit status {result.returncode}, no message"])[-1]
    if DIST_ZIP.is_file() and root == ROOT:
        return {"bytes": DIST_ZIP.stat().st_size, "where": "dist/ (export failed: " + why + ")"}
    return {"why": f"export_offline.py failed: {why}"}


def build_revision(ref: str, workdir: str) -> Path:
    """A build of the git revision ref: its tree (git archive) in a temporary directory, built there with
    this environment's MkDocs (its own macros/ and plugin, found first from its directory)."""
    tree = Path(workdir) / "before"
    tree.mkdir()
    archive = subprocess.run(["git", "archive", "--format=tar", ref], cwd=ROOT, capture_output=True)
    if archive.returncode != 0:
        raise SystemExit(f"git archive {ref} failed: {archive.stderr.decode(errors='replace')}")
    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive.stdout, check=True)
    result = harness.build_site(tree, tree / "site")
    if result.returncode != 0:
        raise SystemExit(f"mkdocs build of {ref} failed:\n{result.stderr}")
    return tree


# --- in Chromium -----------------------------------------------------------------------------------

# At DOMContentLoaded, put a query in Material's search box (QUERY_AT_LOAD; none if empty) and record when
# the worker is ready ("Initializing search" goes), when the first result shows and when the search index
# had arrived (resource timing). Times are performance.now(), from the start of the navigation.
READY_PROBE = """
(() => {
  const query = QUERY_AT_LOAD;
  const b = window.__bench = {};
  document.addEventListener("DOMContentLoaded", () => {
    b.dcl = performance.now();
    const input = document.querySelector("[data-md-component=search-query]");
    const root = document.querySelector("[data-md-component=search-result]");
    if (!input || !root) { b.error = "no search box"; return; }
    // The reader shows they will search as soon as they can: the search loads now.
    input.focus();
    const meta = root.querySelector(".md-search-result__meta");
    const check = () => {
      const t = performance.now();
      if (b.ready === undefined && !/initializing/i.test(meta.textContent)) {
        b.ready = t;
        const index = performance.getEntriesByType("resource").find(e => /search_index\\.json/.test(e.name));
        b.index = index ? index.responseEnd : null;
      }
      if (b.results === undefined && root.querySelector(".md-search-result__item")) b.results = t;
    };
    new MutationObserver(check).observe(root, {subtree: true, childList: true, characterData: true});
    // After Material's own DOMContentLoaded listener, which mounts the search.
    if (query) setTimeout(() => {
      input.value = query;
      input.dispatchEvent(new Event("input", {bubbles: true}));
      input.dispatchEvent(new KeyboardEvent("keyup", {bubbles: true, key: query.slice(-1)}));
      check();
    }, 0);
  });
})();
"""
QUERY_AT_LOAD = "grooming"


# One query: clear the box (and wait for the list to empty), then put the query in at once and time the
# keyup until the results (or Material's "no matching documents") are in the page.
QUERY = """
async (q) => {
  const input = document.querySelector("[data-md-component=search-query]");
  const root = document.querySelector("[data-md-component=search-result]");
  const meta = root.querySelector(".md-search-result__meta");
  const items = () => root.querySelectorAll(".md-search-result__item").length;
  const waitFor = (cond, ms) => new Promise(resolve => {
    if (cond()) return resolve(performance.now());
    const mo = new MutationObserver(() => { if (cond()) { mo.disconnect(); resolve(performance.now()); } });
    mo.observe(root, {subtree: true, childList: true, characterData: true});
    setTimeout(() => { mo.disconnect(); resolve(null); }, ms);
  });
  const key = (k) => input.dispatchEvent(new KeyboardEvent("keyup", {bubbles: true, key: k}));
  const frame = () => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));

  input.value = "";
  input.dispatchEvent(new Event("input", {bubbles: true}));
  key("Backspace");
  await waitFor(() => items() === 0, 2000);
  await frame(); await frame();

  const before = meta.textContent;
  const shown = waitFor(() => items() > 0 || (/no matching/i.test(meta.textContent) && meta.textContent !== before),
                        5000);
  input.value = q;
  input.dispatchEvent(new Event("input", {bubbles: true}));
  const t0 = performance.now();
  key(q.slice(-1));
  const t1 = await shown;
  await frame();
  const t2 = performance.now();
  return {ms: t1 === null ? null : t1 - t0, painted_ms: t2 - t0, items: items(),
          meta: meta.textContent.trim()};
}
"""


def kind(path: str) -> str:
    if path.endswith("/") or path.endswith(".html"):
        return "HTML"
    if path.endswith("search_index.json"):
        return "search index"
    if path.endswith(".css"):
        return "CSS"
    if path.endswith(".js"):
        return "JS"
    return "other"


def weigh(site: Path, entries: list[LogEntry]) -> dict[str, Any]:
    """Raw and gzip-equivalent bytes of the files behind server log entries with a body (status 200)."""
    raw = gzipped = 0
    by_kind: dict[str, list[int]] = {}
    for e in entries:
        if e["status"] != 200:
            continue
        rel = e["path"].lstrip("/")
        f = site / rel
        if f.is_dir() or rel == "":
            f = f / "index.html"
        data = f.read_bytes()
        g = gz(data) if COMPRESSIBLE.search(f.name) else len(data)
        raw += e["length"]
        gzipped += g
        k = by_kind.setdefault(kind(e["path"]), [0, 0])
        k[0] += e["length"]
        k[1] += g
    return {"requests": len(entries), "bodies": sum(1 for e in entries if e["status"] == 200),
            "not_modified": sum(1 for e in entries if e["status"] == 304), "raw": raw, "gzip": gzipped,
            "by_kind": by_kind}


def body_size(response: Response) -> int:
    try:
        return len(response.body()) if response.status == 200 else 0
    except Exception:
        return 0


def settle(page: Page) -> None:
    """Until the network is idle: what a reader who does not search downloads."""
    page.wait_for_load_state("networkidle")


def search_ready(page: Page) -> None:
    """The reader puts the focus in the search box; until the worker is ready and the network idle."""
    page.focus("[data-md-component=search-query]")
    page.wait_for_function("() => !/initializing/i.test("
                           "document.querySelector('.md-search-result__meta').textContent)", timeout=30000)
    page.wait_for_load_state("networkidle")


def probe(query: str) -> str:
    return READY_PROBE.replace("QUERY_AT_LOAD", json.dumps(query))


def ready_times(page: Page, key: str) -> dict[str, float]:
    page.wait_for_function(f"() => window.__bench && window.__bench.{key} !== undefined", timeout=30000)
    b = page.evaluate("window.__bench")
    return {k: b[k] - b["dcl"] for k in ("ready", "results", "index") if b.get(k) is not None}


def first_visits(browser: Browser, site: Path, runs: int, paragraph: int) -> list[dict[str, Any]]:
    """The first visit to a paragraph page of another build (--before), no search: weigh() of each run."""
    out = []
    with serve(site, RecordingHandler) as server:
        for _ in range(runs):
            with fresh_page(browser) as page:
                server.take()
                page.goto(f"{server.url}/paragraphs/{paragraph}/", wait_until="load")
                settle(page)
                out.append(weigh(site, server.take()))
    return out


CPU_SLOWDOWN = 4
PAGEFIND_AT_LOAD = """
(() => {
  const query = QUERY_AT_LOAD;
  const b = window.__bench = {};
  document.addEventListener("DOMContentLoaded", async () => {
    b.dcl = performance.now();
    const pf = await import("/pagefind/pagefind.js");
    await pf.init();
    b.ready = performance.now();
    const s = await pf.search(query);
    await Promise.all(s.results.slice(0, 10).map(r => r.data()));
    b.results = performance.now();
    b.count = s.results.length;
  });
})();
"""


# Chromium slows the page's thread, not its workers (CDP answers "Operation is only supported for pages, not
# workers"), and both engines search in a worker (ours: search/worker.js; Pagefind: pagefind-worker.js): a
# phone's workers are as slow as its page. So the comparison is also made with each engine's worker run on
# the page's thread, slowed with it: ours in the frame that stands in for a worker in the offline copy (the
# vendored iframe-worker shim), Pagefind with its own option noWorker.
IFRAME_WORKER = ROOT / "docs" / "assets" / "vendor" / "iframe-worker"
BENCH_VENDOR = "bench-iframe-worker"  # where the copy serves the shim's frame script


def one_thread_scripts(query: str) -> dict[str, str]:
    """The probes, each engine's worker on the page's thread. The init script runs in every frame: the shim is
    set up in the page only (the frame that it makes has no address to find its script from)."""
    shim = (IFRAME_WORKER / "shim.js").read_text(encoding="utf-8").replace(
        'new URL("frame.js",document.currentScript.src).href',
        f'new URL("/{BENCH_VENDOR}/frame.js",location.href).href')
    pagefind = PAGEFIND_AT_LOAD.replace("await pf.init();", "await pf.options({noWorker: true});\n    await pf.init();")
    if "/" + BENCH_VENDOR not in shim or "noWorker" not in pagefind:
        raise RuntimeError("bench.py: the iframe-worker shim or the Pagefind probe has changed")
    in_page = "if (window.top === window) {\n" + shim + "\nwindow.Worker = window.IFrameWorker;\n}\n"
    return {"site": in_page + probe(query), "pagefind": pagefind.replace("QUERY_AT_LOAD", json.dumps(query))}


def bench_slow_cpu(site: Path, runs: int, paragraph: int, workdir: str,
                   query: str = QUERY_AT_LOAD) -> dict[str, Any]:
    """Navigation start → first result, CPU slowed CPU_SLOWDOWN times, ours and Pagefind, interleaved, in three
    modes (SLOW_MODES): as Chromium slows the CPU; each engine's worker on the page's thread; and as Chromium
    slows the CPU, over a slow mobile network with the files compressed as a web server sends them."""
    copy = Path(workdir) / "pagefind-site"
    info = harness.pagefind_site(site, copy, "article")
    (copy / BENCH_VENDOR).mkdir()
    shutil.copyfile(IFRAME_WORKER / "frame.js", copy / BENCH_VENDOR / "frame.js")
    out: dict[str, Any] = {"pagefind_version": info.get("version"), "query": query}
    probes = {"site": probe(query), "pagefind": PAGEFIND_AT_LOAD.replace("QUERY_AT_LOAD", json.dumps(query))}
    modes = {"workers": (probes, RecordingHandler), "one_thread": (one_thread_scripts(query), RecordingHandler),
             "network": (probes, harness.CompressingHandler)}
    with harness.chromium() as browser:
        for mode, (scripts, handler) in modes.items():
            times: dict[str, list[float]] = {"site": [], "pagefind": [], "site_dcl": [], "pagefind_dcl": []}
            out[mode] = times
            with serve(copy, handler) as server:
                # A first run of each, not counted: the browser's first page in a run is slower (some 200 ms
                # here), whichever engine it is. Then which goes first changes run by run: the page that opens
                # second in a pair reaches DOMContentLoaded sooner (some 100 ms here), which would otherwise
                # count for one side.
                for i in range(-1, runs):
                    log(f"  slowed CPU ({mode}), " + (f"run {i + 1}/{runs}" if i >= 0 else "a first run, not counted"))
                    for engine in ("site", "pagefind") if i % 2 == 0 else ("pagefind", "site"):
                        with fresh_page(browser, scripts[engine]) as page:
                            harness.throttle_cpu(page, CPU_SLOWDOWN)
                            if mode == "network":
                                harness.throttle_network(page)
                            page.goto(f"{server.url}/paragraphs/{paragraph}/", wait_until="domcontentloaded")
                            page.wait_for_function("() => window.__bench && window.__bench.results !== undefined",
                                                   timeout=120000)
                            b = page.evaluate("window.__bench")
                            if engine == "pagefind" and not b.get("count"):
                                raise RuntimeError(f"Pagefind ({mode}) found nothing for {query!r}")
                            if mode == "one_thread" and page.workers:
                                raise RuntimeError(f"{engine} started a worker: {[w.url for w in page.workers]}")
                            if i >= 0:
                                times[engine].append(b["results"])
                                times[f"{engine}_dcl"].append(b["results"] - b["dcl"])
    return out


def slow_cpu_ratio(t: dict[str, list[float]]) -> tuple[float, float]:
    """Ours against Pagefind, navigation start → first result: the part until DOMContentLoaded is the same page
    for both (the copy differs only in its pagefind/ folder, and the probes start at DOMContentLoaded; with the
    workers on the page's thread, ours also sets up the iframe-worker shim before, 3 kB of script), so its
    median is taken over both engines' runs; each engine's own part, after it, is its median. The medians of
    the totals alone gave verdicts either side of 1× run to run, though our own part was ahead in each: the
    shared part varies by ±200 ms from one page load to the next on this machine. Returns (shared, ratio)."""
    shared = median([a - b for e in ("site", "pagefind") for a, b in zip(t[e], t[f"{e}_dcl"])])
    return shared, (shared + median(t["site_dcl"])) / (shared + median(t["pagefind_dcl"]))


def bench_browser(site: Path, runs: int, paragraph: int,
                  before: tuple[str, Path] | None = None) -> dict[str, Any]:
    following = paragraph % 113 + 1
    out: dict[str, Any] = {
        "url_path": f"paragraphs/{paragraph}/", "next_path": f"paragraphs/{following}/",
        "first": [], "opened": [], "second": [], "next": [], "at_load": [], "ready_cold": [],
        "ready_warm": [], "before": [], "queries": {}, "mismatch": []}
    with serve(site, RecordingHandler) as server, harness.chromium() as browser:
        out["chromium"] = browser.version
        url, next_url = f"{server.url}/{out['url_path']}", f"{server.url}/{out['next_path']}"
        for i in range(runs):
            log(f"  browser run {i + 1}/{runs}")
            visits(browser, server, site, (url, next_url), out)
            readiness(browser, (url, next_url), out)
            server.take()
        if before:
            log(f"  the build of {before[0]} ×{runs}")
            out["before"] = first_visits(browser, before[1], runs, paragraph)
            out["before_ref"] = before[0]
    return out


def visits(browser: Browser, server: Server, site: Path, urls: tuple[str, str], out: dict[str, Any]) -> None:
    """One run in a fresh context (empty cache): the first visit, nobody searches; the search opened; the
    page again; keystroke to results; the next page."""
    url, next_url = urls
    with fresh_page(browser) as page:
        responses: list[Response] = []
        page.on("response", lambda response: responses.append(response))
        server.take()
        page.goto(url, wait_until="load")
        settle(page)
        first = weigh(site, server.take())
        # What Chromium received (the worker's fetches included) against what the server sent.
        seen = sum(body_size(r) for r in responses)
        if seen != first["raw"]:
            out["mismatch"].append((seen, first["raw"]))
        out["first"].append(first)
        # Then the reader opens the search.
        search_ready(page)
        out["opened"].append(weigh(site, server.take()))

        # Second visit: the same page reloaded in the same context; only what reaches the server.
        page.reload(wait_until="load")
        settle(page)
        out["second"].append(weigh(site, server.take()))

        # Search, keystroke to results, on this page.
        search_ready(page)
        server.take()
        for q in QUERIES:
            r = page.evaluate(QUERY, q)
            if r["ms"] is None:
                raise SystemExit(f"search for {q!r} showed nothing within 5 s: {r}")
            out["queries"].setdefault(q, []).append(r)

        # Another paragraph page in the same context.
        page.goto(next_url, wait_until="load")
        settle(page)
        out["next"].append(weigh(site, server.take()))


def readiness(browser: Browser, urls: tuple[str, str], out: dict[str, Any]) -> None:
    """One run of the search's readiness, each in a fresh context."""
    url, next_url = urls
    # A query typed at DOMContentLoaded.
    with fresh_page(browser, probe(QUERY_AT_LOAD)) as page:
        page.goto(url, wait_until="load")
        out["at_load"].append(ready_times(page, "results"))

    # No query typed: when the worker is ready, empty cache then warm.
    with fresh_page(browser, probe("")) as page:
        page.goto(url, wait_until="load")
        out["ready_cold"].append(ready_times(page, "ready"))
        settle(page)
        page.goto(next_url, wait_until="load")
        out["ready_warm"].append(ready_times(page, "ready"))
        settle(page)


# --- report ----------------------------------------------------------------------------------------

def verdict(name: str, value: float) -> str:
    limit, unit = TARGETS[name]
    return "ok" if value < limit or unit in ("×", "MB") and value <= limit else "**misses**"


def target_text(name: str) -> str:
    limit, unit = TARGETS[name]
    text = {"s": f"< {limit:g} s", "ms": f"< {limit:g} ms", "bytes": f"< {limit / 1000:g} kB",
            "×": f"≤ {limit:g}×", "MB": f"≤ {limit / 1e6:g} MB"}[unit]
    return text + " (max)" if name == "search_results" else text


def table(r: dict[str, Any], runs: int) -> str:
    rows: list[tuple[str, str, str, str]] = []

    def row(measure: str, result: str, name: str | None = None, check: float | None = None) -> None:
        rows.append((measure, result, target_text(name) if name else "",
                     verdict(name, check) if name and check is not None else ""))

    t = r["parse"]["times"]
    row(f"Parse the report into the model (`build_report`, {r['parse']['paragraphs']} paragraphs)",
        f"{median(t):.3f} s (max {max(t):.3f} s)", "parse", median(t))
    t = r["build"]["times"]
    row("Full `mkdocs build` (subprocess)", f"{median(t):.2f} s (max {max(t):.2f} s)", "build", median(t))
    for label, ours, plain in (("Full `mkdocs build` (subprocess)", t, r["build"]["plain"]),
                               ("Rebuild in one process, as `mkdocs serve` after an edit",
                                r["build"]["rebuild"], r["build"]["plain_rebuild"])):
        ratio = median(ours) / median(plain)
        row(f"{label}, ours against plain Material on the same text (scripts/floor.py), interleaved",
            f"ours {median(ours):.2f} s, plain Material {median(plain):.2f} s: {ratio:.2f}×", "build_ratio", ratio)
    pg = r["pages"]
    row("Paragraph page HTML, median of 113", f"{kb(pg['median_raw'])} raw, {kb(pg['median_gzip'])} gzip",
        "page_html", pg["median_raw"])
    row(f"Paragraph page HTML, largest (paragraphs/{pg['largest_n']}/)",
        f"{kb(pg['largest_raw'])} raw, {kb(pg['largest_gzip'])} gzip; {pg['over_target']} of 113 pages "
        f"at {target_text('page_html')[2:]} or more", "page_html", pg["largest_raw"])
    si = r["search_index"]
    row(f"Search index (`search/search_index.json`, {si['docs']} entries)",
        f"{kb(si['raw'])} raw, {kb(si['gzip'])} gzip")
    if r.get("offline_before"):
        ref, off = r["offline_before"]
        row(f"Offline zip, build of {ref}", f"{kb(off['bytes'])} ({off['bytes'] / 1e6:.2f} MB)" if "bytes" in off
            else f"n/a ({off['why']})")
    off = r.get("offline")
    if off is None:
        row("Offline zip", "not measured (--no-offline)")
    elif "bytes" in off:
        extra = f", export {off['seconds']:.1f} s" if "seconds" in off else f" ({off['where']})"
        row("Offline zip (`export_offline.py`)", f"{kb(off['bytes'])} ({off['bytes'] / 1e6:.2f} MB){extra}",
            "zip_all", off["bytes"])
        if off.get("checklist"):
            rest = off["bytes"] - off["checklist"]
            row("Offline zip less the checklist's files and pages (data/checklist/, themes/, recommendations/: "
                f"{kb(off['checklist'])}, added since): what readers had when issue 22 set the budget",
                f"{kb(rest)} ({rest / 1e6:.3f} MB)", "zip", rest)
    else:
        row("Offline zip", f"n/a ({off['why']})")
    b = r.get("browser")
    if b:
        def visit(label: str, entries: list[dict[str, Any]], name: str | None = None) -> None:
            e = entries[len(entries) // 2]
            raw, gzipped = median(x["raw"] for x in entries), median(x["gzip"] for x in entries)
            parts = ", ".join(f"{k} {v[0] / 1000:.0f}/{v[1] / 1000:.0f}" for k, v in sorted(
                e["by_kind"].items(), key=lambda kv: -kv[1][0]))
            text = f"{e['requests']} requests, {kb(raw)} raw, {kb(gzipped)} gzip"
            if e["not_modified"]:
                text += f"; {e['not_modified']} revalidated (304, no body)"
            if parts:
                text += f" (raw/gzip kB: {parts})"
            row(label, text, name, gzipped)
        if b.get("before"):
            visit(f"First visit to {b['url_path']} (empty cache, no search), build of {b['before_ref']}",
                  b["before"])
        visit(f"First visit to {b['url_path']} (empty cache, no search)", b["first"], "first_visit")
        visit("Then the reader opens the search (focus in the search box): what it fetches", b["opened"])
        visit(f"Second visit to {b['url_path']} (same browser)", b["second"])
        visit(f"Then {b['next_path']} (same browser)", b["next"])
        t = [x["results"] for x in b["at_load"]]
        cold = [x["ready"] for x in b["ready_cold"]]
        warm = [x["ready"] for x in b["ready_warm"]]
        built = [x["ready"] - x["index"] for x in b["ready_cold"] if "index" in x]
        row("Search ready: DOMContentLoaded → first result of a query typed then (empty cache)",
            f"{median(t):.0f} ms (max {max(t):.0f} ms)", "search_ready", median(t))
        row("Search worker ready, the box focused at DOMContentLoaded, no query typed: "
            "DOMContentLoaded → \"Initializing search\" gone",
            f"{median(cold):.0f} ms with an empty cache "
            # The worker fetches the index itself: the page's resource timing does not see it arrive.
            + (f"({median(built):.0f} ms after the index arrived); " if built else "(index fetched by the worker); ")
            + f"{median(warm):.0f} ms on the next page (index cached)",
            "search_ready", max(median(cold), median(warm)))
        slow = r.get("slow_cpu") or {}
        for mode, how in (("workers", "as Chromium slows it (the page's thread, not the engines' workers)"),
                          ("one_thread", "each engine's worker on the page's thread, slowed with it"),
                          ("network", "as Chromium slows it, over Chromium's \"Slow 4G\" network (150 ms, "
                                      "1.6 Mbit/s down), the files compressed (gzip) as a web server sends them")):
            t = slow.get(mode)
            if not t:
                continue
            ours, theirs = t["site"], t["pagefind"]
            pre, ratio = slow_cpu_ratio(t)
            row(f"CPU slowed {CPU_SLOWDOWN}×, {how}: navigation start → first result of \"{slow['query']}\" typed "
                f"at DOMContentLoaded, ours against Pagefind {slow['pagefind_version']} on the same page",
                f"ours {median(ours):.0f} ms (max {max(ours):.0f}), Pagefind {median(theirs):.0f} ms "
                f"(max {max(theirs):.0f}), medians of the totals {median(ours) / median(theirs):.2f}×. Until "
                f"DOMContentLoaded, the same page for both: {pre:.0f} ms (median of both's runs); then to the first "
                f"result: ours {median(t['site_dcl']):.0f} ms, Pagefind {median(t['pagefind_dcl']):.0f} ms: "
                f"{ratio:.2f}×", "slow_cpu_ratio", ratio)
        all_ms = [x["ms"] for v in b["queries"].values() for x in v]
        row(f"Search: keyup → results in the page ({len(QUERIES)} queries × {runs})",
            f"median {median(all_ms):.1f} ms, max {max(all_ms):.1f} ms", "search_results", max(all_ms))
    lines = ["| Measure | Result | Target | |", "| --- | --- | --- | --- |"]
    lines += [f"| {a} | {b_} | {c} | {d} |" for a, b_, c, d in rows]
    return "\n".join(lines)


def query_table(b: dict[str, Any]) -> str:
    lines = ["| Query | Results shown | median | max | next frame (median) |", "| --- | --- | --- | --- | --- |"]
    for q, rs in b["queries"].items():
        ms = [x["ms"] for x in rs]
        lines.append(f"| {q} | {rs[-1]['meta']} | {median(ms):.1f} ms | {max(ms):.1f} ms | "
                     f"{median(x['painted_ms'] for x in rs):.1f} ms |")
    return "\n".join(lines)


def machine(chromium: str | None) -> dict[str, Any]:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = "?"
    try:
        total = re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text())
        if total:
            ram = f"{int(total.group(1)) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    nproc: int | None
    try:
        nproc = len(os.sched_getaffinity(0))
    except AttributeError:
        nproc = os.cpu_count()
    from importlib.metadata import version
    versions = {}
    for pkg in ("mkdocs", "mkdocs-material", "playwright"):
        try:
            versions[pkg] = version(pkg)
        except Exception:
            versions[pkg] = "?"
    return {"nproc": nproc, "cpu": cpu, "ram": ram, "python": platform.python_version(),
            "chromium": chromium or "not run", "os": platform.platform(), **versions}


def page_text(r: dict[str, Any], runs: int, tbl: str, qtbl: str, m: dict[str, Any]) -> str:
    date = datetime.now(timezone.utc).strftime("%Y-%m-%d")
    b = r.get("browser")
    out = [
        # Figures, not content: a search for "search" or "42" should not land here.
        "---", "search:", "  exclude: true", "---", "",
        "# Performance",
        "",
        "What the site costs to build and to read, measured by `scripts/bench.py`:",
        "",
        "```sh",
        ".venv/bin/python scripts/bench.py   # 5 runs of each measure; --runs N, or --quick for 2",
        ".venv/bin/python scripts/bench.py --before main --slow-cpu --write docs/performance.md   # this page",
        "```",
        "",
        "It builds the site into a temporary directory, serves it on 127.0.0.1 and loads it in Debian's",
        "Chromium (headless, through Playwright). Each time is the median of the runs, with the largest",
        "beside it; 1 kB is 1000 bytes; \"gzip\" is each file compressed at level 6, as a web server would",
        "send it (Python's local server sends files uncompressed). Assets, `css/` and `js/` are served with",
        "`Cache-Control: max-age=3600` and the rest with `no-cache`, so a second visit revalidates the page",
        "(304, no body) and takes the rest from the browser's cache. A visit is until the network is idle,",
        "nobody searching: the search index and engine load when a reader shows they will search (the",
        "search box focused), measured apart. A time meets its target when its median does, the search",
        "results when the slowest of them does. The times are this machine's: a phone's CPU is several",
        "times slower (the row \"CPU slowed 4×\" gives an idea, with `--slow-cpu`).",
        "",
        f"Measured on {date} ({runs} runs), on {m['nproc']} CPUs ({m['cpu']}), {m['ram']} of RAM,",
        f"Python {m['python']}, Chromium {m['chromium']}, MkDocs {m['mkdocs']}, Material for MkDocs",
        f"{m['mkdocs-material']}, Playwright {m['playwright']}.",
        "",
        tbl,
        "",
    ]
    if b:
        out += [
            "Search, query by query (the time from the keyup to the results in the page; \"next frame\" adds",
            "the wait for the browser's next frame after that):",
            "",
            qtbl,
            "",
        ]
    out += [
        "What the paragraph page of median size and the largest one are made of (bytes of the minified HTML):",
        "",
        r["breakdown"][0],
        "",
        r["breakdown"][1],
        "",
    ]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs of each measure (default: 5)")
    parser.add_argument("--quick", action="store_true", help="2 runs of each measure")
    parser.add_argument("--paragraph", type=int, default=42, help="the paragraph page loaded in Chromium")
    parser.add_argument("--no-browser", action="store_true", help="skip the measures in Chromium")
    parser.add_argument("--no-offline", action="store_true", help="skip the offline export")
    parser.add_argument("--queries", action="store_true", help="also print the search times query by query")
    parser.add_argument("--breakdown", action="store_true",
                        help="also print what the median and the largest paragraph page are made of")
    parser.add_argument("--write", type=Path, metavar="PAGE", help="also write the results as a Markdown page")
    parser.add_argument("--slow-cpu", action="store_true",
                        help="also time load → first result with the CPU slowed 4 times, ours against Pagefind")
    parser.add_argument("--before", metavar="REF",
                        help="also load the same page of a build of this git revision (e.g. main), same run")
    args = parser.parse_args(argv)
    runs = 2 if args.quick else args.runs
    if runs < 1:
        parser.error("--runs must be at least 1")
    if args.paragraph not in PARAGRAPHS:
        parser.error("--paragraph must be 1..113")

    r: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="opsc-bench-") as tmp:
        log(f"parse ×{runs}")
        r["parse"] = bench_parse(runs)
        log(f"mkdocs build ×{runs}")
        r["build"] = bench_build(runs, tmp)
        site = r["build"]["site"]
        r["pages"] = bench_pages(site)
        r["search_index"] = bench_search_index(site)
        r["breakdown"] = [breakdown(site, r["pages"]["median_n"]), breakdown(site, r["pages"]["largest_n"])]
        if not args.no_offline:
            log("offline export")
            r["offline"] = bench_offline(tmp)
        before = None
        if args.before and not args.no_browser:
            log(f"build of {args.before}")
            tree = build_revision(args.before, tmp)
            # The commit it named then: a branch moves.
            commit = subprocess.run(["git", "rev-parse", "--short", args.before], cwd=ROOT, capture_output=True,
                                    text=True).stdout.strip()
            label = f"{args.before} ({commit})" if commit and commit != args.before else args.before
            before = (label, tree / "site")
            if not args.no_offline:
                log(f"offline export of {args.before}")
                r["offline_before"] = (label, bench_offline(tmp, tree))
        if not args.no_browser:
            log(f"Chromium ×{runs}")
            r["browser"] = bench_browser(site, runs, args.paragraph, before)
            if args.slow_cpu:
                log(f"slowed CPU ×{runs}")
                r["slow_cpu"] = bench_slow_cpu(site, runs, args.paragraph, tmp)
            for seen, sent in r["browser"]["mismatch"]:
                log(f"warning: Chromium received {seen} bytes of bodies, the server sent {sent}")

    tbl = table(r, runs)
    qtbl = query_table(r["browser"]) if r.get("browser") else ""
    print(tbl)
    if args.queries and qtbl:
        print()
        print(qtbl)
    if args.breakdown:
        for part in r["breakdown"]:
            print()
            print(part)
    if args.write:
        m = machine(r.get("browser", {}).get("chromium"))
        args.write.write_text(page_text(r, runs, tbl, qtbl, m), encoding="utf-8")
        log(f"wrote {args.write}")


if __name__ == "__main__":
    main()
