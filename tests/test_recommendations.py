"""The checklist of the Committee's recommendations (macros/recommendations.py, content/recommendations.yaml),
the themes (macros/themes.py, content/themes.yaml) and the files made of them (macros/checklist_export.py):
counted against the Guidelines' text, every sentence accounted for, the files read back with their libraries."""

import csv
import io
import json
import re
import zipfile
from collections import Counter
from pathlib import Path

import markdown
import openpyxl
import pytest

from macros.build import load_edition
from macros.checklist_export import HEADER, cells, checklist_json, to_csv, to_xlsx
from macros.errors import ContentError
from macros.instruments import read_instruments
from macros.lists import read_lists
from macros.pages import render_site
from macros.pages.checklist import checklist_files, recommendations_page
from macros.pages.paths import theme_path
from macros.pages.themes import theme_page, theme_tags, themes_page
from macros.passages import passages
from macros.recommendations import (COMMITTEE, MEASURE, STATES, Rule, Strength, read_checklist, read_decisions,
                                    rulings, sentences, verb_group)
from macros.themes import Theme, Themes, read_themes

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
BASE = "https://example.org/opsc/"


@pytest.fixture(scope="module")
def registry(report):
    return read_instruments(CONTENT / "instruments.yaml").with_misprints(report.apparatus)


@pytest.fixture(scope="module")
def checklist(report, registry):
    return read_checklist(report, registry, CONTENT)


@pytest.fixture(scope="module")
def site_pages(report):
    """Every page and file the registry of page kinds writes (macros/pages/), without MkDocs."""
    return render_site(report, load_edition(ROOT, BASE), read_instruments(CONTENT / "instruments.yaml"),
                       read_lists(CONTENT), CONTENT)


@pytest.fixture(scope="module")
def ruled(report):
    return rulings(report, read_decisions(CONTENT / "recommendations.yaml"))


def test_every_sentence_of_the_guidelines_is_ruled(report, ruled):
    """Each sentence once, in order, with a rule and a reason; a recommendation has a verb of its words."""
    assert [r.sentence for r in ruled] == list(sentences(report))
    assert len(ruled) == 317
    assert Counter(r.rule for r in ruled) == {
        Rule.COMMITTEE: 61, Rule.MEASURE: 53, Rule.ITEM: 42, Rule.STATES: 31, Rule.REVIEWED: 23,
        Rule.DESCRIBES: 94, Rule.LEAD: 9, Rule.STATES_LAW: 4}
    for r in ruled:
        assert r.reason.strip()
        assert (r.verb is None) == (r.strength is None)
        if r.verb and r.rule != Rule.ITEM:
            assert r.verb in r.sentence.text, r
    # What the rules call descriptive holds none of the words that ask; a reviewed case says why.
    for r in ruled:
        if r.rule == Rule.DESCRIBES:
            assert not (STATES.search(r.sentence.text) or MEASURE.search(r.sentence.text)), r.sentence.text
            m = COMMITTEE.search(r.sentence.text)
            assert m is None, r.sentence.text


def test_the_sentences_that_are_not_recommendations(ruled):
    nots = [r for r in ruled if r.verb is None]
    assert len(nots) == 116
    by_reason = Counter(r.rule for r in nots)
    assert by_reason == {Rule.DESCRIBES: 94, Rule.LEAD: 9, Rule.STATES_LAW: 4, Rule.REVIEWED: 9}
    def said(n, opening):
        return next(r for r in nots if r.sentence.paragraph == n and r.sentence.text.startswith(opening))
    assert said(112, "The private sector should").reason == "asks the private sector, not States"
    assert said(15, "The Committee reminds States parties that").rule == Rule.STATES_LAW  # not trafficking
    assert said(33, "To that end, States parties should:").rule == Rule.LEAD


def test_counts_by_verb_against_the_text(report, ruled, checklist):
    """Every sentence that holds one of the Committee's verbs is ruled by that verb (a row, or the lead of a
    list whose items are), save where "reminds" and the like state the law; the counts as measured."""
    text = [s.text for s in sentences(report)]
    printed = {v: sum(1 for t in text if re.search(rf"\b{v}\b", t))
               for v in ("urges", "recommends", "encourages", "reminds", "emphasizes")}
    assert printed == {"urges": 12, "recommends": 14, "encourages": 23, "reminds": 7, "emphasizes": 5}
    for v in ("urges", "recommends", "encourages"):
        ruled_by = [r for r in ruled if re.search(rf"\b{v}\b", r.sentence.text)]
        assert all(r.rule == Rule.LEAD or v in (r.verb or "") for r in ruled_by), v
    rows = checklist.rows
    assert len(rows) == 201
    assert Counter(verb_group(r.rec.verb) for r in rows) == {
        "should": 110, "encourages": 24, "recommends": 19, "must": 16, "urges": 12, "reminds": 12, "emphasizes": 8}
    assert Counter(r.rec.strength for r in rows) == {Strength.RECOMMENDS: 136, Strength.URGES: 41,
                                                     Strength.ENCOURAGES: 24}
    assert Strength.URGES > Strength.RECOMMENDS > Strength.ENCOURAGES


