"""No word of the report lost, duplicated or moved: the first promise of the site.

The proof works on the exported JSON, not on the extractor's internals:
1. every non-blank character of the source is covered by exactly one span of
   the model (a text block, a footnote, a footnote marker) or of `removed`;
2. each text of the model has exactly the words of the source stretches it
   claims, in the same order (hyphens and footnote digits aside);
3. what readers see holds the model's words, each once: every paragraph page (each passage and
   footnote at its anchor, in order), every chapter handout, the Guidelines page, the preface, and
   the search index.
"""

import json
import re
from collections import Counter
from html.parser import HTMLParser

import pytest

from macros.model import Callout, to_json

WORD = re.compile(r"[^\W\d_]+|\d+")


def words(text):
    return [w.lower() for w in WORD.findall(text.replace("-", ""))]


def source_words(lines, spans):
    """Words of source stretches, with words hyphenated across lines joined."""
    parts = [lines[line - 1][a:b] for line, a, b in spans]
    text = "\n".join(parts)
    # Blank lines may stand between the halves (footnotes set with a gap).
    text = re.sub(r"(?<=[^\W\d_])-\n(?:[ \t]*\n)*(?=[^\W\d_])", "", text)
    # A URL broken over two lines is one address: "NORMLEXPUB:121" / "00:0::NO::…" reads "12100".
    text = re.sub(r"((?:https?://|www\.)\S*)\n(?!https?://|www\.)(?=\S*[/%:_=&?#]\S*[ \t]*(?:\n|$))", r"\1", text)
    return words(text)


