"""Provenance and the editor's apparatus: the site says what this edition is and where the texts come from,
and lists every intervention, generated from content/, with a marker beside each passage it concerns."""

import json
import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
EDITORIAL = yaml.safe_load((ROOT / "content" / "editorial.yaml").read_text(encoding="utf-8"))


def text_of(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_provenance_page_names_both_sources(site, report):
    html = (site / "about" / "edition" / "index.html").read_text(encoding="utf-8")
    text = text_of(html)
    for words in ("unofficial", "CRC/C/156", "81st session", "10 September 2019", "30 May 2019",
                  "Explanatory Report to the OPSC Guidelines", "26 September 2019", "Online edition 1.1",
                  report.sha256):
        assert words in text, words
    assert re.search(r'href="?https://undocs\.org/CRC/C/156"?', html)
    # The address for reporting errors is shown only when mkdocs.yml sets one (it does not, here).
    assert "Report an error" not in text


def test_every_decision_that_changes_the_reading_has_its_entry(site, report):
    kinds = {}
    for i in report.apparatus:
        kinds.setdefault(i.kind, []).append(i)
    assert len(kinds["footnote-number"]) == len(EDITORIAL["footnote_fixes"])
    assert len(kinds["placed"]) == len(EDITORIAL["attach"])
    assert len(kinds["link"]) == sum(1 for f in EDITORIAL["link_fixes"] if not f.get("url"))
    assert len(kinds["misprint"]) == len(EDITORIAL["misprints"]) >= 7
    assert len(kinds["address"]) == sum(1 for n, moved in report.aliases.items() for a in moved if a.paragraph != n)
    assert [i.chapter for i in kinds["heading"] if i.anchor is None] == [None, "VII"]  # the preface; no heading
    assert ("III", "section-b", "before paragraph 20") in {(i.chapter, i.anchor, i.note) for i in kinds["heading"]}
    boxes = {(i.paragraph, i.anchor) for i in kinds["box"]}
    assert (3, "resource-tip-1") in boxes and (15, "case-law-1") in boxes
    assert len(kinds["title"]) == 113
    page = (site / "about" / "apparatus" / "index.html").read_text(encoding="utf-8")
    ids = re.findall(r'\bid="?(ed-[a-z-]+-\d+)', page)
    assert ids == [i.id for i in report.apparatus]
    lines = (ROOT / "content" / "explanatory-report.txt").read_text(encoding="utf-8").splitlines()
    pages = {}
    for i in report.apparatus:
        if i.kind in ("title", "heading"):
            continue
        # A working link to the passage, and the source lines, on the entry.
        entry = re.search(rf'id="?{i.id}"?.*?</div>', page, re.S).group(0)
        assert re.search(rf'href="?\.\./\.\./paragraphs/{i.paragraph}/#{re.escape(i.anchor)}"?', entry), i.id
        assert 1 <= i.lines[0] <= i.lines[1] <= len(lines), i
        if i.kind == "misprint":
            joined = " ".join(lines[i.lines[0] - 1:i.lines[0] + 1])
            assert " ".join(i.printed.split()[:3]) in " ".join(joined.split()), i
        html = pages.setdefault(i.paragraph, (site / "paragraphs" / str(i.paragraph) / "index.html")
                                .read_text(encoding="utf-8"))
        assert re.search(rf'\bid="?{re.escape(i.anchor)}"?[ >]', html), i
        # The marker beside the passage leads to the entry.
        assert re.search(rf'class="?ed-mark"? href="?\.\./\.\./about/apparatus/#{i.id}"?', html) or \
            re.search(rf'href="?\.\./\.\./about/apparatus/#{i.id}"?[^>]*class="?ed-mark', html), i.id
    placed = next(i for i in kinds["placed"] if i.paragraph == 2)
    assert placed.printed.startswith("The development and spread of ICT are exposing")
    fix = kinds["footnote-number"][0]
    assert (fix.paragraph, fix.anchor, fix.printed, fix.note) == (6, "fn:r19", "18", "footnote 19")


def test_the_open_data_carries_the_same_list(site, report):
    data = json.loads((site / "data" / "report.json").read_text(encoding="utf-8"))
    assert [e["id"] for e in data["apparatus"]] == [i.id for i in report.apparatus]
    first = data["apparatus"][0]
    assert set(first) == {"id", "kind", "paragraph", "anchor", "lines", "printed", "note", "why", "chapter", "link_to",
                          "article_to"}


def test_a_misprinted_cross_reference_links_to_the_paragraph_meant(site):
    """Paragraph 62's commentary says “paragraph 52” for the interpretation of “sexual activities” in 53."""
    html = (site / "paragraphs" / "62" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'paragraph <a href="?\.\./53/"? ?>52</a> <span class="?editorial-note"?>\[paragraph 53 is meant\]',
                     html)
    referred = lambda n: re.search(r'id="?referred-to"?.*?</p>', (site / "paragraphs" / str(n) / "index.html")  # noqa: E731
                                   .read_text(encoding="utf-8"), re.S)
    assert re.search(r'href="?\.\./62/"?', referred(53).group(0))
    assert referred(52) is None or not re.search(r'href="?\.\./62/"?', referred(52).group(0))


def test_two_markers_beside_one_passage_say_which_is_which(site, report):
    """Each marker's accessible name says what it concerns: no two on a page are alike (paragraph 36's
    footnote 103 holds two misprints; paragraph 15's case-law box was placed, and holds a misprint)."""
    shared = 0
    for p in report.paragraphs:
        html = (site / "paragraphs" / str(p.number) / "index.html").read_text(encoding="utf-8")
        labels = re.findall(r'<a (?=[^>]*class="?ed-mark)[^>]*aria-label="([^"]*)"', html)  # any attribute order
        assert len(labels) == len(set(labels)), (p.number, labels)
        assert len(labels) == sum(1 for i in report.apparatus if i.paragraph == p.number and i.anchor), p.number
        shared += len(labels) - len({i.anchor for i in report.apparatus if i.paragraph == p.number and i.anchor})
    assert shared >= 8, shared
    html = (site / "paragraphs" / "36" / "index.html").read_text(encoding="utf-8")
    assert "sic (ed.): Misprints kept as printed: “orphan tourism and globel social work”" in html


def test_a_passage_with_several_interventions_shows_one_ed_and_a_word_for_each(site):
    html = (site / "paragraphs" / "15" / "index.html").read_text(encoding="utf-8")
    title = re.search(r'admonition-title"?>(.*?)</p>', html).group(1)
    assert re.sub(r"<[^>]+>", "", title).split() == ["Case", "law", "ed.", "placed,", "sic", "¶"], title
    for page in sorted((site / "paragraphs").glob("*/index.html")):
        text = re.sub(r"<[^>]+>", "", page.read_text(encoding="utf-8"))
        assert not re.search(r"\bed\.\s+ed\.", text), page


# The editorial file's working language, which the apparatus's "Why" lines must not speak to readers.
WORKING_LANGUAGE = [
    (r"\bline \d|\blines \d", "a line number of the extracted text"),
    (r"\battach\b", "the editorial file's section name"),
    (r"content/|\.yaml", "a file of this repository"),
    (r"= paragraph", "shorthand"),
    (r"\bthe file\b", "the editorial file"),
    (r"\b(?:RESOURCE TIPS?|CASE LAW|CONCRETE EXAMPLE)", "a box heading in the report's capitals"),
    (r"needed because|without this|ends the|resets", "how the rule behind the entry works"),
]


@pytest.mark.parametrize("pattern, what", WORKING_LANGUAGE)
def test_the_why_lines_speak_to_readers(site, report, pattern, what):
    page = (site / "about" / "apparatus" / "index.html").read_text(encoding="utf-8")
    whys = re.findall(r'class="?ed-why"?>Why: (.*?)</p>', page)
    assert len(whys) == sum(1 for i in report.apparatus if i.why and i.kind != "title"), len(whys)
    assert not [w for w in whys if re.search(pattern, w)], what
    labels = re.findall(r'class="?ed-place"?><a [^>]*>([^<]*)</a>', page)
    assert "Paragraph 19, box (the IWG’s advice)" in labels


def test_the_renderers_write_each_mark_with_its_passage_and_a_mark_without_passage_is_an_error(report):
    """macros/pages: the "ed." marks are written as each passage is (just before its ¶ link, or a footnote's
    back link), not patched into the page afterwards; an intervention whose passage the page lacks stops the
    build."""
    from dataclasses import replace
    from macros.pages.blocks import Style, render_blocks, render_footnotes
    from macros.pages.interventions import intervention_marks
    from macros.pages.paths import para_path
    renumbered = next(i for i in report.apparatus if i.kind == "footnote-number")
    p = report.paragraph(renumbered.paragraph)
    path = para_path(p.number)
    marks = intervention_marks(report, p, path)
    notes = render_footnotes(p.footnotes, path, ed=marks)
    fid = renumbered.anchor[3:]
    assert re.search(rf'<span class="ed-marks">ed\. \[renumbered\]\(\.\./about/apparatus\.md#{renumbered.id} '
                     rf'"Editorial note: [^"]+"\)\{{ \.ed-mark [^}}]+\}}</span> '
                     rf'<a class="footnote-backref" href="#fnref:{fid}"', notes)
    assert "ed-marks" not in render_footnotes(p.footnotes, path)
    misprint = next(i for i in report.apparatus if i.kind == "misprint" and i.anchor.startswith("commentary-"))
    q = report.paragraph(misprint.paragraph)
    block = next(b for b in q.commentary if b.id == misprint.anchor)
    html = render_blocks([block], para_path(q.number), Style(anchored=True),
                         ed=intervention_marks(report, q, para_path(q.number)))
    assert re.search(rf'\[sic\]\([^)]*#{misprint.id} [^)]*\)[^<]*</span> <a class="block-link" '
                     rf'href="#{misprint.anchor}"', html)
    from macros.ids import Anchor
    lost = replace(report, apparatus=[replace(misprint, anchor=Anchor.commentary(99))])
    with pytest.raises(ValueError, match=r"commentary-99"):
        intervention_marks(lost, q, para_path(q.number))
