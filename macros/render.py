"""The model as Markdown pages: one per Guidelines paragraph, one per chapter,
the preface and the indexes. Pure functions: model in, {path: text} out."""

import html
import json
import re
from collections import defaultdict
from dataclasses import dataclass

from .cite_formats import (ACCESSED, CRC_AUTHOR, CRC_ISSUED, CRC_SYMBOL, CRC_TITLE, Passage, bibtex, citation_text,
                           csl_json, handout_citation, ris)
from .apparatus import KINDS, renumbered
from .callouts import BY_TYPE, gathered_on, title
from .crossrefs import paragraph_mentions
from .instruments import OPSC, mentions
from .inline import CitationLink, escape, fn_id, inline
from .model import Block, to_json

@dataclass(frozen=True)
class Marks:
    """What the words of the text link to beyond the report's own links: each article mention to its entry
    on articles/ (the Optional Protocol's) or instruments/ (the registry of content/instruments.yaml); each
    acronym to its expansion (content/acronyms.yaml)."""
    registry: object
    acronyms: object = None  # macros.inline.Acronyms: each acronym of the text with its expansion

    def links(self, text, path, guideline=False):
        out = []
        for m in mentions(text, self.registry, guideline):
            if not m.length:  # an article a range passes over ("21" of "20-22"): cited, not printed
                continue
            page = ARTICLES if m.citation.instrument == OPSC else INSTRUMENTS
            out.append(CitationLink(m.offset, m.length, f"{rel(path, page)}#{m.citation.anchor}",
                                    m.citation.provision if m.printed else None))
        return out


def chapter_slug(number):
    return number.lower()


def front(meta):
    """A page's front matter. Its title and description are HTML: Material writes them into the page as they are
    (<title>, the header, the footer's links, <meta name="description">)."""
    meta = {k: html.escape(v, quote=False).replace('"', "&quot;") if k in ("title", "description") else v
            for k, v in meta.items()}
    return "---\n" + "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in meta.items()) + "---\n\n"


def para_path(n):
    return f"paragraphs/{n}.md"


def chapter_path(number):
    # An index page, so that Material shows it as the chapter's own page.
    return f"chapters/{chapter_slug(number)}/index.md"


def rel(from_path, to_path):
    """Relative link between two pages, so MkDocs can check and rewrite it."""
    a = from_path.split("/")[:-1]
    b = to_path.split("/")
    while a and b and a[0] == b[0]:
        a.pop(0)
        b.pop(0)
    return "/".join([".."] * len(a) + b)


def plain_title(chapter):
    return f"{chapter.number}. {chapter.title}"


def page_renumber(report, p):
    """{passage anchor: {printed number: the paragraph meant}} of paragraph p's page."""
    return {anchor: fix for (n, anchor), fix in renumbered(report).items() if n == p.number}


def referred_to(report):
    """{paragraph: sorted paragraphs whose commentary or footnotes mention it} (a misprinted number counts
    for the paragraph meant)."""
    refs = defaultdict(set)
    for p in report.paragraphs:
        fixes = page_renumber(report, p)
        for block in _commentary_blocks(p):
            for m in paragraph_mentions(block.text):
                for n in m.numbers:
                    n = fixes.get(block.id, {}).get(n, n)
                    if n != p.number:
                        refs[n].add(p.number)
        for f in p.footnotes:
            for m in paragraph_mentions(f.text):
                for n in m.numbers:
                    if n != p.number:
                        refs[n].add(p.number)
    return {n: sorted(v) for n, v in refs.items()}


def _commentary_blocks(p):
    out = []
    for item in p.items:
        if isinstance(item, Block):
            out.append(item)
        else:
            out.extend(b for e in item.entries for b in e.blocks)
    return out


# ---------------------------------------------------------------- blocks

def paragraph_link(path):
    """The link to Guidelines paragraph n (its item, "e", if given) from the page `path`; on n's own page, to
    its Guideline text ("In paragraph 6" in paragraph 6's commentary), not to the page itself."""
    def href(n, item=None):
        fragment = f"#guideline-{item}" if item else ""
        return (fragment or "#guideline") if para_path(n) == path else rel(path, para_path(n)) + fragment
    return href


def render_blocks(blocks, path, anchored=False, xrefs=True, notes_at=None, renumber=None,
                  marks=None, guideline=False, numbered=False):
    """Blocks as HTML-with-Markdown; list items are grouped into lists. `anchored`: each passage shows
    its anchor (the `id` macros/permalinks.py gave it) and a link to it. `marks`: what else the words link
    to (Marks); `guideline`: the blocks are the Guidelines' own text; `numbered` (or `anchored`): each
    commentary passage shows its number at its start."""
    href = paragraph_link(path) if xrefs else None
    out, i = [], 0
    while i < len(blocks):
        b = blocks[i]
        if b.kind == "li":
            items = []
            while i < len(blocks) and blocks[i].kind == "li":
                items.append(_item_html("li", blocks[i], href, anchored, notes_at, renumber,
                                        marks, path, guideline, numbered))
                i += 1
            # markdown="block": its items' Markdown (links, escapes) is read wherever the list stands.
            out.append('<ul class="printed-list" markdown="block">\n' + "\n".join(items) + "\n</ul>")
            continue
        tag = "blockquote" if b.kind == "quote" else "p"
        out.append(_item_html(tag, b, href, anchored, notes_at, renumber, marks, path, guideline, numbered))
        i += 1
    return "\n\n".join(out)


