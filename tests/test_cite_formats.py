"""macros/cite_formats.py: each format read back by a real parser (bibtexparser v2, rispy, citeproc-py)."""

import json
import warnings

import bibtexparser
import pytest
import rispy
from bibtexparser.middlewares import LatexDecodingMiddleware, SeparateCoAuthors, SplitNameParts
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, Locator, formatter
from citeproc.source.json import CiteProcJSON

from pathlib import Path

from macros.cite_formats import Edition, Passage, bibtex, citation_text, csl_json, ris

CRC = "Committee on the Rights of the Child"
CRC_TITLE = ("Guidelines regarding the implementation of the Optional Protocol to the Convention on "
             "the Rights of the Child on the sale of children, child prostitution and child pornography")
ECPAT = "ECPAT International"
ECPAT_TITLE = "Explanatory Report to the OPSC Guidelines"
BASE = "https://example.org/opsc/"
ONLINE = Edition("1.1", "2026-11-29", BASE)
LOCAL = Edition("1.1", "2026-11-29", "")
BOX = "commentary, ‘Concrete examples of good regional practice’ & more"

# id, passage, edition, then what a reader of the output must find: commentary key, the passage
# in the commentary note, URL.
CASES = [
    ("whole-paragraph", Passage(42, "Sexting by children", f"{BASE}paragraphs/42/"), ONLINE,
     "ecpat-2019-para42", "commentary on paragraph 42", f"{BASE}paragraphs/42/"),
    ("box-with-label", Passage(42, "Sexting by children", f"{BASE}paragraphs/42/#regional-good-practice-1", BOX),
     ONLINE, "ecpat-2019-para42-regional-good-practice-1",
     "commentary on paragraph 42, ‘Concrete examples of good regional practice’ & more",
     f"{BASE}paragraphs/42/#regional-good-practice-1"),
    ("paragraph-1", Passage(1, "Scope", f"{BASE}paragraphs/1/"), ONLINE,
     "ecpat-2019-para1", "commentary on paragraph 1", f"{BASE}paragraphs/1/"),
    ("paragraph-113", Passage(113, "Dissemination", f"{BASE}paragraphs/113/"), ONLINE,
     "ecpat-2019-para113", "commentary on paragraph 113", f"{BASE}paragraphs/113/"),
    ("relative-address", Passage(42, "Sexting by children", "paragraphs/42/#commentary-1"), LOCAL,
     "ecpat-2019-para42-commentary-1", "commentary on paragraph 42", "paragraphs/42/#commentary-1"),
    # A numbered commentary passage, ECPAT's words: its number in the note, its pinpoint in the URL.
    ("commentary-passage", Passage(42, "Sexting by children", f"{BASE}paragraphs/42/#commentary-3", "passage 3",
                                   ecpat=True), ONLINE,
     "ecpat-2019-para42-commentary-3", "commentary on paragraph 42, passage 3", f"{BASE}paragraphs/42/#commentary-3"),
    ("tex-specials", Passage(97, "Item", f"{BASE}paragraphs/97/#fn:r12", "footnote 12: 50% of {cases}, a_b #1 $2"),
     ONLINE, "ecpat-2019-para97-fn-r12", "commentary on paragraph 97, footnote 12: 50% of {cases}, a_b #1 $2",
     f"{BASE}paragraphs/97/#fn:r12"),
]
IDS = [c[0] for c in CASES]


def _bib(text):
    # Names are split before LaTeX is decoded, so that the protecting braces count (as in BibTeX).
    lib = bibtexparser.parse_string(
        text, append_middleware=[SeparateCoAuthors(), SplitNameParts(), LatexDecodingMiddleware()])
    assert not lib.failed_blocks, [b.error for b in lib.failed_blocks]
    return lib


def _one_institution(names, expected):
    """One name, all of it the 'last' part, brace-protected: the institution is not split."""
    assert len(names) == 1
    n = names[0]
    assert (n.first, n.von, n.jr) == ([], [], [])
    assert [part.strip("{}") for part in n.last] == [expected]


