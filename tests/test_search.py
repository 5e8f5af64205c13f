"""Search: the edition's engine (macros/search_worker.js, in a Web Worker, behind Material's search box)
over the index macros/search_index.py writes.

- Citations in the text: table-driven, as eyecite's tests are (text → the citations found).
- The index: one entry per passage, each landing on an anchor of its page.
- The engine, run in Chromium as a reader's browser runs it (the built search/worker.js, sent the built
  search/search_index.json as Material's page sends it): the query set of tests/search_queries.yaml
  (chosen by reading the report, before the engine was tuned) and each promise of the search, one by one.
- The search box, typed into; a result followed to its passage, the words marked there.
"""

import json
import re
import unicodedata
from html import unescape
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
import yaml

from macros.instruments import citations, read_instruments
from macros.terminology import read_terminology

ROOT = Path(__file__).resolve().parent.parent
QUERIES = yaml.safe_load((ROOT / "tests" / "search_queries.yaml").read_text(encoding="utf-8"))
# Questions and long descriptions in readers' words (issue 19), written by reading the text: held out from
# the tuning of the engine, and the development set it was tuned on.
QUESTIONS = yaml.safe_load((ROOT / "tests" / "search_questions.yaml").read_text(encoding="utf-8"))
QUESTIONS_DEV = yaml.safe_load((ROOT / "tests" / "search_questions_dev.yaml").read_text(encoding="utf-8"))
INSTRUMENTS = read_instruments(ROOT / "content" / "instruments.yaml")


def para(n):
    return f"paragraphs/{n}/"


# ---------------------------------------------------------------- citations in the text

CITATION_CASES = [
    # text, the citations found (instrument:article.subdivisions, or the instrument named alone)
    ("States parties shall criminalize (art. 3 (1) (c)) the possession", ["opsc:3.1.c"]),
    ("as set out in article 3 (1) (c) of the Optional Protocol", ["opsc:3.1.c"]),
    ("Article 22 of the Lanzarote Convention requires", ["lanzarote:22", "lanzarote"]),
    ("Articles 34 and 35 CRC", ["crc:34", "crc:35", "crc"]),
    ("Articles 2, 3, 6 and 12 of the CRC", ["crc:2", "crc:3", "crc:6", "crc:12", "crc"]),
    ("Article 34(b) CRC", ["crc:34.b", "crc"]),
    ("article 21 of the Convention", ["crc:21"]),
    ("C182, Article 8", ["c182:8", "c182"]),
    ("Article 3(b) of ILO Convention No. 182", ["c182:3.b", "c182"]),
    ("Lanzarote Convention (art. 27)", ["lanzarote:27", "lanzarote"]),
    ("Article 3(a) of the Protocol (to the Convention against Transnational Organized Crime) to Prevent",
     ["palermo:3.a", "palermo"]),
    ("Article 2 of the European Union (EU) Directive 2011/93", ["eu-directive-2011-93:2", "eu-directive-2011-93"]),
    # A later article of the same sentence belongs to the instrument just named; not across a sentence.
    ("The Lanzarote Convention (art. 27) provides that legal persons liable under the rules of Article 26 "
     "(on corporate liability) shall be", ["lanzarote:27", "lanzarote:26", "lanzarote"]),
    ("See the Lanzarote Convention (art. 27). Article 26 is", ["lanzarote:27", "lanzarote"]),
    # Not citations of any instrument: a judgment's paragraph, an article with no instrument.
    ("paragraph 313 of the judgment", []),
    ("an article published in 2018", []),
]


@pytest.mark.parametrize("text, expected", CITATION_CASES)
def test_citations_in_the_text(text, expected):
    assert [c.key for c in citations(text, INSTRUMENTS)] == expected


