"""The model holds the report as published: structure, text, boxes, notes, links."""

import hashlib
import json
import re
from collections import Counter
from pathlib import Path

from macros.build import PERMALINKS, load_edition
from macros.checklist_export import checklist_json
from macros.instruments import read_instruments
from macros.model import Block, to_json
from macros.permalinks import anchored_items, read_register, start_of, unregistered
from macros.pages.data import report_json
from macros.recommendations import read_checklist
from macros.stats import report_stats

ROOT = Path(__file__).resolve().parent.parent


def guideline_text(p):
    return " ".join(b.text for b in p.guideline)


def test_source_is_recorded_unchanged(report):
    data = (ROOT / "content" / "explanatory-report.txt").read_bytes()
    # The SHA-256 of the text as extracted from the PDF, before any change.
    assert report.sha256 == hashlib.sha256(data).hexdigest()
    assert report.sha256 == "0c57a0a8df597b4ea0f2568b9396008d3d5a125ef1c887b945f5969e19d90aea"


def test_ten_chapters_with_their_titles(report):
    titles = [(c.number, c.title) for c in report.chapters]
    assert titles == [
        ("I", "Introduction"),
        ("II", "Objectives of the Guidelines"),
        ("III", "General measures of implementation"),
        ("IV", "Prevention of the offences covered by the Optional Protocol"),
        ("V", "Prohibition of the offences covered by the Optional Protocol"),
        ("VI", "Sanctions"),
        ("VII", "Jurisdiction and extradition"),
        ("VIII", "The child victim’s right to assistance and protection in legal proceedings"),
        ("IX", "The child victim’s right to recovery, family and social reintegration and compensation"),
        ("X", "Mutual legal assistance and international cooperation"),
    ]
    # Chapter VII has no heading line in the text; every other title is as printed.
    assert report.chapter("VII").heading is None
    for c in report.chapters:
        if c.heading:
            assert " ".join(c.heading.text.split()) == f"{c.number}. {c.title}"


def test_sections(report):
    iii = report.chapter("III")
    assert [s.letter for s in iii.sections] == list("ABCDEFG")
    assert iii.sections[0].title == "Legislation"
    viii = report.chapter("VIII")
    # Printed with the American spelling, kept as printed.
    assert viii.sections[1].title == "Counseling, reporting and complaints mechanisms"
    for c in report.chapters:
        for s in c.sections:
            assert s.heading is not None and s.title in " ".join(s.heading.text.split())


def test_paragraphs_in_chapter_order(report):
    first = {c.number: min(p.number for p in report.paragraphs if p.chapter == c.number) for c in report.chapters}
    assert first["VII"] == 80 and max(p.number for p in report.paragraphs if p.chapter == "VII") == 89
    assert first["II"] == 9 and first["X"] == 108
    assert all(p.guideline for p in report.paragraphs)


def test_paragraph_texts_start_and_end_with_their_own_words(report):
    p = report.paragraph
    assert guideline_text(p(1)).startswith("The Convention on the Rights of the Child, adopted in 1989")
    assert guideline_text(p(1)).endswith("require an interpretation adapted to today’s realities.")
    assert guideline_text(p(16)).startswith("Legislative measures should include the liability of both natural")
    assert guideline_text(p(42)).startswith("The Committee draws States parties’ attention to the need to address")
    assert guideline_text(p(113)).startswith("The Committee encourages States parties to support national and")
    # Paragraphs that ran into the next one with no blank line are cut apart.
    assert guideline_text(p(75)).endswith("physical premises in the traditional sense of the term.")
    assert guideline_text(p(76)).startswith("Clear rules and procedures should be established")
    # A Guideline paragraph is complete: it ends a sentence.
    for para in report.paragraphs:
        assert guideline_text(para).rstrip().endswith((".", ";", ":", ".”")), para.number


def test_split_list_paragraph_is_whole(report):
    p97 = report.paragraph(97)
    markers = [b.marker for b in p97.guideline if b.kind == "li"]
    assert markers == ["(a)", "(b)", "(c)", "(d)", "(e)"]
    assert p97.guideline[4].text.startswith("(d) Using, where possible, appropriate communication technology")


def test_lists_stay_lists(report):
    p9 = report.paragraph(9)
    assert [b.kind for b in p9.guideline] == ["p", "li", "li", "li"]
    assert p9.guideline[1].text.startswith("(a) To foster a deeper understanding")