def _item_html(tag, block, href, anchored, notes_at=None, renumber=None, marks=None, path=None,
               guideline=False, numbered=False):
    body = inline(block, href, notes_at=notes_at, renumber=(renumber or {}).get(block.id),
                  citations=marks.links(block.text, path, guideline) if marks else (),
                  acronyms=marks.acronyms if marks else None)
    number = passage_number(block.id) if anchored or numbered else None
    if number:
        # The edition's number of a commentary passage, what a citation gives ("passage 3"): the report
        # numbers none. Not a word of the report (search and the fidelity test leave it out).
        body = (f'<span class="passage-number" title="Commentary, passage {number}" data-search-exclude>'
                f'{number}</span> {body}')
    if anchored:
        anchor = block.id
        # aria-label rather than a hidden span: there is one on every passage, and bytes add up.
        # Glued to the last word: alone, the hidden sign would wrap onto a line of its own and leave a gap.
        link = f'<a class="block-link" href="#{anchor}" aria-label="Link to this passage" data-search-exclude>¶</a>'
        return f'<{tag} id="{anchor}" markdown="span">{body}{link}</{tag}>'
    return f'<{tag} markdown="span">{body}</{tag}>'


def passage_number(anchor):
    """3 of a commentary passage's anchor "commentary-3"; None for any other."""
    m = re.fullmatch(r"commentary-(\d+)", anchor or "")
    return int(m.group(1)) if m else None


def callout_title(callout):
    """The box's heading as this edition shows it ("GOOD PRACTICE" → "Good practice"): macros/callouts.py."""
    return title(callout.heading.text)


def render_items(items, path, anchored=False, in_handout=False, renumber=None, marks=None):
    """A paragraph's commentary in reading order: runs of passages (a list stays one list) and boxes."""
    out, run = [], []
    for item in items + [None]:
        if isinstance(item, Block):
            run.append(item)
            continue
        if run:
            out.append(render_blocks(run, path, anchored=anchored, renumber=renumber, marks=marks,
                                     numbered=in_handout))
            run = []
        if item is not None:
            out.append(render_callout(item, path, in_handout=in_handout, marks=marks))
    return out


LONG_BOX = 900  # characters: with its title, margins and lists, about half an A4 page in print


def render_callout(callout, path, in_handout=False, marks=None):
    """A box; in a chapter handout (several paragraphs on one page) its anchor takes the paragraph's number."""
    cls = BY_TYPE[callout.type].slug
    # Longer than half a printed page: in print it may break (css/site.css), not push its page's rest away.
    if sum(len(b.text) for e in callout.entries for b in e.blocks) > LONG_BOX:
        cls += " long-box"
    title = callout_title(callout)
    anchor = f"p{callout.paragraph}-{callout.id}" if in_handout else callout.id
    parts = [f'<div class="admonition {cls}" id="{anchor}" markdown="block">',
             f'<p class="admonition-title" markdown="span">{escape(title)} '
             f'<a class="block-link" href="#{anchor}" aria-label="Link to this box" data-search-exclude>¶</a></p>']
    for e in callout.entries:
        if e.origin:
            parts.append(f'<p class="origin"><span class="origin-name">{escape(e.origin)}</span>'
                         f' <span class="origin-region">{escape(e.region)}</span></p>')
        html = render_blocks(e.blocks, path, marks=marks)
        parts.append(html)
    parts.append("</div>")
    return "\n\n".join(parts)


def render_footnotes(footnotes, path, heading="## Footnotes { #footnotes }", marks=None):
    if not footnotes:
        return ""
    # A heading of their own, so that search results in a note point here.
    out = [heading + "\n", '<div class="footnote" markdown="block">']
    for series, label in (("guideline", "Footnotes of the Guidelines"), ("report", "Footnotes of the Explanatory Report")):
        notes = [f for f in footnotes if f.series == series]
        if not notes:
            continue
        out.append(f'<p class="footnote-series">{label}</p>')
        out.append(f'<ol class="footnote-list series-{series}" markdown="block">')
        for f in notes:
            fid = fn_id(f.series, f.number)
            body = inline(Block("p", f.text, f.lines, f.spans, [], f.links), paragraph_link(path),
                          citations=marks.links(f.text, path) if marks else (),
                          acronyms=marks.acronyms if marks else None)
            note = f' <span class="editorial-note">[Printed as {f.printed}; {escape(f.note)}]</span>' if f.note else ""
            # Material's hover preview copies the note's child elements: keep it in a <p>.
            out.append(f'<li id="fn:{fid}" value="{f.number}" markdown="block"><p markdown="span">{body}{note} '
                       f'<a class="footnote-backref" href="#fnref:{fid}" title="Back to the text" data-search-exclude>↩</a></p></li>')
        out.append("</ol>")
    out.append("</div>")
    return "\n".join(out)


