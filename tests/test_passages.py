"""The passages of the paragraph pages, each with its typed anchor: one record, produced once."""

import copy
import json

import pytest

from macros.build import PERMALINKS
from macros.model import Anchor, AnchorKind
from macros.permalinks import read_register


@pytest.mark.parametrize("text, kind, prefix, number, series", [
    ("guideline-2", AnchorKind.GUIDELINE, "guideline", 2, None),
    ("guideline-e", AnchorKind.GUIDELINE, "guideline", "e", None),
    ("commentary-3", AnchorKind.COMMENTARY, "commentary", 3, None),
    ("good-practice-1", AnchorKind.BOX, "good-practice", 1, None),
    ("regional-good-practice-2", AnchorKind.BOX, "regional-good-practice", 2, None),
    ("fn:r19", AnchorKind.FOOTNOTE, "r", 19, "report"),
    ("fn:g2", AnchorKind.FOOTNOTE, "g", 2, "guideline"),
    ("section-b", AnchorKind.SECTION, "section", "b", None),
])
def test_an_anchor_is_its_published_id_with_typed_parts(text, kind, prefix, number, series):
    a = Anchor.parse(text)
    assert (str(a), a.kind, a.prefix, a.number, a.series) == (text, kind, prefix, number, series)
    assert a == text and hash(a) == hash(text)
    # Copied (dataclasses.asdict copies) and written as JSON, it stays what it was.
    assert copy.deepcopy(a).kind is kind and json.dumps({"a": a}) == json.dumps({"a": text})


def test_anchors_built_and_parsed_agree():
    assert Anchor.footnote("report", 19) == "fn:r19" and Anchor.footnote("guideline", 3) == "fn:g3"
    assert Anchor.box("case-law", 1) == "case-law-1" and Anchor.section("B") == "section-b"
    assert Anchor.guideline("e") == Anchor.parse("guideline-e")


@pytest.mark.parametrize("text", ["fn:x1", "fn:r", "commentary", "good-practise-1", "guideline-12a", "box-e", ""])
def test_what_is_not_an_anchor_is_refused(text):
    with pytest.raises(ValueError):
        Anchor.parse(text)


def test_every_registered_anchor_parses_back_to_its_row():
    rows = read_register(PERMALINKS)
    assert len(rows) > 800
    assert all(isinstance(r.anchor, Anchor) and str(Anchor.parse(r.anchor)) == r.anchor for r in rows)
    assert {r.anchor.kind for r in rows} == {AnchorKind.GUIDELINE, AnchorKind.COMMENTARY, AnchorKind.BOX,
                                             AnchorKind.FOOTNOTE}
