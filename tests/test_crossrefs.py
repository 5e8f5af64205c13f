"""Cross-references: which mentions point into the Guidelines, which articles
of the Optional Protocol a text discusses. Sentences are the report's own."""

import pytest

from pathlib import Path

from macros.crossrefs import paragraph_mentions
from macros.instruments import mentions, read_instruments
from macros.render import referred_to

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


def test_every_attribution_stands_once_in_the_report(report):
    from macros.passages import locate
    for a in REGISTRY.attributions:
        assert len(locate(report, a.at)) == 1, a.at
