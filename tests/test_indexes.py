"""The indexes a lawyer asks of the report (issue 12): articles of the Optional Protocol linked where they are
mentioned, other instruments kept apart, cases, terms and acronyms, each from a reviewed list in content/."""

import re
from html import unescape
from pathlib import Path

import pytest

from macros.errors import ContentError
from macros.lists import read_lists
from macros.passages import passages

ROOT = Path(__file__).resolve().parent.parent
LISTS = read_lists(ROOT / "content")


def page_html(site, path):
    return (site / path / "index.html").read_text(encoding="utf-8")


def section(html, anchor, end="<h"):
    """What follows the element with this id, up to the next heading (quoted or not, as the minifier left it)."""
    m = re.search(rf'id="?{re.escape(anchor)}"?[ >]', html)
    assert m, anchor
    return html[m.end():].split(end)[0] if end else html[m.end():]


def links(html):
    """[(href, words)] of a page's links."""
    return [(unescape(h), unescape(re.sub(r"<[^>]+>", "", w)))
            for h, w in re.findall(r'<a [^>]*?href="?([^" >]+)"?[^>]*>(.*?)</a>', html)]


# ---------------------------------------------------------------- articles, where they are mentioned

# paragraph page, the words of the link, where it leads
MENTION_LINKS = [
    (16, "art. 3", "../../articles/#article-3"),
    (16, "art. 4", "../../articles/#article-4"),
    (16, "art. 5", "../../articles/#article-5"),
    (61, "article 3 (1) (c)", "../../articles/#article-3-1-c"),
    (47, "article 3 (1) (a) (i)", "../../articles/#article-3-1-a-i"),
    (77, "Article 3(3)", "../../articles/#article-3-3"),
    (66, "article 9 (5)", "../../articles/#article-9-5"),
    (59, "Articles 2", "../../articles/#article-2"),
    (100, "article 9 (3)", "../../articles/#article-9-3"),
    (45, "Article 3, paragraph 2", "../../articles/#article-3-2"),
    # A misprint corrected in content/editorial.yaml, with a note beside the link.
    (46, "Article 3(a)(ii)", "../../articles/#article-3-1-a-ii"),
    # Other instruments' articles lead to theirs.
    (70, "Article 22", "../../instruments/#lanzarote-22"),
    (55, "Article 34(b)", "../../instruments/#crc-34-b"),
    (49, "Article 3(a)", "../../instruments/#palermo-3-a"),
    (93, "article 3", "../../instruments/#crc-3"),
]


@pytest.mark.parametrize("n, words, href", MENTION_LINKS)
def test_each_form_of_mention_links_to_its_entry(site, n, words, href):
    assert (href, words) in links(page_html(site, f"paragraphs/{n}")), (n, words)


def test_the_misprinted_article_says_what_is_meant(site):
    html = page_html(site, "paragraphs/46")
    assert re.search(r"Article 3\(a\)\(ii\)</a> <span class=\"?editorial-note\"?>\[article 3 \(1\) \(a\) \(ii\) is "
                     r"meant\]</span>", html)


def test_no_other_instruments_article_links_to_the_optional_protocol(site):
    """Wherever a link leads to articles/, the instrument named right after it is the Optional Protocol or none."""
    other = re.compile(r"^\s*(?:\([^)]*\)\s*)*(?:of\s+(?:the\s+)?)?(?:CRC|Convention|Lanzarote|Palermo|ILO|C182|"
                       r"Charter|Directive|European|African|Hague)\b")
    checked = 0
    for n in range(1, 114):
        html = page_html(site, f"paragraphs/{n}")
        for m in re.finditer(r'<a [^>]*href="?[./]*articles/#article-[^>]*>[^<]*</a>', html):
            after = re.sub(r"<[^>]+>", "", html[m.end():m.end() + 200])
            assert not other.match(after), (n, m.group(0), after[:60])
            checked += 1
    assert checked >= 70, checked


