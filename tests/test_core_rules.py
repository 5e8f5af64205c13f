"""The rules of the extraction core on small made-up texts, one table a rule (as eyecite's tests are):
how lines are reflowed into blocks, which hyphens at a line end stay, where lists start, and how
footnote bodies and the markers glued to words are found by expecting the next number; and how links,
cross-references and footnote markers are laid into a passage's Markdown, and which words are acronyms."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from macros.context import Context
from macros.editorial import Editorial, FrontMatter
from macros.footnotes import find_report_markers, marker_spans, read_footnotes
from macros.inline import Acronyms, footnote_ref, inline
from macros.layout import read_layout
from macros.model import Block, Link, Ref
from macros.pages.blocks import paragraph_link
from macros.sheet import Sheet, Span
from macros.source import Source, read_source
from macros.textflow import BLANK, make_block, split_blocks

pytestmark = pytest.mark.model


def reflow(*lines):
    """The blocks a stretch of commentary printed as `lines` becomes."""
    source = tuple(lines)
    pieces = []
    for n, text in enumerate(source, start=1):
        if text.strip():
            pieces.append(Span(n, len(text) - len(text.lstrip()), len(text.rstrip())))
        elif pieces:
            pieces.append(BLANK)
    return [make_block(source, b) for b in split_blocks(source, pieces)]


# ---------------------------------------------------------------- reflow and hyphens

# (lines as printed, the text of each block)
REFLOW = [
    (["The rapid development", "of ICT."], ["The rapid development of ICT."]),
    # A word hyphenated only by the line end is rejoined ...
    (["access to informa-", "tion is key."], ["access to information is key."]),
    # ... but a hard hyphen stays: a prefix the report writes with one, even where nothing else decides it,
    (["child self-", "generated material."], ["child self-generated material."]),
    (["non-", "governmental organizations"], ["non-governmental organizations"]),
    # or a compound the report writes with a hyphen elsewhere,
    (["the ring-", "fencing of funds; ring-fence them."], ["the ring-fencing of funds; ring-fence them."]),
    # unless the report writes the word more often without one: the counts decide before the prefix.
    (["co-", "operation, cooperation and cooperation."], ["cooperation, cooperation and cooperation."]),
    (["the anti-", "Slavery Day"], ["the anti-Slavery Day"]),  # a capital after it: a name, kept
    (["a list -", "of things"], ["a list - of things"]),  # a dash, not a hyphen
    # A link or a symbol broken over two lines is joined without a space.
    (["Available at: https://www.example.org/", "path/report.pdf."],
     ["Available at: https://www.example.org/path/report.pdf."]),
    (["States and/", "or children"], ["States and/or children"]),
    # A blank line ends a finished sentence; an open one goes on in lower case, or after a hyphen.
    (["First paragraph.", "", "Second paragraph."], ["First paragraph.", "Second paragraph."]),
    (["The Committee recommends that", "", "all States act."], ["The Committee recommends that all States act."]),
    (["child self-", "", "generated material."], ["child self-generated material."]),
    # Lists stay lists: an item opens after a colon, or after an item that ends with ; or .
    (["States parties should:", "(a) Adopt laws;", "(b) Train staff."],
     ["States parties should:", "(a) Adopt laws;", "(b) Train staff."]),
    (["Two steps:", "• one;", "• two."], ["Two steps:", "• one;", "• two."]),
    (["Also:", "", "1. First", "", "2. Second"], ["Also:", "1. First", "2. Second"]),
    # ... but a marker in mid-sentence is not an item.
    (["as set out in article 3", "(1) of the Optional Protocol."],
     ["as set out in article 3 (1) of the Optional Protocol."]),
]


@pytest.mark.parametrize("lines, expected", REFLOW)
def test_reflow(lines, expected):
    assert [b.text for b in reflow(*lines)] == expected


# (lines as printed, kind and list marker of the block)
KINDS = [
    (["(a) Adopt laws;"], ("li", "(a)")),
    (["b) Train staff."], ("li", "b)")),
    (["• one"], ("li", "•")),
    (["“A quotation”."], ("quote", None)),
    (["Running text."], ("p", None)),
]


@pytest.mark.parametrize("lines, expected", KINDS)
def test_block_kind(lines, expected):
    (block,) = reflow(*lines)
    assert (block.kind, block.marker) == expected


# ---------------------------------------------------------------- footnote markers

# (text, footnote number, where its marker stands in the text, or None)
MARKERS = [
    ("technologies (ICT)1 are", 1, 18),  # glued to a closing bracket
    ("children13 and", 13, 8),  # glued to a word
    ("sexual abuse.”13 The", 13, 14),  # to a closing quote
    ("general comment No. 1419 on", 19, 22),  # general comment 14, marker 19
    ("general comment No. 919 on", 19, 21),
    ("paragraph 13 of", 13, None),  # a number of the text
    ("in 2013 the", 13, None),  # part of a longer number
    ("children130", 13, None),
    ("CRC/C/13", 13, None),  # a document symbol
    ("articles 1-13", 13, None),  # a range
    ("(13)", 13, None),
]


@pytest.mark.parametrize("text, number, expected", MARKERS)
def test_marker_spans(text, number, expected):
    first = next(marker_spans(text, number), None)
    assert (first[0] if first else None) == expected


def _marker_reference(number):
    """A footnote's marker as one regular expression of its own: what marker_spans answers for every number."""
    return re.compile(rf"(?:(?<=[^\s\d/(\[\-–])|(?<=No\. \d)|(?<=No\. \d\d)){number}(?![\d/])")


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="No. 1234/-–([)”a\n", max_size=30), st.integers(1, 250), st.integers(0, 30),
       st.integers(0, 30))