def test_commentary_is_attached_to_its_paragraph(report):
    p6 = report.paragraph(6)
    assert p6.commentary[0].text.startswith("In paragraph 6, the Committee reminds States parties")
    p18 = report.paragraph(18)
    assert any(b.text.startswith("Here the Committee is pointing to the risk that children who are victims")
               for b in p18.commentary)
    # Printed before paragraph 10, it explains paragraph 11's general principles.
    assert report.paragraph(11).commentary[0].text.startswith("The general principles contained in Articles 2")
    # Chapter VI opens with one essay on sanctions: its article 3 (3) part explains paragraph 77, its article 7
    # part paragraph 74.
    assert [b.text[:28] for b in report.paragraph(74).commentary] == [
        "Regarding sanctions for offe", "Article 7 OPSC uses terms su", "Lastly, consideration should"]
    assert report.paragraph(77).commentary[0].text.startswith("Article 3(3) OPSC states that all OPSC offences")
    # "By whatever means" (paragraph 61) continues after paragraph 62's Guideline text, with its footnote.
    assert [b.text[:28] for b in report.paragraph(61).commentary] == [
        "By this paragraph, the Commi", "Previously, the representati"]
    assert [f.number for f in report.paragraph(61).footnotes if f.series == "report"] == [141, 142]
    assert report.paragraph(62).commentary[0].text.startswith("In paragraph 62 of the Guidelines")


def test_callouts_by_type(report):
    counts = Counter(c.type for p in report.paragraphs for c in p.callouts)
    assert counts == {"resource_tip": 30, "good_practice": 22, "regional_good_practice": 13,
                      "iwg_advice": 5, "case_law": 1, "definition": 1}
    printed = Counter(c.heading.text.strip() for p in report.paragraphs for c in p.callouts)
    assert printed["CONCRETE EXAMPLE OF REGIONAL GOOD PRACTICE"] == 1


def test_good_practice_has_its_origin(report):
    panama = report.paragraph(16).callouts[0]
    assert panama.type == "good_practice" and panama.id == "good-practice-1"
    assert (panama.entries[0].origin, panama.entries[0].region) == ("Panama", "Americas")
    assert panama.entries[0].blocks[0].text.startswith("In Panama, legislation against the sexual exploitation")
    bullets = [b for b in panama.entries[0].blocks if b.kind == "li"]
    assert len(bullets) == 3 and bullets[0].marker == "•"
    for p in report.paragraphs:
        for c in p.callouts:
            if c.type in ("good_practice", "regional_good_practice", "case_law"):
                assert all(e.origin and e.region for e in c.entries), (p.number, c.id)


def test_case_law_and_definition(report):
    case = [c for p in report.paragraphs for c in p.callouts if c.type == "case_law"]
    assert len(case) == 1
    assert case[0].entries[0].blocks[0].text.startswith("In Ramírez brothers vs. Guatemala")
    definition = [(p.number, c) for p in report.paragraphs for c in p.callouts if c.type == "definition"]
    assert definition[0][1].entries[0].blocks[0].text.startswith("ICT encompass any communication device")


def test_resource_tips_have_one_entry_per_resource(report):
    tips = [c for p in report.paragraphs for c in p.callouts if c.type == "resource_tip"]
    gcs = next(c for c in tips if "General comment No. 13" in c.entries[0].blocks[0].text)
    assert len(gcs.entries) == 6
    link = gcs.entries[0].blocks[0].links[0]
    assert link.kind == "available_here" and link.url == "http://www.refworld.org/docid/4e6da4922.html"
    assert gcs.entries[5].blocks[0].links[0].url.startswith("https://rm.coe.int/guidelines-to-respect-protect")
    # One resource and the paragraph that describes it are one entry, not two.
    cfj, = report.paragraph(97).callouts[0].entries
    assert [b.text[:40] for b in cfj.blocks] == ["Guidelines of the Committee of Ministers",
                                                 "The Guidelines on child-friendly justice"]
    assert sum(len(c.entries) for c in tips) == 62


def test_footnotes_both_series(report):
    report_notes = sorted(f.number for p in report.paragraphs for f in p.footnotes if f.series == "report")
    assert report_notes == list(range(1, 212))
    guideline_notes = [(p.number, f.number) for p in report.paragraphs for f in p.footnotes
                       if f.series == "guideline"]
    assert guideline_notes == [(1, 1), (5, 2)]
    fn = {f.number: f for p in report.paragraphs for f in p.footnotes if f.series == "report"}
    assert fn[1].text.startswith("See for instance: Committee on the Rights of the Child, Report of the 2014")
    # Printed as a second 18: corrected explicitly, with the reason kept.
    assert fn[19].printed == 18 and "printed" not in (fn[18].note or "") and fn[19].note
    assert fn[19].text.startswith("UN Committee on the Rights of the Child (CRC), General comment No. 14")


