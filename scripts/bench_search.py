"""Search benchmark: the site's own search against Pagefind, over the same built pages, in one run.

    .venv/bin/python scripts/bench_search.py [--site DIR] [--queries FILE ...] [--runs N] [--misses]
                                             [--pagefind-scope article|body] [--json OUT] [--write PAGE]

Two engines answer the same queries in the same Chromium (Debian's, headless, through Playwright),
on the same copy of the built site served on 127.0.0.1 by scripts/harness.py's server (the cache
headers and the log of every response sent of scripts/bench.py's measures):

- "site search": the search box of the site (Material for MkDocs' box and result list, whatever
  worker answers behind it), on /paragraphs/42/;
- "Pagefind": the `pagefind` package's indexer, run with its default settings on the copy of the
  site, and its JavaScript API (`/pagefind/pagefind.js`), on an empty page of the same site (so that
  the site's own search does not run beside it).

The site: --site DIR, a built site; without it, `python -m mkdocs build -q` into a temporary
directory. It is copied, and Pagefind indexes the copy (scripts/harness.py's pagefind_site()). --pagefind-scope article (the default) adds
`data-pagefind-body` to the `<article>` of each page that the site's own index holds
(search/search_index.json; without one, every page but 404.html and those docs/ keeps out with
`search: exclude`): Pagefind then indexes that page content only, and the same pages as the site
search. With its defaults (--pagefind-scope body)
Pagefind indexes each page's whole `<body>` but `<nav>`, `<header>` and `<footer>`: Material's
"Skip to content", "Back to top" and the site's hidden "External link, opens in a new tab" are then
words of every page, and the pages the site keeps out of its search (404.html, search: exclude)
are results.

The queries: --queries FILE ... (default: tests/search_queries.yaml, the keyword set; tests/search_questions.yaml,
questions and long descriptions held out from tuning; tests/search_questions_dev.yaml, those the engine was
tuned on, whose kinds are shown with "(dev)"), each a YAML list of {q, kind, expect, why}; expect lists paragraph numbers (a result page paragraphs/N/ is paragraph N; a string is taken
as a page path, "" for the home page). Queries without expect are timed, not scored.

What is measured:

- results: for each query, the ordered result pages (path from the site root, no query string or
  fragment; pages counted once, at their first place), the first 10.
  Site search: the box is cleared and the list waited for until empty, the query put in at once,
  input and one keyup dispatched (bench.py's QUERY); when the list answers this query, each
  `li.md-search-result__item`'s first link. Pagefind: `await pf.search(q)`, then `data()` of the
  first 10 results, their urls.
- quality, per engine, by kind and over all scored queries: recall@1 (the first result is expected),
  recall@5 (an expected page among the first 5), MRR@10 (mean of 1/rank of the first expected page
  among the first 10, 0 when none is), and for kind "phrase" how many have an expected page first
  or second. Scored on the first run's results (later runs are checked to give the same).
- query time: median, 95th percentile (nearest rank) and largest over all queries x --runs runs
  (default 3), in one page per engine kept open through the runs. Site search: keyup to the results
  (or "no matching documents") in the page, as bench.py measures it (a MutationObserver;
  performance.now()). Pagefind: from before search() to the 10 data() resolved, what a UI needs to
  show ten results; its index chunks and fragments load on demand, so the first run's times
  include loading them (shown apart as "first run").
- search ready and first result, in fresh browser contexts (empty cache), once per run, medians.
  Site search: bench.py's probe opens /paragraphs/42/; "ready" is DOMContentLoaded to "Initializing
  search" gone, no query typed; "first result", in another context, DOMContentLoaded to the first
  result in the page of the first query, typed at DOMContentLoaded. Pagefind: on the empty page,
  "ready" is import() + init(), "first result" that plus the first query's search() and data() of
  its first 10 results.
- bytes before the first result: in the fresh context of the first result, the response bodies the server sent up to
  the first result for search-specific paths (search/, assets/javascripts/workers/,
  assets/javascripts/lunr/, assets/vendor/lunr/, pagefind/): raw, and "gzip" as bench.py weighs a
  visit (its gz(), level 6, of each compressible file; Pagefind's index, fragment and wasm files are
  gzip-compressed by Pagefind already and count as they are).

Prints Markdown tables: quality by kind and engine, speed and bytes, and with --misses the queries
each engine misses at 5 with its first 5 results. --json OUT writes the raw results; --write PAGE a
Markdown page (excluded from the site's search).
"""

