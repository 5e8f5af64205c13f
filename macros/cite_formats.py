"""Citations of this edition for reference managers: BibTeX, RIS, CSL-JSON, and plain text.

Pure functions of their arguments (no MkDocs, no I/O): same input, same bytes.

Every Passage gives two references:

1. the Committee's Guidelines (UN doc. CRC/C/156, 10 September 2019), paragraph N;
2. ECPAT International's commentary on it, in this online edition (with URL and access date).

The Guidelines reference of a paragraph is the same whichever passage of the page is cited, so
it is written once per paragraph (key ``crc-c-156-paraN``); the commentary reference is one per
passage (key ``ecpat-2019-paraN``, plus the sanitized anchor when the address has one). Two
different references that would share a key are an error.

Why each field: what Zotero makes of it (checked against its import translators BibTeX.js,
RIS.js and CSL JSON.js); EndNote's RIS reference types use the same tags, and Mendeley imports
BibTeX and RIS by the same conventions.

- Institutional authors must not be split into first and last names. BibTeX: an extra pair of
  braces, ``{{Committee on the Rights of the Child}}`` (Zotero: one single-field name). RIS: a
  trailing comma, ``AU  - Committee on the Rights of the Child,`` -- "last name, no first name",
  which Zotero imports as a single-field name and EndNote keeps as a corporate author. CSL-JSON:
  ``{"literal": ...}``.
- The Guidelines are a report: BibTeX ``@techreport`` (Zotero: Report), ``institution`` (Zotero:
  Institution), ``number`` (Zotero: Report Number); RIS ``TY  - RPRT`` with ``SN`` (Zotero and
  EndNote: Report Number) and ``PB``; CSL ``report`` with ``number`` and ``publisher``. The type
  label "UN doc." (BibTeX ``type``, RIS ``M3``, CSL ``genre``: Zotero's Report Type) stops BibTeX
  styles printing "Technical Report CRC/C/156".
- The paragraph is a pinpoint of the citation, not a page range of the document, so "para. N" goes
  in BibTeX ``note`` and RIS ``N1`` (Zotero: a child note; BibTeX styles print ``note`` at the end)
  and in CSL ``note`` (Zotero: Extra). ``pages`` would make styles print "pp. para. 42". A citing
  processor takes the locator from the citation (CSL ``paragraph`` locator).
- The Explanatory Report is a book, because only Zotero's Book type has an Edition field: BibTeX
  ``@book`` with ``edition``, RIS ``TY  - BOOK`` with ``ET``, CSL ``book`` with ``edition``,
  holding "online edition {version}, {date}". The passage ("commentary on paragraph N", and its
  label) is a note, as above. URL: BibTeX ``url`` (Zotero reads it raw, so it is not TeX-escaped),
  RIS ``UR``, CSL ``URL``; access date: ``urldate``, ``Y2``, ``accessed`` (Zotero: Accessed).
- Dates: BibTeX ``date`` (Zotero and biblatex prefer it) plus ``year``/``month`` for classic
  BibTeX styles; RIS ``PY`` year and ``DA``/``Y2`` as YYYY/MM/DD; CSL ``date-parts``.
- Passage.title (this edition's short title) is not written: no reference-manager field holds the
  title of a pinpoint, and the UN's and ECPAT's titles are the ones a citation must carry.
- Keys: BibTeX entry key, RIS ``ID``, CSL ``id`` and ``citation-key`` (Zotero 7: Citation Key).
- Titles are brace-protected in BibTeX so styles keep their capitals; TeX specials are escaped the
  way Zotero's own export does (it reads them back); curly quotes stay UTF-8. RIS lines are
  ``TAG  - value`` joined by LF, each record ended by ``ER  - ``.
"""

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date as _date
from typing import Any, Literal
from urllib.parse import unquote, urljoin, urlsplit

from .edition import Edition  # the edition a citation is of: version, date, published address

CRC_AUTHOR = "Committee on the Rights of the Child"
CRC_TITLE = ("Guidelines regarding the implementation of the Optional Protocol to the Convention on "
             "the Rights of the Child on the sale of children, child prostitution and child pornography")