def test_each_recommendation_stands_in_the_report_once(report, checklist):
    guideline = [s for s in passages(report) if s.zone == "guideline"]
    blocks = {(p.number, b.id): b for p in report.paragraphs for b in p.guideline}
    for row in checklist.rows:
        rec = row.rec
        block = blocks[(rec.paragraph, rec.anchor)]
        assert block.text[rec.start:rec.start + len(rec.words)] == rec.words
        assert block.text.count(rec.words) == 1
        assert [(s.paragraph, s.anchor) for s in guideline if rec.words in s.text] == [(rec.paragraph, rec.anchor)]


def test_lists_take_their_leads_verb_and_articles_are_the_protocols(checklist):
    rows = {(r.rec.paragraph, r.rec.anchor, r.rec.words[:30]): r.rec for r in checklist.rows}
    item = rows[(28, "guideline-a", "Develop and conduct long-term ")]
    assert (item.verb, item.strength) == ("should", Strength.RECOMMENDS)
    item = rows[(97, "guideline-c", "Providing free legal aid, incl")]
    assert (item.verb, item.strength) == ("reminds", Strength.URGES)
    urges = rows[(18, "guideline-1", "The Committee urges States par")]
    assert urges.words.endswith("but treats them as victims.")
    law = rows[(16, "guideline-1", "Legislative measures should in")]
    assert law.articles == ("article 3", "article 4", "article 5", "article 7")
    # "articles 2, 3, 6 and 12" of paragraph 11 are the Convention's, not the Protocol's.
    assert rows[(11, "guideline-1", "The Committee emphasizes that ")].articles == ()


def test_themes_cover_every_paragraph(report, checklist):
    themes = checklist.themes.themes
    assert 10 <= len(themes) <= 15
    for p in report.paragraphs:
        assert checklist.themes.of_paragraph(p.number), p.number
    boxes = {t.id: sum(1 for p in report.paragraphs for c in p.callouts if t in checklist.themes.of_box(p.number, c.id))
             for t in themes}
    assert {t.id: (len(t.paragraphs), boxes[t.id], len(checklist.of_theme(t))) for t in themes} == {
        "law": (43, 26, 60), "sale": (8, 5, 8), "prostitution": (6, 3, 8), "abuse-material": (15, 6, 23),
        "online": (24, 13, 31), "travel": (5, 4, 6), "policy": (12, 9, 17), "awareness": (5, 2, 23),
        "prevention": (10, 8, 22), "child-rights": (15, 13, 21), "private-sector": (8, 6, 18),
        "jurisdiction": (11, 5, 19), "justice": (12, 12, 38), "recovery": (8, 5, 14), "cooperation": (10, 5, 19)}
    # A box takes its paragraph's themes and those content/themes.yaml adds.
    assert [t.id for t in checklist.themes.of_box(29, "good-practice-1")] == ["awareness", "recovery"]


def test_theme_tags_link_each_theme_page(checklist):
    tags = theme_tags(checklist.themes, 36, "paragraphs/36.md")
    assert re.findall(r"\]\(([^)]+)\)", tags) == ["../themes/travel/index.md", "../themes/prevention/index.md",
                                                  "../themes/private-sector/index.md"]
    assert "[Travel and tourism]" in tags
    assert theme_tags(checklist.themes, 999, "paragraphs/36.md") == ""
    # As the paragraph page's Markdown renders it: a list of links labelled "Themes"; a title's markup is text.
    odd = Themes((Theme("odd", "Sale & <b>adoption</b> *x*", "Scope.", (36,), (), ()),))
    html = markdown.markdown(theme_tags(odd, 36, "paragraphs/36.md"), extensions=["md_in_html", "attr_list"])
    assert '<nav aria-labelledby="theme-tags-label" class="theme-tags">' in html
    assert '<p class="theme-tags-label" id="theme-tags-label">Themes</p>' in html
    assert '<li><a class="theme-tag" href="../themes/odd/index.md">Sale &amp; &lt;b&gt;adoption&lt;/b&gt; *x*</a></li>' \
        in html


