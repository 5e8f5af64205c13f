"""Shared fixtures: the model (parsed once), the built site (built once); and each test's marker.

Markers (pyproject.toml): `model` (the model from content/, seconds), `site` (a built site), `browser`
(Chromium). A test is marked by the fixtures it uses, so a new test needs no marker of its own: only one
that builds a site in its own body says so (`@pytest.mark.site`). `pytest -m model` runs the fast ones.
"""

import functools
import http.server
import os
import shutil
import socketserver
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

from macros.build import EDITORIAL, PERMALINKS, SOURCE  # noqa: E402
from macros.extract import build_report  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--no-first-run", "--disable-component-update", "--disable-sync", "--disable-quic"]


# Fixtures that build a site (here and in the test modules), and those that start Chromium.
SITE_FIXTURES = {"site", "server", "published", "export", "zipped", "unzipped"}
BROWSER_FIXTURES = {"browser"}


@pytest.hookimpl(tryfirst=True)  # before -m deselects by marker
def pytest_collection_modifyitems(items):
    for item in items:
        if any(item.get_closest_marker(name) for name in ("model", "site", "browser")):
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
