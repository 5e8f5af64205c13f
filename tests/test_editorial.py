"""The reviewed editorial file is consistent with the report's text, where the build cannot tell: every
anchor standing once, numbers where the file says, sections and boxes where they belong are checked by the
build itself (macros/editorial.py, macros/extract.py, and their tests in test_editorial_schema.py)."""

import re
from pathlib import Path

import pytest

from macros.editorial import read_editorial

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def editorial():
    return read_editorial(ROOT / "content" / "editorial.yaml")


def test_titles_are_unique_and_short(editorial):
    titles = [p.title for p in editorial.paragraphs]
    assert len(set(titles)) == 113
    assert all(2 <= len(t.split()) <= 9 and not t.endswith(".") for t in titles)


SELF_REFERENCE = re.compile(r"^(?:In|By|With|Through) this paragraph")


def test_in_paragraph_n_commentary_is_attached_to_n(report, editorial):
    """Commentary opening with "In paragraph N" belongs to N; with "In this
    paragraph" to the paragraph it follows, unless a reviewed attach entry of
    the editorial file, with its reason, says otherwise."""
    ends = sorted((p.guideline[-1].lines[1], p.number) for p in report.paragraphs)
    reviewed = {" ".join(a.start.split()): a for a in editorial.attach if a.why}
    checked = 0
    for p in report.paragraphs:
        for block in p.commentary:
            m = re.match(r"In paragraph (\d+)\b", block.text)
            if not (m or SELF_REFERENCE.match(block.text)):
                continue
            follows = max((n for end, n in ends if end < block.lines[0]), default=None)
            decision = next((a for k, a in reviewed.items() if block.text.startswith(k)), None)
            allowed = {follows} | ({int(m.group(1))} if m else set())
            if decision:
                allowed.add(decision.to)
            assert p.number in allowed, (p.number, allowed, block.text[:60])
            if m and int(m.group(1)) != p.number:
                # Pointing back to another paragraph from this one's commentary.
                assert f"paragraph {m.group(1)} of its Guidelines" in block.text
            checked += 1
    assert checked >= 10


def test_one_name_for_one_source_of_good_practice(editorial):
    """The good-practice index groups by origin: a body spelt two ways would be listed twice."""
    origins = sorted({e.origin for c in editorial.callouts for e in c.entries if e.origin})
    assert len(origins) > 25
    by_words = {}
    for o in origins:
        by_words.setdefault(frozenset(re.findall(r"\w+", o.lower())), []).append(o)
    assert [v for v in by_words.values() if len(v) > 1] == []  # "A (B)" and "B (A)"
    # "United States" and "United States of America": a longer name may only add a qualifier.
    clashes = [(a, b) for a in origins for b in origins
               if a != b and b.startswith(a) and not re.match(r" (?:\(|and )", b[len(a):])]
    assert clashes == []
    regions = {e.region for c in editorial.callouts for e in c.entries if e.region}
    assert regions == {"Africa", "Americas", "Asia-Pacific", "Europe", "Middle East", "International"}