@pytest.mark.parametrize("case, passage, edition, key, commentary, url", CASES, ids=IDS)
def test_bibtex(case, passage, edition, key, commentary, url):
    n = passage.paragraph
    lib = _bib(bibtex([passage], edition))
    crc, ecpat = lib.entries
    assert (crc.key, ecpat.key) == (f"crc-c-156-para{n}", key)

    f = crc.fields_dict
    assert crc.entry_type == "techreport"
    _one_institution(f["author"].value, CRC)
    assert f["title"].value == CRC_TITLE
    assert f["number"].value == "CRC/C/156"
    assert f["institution"].value == "United Nations"
    assert (f["date"].value, f["year"].value, f["month"].value) == ("2019-09-10", "2019", "sep")
    assert f["note"].value == f"para. {n}"

    f = ecpat.fields_dict
    assert ecpat.entry_type == "book"
    _one_institution(f["author"].value, ECPAT)
    assert f["title"].value == ECPAT_TITLE
    assert f["edition"].value == "online edition 1.1, 2026-11-29"
    assert f["year"].value == "2019"
    assert f["urldate"].value == "2026-11-29"
    assert f["note"].value == commentary

    # The url field is verbatim (Zotero reads it raw): no TeX escapes to decode.
    raw = {e.key: e.fields_dict for e in bibtexparser.parse_string(bibtex([passage], edition)).entries}
    assert raw[key]["url"].value == url


@pytest.mark.parametrize("case, passage, edition, key, commentary, url", CASES, ids=IDS)
def test_ris(case, passage, edition, key, commentary, url):
    n = passage.paragraph
    text = ris([passage], edition)
    assert "\r" not in text
    assert all(line[:2].isalnum() and line[2:6] == "  - " for line in text.splitlines() if line)
    assert text.count("TY  - ") == text.count("ER  - ") == 2 and text.endswith("ER  - \n")

    crc, ecpat = rispy.loads(text)
    assert (crc["id"], ecpat["id"]) == (f"crc-c-156-para{n}", key)

    assert crc["type_of_reference"] == "RPRT"
    # "Name," = a last name and no first name: Zotero and EndNote keep it as one corporate name.
    assert crc["authors"] == [CRC + ","]
    assert crc["title"] == CRC_TITLE
    assert crc["issn"] == "CRC/C/156"  # SN: Report Number in Zotero and EndNote
    assert crc["publisher"] == "United Nations"
    assert (crc["year"], crc["date"]) == ("2019", "2019/09/10")
    assert crc["notes"] == [f"para. {n}"]

    assert ecpat["type_of_reference"] == "BOOK"
    assert ecpat["authors"] == [ECPAT + ","]
    assert ecpat["title"] == ECPAT_TITLE
    assert ecpat["edition"] == "online edition 1.1, 2026-11-29"
    assert ecpat["year"] == "2019"
    assert ecpat["urls"] == [url]
    assert ecpat["access_date"] == "2026/11/29"
    assert ecpat["notes"] == [commentary]


def _render(items, paragraph):
    """Each item through citeproc-py with the bundled style: (in-text citations, bibliography)."""
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    with warnings.catch_warnings():
        # citeproc-py predates CSL 1.0.2's citation-key, which Zotero 7 reads.
        warnings.filterwarnings("ignore", message="The following arguments for Reference are unsupported: citation_key")
        bib = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
    citations = [Citation([CitationItem(item["id"], locator=Locator("paragraph", str(paragraph)))]) for item in items]
    for c in citations:
        bib.register(c)
    cites = [str(bib.cite(c, lambda missing: pytest.fail(f"unknown item {missing.key}"))) for c in citations]
    return cites, [str(entry) for entry in bib.bibliography()]


@pytest.mark.parametrize("case, passage, edition, key, commentary, url", CASES, ids=IDS)
def test_csl_json(case, passage, edition, key, commentary, url):
    n = passage.paragraph
    crc, ecpat = items = json.loads(csl_json([passage], edition))
    assert (crc["id"], ecpat["id"]) == (f"crc-c-156-para{n}", key)
    assert (crc["citation-key"], ecpat["citation-key"]) == (crc["id"], ecpat["id"])

    assert crc["type"] == "report"
    assert crc["author"] == [{"literal": CRC}]
    assert crc["title"] == CRC_TITLE
    assert crc["number"] == "CRC/C/156"
    assert crc["publisher"] == "United Nations"
    assert crc["issued"] == {"date-parts": [[2019, 9, 10]]}
    assert crc["note"] == f"para. {n}"

    assert ecpat["type"] == "book"
    assert ecpat["author"] == [{"literal": ECPAT}]
    assert ecpat["title"] == ECPAT_TITLE
    assert ecpat["edition"] == "online edition 1.1, 2026-11-29"
    assert ecpat["issued"] == {"date-parts": [[2019]]}
    assert ecpat["URL"] == url
    assert ecpat["accessed"] == {"date-parts": [[2026, 11, 29]]}
    assert ecpat["note"] == commentary

    cites, entries = _render(items, n)
    assert cites == [f"({CRC}, 2019, para. {n})", f"({ECPAT}, 2019, para. {n})"]
    assert len(entries) == 2
    crc_entry, ecpat_entry = sorted(entries)  # the style sorts by author
    assert crc_entry.startswith(CRC) and "CRC/C/156" in crc_entry and CRC_TITLE in crc_entry
    assert ecpat_entry.startswith(ECPAT) and ECPAT_TITLE in ecpat_entry and url in ecpat_entry


