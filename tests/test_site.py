"""The built site: pages at their promised addresses, with the right parts,
and every internal link and anchor resolving."""

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest


class Page(HTMLParser):
    """Ids, links, classes and external resources of one HTML page."""
    LOADS = {"script": "src", "img": "src", "iframe": "src", "frame": "src", "embed": "src", "source": "src",
             "audio": "src", "video": "src", "track": "src", "object": "data", "form": "action"}

    def __init__(self):
        super().__init__()
        self.ids, self.links, self.classes, self.resources = set(), [], [], []
        self.title, self._in_title, self.h1 = "", False, []
        self._in_h1 = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if a.get("class"):
            self.classes.append((tag, a["class"], a.get("id")))
        if tag == "a" and a.get("href"):
            self.links.append(a)
        # What the browser fetches by itself: scripts, styles, icons, images, frames, media, forms, redirects.
        if tag in self.LOADS and a.get(self.LOADS[tag]):
            self.resources.append(a[self.LOADS[tag]])
        self.resources += [a[k] for k in ("srcset", "poster") if a.get(k)]
        if tag == "meta" and (a.get("http-equiv") or "").lower() == "refresh":
            self.resources.append(a.get("content", "").split("url=")[-1])
        # A canonical or neighbour link names an address; the browser fetches nothing for it.
        if tag == "link" and a.get("href") and a.get("rel") not in ("canonical", "prev", "next", "alternate"):
            self.resources.append(a["href"])
        self._in_title = tag == "title"
        self._in_h1 = self._in_h1 or tag == "h1"

    def handle_endtag(self, tag):
        if tag == "h1":
            self._in_h1 = False
        self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        if self._in_h1:
            self.h1.append(data)


def parse(path):
    p = Page()
    p.feed(path.read_text(encoding="utf-8"))
    return p


@pytest.fixture(scope="module")
def pages(site):
    return {path.relative_to(site).as_posix(): parse(path) for path in sorted(site.rglob("*.html"))}


def test_promised_addresses_exist(site):
    for n in range(1, 114):
        assert (site / "paragraphs" / str(n) / "index.html").exists(), n
    for c in ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"]:
        assert (site / "chapters" / c / "index.html").exists()
    for name in ("preface", "resources", "good-practice", "iwg-advice", "case-law", "definitions", "articles",
                 "download", "data"):
        assert (site / name / "index.html").exists(), name
    data = json.loads((site / "data" / "report.json").read_text(encoding="utf-8"))
    assert len(data["paragraphs"]) == 113


def test_paragraph_pages_have_their_parts(report, pages):
    slug = {"resource_tip": "resource-tip", "good_practice": "good-practice",
            "regional_good_practice": "regional-good-practice", "iwg_advice": "iwg-advice",
            "case_law": "case-law", "definition": "definition"}
    for p in report.paragraphs:
        page = pages[f"paragraphs/{p.number}/index.html"]
        assert page.title.startswith(f"{p.number}. {p.title}"), page.title
        assert "".join(page.h1).strip().startswith(f"{p.number}. ")
        guideline = [c for tag, c, _ in page.classes if "guideline" in c.split()]
        assert len(guideline) == 1, p.number
        admonitions = [(c.split()[1], i) for tag, c, i in page.classes
                       if c.split()[0] == "admonition" and len(c.split()) > 1]
        assert admonitions == [(slug[c.type], c.id) for c in p.callouts], p.number
        assert "cite" in page.ids
        for f in p.footnotes:
            assert f"fn:{f.series[0]}{f.number}" in page.ids and f"fnref:{f.series[0]}{f.number}" in page.ids


