"""Cross-references: which mentions point into the Guidelines, which articles
of the Optional Protocol a text discusses. Sentences are the report's own."""

import pytest

from pathlib import Path

from macros.crossrefs import paragraph_mentions
from macros.instruments import mentions, read_instruments
from macros.pages.paragraph import referred_to

REGISTRY = read_instruments(Path(__file__).resolve().parent.parent / "content" / "instruments.yaml")


@pytest.mark.parametrize("text, numbers", [
    ("In paragraph 48 of its Guidelines, the Committee", [(48,)]),
    ("In paragraph 6, the Committee reminds States parties that it has granted attention", [(6,)]),
    ("OPSC Guidelines, paragraphs 16, 74, 79.", [(16, 74, 79)]),
    ("For further details on this issue, see paragraph 48.", [(48,)]),
    ("and the risk of its wide distribution. (See above paragraph 42.)", [(42,)]),
    ("grooming and sexual extortion (see hereafter under paragraphs 68 and 69).", [(68, 69)]),
    ("What is crucial in paragraph 53 of the Committee’s Guidelines is that", [(53,)]),
    ("With regard to the Committee’s recommendation in paragraph 97 e) of the OPSC Guidelines, the", [(97,)]),
])
def test_mentions_of_guidelines_paragraphs(text, numbers):
    assert [m.numbers for m in paragraph_mentions(text)] == numbers


@pytest.mark.parametrize("text", [
    "The Court also clarified (in paragraph 313) that the notions of sale and trafficking",
    "Article 3, paragraph 2 OPSC does not define what constitutes an attempt",
    "(General Comment No. 23, paragraphs 39-44).",
    "child victims should not be subjected to excessive interventions (paragraph 24).",
    "Report of the 2014 Day of General Discussion “Digital media and children’s rights”, paragraphs 46 and 75.",
    "WCMS_112458/lang--en/index.htm, see paragraph 48 in particular. Guidelines concerning",
    "R190, paragraph 11 reads: “Members should, in so far as it is compatible",
])
def test_mentions_of_other_documents_are_not_links(text):
    assert paragraph_mentions(text) == []


def test_referred_to_in(report):
    refs = referred_to(report)
    assert refs[16] == [45] and refs[74] == [45] and refs[79] == [45]
    assert 44 in refs[68] and 44 in refs[69]
    assert 48 not in refs.get(48, [])  # a paragraph does not refer to itself


