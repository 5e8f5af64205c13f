"""The harness the benchmarks (scripts/bench.py, scripts/bench_search.py) and the tests (tests/conftest.py)
share: a build of the site, a local server for it, Debian's Chromium through Playwright, Pagefind's index.

Free of the site's pipeline (macros/): it runs MkDocs in a subprocess, as a reader of the README would, so
that a build uses the tree's own code. Importable as `harness` from scripts/ (a script's folder is first on
its path) and as `scripts.harness` from the tests (pyproject's `pythonpath = ["."]`).
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypedDict

if TYPE_CHECKING:  # Playwright is imported when a browser starts: the model's tests do without it.
    from playwright.sync_api import Browser, BrowserContext, Page

ROOT = Path(__file__).resolve().parent.parent

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--no-first-run", "--disable-component-update", "--disable-sync", "--disable-quic"]
VIEWPORT = {"width": 1280, "height": 900}
# What the benchmarks serve with a cache lifetime (Material's assets, our css/ and js/); the rest, HTML and
# the search index, is revalidated, as a host of the edition would serve it.
CACHED = re.compile(r"^/(assets|css|js)/")
# What a web server compresses, and how much: images, fonts and Pagefind's files are compressed already.
COMPRESSIBLE = re.compile(r"\.(html|css|js|json|svg|xml|txt|map)$")
GZIP_LEVEL = 6
# The offline zip's members that the checklist of recommendations (issue 24) added, after issue 22 set the
# zip's budget of 1.5 MB for what readers had then: the benchmark and the offline tests weigh them apart.
CHECKLIST_MEMBERS = re.compile(r"/(data/checklist/|themes/|recommendations/|js/checklist\.js$|css/checklist\.css$)")


def log(*args: object) -> None:
    """Progress, on stderr: the benchmarks' tables alone go to stdout."""
    print(*args, file=sys.stderr, flush=True)


def checklist_bytes(zip_path: Path) -> int:
    """What the checklist's members weigh in the zip: their compressed data and both their headers."""
    with zipfile.ZipFile(zip_path) as z:
        return sum(i.compress_size + 30 + 46 + 2 * (len(i.filename.encode()) + len(i.extra))
                   for i in z.infolist() if CHECKLIST_MEMBERS.search(i.filename))


# --- the build -------------------------------------------------------------------------------------

def build_site(tree: Path, out: Path, *, strict: bool = False) -> subprocess.CompletedProcess[str]:
    """`python -m mkdocs build -q` of the tree into out, in a subprocess (Python's start included, as a
    reader would run it). The tree's own macros/ and plugin are found first (its folder and PYTHONPATH),
    not those this environment installed (editable) from another tree. The caller judges the result."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(tree))
    command = [sys.executable, "-m", "mkdocs", "build"] + (["--strict"] if strict else []) + ["-q", "-d", str(out)]
    return subprocess.run(command, cwd=tree, capture_output=True, text=True, env=env)


# --- the local server ------------------------------------------------------------------------------

class LogEntry(TypedDict):
    """A response the server sent: its path (no query string), status and body length."""
    path: str
    status: int
    length: int


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Files of a directory, no log line a request."""

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        pass


class RecordingHandler(QuietHandler):
    """The benchmarks' handler: cache headers (CACHED), and every response sent recorded on the server."""

    server: Server
    entry: LogEntry | None = None

    def end_headers(self) -> None:
        path = self.path.split("?")[0]
        self.send_header("Cache-Control", "max-age=3600" if CACHED.match(path) else "no-cache")
        super().end_headers()

    def send_response(self, code: int, message: str | None = None) -> None:
        super().send_response(code, message)
        self.entry = self.server.record(self.path.split("?")[0], code)

    def send_header(self, keyword: str, value: str) -> None:
        if keyword.lower() == "content-length" and self.entry is not None:
            self.entry["length"] = int(value)
        super().send_header(keyword, value)


