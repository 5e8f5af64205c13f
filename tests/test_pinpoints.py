"""What a trainer copies stays right: the address bar keeps the pinpoint, every passage has a link a finger
can use, items of a Guideline list are named by their letter, passages and paragraphs can be cited (also in
reference-manager formats), the edition says its number and date, and the 404 page helps."""

import json
import re
from pathlib import Path

import bibtexparser
import pytest
import rispy

from macros.cite_formats import Passage, citation_text
from macros.edition import read_edition
from macros.permalinks import read_register

ROOT = Path(__file__).resolve().parent.parent
EDITION = read_edition(ROOT / "content" / "edition.yaml")


def published_address(site):
    """The address this build gives its pages (mkdocs.yml site_url, SITE_URL)."""
    html = (site / "index.html").read_text(encoding="utf-8")
    return re.search(r'<link href="?([^" >]+)"? rel="?canonical', html).group(1)


# ---------------------------------------------------------------- the address bar and the ¶ links

def test_scrolling_never_rewrites_the_address(page, server):
    page.goto(server + "/paragraphs/42/#regional-good-practice-1")
    page.wait_for_load_state("load")
    for _ in range(3):
        page.mouse.wheel(0, 250)
        page.wait_for_timeout(250)
    assert page.evaluate("location.hash") == "#regional-good-practice-1"
    # Following a footnote marker puts the footnote's own anchor there, not "#footnotes".
    page.goto(server + "/paragraphs/16/")
    page.locator('a.footnote-ref[href="#fn:r46"]').click()
    page.wait_for_timeout(400)
    assert page.evaluate("location.hash") == "#fn:r46"


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 375, "height": 800}, has_touch=True, is_mobile=True)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    pg = context.new_page()
    yield pg
    context.close()


def test_a_passage_link_is_seen_and_tapped_on_a_phone(phone, server, site, tmp_path_factory):
    phone.goto(server + "/paragraphs/97/")
    link = phone.locator("#guideline-e a.block-link")
    assert float(link.evaluate("e => getComputedStyle(e).opacity")) == 1.0  # no hover on a touch screen
    box = link.bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24, box  # WCAG 2.5.8
    link.tap()
    phone.wait_for_function("location.hash === '#guideline-e'")
    status = phone.locator("#copy-status")
    expected = published_address(site) + "paragraphs/97/#guideline-e"
    assert status.inner_text() == "Address copied: " + expected
    assert phone.evaluate("navigator.clipboard.readText()") == expected
    shots = tmp_path_factory.getbasetemp() / "screenshots"
    shots.mkdir(exist_ok=True)
    phone.screenshot(path=str(shots / "passage-link-phone.png"))


# ---------------------------------------------------------------- items named by their letter

def test_list_items_are_named_by_their_letter_and_old_addresses_follow(page, server, site):
    html = (site / "paragraphs" / "97" / "index.html").read_text(encoding="utf-8")
    item = re.search(r'<li id="?guideline-e"?>(.*?)</li>', html, re.S).group(1)
    assert re.sub(r"<[^>]+>", "", item).startswith("(e) Taking special precautionary measures")
    registered = {(r.paragraph, r.anchor) for r in read_register(ROOT / "content" / "permalinks.tsv")}
    assert {(97, "guideline-6"), (97, "guideline-e"), (40, "guideline-a"), (100, "guideline-c")} <= registered
    # The first edition's positional address lands on the item, with no note: it is the same page.
    page.goto(server + "/paragraphs/97/#guideline-6")
    page.wait_for_function("location.hash === '#guideline-e'")
    assert page.locator(".moved-notice").count() == 0
    # "paragraph 97 e)" and "paragraph 88(a)" in the commentary link to the item, on the same page.
    assert re.search(r'paragraph <a href="?#guideline-e"?>97</a> e\)', html)
    html88 = (site / "paragraphs" / "88" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'paragraph <a href="?#guideline-a"?>88</a>\(a\)', html88)


# ---------------------------------------------------------------- citations