def _instrument_names():
    """{name as printed: instrument id}, {generic word: kind}, {id: kind}, read from content/instruments.yaml
    as YAML, not through the code that links."""
    import yaml
    data = yaml.safe_load((ROOT / "content" / "instruments.yaml").read_text(encoding="utf-8"))
    names = {n: i["id"] for i in data["instruments"] for n in i["names"]}
    kinds = {i["id"]: i.get("kind") for i in data["instruments"]}
    generic = {w: (g["kind"], g["otherwise"]) for g in data["generic"] for w in g["words"]}
    return names, generic, kinds


def test_no_instruments_article_links_to_another_instrument(site):
    """Every page: an article link with an instrument named right after it ("of the Lanzarote Convention",
    " CRC", "of the Convention") or right before it ("ILO C182, Article 8", "in its Article 26") leads to that
    instrument's entry; for a word such as "the Convention", to the instrument of that kind its passage last
    named in full, or the one the file gives where it named none."""
    names, generic, kinds = _instrument_names()
    alternation = "|".join(re.escape(n) for n in sorted([*names, *generic], key=len, reverse=True))
    after = re.compile(rf"^(?:\s*\([^)]*\))*,?\s*(?:paragraphs?\s+\d+(?:\s*\([a-z]\))?,?\s*)?"
                       rf"(?:of\s+(?:the\s+|its\s+)?)?({alternation})(?![\w/])")
    before = re.compile(rf"(?<![\w/])({alternation})(?:’s)?,?\s*(?:in its\s+|\(\s*)?$")
    full = re.compile("(?<![\\w/])(" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
                      + ")(?![\\w/])")
    checked, by_kind = 0, 0
    for page in sorted(site.rglob("index.html")):
        html = page.read_text(encoding="utf-8")
        for m in re.finditer(r'<a class="?cite"? href="?[./]*(articles|instruments)/#([^" >]+)"?[^>]*>[^<]*</a>', html):
            anchor = m.group(2)
            target = "opsc" if m.group(1) == "articles" else max((i for i in kinds if anchor.startswith(i + "-")),
                                                                  key=len)
            text_after = unescape(re.sub(r"<[^>]+>", "", html[m.end():m.end() + 300]))
            text_before = unescape(re.sub(r"<[^>]+>", "", html[max(0, m.start() - 300):m.start()]))
            for found in (after.match(text_after), before.search(text_before)):
                if not found:
                    continue
                name = found.group(1)
                if name in names:
                    assert names[name] == target, (str(page.relative_to(site)), m.group(0), name)
                else:
                    # The passage (its <p> or <li>) up to the link: the instruments it named in full.
                    start = max(html.rfind("<p", 0, m.start()), html.rfind("<li", 0, m.start()))
                    passage = unescape(re.sub(r"<[^>]+>", "", html[start:m.start()]))
                    kind, otherwise = generic[name]
                    named = [names[n] for n in full.findall(passage) if kinds[names[n]] == kind]
                    expected = named[-1] if named else otherwise
                    assert target == expected, (str(page.relative_to(site)), m.group(0), name, passage[-120:])
                    by_kind += 1
                checked += 1
    assert checked >= 200 and by_kind >= 5, (checked, by_kind)


# ---------------------------------------------------------------- articles/

def test_articles_index_gives_subjects_paragraphs_titles_and_kinds(site, report):
    html = page_html(site, "articles")
    for a in LISTS.articles:
        assert re.search(rf'<h2 id="?article-{a.number}"?>Article {a.number} · {re.escape(a.subject)}', unescape(html)), a
    assert "this edition’s short heading" in unescape(html)
    part = section(html, "article-3-1-c", "<h")
    found = links(part)
    assert ("../paragraphs/61/", "61") in found and ("../paragraphs/61/#guideline-1", "Guidelines") in found
    assert report.paragraph(61).title in unescape(part)
    # Sub-provisions under their article, in order.
    ids = re.findall(r'<h[23] id="?(article-3[^" >]*)', html)
    assert ids[:5] == ["article-3", "article-3-1", "article-3-1-a", "article-3-1-a-i", "article-3-1-a-ii"], ids
    # An article no passage cites says so.
    assert re.search(r'id="?article-1"?>.*?</h2>\s*<p>No passage of the report cites this article', html)
    # The misprint is listed where it is meant, saying how it was printed.
    part = section(html, "article-3-1-a-ii", "<h")
    assert "printed “Article 3(a)(ii)”" in unescape(part) and "../paragraphs/46/#commentary-3" in part


