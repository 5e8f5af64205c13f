"""The reviewed editorial file is consistent with the report's text."""

import re
from pathlib import Path

import pytest

from macros.anchors import _find_two
from macros.editorial import read_editorial

ROOT = Path(__file__).resolve().parent.parent
SOURCE_TEXT = (ROOT / "content" / "explanatory-report.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def editorial():
    return read_editorial(ROOT / "content" / "editorial.yaml")


def all_anchors(ed):
    for p in ed["paragraphs"]:
        for part in p["parts"]:
            yield f"paragraph {p['n']} start", part["start"]
            yield f"paragraph {p['n']} end", part["end"]
    for a in ed.get("attach") or ():
        yield f"attach to {a['to']}", a["start"]
    for c in ed["callouts"]:
        if c.get("end"):
            yield f"callout at line {c['heading_line']} end", c["end"]
        for e in c.get("entries") or ():
            yield f"entry {e.get('origin') or 'of the box at line ' + str(c['heading_line'])}", e["start"]
    for ch in ed["chapters"]:
        if ch.get("heading"):
            yield f"chapter {ch['number']} heading", ch["heading"]
    for s in ed["sections"]:
        yield f"section {s['chapter']}.{s['letter']} heading", s["heading"]
    for g in ed["guideline_footnotes"]:
        yield f"Guidelines footnote {g['n']}", g["start"]


def test_every_anchor_occurs_exactly_once(editorial):
    anchors = list(all_anchors(editorial))
    assert len(anchors) > 113 * 2
    for what, anchor in anchors:
        first, second = _find_two(SOURCE_TEXT, anchor)
        assert first >= 0, f"{what}: {anchor!r} not in the report"
        assert second < 0, f"{what}: {anchor!r} occurs more than once"


def test_kept_numbers_stand_where_the_editorial_file_says(editorial):
    lines = SOURCE_TEXT.split("\n")
    stated = {p["n"]: p["number_line"] for p in editorial["paragraphs"] if p.get("number_line")}
    assert len(stated) == 60
    for n, line in stated.items():
        assert lines[line - 1].strip() == str(n)


def test_titles_are_unique_and_short(editorial):
    titles = [p["title"] for p in editorial["paragraphs"]]
    assert len(set(titles)) == 113
    assert all(2 <= len(t.split()) <= 9 and not t.endswith(".") for t in titles)


def test_sections_belong_to_their_chapters(editorial):
    letters = {(s["chapter"], s["letter"]) for s in editorial["sections"]}
    for p in editorial["paragraphs"]:
        if p.get("section"):
            assert (p["chapter"], p["section"]) in letters, p["n"]


SELF_REFERENCE = re.compile(r"^(?:In|By|With|Through) this paragraph")


def test_in_paragraph_n_commentary_is_attached_to_n(report, editorial):
    """Commentary opening with "In paragraph N" belongs to N; with "In this
    paragraph" to the paragraph it follows, unless a reviewed attach entry of
    the editorial file, with its reason, says otherwise."""
    ends = sorted((p.guideline[-1].lines[1], p.number) for p in report.paragraphs)
    reviewed = {" ".join(a["start"].split()): a for a in editorial.get("attach") or () if a.get("why")}
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
                allowed.add(decision["to"])
            assert p.number in allowed, (p.number, allowed, block.text[:60])
            if m and int(m.group(1)) != p.number:
                # Pointing back to another paragraph from this one's commentary.
                assert f"paragraph {m.group(1)} of its Guidelines" in block.text
            checked += 1
    assert checked >= 10


def test_callout_paragraphs_exist_and_types_match(report, editorial):
    assert len(editorial["callouts"]) == 72
    found = [(c.heading.lines[0], c.type, p.number) for p in report.paragraphs for c in p.callouts]
    stated = [(c["heading_line"], c["type"], c["paragraph"]) for c in editorial["callouts"]]
    assert sorted(found) == sorted(stated)


def test_one_name_for_one_source_of_good_practice(editorial):
    """The good-practice index groups by origin: a body spelt two ways would be listed twice."""
    origins = sorted({e["origin"] for c in editorial["callouts"] for e in c.get("entries") or () if e.get("origin")})
    assert len(origins) > 25
    by_words = {}
    for o in origins:
        by_words.setdefault(frozenset(re.findall(r"\w+", o.lower())), []).append(o)
    assert [v for v in by_words.values() if len(v) > 1] == []  # "A (B)" and "B (A)"
    # "United States" and "United States of America": a longer name may only add a qualifier.
    clashes = [(a, b) for a in origins for b in origins
               if a != b and b.startswith(a) and not re.match(r" (?:\(|and )", b[len(a):])]
    assert clashes == []
    regions = {e["region"] for c in editorial["callouts"] for e in c.get("entries") or () if e.get("region")}
    assert regions == {"Africa", "Americas", "Asia-Pacific", "Europe", "Middle East", "International"}
