"""Shared fixtures: the model (parsed once), the built site (built once); and each test's marker.

Markers (pyproject.toml): `model` (the model from content/, seconds), `site` (a built site), `browser`
(Chromium). A test is marked by the fixtures it uses, so a new test needs no marker of its own: only one
that builds a site in its own body says so (`@pytest.mark.site`). `pytest -m model` runs the fast ones.
"""

import functools
import http.server
import mimetypes
import os
import shutil
import socketserver
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

import pytest

ROOT = Path(__file__).resolve().parent.parent

from macros.build import EDITORIAL, PERMALINKS, SOURCE  # noqa: E402
from macros.extract import build_report  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--no-first-run", "--disable-component-update", "--disable-sync", "--disable-quic"]


# Fixtures that build a site (here and in the test modules), and those that start Chromium.
SITE_FIXTURES = {"site", "server", "published", "export", "zipped", "unzipped", "poisoned"}
BROWSER_FIXTURES = {"browser"}


@pytest.hookimpl(tryfirst=True)  # before -m deselects by marker
def pytest_collection_modifyitems(items):
    for item in items:
        if any(item.get_closest_marker(name) for name in ("model", "site", "browser", "slow")):
            continue
        used = set(item.fixturenames)
        marker = "browser" if used & BROWSER_FIXTURES else "site" if used & SITE_FIXTURES else "model"
        item.add_marker(marker)


@pytest.fixture(scope="session")
def report():
    return build_report(ROOT / SOURCE, ROOT / EDITORIAL, ROOT / PERMALINKS)


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """`mkdocs build --strict` of the repository, once per test session."""
    out = tmp_path_factory.mktemp("site")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out)],
                            cwd=ROOT, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return out


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def server(site):
    """The built site on a loopback port."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    socketserver.TCPServer.allow_reuse_address = True
    httpd = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    assert shutil.which("chromium") or os.path.exists(CHROMIUM), "Debian's chromium is required"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    yield pg
    context.close()


# The Content-Security-Policy a host of the edition can send (README, "Publish"): no inline script or style,
# nothing from elsewhere; images also as data: URLs (the icons in Material's style sheet and ours, CSS masks,
# which cannot be files in the offline copy: Chromium refuses a file:// mask). 'report-sample' only so that a
# violation says what was refused.
CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:"
STRICT_CSP = CSP.replace("script-src 'self'", "script-src 'self' 'report-sample'") \
                .replace("style-src 'self'", "style-src 'self' 'report-sample'")


# The inline script policy_holds() tries to run.
PROBE = "window.__inlineRan = true"


def refused(violations):
    """The violations a page's own files caused: not policy_holds()'s probe."""
    return [v for v in violations if not (v["blocked"] == "inline" and (v["sample"] or "").startswith(PROBE))]


def policy_holds(page):
    """Whether the page is under the policy: an inline script added to it does not run."""
    return page.evaluate("""probe => { const s = document.createElement("script"); s.textContent = probe;
        document.head.appendChild(s); return window.__inlineRan !== true; }""", PROBE)


# Every violation the page reports, as the browser reports it (an init script runs whatever the page's policy).
_RECORD_VIOLATIONS = """document.addEventListener("securitypolicyviolation", e => {
  (window.__violations = window.__violations || []).push({directive: e.violatedDirective, blocked: e.blockedURI,
    sample: e.sample, source: e.sourceFile, line: e.lineNumber, page: location.href});
}, true);"""


@pytest.fixture
def strict_csp(browser):
    """A page whose every response (http://127.0.0.1, file://) carries STRICT_CSP, as a strict host would send
    it, and which loads nothing from anywhere else; yields
    (page, violations(): every violation reported so far, errors: uncaught script errors)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})

    def with_policy(route):
        url = route.request.url
        if url.startswith("file://"):  # the offline copy, read from disk as if a host sent it with the policy
            path = Path(url2pathname(urlsplit(url).path))
            if not path.is_file():
                return route.fulfill(status=404)
            return route.fulfill(body=path.read_bytes(), headers={"content-security-policy": STRICT_CSP},
                                 content_type=mimetypes.guess_type(path.name)[0] or "application/octet-stream")
        if not url.startswith("http://127.0.0.1:"):
            return route.abort()
        response = route.fetch()
        route.fulfill(response=response, headers={**response.headers, "content-security-policy": STRICT_CSP})

    context.route("**/*", with_policy)
    context.add_init_script(_RECORD_VIOLATIONS)
    page = context.new_page()
    errors, seen = [], []
    page.on("pageerror", lambda e: errors.append(str(e)))

    def violations():
        """Call after each page has loaded (its list goes with it)."""
        try:
            seen.extend(page.evaluate("window.__violations || []"))
            page.evaluate("window.__violations = []")
        except Exception:  # noqa: BLE001 - a page in the middle of navigating
            pass
        return list(seen)

    yield page, violations, errors
    context.close()