def test_marker_spans_as_a_pattern_per_number(text, number, pos, endpos):
    expected = [m.span() for m in _marker_reference(number).finditer(text, pos, endpos)]
    assert list(marker_spans(text, number, pos, endpos)) == expected


def test_marker_spans_on_the_report():
    """Every line of the report, every footnote number: the same places as a pattern per number."""
    lines = read_source("content/explanatory-report.txt").lines
    for number in (1, 9, 13, 19, 46, 100, 211):
        reference = _marker_reference(number)
        for text in lines:
            assert list(marker_spans(text, number)) == [m.span() for m in reference.finditer(text)]


def read_page(*lines):
    """Footnotes of one made-up page: {number: (lines of its body, line of its marker, the word the marker
    is glued to)}."""
    source = Source("page.txt", tuple(lines), "")
    sheet, removed = Sheet(source), []
    ed = Editorial(FrontMatter(("Preface",), "end"), (), (), (), (), (), path="editorial.yaml")
    ctx = Context(source, ed, read_layout(source, sheet, removed), sheet, removed)
    notes = read_footnotes(ctx)
    find_report_markers(ctx, notes)
    return {b.number: (tuple(span.line for span in b.lines), b.marker.line, _word_before(source, b.marker))
            for b in notes.bodies}


def _word_before(source, span):
    return source.line(span.line)[:span.start].split()[-1]


# (a page as printed, its footnotes as read_page gives them)
PAGES = [
    # Markers are the expected numbers glued to a word, in order; "paragraph 12" and "2019" are text.
    ([" Children online1 face risks, as paragraph 12 says, and 2019 figures2 show it.",
      "",
      "1 See the first note.",
      "2 See the second note."],
     {1: ((3,), 1, "online"), 2: ((4,), 1, "figures")}),
    # A line opening with a number is a body only if it is the next number of the series.
    ([" The Committee1 asked in 2019 whether",
      "",
      "12 States replied, and they had2 answered.",
      "",
      "1 First note.",
      "2 Second note."],
     {1: ((5,), 1, "Committee"), 2: ((6,), 3, "had")}),
    # The marker of a note is looked for after the marker of the note before.
    ([" As the Court2 says, the Committee1 said and the Panel2 repeats.",
      "",
      "1 First note.",
      "2 Second note."],
     {1: ((3,), 1, "Committee"), 2: ((4,), 1, "Panel")}),
    # A body runs on over the next line until the next number of the series.
    ([" Children1 and adults2.",
      "",
      "1 A note that runs",
      "on to a second line.",
      "2 The next note."],
     {1: ((3, 4), 1, "Children"), 2: ((5,), 1, "adults")}),
]


@pytest.mark.parametrize("lines, expected", PAGES)
def test_footnotes_on_a_page(lines, expected):
    assert read_page(*lines) == expected


# ---------------------------------------------------------------- inline markup

