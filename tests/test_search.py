"""Search: Material's client-side search (lunr.js in a Web Worker) over the whole site.

Two engines answer the same questions about the built search/search_index.json:

- `MaterialSearch`, lunr.py set up as Material's worker sets up lunr.js (fields and boosts from the
  index's config, b = 0, the config's pipeline, Material's HTML-aware tokenizer with the config's
  separator, Material's query transform, its post-query boosts and its grouping by page), so that
  every paragraph number and every citation can be checked in a second;
- Material's own worker, started in Chromium from the built site and sent the index and the
  queries as Material's page does, which checks the same outcomes in the real engine and the
  copy against it; then the search box itself, typed into as a reader does.

Material's worker, for reference (assets/javascripts/workers/search.*.min.js, source in its map):
fields title ×1000, text ×1 and any the config adds; each document's `boost`; tokens are the
text between HTML tags split with `new RegExp(config.separator)` (JavaScript: \\w and \\d ASCII,
\\s Unicode), lowercased; pipeline: the config's (stop words only, no stemmer, no trimmer);
every query word gets a trailing * unless it has a + or - in front; score × (1 + b²) where b is
1 for a page (not a section) plus the share of query words matched; results grouped by page.
"""

import json
import re
from html import unescape
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from lunr.builder import Builder
from lunr.query_lexer import QueryLexer
from lunr.stemmer import stemmer
from lunr.stop_word_filter import WORDS as STOP_WORDS, stop_word_filter
from lunr.trimmer import trimmer

# ---------------------------------------------------------------- Material's search, in Python

# What \s means in a JavaScript RegExp without the u flag (Python's re.ASCII \s is narrower).
JS_SPACE = "\\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"


def js_regex(pattern):
    """A JavaScript RegExp (no flags) as a Python pattern that means the same: \\w \\d ASCII, \\s wide."""
    out, i, in_class = [], 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            esc = pattern[i:i + 2]
            out.append((JS_SPACE if in_class else f"[{JS_SPACE}]") if esc == "\\s" else esc)
            i += 2
            continue
        in_class = (in_class or c == "[") and not (in_class and c == "]")
        out.append(c)
        i += 1
    return re.compile("".join(out), re.ASCII)


def split(text, separator):
    """Material's split(): the non-empty pieces between separator matches (empty matches allowed)."""
    out, start = [], 0
    for m in separator.finditer(text):
        if start < m.start():
            out.append(text[start:m.start()])
        start = m.end()
    if start < len(text):
        out.append(text[start:])
    return out


def text_sections(markup):
    """Material's extract(): the text between tags (tags are never tokens)."""
    out, start, end = [], 0, 0
    while end < len(markup):
        if markup[end] == "<" and end > start:
            out.append(markup[start:end])
            start = end
        elif markup[end] == ">":
            start = end + 1
        end += 1
    if end > start:
        out.append(markup[start:end])
    return out


def tokenize(value, separator):
    """Material's tokenize(): lowercased pieces of each text section."""
    if value is None:
        return []
    return [piece.lower() for v in (value if isinstance(value, list) else [value])
            for section in text_sections(v) for piece in split(section, separator)]


def transform_query(query, separator):
    """Material's transformSearchQuery(): quoted parts required, words split with the separator,
    a trailing * on every word without a +/- in front."""
    query = query.strip()
    parts = re.split(r'"([^"]+)"', query)
    query = "".join(re.sub(r"^\b|^(?![^\x00-\x7F]|$)|\s+", " +", part) if i & 1 else part
                    for i, part in enumerate(parts))
    query = re.sub(r'"|(?:^|\s+)[*+\-:^~]+(?=\s+|$)', "", query)
    terms = []
    for part in re.split(r"\s+", query):
        lexer = QueryLexer(part)
        lexer.run()
        for lexeme in lexer.lexemes:
            if lexeme["type"] == QueryLexer.FIELD and lexeme["string"] not in ("title", "text", "tags"):
                part = part[:lexeme["end"]] + " " + part[lexeme["end"] + 1:]
            elif lexeme["type"] == QueryLexer.TERM:
                terms += [part[:lexeme["start"]] + piece + part[lexeme["end"]:]
                          for piece in split(lexeme["string"], separator)]
    terms = [t + "1" if re.search(r"[~^]$", t) else t for t in terms]
    return " ".join(t if re.search(r"(^[+-]|[~^]\d+$)", t) else t + "*" for t in terms)


