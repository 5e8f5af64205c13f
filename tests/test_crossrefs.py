"""Cross-references: which mentions point into the Guidelines, which articles
of the Optional Protocol a text discusses. Sentences are the report's own."""

import pytest

from macros.crossrefs import article_mentions, paragraph_mentions
from macros.render import articles_index, referred_to


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


@pytest.mark.parametrize("text, found", [
    ("Under article 3 (1) (a) (i), acts and activities in the context of the sale", [(3, "article 3 (1) (a) (i)")]),
    ("(art. 3), establish extraterritorial jurisdiction", [(3, "article 3")]),
    ("Article 3(4) OPSC requires States parties to establish", [(3, "article 3 (4)")]),
    ("Article 3.5 OPSC underscores the importance", [(3, "article 3 (5)")]),
    ("In accordance with article 9 (5) of the Optional Protocol, States parties", [(9, "article 9 (5)")]),
    ("under ILO C182, which sets forth in its Article 7(2) that", []),
    ("the terminology used in Article 34(c) CRC also seems to cover", []),
    ("Article 3(a) of the Protocol (to the Convention against Transnational", []),
    ("the general principles contained in articles 2, 3, 6 and 12, as well as", []),
])
def test_article_mentions(text, found):
    assert article_mentions(text) == found


def test_articles_index(report):
    index = articles_index(report)
    assert 65 in index[3]["article 3 (1) (c)"] and 61 in index[3]["article 3 (1) (c)"]
    assert index[9]["article 9 (5)"] == [66]
    assert set(index) <= set(range(1, 18))