def text_of(path):
    """Visible text of a page, tags dropped."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8")))


def hrefs(page):
    return {a["href"] for a in page.links}


def test_paragraph_16_reads_as_printed(site, pages):
    page = pages["paragraphs/16/index.html"]
    assert ("section", "guideline", "guideline") in page.classes
    # A box of 1,102 characters: longer than half a printed page, it may break in print ("long-box").
    assert ("div", "admonition good-practice long-box", "good-practice-1") in page.classes
    text = text_of(site / "paragraphs" / "16" / "index.html")
    assert "Legislative measures should include the liability of both natural and legal persons" in text
    assert "Panama Americas In Panama, legislation against the sexual exploitation of children" in text
    # Our short title is said to be ours, beside the citation, so no one cites it as the Committee's words.
    assert ("The short title “Liability, jurisdiction, extradition and confiscation” is this edition’s, "
            "not part of the Guidelines or of the Explanatory Report.") in text


def test_a_link_the_report_never_printed_says_so(site):
    text = text_of(site / "paragraphs" / "7" / "index.html")
    assert ("Council of Europe contribution to the UN 2030 Agenda for Sustainable Development. Available here "
            "(no address survives in the report)") in text
    assert text.count("(no address survives in the report)") == 1


def test_every_internal_link_and_anchor_resolves(site, pages):
    broken = []
    for name, page in pages.items():
        base = "/" + name
        for a in page.links:
            href = a["href"]
            if href.startswith(("http://", "https://", "mailto:", "javascript:")):
                continue
            url = urlparse(urljoin(base, href))
            target = unquote(url.path).lstrip("/")
            if not target or target.endswith("/"):
                target += "index.html"
            if not (site / target).exists():
                broken.append((name, href))
                continue
            if url.fragment and target.endswith(".html"):
                ids = pages[target].ids if target in pages else set()
                if unquote(url.fragment) not in ids and url.fragment not in ("", "__skip"):
                    broken.append((name, href))
    assert not broken, broken[:10]


def test_no_third_party_resources_in_any_page_or_style_sheet(site, pages):
    """Read, every page and style sheet: what it loads is on the site (tests/test_browser.py loads a page of
    each kind, to see what scripts fetch as well)."""
    assert len(pages) > 125
    foreign = []
    for name, page in pages.items():
        assert page.resources, name  # every page loads its scripts and styles
        foreign += [(name, src) for src in page.resources if re.search(r"(^|[\s,])(https?:)?//", src)]
    for css in sorted(site.rglob("*.css")):
        text = css.read_text(encoding="utf-8")
        found = re.findall(r"(?:url\(|@import)\s*['\"]?((?:https?:)?//[^'\")\s]+)", text)
        foreign += [(css.name, url) for url in found]
    assert not foreign, foreign[:10]


def test_external_links_are_safe_and_marked(pages):
    count = 0
    for name, page in pages.items():
        for a in page.links:
            if re.match(r"^(https?:)?//", a["href"]):
                count += 1
                assert a.get("rel") == "noopener noreferrer", (name, a)
                assert "external" in a.get("class", "").split(), (name, a)
                # Announced to screen readers through the page's one description.
                assert a.get("target") == "_blank" and a.get("aria-describedby") == "new-tab-hint", (name, a)
                assert "new-tab-hint" in page.ids, name
    assert count > 200


def test_cross_reference_links(pages):
    assert {"../16/", "../74/", "../79/"} <= hrefs(pages["paragraphs/45/index.html"])
    referred = pages["paragraphs/16/index.html"]
    assert "referred-to" in referred.ids and "../45/" in hrefs(referred)


def test_indexes(site, pages):
    assert "../paragraphs/16/#good-practice-1" in hrefs(pages["good-practice/index.html"])
    assert "africa" in pages["good-practice/index.html"].ids
    assert "Panama" in text_of(site / "good-practice" / "index.html")
    res = text_of(site / "resources" / "index.html")
    assert "Offenders on the move" in res
    assert "http://www.globalstudysectt.org/" in hrefs(pages["resources/index.html"])
    assert "article-3" in pages["articles/index.html"].ids
    assert "Article 3 (1) (c)" in text_of(site / "articles" / "index.html")


def test_home_page_explains_and_links(site, pages):
    text = text_of(site / "index.html")
    for needle in ("113 paragraphs", "Search", "Cite", "Offline", "Open data"):
        assert needle in text, needle
    assert {"data/report.json", "download/", "paragraphs/42/", "chapters/vii/"} <= hrefs(pages["index.html"])


def test_builds_are_deterministic(site, tmp_path):
    """Same input, same bytes: a second build equals the first, file for file."""
    import filecmp
    import os
    import subprocess
    import sys

    again = tmp_path / "again"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(again)],
                   cwd=Path(__file__).resolve().parent.parent, check=True, env=env, capture_output=True)
    first = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    second = sorted(p.relative_to(again).as_posix() for p in again.rglob("*") if p.is_file())
    assert first == second
    _, mismatch, errors = filecmp.cmpfiles(site, again, first, shallow=False)
    assert not mismatch and not errors, mismatch[:5]


def test_lists_of_the_commentary_stay_one_list_and_no_markup_leaks(site):
    """Paragraph 13's five bullets and paragraph 72's three items each form one list, read as Markdown."""
    import re as _re
    for path in site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert "markdown=" not in html, path.relative_to(site)
    for n, first, count in ((13, "commentary-", 5), (72, "commentary-6", 3)):
        html = (site / "paragraphs" / str(n) / "index.html").read_text(encoding="utf-8")
        lists = _re.findall(r"<ul class=\"?printed-list\"?>(.*?)</ul>", html, _re.S)
        sizes = [len(_re.findall(r"<li\b", items)) for items in lists if first in items]
        assert count in sizes, (n, sizes)


def test_the_preface_has_its_title_once_and_the_signature_as_printed(site):
    import re as _re
    html = (site / "preface" / "index.html").read_text(encoding="utf-8")
    headings = _re.findall(r"<h([12])[^>]*>([^<]+)", html)
    assert [t for level, t in headings if t.strip() == "Preface"] == ["Preface"]
    assert headings[0] == ("1", "Preface")
    assert _re.search(r'class="?signature"?>Robbert van den Berg<br>ECPAT International<br>26 September 2019</p>', html)


def test_other_instruments_are_listed_with_the_paragraphs_that_cite_them(site, page, server):
    """/instruments/: each instrument the report cites, by article; never the Optional Protocol's articles."""
    import re as _re
    html = (site / "instruments" / "index.html").read_text(encoding="utf-8")
    sections = dict(_re.findall(r'<h2 id="?([a-z0-9-]+)"?>(.*?)<', html))
    assert {"crc", "lanzarote", "palermo", "c182"} <= set(sections) and "opsc" not in sections

    def cited(instrument, label):
        part = html.split(f'id="{instrument}"' if f'id="{instrument}"' in html else f"id={instrument}>")[1].split("<h2")[0]
        item = _re.search(rf"<li[^>]*>{_re.escape(label)}: paragraphs? (.*?)</li>", part)
        return [int(n) for n in _re.findall(r">(\d+)</a>", item.group(1))] if item else []
    # Paragraph 22's footnote 69 cites Lanzarote articles 20-22 (issue 20): the range cites 22 too.
    assert cited("lanzarote", "Article 22") == [22, 70]
    assert cited("lanzarote", "Article 21") == [22, 64, 95] and cited("lanzarote", "Article 23") == [5, 68]
    assert 64 in cited("crc", "Article 34") and cited("crc", "Article 34 (b)") == [55]
    assert cited("palermo", "Article 3 (a)") == [49]
    # Paragraph numbers a finger can use.
    page.goto(server + "/instruments/")
    box = page.locator("a.n").first.bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24, box