# Each row: a sentence of the report, whether it is the Guidelines' own text, and what is linked: (the words
# that become the link, the citation). Other instruments' articles are theirs, never the Optional Protocol's.
ARTICLE_CASES = [
    ("Under article 3 (1) (a) (i), acts and activities in the context of the sale", True,
     [("article 3 (1) (a) (i)", "opsc:3.1.a.i")]),
    ("natural and legal persons (art. 3), establish extraterritorial jurisdiction", True, [("art. 3", "opsc:3")]),
    ("(art. 3) … (art. 4)", True, [("art. 3", "opsc:3"), ("art. 4", "opsc:4")]),
    ("when any of the acts listed in article 3 (1) (c) of the Optional Protocol are committed", True,
     [("article 3 (1) (c)", "opsc:3.1.c")]),
    ("Article 3(4) OPSC requires States parties to establish", False, [("Article 3(4)", "opsc:3.4")]),
    ("Article 3(3) OPSC states that all OPSC offences", False, [("Article 3(3)", "opsc:3.3")]),
    ("Article 3.5 OPSC underscores the importance", False, [("Article 3.5", "opsc:3.5")]),
    ("Article 3, paragraph 2 OPSC does not define", False, [("Article 3, paragraph 2", "opsc:3.2")]),
    ("In accordance with article 9 (5) of the Optional Protocol, States parties", True,
     [("article 9 (5)", "opsc:9.5")]),
    ("is an offence covered by Articles 2 and 3 OPSC.", False, [("Articles 2", "opsc:2"), ("3", "opsc:3")]),
    ("articles 4 and 5 of the Optional Protocol", False, [("articles 4", "opsc:4"), ("5", "opsc:5")]),
    ("is an obligation under article 9 (3) and (4) of the Optional Protocol.", True,
     [("article 9 (3)", "opsc:9.3"), ("(4)", "opsc:9.4")]),
    # In the Guidelines' own text an article named alone is the Protocol's; in the commentary it is nobody's.
    ("Article 3 sets out a list of acts and activities", True, [("Article 3", "opsc:3")]),
    ("Article 3 sets out a list of acts and activities", False, []),
    # Other instruments: theirs.
    ("under ILO C182, which sets forth in its Article 7(2) that", False, [("Article 7(2)", "c182:7.2")]),
    ("the terminology used in Article 34(c) CRC also seems to cover", False, [("Article 34(c)", "crc:34.c")]),
    ("Article 3(a) of the Protocol (to the Convention against Transnational Organized Crime) to Prevent", False,
     [("Article 3(a)", "palermo:3.a")]),
    ("in accordance with article 3 of the Convention and general comment No. 14", True,
     [("article 3", "crc:3")]),
    ("require compliance with article 21 of the Convention and with the Hague Convention", True,
     [("article 21", "crc:21")]),
    ("Article 23 of the Lanzarote Convention, which requires", False, [("Article 23", "lanzarote:23")]),
    ("and Article 3(b) of ILO C182 speaks of", False, [("Article 3(b)", "c182:3.b")]),
    ("Article 7§10 of the European Social Charter requires", False, [("Article 7§10", "esc:7.10")]),
    # Nobody's: a national code, an article far beyond the Protocol's 17.
    ("(Criminal Code (2007) art. 189)", False, []),
    ("Polish Penal Code, Article 240.", False, []),
    # "the Convention" is the convention the same text last named in full (footnote 14, paragraph 5) …
    ("in the Explanatory Report to the Lanzarote Convention (paragraphs155-159) in relation to the criminal "
     "offence of “Solicitation of children for sexual purposes” provided for by Article 23 of the Convention.",
     False, [("Article 23", "lanzarote:23")]),
    # … and the Convention on the Rights of the Child only where it named none, or named another after it.
    ("require compliance with article 21 of the Convention and with the Hague Convention on Protection", True,
     [("article 21", "crc:21")]),
    # The same words alone: the CRC (and an article of the same sentence with it); after the Lanzarote
    # Convention's name, as footnote 142 prints them, the Lanzarote Convention.
    ("The Explanatory report on this Convention states in paragraph 141 that paragraph 2 of Article 20 is based",
     False, [("Article 20", "crc:20")]),
    ("in Article 20, paragraph 2 of the Lanzarote Convention uses “any visual depiction of a child”. The "
     "Explanatory report on this Convention states in paragraph 141 that paragraph 2 of Article 20 is based on "
     "the OPSC.", False, [("Article 20, paragraph 2", "lanzarote:20.2"), ("Article 20", "lanzarote:20")]),
    # A directive is the one the text named in full: "Directive art. 27" of paragraph 77's box; none otherwise.
    ("EU Directive 2011/93 on combating the sexual abuse … to comply with the rules of this Directive by 18 "
     "December 2013 (Directive art. 27).", False, [("art. 27", "eu-directive-2011-93:27")]),
    ("to comply with the rules of this Directive by 18 December 2013 (Directive art. 27).", False, []),
    # An article with no instrument beside it is of the one named earlier in the same sentence (footnote 45
    # of paragraph 16, footnote 69 of paragraph 22, paragraph 31), never across a sentence's end.
    ("In the framework of the Lanzarote Convention, corporate liability obligations are set out in Article 26.",
     False, [("Article 26", "lanzarote:26")]),
    ("the Lanzarote Convention establishes links between demand and supply by requiring criminal sanctions for "
     "both the “recruiters” and the “users” (Article 19). The same is true (Articles 20-22).", False,
     [("Article 19", "lanzarote:19")]),
    ("The roots for this provision in the OPSC can be found in article 8 of the Universal Declaration of Human "
     "Rights (1948)", False, []),
    # Ranges cite each article: the printed numbers linked, those between cited with no words of their own.
    ("Likewise, the Lanzarote Convention requires its State parties to take specific measures to prevent sexual "
     "exploitation and sexual abuse (Articles 4-9).", False,
     [("Articles 4", "lanzarote:4"), ("", "lanzarote:5"), ("", "lanzarote:6"), ("", "lanzarote:7"),
      ("", "lanzarote:8"), ("9", "lanzarote:9")]),
    ("This is particularly the case with CRC Articles 1, 11, 21 and 32 – 36, which deal", False,
     [("Articles 1", "crc:1"), ("11", "crc:11"), ("21", "crc:21"), ("32", "crc:32"), ("", "crc:33"),
      ("", "crc:34"), ("", "crc:35"), ("36", "crc:36")]),
    # An article's subject between two articles of a list (paragraph 100).
    ("is also laid down in ILO C182, Articles 6 on programmes of action and 7(2) on effective measures", False,
     [("Articles 6", "c182:6"), ("7(2)", "c182:7.2")]),
    # An article's paragraphs between two articles of a list (paragraph 95's box): no article of their own.
    ("in accordance with Articles 18, 19, paragraph 1.a and b, and 21, paragraph 1.a and b, shall continue", False,
     []),
    ("Article 33 of the Lanzarote Convention states that: “… in accordance with Articles 18, 19, paragraph 1.a and "
     "b, and 21, paragraph 1.a and b, shall continue", False,
     [("Article 33", "lanzarote:33"), ("Articles 18", "lanzarote:18"), ("19", "lanzarote:19"),
      ("21", "lanzarote:21")]),
    # "27.5" at a sentence's end is article 27 (5) (footnote 168, paragraph 74).
    ("At the European level, this is foreseen by the Lanzarote Convention, Article 27.5.", False,
     [("Article 27.5", "lanzarote:27.5")]),
    # An instrument named in full that the CRC's or the Protocol's short names are part of.
    ("The Council of Europe Convention on Action against Trafficking in Human Beings, in its Article 26 – "
     "“Non-punishment provision”", False, [("Article 26", "coe-trafficking:26")]),
    ("See also: ILO Worst Forms of Child Labour Convention, 1999 (No.182), Article 3, and: ILO Worst Forms",
     False, [("Article 3", "c182:3")]),
]


