"""The editorial file is checked whole when it is read: a missing key, a value of the wrong kind or a
section letter its chapter does not have stops the build at the file's line, saying what was expected."""

from pathlib import Path

import pytest

from macros.anchors import _find_two
from macros.errors import ContentError
from macros.extract import build_report

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "content" / "explanatory-report.txt"
EDITORIAL = ROOT / "content" / "editorial.yaml"
ATTACH_2 = "- start: The development and spread of ICT are exposing more and more children\n"


def edited(tmp_path, old, new):
    """A copy of the editorial file with `old` (once in it) replaced: its path, text and where the edit is."""
    text = EDITORIAL.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    at = text.index(old)
    text = text[:at] + new + text[at + len(old):]
    path = tmp_path / "editorial.yaml"
    path.write_text(text, encoding="utf-8")
    return path, text, at


def line_of(text, at, *where):
    """The line of the last of `where`, each searched from the one before it, from offset `at`."""
    for words in where:
        at = text.index(words, at)
    return text.count("\n", 0, at) + 1


# (what is wrong, the text edited, its replacement, the text whose line the error names, what it says)
BAD = [
    ("section without a letter",
     "- chapter: III\n  letter: E\n", "- chapter: III\n",
     ["- chapter: III"], "section: expected `letter` (a section letter, A–Z)"),
    ("footnote fix without a line",
     "- line: 303\n  printed: 18\n", "- printed: 18\n",
     ["- printed: 18"], "footnote fix: expected `line` (a line number of the report)"),
    ("attach without `to`",
     ATTACH_2 + "  to: 2\n", ATTACH_2,
     [ATTACH_2], "attach entry: expected `to` (a paragraph number, 1–113)"),
    ("callout for paragraph 200",
     "- heading_line: 114\n  type: definition\n  paragraph: 1\n",
     "- heading_line: 114\n  type: definition\n  paragraph: 200\n",
     ["  paragraph: 200"], "callout: `paragraph` is 200; expected a paragraph number, 1–113"),
    ("paragraph under a section its chapter does not have",
     "  title: Budgetary allocations\n  chapter: III\n  section: E\n",
     "  title: Budgetary allocations\n  chapter: III\n  section: H\n",
     ["  section: H"], "paragraph 26: chapter III has no section 'H'; expected one of A, B, C, D, E, F, G, or null"),
    ("section moved to another chapter, leaving its paragraph behind",
     "- chapter: III\n  letter: E\n", "- chapter: IV\n  letter: E\n",
     ["- n: 26\n", "  section: E"], "paragraph 26: chapter III has no section 'E'"),
    ("section listed twice",
     "- chapter: III\n  letter: E\n", "- chapter: III\n  letter: D\n",
     ["  letter: D"], "section III.D is listed twice"),
    ("misspelt key",
     "- heading_line: 114\n", "- heading_lin: 114\n",
     ["- heading_lin"], "callout: unknown key `heading_lin`; expected `type`, `paragraph`, `heading_line`"),
    ("yes for a number",
     "- n: 2\n  paragraph: 5\n", "- n: 2\n  paragraph: yes\n",
     ["  paragraph: yes"], "Guidelines footnote: `paragraph` is True; expected a paragraph number, 1–113"),
    ("paragraph without parts",
     "  parts:\n  - start: In a globalized and increasingly mobile world, the sale and sexual exploitation of "
     "children in the context\n    end: through the use of networks of anonymous contacts on the darknet.\n",
     "  parts: []\n",
     ["  parts: []"], "paragraph: `parts` is []; expected a list of at least 1"),
    ("a region no index knows",
     "    origin: Uganda\n    region: Africa\n", "    origin: Uganda\n    region: Afrika\n",
     ["    region: Afrika"], "callout entry: `region` is 'Afrika'; expected one of Africa, Americas"),
    ("blank anchor",
     "  end: Exploitation Material (2018). Available here\n", "  end: ' '\n",
     ["  end: ' '"], "callout: `end` is ' '; expected words of the report, or null"),
    ("a list where one item belongs",
     "front_matter:\n  headings:\n  - An Explanatory Report\n",
     "front_matter:\n  headings:\n  - [An Explanatory Report]\n",
     ["  headings:", "- [An Explanatory Report]"], "front matter: `headings[0]` is ['An Explanatory Report']; expected words of the report"),
    ("unknown section",
     "marker_fixes: []\n", "marker_fix: []\n",
     ["marker_fix: []"], "unknown section `marker_fix`"),
    # What one entry cannot say alone, and what only the text can show.
    ("front matter title that is none of its headings",
     "  title: Preface\n", "  title: Prefce\n",
     ["  title: Prefce"], "front matter title 'Prefce': expected one of its headings ('An Explanatory Report', "),
    ("misprinted cross-reference without its number",
     "- at: in paragraph 52 of the Guidelines.", "- at: in the Guidelines.",
     ["- at: in the Guidelines."], 'misprint with link_to 53: expected `at` to hold the misprinted "paragraph N"'),
    ("misprinted article that is no provision",
     "  article_to: 3 (1) (a) (ii)\n", "  article_to: three\n",
     ["  article_to: three"], "misprint: expected `article_to` to be a provision of the Optional Protocol"),
    ("footnote fix on a line where no footnote starts",
     "- line: 303\n  printed: 18\n", "- line: 302\n  printed: 18\n",
     ["- line: 302"], "footnote fix for report line 302: expected footnote 19 to start there, found none"),
    ("marker fix for a footnote the report does not have",
     "marker_fixes: []\n", "marker_fixes:\n- number: 400\n  anchor: further sexual acts.5\n",
     ["- number: 400"], "marker fix for footnote 400: the report has no footnote 400"),
    ("marker fix whose anchor does not end with the marker",
     "marker_fixes: []\n", "marker_fixes:\n- number: 5\n  anchor: extort children into further sexual acts\n",
     ["- number: 5"], "marker fix for footnote 5: expected an anchor that ends with the marker 5, found "
                      "'extort children into further sexual acts'"),
]


