"""Search loads when a reader shows they will search (issue 22, point 1), never with a page alone: the search
index (search/search_index.json) and the engine (search/worker.js) are fetched on focus in the search box,
the / or s key, the search opened on a phone, or an address that carries a search (?q=, ?h=); and then the
search answers as before. docs/js/search-on-intent.js, before Material's bundle (overrides/main.html)."""

import re

import pytest

SEARCH = ("/search/search_index.json", "/search/worker.js")


def searched(requests):
    """The search files among the paths requested, in the order asked."""
    return [p for p in requests if p.endswith(SEARCH)]


@pytest.fixture
def visit(page, server):
    """visit(path) -> the paths the page requested so far (a live list), once the network is idle."""
    requests = []
    page.on("request", lambda r: requests.append(r.url.replace(server, "").split("?")[0]))

    def go(path):
        page.goto(server + path)
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(500)  # an idle moment after the load changes nothing
        return requests
    return go


def results_for(page, query, expected):
    page.keyboard.type(query)
    page.wait_for_function("p => [...document.querySelectorAll('.md-search-result__item a')]"
                           ".some(a => a.getAttribute('href').includes(p))", arg=expected, timeout=15000)


@pytest.mark.parametrize("path", ["/paragraphs/42/", "/", "/articles/", "/paragraphs/42/#commentary-1"])
def test_a_page_alone_loads_no_search(visit, path):
    requests = visit(path)
    assert any("/javascripts/bundle." in p for p in requests)  # the page ran Material's bundle
    assert searched(requests) == []


@pytest.mark.parametrize("key", ["/", "s"])
def test_the_search_key_loads_the_search_and_it_answers(page, visit, key):
    requests = visit("/paragraphs/42/")
    assert searched(requests) == []
    page.keyboard.press(key)
    results_for(page, "grooming", "paragraphs/68/")
    assert sorted(searched(requests)) == sorted(SEARCH)


def test_a_click_in_the_search_box_loads_the_search(page, visit):
    requests = visit("/paragraphs/42/")
    page.click(".md-search__input")
    page.wait_for_function("() => !/initializing/i.test("
                           "document.querySelector('.md-search-result__meta').textContent)", timeout=15000)
    assert sorted(searched(requests)) == sorted(SEARCH)
    results_for(page, "sextortion", "paragraphs/")


def test_the_magnifying_glass_on_a_phone_loads_the_search(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    requests = []
    page.on("request", lambda r: requests.append(r.url.replace(server, "")))
    page.goto(server + "/paragraphs/42/")
    page.wait_for_load_state("networkidle")
    assert searched(requests) == []
    page.tap('label[for="__search"].md-header__button')
    page.wait_for_function("() => !/initializing/i.test("
                           "document.querySelector('.md-search-result__meta').textContent)", timeout=15000)
    assert sorted(searched(requests)) == sorted(SEARCH)
    context.close()


def test_a_shared_query_loads_the_search_and_shows_its_results(page, visit):
    requests = visit("/paragraphs/42/?q=grooming")
    page.wait_for_function("() => [...document.querySelectorAll('.md-search-result__item a')]"
                           ".some(a => a.getAttribute('href').includes('paragraphs/68/'))", timeout=15000)
    assert sorted(searched(requests)) == sorted(SEARCH)


def test_a_page_opened_from_a_result_loads_the_search_for_the_next(page, visit):
    requests = visit("/paragraphs/42/?h=sexting#guideline")
    assert sorted(searched(requests)) == sorted(SEARCH)
    page.wait_for_selector("mark[data-md-highlight]")
    page.keyboard.press("/")
    results_for(page, "birth registration", "paragraphs/")


def test_the_loader_runs_before_materials_bundle_online_only(site):
    html = (site / "paragraphs" / "42" / "index.html").read_text(encoding="utf-8")
    scripts = re.findall(r'<script src="?([^" >]+)', html)
    names = [s.rsplit("/", 1)[-1] for s in scripts]
    assert names.index("search-on-intent.js") < next(i for i, n in enumerate(names) if n.startswith("bundle."))
