"""Whatever content/ and the configuration hold lands inert: markup, quotes and javascript: addresses put in
each field of each content file, in the report's text, in mkdocs.yml and in SITE_URL come out as the text
they are, on every page, in attributes (Material's tooltips insert a title as HTML), in JSON and in the
sitemap. (Control characters are refused where they are read: tests/test_bad_input.py.)"""

import functools
import http.server
import json
import os
import re
import shutil
import socketserver
import subprocess
import sys
import threading
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def payload(n):
    """Markup, both quotes, an entity and a javascript: address, numbered by the field it is put in."""
    return f"A{n}\"'><img src=x{n} onerror=alert({n})><script>alert({n})</script> &amp; javascript:alert({n}) Z{n}"


# (file, the text it holds, what replaces that text; {} is the payload). Each field a reader sees.
FIELDS = [
    ("content/editorial.yaml", "  title: Sexting by children", "  title: {}"),  # a paragraph's title
    ("content/editorial.yaml", "  title: Prevention of the offences covered by the Optional Protocol",
     "  title: {}"),  # a chapter's
    ("content/editorial.yaml", "  title: General measures", "  title: {}"),  # a section's
    ("content/editorial.yaml", "    origin: Inter-American Court of Human Rights", "    origin: {}"),  # a box's
    ("content/acronyms.yaml", "    expansion: United Nations", "    expansion: {}"),
    ("content/cases.yaml", "    name: FAFCE v. Ireland", "    name: {}"),
    ("content/cases.yaml", "    body: European Committee of Social Rights", "    body: {}"),
    ("content/cases.yaml", "    reference: Complaint 89/2013, Decision of 12 September 2014", "    reference: {}"),
    ("content/glossary.yaml", "    term: age of sexual consent", "    term: {}"),
    ("content/instruments.yaml", "    title: Convention on the Rights of the Child", "    title: {}"),
    ("content/articles.yaml", '    subject: "Definitions"', "    subject: {}"),
    ("content/edition.yaml", "      First edition: the 113 paragraphs", "      {} the 113 paragraphs"),
    ("content/themes.yaml", "  title: Travel and tourism", "  title: {}"),  # in the menu, tags, the checklist
    ("content/themes.yaml", "  scope: Sale and sexual exploitation of children by travelling offenders and in the "
     "travel and tourism sector.", "  scope: {}"),
    ("mkdocs.yml", '  report_errors: ""', "  report_errors: {}"),
    # The report's own text, at the end of a line of paragraph 42's Guideline (no passage starts after it).
    ("content/explanatory-report.txt", "teenagers increasingly consider sexting to be “normal”.",
     "teenagers increasingly consider sexting to be “normal”. {}"),
]
SITE_URL = "https://example.org/opsc\"'><img src=x99 onerror=alert(99)>/"


@pytest.fixture(scope="module")
def poisoned(tmp_path_factory):
    """The site built from content/ with a payload in each field of FIELDS and in SITE_URL."""
    root = tmp_path_factory.mktemp("poisoned")
    for name in ("docs", "macros", "overrides", "content"):
        shutil.copytree(ROOT / name, root / name)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    for n, (name, old, new) in enumerate(FIELDS, 1):
        path = root / name
        text = path.read_text(encoding="utf-8")
        value = payload(n) if name.endswith(".txt") else json.dumps(payload(n), ensure_ascii=False)
        if new.startswith("      {}"):  # inside a folded block: the payload as plain words
            value = payload(n).replace(": ", " ").replace("#", "")
        if not name.endswith(".txt") and not new.startswith("      {}"):  # a whole line of YAML
            old, new = "\n" + old + "\n", "\n" + new + "\n"
        assert old in text, (name, old)
        path.write_text(text.replace(old, new.format(value), 1), encoding="utf-8")
    out = root / "site"
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(out)], cwd=root,
                            capture_output=True, text=True,
                            env=dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=SITE_URL))
    assert result.returncode == 0, result.stderr
    return out