CRC_SYMBOL = "CRC/C/156"
CRC_TYPE = "UN doc."
CRC_PUBLISHER = "United Nations"
CRC_DATE = _date(2019, 9, 10)
CRC_ISSUED = "10 September 2019"  # written out, not strftime: no dependence on the locale
ECPAT_AUTHOR = "ECPAT International"
ECPAT_TITLE = "Explanatory Report to the OPSC Guidelines"
ECPAT_YEAR = 2019
PARAGRAPHS = range(1, 114)


@dataclass(frozen=True)
class Passage:
    paragraph: int    # 1..113
    title: str        # our short title of the paragraph, e.g. "Sexting by children" (this edition's, not the UN's)
    address: str      # the canonical address of the paragraph page or passage, absolute when Edition.url is set
                      # ("https://example.org/opsc/paragraphs/42/", "https://…/paragraphs/42/#regional-good-practice-1"), else relative
    label: str = ""   # the passage, when not the whole paragraph: "passage 3", "‘Concrete examples of good regional practice’"
    ecpat: bool = False  # the passage is ECPAT's words (a commentary passage, a box): cited as ECPAT's, first,
                         # commenting on the Committee's paragraph; the Guidelines' text and a whole page are not
    item: str = ""    # an item of the Guideline's list, cited with its paragraph: "e" (para. 97 (e))


RefKind = Literal["crc", "ecpat"]  # the Committee's Guidelines, or ECPAT's commentary in this edition
Reference = tuple[RefKind, str, Passage]  # (kind, citation key, the passage)


# --- the two references, format-neutral -----------------------------------------------------

def _check(passage: Passage, edition: Edition) -> None:
    if passage.paragraph not in PARAGRAPHS:
        raise ValueError(f"paragraph {passage.paragraph} is not a paragraph of the Guidelines (1-113)")
    _date.fromisoformat(edition.date)  # ValueError unless an ISO date


def _address(passage: Passage, edition: Edition) -> str:
    """The passage's address; a relative one is resolved against Edition.url when that is known."""
    return urljoin(edition.url, passage.address) if edition.url else passage.address


def _crc_key(passage: Passage) -> str:
    return f"crc-c-156-para{passage.paragraph}"


def _ecpat_key(passage: Passage) -> str:
    anchor = unquote(urlsplit(passage.address).fragment).lower()
    anchor = re.sub(r"[^a-z0-9]+", "-", anchor).strip("-")
    return f"ecpat-2019-para{passage.paragraph}" + (f"-{anchor}" if anchor else "")


def _commentary(passage: Passage) -> str:
    """'commentary on paragraph N' and the label, whose own leading 'commentary' is not repeated."""
    label = re.sub(r"^commentary\b[\s,:;]*", "", passage.label.strip(), flags=re.I)
    return f"commentary on paragraph {passage.paragraph}" + (f", {label}" if label else "")


def _edition_text(edition: Edition) -> str:
    return f"online edition {edition.version}, {edition.date}"


def _clean(value: object) -> str:
    """One line: reference managers take a line break in a field for the end of the field."""
    return " ".join(str(value).split())


def _references(passages: Sequence[Passage], edition: Edition) -> list[Reference]:
    """[(kind, key, passage)] in input order, the Guidelines one before the first commentary on it."""
    refs: list[Reference] = []
    seen: dict[str, tuple[int | str, ...]] = {}
    for p in passages:
        _check(p, edition)
        keys: tuple[tuple[RefKind, str], ...] = (("crc", _crc_key(p)), ("ecpat", _ecpat_key(p)))
        for kind, key in keys:
            ident = (p.paragraph,) if kind == "crc" else (p.paragraph, p.address, _clean(p.label))
            if key in seen:
                if seen[key] != ident:
                    raise ValueError(f"two different passages would share the citation key {key!r}")
                continue
            seen[key] = ident
            refs.append((kind, key, p))
    return refs


# --- BibTeX -----------------------------------------------------------------------------------

# As Zotero's BibTeX export writes them (and its import reads them back): braces stay balanced for
# BibTeX, which counts \{ as an open brace.
_TEX = {"\\": r"{\textbackslash}", "{": r"\{\vphantom{\}}", "}": r"\vphantom{\{}\}",
        "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_",
        "~": r"{\textasciitilde}", "^": r"{\textasciicircum}"}