@pytest.mark.parametrize("text, guideline, linked", ARTICLE_CASES)
def test_article_mentions(text, guideline, linked):
    found = mentions(text, REGISTRY, guideline)
    assert [(text[m.offset:m.offset + m.length], m.citation.key) for m in found] == linked


def test_attributions_in_content_decide_what_no_rule_can(report):
    """content/instruments.yaml: the general principles of paragraph 11 are the Convention's, though the
    Guidelines' text names no instrument there."""
    text = report.paragraph(11).guideline[0].text
    keys = [m.citation.key for m in mentions(text, REGISTRY, guideline=True)]
    assert keys[:4] == ["crc:2", "crc:3", "crc:6", "crc:12"]
    assert not any(k.startswith("opsc:") for k in keys)


# Where the report itself cites: paragraph, passage, the words of the link, what it cites. Each row is one
# correction of issue 20 (or a rule it rests on), checked on the report's own text as the pages link it.
REPORT_CASES = [
    (5, "fn:r14", "Article 23", "lanzarote:23"),  # "the Convention": the Lanzarote Convention, named before
    (16, "fn:r45", "Article 26", "lanzarote:26"),
    (22, "fn:r69", "Article 19", "lanzarote:19"),
    (22, "fn:r69", "Articles 20", "lanzarote:20"),  # "The same is true": content/instruments.yaml
    (22, "fn:r69", "", "lanzarote:21"),
    (22, "fn:r69", "22", "lanzarote:22"),
    (31, "commentary-3", "Articles 4", "lanzarote:4"),
    (31, "commentary-3", "9", "lanzarote:9"),
    (100, "commentary-2", "Articles 6", "c182:6"),
    (100, "commentary-2", "7(2)", "c182:7.2"),
    (11, "commentary-4", "32", "crc:32"),
    (11, "commentary-4", "", "crc:34"),
    (11, "commentary-4", "36", "crc:36"),
    (74, "fn:r168", "Article 27.5", "lanzarote:27.5"),
    (18, "regional-good-practice-1", "Article 26", "coe-trafficking:26"),
    (61, "fn:r142", "Article 20", "lanzarote:20"),
    (6, "fn:r21", "art. 31", "crc:31"),  # a general comment's title: content/instruments.yaml
    (11, "fn:r34", "Article 3", "c182:3"),
    (93, "guideline-1", "article 3", "crc:3"),  # "the Convention" where no other was named
    (50, "guideline-b", "article 21", "crc:21"),
    (77, "regional-good-practice-1", "art. 27", "eu-directive-2011-93:27"),
    (95, "regional-good-practice-1", "21", "lanzarote:21"),
]