def test_a_passage_citation_names_the_passage_and_its_pinpoint(phone, server, site):
    address = published_address(site) + "paragraphs/42/"
    phone.goto(server + "/paragraphs/42/")
    phone.locator("#regional-good-practice-1 .cite-passage").first.tap()
    copied = phone.evaluate("navigator.clipboard.readText()")
    label = "‘Concrete examples of good regional practice’"
    edition = EDITION.__class__(EDITION.version, EDITION.date, published_address(site))
    # A box is ECPAT's words: cited as theirs, first, commenting on the Committee's paragraph.
    assert copied == citation_text(Passage(42, "Sexting by children", address + "#regional-good-practice-1", label,
                                           ecpat=True), edition)
    assert copied.startswith("ECPAT International, Explanatory Report to the OPSC Guidelines (2019), commentary "
                             "on paragraph 42, ‘Concrete examples of good regional practice’")
    assert phone.locator("#copy-status").inner_text() == "Citation of this passage copied."
    # A commentary passage: its number, as the page shows it at the passage's start.
    phone.goto(server + "/paragraphs/31/")
    assert phone.locator("#commentary-3 .passage-number").inner_text() == "3"
    phone.locator("#commentary-3 .cite-passage").tap()
    copied = phone.evaluate("navigator.clipboard.readText()")
    address31 = published_address(site) + "paragraphs/31/"
    assert copied == citation_text(Passage(31, "x", address31 + "#commentary-3", "passage 3", ecpat=True), edition)
    assert ", commentary on paragraph 31, passage 3, online edition " in copied
    assert copied.endswith("CRC/C/156 (10 September 2019), para. 31.")
    # A Guideline item: the paragraph and its letter.
    phone.goto(server + "/paragraphs/97/")
    phone.locator("#guideline-e .cite-passage").tap()
    copied = phone.evaluate("navigator.clipboard.readText()")
    assert "CRC/C/156 (10 September 2019), para. 97 (e);" in copied
    assert copied.endswith(published_address(site) + "paragraphs/97/#guideline-e.")


def test_the_paragraph_citation_carries_the_edition_and_the_published_address(site):
    html = (site / "paragraphs" / "42" / "index.html").read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", "", re.search(r'id="?citation-text"?[^>]*>(.*?)</p>', html, re.S).group(1))
    assert text.endswith(f"commentary on paragraph 42, online edition {EDITION.version} ({EDITION.date}), "
                         f"{published_address(site)}paragraphs/42/.")
    data = json.loads((site / "data" / "report.json").read_text(encoding="utf-8"))
    assert data["edition"] == {"version": EDITION.version, "date": EDITION.date, "url": published_address(site)}
    home = (site / "index.html").read_text(encoding="utf-8")
    assert f"Online edition {EDITION.version}, {EDITION.date}" in home


def test_reference_manager_files_for_each_paragraph_and_the_edition(site):
    html = (site / "paragraphs" / "42" / "index.html").read_text(encoding="utf-8")
    for ext in ("bib", "ris", "csl.json"):
        assert re.search(rf'href="?\.\./\.\./data/cite/paragraph-42\.{re.escape(ext)}"?', html), ext
    address = published_address(site) + "paragraphs/42/"
    library = bibtexparser.parse_string((site / "data" / "cite" / "paragraph-42.bib").read_text(encoding="utf-8"))
    entries = {e.key: e for e in library.entries}
    # The paragraph, and its box (paragraph 42's commentary is one box) at its pinpoint, as ECPAT's words.
    assert set(entries) == {"crc-c-156-para42", "ecpat-2019-para42", "ecpat-2019-para42-regional-good-practice-1"}
    assert entries["ecpat-2019-para42-regional-good-practice-1"].fields_dict["note"].value == \
        "commentary on paragraph 42, ‘Concrete examples of good regional practice’"
    assert entries["ecpat-2019-para42"].fields_dict["url"].value == address
    assert entries["crc-c-156-para42"].fields_dict["number"].value == "CRC/C/156"
    records = rispy.loads((site / "data" / "cite" / "paragraph-42.ris").read_text(encoding="utf-8"))
    assert [r["type_of_reference"] for r in records] == ["RPRT", "BOOK", "BOOK"] and records[1]["urls"] == [address]
    items = json.loads((site / "data" / "cite" / "paragraph-42.csl.json").read_text(encoding="utf-8"))
    assert items[1]["URL"] == address and items[0]["number"] == "CRC/C/156"
    whole = json.loads((site / "data" / "citations.csl.json").read_text(encoding="utf-8"))
    assert len(whole) == 2 * 113
    assert len(bibtexparser.parse_string((site / "data" / "citations.bib").read_text(encoding="utf-8")).entries) == 226