from __future__ import annotations

import argparse
import json
import math
import re
import statistics
import tempfile
from collections.abc import Iterable
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict
from urllib.parse import unquote, urljoin, urlsplit

# Python puts a script's own folder first on its path: scripts/bench.py and harness.py are importable.
import bench  # scripts/bench.py: its measures, QUERY, probe(), ready_times(), search_ready(), weigh()
import harness
from harness import BLANK_PAGE, LogEntry, PagefindInfo, RecordingHandler, Server, serve

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

ROOT = bench.ROOT
DEFAULT_QUERIES = [ROOT / "tests" / name for name in
                   ("search_queries.yaml", "search_questions.yaml", "search_questions_dev.yaml")]
START_PAGE = "paragraphs/42/"
TOP = 10
SEARCH_PATHS = re.compile(
    r"^/(search/|assets/javascripts/workers/|assets/javascripts/lunr/|assets/vendor/lunr/|pagefind/)")
ENGINES = ("site", "pagefind")
LABELS = {"site": "Site search", "pagefind": "Pagefind"}
SCOPES = {
    "article": "`data-pagefind-body` on the `<article>` of the pages the site's own search indexes",
    "body": "Pagefind's defaults: every page's `<body>` but `<nav>`, `<header>`, `<footer>`",
}

log = harness.log


class Query(TypedDict):
    """A query of a --queries file: its text, its kind, the pages expected (none: timed, not scored)."""
    q: str
    kind: str
    expect: list[str]
    why: str


class Score(TypedDict):
    """A query's rank of the first expected page (None: none in the first TOP), and whether it is scored."""
    rank: int | None
    scored: bool


# {kind: {engine: {"n", "r1", "r5", "mrr", "top2"}}}, kinds in the order they first appear, then "all".
Summary = dict[str, dict[str, dict[str, float]]]


# --- queries and pages -----------------------------------------------------------------------------

def page_of(expect: object) -> str:
    """An expect entry as a page path: 42 -> "paragraphs/42/"; a string is a path ("" the home page)."""
    if isinstance(expect, int) or (isinstance(expect, str) and expect.strip().isdigit()):
        return f"paragraphs/{int(expect)}/"
    path = str(expect).strip().strip("/")
    return path + "/" if path and not path.endswith(".html") else path


def load_queries(path: Path) -> list[Query]:
    import yaml

    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, list) or not data:
        raise SystemExit(f"{path}: expected a non-empty YAML list of {{q, kind, expect, why}}")
    queries: list[Query] = []
    for i, item in enumerate(data, 1):
        if not isinstance(item, dict) or item.get("q") in (None, ""):
            raise SystemExit(f"{path}: entry {i} has no q")
        expect = item.get("expect")
        expect = [] if expect is None else expect if isinstance(expect, list) else [expect]
        kind = str(item.get("kind") or "other") + (" (dev)" if Path(path).stem.endswith("_dev") else "")
        queries.append({"q": str(item["q"]), "kind": kind,
                        "expect": [page_of(e) for e in expect], "why": str(item.get("why") or "")})
    return queries


def url_page(url: str, base: str) -> str:
    """A result's address as a page path from the site root, without query string and fragment."""
    parts = urlsplit(urljoin(base + "/", url))
    if f"{parts.scheme}://{parts.netloc}" != base:
        return url
    path = unquote(parts.path).lstrip("/")
    return path[:-len("index.html")] if path == "index.html" or path.endswith("/index.html") else path