class MaterialSearch:
    """Material's search worker over a search_index.json, in lunr.py."""

    def __init__(self, index):
        config, docs = index["config"], index["docs"]
        self.separator = js_regex(config["separator"])
        self.docs, self.parent = {}, {}
        for doc in docs:
            page = doc["location"].split("#")[0]
            if page in self.docs:
                self.parent[doc["location"]] = page
            self.docs.setdefault(page, doc)
            self.docs[doc["location"]] = doc
        builder = Builder()
        builder.b(0)
        for name, fn in (("trimmer", trimmer), ("stopWordFilter", stop_word_filter), ("stemmer", stemmer)):
            if name in config["pipeline"]:
                builder.pipeline.add(fn)
        if "stemmer" in config["pipeline"]:
            builder.search_pipeline.add(stemmer)
        builder.ref("location")
        for name, spec in config["fields"].items():
            # lunr.py wraps the words of a list as they are: Material's tokenizer runs here.
            builder.field(name, boost=spec.get("boost", 1),
                          extractor=lambda doc, name=name: tokenize(doc.get(name), self.separator))
        for doc in docs:
            builder.add(doc, {"boost": doc["boost"]} if doc.get("boost") else {})
        self.index = builder.build()

    def search(self, query):
        """[(page, [(score, location), ...]), ...], best first, as Material lists them."""
        query = transform_query(query, self.separator)
        if not query:
            return []
        clauses = list(dict.fromkeys(term.lstrip("+").strip("*").lower()
                                     for term in query.split() if not term.startswith("-")))
        items = []
        for result in self.index.search(query):
            matched, found = list(result["match_data"].metadata), {}
            for clause in clauses:
                if any(term.startswith(clause) for term in matched):
                    found[clause] = True
                elif clause not in STOP_WORDS:
                    found[clause] = False
            boost = (result["ref"] not in self.parent) + (sum(found.values()) / len(found) if found else 0)
            items.append((result["score"] * (1 + boost ** 2), result["ref"]))
        items.sort(key=lambda item: -item[0])
        groups = {}
        for score, location in items:
            groups.setdefault(self.parent.get(location, location), []).append((score, location))
        return list(groups.items())

    def pages(self, query):
        return [page for page, _ in self.search(query)]


# ---------------------------------------------------------------- fixtures and helpers

@pytest.fixture(scope="module")
def index(site):
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def material(index):
    return MaterialSearch(index)


def plain(markup):
    return unescape(re.sub(r"<[^>]+>", " ", markup))


def para(n):
    return f"paragraphs/{n}/"


def number_queries(n):
    return [f"{n}", f"para {n}", f"paragraph {n}", f"para. {n}", f"§ {n}"]


def citing(index, pattern):
    """Paragraph pages whose indexed text cites what `pattern` matches."""
    regex = re.compile(pattern, re.I)
    return {d["location"].split("#")[0] for d in index["docs"]
            if d["location"].startswith("paragraphs/") and regex.search(plain(d["text"]))}


