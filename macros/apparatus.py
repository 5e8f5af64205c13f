"""The editor's apparatus: every intervention of this edition, with its place in the edition, its place in
the report (source lines, the printed words) and the reason recorded in content/.

Generated from the editorial file, the register of published anchors and the model, never written by
hand: a decision added to content/ is listed at the next build (about/apparatus/, data/report.json), and a
marker beside the passage it concerns links to its entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterator, Literal, Required, Sequence, TypedDict

from .anchors import find_anchor
from .context import Editorial, EditorialItem
from .editorial import MISPRINTED_PARAGRAPH
from .ids import Anchor
from .model import Misprint, Passage, Report
from .source import Source
from .textflow import first_words

InterventionKind = Literal["footnote-number", "placed", "address", "box", "link", "misprint", "heading", "title"]
Lines = tuple[int, int] | tuple[None, None]  # (first, last) source lines of content/explanatory-report.txt


@dataclass(frozen=True)
class Intervention:
    id: str  # its anchor on the apparatus page: "ed-placed-3"
    kind: InterventionKind  # a key of KINDS
    paragraph: int | None  # the paragraph page it concerns (None: a chapter)
    anchor: Anchor | None  # the passage on that page ("commentary-2", "fn:r19", "good-practice-1"); None: the page
    lines: Lines
    printed: str  # the words as the report prints them
    note: str  # what the edition shows or means
    why: str  # the reason recorded in content/
    chapter: str | None = None  # for a heading: its chapter
    link_to: int | None = None  # for a misprinted cross-reference: the paragraph its link leads to
    article_to: str | None = None  # for a misprinted article of the Optional Protocol: the provision meant


class Fields(TypedDict, total=False):
    """What a finder of interventions gives of each: an Intervention but its id and kind."""
    paragraph: Required[int | None]
    anchor: Required[Anchor | None]
    lines: Required[Lines]
    printed: Required[str]
    note: Required[str]
    why: Required[str]
    chapter: str | None
    link_to: int | None
    article_to: str | None


def renumbered(report: Report) -> dict[tuple[int | None, Anchor | None], dict[int, int]]:
    """{(paragraph, passage anchor): {printed number: the paragraph meant}}: cross-references whose printed
    number is a misprint (misprints with `link_to`; the editorial file's check makes sure they print one)."""
    out: dict[tuple[int | None, Anchor | None], dict[int, int]] = {}
    for m in report.misprints:
        number = MISPRINTED_PARAGRAPH.search(m.printed)
        if m.link_to and number:
            printed = int(number.group(1))
            out.setdefault((m.paragraph, m.anchor), {})[printed] = m.link_to
    return out


def misprints(source: Source, ed: Editorial, passages: Sequence[Passage]) -> tuple[Misprint, ...]:
    """The editorial file's misprints, each at the passage its words stand in."""
    positions = _positions(passages)
    out = []
    for m in ed.misprints:
        line, col = find_anchor(source, ed, m, m.at)
        paragraph, anchor = _at(positions, line, col)
        out.append(Misprint(paragraph, anchor, line, m.at, m.means, m.why, m.link_to,
                            m.article_to))
    return tuple(out)


@dataclass(frozen=True)
class Stretch:
    """A source stretch of a passage: where an editorial anchor found in the text is shown."""
    line: int
    start: int
    end: int
    paragraph: int
    anchor: Anchor


def _positions(passages: Sequence[Passage]) -> list[Stretch]:
    """Every passage's source stretches."""
    return [Stretch(line, a, e, s.paragraph, s.anchor) for s in passages for line, a, e in s.spans]


def _at(positions: Sequence[Stretch], line: int, col: int) -> tuple[int, Anchor] | tuple[None, None]:
    """(paragraph, anchor) of the passage holding source line:col, or (None, None)."""
    for s in positions:
        if s.line == line and s.start <= col < s.end:
            return s.paragraph, s.anchor
    # An anchor may start in white space just before a passage's first words.
    following = [s for s in positions if (s.line, s.start) >= (line, col)]
    if following:
        first = min(following, key=lambda s: (s.line, s.start))
        return first.paragraph, first.anchor
    return None, None


def _lines_of(report: Report, paragraph: int | None, anchor: Anchor | None) -> Lines:
    """The first and last source lines of a passage."""
    return next((s.lines for s in report.passages if (s.paragraph, s.anchor) == (paragraph, anchor)), (None, None))


def _words(text: str) -> str:
    return first_words(text, 12)


@dataclass(frozen=True)
class Found:
    """What the finders of interventions read: the text, the editorial file, the model, and where each
    passage's words stand in the text."""
    source: Source
    ed: Editorial
    report: Report
    positions: list[Stretch]

    def passage_at(self, item: EditorialItem, anchor: str) -> tuple[int, int | None, Anchor | None]:
        """(line, paragraph, passage anchor) of an editorial anchor's words."""
        line, col = find_anchor(self.source, self.ed, item, anchor)
        return (line, *_at(self.positions, line, col))


def _footnote_numbers(f: Found) -> Iterator[Fields]:
    notes = {(n.series, n.number): n for p in f.report.paragraphs for n in p.footnotes}
    for fix in f.ed.footnote_fixes:
        note = notes[("report", fix.number)]  # macros/footnotes.py has checked that the fix applies
        yield Fields(paragraph=note.paragraph, anchor=Anchor.footnote(note.series, note.number),
                     lines=note.lines, printed=str(fix.printed), note=f"footnote {fix.number}",
                     why=fix.why)


def _placed(f: Found) -> Iterator[Fields]:
    for a in f.ed.attach:
        _, n, anchor = f.passage_at(a, a.start)
        yield Fields(paragraph=n, anchor=anchor, lines=_lines_of(f.report, n, anchor), printed=_words(a.start),
                     note=f"with paragraph {a.to}", why=a.why)


def _addresses(f: Found) -> Iterator[Fields]:
    for old, moved in sorted(f.report.aliases.items()):
        for alias in moved:
            if alias.paragraph == old:
                continue  # the same page: an item named by its letter (see permalinks.letter_anchor)
            yield Fields(paragraph=alias.paragraph, anchor=alias.target,
                         lines=_lines_of(f.report, alias.paragraph, alias.target),
                         printed=f"paragraphs/{old}/#{alias.anchor}",
                         note=f"paragraphs/{alias.paragraph}/#{alias.target}",
                         why="the passage explains paragraph " + str(alias.paragraph) +
                           "; its first address still leads to it")


def _boxes(f: Found) -> Iterator[Fields]:
    # Where the report prints each box: after the text of the last Guideline paragraph that starts before it.
    starts = sorted((p.guideline[0].lines[0], p.number) for p in f.report.paragraphs)
    for p in f.report.paragraphs:
        for c in p.callouts:
            before = [n for start, n in starts if start < c.heading.lines[0]]
            after = before[-1] if before else None
            if after != p.number:
                yield Fields(paragraph=p.number, anchor=c.id, lines=_lines_of(f.report, p.number, c.id),
                             printed=c.heading.text.strip(), note=f"with paragraph {p.number}",
                             why=f"it illustrates paragraph {p.number}, but "
                               f"the report prints it after paragraph {after}")


def _missing_links(f: Found) -> Iterator[Fields]:
    for fix in f.ed.link_fixes:
        if fix.url:
            continue
        line, n, anchor = f.passage_at(fix, fix.at)
        yield Fields(paragraph=n, anchor=anchor, lines=(line, line), printed=_words(fix.at),
                     note="no address survives in the report", why=fix.why)


def _misprints(f: Found) -> Iterator[Fields]:
    for m in f.report.misprints:
        yield Fields(paragraph=m.paragraph, anchor=m.anchor, lines=(m.line, m.line), printed=m.printed, note=m.means,
                     why=m.why, link_to=m.link_to, article_to=m.article_to)


def _headings(f: Found) -> Iterator[Fields]:
    for b in f.report.front_matter:
        if b.kind == "title":
            yield Fields(paragraph=None, anchor=None, lines=b.lines, printed=b.text.strip(),
                         note="the preface's title, at its top",
                         why="the report prints the title of its front matter at the foot of the page that it heads")
    for chapter in f.report.chapters:
        ps = [p for p in f.report.paragraphs if p.chapter == chapter.number]
        for section in chapter.sections:
            first = next((p for p in ps if p.section == section.letter), None)
            if section.heading and first and section.heading.lines[0] > first.guideline[0].lines[0]:
                yield Fields(paragraph=None, anchor=Anchor.section(section.letter),
                             lines=section.heading.lines, printed=section.heading.text.strip(),
                             note=f"before paragraph {first.number}",
                             why=f"the report prints this heading after the text of paragraph {first.number}, the "
                               "section's first", chapter=chapter.number)
        if chapter.heading is None:
            yield Fields(paragraph=None, anchor=None, lines=(ps[0].guideline[0].lines[0],) * 2,
                         printed="(no heading)", note=f"{chapter.number}. {chapter.title}",
                         why=f"the report prints no heading before paragraph {ps[0].number}, the chapter's first",
                         chapter=chapter.number)


def _titles(f: Found) -> Iterator[Fields]:
    for p in f.report.paragraphs:
        yield Fields(paragraph=p.number, anchor=None, lines=(p.guideline[0].lines[0],) * 2, printed="", note=p.title,
                     why="this edition's short title")


@dataclass(frozen=True)
class Kind:
    heading: str  # on the apparatus page, and in the title of each "ed." marker
    did: str  # what this edition did
    find: Callable[[Found], Iterator[Fields]]  # the fields of each intervention of the kind, in the order of the report
    mark: str = ""  # the marker's word beside the passage: "ed. sic", "ed. placed, sic"


# The kinds of intervention, in the order the apparatus page lists them. A new kind is one entry here.
KINDS: dict[InterventionKind, Kind] = {
    "footnote-number": Kind("Footnote numbers corrected",
                            "The report prints a footnote number twice; the edition numbers the note as the "
                            "sequence requires and says so beside it.", _footnote_numbers, "renumbered"),
    "placed": Kind("Passages placed with the paragraph they explain",
                   "The report sometimes prints commentary before its paragraph, or after the next one; the "
                   "edition shows it with the paragraph it explains. The words are unchanged.", _placed, "placed"),
    "address": Kind("Published addresses of passages that moved",
                    "A passage found, after publication, to belong to another paragraph keeps its old address, "
                    "which now leads to where it stands.", _addresses, "moved"),
    "box": Kind("Boxes shown with the paragraph they illustrate",
                "The report sometimes prints a box after a later paragraph's text; the edition shows it with the "
                "paragraph it illustrates.", _boxes, "placed"),
    "link": Kind("“Available here” links whose address the report does not give",
                 "The report prints the words but no address for them; the edition says so where they stand.",
                 _missing_links, "no address"),
    "misprint": Kind("Misprints kept as printed",
                     "The edition changes no word of the report: a misprint stays, and this list says what is "
                     "meant.", _misprints, "sic"),
    "heading": Kind("Headings supplied or moved",
                    "A chapter whose heading the report does not print takes its title from the Guidelines' order; "
                    "a section heading printed after its first paragraph's text is shown before it.", _headings, "heading"),
    "title": Kind("Short titles supplied by this edition",
                  "The report gives the Guidelines' paragraphs numbers only; the short titles, for navigation and "
                  "search, are this edition's, not the Committee's or ECPAT's.", _titles, "title"),
}


def interventions(source: Source, ed: Editorial, report: Report) -> list[Intervention]:
    """Every intervention, by kind in the order of KINDS, then in the order of the report."""
    found = Found(source, ed, report, _positions(report.passages))
    return [Intervention(id=f"ed-{name}-{k}", kind=name, **fields)
            for name, kind in KINDS.items() for k, fields in enumerate(kind.find(found), 1)]