ALL = [c[1:3] for c in CASES if c[2] is ONLINE]


@pytest.mark.parametrize("write", [bibtex, ris, csl_json])
def test_deterministic(write):
    passages = [p for p, _ in ALL]
    copies = [Passage(p.paragraph, p.title, p.address, p.label) for p in passages]
    edition = Edition(ONLINE.version, ONLINE.date, ONLINE.url)
    assert write(passages, ONLINE).encode() == write(passages, ONLINE).encode() == write(copies, edition).encode()


def test_keys_unique_and_the_guidelines_written_once_per_paragraph():
    passages = [p for p, _ in ALL]
    expected = ["crc-c-156-para42", "ecpat-2019-para42", "ecpat-2019-para42-regional-good-practice-1",
                "crc-c-156-para1", "ecpat-2019-para1", "crc-c-156-para113", "ecpat-2019-para113",
                "ecpat-2019-para42-commentary-3", "crc-c-156-para97", "ecpat-2019-para97-fn-r12"]
    assert [e.key for e in _bib(bibtex(passages, ONLINE)).entries] == expected
    assert [r["id"] for r in rispy.loads(ris(passages, ONLINE))] == expected
    assert [i["id"] for i in json.loads(csl_json(passages, ONLINE))] == expected
    assert len(set(expected)) == len(expected)


@pytest.mark.parametrize("passage, edition, expected", [
    (CASES[1][1], ONLINE,
     "Committee on the Rights of the Child, Guidelines regarding the implementation of the Optional Protocol to "
     "the Convention on the Rights of the Child on the sale of children, child prostitution and child pornography, "
     "CRC/C/156 (10 September 2019), para. 42; ECPAT International, Explanatory Report to the OPSC Guidelines "
     "(2019), commentary on paragraph 42, ‘Concrete examples of good regional practice’ & more, online edition 1.1 "
     "(2026-11-29), https://example.org/opsc/paragraphs/42/#regional-good-practice-1."),
    (Passage(42, "Sexting by children", f"{BASE}paragraphs/42/#regional-good-practice-1",
             "commentary, ‘Concrete examples of good regional practice’"), ONLINE,
     "Committee on the Rights of the Child, Guidelines regarding the implementation of the Optional Protocol to "
     "the Convention on the Rights of the Child on the sale of children, child prostitution and child pornography, "
     "CRC/C/156 (10 September 2019), para. 42; ECPAT International, Explanatory Report to the OPSC Guidelines "
     "(2019), commentary on paragraph 42, ‘Concrete examples of good regional practice’, online edition 1.1 "
     "(2026-11-29), https://example.org/opsc/paragraphs/42/#regional-good-practice-1."),
    (CASES[0][1], ONLINE,
     "Committee on the Rights of the Child, Guidelines regarding the implementation of the Optional Protocol to "
     "the Convention on the Rights of the Child on the sale of children, child prostitution and child pornography, "
     "CRC/C/156 (10 September 2019), para. 42; ECPAT International, Explanatory Report to the OPSC Guidelines "
     "(2019), commentary on paragraph 42, online edition 1.1 (2026-11-29), https://example.org/opsc/paragraphs/42/."),
    (CASES[4][1], LOCAL,
     "Committee on the Rights of the Child, Guidelines regarding the implementation of the Optional Protocol to "
     "the Convention on the Rights of the Child on the sale of children, child prostitution and child pornography, "
     "CRC/C/156 (10 September 2019), para. 42; ECPAT International, Explanatory Report to the OPSC Guidelines "
     "(2019), commentary on paragraph 42, online edition 1.1 (2026-11-29), paragraphs/42/#commentary-1."),
    # ECPAT's words (a commentary passage, a box): ECPAT's first, commenting on the Committee's paragraph.
    (Passage(42, "Sexting by children", f"{BASE}paragraphs/42/#commentary-3", "passage 3", ecpat=True), ONLINE,
     "ECPAT International, Explanatory Report to the OPSC Guidelines (2019), commentary on paragraph 42, passage 3, "
     "online edition 1.1 (2026-11-29), https://example.org/opsc/paragraphs/42/#commentary-3, commenting on "
     "Committee on the Rights of the Child, Guidelines regarding the implementation of the Optional Protocol to the "
     "Convention on the Rights of the Child on the sale of children, child prostitution and child pornography, "
     "CRC/C/156 (10 September 2019), para. 42."),
    (Passage(42, "Sexting by children", f"{BASE}paragraphs/42/#regional-good-practice-1",
             "‘Concrete examples of good regional practice’", ecpat=True), ONLINE,
     "ECPAT International, Explanatory Report to the OPSC Guidelines (2019), commentary on paragraph 42, ‘Concrete "
     "examples of good regional practice’, online edition 1.1 (2026-11-29), "
     "https://example.org/opsc/paragraphs/42/#regional-good-practice-1, commenting on Committee on the Rights of "
     "the Child, Guidelines regarding the implementation of the Optional Protocol to the Convention on the Rights "
     "of the Child on the sale of children, child prostitution and child pornography, CRC/C/156 (10 September "
     "2019), para. 42."),
], ids=["box", "brief-example", "whole", "relative", "commentary-passage-ecpat", "box-ecpat"])
def test_citation_text(passage, edition, expected):
    assert citation_text(passage, edition) == expected