def test_terminology_file_is_read_and_bad_entries_name_their_line(tmp_path):
    terms = read_terminology(ROOT / "content" / "terminology.yaml")
    groups = [set(g["terms"]) for g in terms["synonyms"]]
    assert any({"CSAM", "child pornography", "child sexual abuse material"} <= g for g in groups)
    assert ["offense", "offence"] in terms["spellings"]
    bad = tmp_path / "terminology.yaml"
    bad.write_text("synonyms:\n  - why: a reason\n    terms: [alone]\nspellings: []\n", encoding="utf-8")
    with pytest.raises(Exception, match=r"terminology.yaml:3: synonym group: `terms` is \['alone'\]; expected a list of two or more terms$"):
        read_terminology(bad)
    bad.write_text("synonyms: []\nspellings:\n  - [color]\n", encoding="utf-8")
    with pytest.raises(Exception, match=r"terminology.yaml:3: terminology: `spellings\[0\]` is \['color'\]; expected a pair: \[American, British\]$"):
        read_terminology(bad)


def test_instruments_file_errors_name_their_line(tmp_path):
    bad = tmp_path / "instruments.yaml"
    bad.write_text("instruments:\n  - id: crc\n    names: [CRC]\n  - id: lanzarote\n    title: no names\n",
                   encoding="utf-8")
    with pytest.raises(Exception, match=r"instruments.yaml:4: instrument: expected `names` \(a list of names, one or more\)"):
        read_instruments(bad)
    bad.write_text("instruments: [\n", encoding="utf-8")
    with pytest.raises(Exception, match=r"instruments.yaml:2: invalid YAML"):
        read_instruments(bad)


# ---------------------------------------------------------------- the index

@pytest.fixture(scope="module")
def index(site):
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))


def test_every_passage_is_an_entry_that_lands_on_its_anchor(index, site, report):
    docs = index["docs"]
    by_page = {}
    for d in docs:
        page, _, anchor = d["location"].partition("#")
        by_page.setdefault(page, []).append(anchor)
    for p in report.paragraphs:
        anchors = by_page[para(p.number)]
        html = (site / "paragraphs" / str(p.number) / "index.html").read_text(encoding="utf-8")
        ids = set(re.findall(r'\bid="?([^"\s>]+)', html))
        assert "" in anchors, p.number  # the page's own entry (its title)
        missing = [a for a in anchors if a and a not in ids]
        assert not missing, (p.number, missing)
        expected = len(p.guideline) + len(p.items) + len(p.footnotes)
        assert len(anchors) == expected + 1, p.number
    zones = {d["zone"] for d in docs}
    assert zones == {"title", "guideline", "commentary", "box", "footnote", "page", "index", "list"}
    # The headnotes, by passage: each lands on a passage of a paragraph's page.
    passages = {d["location"] for d in docs if d["zone"] in ("guideline", "commentary", "box", "footnote")}
    notes = index["config"]["headnotes"]
    assert sum(len(asks) for _, asks in notes) > 1000 and all(location in passages for location, _ in notes)
    assert len({location for location, _ in notes}) == len(notes)
    # Index and chapter pages are found by their titles; their text is the paragraphs'.
    assert all(d["text"] == "" for d in docs if d["zone"] == "index")


def test_entries_carry_citations_and_printed_footnote_numbers(index):
    docs = {d["location"]: d for d in index["docs"]}
    assert "opsc:3.1.c" in docs["paragraphs/61/#guideline-1"]["cite"]
    assert "lanzarote:22" in " ".join(k for d in index["docs"] if d.get("n") == 70 for k in d.get("cite", []))
    # Footnote 138 stands after "such material." in paragraph 60's commentary.
    entry = docs["paragraphs/60/#commentary-2"]
    offset = next(o for o, n in entry["fn"] if n == 138)
    assert entry["text"][:offset].endswith("children depicted in such material.")
    assert docs["paragraphs/42/"]["title"] == "42. Sexting by children"
    assert docs["paragraphs/42/"]["zone"] == "title"


# ---------------------------------------------------------------- the engine, in Chromium