# (text, links as (offset, length), footnote markers as offsets, the Markdown; "^n" stands for marker n)
INLINE = [
    ("Read the Opinion available here.", [(17, 14)], [32],
     "Read the Opinion [available here](https://example.org/).^1"),
    # A marker inside a link's words comes right after the link: no word printed twice, none lost.
    ("Read the Opinion here now.", [(9, 12)], [16], "Read the [Opinion here](https://example.org/)^1 now."),
    ("see paragraph 52 of the Guidelines.", [(4, 30)], [16],
     "see [paragraph 52 of the Guidelines](https://example.org/)^1."),
    # A cross-reference inside a link stays the link; alone, the number links to its paragraph.
    ("see paragraph 52 of the Guidelines.", [], [16], "see paragraph [52](52.md)^1 of the Guidelines."),
    # Markers inside a link and after it keep their order.
    ("an Opinion here and there.", [(3, 12)], [6, 10, 26],
     "an [Opinion here](https://example.org/)^1^2 and there.^3"),
    # On paragraph 6's own page (these rows are on it), its number leads to its Guideline text; an item, to it.
    ("In paragraph 6 of the Guidelines, the Committee", [], [], "In paragraph [6](#guideline) of the Guidelines, "
     "the Committee"),
    ("the recommendation in paragraph 6 e) of the Guidelines", [], [],
     "the recommendation in paragraph [6](#guideline-e) e) of the Guidelines"),
    ("the recommendation in paragraph 97 e) of the Guidelines", [], [],
     "the recommendation in paragraph [97](97.md#guideline-e) e) of the Guidelines"),
]


@pytest.mark.parametrize("text, links, refs, expected", INLINE)
def test_inline(text, links, refs, expected):
    block = Block("p", text, (1, 1), [], [Ref("report", n, at) for n, at in enumerate(refs, start=1)],
                  [Link(a, n, "https://example.org/", "url") for a, n in links])
    assert inline(block, paragraph_link("paragraphs/6.md")) == re.sub(r"\^(\d)", lambda m: footnote_ref("report", int(m[1])),
                                                         expected)


# (text, the words marked as acronyms): a word, never part of a document symbol or an address
ACRONYM_WORDS = [
    ("the CRC and the OPSC", ["CRC", "OPSC"]),
    ("UN Doc. CRC/C/156", ["UN"]),
    ("UN Doc. CRC /C/GC/14.", ["UN"]),  # printed with a stray space, still a symbol
    ("the CRC. Then", ["CRC"]),
    ("see www.crc.org/OPSC.pdf", []),
]


@pytest.mark.parametrize("text, marked", ACRONYM_WORDS)
def test_acronyms(text, marked):
    md = Acronyms({"CRC": "Convention on the Rights of the Child", "OPSC": "Optional Protocol",
                   "UN": "United Nations"}).markdown(text)
    assert re.findall(r"<abbr [^>]*>(\w+)</abbr>", md) == marked


# ---------------------------------------------------------------- anchors over ragged white space

def _naive_squash(text: str) -> tuple[str, list[int]]:
    """The squashed text and the original offset of each of its characters, one by one."""
    parts, where = [], []
    for m in re.finditer(r"\S+|\s+", text):
        if m.group(0)[0].isspace():
            parts.append(" ")
            where.append(m.start())
        else:
            parts.append(m.group(0))
            where.extend(range(m.start(), m.end()))
    return "".join(parts), where


SQUASH = ["", "a", " ", "a b", "a  b", "a \n  b", "\n\nfoo\tbar  \n baz ", "x" * 5 + "   " + "y",
          "one\n two\n\n  three  four\n"]


@pytest.mark.parametrize("text", SQUASH)
def test_squashed_maps_back_to_the_text(text):
    """Squashed keeps only the long runs of white space, yet answers as a map of every character would."""
    from bisect import bisect_left

    from macros.anchors import _squashed
    expected, where = _naive_squash(text)
    squashed = _squashed(text)
    assert squashed.text == expected
    assert [squashed.original(i) for i in range(len(expected))] == where
    assert [squashed.first_at(o) for o in range(len(text) + 1)] == [bisect_left(where, o) for o in range(len(text) + 1)]


def test_squashed_on_the_report():
    from bisect import bisect_left

    from macros.anchors import _index, _squashed
    from macros.source import read_source
    text, _ = _index(read_source("content/explanatory-report.txt").lines)
    expected, where = _naive_squash(text)
    squashed = _squashed(text)
    assert squashed.text == expected
    assert all(squashed.original(i) == where[i] for i in range(0, len(where), 7))
    assert all(squashed.first_at(o) == bisect_left(where, o) for o in range(0, len(text), 11))
