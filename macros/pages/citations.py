"""How to cite a paragraph, on its page: the citation to copy, and links to the citation files for reference
managers (macros/pages/data.py writes the files, macros/cite_formats.py their text)."""

from ..cite_formats import ACCESSED, BOX_LABEL, COMMENTARY_LABEL, Passage, citation_text
from ..edition import Edition
from ..ids import Anchor
from ..inline import escape
from ..model import Paragraph
from .html import PRINT_BUTTON, html_attr
from .paths import citation_path, rel

CITATION_FORMATS = (("BibTeX", "bib"), ("RIS", "ris"), ("CSL-JSON", "csl.json"))


def paragraph_address(p: Paragraph, edition: Edition) -> str:
    address: str = edition.address(f"paragraphs/{p.number}/")
    return address


def cite_data(p: Paragraph, address: str, edition: Edition) -> str:
    """The data the page script (docs/js/site.js) cites a passage from, as attributes: the paragraph's address,
    and templates whose {slots} it fills: a Guideline item's citation ({item}: "e"), a commentary passage's or a
    box's ({anchor}; {label}: COMMENTARY_LABEL's {n} or BOX_LABEL's {title}). Every word is written here, by
    macros/cite_formats.py: rewording a citation cannot break the Cite button."""
    data = {"address": address}
    # Each template only where the page has such a passage: bytes add up, on 113 pages.
    if any(b.id is not None and isinstance(b.id.number, str) for b in p.guideline):  # "guideline-e"
        data["cite-item"] = citation_text(Passage(p.number, p.title, f"{address}#{Anchor.guideline('{item}')}",
                                                  item="{item}"), edition)
    if p.items:
        data["cite-passage"] = citation_text(Passage(p.number, p.title, f"{address}#{{anchor}}", "{label}",
                                                     ecpat=True), edition)
        data["label-commentary"], data["label-box"] = COMMENTARY_LABEL, BOX_LABEL
    return " ".join(f'data-{name}="{html_attr(value)}"' for name, value in data.items())


def cite_block(p: Paragraph, path: str, edition: Edition, offline: bool = False) -> str:
    address = paragraph_address(p, edition)
    text = escape(citation_text(Passage(p.number, p.title, address), edition))
    # The address marked: it is the page's published address, wherever the page is read.
    text = text.replace(escape(address), f'<span class="page-url">{escape(address)}</span>', 1)
    if offline:
        text += " (read in the offline copy of this edition)"
    # The offline copy carries the whole edition's files only: 339 small files weigh 200 kB in a zip.
    files = citation_file_links(path, None if offline else p.number, edition, copy=not offline,
                                lead="For a reference manager (Zotero, EndNote, Mendeley): ")
    files += " (every paragraph)</p>" if offline else "</p>"
    return ("## Cite this paragraph { #cite }\n\n"
            f'<div class="citation" markdown="block">\n<p class="citation-text" id="citation-text" '
            f'{cite_data(p, address, edition)} markdown="span">{text}</p>\n'
            '<button type="button" class="md-button copy-citation" data-copy="#citation-text" data-search-exclude>'
            f'Copy citation</button> {PRINT_BUTTON}\n'
            f'{files}\n'
            # Our short titles read like headings of the UN text: say whose they are, so no one cites them.
            f'<p class="title-note" data-search-exclude>The short title “{escape(p.title)}” is this edition’s, '
            'not part of the Guidelines or of the Explanatory Report.</p>\n'
            "</div>\n")


def citation_file_links(path: str, number: int | None, edition: Edition, copy: bool = True, lead: str = "") -> str:
    """A paragraph of links to each format's file, downloaded rather than opened as text, and (online) a
    button beside each that copies it for a reference manager's "import from clipboard". docs/js/site.js
    puts the reader's date as the access date in both, finding the edition's by the forms this paragraph
    carries (cite_formats.ACCESSED). `number`: a paragraph's files, or None for the whole edition's."""
    items = []
    for label, ext in CITATION_FORMATS:
        target = citation_path(number, ext)
        item = f'[{label}]({rel(path, target)}){{ .cite-file download="{target.rsplit("/", 1)[-1]}" data-format="{ext}" }}'
        if copy:
            item += (f' <button type="button" class="cite-copy" data-format="{ext}" '
                     f'aria-label="Copy the {label} entry">Copy</button>')
        items.append(item)
    forms = " ".join(f'data-accessed-{ext.replace(".", "-")}="{html_attr(form)}"' for ext, form in ACCESSED.items())
    return (f'<p class="citation-files" data-search-exclude markdown="span" '
            f'data-edition-date="{html_attr(edition.date)}" {forms}>{lead}{" · ".join(items)}')