# ---------------------------------------------------------------- pages

def paragraph_page(report, p, referrers, edition, offline=False, marks=None):
    path = para_path(p.number)
    chapter = report.chapter(p.chapter)
    section = next((s for s in chapter.sections if s.letter == p.section), None)
    chapter_href = rel(path, chapter_path(chapter.number))
    crumbs = [f"[{escape(plain_title(chapter))}]({chapter_href})"]
    if section:
        crumbs.append(f"[{escape(section.letter + '. ' + section.title)}]({chapter_href}#section-{section.letter.lower()})")
    description = p.guideline[0].text[:155] if p.guideline else p.title
    md = [front({"title": f"{p.number}. {p.title}", "description": description, "search": {"boost": 2}})]
    md.append(f'<nav class="breadcrumbs" aria-label="Breadcrumb" markdown="span">{" › ".join(crumbs)}</nav>\n')
    md.append(f"# {p.number}. {escape(p.title)} {{ #top }}\n")
    moved = report.aliases.get(p.number)
    if moved:
        # Addresses published for passages that now stand elsewhere: js/site.js follows them.
        # Links, so that MkDocs checks and rewrites them like any other (online and offline addresses differ).
        links = " ".join(f"[]({rel(path, para_path(a.paragraph))}#{a.target}){{ #{a.anchor} .moved-anchor }}"
                         for a in moved)
        md.append(f'<div class="moved-anchors" hidden markdown="span">{links}</div>\n')
    guideline_html = render_blocks(p.guideline, path, anchored=True, xrefs=False, marks=marks, guideline=True)
    md.append('<section class="guideline" id="guideline" aria-labelledby="guideline-label" markdown="block">\n'
              f'<p class="guideline-label" id="guideline-label">Guidelines, paragraph {p.number} '
              f'<span class="guideline-source">{CRC_SYMBOL}</span></p>\n\n{guideline_html}\n\n</section>\n')
    if p.items:
        md.append("## Commentary { #commentary }\n")
        md += [html + "\n" for html in render_items(p.items, path, anchored=True, renumber=page_renumber(report, p),
                                                     marks=marks)]
    if referrers:
        links = ", ".join(f'[{n}<span class="ref-title">. {escape(report.paragraph(n).title)}</span>]'
                          f'({rel(path, para_path(n))})' for n in referrers)
        md.append(f"## Referred to in {{ #referred-to }}\n\n<p class=\"referred-to\" markdown=\"span\">{links}</p>\n")
    md.append(cite_block(p, path, edition, offline))
    md.append(render_footnotes(p.footnotes, path, marks=marks))
    return mark_interventions("\n".join(md) + "\n", report, p, path)


def marker_name(i):
    """What an "ed." marker concerns: its kind, and the printed words (a misprint, a passage placed) or what
    the edition did (a box placed, a footnote renumbered)."""
    printed = re.sub(r"\s+", " ", i.printed or "").strip()
    if len(printed) > 60:
        printed = printed[:60].rsplit(" ", 1)[0] + "…"
    if i.kind == "misprint":
        what = f"{KINDS[i.kind].heading}: “{printed}”"
    elif i.kind == "placed":
        what = f"{KINDS[i.kind].heading}: “{printed}”, {i.note}"
    else:
        what = f"{KINDS[i.kind].heading}: {i.note}"
    return re.sub(r"\s+", " ", what).replace('"', "”").replace("{", "(").replace("}", ")")