WORKER = """async (queries) => {
  const config = JSON.parse(document.getElementById("__config").textContent);
  const base = new URL(config.base, location.href);
  const index = await (await fetch(new URL("search/search_index.json", base))).json();
  const worker = new Worker(new URL(config.search, base));
  const ask = message => new Promise(resolve => {
    worker.onmessage = event => resolve(event.data);
    worker.postMessage(message);
  });
  await ask({type: 0, data: {config: index.config, docs: index.docs, options: {suggest: false}}});
  const out = {};
  for (const query of queries) out[query] = (await ask({type: 2, data: query})).data.items;
  worker.terminate();
  return out;
}"""

EXTRA = ["child pornography", "transfer of organs", "sex offender registers", "a false sense of security",
         '"a false sense of security"', '"a false sense of safety"', "Lanzarote Convention art. 22", "deepfakes",
         "offense", "offence", "criminalise", "criminalize", "groming", "livestreaming", "live streaming",
         "grooming zebra", "article 3 (1) (c)", "art. 3(1)(c)", "Art 3.1.c", "article 3 OPSC",
         "Palermo Protocol article 3(a)", "CRC article 34", "article 22", "such material", "CSAM",
         "labor", "programs", "paedophile", "sex", "of", "a"]
NUMBER_FORMS = ["{n}", "para {n}", "para. {n}", "§ {n}", "paragraph {n}", "guideline {n}"]
PINPOINTS = ["97(e)", "para 97 (e)", "paragraph 97 e)", "97 e", "§ 100 (c)", "child sex tourism", "kidney",
             "victim compensation scheme", "sale of children adoption", "definition of sale of children",
             "can a child be prosecuted for sexting?", "what if my kid sends nudes", "art 3(1)(a)"]


@pytest.fixture(scope="module")
def results(browser, server):
    """{query: Material's result groups} from the built worker, for the query set and these tests."""
    queries = ([q["q"] for q in QUERIES + QUESTIONS + QUESTIONS_DEV] + EXTRA + PINPOINTS
               + [f.format(n=n) for n in range(1, 114) for f in NUMBER_FORMS])
    context = browser.new_context()
    page = context.new_page()
    page.goto(server + "/")
    out = page.evaluate(WORKER, list(dict.fromkeys(queries)))
    context.close()
    return out


ENGINE_WORDS = """async (extra) => {
  // The built engine in this page (its message listener stays idle: nobody posts to the page).
  const config = JSON.parse(document.getElementById("__config").textContent);
  const base = new URL(config.base, location.href);
  await new Promise((resolve, reject) => {
    const script = Object.assign(document.createElement("script"), {src: new URL(config.search, base).href});
    script.onload = resolve; script.onerror = reject; document.head.append(script);
  });
  const index = await (await fetch(new URL("search/search_index.json", base))).json();
  const docs = index.docs.concat(extra.map(text => ({location: "test/", title: "", text: text, zone: "commentary"})));
  const engine = new Engine(index.config, docs);
  // Every word of every entry, as tokens() cuts and folds it word by word.
  const words = new Set();
  engine.docs.forEach(d => {
    const title = ["title", "box", "page", "index"].includes(d.zone) ? d.title : "";
    [title, d.zone === "title" ? "" : d.text].forEach(text => engine.tokens(text || "").forEach(t => words.add(t.word)));
  });
  return {scanned: [...engine.vocabulary.keys()].sort(), folded: [...words].sort()};
}"""