_TEX_TABLE = str.maketrans(_TEX)


def _tex(value: object) -> str:
    return _clean(value).translate(_TEX_TABLE)


def _tex_url(url: str) -> str:
    """url fields are verbatim (url/hyperref, biblatex, Zotero): only what would end the field is encoded."""
    return re.sub(r"[{}\\\s]", lambda m: "%%%02X" % ord(m.group()), url)


# How each file writes its access date, as a form: %Y the year, %m and %d the month and day on two digits,
# %n and %j without a leading zero. The writers fill it with the edition's date; the page script
# (docs/js/site.js, citationFiles) puts the reader's date in its place, finding it by the same form.
ACCESSED = {"bib": "urldate = {%Y-%m-%d}", "ris": "Y2  - %Y/%m/%d",
            "csl.json": '"accessed": {"date-parts": [[%Y, %n, %j]]}'}


def accessed(ext: str, day: _date) -> str:
    """The access date `day` as file `ext` writes it."""
    return (ACCESSED[ext].replace("%Y", f"{day.year:04d}").replace("%m", f"{day.month:02d}")
            .replace("%d", f"{day.day:02d}").replace("%n", str(day.month)).replace("%j", str(day.day)))


def _bib_entry(kind: RefKind, key: str, p: Passage, edition: Edition) -> str:
    if kind == "crc":
        fields = [("author", "{%s}" % _tex(CRC_AUTHOR)), ("title", "{%s}" % _tex(CRC_TITLE)),
                  ("type", _tex(CRC_TYPE)), ("number", _tex(CRC_SYMBOL)),
                  ("institution", _tex(CRC_PUBLISHER)), ("date", CRC_DATE.isoformat()),
                  ("year", str(CRC_DATE.year)), ("month", "sep"), ("note", _tex(f"para. {p.paragraph}"))]
        head = f"@techreport{{{key},"
    else:
        fields = [("author", "{%s}" % _tex(ECPAT_AUTHOR)), ("title", "{%s}" % _tex(ECPAT_TITLE)),
                  ("edition", _tex(_edition_text(edition))), ("publisher", _tex(ECPAT_AUTHOR)),
                  ("year", str(ECPAT_YEAR)), ("url", _tex_url(_address(p, edition))), ("urldate", edition.date),
                  ("note", _tex(_commentary(p)))]
        head = f"@book{{{key},"
    lines = [head]
    for name, value in fields:
        if value:  # month is the standard macro, unbraced: every style knows "sep"
            lines.append(f"  {name} = {value}," if name == "month" else f"  {name} = {{{value}}},")
    return "\n".join(lines) + "\n}\n"


def bibtex(passages: Sequence[Passage], edition: Edition) -> str:
    return "\n".join(_bib_entry(kind, key, p, edition) for kind, key, p in _references(passages, edition))


# --- RIS --------------------------------------------------------------------------------------

def _ris_date(d: _date) -> str:
    return d.strftime("%Y/%m/%d")


def _ris_record(kind: RefKind, key: str, p: Passage, edition: Edition) -> str:
    if kind == "crc":
        tags = [("TY", "RPRT"), ("ID", key), ("AU", CRC_AUTHOR + ","), ("TI", CRC_TITLE),
                ("M3", CRC_TYPE), ("SN", CRC_SYMBOL), ("PB", CRC_PUBLISHER),
                ("PY", str(CRC_DATE.year)), ("DA", _ris_date(CRC_DATE)), ("N1", f"para. {p.paragraph}")]
    else:
        tags = [("TY", "BOOK"), ("ID", key), ("AU", ECPAT_AUTHOR + ","), ("TI", ECPAT_TITLE),
                ("ET", _edition_text(edition)), ("PB", ECPAT_AUTHOR), ("PY", str(ECPAT_YEAR)),
                ("UR", _address(p, edition)), ("Y2", _ris_date(_date.fromisoformat(edition.date))),
                ("N1", _commentary(p))]
    return "".join(f"{tag}  - {_clean(value)}\n" for tag, value in tags if value) + "ER  - \n"


def ris(passages: Sequence[Passage], edition: Edition) -> str:
    return "\n".join(_ris_record(kind, key, p, edition) for kind, key, p in _references(passages, edition))