@pytest.mark.parametrize("old, new, where, message", [row[1:] for row in BAD], ids=[row[0] for row in BAD])
def test_bad_editorial_value(tmp_path, old, new, where, message):
    path, text, at = edited(tmp_path, old, new)
    with pytest.raises(ContentError) as err:
        build_report(SOURCE, path)
    line = line_of(text, at, *where)
    assert err.value.path == str(path) and path.name == "editorial.yaml"
    assert str(err.value).startswith(f"{path}:{line}: "), str(err.value)
    assert message in err.value.message, err.value.message


# ---------------------------------------------------------------- anchors

# (text, anchor, offsets of its first two occurrences); runs of white space match any white space.
FIND_TWO = [
    ("sexual abuse and sexual abuse", "sexual abuse", (0, 17)),
    ("sexual abuse and sexual\nabuse", "sexual abuse", (0, 17)),  # the second wraps over a line end
    ("sexual\nabuse and sexual abuse", "sexual abuse", (0, 17)),  # and the first
    ("sexual  abuse", "sexual abuse", (0, -1)),
    ("of sexual abuse", " sexual abuse", (3, -1)),  # outer white space is not part of the words
    ("aa aa aa", "aa aa", (0, 3)),  # overlapping occurrences count
    ("sexual abuse", "sexual exploitation", (-1, -1)),
]


@pytest.mark.parametrize("text, anchor, expected", FIND_TWO)
def test_find_two(text, anchor, expected):
    assert _find_two(text, anchor) == expected


def test_anchor_with_leading_white_space(tmp_path, report):
    """An end anchor with a space before its words (the report has one there) crashed anchor_end; now its
    words are the anchor."""
    path, _, _ = edited(tmp_path, "    end: of similar ages for consensual sexual activity.\n",
                        "    end: ' of similar ages for consensual sexual activity.'\n")
    again = build_report(SOURCE, path)
    assert [b.text for b in again.paragraph(73).guideline] == [b.text for b in report.paragraph(73).guideline]


def test_anchor_whose_second_occurrence_wraps(tmp_path):
    """Once on one line (line 39) and once over the end of line 3: two occurrences, not one."""
    path, text, at = edited(tmp_path, ATTACH_2, "- start: the Sale of children, child prostitution\n")
    line = line_of(text, at)
    with pytest.raises(ContentError) as err:
        build_report(SOURCE, path)
    assert (err.value.path, err.value.line) == (str(path), line)
    assert "occurs more than once" in err.value.message and "(lines 3 and " in err.value.message


def test_a_marker_fix_across_a_line_break_finds_the_marker_the_rule_finds(tmp_path, report):
    """An anchor with white space around it, running over the line break, ending with the marker."""
    path, _, _ = edited(tmp_path, "marker_fixes: []\n",
                        "marker_fixes:\n- number: 5\n  anchor: '  sexually coerce or\n\n    extort children into "
                        "further sexual acts.5 '\n")
    fixed = build_report(SOURCE, path)
    marker = next(f.marker for f in fixed.paragraph(2).footnotes if f.number == 5)
    assert marker == next(f.marker for f in report.paragraph(2).footnotes if f.number == 5)
    assert (marker.line, marker.start, marker.end) == (127, 41, 42)