def test_maintainers_pages_are_built_but_out_of_the_readers_menus(site):
    """Issue 22, point 4: the benchmarks' figures are for maintainers (README links them); the About menu holds
    what readers use, and no reader's page links them."""
    for name, title in (("performance", "Performance"), ("search-benchmark", "Search benchmark")):
        assert title in text_of(site / name / "index.html")
    about = (site / "about" / "index.html").read_text(encoding="utf-8")
    assert "Offline copy" in about and "Open data" in about
    for path in site.rglob("*.html"):
        if path.parent.name in ("performance", "search-benchmark"):
            continue
        html = path.read_text(encoding="utf-8")
        assert not re.search(r'href="?[./]*(performance|search-benchmark)/', html), path.relative_to(site)
    # Material's own search worker and its language packs: every page names the edition's worker.
    assert not (site / "assets" / "javascripts" / "workers").exists()
    assert not (site / "assets" / "javascripts" / "lunr").exists()


def test_our_scripts_and_styles_are_served_without_their_comments(site):
    """docs/js and docs/css keep their comments for whoever reads them; readers download the files without
    (jsmin, and a comment stripper that leaves strings alone); the vendored files keep theirs, licences too."""
    from macros.plugin.plugin import strip_css

    root = Path(__file__).resolve().parent.parent / "docs"
    for name in ("js/site.js", "js/highlight.js", "js/checklist.js", "js/search-on-intent.js",
                 "css/site.css", "css/checklist.css"):
        source, served = (root / name).read_text(encoding="utf-8"), (site / name).read_text(encoding="utf-8")
        assert len(served) < 0.9 * len(source), name
    assert "Citation block: the page's own address" in (root / "js/site.js").read_text(encoding="utf-8")
    assert "Citation block" not in (site / "js/site.js").read_text(encoding="utf-8")
    assert "/*" not in (site / "css/site.css").read_text(encoding="utf-8")
    assert "function" in (site / "js/site.js").read_text(encoding="utf-8")
    lunr = (root / "assets/vendor/lunr/lunr.min.js").read_text(encoding="utf-8")  # in the worker as it is
    assert (site / "search/worker.js").read_text(encoding="utf-8").startswith(lunr)
    assert strip_css('a { content: "/* kept */"; } /* dropped */\n  b { c: d }\n') == \
        'a { content: "/* kept */"; }\nb { c: d }\n'