def test_the_index_reads_each_word_as_a_query_folds_it(page, server):
    """Indexing lower-cases a text whole where that folds every word as folding it alone would (an ASCII text,
    or one whose other characters are caseless quotation marks and dashes), and folds word by word where it
    would not: accents, a dotted capital I, a final sigma, a combining accent."""
    page.goto(server + "/")
    extra = ["Ramírez “quoted” — text", "İSTANBUL and ΣΟΦΙΑΣ", "café naïve", "«guillemets» § 42 ¶ 3 · Item",
             "CAPITALS “Quoted” – Dash…", "Combining e\u0301 accent", "µ micro ª ordinal", "KELVIN \u212a sign"]
    out = page.evaluate(ENGINE_WORDS, extra)
    assert out["scanned"] == out["folded"]
    assert {"ramirez", "istanbul", "σοφιας", "cafe", "naive", "quoted", "item", "capitals"} <= set(out["scanned"])
    # The characters the engine lower-cases with the text's ASCII, as Unicode maps them: none changes.
    source = (ROOT / "macros" / "search_worker.js").read_text(encoding="utf-8")
    ranges = re.search(r"var CASELESS = /\^\[\\x00-\\x7f((?:\\u[0-9a-f]{4}-\\u[0-9a-f]{4})+)\]\*\$/;", source)
    assert ranges, "CASELESS is not where this test reads it"
    chars = [chr(c) for a, b in re.findall(r"\\u([0-9a-f]{4})-\\u([0-9a-f]{4})", ranges.group(1))
             for c in range(int(a, 16), int(b, 16) + 1)]
    assert len(chars) == 32 + 110
    changed = [hex(ord(c)) for c in chars if c.lower() != c or unicodedata.normalize("NFD", c) != c]
    assert not changed, changed


def address(location):
    """A result's address without the words it asks the page to mark (?h=…)."""
    page, _, fragment = location.partition("#")
    return page.split("?")[0] + ("#" + fragment if fragment else "")


def pages(groups):
    return [address(g[0]["location"]).split("#")[0] for g in groups]


def missing(group):
    return sorted({t for item in group for t, found in item["terms"].items() if not found})


def rank(groups, expect):
    wanted = {para(n) for n in expect}
    return next((i + 1 for i, p in enumerate(pages(groups)[:10]) if p in wanted), None)


def test_the_query_set_meets_its_targets(results):
    """recall@5 ≥ 0.95, recall@1 ≥ 0.80, every phrase first or second (issue 9); by kind, too."""
    assert len(QUERIES) >= 100
    ranks = {q["q"]: rank(results[q["q"]], q["expect"]) for q in QUERIES}
    at = lambda k, qs: sum(1 for q in qs if ranks[q["q"]] and ranks[q["q"]] <= k) / len(qs)  # noqa: E731
    misses = [(q["q"], q["expect"], pages(results[q["q"]])[:5]) for q in QUERIES if not ranks[q["q"]]
              or ranks[q["q"]] > 5]
    assert at(5, QUERIES) >= 0.95, misses
    assert at(1, QUERIES) >= 0.80
    phrases = [q for q in QUERIES if q["kind"] == "phrase"]
    assert len(phrases) >= 20 and at(2, phrases) == 1.0, [(q["q"], ranks[q["q"]]) for q in phrases]
    for kind in {q["kind"] for q in QUERIES}:
        assert at(5, [q for q in QUERIES if q["kind"] == kind]) >= 0.9, kind


def test_questions_in_readers_words_meet_their_targets(results):
    """Issue 19: on questions and long descriptions held out from tuning, recall@5 ≥ 0.95 and recall@1 ≥ 0.80;
    the set the engine was tuned on no lower."""
    for queries in (QUESTIONS, QUESTIONS_DEV):
        assert len(queries) >= 75 and {q["kind"] for q in queries} == {"question", "description"}
        ranks = {q["q"]: rank(results[q["q"]], q["expect"]) for q in queries}
        at = lambda k: sum(1 for q in queries if ranks[q["q"]] and ranks[q["q"]] <= k) / len(queries)  # noqa: E731
        misses = [(q["q"], q["expect"], pages(results[q["q"]])[:5]) for q in queries
                  if not ranks[q["q"]] or ranks[q["q"]] > 5]
        assert at(5) >= 0.95, misses
        assert at(1) >= 0.80, [(q["q"], ranks[q["q"]]) for q in queries if ranks[q["q"]] != 1]