def mark_interventions(md, report, p, path):
    """Beside each passage of the page that carries interventions, "ed." and a word for each ("ed. sic",
    "ed. placed, sic"), each a link to its entry in the editor's apparatus."""
    named, by_anchor = set(), {}
    for i in report.apparatus:
        if i.paragraph != p.number or not i.anchor:
            continue
        # Named by what it concerns, so that two markers on a page say which is which.
        what = marker_name(i)
        n = 2
        while what in named:
            what, n = f"{marker_name(i)} ({n})", n + 1
        named.add(what)
        by_anchor.setdefault(i.anchor, []).append(
            f'[{KINDS[i.kind].mark}]({rel(path, APPARATUS)}#{i.id} "Editorial note: {escape(what)}")'
            f'{{ .ed-mark aria-label="ed.: {escape(what)}" }}')
    for anchor, links in by_anchor.items():
        marker = f'<span class="ed-marks">ed. {", ".join(links)}</span>'
        if anchor.startswith("fn:"):
            backref = f'<a class="footnote-backref" href="#fnref:{anchor[3:]}"'
            assert backref in md, (p.number, anchor)
            md = md.replace(backref, marker + " " + backref, 1)
        else:
            # Just after the passage's words, before its ¶ link (and the "Cite" the page adds after that).
            link = re.search(rf'<a class="block-link" href="#{re.escape(anchor)}" aria-label="Link to this '
                             r'(?:passage|box)" data-search-exclude>¶</a>', md)
            assert link, (p.number, anchor)
            md = md[:link.start()] + marker + " " + md[link.start():]
    return md


APPARATUS = "about/apparatus.md"
ARTICLES = "articles.md"
INSTRUMENTS = "instruments.md"
RESOURCES = "resources.md"
GOOD_PRACTICE = "good-practice.md"
IWG_ADVICE = "iwg-advice.md"
CASES = "case-law.md"
DEFINITIONS = "definitions.md"


@dataclass(frozen=True)
class Index:
    """An index page. An entry here gives it its title and its place in the navigation and in search; the boxes
    it gathers are those whose kind names it (macros/callouts.py); macros/pages.py builds it."""
    path: str
    title: str
    summary: str  # what it holds, on the page that lists the indexes
    # Search finds it by its title alone: its text repeats the paragraphs' own words, found on their pages.
    by_title: bool = True


INDEXES = (
    Index(RESOURCES, "Resources", "every resource the report's Resource Tip boxes recommend, by chapter"),
    Index(GOOD_PRACTICE, "Good practice", "the examples of good practice and of good regional practice, by "
          "region and country"),
    Index(IWG_ADVICE, "The IWG’s advice", "the advice of the Interagency Working Group, box by box"),
    Index(CASES, "Case law", "the judgments and decisions the report discusses, by the court or body that "
          "decided them"),
    Index(DEFINITIONS, "Definitions", "the terms the Guidelines and the report define, in their own words"),
    Index(ARTICLES, "Articles of the Optional Protocol", "every passage that cites each article of the "
          "Optional Protocol"),
    # Its words are the instruments' names.
    Index(INSTRUMENTS, "Other instruments", "the treaties and other instruments the report cites besides the Optional Protocol, by article", by_title=False),
)
INDEX = {i.path: i for i in INDEXES}
# The page that lists them: the navigation's "Indexes" opens it.
INDEXES_PAGE = "indexes/index.md"


def indexes_page(report):
    """The indexes, each with what it holds."""
    path = INDEXES_PAGE
    md = [front({"title": "Indexes", "search": {"exclude": True}}), "# Indexes\n",
          "Ways into the report other than its order of paragraphs. Each entry of an index links to the "
          "paragraphs, and to the passage of each, where the report says it.\n"]
    md += [f"- [{escape(i.title)}]({rel(path, i.path)}): {escape(i.summary)}." for i in INDEXES]
    return path, "\n".join(md) + "\n"


def index_top(path):
    """An index page's front matter and heading."""
    return [front({"title": INDEX[path].title}), f"# {INDEX[path].title}\n"]


def passage_label(anchor):
    """"commentary-2" → "commentary, passage 2"; "fn:r19" → "footnote 19"; "good-practice-1" → "box"."""
    if anchor is None:
        return ""
    if anchor.startswith("fn:"):
        return ("footnote " if anchor[3] == "r" else "Guidelines footnote ") + anchor[4:]
    kind, k = anchor.rsplit("-", 1)
    if kind == "guideline":
        return "Guideline text" + (f" ({k})" if k.isalpha() else "")
    if kind == "commentary":
        return f"commentary, passage {k}"
    # The kind's name as the edition shows it: "box (resource tip)", "box (the IWG’s advice)".
    box = next((k for k in BY_TYPE.values() if k.slug == kind), None)
    name = next(iter(box.headings.values())) if box else kind.replace("-", " ")
    return f"box ({name[:1].lower() + name[1:]})"