def distinct(pages: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for p in pages:
        if p not in seen:
            seen.add(p)
            out.append(p)
    return out


# --- the site ------------------------------------------------------------------------------------

def build_site(dest: Path) -> Path:
    log(f"mkdocs build -> {dest}")
    result = harness.build_site(ROOT, dest)
    if result.returncode != 0:
        raise SystemExit(f"mkdocs build failed:\n{result.stderr}")
    return dest


# --- in Chromium -----------------------------------------------------------------------------------

# The result list of the site's search box: each item's first link, as the browser resolves it.
SITE_RESULTS = """
() => Array.from(document.querySelectorAll("[data-md-component=search-result] li.md-search-result__item"),
                 li => { const a = li.querySelector("a"); return a ? a.href : ""; })
"""

# Before bench.QUERY: it clears the box and waits for the list to empty, then waits for items or a
# *new* "no matching documents". After a query that matched nothing the list is empty already and the
# meta may still say so when the next query goes in; clear here first and wait for the meta to change.
SITE_UNSTICK = """
async () => {
  const input = document.querySelector("[data-md-component=search-query]");
  const meta = document.querySelector("[data-md-component=search-result] .md-search-result__meta");
  if (!/no matching/i.test(meta.textContent)) return true;
  input.value = "";
  input.dispatchEvent(new Event("input", {bubbles: true}));
  input.dispatchEvent(new KeyboardEvent("keyup", {bubbles: true, key: "Backspace"}));
  return await new Promise(resolve => {
    const done = () => !/no matching/i.test(meta.textContent);
    if (done()) return resolve(true);
    const mo = new MutationObserver(() => { if (done()) { mo.disconnect(); resolve(true); } });
    mo.observe(meta, {subtree: true, childList: true, characterData: true});
    setTimeout(() => { mo.disconnect(); resolve(false); }, 2000);
  });
}
"""

PAGEFIND_INIT = """
async () => {
  const t0 = performance.now();
  const pf = await import("/pagefind/pagefind.js");
  await pf.init();
  window.__pf = pf;
  return performance.now() - t0;
}
"""

PAGEFIND_QUERY = """
async ([q, top]) => {
  const pf = window.__pf;
  const t0 = performance.now();
  const s = await pf.search(q);
  const data = await Promise.all(s.results.slice(0, top).map(r => r.data()));
  const ms = performance.now() - t0;
  return {ms, count: s.results.length, urls: data.map(d => d.url)};
}
"""

PAGEFIND_COLD = """
async ([q, top]) => {
  const t0 = performance.now();
  const pf = await import("/pagefind/pagefind.js");
  await pf.init();
  const t1 = performance.now();
  const s = await pf.search(q);
  await Promise.all(s.results.slice(0, top).map(r => r.data()));
  const t2 = performance.now();
  return {ready: t1 - t0, first: t2 - t0, count: s.results.length};
}
"""


def search_bytes(site: Path, entries: list[LogEntry]) -> dict[str, Any]:
    """bench.weigh() of the server log entries for search-specific paths, and those paths."""
    mine = [e for e in entries if SEARCH_PATHS.match(e["path"])]
    w = bench.weigh(site, mine)
    return {"raw": w["raw"], "gzip": w["gzip"], "bodies": w["bodies"],
            "files": sorted(e["path"] for e in mine if e["status"] == 200)}


def cold_site(browser: Browser, server: Server, copy: Path, query: str) -> dict[str, Any]:
    """Two fresh contexts with bench.py's probe: no query typed (when the search is ready; with a query
    typed, "Initializing search" only goes when the results come), then the first query typed at
    DOMContentLoaded (its first result, and the bytes sent until then)."""
    out: dict[str, Any] = {}
    for typed in ("", query):
        with harness.fresh_page(browser, bench.probe(typed)) as page:
            server.take()
            page.goto(f"{server.url}/{START_PAGE}", wait_until="domcontentloaded")
            if typed:
                out["first"] = bench.ready_times(page, "results").get("results")
                out["bytes"] = search_bytes(copy, server.take())
            else:
                out["ready"] = bench.ready_times(page, "ready").get("ready")
    server.take()
    return out


def cold_pagefind(browser: Browser, server: Server, copy: Path, query: str) -> dict[str, Any]:
    with harness.fresh_page(browser) as page:
        page.goto(f"{server.url}/{BLANK_PAGE}", wait_until="load")
        server.take()
        r = page.evaluate(PAGEFIND_COLD, [query, TOP])
        entries = server.take()
    return {"ready": r["ready"], "first": r["first"], "bytes": search_bytes(copy, entries)}


def run_browser(copy: Path, queries: list[Query], runs: int) -> dict[str, Any]:
    """Both engines, --runs times: results and times per query, and a fresh context each per run."""
    out: dict[str, Any] = {e: {"results": [], "ms": [], "cold": []} for e in ENGINES}
    out["errors"] = []
    with serve(copy, RecordingHandler) as server, harness.chromium() as browser, \
            harness.fresh_context(browser) as context:
        out["chromium"] = browser.version
        site_page = context.new_page()
        site_page.goto(f"{server.url}/{START_PAGE}", wait_until="load")
        bench.search_ready(site_page)  # the reader shows they will search: the search loads
        pf_page = context.new_page()
        pf_page.goto(f"{server.url}/{BLANK_PAGE}", wait_until="load")
        out["pagefind"]["init_ms"] = pf_page.evaluate(PAGEFIND_INIT)

        for run in range(runs):
            log(f"  run {run + 1}/{runs}: site search")
            site_page.bring_to_front()
            site_run(site_page, server.url, queries, run, out)

            log(f"  run {run + 1}/{runs}: Pagefind")
            pf_page.bring_to_front()
            results, times = [], []
            for q in queries:
                r = pf_page.evaluate(PAGEFIND_QUERY, [q["q"], TOP])
                results.append(distinct(url_page(u, server.url) for u in r["urls"])[:TOP])
                times.append(r["ms"])
            out["pagefind"]["results"].append(results)
            out["pagefind"]["ms"].append(times)

            log(f"  run {run + 1}/{runs}: fresh contexts")
            out["site"]["cold"].append(cold_site(browser, server, copy, queries[0]["q"]))
            out["pagefind"]["cold"].append(cold_pagefind(browser, server, copy, queries[0]["q"]))
    return out


def site_run(page: Page, base: str, queries: list[Query], run: int, out: dict[str, Any]) -> None:
    """One run of the queries in the site's search box: results and times into out["site"]."""
    results, times = [], []
    for q in queries:
        if not page.evaluate(SITE_UNSTICK):
            out["errors"].append(f"site search, run {run + 1}: {q['q']!r}: the box would not clear")
        r = page.evaluate(bench.QUERY, q["q"])
        if r["ms"] is None:
            out["errors"].append(f"site search, run {run + 1}: {q['q']!r} showed nothing "
                                 f"within 5 s ({r['meta']!r})")
        hrefs = page.evaluate(SITE_RESULTS)
        results.append(distinct(url_page(h, base) for h in hrefs)[:TOP])
        times.append(r["ms"])
    out["site"]["results"].append(results)
    out["site"]["ms"].append(times)


# --- scores ----------------------------------------------------------------------------------------

def rank_of(expect: list[str], pages: list[str]) -> int | None:
    """1-based rank of the first expected page among the first TOP, or None."""
    return next((i for i, p in enumerate(pages[:TOP], 1) if p in expect), None)


def scores(queries: list[Query], results: list[list[str]]) -> list[Score]:
    rows: list[Score] = []
    for q, pages in zip(queries, results):
        rank = rank_of(q["expect"], pages) if q["expect"] else None
        rows.append({"rank": rank, "scored": bool(q["expect"])})
    return rows


def summarize(queries: list[Query], per_engine: dict[str, list[Score]]) -> Summary:
    """{kind: {engine: {...}}} in the order kinds first appear, then "all"."""
    kinds = list(dict.fromkeys(q["kind"] for q in queries)) + ["all"]
    table: Summary = {}
    for kind in kinds:
        table[kind] = {}
        for engine in ENGINES:
            ranks = [s["rank"] for q, s in zip(queries, per_engine[engine])
                     if s["scored"] and (kind == "all" or q["kind"] == kind)]
            n = len(ranks)
            table[kind][engine] = {
                "n": n,
                "r1": sum(1 for r in ranks if r == 1),
                "r5": sum(1 for r in ranks if r is not None and r <= 5),
                "mrr": sum(1 / r for r in ranks if r) / n if n else 0.0,
                "top2": sum(1 for r in ranks if r is not None and r <= 2),
            }
    return table


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile."""
    s = sorted(values)
    return s[max(0, math.ceil(p / 100 * len(s)) - 1)]


# --- report ----------------------------------------------------------------------------------------

def frac(k: int | float, n: int | float) -> str:
    return f"{k / n:.2f} ({k}/{n})" if n else "–"


def quality_table(summary: Summary) -> str:
    has_phrase = "phrase" in summary
    head = "| Kind | Engine | n | recall@1 | recall@5 | MRR@10 |" + (" phrase: first or second |" if has_phrase else "")
    lines = [head, "|" + " --- |" * (head.count("|") - 1)]
    for kind, engines in summary.items():
        for engine in ENGINES:
            s = engines[engine]
            label = f"**{kind}**" if kind == "all" else kind
            row = f"| {label} | {LABELS[engine]} | {s['n']} | {frac(s['r1'], s['n'])} | {frac(s['r5'], s['n'])} | " \
                  f"{s['mrr']:.3f} |"
            if has_phrase:
                row += f" {frac(s['top2'], s['n'])} |" if kind == "phrase" else " |"
            lines.append(row)
    return "\n".join(lines)


def speed(r: dict[str, Any], engine: str) -> dict[str, Any]:
    e = r[engine]
    every = [ms for run in e["ms"] for ms in run if ms is not None]
    first = [ms for ms in e["ms"][0] if ms is not None]
    cold = e["cold"]
    return {
        "ready": statistics.median(c["ready"] for c in cold if c["ready"] is not None),
        "first": statistics.median(c["first"] for c in cold if c["first"] is not None),
        "median": statistics.median(every), "p95": percentile(every, 95), "max": max(every),
        "first_run_median": statistics.median(first), "first_run_p95": percentile(first, 95),
        "raw": statistics.median(c["bytes"]["raw"] for c in cold),
        "gzip": statistics.median(c["bytes"]["gzip"] for c in cold),
        "bodies": cold[0]["bytes"]["bodies"], "files": cold[0]["bytes"]["files"],
        "n": len(every),
    }


def speed_table(r: dict[str, Any], runs: int, nq: int) -> str:
    lines = ["| Engine | search ready | first result, empty cache | query → results: median | p95 | max | "
             "first run: median / p95 | search bytes before first result: raw | gzip | files |",
             "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for engine in ENGINES:
        s = speed(r, engine)
        lines.append(f"| {LABELS[engine]} | {s['ready']:.0f} ms | {s['first']:.0f} ms | {s['median']:.1f} ms | "
                     f"{s['p95']:.1f} ms | {s['max']:.1f} ms | {s['first_run_median']:.1f} / "
                     f"{s['first_run_p95']:.1f} ms | {bench.kb(s['raw'])} | {bench.kb(s['gzip'])} | {s['bodies']} |")
    notes = [
        "",
        f"Query times: {nq} queries × {runs} run{'s' if runs > 1 else ''} per engine. Site search: keyup → results (or \"no matching",
        "documents\") in the page. Pagefind: search() → data() of the first 10 results resolved; its index",
        "chunks and fragments load on demand, during the first run. Search ready: site search, DOMContentLoaded",
        "→ \"Initializing search\" gone; Pagefind, import() + init(). First result, empty cache: site search,",
        "DOMContentLoaded → first result of the first query typed then; Pagefind, import() + init() + search()",
        "+ 10 data(). Bytes: bodies sent for search-specific paths until that first result; gzip as bench.py",
        "weighs a visit (Pagefind's own files are gzip-compressed already and count as they are).",
    ]
    return "\n".join(lines + notes)


def show(page: str) -> str:
    return f"/{page}"


def misses_table(queries: list[Query], r: dict[str, Any]) -> str:
    out = []
    for engine in ENGINES:
        res = r[engine]["results"][0]
        rows = [(q, pages) for q, pages in zip(queries, res)
                if q["expect"] and not any(p in q["expect"] for p in pages[:5])]
        out.append(f"{LABELS[engine]}: {len(rows)} of {sum(1 for q in queries if q['expect'])} "
                   "scored queries miss at 5.")
        if rows:
            out += ["", "| Query | kind | expected | first 5 results |", "| --- | --- | --- | --- |"]
            for q, pages in rows:
                expect = ", ".join(show(p) for p in q["expect"])
                got = ", ".join(show(p) for p in pages[:5]) or "(none)"
                query = q["q"].replace("|", "\\|")
                out.append(f"| {query} | {q['kind']} | {expect} | {got} |")
        out.append("")
    return "\n".join(out).rstrip()


def header(info: PagefindInfo, nq: int, nkinds: int, runs: int, qfile: str, chromium: str, unscored: int) -> str:
    scope = SCOPES[info["scope"]]
    if info["scope"] == "article":
        scope += f" ({info['marked']} pages, from {info['pages_from']})"
    text = [f"{nq} queries ({nkinds} kinds) from `{qfile}`, {runs} run{'s' if runs > 1 else ''}; Chromium {chromium}; "
            f"Pagefind {info['version']}, {info['pages']} pages and {info['words']} words indexed, scope: {scope}."]
    if unscored:
        text.append(f"{unscored} queries without expect: timed, not scored.")
    return " ".join(text)


def rel(path: Path) -> str:
    try:
        return Path(path).resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


def page_text(report: str, m: dict[str, Any]) -> str:
    date = datetime.now(timezone.utc).strftime("%Y-%m-%d")
    return "\n".join([
        # Figures, not content: a search should not land here.
        "---", "search:", "  exclude: true", "---", "",
        "# Search benchmark",
        "",
        "The site's search against [Pagefind](https://pagefind.app/), measured by `scripts/bench_search.py`",
        "(its docstring says exactly what is measured): the same built pages, the same queries, in the same",
        "run, both driven in Debian's Chromium (headless, through Playwright) from a local server.",
        "",
        f"Measured on {date}, on {m['nproc']} CPUs ({m['cpu']}), {m['ram']} of RAM, Python {m['python']},",
        f"MkDocs {m['mkdocs']}, Material for MkDocs {m['mkdocs-material']}, Playwright {m['playwright']}.",
        "",
        report,
        "",
    ])


# --- main ------------------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one into a temporary directory)")
    parser.add_argument("--queries", type=Path, nargs="+", default=DEFAULT_QUERIES,
                        help="YAML lists of {q, kind, expect, why} (default: "
                             + ", ".join(rel(q) for q in DEFAULT_QUERIES) + ")")
    parser.add_argument("--runs", type=int, default=3, help="repetitions of the timings (default: 3)")
    parser.add_argument("--pagefind-scope", choices=sorted(SCOPES), default="article",
                        help="what Pagefind indexes (default: article)")
    parser.add_argument("--misses", action="store_true", help="also list each engine's misses at 5")
    parser.add_argument("--json", type=Path, metavar="OUT", help="also write the raw results as JSON")
    parser.add_argument("--write", type=Path, metavar="PAGE", help="also write the tables as a Markdown page")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    queries = [q for path in args.queries for q in load_queries(path)]
    if args.site and not (args.site / START_PAGE / "index.html").is_file():
        parser.error(f"{args.site} has no {START_PAGE}index.html")

    with tempfile.TemporaryDirectory(prefix="opsc-bench-search-") as tmpdir:
        tmp = Path(tmpdir)
        site = args.site.resolve() if args.site else build_site(tmp / "built")
        copy = tmp / "site"
        info = harness.pagefind_site(site, copy, args.pagefind_scope)
        log(f"Pagefind {info['version']}: {info['pages']} pages, scope {args.pagefind_scope}")
        log(f"Chromium, {len(queries)} queries × {args.runs} runs")
        r = run_browser(copy, queries, args.runs)

    for e in r["errors"]:
        log("warning: " + e)
    unstable = {}
    for engine in ENGINES:
        first = r[engine]["results"][0]
        unstable[engine] = [q["q"] for i, q in enumerate(queries)
                            if any(run[i] != first[i] for run in r[engine]["results"][1:])]
        if unstable[engine]:
            log(f"warning: {LABELS[engine]} gave other results in later runs for: {unstable[engine]}")

    per_engine = {e: scores(queries, r[e]["results"][0]) for e in ENGINES}
    summary = summarize(queries, per_engine)
    unscored = sum(1 for q in queries if not q["expect"])
    parts = [header(info, len(queries), len(summary) - 1, args.runs, ", ".join(rel(q) for q in args.queries), r["chromium"], unscored),
             "", quality_table(summary), "", speed_table(r, args.runs, len(queries))]
    if args.misses:
        parts += ["", misses_table(queries, r)]
    report = "\n".join(parts)
    print(report)

    m = bench.machine(r["chromium"])
    m["pagefind"] = info["version"]
    if args.json:
        raw = {
            "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "site": str(args.site) if args.site else "built by the bench", "queries_files": [str(q) for q in args.queries],
            "runs": args.runs, "machine": m, "pagefind": info, "start_page": START_PAGE,
            "queries": [dict(q, **{e: {"results": r[e]["results"][0][i], "rank": per_engine[e][i]["rank"],
                                       "ms": [run[i] for run in r[e]["ms"]]} for e in ENGINES})
                        for i, q in enumerate(queries)],
            "summary": summary,
            "speed": {e: speed(r, e) for e in ENGINES},
            "cold": {e: r[e]["cold"] for e in ENGINES},
            "pagefind_init_ms": r["pagefind"]["init_ms"],
            "unstable": unstable, "errors": r["errors"],
        }
        args.json.write_text(json.dumps(raw, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        log(f"wrote {args.json}")
    if args.write:
        args.write.write_text(page_text(report, m), encoding="utf-8")
        log(f"wrote {args.write}")


if __name__ == "__main__":
    main()