class Page(HTMLParser):
    """What a browser would make of a page: elements, attributes, text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements, self.text, self._in = [], [], []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        # A script element that holds data (Material's __config, JSON) runs nothing.
        self._in.append("data" if tag == "script" and dict(attrs).get("type") == "application/json" else tag)

    def handle_endtag(self, tag):
        if tag in self._in or tag == "script" and "data" in self._in:
            while self._in and self._in.pop() not in (tag, "data"):
                pass

    def handle_data(self, data):
        self.text.append((self._in[-1] if self._in else "", data))


def parsed(path):
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def test_every_field_lands_inert_on_every_page(poisoned):
    pages = sorted(poisoned.rglob("*.html"))
    assert len(pages) > 130
    found = {n: False for n in range(1, len(FIELDS) + 1)}
    problems = []
    for path in pages:
        page = parsed(path)
        where = path.relative_to(poisoned).as_posix()
        for tag, attrs in page.elements:
            if tag == "img" and re.fullmatch(r"x\d+", attrs.get("src") or ""):
                problems.append((where, "an <img> made of content", attrs))
            for name, value in attrs.items():
                if name.startswith("on"):
                    problems.append((where, f"an event handler made of content: {name}", tag))
                if name in ("href", "src", "action", "formaction") and value and \
                        re.sub(r"[\s\x00-\x1f]", "", value).lower().startswith("javascript:"):
                    problems.append((where, "a javascript: address", tag, value))
                # Material's tooltips (content.tooltips) insert a title as HTML: it must hold no markup then.
                if name == "title" and value and "<" in value:
                    problems.append((where, "a title Material would insert as markup", tag, value))
        for parent, data in page.text:
            if parent == "script" and "alert(" in data:
                problems.append((where, "a script made of content", data[:80]))
        # The payload is there, as text a reader reads (or in an attribute), not dropped.
        words = " ".join(d for _, d in page.text) + " ".join(v or "" for _, a in page.elements for v in a.values())
        for n in found:
            if f"<img src=x{n} onerror=alert({n})>" in words or f"&lt;img src=x{n} onerror=alert({n})&gt;" in words:
                found[n] = True
    assert problems == [], problems[:10]
    assert [FIELDS[n - 1][1] for n, seen in found.items() if not seen] == []


def test_the_site_address_lands_inert(poisoned):
    page = parsed(poisoned / "paragraphs" / "42" / "index.html")
    canonical = next(a["href"] for t, a in page.elements if t == "link" and a.get("rel") == "canonical")
    og = next(a["content"] for t, a in page.elements if t == "meta" and a.get("property") == "og:url")
    assert canonical == og == "https://example.org/opsc%22'%3E%3Cimg%20src=x99%20onerror=alert(99)%3E/paragraphs/42/"
    citation = "".join(d for _, d in page.text)
    assert "https://example.org/opsc%22'%3E%3Cimg%20src=x99%20onerror=alert(99)%3E/paragraphs/42/." in citation
    not_found = (poisoned / "404.html").read_text(encoding="utf-8")
    assert "<img src=x99" not in not_found and "%3Cimg%20src=x99" in not_found


def test_data_files_stay_valid(poisoned):
    """JSON parses and says the text; the sitemap is XML; the citation files carry the text as it is."""
    report = json.loads((poisoned / "data" / "report.json").read_text(encoding="utf-8"))
    assert payload(1) == report["paragraphs"][41]["title"]
    json.loads((poisoned / "search" / "search_index.json").read_text(encoding="utf-8"))
    for path in (poisoned / "data").rglob("*.json"):
        json.loads(path.read_text(encoding="utf-8"))
    locs = [e.text for e in ET.parse(poisoned / "sitemap.xml").getroot().iter() if e.tag.endswith("loc")]
    assert len(locs) > 130 and all(loc.startswith("https://example.org/opsc%22'%3E%3Cimg") for loc in locs)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def test_an_acronym_tooltip_shows_markup_as_text(poisoned, browser):
    """Hovering an acronym whose expansion holds markup: Material's tooltip shows it as words; nothing runs."""
    handler = functools.partial(_Quiet, directory=str(poisoned))
    httpd = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        page.goto(f"http://127.0.0.1:{httpd.server_address[1]}/paragraphs/5/")
        n = next(i for i, f in enumerate(FIELDS, 1) if f[0] == "content/acronyms.yaml")
        abbr = page.locator(".md-content abbr", has_text="UN").first
        abbr.hover()
        tooltip = page.locator(".md-tooltip2")
        tooltip.first.wait_for(state="attached", timeout=5000)
        assert f"<img src=x{n} onerror=alert({n})>" in tooltip.first.inner_text()
        assert page.locator(f"img[src='x{n}']").count() == 0
        assert page.locator(".md-tooltip2 script, .md-tooltip2 img").count() == 0
        page.wait_for_timeout(300)
        assert dialogs == []
    finally:
        context.close()
        httpd.shutdown()