def apparatus_page(report):
    """Every intervention of this edition, from content/ (macros/apparatus.py): nothing here is written by hand."""
    path = APPARATUS
    counts = {kind: sum(1 for i in report.apparatus if i.kind == kind) for kind in KINDS}
    md = [front({"title": "Editor’s apparatus", "search": {"exclude": True}}), "# Editor’s apparatus\n",
          "Every intervention of this edition, each with its place in the edition, its place in the report "
          "(the lines of the text as extracted from the PDF, `content/explanatory-report.txt`) and the reason "
          f"recorded in `content/`. This page is generated from those files. "
          f"[What this edition is]({rel(path, 'about/edition.md')}).\n",
          "\n".join(f"- [{KINDS[kind].heading}](#{kind}): {n}" for kind, n in counts.items() if n) + "\n"]
    for kind, entry in KINDS.items():
        items = [i for i in report.apparatus if i.kind == kind]
        if not items:
            continue
        md.append(f"## {entry.heading} {{ #{kind} }}\n\n{entry.did}\n")
        if kind == "title":
            md.append("| Paragraph | Short title |\n| --- | --- |")
            md.append("\n".join(f'| [{i.paragraph}]({rel(path, para_path(i.paragraph))}) | '
                                 f'<span id="{i.id}">{escape(i.note)}</span> |' for i in items) + "\n")
            continue
        for i in items:
            if i.paragraph:
                place = (f"[Paragraph {i.paragraph}, {passage_label(i.anchor)}]"
                         f"({rel(path, para_path(i.paragraph))}#{i.anchor})")
            elif i.chapter:
                section = f", section {i.anchor[-1].upper()}" if i.anchor else ""
                place = (f"[Chapter {i.chapter}{section}]({rel(path, chapter_path(i.chapter))}"
                         f"{'#' + i.anchor if i.anchor else ''})")
            else:
                place = f"[Preface]({rel(path, 'preface.md')})"
            lines = f"line {i.lines[0]}" if i.lines[0] == i.lines[1] else f"lines {i.lines[0]}–{i.lines[1]}"
            md.append(f'<div class="ed-entry" id="{i.id}" markdown="block">\n'
                      f'<p class="ed-place" markdown="span">{place} · report, {lines}</p>\n'
                      f'<p class="ed-printed" markdown="span">The report prints: “{escape(i.printed)}”. '
                      f'This edition: {escape(i.note)}.</p>\n'
                      f'<p class="ed-why" markdown="span">Why: {escape(i.why)}</p>\n</div>\n')
    return path, "\n".join(md)


def html_attr(text):
    """Text for an HTML attribute's double quotes."""
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")


def paragraph_address(p, edition):
    return edition.address(f"paragraphs/{p.number}/")


def cite_block(p, path, edition, offline=False):
    address = paragraph_address(p, edition)
    text = escape(citation_text(Passage(p.number, p.title, address), edition))
    # The citation of ECPAT's words on this page (a commentary passage, a box): js/site.js names the passage
    # ("passage 3", "‘Case law’") and its pinpoint in it.
    own = html_attr(citation_text(Passage(p.number, p.title, address, ecpat=True), edition))
    # The address marked, so that a passage's ¶ link can give the pinpoint (js/site.js).
    text = text.replace(escape(address), f'<span class="page-url">{escape(address)}</span>', 1)
    if offline:
        text += " (read in the offline copy of this edition)"
    # The offline copy carries the whole edition's files only: 339 small files weigh 200 kB in a zip.
    files = citation_file_links(path, None if offline else p.number, edition, copy=not offline,
                                lead="For a reference manager (Zotero, EndNote, Mendeley): ")
    files += " (every paragraph)</p>" if offline else "</p>"
    return ("## Cite this paragraph { #cite }\n\n"
            f'<div class="citation" markdown="block">\n<p class="citation-text" id="citation-text" '
            f'data-commentary="{own}" markdown="span">{text}</p>\n'
            '<button type="button" class="md-button copy-citation" data-copy="#citation-text" data-search-exclude>'
            f'Copy citation</button> {PRINT_BUTTON}\n'
            f'{files}\n'
            # Our short titles read like headings of the UN text: say whose they are, so no one cites them.
            f'<p class="title-note" data-search-exclude>The short title “{escape(p.title)}” is this edition’s, '
            'not part of the Guidelines or of the Explanatory Report.</p>\n'
            "</div>\n")


CITATION_FORMATS = (("BibTeX", "bib"), ("RIS", "ris"), ("CSL-JSON", "csl.json"))


def citation_file_links(path, number, edition, copy=True, lead=""):
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
CITATION_WRITERS = {"bib": bibtex, "ris": ris, "csl.json": csl_json}


def citation_path(number, ext):
    """A paragraph's citation file (None: the whole edition's)."""
    return f"data/citations.{ext}" if number is None else f"data/cite/paragraph-{number}.{ext}"


def cited_passages(p, edition):
    """The passages of a paragraph's page that a citation can name, as cite_formats.Passage: the page, then
    each commentary passage ("passage 3") and each box ("‘Case law’"), ECPAT's words, at its pinpoint."""
    address = paragraph_address(p, edition)
    out = [Passage(p.number, p.title, address)]
    for item in p.items:
        number = passage_number(item.id) if isinstance(item, Block) else None
        if number:
            out.append(Passage(p.number, p.title, f"{address}#{item.id}", f"passage {number}", ecpat=True))
        elif not isinstance(item, Block):
            out.append(Passage(p.number, p.title, f"{address}#{item.id}", f"‘{callout_title(item)}’", ecpat=True))
    return out