def test_a_box_cited_after_a_search_keeps_its_whole_title(phone, server, site):
    """Search marks split a box's title into several text nodes (?h=examples marks "examples"): the Cite
    button names the box by its whole title all the same."""
    phone.goto(server + "/paragraphs/42/")
    phone.evaluate("""() => {
        const title = document.querySelector("#regional-good-practice-1 .admonition-title");
        const words = title.firstChild;
        const at = words.textContent.indexOf("examples");
        const rest = words.splitText(at);
        rest.splitText("examples".length);
        const mark = document.createElement("mark");
        mark.textContent = rest.textContent;
        rest.replaceWith(mark);
    }""")
    assert phone.locator("#regional-good-practice-1 .admonition-title mark").inner_text() == "examples"
    phone.locator("#regional-good-practice-1 .cite-passage").first.tap()
    copied = phone.evaluate("navigator.clipboard.readText()")
    assert "commentary on paragraph 42, ‘Concrete examples of good regional practice’," in copied, copied


@pytest.mark.parametrize("fragment", ["%", "%E0%A4%A", "%ZZ", "guideline%"])
def test_a_malformed_fragment_stops_no_page_script(page, server, fragment):
    """An address with a broken escape after # (a pasted link cut short): the page's scripts still run."""
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(server + "/paragraphs/42/#" + fragment)
    page.wait_for_load_state("load")
    assert page.locator("#regional-good-practice-1 .cite-passage").count() == 1
    assert page.locator(".print-footer").count() == 1
    assert errors == []


# ---------------------------------------------------------------- the 404 page

def test_each_commentary_passage_shows_its_number_and_the_files_cite_it(site, report):
    """Every paragraph page: each commentary passage starts with its number, the number of its address; the
    paragraph's citation files hold an entry for it ("commentary on paragraph 31, passage 3") and for each box,
    read back by bibtexparser, rispy and as CSL-JSON."""
    from macros.ids import Anchor
    from macros.pages.blocks import passage_number
    from macros.model import Block
    numbered = 0
    for p in report.paragraphs:
        html = (site / "paragraphs" / str(p.number) / "index.html").read_text(encoding="utf-8")
        shown = re.findall(r'<(?:p|li|blockquote) id="?(commentary-\d+)"?[^>]*><span [^>]*\bclass="?passage-number"?[^>]*>(\d+)</span>',
                           html)
        passages = [b.id for b in p.items if isinstance(b, Block)]
        assert [a for a, _ in shown] == passages, p.number
        assert all(int(n) == passage_number(Anchor.parse(a)) for a, n in shown), p.number
        numbered += len(shown)
        boxes = [c.id for c in p.callouts]
        keys = {e.key for e in bibtexparser.parse_string(
            (site / "data" / "cite" / f"paragraph-{p.number}.bib").read_text(encoding="utf-8")).entries}
        assert keys == {f"crc-c-156-para{p.number}", f"ecpat-2019-para{p.number}",
                        *(f"ecpat-2019-para{p.number}-{a}" for a in passages + boxes)}, p.number
    assert numbered > 300, numbered
    records = {r["id"]: r for r in rispy.loads((site / "data" / "cite" / "paragraph-31.ris").read_text("utf-8"))}
    assert records["ecpat-2019-para31-commentary-3"]["notes"] == ["commentary on paragraph 31, passage 3"]
    assert records["ecpat-2019-para31-commentary-3"]["urls"] == [published_address(site) + "paragraphs/31/#commentary-3"]
    items = {i["id"]: i for i in json.loads((site / "data" / "cite" / "paragraph-31.csl.json").read_text("utf-8"))}
    assert items["ecpat-2019-para31-commentary-3"]["note"] == "commentary on paragraph 31, passage 3"