def test_a_paragraph_page_shows_its_themes_under_its_title(site_pages):
    """Paragraph 36 (travel and tourism's codes of conduct): its three themes, under its title, each linking to
    its theme's page; a paragraph's tags are on its page alone."""
    page = site_pages["paragraphs/36.md"]
    title = page.index("\n# 36. ")
    tags = page.index('<nav class="theme-tags"')
    assert title < tags < page.index('<section class="guideline"')
    assert re.findall(r"\[([^\]]+)\]\(([^)]+)\)\{ \.theme-tag \}", page[tags:]) == [
        ("Travel and tourism", "../themes/travel/index.md"),
        ("Prevention and children at risk", "../themes/prevention/index.md"),
        ("Business and the private sector", "../themes/private-sector/index.md")]
    assert all(page.count('<nav class="theme-tags"') == 1 for path, page in site_pages.items()
               if path.startswith("paragraphs/"))
    assert not any('<nav class="theme-tags"' in page for path, page in site_pages.items()
                   if isinstance(page, str) and not path.startswith("paragraphs/"))


def test_theme_file_errors_name_the_line(tmp_path, report):
    bad = tmp_path / "themes.yaml"
    bad.write_text("- id: online\n  title: Online\n  scope: Online.\n  paragraphs: \"1-3\"\n"
                   "- id: rest\n  title: Rest\n  scope: The rest.\n  paragraphs: \"4-200\"\n", encoding="utf-8")
    with pytest.raises(ContentError, match=r"themes.yaml:8: theme: `paragraphs` must be paragraphs of the report"):
        read_themes(bad, report)
    bad.write_text("- id: online\n  title: Online\n  scope: Online.\n  paragraphs: \"1-112\"\n", encoding="utf-8")
    with pytest.raises(ContentError, match="paragraph 113 has none"):
        read_themes(bad, report)
    # Read by the one line-aware loader (macros/schema.py): each error at the line of its key.
    theme = "- id: online\n  title: Online\n  scope: Online.\n  paragraphs: \"1-113\"\n"
    for extra, error in (("  colour: red\n", r"themes.yaml:5: theme: unknown key `colour`"),
                         ("  reasons:\n    200: why\n", r"themes.yaml:5: theme: `reasons` maps .* paragraph 200 is not"),
                         ("  boxes:\n  - paragraph: 36\n    box: nope-1\n    reason: r\n",
                          r"themes.yaml:6: box: paragraph 36 has no box 'nope-1'"),
                         (theme, r"themes.yaml:5: theme ids must differ: 'online' twice")):
        bad.write_text(theme + extra, encoding="utf-8")
        with pytest.raises(ContentError, match=error):
            read_themes(bad, report)
    bad.write_text(theme.replace("id: online", "id: Online"), encoding="utf-8")
    with pytest.raises(ContentError, match=r"themes.yaml:1: theme: `id` is 'Online'; expected lower-case letters"):
        read_themes(bad, report)


def test_decision_file_errors_name_the_line(tmp_path, report):
    bad = tmp_path / "recommendations.yaml"
    bad.write_text("- paragraph: 112\n  sentence: \"The private sector\"\n  reason: asks others\n"
                   "- paragraph: 112\n  sentence: \"No such words\"\n  reason: none\n", encoding="utf-8")
    with pytest.raises(ContentError, match=r"recommendations.yaml:5: 0 sentences of paragraph 112"):
        rulings(report, read_decisions(bad))
    bad.write_text("- paragraph: 17\n  sentence: \"It is crucial\"\n  verb: \"urges\"\n  strength: urges\n"
                   "  reason: r\n", encoding="utf-8")
    with pytest.raises(ContentError, match=r":3: the verb 'urges' is not among"):
        rulings(report, read_decisions(bad))
    bad.write_text("- paragraph: 17\n  sentence: \"It is crucial\"\n  verb: \"It is crucial\"\n  reason: r\n",
                   encoding="utf-8")
    with pytest.raises(ContentError, match=r":1: a recommendation needs both"):
        read_decisions(bad)
    bad.write_text("- paragraph: 17\n  sentence: \"It is crucial\"\n  verb: \"It is crucial\"\n  strength: strongest\n"
                   "  reason: r\n", encoding="utf-8")
    with pytest.raises(ContentError, match=r":4: decision: `strength` is 'strongest'; expected one of urges, recommends"):
        read_decisions(bad)


