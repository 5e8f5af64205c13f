"""The checklist page (recommendations/) in Chromium: its filters (docs/js/checklist.js) show exactly the rows
the model puts on a theme, a verb, an article or words; it works without JavaScript, under the strict policy,
on a phone's width and in print; the files it links are in the site."""

import csv
import io
import re
from pathlib import Path

import pytest

from conftest import refused
from macros.build import load_report
from macros.instruments import read_instruments
from macros.recommendations import read_checklist, verb_group

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def checklist():
    report = load_report(ROOT)
    registry = read_instruments(ROOT / "content" / "instruments.yaml").with_misprints(report.apparatus)
    return read_checklist(report, registry, ROOT / "content")


def shown(page):
    return [tr.get_attribute("id") for tr in page.locator("#ck-table tbody tr:not([hidden])").all()]


def test_choosing_a_theme_shows_exactly_its_rows(page, server, checklist):
    page.goto(f"{server}/recommendations/")
    assert page.locator("#ck-count").inner_text() == "201 recommendations"
    page.select_option("#ck-theme", "travel")
    travel = checklist.themes.by_id("travel")
    assert shown(page) == [f"r{r.number}" for r in checklist.of_theme(travel)]
    assert page.locator("#ck-count").inner_text() == \
        "Showing 6 of 201 recommendations (theme: Travel and tourism)"
    assert page.locator("#ck-count").get_attribute("aria-live") == "polite"
    # Filters combine: the theme's rows that urges, then any row naming article 9.
    page.select_option("#ck-verb", "urges")
    assert shown(page) == [f"r{r.number}" for r in checklist.of_theme(travel) if verb_group(r.rec.verb) == "urges"]
    page.click("#ck-reset")
    page.select_option("#ck-article", "9")
    assert shown(page) == [f"r{r.number}" for r in checklist.rows if "9" in r.articles]
    page.click("#ck-reset")
    page.fill("#ck-text", "barnahus")
    assert shown(page) == [f"r{r.number}" for r in checklist.rows if "Barnahus" in r.rec.words]
    assert len(shown(page)) == 1


def test_keyboard_and_a_theme_pages_link(page, server, checklist):
    page.goto(f"{server}/themes/justice/")
    page.click('a[href$="recommendations/?theme=justice"]')
    page.wait_for_selector("#ck-filters:not([hidden])")
    justice = checklist.themes.by_id("justice")
    assert page.locator("#ck-theme").input_value() == "justice"
    assert shown(page) == [f"r{r.number}" for r in checklist.of_theme(justice)]
    page.focus("#ck-chapter")
    page.keyboard.press("ArrowDown")  # the first chapter with recommendations: I
    assert page.locator("#ck-chapter").input_value() == "I"
    assert shown(page) == []
    assert page.locator("#ck-count").inner_text() == \
        "Showing 0 of 201 recommendations (theme: Child victims in justice; chapter: I. Introduction)"
    # Every control has its label and is at least 24 px high.
    for name in ("theme", "chapter", "verb", "article", "text"):
        assert page.locator(f'label[for="ck-{name}"]').count() == 1
        assert page.locator(f"#ck-{name}").bounding_box()["height"] >= 24


def test_without_javascript_the_whole_table_shows(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{server}/recommendations/")
    assert page.locator("#ck-table tbody tr").count() == 201
    assert not page.locator("#ck-filters").is_visible()
    context.close()


def test_under_the_strict_policy_on_a_phone_and_in_print(strict_csp, server, tmp_path):
    page, violations, errors = strict_csp
    page.goto(f"{server}/recommendations/?theme=sale")
    assert page.locator("#ck-count").inner_text().startswith("Showing 8 of 201 recommendations (theme: Sale")
    assert refused(violations()) == [] and errors == []
    page.set_viewport_size({"width": 390, "height": 844})
    first = page.locator("#ck-table tbody tr:not([hidden])").first
    assert first.bounding_box()["width"] <= 390  # a card, not a row wider than the screen
    page.emulate_media(media="print")
    assert page.locator("#ck-table tbody tr:not([hidden]) .ck-box").first.is_visible()  # a tick box per row
    assert not page.locator("#ck-filters").is_visible()
    assert not page.locator("#r1").is_visible()  # not on the theme: not printed


def test_the_files_it_links_are_in_the_site(site, checklist):
    html = (site / "recommendations" / "index.html").read_text("utf-8")
    hrefs = re.findall(r'href="?(\.\./data/checklist/[^" >]+)', html)
    assert sorted(hrefs) == ["../data/checklist/recommendations.csv", "../data/checklist/recommendations.xlsx"]
    for href in hrefs:
        assert (site / "recommendations" / href).resolve().is_file(), href
    rows = list(csv.reader(io.StringIO((site / "data" / "checklist" / "recommendations.csv").read_text("utf-8-sig"))))
    assert len(rows) == 1 + len(checklist.rows)
    assert rows[1][7] == checklist.rows[0].rec.words


def test_a_paragraphs_themes_under_its_title_open_their_pages(page, server, checklist):
    """Paragraph 36's tags: a navigation named "Themes" under the title, one link per theme of the paragraph, each
    a target of 24 px at least, opening its theme's page."""
    page.goto(f"{server}/paragraphs/36/")
    tags = page.get_by_role("navigation", name="Themes")
    links = tags.get_by_role("link")
    assert links.all_inner_texts() == [t.title for t in checklist.themes.of_paragraph(36)] == \
        ["Travel and tourism", "Prevention and children at risk", "Business and the private sector"]
    title = page.locator("h1").bounding_box()
    assert title["y"] < tags.bounding_box()["y"] < page.locator("#guideline").bounding_box()["y"]
    for link in links.all():
        box = link.bounding_box()
        assert box["height"] >= 24 and box["width"] >= 24
    links.first.click()
    page.wait_for_url(re.compile(r"/themes/travel/$"))
    assert page.locator("h1").inner_text().startswith("Travel and tourism")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_accessibility_violation(browser, server, scheme):
    from test_browser import AXE, axe_violations

    assert AXE.is_file(), "axe-core: bash scripts/setup.sh --tests"
    found = {}
    for width, path in ((1280, "/recommendations/?theme=online"), (390, "/recommendations/?verb=urges"),
                        (1280, "/themes/"), (1280, "/themes/online/"),
                        # A paragraph's tags (paragraph 36's own ed. marks fail axe's label rule on main too).
                        (1280, "/paragraphs/16/"), (390, "/paragraphs/16/")):
        context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
        page = context.new_page()
        page.goto(server + path)
        violations = axe_violations(page)
        if violations:
            found[f"{width} {path}"] = violations
        context.close()
    assert not found, found