def texts_with_spans(node, path="$"):
    """Every (path, text, spans) in the exported model."""
    if isinstance(node, dict):
        if "text" in node and "spans" in node:
            yield path, node["text"], [tuple(s) for s in node["spans"]]
        for key, value in node.items():
            if key not in ("removed",):
                yield from texts_with_spans(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from texts_with_spans(value, f"{path}[{i}]")


@pytest.fixture(scope="module")
def exported(report):
    return to_json(report)


@pytest.fixture(scope="module")
def coverage(report, exported):
    lines = open(report.source, encoding="utf-8").read().split("\n")
    covered = Counter()
    owners = []
    for path, text, spans in texts_with_spans(exported):
        owners.append((path, text, spans))
    for p in exported["paragraphs"]:
        for f in p["footnotes"]:
            owners.append((f"footnote marker {f['series']} {f['number']}", None, [tuple(f["marker"])]))
    for r in exported["removed"]:
        owners.append((f"removed line {r['line']} ({r['reason']})", None, [tuple(r["span"])]))
    for _, _, spans in owners:
        for line, a, b in spans:
            for col in range(a, b):
                if not lines[line - 1][col].isspace():
                    covered[(line, col)] += 1
    return lines, owners, covered


def test_every_character_is_claimed_exactly_once(coverage):
    lines, _, covered = coverage
    lost, duplicated = [], []
    for n, text in enumerate(lines, start=1):
        for col, ch in enumerate(text):
            if ch.isspace():
                continue
            k = covered.get((n, col), 0)
            if k == 0:
                lost.append((n, col))
            elif k > 1:
                duplicated.append((n, col))
    lost_words = sum(len(words(lines[n - 1][c:c + 1])) for n, c in lost)
    print(f"\nfidelity: {len(lost)} characters lost, {len(duplicated)} characters claimed twice")
    assert not lost, f"unclaimed source text, first at line {lost[0][0]}: {lines[lost[0][0] - 1]!r}"
    assert not duplicated, f"source text claimed twice, first at line {duplicated[0][0]}"
    assert lost_words == 0


def test_each_text_has_exactly_the_words_of_its_source(coverage):
    lines, owners, _ = coverage
    lost = duplicated = 0
    problems = []
    for path, text, spans in owners:
        if text is None:
            continue
        expected = Counter(source_words(lines, sorted(spans)))
        got = Counter(words(text))
        missing, extra = expected - got, got - expected
        lost += sum(missing.values())
        duplicated += sum(extra.values())
        if missing or extra:
            problems.append((path, dict(missing), dict(extra)))
        elif source_words(lines, sorted(spans)) != words(text):
            problems.append((path, "same words in another order", None))
    print(f"\nfidelity: {lost} words lost, {duplicated} words duplicated")
    assert not problems, problems[:5]
    assert (lost, duplicated) == (0, 0)


def test_word_totals_match_the_source(report, coverage):
    """All words of the source file = words of the model + words removed."""
    lines, owners, _ = coverage
    # Footnote digits aside: blank the markers out of the source.
    blanked = list(lines)
    for path, text, spans in owners:
        if path.startswith("footnote marker"):
            (line, a, b), = spans
            blanked[line - 1] = blanked[line - 1][:a] + " " * (b - a) + blanked[line - 1][b:]
    source = Counter(source_words(blanked, [(n, 0, len(t)) for n, t in enumerate(blanked, start=1)]))
    model = Counter()
    for path, text, spans in owners:
        if text is not None:
            model.update(words(text))
        elif not path.startswith("footnote marker"):
            for line, a, b in spans:
                model.update(words(lines[line - 1][a:b]))
    lost, duplicated = source - model, model - source
    # Words hyphenated across a page break are joined in the model only.
    print(f"\nfidelity (totals): {sum(lost.values())} words lost, {sum(duplicated.values())} duplicated")
    assert not lost and not duplicated, (dict(list(lost.items())[:10]), dict(list(duplicated.items())[:10]))


# ---------------------------------------------------------------- what readers see
# The model is the source's words (above); each page and the search index must show the model's words,
# each once. What the edition adds around them (titles, labels, editorial notes, footnote numbers, the
# citation) is taken out by what marks it: a new addition without such a mark shows here as a duplicate.

class ReportText(HTMLParser):
    """The words of a page's <article> that are the report's, with the words of each element that has an id."""
    EDITION_TAGS = {"h1", "h2", "h3", "h4", "nav", "sup", "button", "script", "style"}
    EDITION_CLASSES = {"headerlink", "block-link", "guideline-label", "origin", "referred-to", "citation",
                       "editorial-note", "ed-mark", "ed-marks", "passage-number", "missing-link", "footnote-series", "footnote-backref",
                       "moved-anchors", "handout-intro", "gl-number", "moved-notice", "print-footer"}
    VOID = {"br", "img", "hr", "input", "meta", "link", "wbr", "source"}
    # Elements that start a new line of text: between them words part; within a line, markup joins what it
    # holds as printed ("Articles <a>20</a>-<a>22</a>" reads "Articles 20-22").
    BLOCKS = {"p", "li", "ol", "ul", "div", "blockquote", "section", "article", "table", "tr", "td", "th", "dt",
              "dd", "h1", "h2", "h3", "h4", "h5", "h6", "br", "hr", "details", "summary", "figure", "figcaption"}

    def __init__(self, headings=False):
        super().__init__()
        self.edition_tags = self.EDITION_TAGS - {"h1", "h2", "h3"} if headings else self.EDITION_TAGS
        self.text, self.by_id = [], {}
        self.stack = []  # (tag, skipped, id) of the open elements within <article>
        self.inside = False

    def _part(self):
        self.text.append(" ")
        for _, _, element_id in self.stack:
            if element_id in self.by_id:
                self.by_id[element_id].append(" ")

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "article":
            self.inside = True
        if self.inside and tag in self.BLOCKS:
            self._part()
        if not self.inside or tag in self.VOID:
            return
        skipped = (tag in self.edition_tags or bool(set((a.get("class") or "").split()) & self.EDITION_CLASSES)
                   or "hidden" in a or a.get("id") == "new-tab-hint" or bool(self.stack and self.stack[-1][1]))
        self.stack.append((tag, skipped, a.get("id")))
        if a.get("id") and not skipped:
            self.by_id[a["id"]] = []

    def handle_endtag(self, tag):
        if self.inside and tag in self.BLOCKS:
            self._part()
        if tag == "article":
            self.inside = False
        if not self.inside or tag in self.VOID:
            return
        while self.stack and self.stack.pop()[0] != tag:
            pass  # an element left open closes with its parent

    def handle_data(self, data):
        if self.inside and not (self.stack and self.stack[-1][1]):
            self.text.append(data)
            for _, _, element_id in self.stack:
                if element_id in self.by_id:
                    self.by_id[element_id].append(data)


def shown(site, path, headings=False):
    parser = ReportText(headings)
    parser.feed((site / path).read_text(encoding="utf-8"))
    return words("".join(parser.text)), {k: words("".join(v)) for k, v in parser.by_id.items()}


def paragraph_texts(p):
    """(anchor or None, text) of everything of the report a paragraph page holds, in the model."""
    out = [(b.id, b.text) for b in p.guideline]
    for item in p.items:
        if isinstance(item, Callout):
            out.append((None, item.heading.text))
            out += [(None, b.text) for e in item.entries for b in e.blocks]
        else:
            out.append((item.id, item.text))
    return out + [(f"fn:{f.series[0]}{f.number}", f.text) for f in p.footnotes]


def difference(expected, got):
    lost, added = Counter(expected) - Counter(got), Counter(got) - Counter(expected)
    return sum(lost.values()), sum(added.values()), dict(list(lost.items())[:6]), dict(list(added.items())[:6])


def test_each_paragraph_page_shows_the_words_of_its_paragraph_once(site, report):
    problems, total = [], 0
    for p in report.paragraphs:
        texts = paragraph_texts(p)
        got, by_id = shown(site, f"paragraphs/{p.number}/index.html")
        expected = [w for _, text in texts for w in words(text)]
        total += len(expected)
        lost, added, *examples = difference(expected, got)
        if lost or added:
            problems.append((p.number, lost, added, *examples))
        # Each passage and footnote, at its anchor, in the order of its words.
        problems += [(p.number, anchor) for anchor, text in texts if anchor and by_id.get(anchor) != words(text)]
    print(f"\nfidelity (paragraph pages): {total} words of the model, 0 lost, 0 duplicated" if not problems else "")
    assert total > 50000
    assert not problems, problems[:5]


def test_each_handout_shows_its_chapter_once(site, report):
    for chapter in report.chapters:
        ps = [p for p in report.paragraphs if p.chapter == chapter.number]
        expected = [w for p in ps for _, text in paragraph_texts(p) for w in words(text)]
        got, _ = shown(site, f"chapters/{chapter.number.lower()}/full/index.html")
        lost, added, *examples = difference(expected, got)
        assert (lost, added) == (0, 0), (chapter.number, examples)


def test_the_guidelines_page_shows_the_113_paragraphs_once(site, report):
    expected = [w for p in report.paragraphs for b in p.guideline for w in words(b.text)]
    got, by_id = shown(site, "guidelines/index.html")
    assert difference(expected, got)[:2] == (0, 0), difference(expected, got)
    assert all(by_id[str(p.number)] == [w for b in p.guideline for w in words(b.text)] for p in report.paragraphs)


def test_the_preface_shows_the_front_matter_once(site, report):
    """Its headings too: "Preface" (printed at the foot of the page, shown once at its top) and "An
    Explanatory Report" are the report's."""
    expected = [w for b in report.front_matter for w in words(b.text)]
    got, _ = shown(site, "preface/index.html", headings=True)
    assert difference(expected, got)[:2] == (0, 0), difference(expected, got)


def test_the_search_index_holds_each_paragraph_once(site, report):
    """Each paragraph's entries: its words, once; the box's title stands for its printed heading, and the
    origin of each example ("Council of Europe (Europe):") is the edition's. (The headnotes,
    content/headnotes.yaml, are the edition's too: they stand apart, in the index's config.)"""
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    for p in report.paragraphs:
        entries = [d for d in docs if d.get("n") == p.number and d["zone"] != "title"]
        got = [w for d in entries for w in words((d["title"] + " " if d["zone"] == "box" else "") + d["text"])]
        expected = [w for _, text in paragraph_texts(p) for w in words(text)]
        expected += [w for c in p.callouts for e in c.entries for w in words(f"{e.origin or ''} {e.region or ''}")]
        lost, added, *examples = difference(expected, got)
        assert (lost, added) == (0, 0), (p.number, examples)
    # Index pages repeat the paragraphs' words: their entries hold none, so nothing is found twice.
    assert all(d["text"] == "" for d in docs if d["zone"] == "index")


def test_the_page_check_sees_a_lost_and_a_doubled_word(site, report, tmp_path):
    """The check above on a page changed by hand: a word taken out, a passage shown twice, an addition of
    the edition's without its mark."""
    page = (site / "paragraphs/42/index.html").read_text(encoding="utf-8")
    expected = [w for _, text in paragraph_texts(report.paragraph(42)) for w in words(text)]
    first = re.search(r"<p id=guideline-1>.*?</p>", page).group(0)
    guideline = len(words(report.paragraph(42).guideline[0].text))
    for changed, (lost, added) in [
        (page.replace("Sexting often appears", "Often appears", 1), (1, 0)),
        (page.replace(first, first + first.replace("guideline-1", "guideline-9"), 1), (0, guideline)),
        (page.replace(first, first + "<p>This edition says so.</p>", 1), (0, 4)),
        (page, (0, 0)),
    ]:
        (tmp_path / "page.html").write_text(changed, encoding="utf-8")
        assert difference(expected, shown(tmp_path, "page.html")[0])[:2] == (lost, added)