def test_relative_address_resolved_when_the_site_address_is_known():
    p = Passage(42, "Sexting by children", "paragraphs/42/#commentary-1")
    assert json.loads(csl_json([p], ONLINE))[1]["URL"] == f"{BASE}paragraphs/42/#commentary-1"


@pytest.mark.parametrize("passages", [
    [Passage(0, "x", f"{BASE}paragraphs/0/")],
    [Passage(114, "x", f"{BASE}paragraphs/114/")],
    [Passage(42, "x", f"{BASE}paragraphs/42/", "one"), Passage(42, "x", f"{BASE}paragraphs/42/", "another")],
], ids=["paragraph-0", "paragraph-114", "one-key-two-passages"])
@pytest.mark.parametrize("write", [bibtex, ris, csl_json])
def test_refused(write, passages):
    with pytest.raises(ValueError):
        write(passages, ONLINE)


# ---------------------------------------------------------------- in the reader's browser (issue 20, point 4)

ROOT = Path(__file__).resolve().parent.parent

def test_the_access_date_forms_are_what_the_files_write(site):
    """cite_formats.ACCESSED, which the page script reads, is how each file writes its access date."""
    from datetime import date

    from macros.cite_formats import accessed
    from macros.edition import read_edition
    day = date.fromisoformat(read_edition(ROOT / "content" / "edition.yaml").date)
    for ext in ("bib", "ris", "csl.json"):
        text = (site / "data" / "cite" / f"paragraph-42.{ext}").read_text(encoding="utf-8")
        # One access date per reference of ECPAT's words: the paragraph's commentary, its passages and box.
        books = text.count({"bib": "@book{", "ris": "TY  - BOOK", "csl.json": '"type": "book"'}[ext])
        assert books >= 2 and text.count(accessed(ext, day)) == books, ext


@pytest.mark.parametrize("ext, label", [("bib", "BibTeX"), ("ris", "RIS"), ("csl.json", "CSL-JSON")])
def test_copy_and_download_give_the_readers_access_date(browser, server, ext, label, tmp_path):
    from datetime import date

    from macros.cite_formats import accessed
    from macros.edition import read_edition
    edition_day = date.fromisoformat(read_edition(ROOT / "content" / "edition.yaml").date)
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"], accept_downloads=True)
    page = context.new_page()
    page.goto(server + "/paragraphs/42/")
    today = date.fromisoformat(page.evaluate(
        "() => { const d = new Date(); return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0')"
        " + '-' + String(d.getDate()).padStart(2, '0'); }"))
    link = page.locator(f'.citation-files a.cite-file[data-format="{ext}"]')
    assert link.inner_text() == label
    # Copy, by keyboard: the whole file, with today's date as the access date.
    button = page.locator(f'.citation-files button.cite-copy[data-format="{ext}"]')
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.getElementById('copy-status') && "
                           "document.getElementById('copy-status').textContent.includes('copied')")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert accessed(ext, today) in copied and "Explanatory Report to the OPSC Guidelines" in copied
    if today != edition_day:
        assert accessed(ext, edition_day) not in copied
    # Download: a file of the same text, not a tab of raw text.
    with page.expect_download() as info:
        link.click()
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    assert info.value.suggested_filename == f"paragraph-42.{ext}"
    assert path.read_text(encoding="utf-8") == copied
    context.close()