def test_every_marker_points_to_its_body(report):
    for p in report.paragraphs:
        refs = {(r.series, r.number) for b in p.guideline + [x for item in p.items for x in _blocks(item)]
                for r in b.refs}
        bodies = {(f.series, f.number) for f in p.footnotes}
        assert refs == bodies, p.number
    # "No. 1419": general comment 14, marker 19.
    p6 = report.paragraph(6)
    text = p6.commentary[0].text
    assert "General Comments No. 13 , No. 14, No. 16 and No. 17." in text
    assert [r.number for r in p6.commentary[0].refs] == [18, 19, 20, 21]


def _blocks(item):
    if isinstance(item, Block):
        return [item]
    return [item.heading] + [b for e in item.entries for b in e.blocks]


def test_links(report):
    stats = report_stats(report)
    assert stats["available_here_links"] == 73
    assert [u.line for u in report.unresolved_links] == [393, 440]
    # Page 8 lists A/73/174 twice and nothing for the Council of Europe: no wrong link is better than a guess.
    boxes = [e.blocks[-1] for c in report.paragraph(7).callouts for e in c.entries]
    assert [(link.kind, link.url) for b in boxes for link in b.links] == [
        ("available_here", "https://undocs.org/A/RES/70/1"),
        ("available_here", "https://documents-dds-ny.un.org/doc/UNDOC/GEN/N18/227/33/PDF/N1822733.pdf?OpenElement/"),
        ("missing", None)]
    assert boxes[-1].text.startswith("Council of Europe contribution to the UN 2030 Agenda")
    # The misspelt "Avalaible here" is a link too.
    gc6 = [b for p in report.paragraphs for c in p.callouts for e in c.entries for b in e.blocks
           if b.text.startswith("General Comment No. 6 (2005)")]
    assert gc6[0].links[0].url == "https://www.refworld.org/docid/42dd174b4.html"
    # URLs in footnotes are links, even when broken over two lines.
    fn = {f.number: f for p in report.paragraphs for f in p.footnotes if f.series == "report"}
    assert [link.url for link in fn[7].links] == ["https://www.weprotect.org/s/64159_WeProtect-GA-report-1.pdf"]


def test_hyphenation_repaired(report):
    text = " ".join(f.text for p in report.paragraphs for f in p.footnotes)
    assert "information and communication technologies (ICT)" in text
    assert "informa-" not in text
    # Hyphens the report breaks a line at and means (source lines 2838, 3070, 4311), kept.
    assert "travellers or long-term visitors" in guideline_text(report.paragraph(59))
    assert "the production by children of self-generated sexual content" in guideline_text(report.paragraph(67))
    assert "provide long-term social and psychological services" in guideline_text(report.paragraph(102))


def test_removed_furniture(report):
    reasons = Counter(r.reason.split(" ")[0] + " " + r.reason.split(" ")[1] for r in report.removed)
    assert reasons["running header"] == 22
    assert reasons["paragraph number"] == 60
    assert reasons["footnote number"] == 213
    # A page-end URL that an "Available here" takes: 73, each from a line that says so (once "Avalaible").
    targets = [r for r in report.removed if r.target_of is not None]
    assert len(targets) == 73
    lines = open(report.source, encoding="utf-8").read().split("\n")
    assert all(re.search(r"(?i)ava(?:ila|lai)ble here", lines[r.target_of - 1]) for r in targets)