def test_the_404_page_tells_every_reader_how_to_search_and_leads_to_the_indexes(site):
    """A phone has no "/" key to press: the page names the search box and the magnifying glass first."""
    html = (site / "404.html").read_text(encoding="utf-8")
    text = " ".join(re.sub(r"<[^>]+>", " ", html[html.index("<h1"):html.index("<script", html.index("<h1"))]).split())
    assert "Search: the search box at the top of the page (on a phone, the magnifying glass; on a keyboard, " \
           "the / key)." in text.replace(" )", ")"), text
    assert "press /" not in text
    assert re.search(r'href="?/indexes/"?', html)


@pytest.mark.parametrize("address, suggestion", [
    ("/paragraph/42", ("Were you looking for Paragraph 42?", "/paragraphs/42/")),
    ("/paragraphs/42.html", ("Were you looking for Paragraph 42?", "/paragraphs/42/")),
    ("/chapters/4/", ("Were you looking for Chapter IV?", "/chapters/iv/")),
    ("/paragraphs/142/", ("There is no paragraph 142: the Guidelines have paragraphs 1 to 113.", None)),
    # A malformed escape in the address: read as it came, and the suggestion still made.
    ("/paragraph/42%E0%A4%A/", ("Were you looking for Paragraph 42?", "/paragraphs/42/")),
    ("/foo%E0%A4%A/", ("", None)),
])
def test_the_404_page_suggests_the_likely_page(page, server, site, address, suggestion):
    not_found = (site / "404.html").read_text(encoding="utf-8")
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.route("**" + address, lambda route: route.fulfill(status=404, body=not_found, content_type="text/html"))
    page.goto(server + address)
    said = page.locator("#not-found-suggestion")
    assert said.inner_text() == suggestion[0]
    assert page.locator("a[href='/paragraphs/113/']").count() == 1
    if suggestion[1]:
        href = said.locator("a").get_attribute("href")
        assert href == suggestion[1]
        page.goto(server + href)
        assert page.locator("h1").first.inner_text().startswith(("42.", "IV."))
    assert errors == []


def _fill(template, slots):
    """What docs/js/site.js (fill) does with a template of the build: each {slot} replaced, in one pass."""
    return re.sub(r"\{([a-z]+)\}", lambda m: slots.get(m.group(1), m.group(0)), template)


def test_the_page_script_cites_a_passage_from_the_builds_templates_alone(report):
    """A paragraph's citation carries, as data, the templates the Cite buttons fill (macros/pages/citations.py):
    filled with a passage's letter, number or box title, each gives what macros/cite_formats.py writes for that
    passage, so rewording a citation in Python changes the Cite button's text with it."""
    from html import unescape
    from macros.pages.citations import cite_block
    from macros.pages.paths import para_path
    from macros.pages.blocks import callout_title
    edition = EDITION.__class__(EDITION.version, EDITION.date, "https://example.org/opsc/")

    def data(n):
        html = cite_block(report.paragraph(n), para_path(n), edition)
        tag = re.search(r'<p class="citation-text" id="citation-text" ([^>]*)>', html).group(1)
        return {k: unescape(v) for k, v in re.findall(r'data-([a-z-]+)="([^"]*)"', tag)}

    address = "https://example.org/opsc/paragraphs/97/"
    d97 = data(97)
    assert d97["address"] == address
    assert _fill(d97["cite-item"], {"item": "e"}) == citation_text(
        Passage(97, "x", address + "#guideline-e", item="e"), edition)
    assert "para. 97 (e); ECPAT International" in _fill(d97["cite-item"], {"item": "e"})
    label = _fill(d97["label-commentary"], {"n": "3"})
    assert _fill(d97["cite-passage"], {"anchor": "commentary-3", "label": label}) == citation_text(
        Passage(97, "x", address + "#commentary-3", "passage 3", ecpat=True), edition)
    box = report.paragraph(42).callouts[0]
    d42 = data(42)
    label = _fill(d42["label-box"], {"title": callout_title(box)})
    assert label == "‘Concrete examples of good regional practice’"
    assert _fill(d42["cite-passage"], {"anchor": box.id, "label": label}) == citation_text(
        Passage(42, "x", "https://example.org/opsc/paragraphs/42/#" + box.id, label, ecpat=True), edition)
    # No Guideline item on paragraph 42, no commentary or box on paragraph 27's page: no template for them.
    assert "cite-item" not in d42
    assert not report.paragraph(27).items and set(data(27)) == {"address"}