def citation_files(report, edition):
    """{path: text} of the citation files: one set per paragraph (the paragraph, and each passage of ECPAT's
    commentary and each box at its pinpoint), one for the whole edition (the paragraphs)."""
    passages = [Passage(p.number, p.title, paragraph_address(p, edition)) for p in report.paragraphs]
    out = {}
    for _, ext in CITATION_FORMATS:
        write = CITATION_WRITERS[ext]
        for p in report.paragraphs:
            out[citation_path(p.number, ext)] = write(cited_passages(p, edition), edition)
        out[citation_path(None, ext)] = write(passages, edition)
    return out


PRINT_BUTTON = ('<button type="button" class="md-button print-page" data-search-exclude>Print</button>')
OPENING_WORDS = 24


def by_section(report, chapter):
    """[(section or None, [paragraphs])] of a chapter, in the report's order: paragraphs before its first
    section, then each section's."""
    paras = [p for p in report.paragraphs if p.chapter == chapter.number]
    groups = [(None, [p for p in paras if not p.section])] if any(not p.section for p in paras) else []
    return groups + [(s, [p for p in paras if p.section == s.letter]) for s in chapter.sections]


def opening_words(p, count=OPENING_WORDS):
    words = " ".join(b.text for b in p.guideline).split()
    return " ".join(words[:count]) + (" …" if len(words) > count else "")


def chapter_page(report, chapter):
    path = chapter_path(chapter.number)
    paras = [p for p in report.paragraphs if p.chapter == chapter.number]
    md = [front({"title": plain_title(chapter)}), f"# {escape(plain_title(chapter))}\n"]
    first, last = paras[0].number, paras[-1].number
    md.append(f"Guidelines paragraphs {first}–{last}, with the commentary of the Explanatory Report. "
              f"[Read or print the whole chapter]({rel(path, handout_path(chapter.number))}).\n")

    def listing(ps):
        return "\n".join(f'- [{p.number}. {escape(p.title)}]({rel(path, para_path(p.number))})'
                         f'<span class="opening-words"> — “{escape(opening_words(p))}”</span>' for p in ps) + "\n"

    for section, ps in by_section(report, chapter):
        if section:
            md.append(f"## {section.letter}. {escape(section.title)} {{ #section-{section.letter.lower()} }}\n")
        md.append(listing(ps))
    return path, "\n".join(md)


def handout_path(number):
    return f"chapters/{chapter_slug(number)}/full.md"


def print_footer(citation):
    """The end of a printout: how to cite it, with its address (shown in print only, css/site.css)."""
    return f'<p class="print-footer" data-search-exclude>Cite as: {escape(citation)}</p>\n'


def chapter_handout(report, chapter, marks=None, edition=None):
    """The whole chapter in reading order, to read straight through and print: each paragraph's Guideline,
    commentary, boxes and footnotes. Kept out of search (its text is the paragraph pages')."""
    path = handout_path(chapter.number)
    title = f"{plain_title(chapter)}: the whole chapter"
    md = [front({"title": title, "search": {"exclude": True}}), f"# {escape(title)}\n",
          f'<p class="handout-intro" markdown="span">The Guidelines and the commentary of chapter {chapter.number}, '
          f'as one document.<span class="screen-only"> [Back to the chapter]'
          f'({rel(path, chapter_path(chapter.number))}).</span> {PRINT_BUTTON}</p>\n']
    for section, ps in by_section(report, chapter):
        if section:
            md.append(f"## {section.letter}. {escape(section.title)} {{ #section-{section.letter.lower()} }}\n")
        for p in ps:
            md.append(f"### [{p.number}. {escape(p.title)}]({rel(path, para_path(p.number))}) {{ #p{p.number} }}\n")
            md.append('<section class="guideline" markdown="block">\n'
                      f'<p class="guideline-label">Guidelines, paragraph {p.number} '
                      f'<span class="guideline-source">{CRC_SYMBOL}</span></p>\n\n'
                      f'{render_blocks(p.guideline, path, xrefs=False, marks=marks, guideline=True)}\n\n</section>\n')
            md += [html + "\n" for html in render_items(p.items, path, in_handout=True,
                                                         renumber=page_renumber(report, p), marks=marks)]
            md.append(render_footnotes(p.footnotes, path, heading=f"#### Footnotes to paragraph {p.number} "
                                                                  f"{{ #p{p.number}-footnotes }}", marks=marks))
    if edition is not None:
        numbers = [p.number for p in report.paragraphs if p.chapter == chapter.number]
        md.append(print_footer(handout_citation(min(numbers), max(numbers),
                                                edition.address(path.removesuffix(".md") + "/"), edition)))
    return path, "\n".join(md)