ART = r"\bart(?:icles?|s?\.)\s*"
CITATIONS = {  # query: what a paragraph's text must say to be a right first answer
    "article 3 (1) (c)": ART + r"3\s*\(\s*1\s*\)\s*\(\s*c\s*\)",
    "article 3(1)(c)": ART + r"3\s*\(\s*1\s*\)\s*\(\s*c\s*\)",
    "article 3": ART + r"3\b",
    "article 10": ART + r"10\b",
    "article 2 (c)": ART + r"2\s*\(\s*c\s*\)",
}
# Words of the text that occur only inside typographic quotes, only inside parentheses, or only
# right before a footnote marker, with the page that holds them (first result).
HIDDEN_WORDS = {
    "voluntourism": "paragraphs/23/",    # “voluntourism”, also (“voluntourism”) in 35
    "drowned": "paragraphs/22/",         # not “drowned” in the broader approach
    "loipr": "paragraphs/10/",           # the List of Issues prior to Reporting (LOIPR)
    "personnel": "paragraphs/34/",       # prison service personnel⁹⁸
}


# ---------------------------------------------------------------- the index

def test_the_index_carries_the_separator_and_the_fields(index):
    config = index["config"]
    assert config["lang"] == ["en"] and config["pipeline"] == ["stopWordFilter"]
    separator = config["separator"]
    assert "(?<=" in separator, "the lookbehind that splits a word from a glued number"
    re.compile(separator)  # Python's re reads it too
    fields = config["fields"]
    assert fields["title"]["boost"] == 1000 and fields["text"]["boost"] == 1
    hidden = {"paragraph", "number1", "number2", "number3", "article", "article1", "article2", "provision"}
    assert hidden <= set(fields)
    # "Cite this paragraph", the same words on 113 pages, is not indexed.
    assert not [d["location"] for d in index["docs"] if re.match(r"paragraphs/\d+/#cite$", d["location"])]


def test_separator_splits_quotes_parentheses_dashes_and_glued_numbers(index):
    js = js_regex(index["config"]["separator"])
    native = re.compile(index["config"]["separator"])
    for text, words in {
        "“grooming”14": ["grooming", "14"],
        "(“voluntourism”)": ["voluntourism"],
        "children (images, videos…)": ["children", "images", "videos"],
        "States parties’ attention; child’s": ["States", "parties", "attention", "child", "s"],
        "paragraphs 16–18 and §42, e.g. 5.2": ["paragraphs", "16", "18", "and", "42", "e", "g", "5.2"],
        "article 3(1)(c)": ["article", "3", "1", "c"],
        "CRC/C/156": ["CRC", "C", "156"],
        "about/#fn:r44": ["about", "fn", "r", "44"],
    }.items():
        assert split(text, js) == words, text
        assert split(text, native) == words, text
    # Material's tokenizer never sees the tags: a footnote marker is its own token.
    assert tokenize("terms such as “grooming”<sup>14</sup>, “sexting”", js) == \
        ["terms", "such", "as", "grooming", "14", "sexting"]
    # In the browser, \w is ASCII: a non-ASCII letter stays glued to a number (the word is still
    # found, as a prefix); Python's own re would split it.
    assert split("café14", js) == ["café14"] and split("café14", native) == ["café", "14"]


def test_hidden_fields_hold_only_the_pages_own_number_and_words(index):
    separator = js_regex(index["config"]["separator"])
    seen = 0
    for doc in index["docs"]:
        page = re.match(r"paragraphs/(\d+)/(#.*)?$", doc["location"])
        number = [doc[f] for f in ("number1", "number2", "number3") if f in doc]
        if page and not page.group(2):
            assert number == [page.group(1)] and doc["paragraph"] == "paragraph", doc["location"]
        else:
            assert not number and "paragraph" not in doc, doc["location"]
        own = set(tokenize(doc["title"], separator) + tokenize(doc["text"], separator))
        for field in ("article", "article1", "article2", "provision"):
            if field in doc:
                assert page, doc["location"]
                seen += 1
                words = set(tokenize(doc[field], separator))
                if field == "article":  # the text may say "art."
                    assert words == {"article"} and {"article", "art"} & own, doc["location"]
                else:  # "Article 3.1" is one token, 3.1
                    pieces = own | {piece for token in own for piece in token.split(".")}
                    assert words <= pieces, (doc["location"], field, words - pieces)
    assert seen > 100