# ---------------------------------------------------------------- cases

@pytest.mark.parametrize("case_id, paragraph", [
    ("fafce-v-ireland", 58), ("ramirez-escobar-v-guatemala", 15), ("mexico-scjn-due-diligence", 94),
    ("iacthr-compensation", 104), ("iacthr-enhanced-due-diligence", 94),
])
def test_the_cases_the_report_discusses_are_on_case_law(site, case_id, paragraph):
    html = page_html(site, "case-law")
    part = section(html, case_id, "<h3")
    assert (f"../paragraphs/{paragraph}/", str(paragraph)) in links(part)


def test_every_case_names_its_body_and_year_where_printed(site):
    text = unescape(page_html(site, "case-law"))
    for case in LISTS.cases:
        assert case.body in text and case.name in text
        if case.year:
            assert f"{case.name} ({case.year})" in text
    assert "FAFCE v. Ireland (2014)" in text and "Ramírez Escobar et al. v. Guatemala (2018)" in text
    assert "Complaint 89/2013" in text
    # The report's case-law box stays, at its published address.
    assert 'id="case-law-1-15"' in page_html(site, "case-law") or "id=case-law-1-15" in page_html(site, "case-law")


# ---------------------------------------------------------------- terms

def test_the_glossary_has_a_heading_and_a_paragraph_link_for_every_term(site):
    html = page_html(site, "definitions")
    for t in LISTS.terms:
        part = section(html, t.id, "<h2")
        assert any(re.match(r"\.\./paragraphs/\d+/#", h) for h, _ in links(part)), t.id
    for term in ("sale of children", "child pornography", "sexual activities", "by whatever means",
                 "offering, delivering or accepting a child", "child sexual abuse material",
                 "sexual extortion", "grooming", "live streaming"):
        assert any(t.term.startswith(term) for t in LISTS.terms), term
    # The report's ICT definition box stays.
    assert "ICT encompass any communication device" in unescape(html)


# Terms issue 20 found missing: (id, the heading, a paragraph whose words define it).
ADDED_TERMS = [
    ("orphanage-tourism", "Orphanage tourism", 36),
    ("diversion", "Diversion", 71),
    ("joint-investigation-teams", "Joint investigation teams (JITs)", 109),
    ("barnahus", "Barnahus (“children’s house”)", 96),
    ("extraterritorial-jurisdiction", "Extraterritorial jurisdiction", 82),
]


@pytest.mark.parametrize("ident, heading, n", ADDED_TERMS)
def test_the_terms_the_report_defines_are_in_the_glossary(site, ident, heading, n):
    html = unescape(page_html(site, "definitions"))
    assert re.search(rf'<h2 id="?{ident}"?>{re.escape(heading)}', html), ident
    part = section(html, ident, "<h2")
    assert any(h.startswith(f"../paragraphs/{n}/#") for h, _ in links(part)), (ident, links(part))
    assert f'href="#{ident}"' in html or f"href=#{ident}" in html  # in the list of terms at the top


def test_legacy_and_preferred_terms_point_at_each_other(site):
    by_id = {t.id: t for t in LISTS.terms}
    assert "child-sexual-abuse-material" in by_id["child-pornography"].see
    assert "child-pornography" in by_id["child-sexual-abuse-material"].see
    html = unescape(page_html(site, "definitions"))
    part = section(html, "child-pornography", "<h2")
    assert "Terminology" in part and "#child-sexual-abuse-material" in part