def test_question_words_weigh_nothing_and_everyday_words_find_the_reports(results):
    # "can", "what if", "my" take nothing from the content words: the page on sexting and self-generated
    # material answers, whether the question says "sexting" or "nudes".
    assert pages(results["can a child be prosecuted for sexting?"])[0] in {para(42), para(67), para(71)}
    assert pages(results["what if my kid sends nudes"])[0] in {para(42), para(67)}
    # The definitions entry of the very term asked comes right after the paragraph that defines it.
    top = pages(results["child sex tourism"])
    assert top[0] == para(59) and top[1] == "definitions/", top[:4]
    # A list of contents never outranks the paragraph it points to.
    assert pages(results["victim compensation scheme"])[0].startswith("paragraphs/")
    # A paragraph whose title is the query comes first; "adopted" in passing does not make an answer.
    assert pages(results["definition of sale of children"])[0] == para(46)
    assert pages(results["sale of children adoption"])[0] in {para(50), para(46)}


def test_a_pinpoint_opens_the_guideline_item(results):
    for query in ("97(e)", "para 97 (e)", "paragraph 97 e)", "97 e"):
        group = results[query][0]
        assert address(group[0]["location"]) == para(97), query
        # The passage under the page's title, where its link leads (docs/js/site.js): item (e) of the Guideline.
        assert address(group[1]["location"]) == para(97) + "#guideline-e", (query, group[1]["location"])
    assert address(results["§ 100 (c)"][0][1]["location"]) == para(100) + "#guideline-c"
    # A number alone opens the Guideline text, never a commentary passage.
    for n in (42, 59, 97):
        first = address(results[str(n)][0][1]["location"])
        assert first.startswith(para(n) + "#guideline-"), first


def test_excerpts_and_titles_never_repeat_words(results):
    texts = [item["text"] + " " + item["title"] for g in results["child sex tourism"] for item in g]
    assert texts and not any(re.search(r"\b(\w+) (?:</?mark>)*\1\b", unescape(t), re.I) for t in texts), texts


def test_no_dead_end(results):
    """A word the report never uses finds the report's word for it."""
    group = results["kidney"][0]
    assert pages(results["kidney"])[0] == para(47)
    assert "organs" in " ".join(item["text"] for item in group).lower()
    assert parse_qs(urlparse(group[0]["location"]).query)["h"][0].count("organ")


def test_a_citation_does_not_ask_the_page_to_mark_article(results):
    for group in results["art 3(1)(a)"][:5]:
        for item in group:
            marks = parse_qs(urlparse(item["location"]).query).get("h", [""])[0]
            assert "article" not in marks.lower(), item["location"]


def test_every_word_counts(results):
    # Paragraph 60 defines child sexual abuse material (child pornography): first, holding both words.
    groups = results["child pornography"]
    assert pages(groups)[0] == para(60)
    assert not missing(groups[0])
    # The pages that hold every word come before those that hold some, which say which word they miss.
    flags = [bool(missing(g)) for g in groups]
    assert flags == sorted(flags)
    assert pages(results["transfer of organs"])[0] == para(47)
    # "of" is a stop word, never a prefix: no result is there for "offences" or "offering".
    found = {t for g in results["transfer of organs"] for item in g for t, ok in item["terms"].items() if ok}
    assert not {t for t in found if t.startswith("of")}, found
    assert results["of"] == [] and results["a"] == []
    # A title that shares one word ("Sexting") is a boost, not a trump card.
    top = pages(results["sex offender registers"])
    assert top[0] == para(34) and para(42) not in top[:3], top[:5]
    # A word found nowhere: every result says so.
    groups = results["grooming zebra"]
    assert pages(groups)[0] == para(68)
    assert all("zebra" in missing(g) for g in groups)


def test_phrases_with_and_without_quotes(results):
    assert pages(results["a false sense of security"])[0] == para(34)
    strict = results['"a false sense of security"']
    assert pages(strict) == [para(34)], pages(strict)
    assert re.search(r"create a <mark>false sense of security</mark>",
                     " ".join(item["text"] for item in strict[0])), strict[0]
    # Quotes make it strict: the same words in another order or with another word find nothing.
    assert results['"a false sense of safety"'] == []