BLOCK = ["kind", "text", "lines", "spans", "refs", "links", "marker"]
# Every record of data/report.json, by where it stands ("[]": each item of a list), with its keys in order:
# the shape docs/data.md documents, pinned.
JSON_SHAPE = {
    "$": ["schema_version", "edition", "source", "front_matter", "chapters", "paragraphs", "removed",
          "unresolved_links", "apparatus", "moved_anchors", "recommendations"],
    "$.edition": ["version", "date", "url"],
    "$.source": ["path", "sha256"],
    "$.front_matter[]": BLOCK,
    "$.chapters[]": ["number", "title", "heading", "sections"],
    "$.chapters[].heading": BLOCK,
    "$.chapters[].sections[]": ["letter", "title", "heading"],
    "$.chapters[].sections[].heading": BLOCK,
    "$.paragraphs[]": ["number", "title", "chapter", "section", "guideline", "commentary", "callouts", "footnotes"],
    "$.paragraphs[].guideline[]": ["id"] + BLOCK,
    "$.paragraphs[].commentary[]": ["id"] + BLOCK,
    "$.paragraphs[].callouts[]": ["id", "type", "heading", "entries", "after_commentary_block"],
    "$.paragraphs[].callouts[].heading": BLOCK,
    "$.paragraphs[].callouts[].entries[]": ["origin", "region", "blocks"],
    "$.paragraphs[].callouts[].entries[].blocks[]": BLOCK,
    "$.paragraphs[].footnotes[]": ["series", "number", "printed", "text", "lines", "spans", "links", "marker",
                                   "paragraph", "note"],
    "refs[]": ["series", "number", "offset"],
    "links[]": ["offset", "length", "url", "kind"],
    "$.removed[]": ["line", "text", "reason", "span"],
    "$.unresolved_links[]": ["line", "text", "why"],
    "$.apparatus[]": ["id", "kind", "paragraph", "anchor", "lines", "printed", "note", "why", "chapter", "link_to",
                      "article_to"],
    "$.moved_anchors[]": ["paragraph", "anchor", "now"],
    "$.moved_anchors[].now": ["paragraph", "anchor"],
    # The checklist (macros/checklist_export.py), after the model's data (macros/pages/data.py).
    "$.recommendations[]": ["number", "paragraph", "anchor", "verb", "verb_group", "strength", "words", "start",
                            "articles", "themes"],
}


def records(node, path="$"):
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            yield from records(value, f"{path}.{key}")
    elif isinstance(node, list):
        for value in node:
            yield from records(value, f"{path}[]")


def test_the_json_has_its_documented_shape(report):
    edition = load_edition(ROOT, "https://example.org/opsc/")
    registry = read_instruments(ROOT / "content" / "instruments.yaml").with_misprints(report.apparatus)
    checklist = read_checklist(report, registry, ROOT / "content")
    data = json.loads(report_json(report, edition, checklist))
    assert data == to_json(report, edition) | {"recommendations": checklist_json(checklist)}
    seen = Counter()
    for path, record in records(data):
        where = path if path in JSON_SHAPE else path.rsplit(".", 1)[-1]
        assert where in JSON_SHAPE, f"{path}: a record docs/data.md does not describe"
        assert list(record) == JSON_SHAPE[where], path
        seen[where] += 1
    assert set(seen) == set(JSON_SHAPE)  # each kind of record occurs
    assert seen["$.paragraphs[]"] == 113 and seen["$.paragraphs[].callouts[]"] == 72
    assert data["paragraphs"][41]["number"] == 42
    assert data["paragraphs"][15]["callouts"][0]["entries"][0]["origin"] == "Panama"
    # The page documents every key, and no key the data does not have.
    doc = (ROOT / "docs" / "data.md").read_text(encoding="utf-8")
    shape = doc[doc.index("## Shape"):]
    shape = "\n".join(re.sub(r"(^|\s)#.*", "", line) for line in shape.split("\n"))  # less the comments
    documented = set(re.findall(r'"([a-z_0-9]+)":', shape))
    assert documented == {key for keys in JSON_SHAPE.values() for key in keys}


def test_a_marker_mid_sentence_is_not_a_list_item(report):
    p80 = report.paragraph(80)
    assert len(p80.guideline) == 1
    assert "offences mentioned in article 3 (1) of the Optional Protocol" in p80.guideline[0].text
    assert [b.marker for b in report.paragraph(40).guideline[1:]] == ["a.", "b.", "c.", "d.", "e."]


def test_words_broken_after_a_slash_are_joined(report):
    assert "education and/or income-generating" in guideline_text(report.paragraph(100))


def test_lower_case_available_here_is_a_link_too(report):
    box = next(c for c in report.paragraph(42).callouts if c.type == "regional_good_practice")
    last = box.entries[-1].blocks[-1]
    assert last.text.endswith("The Lanzarote Committee’s Opinion is available here")
    assert last.links[-1].url.startswith("https://rm.coe.int/opinion-of-the-lanzarote-committee-on-child-sexually")


def test_a_note_left_open_by_a_colon_takes_the_line_after_the_page_gap(report):
    fn = {f.number: f for p in report.paragraphs for f in p.footnotes if f.series == "report"}
    assert fn[108].text.endswith("“The myths of the digital native and the multitasker” in: "
                                 "Teaching and Teacher Education, Vol. 67, October 2017, p. 135-142.")
    assert fn[198].text.endswith("Available at: https://fra.europa.eu/sites/default/files/fra_uploads/"
                                 "fra-2019-children-deprived-of-parental-care_en.pdf")
    assert [link.url for link in fn[198].links] == [
        "https://fra.europa.eu/sites/default/files/fra_uploads/fra-2019-children-deprived-of-parental-care_en.pdf"]
    # …and the commentary of paragraphs 40 and 100 no longer carries them.
    for n in (40, 100):
        assert not any(b.text.startswith(("Teaching and Teacher", "https://")) for b in report.paragraph(n).commentary)


