"""Shared fixtures: the model (parsed once), the built site (built once); and each test's marker.

Markers (pyproject.toml): `model` (the model from content/, seconds), `site` (a built site), `browser`
(Chromium). A test is marked by the fixtures it uses, so a new test needs no marker of its own: only one
that builds a site in its own body says so (`@pytest.mark.site`). `pytest -m model` runs the fast ones.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

import pytest

from macros.build import EDITORIAL, PERMALINKS, SOURCE
from macros.extract import build_report
from macros.model import Report
from scripts.harness import ROOT, build_site, chromium, fresh_context, fresh_page, serve

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Route


# Fixtures that build a site (here and in the test modules), and those that start Chromium.
SITE_FIXTURES = {"site", "server", "published", "export", "zipped", "unzipped", "poisoned"}
BROWSER_FIXTURES = {"browser"}


@pytest.hookimpl(tryfirst=True)  # before -m deselects by marker
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if any(item.get_closest_marker(name) for name in ("model", "site", "browser", "slow")):
            continue
        used = set(getattr(item, "fixturenames", ()))  # a test function's; pytest.Item does not declare it
        marker = "browser" if used & BROWSER_FIXTURES else "site" if used & SITE_FIXTURES else "model"
        item.add_marker(marker)


@pytest.fixture(scope="session")
def report() -> Report:
    return build_report(ROOT / SOURCE, ROOT / EDITORIAL, ROOT / PERMALINKS)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`mkdocs build --strict` of the repository, once per test session."""
    out = tmp_path_factory.mktemp("site")
    result = build_site(ROOT, out, strict=True)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return out


@pytest.fixture(scope="session")
def server(site: Path) -> Iterator[str]:
    """The built site on a loopback port: its base URL."""
    with serve(site) as httpd:
        yield httpd.url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with chromium() as b:
        yield b


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    with fresh_page(browser) as pg:
        yield pg


# The Content-Security-Policy a host of the edition can send (README, "Publish"): no inline script or style,
# nothing from elsewhere; images also as data: URLs (the icons in Material's style sheet and ours, CSS masks,
# which cannot be files in the offline copy: Chromium refuses a file:// mask). 'report-sample' only so that a
# violation says what was refused.
CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:"
STRICT_CSP = CSP.replace("script-src 'self'", "script-src 'self' 'report-sample'") \
                .replace("style-src 'self'", "style-src 'self' 'report-sample'")


# The inline script policy_holds() tries to run.
PROBE = "window.__inlineRan = true"


def refused(violations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The violations a page's own files caused: not policy_holds()'s probe."""
    return [v for v in violations if not (v["blocked"] == "inline" and (v["sample"] or "").startswith(PROBE))]


def policy_holds(page: Page) -> bool:
    """Whether the page is under the policy: an inline script added to it does not run."""
    return bool(page.evaluate("""probe => { const s = document.createElement("script"); s.textContent = probe;
        document.head.appendChild(s); return window.__inlineRan !== true; }""", PROBE))


# Every violation the page reports, as the browser reports it (an init script runs whatever the page's policy).
_RECORD_VIOLATIONS = """document.addEventListener("securitypolicyviolation", e => {
  (window.__violations = window.__violations || []).push({directive: e.violatedDirective, blocked: e.blockedURI,
    sample: e.sample, source: e.sourceFile, line: e.lineNumber, page: location.href});
}, true);"""


@pytest.fixture
def strict_csp(browser: Browser) -> Iterator[tuple[Page, Callable[[], list[dict[str, Any]]], list[str]]]:
    """A page whose every response (http://127.0.0.1, file://) carries STRICT_CSP, as a strict host would send
    it, and which loads nothing from anywhere else; yields
    (page, violations(): every violation reported so far, errors: uncaught script errors)."""
    def with_policy(route: Route) -> None:
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

    with fresh_context(browser) as context:
        context.route("**/*", with_policy)
        context.add_init_script(_RECORD_VIOLATIONS)
        page = context.new_page()
        errors: list[str] = []
        seen: list[dict[str, Any]] = []
        page.on("pageerror", lambda e: errors.append(str(e)))

        def violations() -> list[dict[str, Any]]:
            """Call after each page has loaded (its list goes with it)."""
            try:
                seen.extend(page.evaluate("window.__violations || []"))
                page.evaluate("window.__violations = []")
            except Exception:  # noqa: BLE001 - a page in the middle of navigating
                pass
            return list(seen)

        yield page, violations, errors