def test_every_defining_quotation_is_the_reports_own_words(report):
    texts = [re.sub(r"\s+", " ", s.text) for s in passages(report)]
    for t in LISTS.terms:
        for quote in t.defined:
            assert sum(quote in text for text in texts) == 1, (t.id, quote[:50])


# ---------------------------------------------------------------- acronyms

CANDIDATE = re.compile(r"(?<![\w/.@:-])([A-Z][A-Za-z]*[A-Z][A-Za-z]*)(?![\w/@-])")
URL = re.compile(r"(?:https?://|www\.)\S+")


def reader_texts(report):
    return [s.text for s in passages(report)] + [b.text for b in report.front_matter]


def test_every_acronym_of_the_text_is_in_the_list(report):
    known = set(LISTS.expansions()) | set(LISTS.not_acronyms)
    found = {m.group(1) for text in reader_texts(report) for m in CANDIDATE.finditer(URL.sub(" ", text))}
    missing = sorted(w for w in found if w not in known)
    assert not missing, missing
    assert {"OPSC", "CRC", "ICT", "IWG", "SECTT", "NGO", "CSAM"} <= set(LISTS.expansions())


def test_every_acronym_on_a_paragraph_page_has_its_expansion_there(site, report):
    words = LISTS.expansions()
    pattern = re.compile(r"(?<![\w/.@:-])(" + "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
                         + r")(?![\w/@-]|\.\w)")
    checked = 0
    for p in report.paragraphs:
        html = page_html(site, f"paragraphs/{p.number}")
        shown = {(w, unescape(a or b or c)) for a, b, c, w in
                 re.findall(r"""<abbr title=(?:"([^"]*)"|'([^']*)'|([^ >"']+))>([^<]+)</abbr>""", html)}
        texts = [s.text for s in passages(report) if s.paragraph == p.number and s.zone != "box"]
        for text in texts:
            for m in pattern.finditer(URL.sub(" ", text)):
                assert (m.group(1), words[m.group(1)]) in shown, (p.number, m.group(1))
                checked += 1
    assert checked > 300, checked


def test_an_acronym_shows_its_expansion_on_focus_and_tap(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 800}, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(server + "/paragraphs/35/")
    first = page.locator("abbr", has_text="SECTT").first
    assert first.get_attribute("tabindex") == "0"
    first.focus()
    tip = page.locator(".md-tooltip2").filter(has_text="travel and tourism")
    tip.wait_for(state="visible", timeout=3000)
    page.keyboard.press("Escape")
    page.goto(server + "/paragraphs/59/")
    later = page.locator("abbr", has_text="OPSC").nth(2)
    assert later.get_attribute("tabindex") is None  # one tab stop per acronym and page
    later.scroll_into_view_if_needed()
    later.tap()
    page.locator(".md-tooltip2").filter(has_text="Optional Protocol").wait_for(state="visible", timeout=3000)
    context.close()


# ---------------------------------------------------------------- targets, and bad lists

@pytest.mark.parametrize("path", ["articles", "case-law", "definitions"])
def test_index_links_are_finger_sized(page, server, path):
    page.goto(f"{server}/{path}/")
    boxes = page.locator(".cited-in a, .quote-source a, .index-jump a").evaluate_all(
        "els => els.slice(0, 40).map(e => { const r = e.getBoundingClientRect(); return [r.width, r.height]; })")
    assert boxes and all(w >= 24 and h >= 24 for w, h in boxes), boxes


def test_a_list_of_paragraph_numbers_reads_with_its_commas_close(page, server):
    """/instruments/ "paragraphs 6, 11, 93": each number stands at the right of its finger-sized box, so that no
    gap opens before the comma ("6 , 11 , 93")."""
    page.goto(f"{server}/instruments/")
    gaps = page.locator("#crc-3 a.n").evaluate_all("""els => els.map(e => {
        const range = document.createRange(); range.selectNodeContents(e);
        return [e.getBoundingClientRect().right - range.getBoundingClientRect().right,
                e.getBoundingClientRect().width]; })""")
    assert len(gaps) >= 3 and all(gap < 1 and width >= 24 for gap, width in gaps), gaps