@pytest.mark.parametrize("n, anchor, words, key", REPORT_CASES)
def test_the_reports_citations_are_attributed_by_rule(report, n, anchor, words, key):
    from macros.passages import passages
    registry = REGISTRY.with_misprints(report.apparatus)
    s = next(s for s in passages(report) if (s.paragraph, s.anchor) == (n, anchor))
    found = [(s.text[m.offset:m.offset + m.length], m.citation.key)
             for m in mentions(s.text, registry, s.zone == "guideline")]
    assert (words, key) in found, found


# Whole-instrument citations: which instruments a paragraph's passages name, and which they do not.
NAMED_CASES = [
    (49, "eu-directive-2011-36", True),  # "the Directive 2011/36/EU": the trafficking directive …
    (49, "eu-directive-2011-93", False),  # … not 2011/93, which paragraph 49 never names
    (49, "coe-trafficking", True),
    (11, "coe-trafficking", True),
    (17, "opic", True),
    (28, "crc", False),  # the Optional Protocol's full title names the Convention without citing it
]


@pytest.mark.parametrize("n, ident, cited", NAMED_CASES)
def test_instruments_named_whole(report, n, ident, cited):
    from macros.instruments import citations
    from macros.passages import passages
    found = {c.instrument for s in passages(report) if s.paragraph == n for c in citations(s.text, REGISTRY)}
    assert (ident in found) == cited, found


def test_a_boxs_citations_are_the_same_block_by_block(report):
    """Pages link a box's words block by block; the indexes read the box whole: the two must agree."""
    from macros.passages import passages
    registry = REGISTRY.with_misprints(report.apparatus)
    checked = 0
    for p in report.paragraphs:
        for item in p.items:
            if not hasattr(item, "entries"):
                continue
            whole = next(s for s in passages(report) if (s.paragraph, s.anchor) == (p.number, item.id))
            blocks = [b for e in item.entries for b in e.blocks]
            by_block = {m.citation.key for b in blocks for m in mentions(b.text, registry)}
            assert {m.citation.key for m in mentions(whole.text, registry)} == by_block, (p.number, item.id)
            checked += bool(by_block)
    assert checked >= 10, checked


def test_every_attribution_stands_once_in_the_report(report):
    from macros.passages import locate
    for a in REGISTRY.attributions:
        assert len(locate(report, a.at)) == 1, a.at


def test_a_generic_word_without_a_known_kind_names_its_file_and_line(tmp_path):
    bad = tmp_path / "instruments.yaml"
    bad.write_text("instruments:\n  - id: crc\n    names: [CRC]\n    kind: convention\ngeneric:\n"
                   "  - words: [the Directive]\n    kind: directive\n    otherwise: null\n    why: none\n",
                   encoding="utf-8")
    with pytest.raises(Exception, match=r"instruments.yaml:6: each generic entry needs `words`"):
        read_instruments(bad)
    bad.write_text(bad.read_text(encoding="utf-8").replace("kind: directive", "kind: convention")
                   .replace("otherwise: null", "otherwise: echr"), encoding="utf-8")
    with pytest.raises(Exception, match=r"instruments.yaml:6: .*`otherwise`: the id of an instrument above"):
        read_instruments(bad)