def test_urls_broken_inside_a_percent_code_or_query_are_whole(report):
    fn = {f.number: f for p in report.paragraphs for f in p.footnotes if f.series == "report"}
    assert fn[42].links[-1].url == "https://www.unicef.org/violencestudy/5.%20World%20Report%20on%20Violence%20against%20Children.pdf"
    assert fn[178].links[-1].url == "https://www.ilo.org/dyn/normlex/en/f?p=NORMLEXPUB:12100:0::NO::P12100_ILO_CODE:R190"


# ---------------------------------------------------------------- published anchors

def test_every_anchor_on_the_pages_is_registered(report):
    """New passages get their addresses recorded before they are published (scripts/permalinks.py --write)."""
    register = read_register(ROOT / PERMALINKS)
    assert unregistered(report, register) == []
    # 842 addresses of edition 1.0, and the 53 items of Guideline lists named by their letter in 1.1.
    assert len(register) == 842 + 53
    assert sum(1 for r in register if re.match(r"guideline-[a-z]$", r.anchor)) == 53


def test_published_anchors_keep_their_passages(report):
    """Every address in the register still lands on the passage it was published for."""
    register = read_register(ROOT / PERMALINKS)
    aliases = {(n, a.anchor): a for n, moved in report.aliases.items() for a in moved}
    by_start = {}
    for p in report.paragraphs:
        for _, item in anchored_items(p):
            by_start[start_of(item)] = (p.number, item)
    for row in register:
        if (row.paragraph, row.anchor) in aliases:
            continue
        if row.anchor.startswith("fn:"):
            assert any(f"fn:{f.series[0]}{f.number}" == row.anchor for f in report.paragraph(row.paragraph).footnotes)
            continue
        n, item = by_start[(row.line, row.col)]
        assert (n, item.id) == (row.paragraph, row.anchor), row


def test_a_moved_passage_keeps_its_old_address(report):
    """Paragraph 62's first passage, published as 62#commentary-1, was found to explain paragraph 61."""
    assert [(a.anchor, a.paragraph, a.target) for a in report.aliases[62]] == [
        ("commentary-1", 61, "commentary-2"), ("fn:r142", 61, "fn:r142")]
    assert report.paragraph(61).commentary[1].id == "commentary-2"
    assert report.paragraph(61).commentary[1].text.startswith("Previously, the representation of a child")
    # Paragraph 62's own passages keep the numbers they were published with; 1 is never reused.
    assert [b.id for b in report.paragraph(62).commentary] == [
        "commentary-2", "commentary-3", "commentary-4", "commentary-5"]
    assert report.paragraph(62).commentary[0].text.startswith("In paragraph 62 of the Guidelines")
    # Elsewhere, only the items of Guideline lists, named by their letter on their own page since 1.1.
    elsewhere = [a for n, moved in report.aliases.items() for a in moved if n != 62]
    assert elsewhere and all(re.match(r"guideline-\d+$", a.anchor) and re.match(r"guideline-[a-z]$", a.target)
                             for a in elsewhere)
    assert {n for n, moved in report.aliases.items() for a in moved if a.paragraph != n} == {62}


def test_ids_follow_reading_order_where_nothing_moved(report):
    p16 = report.paragraph(16)
    assert [b.id for b in p16.guideline] == [f"guideline-{k}" for k in range(1, len(p16.guideline) + 1)]
    assert [b.id for b in p16.commentary] == [f"commentary-{k}" for k in range(1, len(p16.commentary) + 1)]
    assert [c.id for c in p16.callouts] == ["good-practice-1"]


def test_report_json_blocks_carry_every_field():
    """report.json writes blocks, references and links from their fields, without asdict's deep copies: every
    field of the model, in its order, the anchor (`id`, the passage's) aside."""
    from dataclasses import fields

    from macros.model import Block, Link, Ref, _block
    block = Block("p", "text", (1, 1), [(1, 0, 4)], refs=[Ref("report", 1, 2)], links=[Link(0, 4, "https://x", "url")])
    out = _block(block)
    assert list(out) == [f.name for f in fields(Block) if f.name != "id"]
    assert list(out["refs"][0]) == [f.name for f in fields(Ref)]
    assert list(out["links"][0]) == [f.name for f in fields(Link)]
    assert out["lines"] == [1, 1] and out["spans"] == [[1, 0, 4]] and out["links"][0]["url"] == "https://x"
