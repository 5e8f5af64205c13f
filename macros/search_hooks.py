"""MkDocs hook: the search index Material's search plugin writes, adjusted for a legal text.

Material's search worker (lunr.js) scores field boost × document boost × idf, turns every query
word into a prefix ("42" searches "42*"), and weighs a title 1000 times the text. Consequences for
this report, and what this hook changes in search/search_index.json after the plugin wrote it:

- Paragraph numbers. "4" also matches 40–49, and a longer number is rarer, so it scored higher:
  "4" put paragraphs 40–49 first. Each paragraph's page entry gets its number in a hidden field,
  "number1", "number2" or "number3" by its count of digits, the shorter the heavier, and the word
  "paragraph" in a hidden field "paragraph" (for "para 4").
- Citations. "article 3 (1) (c)" found the titles holding a 3 or a 1 first. Each section of a
  paragraph page that cites the Optional Protocol gets the provisions it cites (found by
  macros.crossrefs.article_mentions, as for /articles/) in hidden fields: "article" (the word),
  "article1" or "article2" (the article number, by its count of digits) and "provision" (the
  sub-divisions: "1 c").
- Weights. The front matter's `search: boost: 2` applies to every section of a paragraph page
  alike: the Guideline (the page entry, with the title, and its first section) is raised above
  the commentary. The Guideline's section takes its own label, "Guidelines, paragraph 42" (from
  its text, the "CRC/C/156" after it dropped), as its title instead of the page's title again, so
  that a result lists the page's title once. The "Cite this paragraph" section, the same words on
  113 pages that made every paragraph a result for "child pornography" or "ECPAT", is left out.

Hidden fields are searched, never shown (Material's results show title and text); they hold only
the page's number and words of the section's own text. No other title or text is changed.
"""

import html
import json
import re
import sys
from pathlib import Path

from mkdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from macros.crossrefs import article_mentions  # noqa: E402

# Boosts (Material's own: title 1000, text 1, tags 1e6), tuned on the whole report with a copy
# of Material's search (tests/test_search.py). A paragraph number must outweigh the longer numbers
# it is a prefix of (their idf is up to 3.2 times higher) and the titles holding them. A cited
# article number weighs 1.5 times a paragraph number of as many digits, which leaves a bare "3"
# to paragraph 3 (Material ranks a page 2.5 times above a section); the word "article" then tips
# "article 3" to the citations. The word "paragraph" only has to be there: Material multiplies a
# result's score by the share of the query's words it matches, so "para 5" goes to paragraph 5.
FIELDS = {
    "paragraph": 100, "number1": 2.4e5, "number2": 6e4, "number3": 1.5e4,
    "article": 1e6, "article1": 3.6e5, "article2": 9e4, "provision": 6e4,
}
GUIDELINE_BOOST = 1.5  # times the page's boost: the page entry (title) and its first section
PAGE = re.compile(r"^paragraphs/(?P<n>\d+)(?:/|\.html)(?P<anchor>#.*)?$")
GUIDELINE_ANCHOR = "#top"
GUIDELINE_LABEL = re.compile(r"<p>(Guidelines, paragraph \d+)\b[^<]*</p>\s*")
DROPPED_ANCHORS = ("#cite",)


@event_priority(-50)  # after the search plugin wrote the index, before the offline plugin inlines it
def on_post_build(config):
    path = Path(config.site_dir) / "search" / "search_index.json"
    if not path.is_file():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps(adjust_index(index), separators=(",", ":")), encoding="utf-8")


def adjust_index(index):
    """The search index, with the hidden fields, the Guideline's weight, and no citation boilerplate."""
    for name, boost in FIELDS.items():
        index["config"]["fields"][name] = {"boost": boost}
    docs = []
    for doc in index["docs"]:
        m = PAGE.match(doc["location"])
        anchor = m.group("anchor") if m else None
        if m and anchor in DROPPED_ANCHORS:
            continue
        docs.append(doc)
        if not m:
            continue
        if anchor is None:
            n = m.group("n")
            doc["paragraph"] = "paragraph"
            doc[f"number{len(n)}"] = n
        if anchor in (None, GUIDELINE_ANCHOR):
            doc["boost"] = doc.get("boost", 1) * GUIDELINE_BOOST
        label = GUIDELINE_LABEL.match(doc["text"]) if anchor == GUIDELINE_ANCHOR else None
        if label:
            doc["title"], doc["text"] = label.group(1), doc["text"][label.end():]
        # Each entry's own citations: the page entry holds only the title and the breadcrumb, so
        # paragraph 75, which cites article 7 in its Guideline, does not pass paragraph 7 for "7".
        doc.update(citation_fields(plain(doc["title"]) + " " + plain(doc["text"])))
    index["docs"] = docs
    return index


def citation_fields(text):
    """{field: words} for the Optional Protocol provisions a text cites, each word once:
    "article 3 (1) (c)" gives article "article", article1 "3", provision "1 c"."""
    out = {}
    for n, provision in article_mentions(text):
        subdivisions = re.findall(r"\(([^)]+)\)", provision)
        for field, words in (("article", ["article"]), (f"article{len(str(n))}", [str(n)]),
                             ("provision", subdivisions)):
            known = out.get(field, "").split()
            out[field] = " ".join(known + [w for w in words if w not in known])
    return {field: words for field, words in out.items() if words}


def plain(markup):
    return html.unescape(re.sub(r"<[^>]+>", " ", markup))