def test_guideline_and_titles_weigh_more_than_commentary(index, material):
    boosts = {d["location"]: d.get("boost", 1) for d in index["docs"]}
    for n in (5, 16, 42, 113):
        assert boosts[para(n)] == boosts[para(n) + "#top"] == 3, n
        assert boosts[para(n) + "#commentary"] == 2, n
    assert boosts["good-practice/"] == 1
    # A word found once in one Guideline and once in another paragraph's commentary, and nowhere
    # else: the Guideline comes first.
    separator = material.separator
    where = {}
    for doc in index["docs"]:
        for word in set(tokenize(doc["title"], separator) + tokenize(doc["text"], separator)):
            if word.isalpha() and len(word) > 3:
                where.setdefault(word, []).append(doc["location"])
    pairs = []
    for word, places in where.items():
        anchors = sorted(p.split("#", 1)[-1] for p in places)
        pages = {p.split("#")[0] for p in places}
        if len(places) == 2 and anchors == ["commentary", "top"] and len(pages) == 2 and \
                all(p.startswith("paragraphs/") for p in places):
            ranked = material.pages(word)
            counts = [len(re.findall(rf"\b{word}", plain(material.docs[p]["text"]), re.I)) for p in places]
            if counts == [1, 1] and len(ranked) == 2:
                guideline = next(p for p in places if p.endswith("#top")).split("#")[0]
                pairs.append((word, ranked[0] == guideline))
    assert len(pairs) >= 10, pairs
    assert all(ok for _, ok in pairs), [w for w, ok in pairs if not ok]
    # A word of a paragraph's title puts that paragraph first.
    assert material.pages("sexting")[0] == para(42)
    assert material.pages("grooming")[0] == para(68)


# ---------------------------------------------------------------- words

def test_every_word_of_the_text_can_be_found(index, material):
    """Every word of every entry's text starts one of the entry's tokens, so that Material's "word*"
    query finds it: in quotes, brackets, after a slash or a dash, before a footnote marker. A word is a
    run of letters not glued after a letter, digit, _ or % ("1st", "168071cb" and the file names of
    addresses have none)."""
    missing = []
    for doc in index["docs"]:
        tokens = set(tokenize(doc["title"], material.separator) + tokenize(doc["text"], material.separator))
        for word in set(re.findall(r"(?<![\w%])[^\W\d_]+", plain(doc["title"] + " " + doc["text"]))):
            word = word.lower()
            if word not in STOP_WORDS and not any(t.startswith(word) for t in tokens):
                missing.append((doc["location"], word))
    assert not missing, missing[:20]


@pytest.mark.parametrize("word", sorted(HIDDEN_WORDS))
def test_words_inside_quotes_parentheses_or_before_a_footnote_are_found(material, word):
    assert material.pages(word)[0] == HIDDEN_WORDS[word]


def test_grooming_finds_the_paragraph_on_grooming_and_the_one_with_the_footnote(material):
    results = dict(material.search("grooming"))
    assert next(iter(results)) == para(68)
    # Paragraph 5's commentary has “grooming” followed by footnote 14.
    assert para(5) + "#commentary" in [location for _, location in results[para(5)]]


# ---------------------------------------------------------------- numbers and citations

def test_a_paragraph_number_puts_that_paragraph_first(material):
    wrong = [(q, material.pages(q)[:3]) for n in range(1, 114) for q in number_queries(n)
             if material.pages(q)[:1] != [para(n)]]
    assert not wrong, wrong


@pytest.mark.parametrize("query", sorted(CITATIONS))
def test_a_citation_finds_the_paragraphs_that_cite_it(index, material, query):
    right = citing(index, CITATIONS[query])
    assert right, query
    ranked = material.pages(query)
    assert ranked[0] in right, (ranked[:5], sorted(right))
    if "(" in query:
        # lunr has no phrases: a paragraph citing article 2 (a) and (b) also has "2" and "article";
        # the ones citing the very provision come within a few places.
        assert right <= set(ranked[:len(right) + 3]), (ranked[:len(right) + 3], sorted(right))