def test_a_quotation_not_in_the_report_names_its_file_and_line(tmp_path, report):
    from macros.lists import place
    for name in ("articles.yaml", "glossary.yaml", "acronyms.yaml"):
        (tmp_path / name).write_bytes((ROOT / "content" / name).read_bytes())
    (tmp_path / "cases.yaml").write_text("cases:\n  - id: x\n    name: X v. Y\n    body: A court\n    at: [no such words]\n",
                                         encoding="utf-8")
    case = read_lists(tmp_path).cases[0]
    with pytest.raises(ContentError, match=r"cases.yaml:2: “no such words” should be found in exactly one passage"):
        place(report, tmp_path / "cases.yaml", case.line, case.at[0])
    (tmp_path / "cases.yaml").write_text("cases:\n  - id: x\n    body: A court\n    at: [a]\n", encoding="utf-8")
    with pytest.raises(ContentError, match=r"cases.yaml:2: case: expected `name` \(text\)"):
        read_lists(tmp_path)


def test_the_indexes_have_a_page_of_their_own_that_the_navigation_opens(site):
    """"Indexes" in the navigation leads to a page listing every index with what it holds, not to the first."""
    from macros.pages.indexes import INDEXES
    html = page_html(site, "indexes")
    for index in INDEXES:
        assert re.search(rf'<li><a href="?\.\./{index.path.removesuffix(".md")}/"? ?>{re.escape(index.title)}</a>: '
                         rf'{re.escape(index.summary)}\.</li>', unescape(html)), index.path
    for path in ("paragraphs/42", "resources", "about"):
        nav = page_html(site, path)
        section = re.search(r'<label[^>]*>\s*(?:<a [^>]*href="?([^" >]+)"?[^>]*>)?\s*Indexes', nav) or \
            re.search(r'<a [^>]*href="?([^" >]+)"?[^>]*>\s*(?:<span[^>]*>)?\s*Indexes\b', nav)
        assert section and section.group(1).rstrip("/").endswith("indexes"), (path, section and section.group(0))


def test_every_index_and_every_box_kind_has_its_page(report):
    """macros/pages: each index of INDEXES (one entry there) is written by the registry of page kinds
    (PAGE_KINDS) at its path, with its title as heading, and each kind of box names an index of INDEXES."""
    from macros.callouts import KINDS
    from macros.pages import PAGE_KINDS
    from macros.pages.blocks import Marks
    from macros.pages.indexes import INDEXES
    from macros.pages.site import Site
    from macros.edition import Edition
    from macros.instruments import read_instruments
    registry = read_instruments(ROOT / "content" / "instruments.yaml")
    site = Site(report, Edition("1.0", "2026-01-01"), registry, LISTS, ROOT / "content", Marks(registry))
    names = [k.name for k in PAGE_KINDS]
    assert len(names) == len(set(names))
    for index in INDEXES:
        assert names.count(index.path) == 1, index.path
    assert {k.index for k in KINDS} <= {i.path for i in INDEXES}
    iwg = next(i for i in INDEXES if i.path == "iwg-advice.md")
    path, md = iwg.build(site)
    assert path == "iwg-advice.md" and "\n# The IWG’s advice\n" in md and "[Read it with paragraph" in md


def test_each_box_is_gathered_on_the_index_its_kind_names(site, report):
    """macros/callouts.py: a kind's `index` is the page that shows its boxes, each linked to its place; the
    navigation lists every index of macros/pages/indexes/__init__.py's INDEXES."""
    from macros.callouts import KINDS
    from macros.pages.indexes import INDEXES

    # The navigation of an index page (pruned, it shows its own section whole) lists them all.
    nav = page_html(site, "resources").replace('"', "")
    for index in INDEXES[1:]:
        assert f'href=../{index.path.removesuffix(".md")}/' in nav, index.path
    gathered = 0
    for kind in KINDS:
        html = page_html(site, kind.index.removesuffix(".md"))
        for p in report.paragraphs:
            for c in p.callouts:
                if c.type == kind.type:
                    assert f"../paragraphs/{p.number}/#{c.id}" in html.replace('"', ""), (kind.index, p.number, c.id)
                    gathered += 1
    assert gathered == 72