def test_terms_of_art_spellings_and_typos(results):
    assert pages(results["CSAM"])[0] == para(60)
    assert pages(results["deepfakes"])[0] == para(63)  # the text says "deep fakes"
    assert para(61) in pages(results["livestreaming"])[:3]
    paragraphs = lambda q: [p for p in pages(results[q]) if p.startswith("paragraphs/")][:3]  # noqa: E731
    assert paragraphs("livestreaming") == paragraphs("live streaming")
    assert pages(results["offense"]) == pages(results["offence"])
    assert pages(results["criminalize"]) == pages(results["criminalise"]) != []
    assert pages(results["groming"])[0] == para(68)
    labour = {t for g in results["labor"] for item in g for t, ok in item["terms"].items() if ok}
    assert "labour" in labour, labour
    assert results["programs"]
    # A word the report never uses finds the report's own term (content/terminology.yaml, bridges).
    found = {t for item in results["paedophile"][0] for t, ok in item["terms"].items() if ok}
    assert any("offender" in t for t in found), found
    # The word being typed is a prefix, but a short one of three letters or more only.
    assert pages(results["sex"])[:1] != []


def test_citations(results, index):
    for query in ("article 3 (1) (c)", "art. 3(1)(c)", "Art 3.1.c"):
        assert set(pages(results[query])[:2]) == {para(61), para(65)}, (query, pages(results[query])[:4])
    assert pages(results["article 3 OPSC"])[0] in {para(n) for n in (43, 44, 14, 77, 16, 59, 47, 50)}
    # Article 22 of the Lanzarote Convention, not article 22 of anything else.
    lanzarote = pages(results["Lanzarote Convention art. 22"])
    assert lanzarote[0] == para(70)
    cites = {}
    for d in index["docs"]:
        cites.setdefault(d["location"].split("#")[0], set()).update(d.get("cite", []))
    assert all("lanzarote:22" in cites[p] for p in lanzarote), lanzarote
    assert pages(results["Palermo Protocol article 3(a)"])[0] == para(49)
    crc = pages(results["CRC article 34"])
    assert crc and all(any(k.startswith("crc:34") for k in cites[p]) for p in crc), crc
    # Without an instrument, an article is the Optional Protocol's first; the Protocol has 17, so
    # "article 22" finds other instruments' article 22.
    assert pages(results["article 22"])[0] == para(70)
    assert all(any(k.endswith(":22") for k in cites[p]) for p in pages(results["article 22"]))


def test_a_paragraph_number_puts_that_paragraph_first(results):
    wrong = [(f.format(n=n), pages(results[f.format(n=n)])[:2]) for n in range(1, 114) for f in NUMBER_FORMS
             if pages(results[f.format(n=n)])[:1] != [para(n)]]
    assert not wrong, wrong


def test_excerpts_mark_the_words_and_show_footnote_numbers_as_printed(results):
    group = results["such material"]
    texts = {address(item["location"]): item["text"] for g in group for item in g}
    excerpt = texts.get("paragraphs/60/#commentary-2", "")
    assert "<mark>material</mark>.<sup>138</sup>" in excerpt, excerpt


# ---------------------------------------------------------------- the search box

def search_box(page, query):
    """Type a query into Material's search box; the result items once they answer it."""
    box = page.locator(".md-search__input")
    box.fill("")
    page.keyboard.press("Backspace")
    page.wait_for_function("() => !document.querySelector('.md-search-result__item')")
    box.type(query)
    page.wait_for_function(
        "q => document.querySelector('.md-search__input').value === q && "
        "document.querySelector('.md-search-result__item')", arg=query)
    page.wait_for_timeout(150)  # the last keystroke's results
    return page.locator(".md-search-result__item")


def path_of(url):
    return urlparse(url).path.lstrip("/")


