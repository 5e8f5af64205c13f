"""Search in the reader's browser, whatever is typed, pasted or shared (issue 19, points 3 to 7): every input
answered quickly by the worker, results that never carry markup of their own, and the page a result opens
marking whole words.

The engine runs in Chromium as the site runs it: the built search/worker.js, sent the built index."""

import json
import re
from urllib.parse import parse_qs, quote, urlparse

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from test_search import WORKER, address

LIMIT_MS = 100

SETUP = WORKER.replace("""  const out = {};
  for (const query of queries) out[query] = (await ask({type: 2, data: query})).data.items;
  worker.terminate();
  return out;""", """  window.askSearch = async (query) => {
    const start = performance.now();
    const items = (await ask({type: 2, data: query})).data.items;
    return {ms: performance.now() - start, items: items};
  };
  return true;""")


@pytest.fixture(scope="module")
def engine(browser, server):
    """A page with the worker set up; engine(query) -> {ms, items}."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(server + "/")
    page.evaluate(SETUP, [])

    def ask(query):
        return page.evaluate("q => window.askSearch(q)", query)
    yield ask
    context.close()


def worst_inputs(site):
    text = json.loads((site / "data" / "report.json").read_text(encoding="utf-8"))
    passage = " ".join(b["text"] for p in text["paragraphs"] for b in p["guideline"] + p["commentary"])
    return {
        "a paste of 10,000 characters of the report": passage[:10000],
        "a word of 1,000 letters": "a" * 1000,
        "a word of 300 letters": "a" * 300,
        "10,000 letters": "abcdefghij" * 1000,
        "backslashes": "\\" * 10000,
        "quotes": '"' * 5000 + "child" + '"' * 4995,
        "brackets": "(" * 5000 + ")" * 5000,
        "an article 1,200 times": "article 3 (1) (c) " * 555,
        "a pinpoint 900 times": "para 97 (e) " * 833,
        "accents": "é" * 10000,
        "words of 20 letters, typos": " ".join(["exploitatiomnnabcdef"] * 476),
        "many rare words": " ".join(w + "x" for w in passage[:20000].split()[:1600])[:10000],
        "control characters": "".join(chr(c) for c in range(32)) * 300,
        "regular expression": ".*+?^${}()|[]\\/" * 600,
    }


def test_no_input_keeps_the_worker_busy(engine, site):
    """Whatever its length or characters (up to 10,000), no query takes the worker more than 100 ms (the
    fastest of three runs, so a busy machine does not decide)."""
    slow = {}
    for name, query in worst_inputs(site).items():
        assert len(query) <= 10000
        ms = min(engine(query)["ms"] for _ in range(3))
        if ms > LIMIT_MS:
            slow[name] = round(ms)
    assert not slow, slow


SAFE_TAGS = re.compile(r"</?(?:mark|sup)>")


def inert(html):
    """Result HTML holds no markup but the engine's own marks and footnote numbers."""
    return "<" not in SAFE_TAGS.sub("", html)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(
    st.text(max_size=200),
    st.lists(st.sampled_from(["child", "sexting", "<img src=x onerror=alert(1)>", "article", "3", "(1)", "(c)",
                              "\"", "para", "97", "e)", "§", "kidney", "javascript:", "&amp;", "grooming", "*",
                              "\\", "%", "ü", "’"]), max_size=30).map(" ".join)))
def test_any_query_gives_results_that_are_only_links_and_text(engine, query):
    answer = engine(query)
    assert answer["ms"] < 2000
    for group in answer["items"]:
        for item in group:
            location = item["location"]
            assert re.match(r"^[a-z0-9-]*(?:/[a-z0-9.-]+)*/?(?:\?h=[^#\s]*)?(?:#[\w:-]+)?$", location), location
            assert inert(item["title"]) and inert(item["text"]), item


def mark_texts(page):
    return page.eval_on_selector_all("article mark[data-md-highlight]", """els => els.map(m => {
        const text = m.parentNode.textContent, at = [...m.parentNode.childNodes].indexOf(m);
        const before = [...m.parentNode.childNodes].slice(0, at).map(n => n.textContent).join("");
        const after = [...m.parentNode.childNodes].slice(at + 1).map(n => n.textContent).join("");
        return [m.textContent, before.slice(-1), after.slice(0, 1)];
    })""")


def landing(engine, query, n):
    """The address a result for `query` leads to on paragraph n's page (its first passage shown)."""
    for group in engine(query)["items"]:
        if address(group[0]["location"]).split("#")[0] == f"paragraphs/{n}/":
            return group[1]["location"] if len(group) > 1 else group[0]["location"]
    raise AssertionError(f"{query!r} does not find paragraph {n}")


def test_the_page_opened_marks_whole_words_and_their_forms(engine, page, server):
    location = landing(engine, "compensating child victims", 100)
    page.goto(server + "/" + location)
    page.wait_for_selector("article mark[data-md-highlight]")
    marks = mark_texts(page)
    words = [m[0].lower() for m in marks]
    # Every mark is a whole word: no letter just before or after it ("child" never inside "children").
    assert all(not re.match(r"\w", b) and not re.match(r"\w", a) for _, b, a in marks), marks
    assert words.count("compensation") >= 5 and "compensating" in words and "child" in words
    assert "children" not in words


def test_a_quoted_phrase_is_marked_as_a_phrase(engine, page, server):
    location = landing(engine, '"self-generated"', 67)
    page.goto(server + "/" + location)
    page.wait_for_selector("article mark[data-md-highlight]")
    words = {m[0].lower() for m in mark_texts(page)}
    assert words == {"self-generated"}, words  # never "generated" of "child-generated" (commentary)
    assert "child-generated" in page.locator("article").inner_text()


def test_marks_leave_titles_and_citations_whole(page, server):
    page.goto(server + "/paragraphs/42/?h=examples#regional-good-practice-1")
    page.wait_for_selector("article mark[data-md-highlight]")
    title = page.locator("#regional-good-practice-1 .admonition-title")
    assert "Concrete examples of good regional practice" in title.inner_text()
    text = page.locator("#citation-text").inner_text()
    page.goto(server + "/paragraphs/42/")
    assert page.locator("#citation-text").inner_text() == text


@pytest.mark.parametrize("h", ["///", '"x"', "amp", "%", "<b>", "a", "1", '"', "x" * 5000])
def test_junk_in_the_address_marks_nothing_wrong(page, server, h):
    page.goto(server + "/paragraphs/68/?h=" + quote(h))
    page.wait_for_load_state("load")
    marks = page.locator("article mark").all_inner_texts()
    assert all(m.strip() for m in marks) and len(marks) < 50, marks[:5]
    assert "&amp;" not in page.locator("article").inner_text()


def test_a_shared_query_of_any_length_cannot_hang_the_tab(page, server):
    page.goto(server + "/paragraphs/42/?q=" + "a" * 1000)
    page.wait_for_load_state("load")
    page.wait_for_timeout(1500)
    # The tab still answers, and the search box still searches.
    assert page.evaluate("1 + 1") == 2
    page.keyboard.press("/")
    box = page.locator(".md-search__input")
    box.fill("grooming")
    page.keyboard.press("End")
    page.wait_for_function("() => [...document.querySelectorAll('.md-search-result__item a')]"
                           ".some(a => a.getAttribute('href').includes('paragraphs/68/'))", timeout=10000)