class CompressingHandler(RecordingHandler):
    """As RecordingHandler, with text files (COMPRESSIBLE) compressed at GZIP_LEVEL for a browser that accepts
    it, as a web server sends them: what travels over a slow network."""

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path.split("?")[0]))
        if path.is_dir():
            path = path / "index.html"
        if not (COMPRESSIBLE.search(path.name) and path.is_file()
                and "gzip" in self.headers.get("Accept-Encoding", "")):
            super().do_GET()
            return
        data = gzip.compress(path.read_bytes(), compresslevel=GZIP_LEVEL, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


class Server(http.server.ThreadingHTTPServer):
    """A directory on a free loopback port, answered in threads; with RecordingHandler, a log of responses."""
    daemon_threads = True

    def __init__(self, directory: Path, handler: type[QuietHandler] = QuietHandler) -> None:
        super().__init__(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
        self.entries: list[LogEntry] = []
        self.lock = threading.Lock()

    def record(self, path: str, code: int) -> LogEntry:
        entry: LogEntry = {"path": path, "status": code, "length": 0}
        with self.lock:
            self.entries.append(entry)
        return entry

    def take(self) -> list[LogEntry]:
        """The responses sent since the last take()."""
        with self.lock:
            taken, self.entries = self.entries, []
        return taken

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


@contextmanager
def serve(directory: Path, handler: type[QuietHandler] = QuietHandler) -> Iterator[Server]:
    """The directory served in a background thread while the block runs; stopped and closed after it."""
    server = Server(directory, handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


# --- Chromium --------------------------------------------------------------------------------------

@contextmanager
def chromium() -> Iterator[Browser]:
    """Debian's Chromium, headless, through Playwright (its own downloaded browsers are not used)."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        raise RuntimeError(f"Debian's chromium is required ({CHROMIUM})")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def fresh_context(browser: Browser, init_script: str | None = None) -> Iterator[BrowserContext]:
    """A new browser context (empty cache) of VIEWPORT's size, the script run in each of its documents."""
    context = browser.new_context(viewport={"width": VIEWPORT["width"], "height": VIEWPORT["height"]})
    try:
        if init_script is not None:
            context.add_init_script(init_script)
        yield context
    finally:
        context.close()


@contextmanager
def fresh_page(browser: Browser, init_script: str | None = None) -> Iterator[Page]:
    """A page of a fresh_context()."""
    with fresh_context(browser, init_script) as context:
        yield context.new_page()


def throttle_cpu(page: Page, rate: float) -> None:
    """The page's CPU slowed rate times (Chromium's Emulation.setCPUThrottlingRate, through CDP): the page's
    thread, not its workers (CDP refuses it on a worker)."""
    page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": rate})


# Chromium DevTools' "Slow 4G": a round trip of 150 ms, 1.6 Mbit/s down, 750 kbit/s up.
SLOW_4G = {"offline": False, "latency": 150, "downloadThroughput": 1.6e6 / 8, "uploadThroughput": 750e3 / 8}


def throttle_network(page: Page, conditions: dict[str, Any] = SLOW_4G) -> None:
    """The page's network as slow as conditions say (Network.emulateNetworkConditions, through CDP): its
    workers' requests too."""
    session = page.context.new_cdp_session(page)
    session.send("Network.enable")
    session.send("Network.emulateNetworkConditions", conditions)


# --- Pagefind --------------------------------------------------------------------------------------

PagefindScope = Literal["article", "body"]
BLANK_PAGE = "bench-search-blank.html"  # written into the copy after indexing: a page for Pagefind alone


class PagefindInfo(TypedDict, total=False):
    """What pagefind_site() did: the scope, the pages marked and where their list came from, and what
    Pagefind's indexer said (version, pages, words, its notes) and took (seconds)."""
    scope: PagefindScope
    marked: int
    pages_from: str
    seconds: float
    version: str
    pages: str
    words: str
    notes: list[str]


def file_page(f: Path, site: Path) -> str:
    """The page path of an HTML file of the site: index.html -> "", a/b/index.html -> "a/b/"."""
    rel = f.relative_to(site).as_posix()
    return rel[:-len("index.html")] if rel == "index.html" or rel.endswith("/index.html") else rel


def indexed_pages(site: Path) -> set[str] | None:
    """The pages of the site's own index (Material's search/search_index.json), or None without one."""
    try:
        docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
        return {d["location"].split("#")[0] for d in docs}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def excluded_pages(docs: Path = ROOT / "docs") -> set[str]:
    """The pages of docs/ whose front matter says `search: exclude: true` (for a site without a
    search_index.json Pagefind's scope can be read from)."""
    import yaml

    out: set[str] = set()
    for md in sorted(docs.rglob("*.md")):
        m = re.match(r"---\n(.*?)\n---", md.read_text(encoding="utf-8"), re.S)
        try:
            meta = yaml.safe_load(m.group(1)) if m else None
        except yaml.YAMLError:
            meta = None
        if isinstance(meta, dict) and isinstance(meta.get("search"), dict) and meta["search"].get("exclude"):
            stem = md.relative_to(docs).with_suffix("").as_posix()
            stem = "" if stem == "index" else stem[:-len("/index")] if stem.endswith("/index") else stem
            out.add(stem + "/" if stem else "")
    return out


def mark_article(html: str) -> tuple[str, int]:
    """A page's HTML with its `<article>` marked as what Pagefind indexes, and whether one was (0 or 1)."""
    html, n = re.subn(r"<article\b", "<article data-pagefind-body", html, count=1)
    # What the site keeps out of its own search (help text with example queries, permalink signs,
    # buttons) Pagefind leaves out too.
    html = re.sub(r"(<[a-z0-9]+\b[^>]*?\bdata-search-exclude\b)", r"\1 data-pagefind-ignore", html)
    # A heading marked so keeps its whole section out, up to the next heading (Material's rule).
    html = re.sub(r"(<h([1-6])\b[^>]*\bdata-search-exclude\b.*?</h\2>)(.*?)(?=<h[1-6]\b|</article>)",
                  lambda m: m.group(1) + "<div data-pagefind-ignore>" + m.group(3) + "</div>"
                  if m.group(3) else m.group(0), html, flags=re.S)
    return html, n


def mark_pages(site: Path, copy: Path, info: PagefindInfo) -> None:
    """Scope "article": mark the `<article>` of the pages the site's own search indexes, in the copy."""
    wanted, unwanted = indexed_pages(site), {"404.html"}
    if wanted is not None:
        info["pages_from"] = "search/search_index.json"
    else:
        unwanted |= excluded_pages()
        info["pages_from"] = ("every page but 404.html and those docs/ excludes from search: "
                              + (", ".join(sorted(unwanted - {"404.html"})) or "none"))
    for f in sorted(copy.rglob("*.html")):
        page = file_page(f, copy)
        if page in unwanted or (wanted is not None and page not in wanted):
            continue
        html, n = mark_article(f.read_text(encoding="utf-8"))
        if n:
            f.write_text(html, encoding="utf-8")
            info["marked"] += 1


def said(pattern: str, output: str) -> str:
    """The group of the pattern in a tool's output, or "?"."""
    m = re.search(pattern, output)
    return m.group(1) if m else "?"


def pagefind_index(site: Path, info: PagefindInfo) -> None:
    """Run Pagefind's indexer over a built site (in place); what it said and took goes into info."""
    cmd = [sys.executable, "-m", "pagefind", "--site", str(site)]
    log("pagefind --site " + str(site))
    t0 = time.perf_counter()
    result = subprocess.run(cmd, capture_output=True, text=True)
    info["seconds"] = time.perf_counter() - t0
    if result.returncode != 0 or not (site / "pagefind" / "pagefind.js").is_file():
        raise SystemExit(f"pagefind failed ({' '.join(cmd)}):\n{result.stdout}\n{result.stderr}")
    info["version"] = said(r"Running Pagefind v(\S+)", result.stdout)
    info["pages"] = said(r"Indexed (\d+) pages?", result.stdout)
    info["words"] = said(r"Indexed (\d+) words?", result.stdout)
    info["notes"] = [line.strip() for line in result.stdout.splitlines()
                     if "data-pagefind-body" in line or line.strip().startswith("↳")]


def pagefind_site(site: Path, copy: Path, scope: PagefindScope) -> PagefindInfo:
    """A copy of the built site indexed by Pagefind: with scope "article" only the content of the pages the
    site's own search holds (mark_pages()), with "body" Pagefind's defaults; and BLANK_PAGE, an empty page
    to run Pagefind's JavaScript API on without the site's own search beside it."""
    shutil.copytree(site, copy)
    if (copy / "pagefind").exists():
        shutil.rmtree(copy / "pagefind")
    info: PagefindInfo = {"scope": scope, "marked": 0}
    if scope == "article":
        mark_pages(site, copy, info)
    pagefind_index(copy, info)
    (copy / BLANK_PAGE).write_text("<!doctype html><html lang=en><meta charset=utf-8>"
                                   "<title>Pagefind bench</title><body></body></html>", encoding="utf-8")
    return info
