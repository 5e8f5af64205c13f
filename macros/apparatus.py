"""The editor's apparatus: every intervention of this edition, with its place in the edition, its place in
the report (source lines, the printed words) and the reason recorded in content/.

Generated from the editorial file, the register of published anchors and the model, never written by
hand: a decision added to content/ is listed at the next build (about/apparatus/, data/report.json), and a
marker beside the passage it concerns links to its entry.
"""

from dataclasses import dataclass

from .anchors import find_anchor
from .editorial import MISPRINTED_PARAGRAPH
from .inline import fn_id
from .model import Block

# kind: (heading, what this edition did). The page lists the kinds in this order.
KINDS = {
    "footnote-number": ("Footnote numbers corrected",
                        "The report prints a footnote number twice; the edition numbers the note as the sequence "
                        "requires and says so beside it."),
    "placed": ("Passages placed with the paragraph they explain",
               "The report sometimes prints commentary before its paragraph, or after the next one; the edition "
               "shows it with the paragraph it explains. The words are unchanged."),
    "address": ("Published addresses of passages that moved",
                "A passage found, after publication, to belong to another paragraph keeps its old address, which "
                "now leads to where it stands."),
    "box": ("Boxes shown with the paragraph they illustrate",
            "The report sometimes prints a box after a later paragraph's text; the edition shows it with the "
            "paragraph it illustrates."),
    "link": ("“Available here” links whose address the report does not give",
             "The report prints the words but no address for them; the edition says so where they stand."),
    "misprint": ("Misprints kept as printed",
                 "The edition changes no word of the report: a misprint stays, and this list says what is meant."),
    "heading": ("Headings supplied or moved",
                "A chapter whose heading the report does not print takes its title from the Guidelines' order; a "
                "section heading printed after its first paragraph's text is shown before it."),
    "title": ("Short titles supplied by this edition",
              "The report gives the Guidelines' paragraphs numbers only; the short titles, for navigation and search, "
              "are this edition's, not the Committee's or ECPAT's."),
}


@dataclass
class Intervention:
    id: str  # its anchor on the apparatus page: "ed-placed-3"
    kind: str  # a key of KINDS
    paragraph: int  # the paragraph page it concerns (None: a chapter)
    anchor: str  # the passage on that page ("commentary-2", "fn:r19", "good-practice-1"); None: the page
    lines: tuple  # (first, last) source lines of content/explanatory-report.txt
    printed: str  # the words as the report prints them
    note: str  # what the edition shows or means
    why: str  # the reason recorded in content/
    chapter: str = None  # for a heading: its chapter
    link_to: int = None  # for a misprinted cross-reference: the paragraph its link leads to
    article_to: str = None  # for a misprinted article of the Optional Protocol: the provision meant, "3 (1) (a) (ii)"


def renumbered(report):
    """{(paragraph, passage anchor): {printed number: the paragraph meant}}: cross-references whose printed
    number is a misprint (misprints with `link_to`)."""
    out = {}
    for i in report.apparatus:
        if i.kind == "misprint" and i.link_to:
            printed = int(MISPRINTED_PARAGRAPH.search(i.printed).group(1))
            out.setdefault((i.paragraph, i.anchor), {})[printed] = i.link_to
    return out


def passages_by_position(report):
    """Every passage's source stretches: [(line, start, end, paragraph, anchor)]."""
    out = []
    for p in report.paragraphs:
        for b in p.guideline:
            out += [(line, a, e, p.number, b.id) for line, a, e in b.spans]
        for item in p.items:
            if isinstance(item, Block):
                out += [(line, a, e, p.number, item.id) for line, a, e in item.spans]
            else:
                spans = list(item.heading.spans) + [s for en in item.entries for b in en.blocks for s in b.spans]
                out += [(line, a, e, p.number, item.id) for line, a, e in spans]
        for f in p.footnotes:
            out += [(line, a, e, p.number, f"fn:{fn_id(f.series, f.number)}") for line, a, e in f.spans]
    return out


def _at(positions, line, col):
    """(paragraph, anchor) of the passage holding source line:col, or (None, None)."""
    for ln, a, e, n, anchor in positions:
        if ln == line and a <= col < e:
            return n, anchor
    # An anchor may start in white space just before a passage's first words.
    following = [(ln, a, n, anchor) for ln, a, e, n, anchor in positions if (ln, a) >= (line, col)]
    if following:
        _, _, n, anchor = min(following)
        return n, anchor
    return None, None


def _lines_of(report, paragraph, anchor):
    p = report.paragraph(paragraph)
    for b in p.guideline + p.commentary:
        if b.id == anchor:
            return tuple(b.lines)
    for c in p.callouts:
        if c.id == anchor:
            last = [b for e in c.entries for b in e.blocks]
            return (c.heading.lines[0], last[-1].lines[1] if last else c.heading.lines[1])
    for f in p.footnotes:
        if f"fn:{fn_id(f.series, f.number)}" == anchor:
            return tuple(f.lines)
    return (None, None)