# ---------------------------------------------------------------- the provisions' words

# (article, provision, paragraph, passage, the report's words): each shown under its article on articles/,
# marked as a quotation, with a link to the passage that prints it.
PROVISION_WORDS = [
    (2, "2 (a)", 47, "commentary-1", "sale of children means any act or transaction whereby a child is transferred"),
    (2, "2 (a)", 46, "guideline-1", "any act or transaction whereby a child is transferred by any person or a group"),
    (2, "2 (b)", 53, "guideline-1", "the use of a child in sexual activities for remuneration or any other form"),
    (2, "2 (c)", 60, "guideline-1", "any representation, by whatever means, of a child engaged in real or simulated"),
    (2, "2 (c)", 63, "commentary-2", "any representation of a child"),
    (3, "3 (1) (a) (i)", 47, "guideline-b", "Transfer of organs of the child for profit"),
    (3, "3 (1) (a) (ii)", 50, "guideline-b", "in violation of applicable international legal instruments on adoption"),
    (3, "3 (1) (b)", 56, "guideline-1", "offering, obtaining, procuring or providing a child for prostitution"),
    (3, "3 (1) (c)", 65, "guideline-1", "producing, distributing, disseminating, importing, exporting, offering"),
    (3, "3 (2)", 45, "guideline-1", "attempts to commit any of the said acts and complicity or participation"),
    (3, "3 (3)", 77, "commentary-1", "punishable by appropriate penalties that take into account their grave nature"),
    (9, "9 (1)", 31, "commentary-1", "Particular attention shall be given to protect children who are especially"),
    (9, "9 (4)", 104, "commentary-1", "those legally responsible"),
    (10, "10 (3)", 32, "commentary-2", "poverty and underdevelopment, contributing to the vulnerability of children"),
]


def quotations(html, article):
    """[(provision, words, href)] of the report's words shown under an article's heading on articles/."""
    part = section(html, f"article-{article}", "<h2")
    return [(unescape(p), unescape(w), unescape(h)) for p, w, h in re.findall(
        r'<blockquote class="?provision-words"?>\s*<p><span class="?provision"?>Article ([^<:]+):</span> “(.*?)”</p>'
        r'\s*<p class="?quote-source"?>— (?:quoted in|set out in) <a href="?([^" >]+)"?', part, re.S)]


@pytest.mark.parametrize("article, provision, paragraph, anchor, words", PROVISION_WORDS)
def test_articles_show_the_words_the_report_prints_of_each_under_the_right_article(site, article, provision,
                                                                                   paragraph, anchor, words):
    html = page_html(site, "articles")
    found = quotations(html, article)
    assert any(p == provision and words in w and h == f"../paragraphs/{paragraph}/#{anchor}" for p, w, h in found), \
        found
    # Under that article only.
    others = [q for n in range(1, 18) if n != article for q in quotations(html, n)]
    assert not any(words in w for _, w, _ in others)


def test_every_listed_quotation_stands_in_one_passage_as_printed_and_is_shown(site, report):
    """Each `quoted` entry of content/articles.yaml is in exactly one passage (within its quotation marks where
    the report quotes it), and articles/ shows it under its article, linked to that passage."""
    from macros.lists import place
    html = page_html(site, "articles")
    count = 0
    for a in LISTS.articles:
        shown = quotations(html, a.number)
        for q in a.quoted:
            s = place(report, ROOT / "content" / "articles.yaml", q.line, q.found_as)
            assert q.words in " ".join(s.text.split())
            assert (q.provision, q.words, f"../paragraphs/{s.paragraph}/#{s.anchor}") in shown, q
            count += 1
    assert count == sum(len(quotations(html, n)) for n in range(1, 18)) >= len(PROVISION_WORDS)
    # An article the report never quotes shows none.
    assert quotations(html, 4) == [] and quotations(html, 1) == []