def test_article_3_1_c_is_paragraphs_61_and_65(index, material):
    assert citing(index, CITATIONS["article 3 (1) (c)"]) == {para(61), para(65)}
    assert set(material.pages("article 3 (1) (c)")[:2]) == {para(61), para(65)}


# ---------------------------------------------------------------- Material's own worker

WORKER_SEARCH = """async (queries) => {
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
  for (const query of queries) {
    const {data} = await ask({type: 2, data: query});
    out[query] = data.items.map(group => [group[0].location.split("#")[0],
                                          Math.max(...group.map(item => item.score))]);
  }
  worker.terminate();
  return out;
}"""


@pytest.fixture(scope="module")
def worker_results(browser, server, index):
    """The real worker's ranking of pages for every query these tests ask."""
    queries = [q for n in range(1, 114) for q in number_queries(n)] + sorted(CITATIONS) + sorted(HIDDEN_WORDS)
    queries += ["grooming", "sexting", "child pornography", "hotline", "“grooming”", "(LOIPR)",
                "optional protocol"]
    context = browser.new_context()
    page = context.new_page()
    page.goto(server + "/")
    results = page.evaluate(WORKER_SEARCH, queries)
    context.close()
    return results


def test_the_worker_puts_every_paragraph_number_first(worker_results):
    wrong = [(q, [p for p, _ in worker_results[q][:3]]) for n in range(1, 114) for q in number_queries(n)
             if [p for p, _ in worker_results[q][:1]] != [para(n)]]
    assert not wrong, wrong


def test_the_worker_finds_citations_and_hidden_words(index, worker_results):
    for query, pattern in CITATIONS.items():
        assert worker_results[query][0][0] in citing(index, pattern), (query, worker_results[query][:3])
    assert {p for p, _ in worker_results["article 3 (1) (c)"][:2]} == {para(61), para(65)}
    for word, page in HIDDEN_WORDS.items():
        assert worker_results[word][0][0] == page, (word, worker_results[word][:3])
    assert para(5) in [p for p, _ in worker_results["grooming"]]
    assert worker_results["“grooming”"][0][0] == para(68) and worker_results["(LOIPR)"][0][0] == para(10)


def test_the_python_copy_ranks_as_the_worker_does(material, worker_results):
    """The copy's first page is the worker's for every query (ties aside), and its scores agree."""
    differ = []
    for query, ranked in worker_results.items():
        mine = [(page, max(score for score, _ in hits)) for page, hits in material.search(query)]
        tie = len(ranked) > 1 and ranked[1][1] > ranked[0][1] * (1 - 1e-3)
        if mine[0][0] != ranked[0][0] and not tie:
            differ.append((query, mine[:2], ranked[:2]))
        elif abs(mine[0][1] - ranked[0][1]) > ranked[0][1] * 1e-3:
            differ.append((query, mine[0], ranked[0]))
    assert not differ, differ[:10]


def test_the_browser_compiles_the_separator(page, server):
    page.goto(server + "/")
    pieces = page.evaluate("""async () => {
      const index = await (await fetch("search/search_index.json")).json();
      const separator = new RegExp(index.config.separator, "g");
      return ["“grooming”14", "(“voluntourism”)", "16–18 §42", "3(1)(c)"]
        .map(s => s.split(separator).filter(Boolean));
    }""")
    assert pieces == [["grooming", "14"], ["voluntourism"], ["16", "18", "42"], ["3", "1", "c"]]


# ---------------------------------------------------------------- the search box

def search_box(page, query):
    """Type a query into Material's search box; each result's (page's) link, once they answer it."""
    box = page.locator(".md-search__input")
    if box.input_value():
        box.fill("")
        page.keyboard.press("Backspace")  # Material reads the box on keyup
        page.wait_for_function("() => !document.querySelector('.md-search-result__item')")
    box.type(query)
    last = transform_query(query, re.compile(r"[\s()]+")).split()[-1].strip("*+").lower()
    # Results for this query: a link of the first result highlights its last word.
    page.wait_for_function(
        """word => [...document.querySelectorAll(".md-search-result__item:first-child a")].some(
               a => (new URL(a.href).searchParams.get("h") || "").split(" ").includes(word))""",
        arg=last)
    return page.eval_on_selector_all(".md-search-result__item",
                                     "items => items.map(li => li.querySelector('a').href)")


