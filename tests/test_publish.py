"""The published address: a build for https://example.org/opsc/ (a sub-folder, as SITE_URL sets it) links
within that folder from every page, the 404 page included wherever it is served, and says its own
address (canonical link, link-preview card, sitemap, citations)."""

import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
BASE = "https://example.org/opsc/"


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls, self.ids, self.canonical, self.og_url = [], set(), None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "link" and a.get("rel") == "canonical":
            self.canonical = a.get("href")
        if tag == "meta" and a.get("property") == "og:url":
            self.og_url = a.get("content")
        url = a.get("href") if tag in ("a", "link") else a.get("src") if tag in ("script", "img") else None
        if url:
            self.urls.append(url)


def parse(path):
    parser = Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    out = tmp_path_factory.mktemp("published")
    env = dict(os.environ, SITE_URL=BASE, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out)],
                            cwd=ROOT, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    return out


def address_of(site, path):
    rel = path.relative_to(site).as_posix()
    return BASE + (rel[:-len("index.html")] if rel.endswith("index.html") else rel)


def target_file(site, url):
    path = urlsplit(url).path[len(urlsplit(BASE).path):]
    return site / (path + "index.html" if path == "" or path.endswith("/") else path)


def test_every_link_stays_in_the_folder_and_lands(published):
    pages = sorted(published.rglob("*.html"))
    assert len(pages) > 125
    parsed = {p: parse(p) for p in pages}
    wrong = []
    for page, links in parsed.items():
        # The 404 page is served for any missing address: try it where a mistyped link would land.
        where = [BASE + "paragraphs/142/", BASE + "paragraph/42"] if page.name == "404.html" \
            else [address_of(published, page)]
        for here in where:
            for url in links.urls:
                resolved = urljoin(here, url)
                if not resolved.startswith(("https://example.org/", "http://127.0.0.1")):
                    continue  # another site: an external link
                if not resolved.startswith(BASE):
                    wrong.append((page.relative_to(published).as_posix(), here, url, "outside the folder"))
                    continue
                target = target_file(published, resolved)
                if not target.is_file():
                    wrong.append((page.relative_to(published).as_posix(), here, url, "no such file"))
                    continue
                fragment = urlsplit(resolved).fragment
                if fragment and target.suffix == ".html" and fragment not in parsed[target].ids:
                    wrong.append((page.relative_to(published).as_posix(), url, "no such anchor"))
    assert not wrong, wrong[:10]


def test_every_page_says_its_published_address(published):
    for page in sorted(published.rglob("*.html")):
        if page.name == "404.html":
            continue
        links = parse(page)
        assert links.canonical == address_of(published, page), page
        assert links.og_url == links.canonical, page
    sitemap = (published / "sitemap.xml").read_text(encoding="utf-8")
    listed = set(re.findall(r"<loc>([^<]+)</loc>", sitemap))
    assert BASE + "paragraphs/42/" in listed and BASE in listed
    assert len(listed) == len([p for p in published.rglob("*.html") if p.name != "404.html"])
    # The citation gives the paragraph's published address, whatever address the page was read at.
    html = (published / "paragraphs" / "42" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'class="?page-url"?>' + re.escape(BASE + "paragraphs/42/") + "<", html)