def _articles_page_with(tmp_path, report, entry):
    """articles/ built from content/ with one `quoted` entry for article 2 put in place of its own."""
    from macros.pages.indexes.articles import articles_page
    from macros.instruments import read_instruments
    for name in ("cases.yaml", "glossary.yaml", "acronyms.yaml"):
        (tmp_path / name).write_bytes((ROOT / "content" / name).read_bytes())
    (tmp_path / "articles.yaml").write_text(
        "articles:\n  - number: 1\n    subject: Prohibition\n  - number: 2\n    subject: Definitions\n"
        "    quoted:\n" + entry, encoding="utf-8")
    return articles_page(report, read_instruments(ROOT / "content" / "instruments.yaml"), read_lists(tmp_path),
                         tmp_path)


@pytest.mark.parametrize("entry, error", [
    # Words the report does not print: the build stops at the entry's line.
    ('      - provision: "2 (a)"\n        words: "no such words"\n        how: quoted\n        why: x\n',
     r"articles.yaml:7: “no such words” should be found in exactly one passage, found in no passage"),
    # Words the report prints, but not within quotation marks: not "quoted".
    ('      - provision: "3 (1) (a) (i)"\n        words: "offering, delivering or accepting a child for the purpose of"\n'
     '        how: quoted\n        why: x\n', r"articles.yaml:7: expected `provision` \(article 2, as “2 \(1\) \(a\)”\), found “3 \(1\) \(a\) \(i\)”"),
    ('      - provision: "2 (a)"\n        words: "offering, delivering or accepting a child for the purpose of"\n'
     '        how: quoted\n        why: x\n', r"articles.yaml:7: “offering, delivering .* found in no passage"),
    # Words in more than one passage.
    ('      - provision: "2 (a)"\n        words: "remuneration or any other consideration"\n        how: restated\n'
     '        why: x\n', r"articles.yaml:7: .* found in \d+ passages \(paragraphs 46, "),
    ('      - provision: "2 (a)"\n        words: "sale"\n        how: paraphrased\n        why: x\n',
     r"articles.yaml:9: quotation: `how` is 'paraphrased'; expected one of quoted, restated"),
    ('      - provision: "2 (a)"\n        words: "sale"\n        how: restated\n',
     r"articles.yaml:7: quotation: expected `why` \(text\)"),
    ('      - provision: "2 (a)"\n        words: "sale"\n        how: restated\n        why: x\n'
     '        within: "other words"\n', r"articles.yaml:11: `within` should hold the words “sale”"),
])
def test_a_bad_quotation_of_an_article_stops_the_build_at_its_line(tmp_path, report, entry, error):
    with pytest.raises(ContentError, match=error):
        _articles_page_with(tmp_path, report, entry)



# ---------------------------------------------------------------- official texts

# (instrument, where its official text is published): every such link on instruments/, opening safely.
OFFICIAL = [
    ("crc", "http://legal.un.org/"), ("opic", "http://treaties.un.org/"),
    ("lanzarote", "https://www.coe.int/"), ("eu-directive-2011-93", "https://eur-lex.europa.eu/"),
    ("eu-directive-2011-36", "https://eur-lex.europa.eu/"), ("hague-1993", "https://www.hcch.net/"),
    ("coe-trafficking", "https://www.coe.int/"), ("palermo", "https://www.ohchr.org/"),
    ("c182", "https://www.ilo.org/dyn/normlex/"), ("echr", "https://www.echr.coe.int/"),
    ("esc", "https://www.coe.int/en/web/european-social-charter"),
]


