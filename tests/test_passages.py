"""The passages of the paragraph pages, each with its typed anchor: one record, produced once."""

import copy
import json

import pytest

from macros.build import PERMALINKS
from macros.ids import Anchor, AnchorKind
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
    assert Anchor.footnote("report", 19).note == "r19" and f"fnref:{Anchor.parse('fn:g2').note}" == "fnref:g2"
    with pytest.raises(ValueError):
        Anchor.commentary(3).note


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


def test_the_passages_are_made_once_in_page_order(report):
    from collections import Counter

    from macros.passages import passages

    assert passages(report) is report.passages  # the list the model was built with, not a walk of it again
    assert Counter(s.zone for s in report.passages) == {"commentary": 389, "footnote": 213, "guideline": 166,
                                                        "box": 72}
    # Each anchor once on its page, and every passage's anchor of the kind its zone says.
    assert len({(s.paragraph, s.anchor) for s in report.passages}) == len(report.passages)
    kinds = {"guideline": AnchorKind.GUIDELINE, "commentary": AnchorKind.COMMENTARY, "box": AnchorKind.BOX,
             "footnote": AnchorKind.FOOTNOTE}
    assert all(s.anchor.kind is kinds[s.zone] for s in report.passages)
    # 62's first commentary passage now explains 61 (content/permalinks.tsv): its number is not given again.
    assert [s.anchor for s in report.passages if s.paragraph == 62][:2] == ["guideline-1", "commentary-2"]
    assert [s.anchor for s in report.passages if s.paragraph == 61] == ["guideline-1", "commentary-1",
                                                                        "commentary-2", "fn:r141", "fn:r142"]


def test_a_passage_holds_its_place_words_and_source(report):
    by = {(s.paragraph, s.anchor): s for s in report.passages}
    item = by[(97, "guideline-e")]
    assert item.zone == "guideline" and item.lines == (4176, 4181) and tuple(item.start) == (4176, 0)
    assert item.text.startswith("(e) Taking special precautionary measures, as needed, when the alleged")
    assert item.blocks == (report.paragraph(97).guideline[5],) and item.item is item.blocks[0]
    box = by[(15, "case-law-1")]
    # A box: its heading, then its entries' words, its origin first.
    assert box.blocks[0].text == "CASE LAW" and box.lines == (878, 888)
    assert box.text.startswith("Inter-American Court of Human Rights CASE LAW In Ramírez brothers")
    note = by[(6, "fn:r19")]
    assert note.blocks == () and note.item.number == 19 and note.lines == (303, 305)
    assert note.text.startswith("UN Committee on the Rights of the Child (CRC), General comment No. 14")


def test_the_model_leaves_extraction_complete_and_unchangeable(report):
    import dataclasses

    from macros.model import Block

    # Every passage has its anchor and every "Available here" its link when build_report returns.
    assert all(b.id is not None for p in report.paragraphs for b in p.guideline + p.commentary)
    here = [link for s in report.passages for b in s.blocks for link in b.links if link.kind == "available_here"]
    assert len(here) == 73 and all(link.url.startswith("http") for link in here)
    block = report.paragraph(62).guideline[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        block.id = "guideline-9"
    with pytest.raises(dataclasses.FrozenInstanceError):
        report.apparatus = []
    assert isinstance(block, Block) and block.id == "guideline-1"


def test_misprints_go_one_way_from_the_editorial_file(report):
    from macros.apparatus import renumbered

    by_line = {m.line: m for m in report.misprints}
    meant = by_line[2971]  # "in paragraph 52 of the Guidelines": 53 is meant
    assert (meant.paragraph, meant.anchor, meant.link_to) == (62, "commentary-5", 53)
    assert by_line[2414].article_to == "3 (1) (a) (ii)" and by_line[2414].anchor == "commentary-3"
    # The apparatus lists them, and the pages' renumbering reads them, from the model's list.
    listed = [(i.paragraph, i.anchor, i.lines[0], i.printed) for i in report.apparatus if i.kind == "misprint"]
    assert listed == [(m.paragraph, m.anchor, m.line, m.printed) for m in report.misprints]
    assert renumbered(report) == {(62, "commentary-5"): {52: 53}}


def test_a_register_row_with_no_anchor_of_this_edition_is_refused_at_its_line(tmp_path):
    from macros.errors import ContentError

    path = tmp_path / "permalinks.tsv"
    path.write_text("# published\n12\tcommentary-1\t3:4\tfirst words\n12\tcomentary-2\t5:0\tnext words\n",
                    encoding="utf-8")
    with pytest.raises(ContentError, match=r"permalinks.tsv:3: no kind of box is named 'comentary'"):
        read_register(path)