# --- CSL-JSON ---------------------------------------------------------------------------------

def _csl_item(kind: RefKind, key: str, p: Passage, edition: Edition) -> dict[str, Any]:
    if kind == "crc":
        return {"id": key, "citation-key": key, "type": "report",
                "author": [{"literal": CRC_AUTHOR}], "title": CRC_TITLE,
                "genre": CRC_TYPE, "number": CRC_SYMBOL, "publisher": CRC_PUBLISHER,
                "issued": {"date-parts": [[CRC_DATE.year, CRC_DATE.month, CRC_DATE.day]]},
                "note": f"para. {p.paragraph}"}
    accessed = _date.fromisoformat(edition.date)
    item = {"id": key, "citation-key": key, "type": "book",
            "author": [{"literal": ECPAT_AUTHOR}], "title": ECPAT_TITLE,
            "edition": _edition_text(edition), "publisher": ECPAT_AUTHOR,
            "issued": {"date-parts": [[ECPAT_YEAR]]}, "URL": _address(p, edition),
            "accessed": {"date-parts": [[accessed.year, accessed.month, accessed.day]]},
            "note": _clean(_commentary(p))}
    return {k: v for k, v in item.items() if v}


def csl_json(passages: Sequence[Passage], edition: Edition) -> str:
    items = [_csl_item(kind, key, p, edition) for kind, key, p in _references(passages, edition)]
    # One item a line: compact, and a diff shows which reference changed.
    return "[\n" + ",\n".join(json.dumps(item, ensure_ascii=False) for item in items) + "\n]\n"


# --- plain text -------------------------------------------------------------------------------

# How a citation names a passage of ECPAT's commentary: its number, or a box by its title. Templates, because
# the page script fills them too (macros/pages/citations.py, docs/js/site.js): its words are all the build's.
COMMENTARY_LABEL = "passage {n}"
BOX_LABEL = "‘{title}’"


def commentary_label(n: int) -> str:
    return COMMENTARY_LABEL.replace("{n}", str(n))


def box_label(title: str) -> str:
    return BOX_LABEL.replace("{title}", title)


def citation_text(passage: Passage, edition: Edition) -> str:
    """The Committee's paragraph (an item of it), then ECPAT's commentary on it in this edition; for ECPAT's own
    words (a commentary passage, a box), ECPAT's first, "commenting on" the Committee's paragraph."""
    _check(passage, edition)
    item = f" ({passage.item})" if passage.item else ""
    crc = f"{CRC_AUTHOR}, {CRC_TITLE}, {CRC_SYMBOL} ({CRC_ISSUED}), para. {passage.paragraph}{item}"
    ecpat = (f"{ECPAT_AUTHOR}, {ECPAT_TITLE} ({ECPAT_YEAR}), {_commentary(passage)}, "
             f"online edition {edition.version} ({edition.date})")
    if passage.address:
        ecpat += f", {_address(passage, edition)}"
    text = f"{ecpat}, commenting on {crc}" if passage.ecpat else f"{crc}; {ecpat}"
    return _clean(text + ".")


def running_line(edition: Edition) -> str:
    """What every printed page says of the work it is from (docs/js/site.js prints it at the foot)."""
    return f"{ECPAT_TITLE} · online edition {edition.version} ({edition.date})"


def handout_citation(first: int | None, last: int | None, address: str, edition: Edition) -> str:
    """How to cite a printed chapter (paragraphs `first` to `last`), or with first None the Guidelines alone."""
    if first is None:
        return _clean(f"{CRC_AUTHOR}, {CRC_TITLE}, {CRC_SYMBOL} ({CRC_ISSUED}), as published in {ECPAT_AUTHOR}, "
                      f"{ECPAT_TITLE}, online edition {edition.version} ({edition.date}), {address}.")
    span = f"{first}–{last}"
    return _clean(f"{CRC_AUTHOR}, {CRC_TITLE}, {CRC_SYMBOL} ({CRC_ISSUED}), paras. {span}; {ECPAT_AUTHOR}, "
                  f"{ECPAT_TITLE} ({ECPAT_YEAR}), commentary on paragraphs {span}, online edition {edition.version} "
                  f"({edition.date}), {address}.")