def test_typing_in_the_search_box_and_landing_on_the_passage(page, server, tmp_path_factory):
    page.goto(server + "/")
    page.keyboard.press("/")
    items = search_box(page, "transfer of organs")
    first = items.first.locator("a.md-search-result__link")
    title_link, passage_link = first.nth(0).get_attribute("href"), first.nth(1).get_attribute("href")
    # The page's title opens the page at the passage shown under it, with the words to mark.
    assert title_link == passage_link, (title_link, passage_link)
    url = urlparse(title_link)
    assert path_of(title_link) == para(47) and url.fragment.startswith("guideline-")
    assert "transfer" in parse_qs(url.query)["h"][0]
    shots = tmp_path_factory.getbasetemp() / "screenshots"
    shots.mkdir(exist_ok=True)
    page.screenshot(path=str(shots / "search-results.png"))
    first.nth(0).click()
    page.wait_for_url("**/paragraphs/47/**")
    page.wait_for_selector("mark[data-md-highlight]")
    marks = page.eval_on_selector_all("article mark[data-md-highlight]",
                                      "els => els.map(m => [m.textContent.toLowerCase(), m.closest('[id]').id])")
    assert ["transfer", urlparse(page.url).fragment] in marks, marks


def test_pages_with_some_words_come_after_a_line_that_says_so(page, server):
    page.goto(server + "/paragraphs/42/")
    page.keyboard.press("/")
    search_box(page, "grooming zebra")
    page.wait_for_selector(".md-search-result__list .search-partial")
    line = page.locator(".search-partial").inner_text()
    assert "some of the words" in line
    assert "zebra" in page.locator(".md-search-result__item .md-search-result__terms").first.inner_text()
    # A query whose every word is found: no such line.
    search_box(page, "sexting")
    page.wait_for_timeout(200)
    assert page.locator(".search-partial").count() == 0


def test_a_citation_query_marks_its_words_not_every_letter(page, server):
    """A result leads to ?h=…; only words worth marking are marked on the page."""
    page.goto(server + "/paragraphs/61/?h=1+3+article+c#guideline")
    page.wait_for_selector("mark[data-md-highlight]")
    marks = {m.lower() for m in page.locator("article mark[data-md-highlight]").all_inner_texts()}
    assert marks == {"article"}, marks
    page.goto(server + "/paragraphs/42/?h=42")
    page.wait_for_selector("mark[data-md-highlight]")
    assert "42" in page.locator("article mark[data-md-highlight]").all_inner_texts()


def test_the_citation_address_leaves_out_the_search_words(page, server):
    """Arriving from a search result (?h=…, at a local address), the citation gives the published address."""
    page.goto(server + "/paragraphs/42/?h=sexting#guideline")
    page.wait_for_selector("mark[data-md-highlight]")
    address = page.locator("#citation-text .page-url").inner_text()
    assert address == page.locator('link[rel="canonical"]').get_attribute("href"), address
    assert address.endswith("/paragraphs/42/") and "?" not in address


def test_every_page_uses_the_editions_search_worker(site):
    for path in ("index.html", "paragraphs/42/index.html", "good-practice/index.html", "404.html"):
        html = (site / path).read_text(encoding="utf-8")
        config = json.loads(unescape(re.search(r'<script id="?__config"?[^>]*>(.*?)</script>', html, re.S).group(1)))
        assert config["search"].endswith("search/worker.js"), (path, config["search"])
    worker = (site / "search" / "worker.js").read_text(encoding="utf-8")
    assert worker.startswith("/**\n * lunr - http://lunrjs.com") and "Engine.prototype.search" in worker


@pytest.mark.slow  # reads the whole of WordNet
def test_the_wordnet_bridge_is_what_wordnet_and_the_report_give():
    """macros/wordnet.json is derived, not edited: scripts/wordnet_bridge.py gives it again from WordNet 3.1
    (installed by scripts/setup.sh --tests) and the report; and it leads everyday words to the report's."""
    import subprocess
    import sys
    result = subprocess.run([sys.executable, "scripts/wordnet_bridge.py"], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    table = json.loads((ROOT / "macros" / "wordnet.json").read_text(encoding="utf-8"))
    assert table["porn"] == ["pornography"] and "imprison" in table["jail"]
    assert "child" not in table and "grooming" not in table  # the report's own words need no bridge