def path_of(url):
    return urlparse(url).path.lstrip("/")


def test_typing_in_the_search_box(page, server, tmp_path_factory):
    page.goto(server + "/")
    page.keyboard.press("/")
    for query, first in [("42", para(42)), ("para 42", para(42)), ("paragraph 42", para(42)), ("7", para(7)),
                         ("grooming", para(68)), ("voluntourism", para(23)), ("personnel", para(34))]:
        links = search_box(page, query)
        assert path_of(links[0]) == first, (query, links[:3])
    links = search_box(page, "article 3 (1) (c)")
    assert {path_of(u) for u in links[:2]} == {para(61), para(65)}, links[:3]
    shots = tmp_path_factory.getbasetemp() / "screenshots"
    shots.mkdir(exist_ok=True)
    page.screenshot(path=str(shots / "search-in-progress.png"))


def test_following_a_result_highlights_the_words(page, server):
    page.goto(server + "/")
    page.keyboard.press("/")
    search_box(page, "grooming")
    # Paragraph 5's commentary: “grooming” right before footnote 14.
    link = page.locator(".md-search-result__item a[href*='paragraphs/5/'][href*='#commentary']").first
    link.click()
    page.wait_for_url("**/paragraphs/5/**")
    url = urlparse(page.url)
    assert parse_qs(url.query)["h"] == ["grooming"] and url.fragment == "commentary"
    page.wait_for_selector("mark[data-md-highlight]")
    marks = page.eval_on_selector_all("article mark[data-md-highlight]",
                                      "els => els.map(m => [m.textContent, m.closest('[id]').id])")
    assert marks and all(text.lower() == "grooming" for text, _ in marks), marks
    # The word in the passage where footnote 14 follows it is marked.
    passage = page.locator("#fnref\\:r14").evaluate("sup => sup.closest('p').id")
    assert ["grooming", passage] in marks, marks
    # A word of a Guideline, from the first result's section link (the page's own link carries no
    # words when only a section matched: Material's way).
    page.goto(server + "/")
    page.keyboard.press("/")
    search_box(page, "sextortion")
    first = page.locator(".md-search-result__item").first
    first.locator("a[href*='h=sextortion']").first.click()
    page.wait_for_url("**/paragraphs/69/**")
    page.wait_for_selector("mark[data-md-highlight]")
    assert [m.lower() for m in page.locator("mark[data-md-highlight]").all_inner_texts()][0] == "sextortion"


def test_the_citation_address_leaves_out_the_search_words(page, server):
    """Arriving from a search result, the page's citation gives the page's address, not the search."""
    page.goto(server + "/paragraphs/42/?h=sexting#guideline")
    page.wait_for_selector("mark[data-md-highlight]")
    address = page.locator("#citation-text .page-url").inner_text()
    assert address == server + "/paragraphs/42/", address


def test_a_citation_query_marks_its_words_not_every_letter(page, server):
    """“article 3 (1) (c)” leads to ?h=1+3+article+c; only “article” is worth marking on the page."""
    page.goto(server + "/paragraphs/61/?h=1+3+article+c#guideline")
    page.wait_for_selector("mark[data-md-highlight]")
    marks = {m.lower() for m in page.locator("article mark[data-md-highlight]").all_inner_texts()}
    assert marks == {"article"}, marks
    assert parse_qs(urlparse(page.url).query)["h"] == ["article"]
    # A paragraph number stays marked.
    page.goto(server + "/paragraphs/42/?h=42")
    page.wait_for_selector("mark[data-md-highlight]")
    assert "42" in page.locator("article mark[data-md-highlight]").all_inner_texts()