@pytest.mark.parametrize("ident, host", OFFICIAL)
def test_instruments_link_their_official_texts_as_external_links(site, ident, host):
    from macros.instruments import read_instruments
    inst = {i.id: i for i in read_instruments(ROOT / "content" / "instruments.yaml")}[ident]
    assert inst.official.url.startswith(host) and inst.official.checked
    part = section(page_html(site, "instruments"), ident, "<h2")
    m = re.search(r'Official text: <a ([^>]*)>([^<]+)</a>', part)
    assert m, ident
    attrs = m.group(1)
    assert unescape(re.search(r'href="?([^" >]+)"?', attrs).group(1)) == inst.official.url
    assert 'rel="noopener noreferrer"' in attrs and "target=_blank" in attrs.replace('"', "")
    assert unescape(m.group(2)) == inst.official.source


def test_every_official_address_recorded_is_shown_where_its_instrument_is(site):
    """Every instrument with an `official` address that /instruments/ lists shows it; and no other link there
    leaves the site."""
    from macros.instruments import read_instruments
    html = page_html(site, "instruments")
    listed = [i for i in read_instruments(ROOT / "content" / "instruments.yaml")
              if i.official and re.search(rf'<h2 id="?{re.escape(i.id)}"?', html)]
    assert {i.id for i in listed} == {ident for ident, _ in OFFICIAL}
    external = [unescape(h) for h, _ in links(html) if h.startswith("http")]
    assert sorted(external) == sorted(i.official.url for i in listed)


@pytest.mark.parametrize("official, says", [
    ('{url: "ftp://x", source: a, checked: b}',
     r"official text: `url` is 'ftp://x'; expected an address, http:// or https://$"),
    ('{url: "https://x", source: a}', r"official text: expected `checked` \(text\)$"),
    ('{url: "https://x", source: a, checked: b, note: c}',
     r"official text: unknown key `note`; expected `url`, `source`, `checked`$"),
    ('"https://x"', r"instrument: `official` is 'https://x'; expected an official text, or null$"),
])
def test_an_official_address_needs_its_source_and_what_checked_it(tmp_path, official, says):
    from macros.instruments import read_instruments
    text = (ROOT / "content" / "instruments.yaml").read_text(encoding="utf-8")
    # The CRC's own `official` replaced by a bad one.
    text, n = re.subn(r"(  - id: crc\n(?:    .*\n)*?)    official:\n(?:      .*\n)+", lambda m: m.group(1) +
                      f"    official: {official}\n", text, count=1)
    assert n == 1
    (tmp_path / "instruments.yaml").write_text(text, encoding="utf-8")
    lines = text.splitlines()
    line = lines.index(f"    official: {official}", lines.index("  - id: crc")) + 1
    with pytest.raises(ContentError, match=rf"instruments.yaml:{line}: {says}"):
        read_instruments(tmp_path / "instruments.yaml")


def test_articles_opens_with_the_optional_protocols_official_text(site):
    """The Optional Protocol's own text, at OHCHR, heads articles/, as an external link that opens safely."""
    html = page_html(site, "articles")
    m = re.search(r'Official text: <a ([^>]*)>([^<]+)</a>', html)
    assert m and unescape(m.group(2)) == "Office of the UN High Commissioner for Human Rights"
    assert "ohchr.org/en/instruments-mechanisms/instruments/optional-protocol-convention-rights-child-sale" in m.group(1)
    assert html.index("Official text:") < re.search(r'id="?article-1\b', html).start()


def test_the_optional_protocols_official_text_heads_articles_when_recorded(report, tmp_path):
    """articles/ gives the Optional Protocol's official text at its top, once content/ records one."""
    from dataclasses import replace
    from macros.pages.indexes.articles import articles_page
    from macros.instruments import Official, read_instruments
    registry = read_instruments(ROOT / "content" / "instruments.yaml")
    official = Official("https://example.org/opsc", "A publisher", "a stored copy")
    registry = replace(registry, instruments=tuple(replace(i, official=official) if i.id == "opsc" else i
                                                   for i in registry))
    _, md = articles_page(report, registry, LISTS, ROOT / "content")
    assert md.index("Official text: [A publisher](https://example.org/opsc).") < md.index("## Article 1 ")