def test_csv_and_sheet_read_back_as_the_table(checklist):
    rows = checklist.rows
    table = [list(cells(r, BASE)) for r in rows]
    data = to_csv(rows, BASE)
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
    back = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert back[0] == list(HEADER) and back[1:] == table
    assert back[0][-2:] == ["What our State has done", "Source"] and all(r[-2:] == ["", ""] for r in back[1:])
    assert back[1][10] == f"{BASE}paragraphs/5/#guideline-1"
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx(rows, BASE, "Recommendations")))
    sheet = book["Recommendations"]
    got = [[c if c is not None else "" for c in r] for r in sheet.iter_rows(values_only=True)]
    assert got[0] == list(HEADER) and got[1:] == table
    assert sheet.freeze_panes == "A2"


def test_a_csv_cell_a_spreadsheet_would_take_for_a_formula_stays_text(checklist):
    """The sheet's cells are strings (inlineStr), never formulas; the CSV's first character decides, so a title
    of content/ that starts with = + - or @ is written after an apostrophe."""
    from dataclasses import replace
    row = checklist.rows[0]
    for title in ('=HYPERLINK("https://example.invalid","x")', "+1", "-1", "@SUM(A1)"):
        bad = replace(row, themes=(replace(row.themes[0], title=title),))
        back = list(csv.reader(io.StringIO(to_csv((bad,), BASE).decode("utf-8-sig"), newline="")))
        assert back[1][9] == "'" + title
        assert back[1][7] == row.rec.words  # the report's words untouched
        sheet = openpyxl.load_workbook(io.BytesIO(to_xlsx((bad,), BASE, "T")))["T"]
        assert sheet.cell(2, 10).value == title and sheet.cell(2, 10).data_type == "s"


def test_files_are_deterministic_and_per_theme(checklist):
    files = checklist_files(checklist, BASE)
    assert files == checklist_files(checklist, BASE)
    assert len(files) == 2 * (1 + len(checklist.themes.themes))
    travel = checklist.themes.by_id("travel")
    lines = files["data/checklist/recommendations-travel.csv"].decode("utf-8-sig").splitlines()
    assert len(lines) == 1 + len(checklist.of_theme(travel)) == 7
    with zipfile.ZipFile(io.BytesIO(files["data/checklist/recommendations.xlsx"])) as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_report_json_lists_the_recommendations(checklist):
    data = json.loads(json.dumps(checklist_json(checklist)))
    assert len(data) == 201
    assert data[0] == {"number": 1, "paragraph": 5, "anchor": "guideline-1", "verb": "encourages",
                       "verb_group": "encourages", "strength": "encourages",
                       "words": checklist.rows[0].rec.words, "start": checklist.rows[0].rec.start,
                       "articles": [], "themes": ["child-rights"]}


def test_pages_of_the_checklist(report, checklist, site_pages):
    pages = dict([recommendations_page(report, checklist), themes_page(report, checklist),
                  *(theme_page(report, checklist, t) for t in checklist.themes.themes)])
    assert set(pages) == {"recommendations/index.md", "themes/index.md",
                          *(theme_path(t.id) for t in checklist.themes.themes)}
    # The registry of page kinds writes them, and the checklist's files.
    assert {p: site_pages[p] for p in pages} == pages
    assert {p: site_pages[p] for p in checklist_files(checklist, BASE)} == checklist_files(checklist, BASE)
    page = pages["recommendations/index.md"]
    assert page.count("<tr id=") == 201
    assert '<tr id="r2" data-theme="child-rights" data-chapter="III" data-verb="emphasizes"' in page
    assert "[16](../paragraphs/16.md#guideline-1)" in page
    assert "[article 3 (1) (c)](../articles.md#article-3-1-c)" in page
    assert '<form class="checklist-filters" id="ck-filters" hidden>' in page
    assert '<script src="../js/checklist.js" defer></script>' in page
    travel = pages["themes/travel/index.md"]
    # The report's order: paragraphs and their boxes, each linking to its passage.
    assert [int(n) for n in re.findall(r"^### \[(\d+)\.", travel, re.M)] == [3, 35, 36, 59, 85]
    assert "(../../paragraphs/36.md#good-practice-1)" in travel
    assert "../../recommendations/index.md?theme=travel" in travel
    assert "| [Travel and tourism](travel/index.md) | Sale and sexual exploitation of children by travelling " \
           "offenders and in the travel and tourism sector. | 5 | 4 | 6 |" in pages["themes/index.md"]