GUIDELINES_TITLE = f"The Guidelines ({CRC_SYMBOL})"


def guidelines_page(report, marks=None, edition=None):
    """The Committee's 113 paragraphs alone, under their chapters and sections: no commentary, no boxes.
    Kept out of search: a hit on Guideline text opens the paragraph's own page."""
    path = "guidelines.md"
    md = [front({"title": GUIDELINES_TITLE, "search": {"exclude": True},
                 "description": f"The 113 paragraphs of the Guidelines, {CRC_SYMBOL}, without the commentary."}),
          f"# {CRC_TITLE}\n",
          f'<p class="handout-intro" markdown="span">{CRC_AUTHOR}, {CRC_SYMBOL}, {CRC_ISSUED}: the 113 '
          'paragraphs, without the commentary. Each number opens its paragraph with the Explanatory Report’s '
          f'commentary. {PRINT_BUTTON}</p>\n']
    for chapter in report.chapters:
        md.append(f"## {escape(plain_title(chapter))} {{ #chapter-{chapter_slug(chapter.number)} }}\n")
        for section, ps in by_section(report, chapter):
            if section:
                md.append(f"### {section.letter}. {escape(section.title)} "
                          f"{{ #chapter-{chapter_slug(chapter.number)}-{section.letter.lower()} }}\n")
            for p in ps:
                body = render_blocks(p.guideline, path, xrefs=False, notes_at=rel(path, para_path(p.number)),
                                     marks=marks, guideline=True)
                md.append(f'<div class="gl-paragraph" id="{p.number}" markdown="block">\n'
                          f'<p class="gl-number" markdown="span">[{p.number}.]({rel(path, para_path(p.number))} '
                          f'"{p.number}. {escape(p.title)}")</p>\n\n{body}\n\n</div>\n')
    if edition is not None:
        md.append(print_footer(handout_citation(None, None, edition.address("guidelines/"), edition)))
    return path, "\n".join(md)


def contents_page(report):
    """Every paragraph's title under its chapter and section. Kept out of search: the titles are found on
    the paragraph pages."""
    path = "contents.md"
    md = [front({"title": "Contents", "search": {"exclude": True}}), "# Contents\n",
          f"[Preface]({rel(path, 'preface.md')}) · [The Guidelines alone]({rel(path, 'guidelines.md')})\n"]
    for chapter in report.chapters:
        md.append(f"## [{escape(plain_title(chapter))}]({rel(path, chapter_path(chapter.number))}) "
                  f"{{ #chapter-{chapter_slug(chapter.number)} }}\n")
        for section, ps in by_section(report, chapter):
            if section:
                md.append(f"### {section.letter}. {escape(section.title)}\n")
            md.append("\n".join(f"- [{p.number}. {escape(p.title)}]({rel(path, para_path(p.number))})"
                                 for p in ps) + "\n")
    return path, "\n".join(md)


def preface_page(report):
    path = "preface.md"
    title = next((b for b in report.front_matter if b.kind == "title"), None)
    md = [front({"title": "Preface"}), f"# {escape(title.text.strip()) if title else 'Preface'}\n"]
    out = []
    for b in report.front_matter:
        if b.kind == "title":
            continue
        if b.kind == "heading":
            out.append(f"## {escape(b.text)}\n")
        elif b.kind == "signature":
            out.append('<p class="signature" markdown="span">' + "<br>".join(escape(line) for line in printed_lines(b))
                       + "</p>\n")
        else:
            html = render_blocks([b], path, xrefs=False)
            out.append(html + "\n")
    md.extend(out)
    return path, "\n".join(md)


def printed_lines(block):
    """A block's text cut where the report's lines end (its reflowed text joins them with a space)."""
    lines, pos = [], 0
    for _, a, b in block.spans:
        lines.append(block.text[pos:pos + b - a].strip())
        pos += b - a + 1
    return lines if " ".join(lines) == block.text else [block.text]


def resources_page(report, path=RESOURCES):
    types = gathered_on(path)
    md = index_top(path) + [
          "Every resource recommended in the report's Resource Tip boxes, by chapter, with its link and the "
          "paragraph it accompanies.\n"]
    for chapter in report.chapters:
        rows = []
        for p in report.paragraphs:
            if p.chapter != chapter.number:
                continue
            for c in p.callouts:
                if c.type not in types:
                    continue
                for e in c.entries:
                    html = render_blocks(e.blocks, path, notes_at=rel(path, para_path(p.number)))
                    where = f'<p class="index-source" markdown="span">[Paragraph {p.number}: {escape(p.title)}]({rel(path, para_path(p.number))}#{c.id})</p>'
                    rows.append(f'<div class="index-entry" markdown="block">\n{html}\n{where}\n</div>')
        if rows:
            md.append(f"## {escape(plain_title(chapter))} {{ #chapter-{chapter_slug(chapter.number)} }}\n")
            md.append("\n\n".join(rows) + "\n")
    return path, "\n".join(md)