def _words(text, count=12):
    words = " ".join(text.split()).split(" ")
    return " ".join(words[:count]) + (" …" if len(words) > count else "")


def interventions(source, ed, report):
    """Every intervention, by kind in the order of KINDS, then in the order of the report."""
    positions = passages_by_position(report)
    found = {kind: [] for kind in KINDS}

    def add(kind, **fields):
        found[kind].append(Intervention(id="", kind=kind, **fields))

    notes = {(f.series, f.number): f for p in report.paragraphs for f in p.footnotes}
    for fix in ed.get("footnote_fixes") or ():
        f = notes[("report", fix["number"])]
        add("footnote-number", paragraph=f.paragraph, anchor=f"fn:{fn_id(f.series, f.number)}", lines=tuple(f.lines),
            printed=str(fix["printed"]), note=f"footnote {fix['number']}", why=fix.get("why", ""))

    for a in ed.get("attach") or ():
        line, col = find_anchor(source, ed, a, a["start"])
        n, anchor = _at(positions, line, col)
        add("placed", paragraph=n, anchor=anchor, lines=_lines_of(report, n, anchor), printed=_words(a["start"]),
            note=f"with paragraph {a['to']}", why=a.get("why", ""))

    for old, moved in sorted(report.aliases.items()):
        for alias in moved:
            if alias.paragraph == old:
                continue  # the same page: an item named by its letter (see permalinks.letter_anchor)
            add("address", paragraph=alias.paragraph, anchor=alias.target,
                lines=_lines_of(report, alias.paragraph, alias.target), printed=f"paragraphs/{old}/#{alias.anchor}",
                note=f"paragraphs/{alias.paragraph}/#{alias.target}",
                why="the passage explains paragraph " + str(alias.paragraph) + "; its first address still leads to it")

    # Where the report prints each box: after the text of the last Guideline paragraph that starts before it.
    starts = sorted((p.guideline[0].lines[0], p.number) for p in report.paragraphs)

    def printed_after(line):
        before = [n for start, n in starts if start < line]
        return before[-1] if before else None

    for p in report.paragraphs:
        for c in p.callouts:
            after = printed_after(c.heading.lines[0])
            if after != p.number:
                add("box", paragraph=p.number, anchor=c.id, lines=_lines_of(report, p.number, c.id),
                    printed=c.heading.text.strip(), note=f"with paragraph {p.number}",
                    why=f"it illustrates paragraph {p.number} (content/editorial.yaml, callouts); "
                        f"the report prints it after paragraph {after}")

    for fix in ed.get("link_fixes") or ():
        if fix.get("url"):
            continue
        line, col = find_anchor(source, ed, fix, fix["at"])
        n, anchor = _at(positions, line, col)
        add("link", paragraph=n, anchor=anchor, lines=(line, line), printed=_words(fix["at"]),
            note="no address survives in the report", why=fix.get("why", ""))

    for m in ed.get("misprints") or ():
        line, col = find_anchor(source, ed, m, m["at"])
        n, anchor = _at(positions, line, col)
        add("misprint", paragraph=n, anchor=anchor, lines=(line, line), printed=m["at"], note=m["means"],
            why=m.get("why", ""), link_to=m.get("link_to"), article_to=m.get("article_to"))

    for b in report.front_matter:
        if b.kind == "title":
            add("heading", paragraph=None, anchor=None, lines=tuple(b.lines), printed=b.text.strip(),
                note="the preface's title, at its top",
                why="the report prints the title of its front matter at the foot of the page that it heads")

    for chapter in report.chapters:
        ps = [p for p in report.paragraphs if p.chapter == chapter.number]
        for section in chapter.sections:
            first = next((p for p in ps if p.section == section.letter), None)
            if section.heading and first and section.heading.lines[0] > first.guideline[0].lines[0]:
                add("heading", paragraph=None, anchor=f"section-{section.letter.lower()}",
                    lines=tuple(section.heading.lines),
                    printed=section.heading.text.strip(), note=f"before paragraph {first.number}",
                    why=f"the report prints this heading after the text of paragraph {first.number}, the "
                        "section's first", chapter=chapter.number)
        if chapter.heading is None:
            first = next(p for p in report.paragraphs if p.chapter == chapter.number)
            add("heading", paragraph=None, anchor=None, lines=(first.guideline[0].lines[0],) * 2,
                printed="(no heading)", note=f"{chapter.number}. {chapter.title}",
                why=f"the report prints no heading before paragraph {first.number}, the chapter's first",
                chapter=chapter.number)

    for p in report.paragraphs:
        add("title", paragraph=p.number, anchor=None, lines=(p.guideline[0].lines[0],) * 2, printed="", note=p.title,
            why="this edition's short title")

    out = []
    for kind, items in found.items():
        for k, item in enumerate(items, 1):
            item.id = f"ed-{kind}-{k}"
            out.append(item)
    return out