def good_practice_page(report, path=GOOD_PRACTICE):
    types = gathered_on(path)
    by_region = defaultdict(list)
    for p in report.paragraphs:
        for c in p.callouts:
            if c.type not in types:
                continue
            for e in c.entries:
                by_region[e.region or "International"].append((e.origin or "", p, c, e))
    md = index_top(path) + [
          "Concrete examples of good practice and of good regional practice given in the report, by region "
          "and by the country or body they come from.\n"]
    regions = sorted(by_region)
    md.append("Regions: " + " · ".join(f"[{r}](#{_slug(r)})" for r in regions) + "\n")
    for region in regions:
        md.append(f"## {escape(region)} {{ #{_slug(region)} }}\n")
        for origin, p, c, e in sorted(by_region[region], key=lambda t: (t[0], t[1].number)):
            kind = "Regional good practice" if c.type == "regional_good_practice" else "Good practice"
            md.append(f"### {escape(origin)} — paragraph {p.number} {{ #{_slug(origin)}-{p.number}-{c.id} }}\n")
            body = render_blocks(e.blocks, path, notes_at=rel(path, para_path(p.number)))
            md.append(f'<div class="index-entry {BY_TYPE[c.type].slug}" markdown="block">\n'
                      f'<p class="index-kind">{kind}</p>\n{body}\n'
                      f'<p class="index-source" markdown="span">[Paragraph {p.number}: {escape(p.title)}]'
                      f'({rel(path, para_path(p.number))}#{c.id})</p>\n</div>\n')
    return path, "\n".join(md)


def iwg_advice_page(report, path=IWG_ADVICE):
    md = index_top(path) + ["Advice of the Interagency Working Group (IWG) given in the report.\n"]
    return path, "\n".join(md + callout_entries(report, path))


def callout_entries(report, path, level=2):
    """Every box the index page `path` gathers, whole, each with a link to its paragraph."""
    md, types = [], gathered_on(path)
    for p in report.paragraphs:
        for c in p.callouts:
            if c.type not in types:
                continue
            md.append(f"{'#' * level} Paragraph {p.number}: {escape(p.title)} {{ #{c.id}-{p.number} }}\n")
            body = []
            for e in c.entries:
                if e.origin:
                    body.append(f'<p class="origin"><span class="origin-name">{escape(e.origin)}</span></p>')
                body.append(render_blocks(e.blocks, path, notes_at=rel(path, para_path(p.number))))
            md.append(f'<div class="index-entry {BY_TYPE[c.type].slug}" markdown="block">\n' + "\n\n".join(body) +
                      f'\n<p class="index-source" markdown="span">[Read it with paragraph {p.number}]'
                      f'({rel(path, para_path(p.number))}#{c.id})</p>\n</div>\n')
    return md


def paragraphs(numbers):
    return "paragraph" if len(numbers) == 1 else "paragraphs"


def _slug(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def report_json(report, edition=None, extra=None):
    """`extra`: more of the edition's data, after the model's ({"recommendations": [...]})."""
    return json.dumps(to_json(report, edition) | (extra or {}), ensure_ascii=False, sort_keys=False, separators=(",", ":"))


def nav(report, extra=()):
    """The navigation: chapters with their sections and paragraphs, `extra` entries, then the indexes. Titles are HTML (Material
    writes them as they are)."""
    chapters = []
    for chapter in report.chapters:
        items = [chapter_path(chapter.number)]
        groups = {}
        for p in report.paragraphs:
            if p.chapter != chapter.number:
                continue
            entry = {html.escape(f"{p.number}. {p.title}", quote=False): para_path(p.number)}
            section = next((s for s in chapter.sections if s.letter == p.section), None)
            if section is None:
                items.append(entry)
                continue
            # Sections as their own level: with navigation.prune a page carries only its own
            # section's paragraphs, which keeps every page light.
            if section.letter not in groups:
                groups[section.letter] = []
                items.append({html.escape(f"{section.letter}. {section.title}", quote=False): groups[section.letter]})
            groups[section.letter].append(entry)
        chapters.append({html.escape(plain_title(chapter), quote=False): items})
    return [
        {"Home": "index.md"},
        {"Preface": "preface.md"},
        {GUIDELINES_TITLE: "guidelines.md"},
        {"Contents": "contents.md"},
        # Chapters at the top, as in the report's table of contents (and one level less on every page).
        *chapters,
        *extra,
        {"Indexes": [INDEXES_PAGE, *({i.title: i.path} for i in INDEXES)]},
        {"About": [{"How to use this site": "about.md"}, {"This edition": "about/edition.md"},
                   {"Editor’s apparatus": APPARATUS}, {"Open data": "data.md"},
                   {"Offline copy": "download.md"}]},
    ]
