"""The model from the runs of text in reading order: paragraphs with their Guideline text, commentary, boxes
and footnotes; chapters and sections; the front matter; what was removed."""

from __future__ import annotations

from dataclasses import replace

from .anchors import find_anchor
from .boxes import CalloutMatch, callout_items
from .claims import Headings
from .context import Context, Placed, Run
from .editorial import Attach
from .errors import ContentError
from .footnotes import Footnotes
from .model import Block, Chapter, Footnote, Item, Paragraph, Removed, Report, Section, item_blocks
from .sheet import Owner, Position, Span
from .source import Source
from .textflow import first_text, make_block, split_blocks


def assemble(ctx: Context, runs: list[Run], headings: Headings, callouts: list[CalloutMatch],
             notes: Footnotes) -> Report:
    """The model of the report, its links not yet resolved nor its passages anchored."""
    numbers = sorted(p.n for p in ctx.ed.paragraphs)
    guideline = _guideline_text(ctx, runs, numbers)
    items: dict[int, list[Item]] = {n: [] for n in numbers}
    for placed in sorted(_commentary(ctx, runs) + callout_items(ctx, callouts, runs), key=lambda x: x.position):
        items[placed.paragraph].append(placed.item)
    footnotes = _footnotes(ctx.source, notes, guideline, items)
    paragraphs = [Paragraph(p.n, p.title, p.chapter, p.section, guideline[p.n], items[p.n],
                            footnotes[p.n]) for p in sorted(ctx.ed.paragraphs, key=lambda p: p.n)]
    removed = ctx.removed + _removed_numbers(ctx.source, paragraphs)
    return Report(ctx.source.path, ctx.source.sha256, _front_matter(ctx, runs, headings),
                  _chapters(ctx, headings), paragraphs, removed)


def _heading_block(ctx: Context, headings: Headings, owner: Owner) -> Block | None:
    spans = headings.get(owner)
    return make_block(ctx.source.lines, spans, kind="heading") if spans else None


def _chapters(ctx: Context, headings: Headings) -> list[Chapter]:
    chapters = []
    for ch in ctx.ed.chapters:
        heading = _heading_block(ctx, headings, Owner("heading", "chapter", ch.number))
        sections = [Section(sec.letter, sec.title,
                            _heading_block(ctx, headings, Owner("heading", "section", sec.chapter, sec.letter)))
                    for sec in ctx.ed.sections if sec.chapter == ch.number]
        chapters.append(Chapter(ch.number, ch.title, heading, sections))
    return chapters


def _front_matter(ctx: Context, runs: list[Run], headings: Headings) -> list[Block]:
    """The blocks before chapter I; the editorial file names its title, and its last block is the signature."""
    front: list[Block] = []
    for owner, pieces in runs:
        if owner.kind == "heading" and owner.name == "front" and (heading := _heading_block(ctx, headings, owner)):
            front.append(heading)
        elif owner.kind == "front":
            front.extend(ctx.blocks(pieces))
    front = [replace(b, kind="title") if b.kind == "heading" and b.text.strip() == ctx.ed.front_matter.title
             else b for b in front]
    if front and front[-1].kind == "p":
        front[-1] = replace(front[-1], kind="signature")
    return front


def _guideline_text(ctx: Context, runs: list[Run], numbers: list[int]) -> dict[int, list[Block]]:
    """{paragraph: its Guideline blocks}."""
    out: dict[int, list[Block]] = {n: [] for n in numbers}
    for owner, pieces in runs:
        if owner.kind == "guideline":
            out[owner.num].extend(ctx.blocks(pieces))
    return out


def _commentary(ctx: Context, runs: list[Run]) -> list[Placed]:
    """Each commentary block, for the Guideline paragraph printed before it, unless an attach entry opens
    it or a block before it since that paragraph."""
    attach = _Attachments(ctx)
    out: list[Placed] = []
    current: int | None = None
    override: int | None = None
    for owner, pieces in runs:
        if owner.kind == "guideline":
            current, override = owner.num, None
        elif owner.kind == "commentary":
            for b in split_blocks(ctx.source.lines, pieces):
                first = first_text(b)
                override = attach.opening(first) or override
                out.append(Placed(Position(first.line, first.start), override or current or 1,
                                  make_block(ctx.source.lines, b)))
    attach.check_all_used()
    return out


class _Attachments:
    """The editorial file's attach entries, by the place of their first words."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.used: set[int] = set()  # ids of the entries that opened a block
        self.at: dict[tuple[int, int], Attach] = {
            find_anchor(ctx.source, ctx.ed, a, a.start): a for a in ctx.ed.attach}

    def opening(self, first: Span) -> int | None:
        """The paragraph an entry opening at `first` gives, or None."""
        hit = self.at.get((first.line, first.start))
        if hit is None:
            return None
        self.used.add(id(hit))
        return int(hit.to)

    def check_all_used(self) -> None:
        for a in self.at.values():
            if id(a) not in self.used:
                self.ctx.fail(a, f"attach anchor {a.start!r} does not open a block of commentary; expected "
                                 f"the first words of a commentary paragraph")


def _footnotes(source: Source, notes: Footnotes, guideline: dict[int, list[Block]],
               items: dict[int, list[Item]]) -> dict[int, list[Footnote]]:
    """{paragraph: its footnotes}: a note is on the page of the paragraph whose text has its marker."""
    owner_of: dict[tuple[str, int], int] = {}
    for n in guideline:
        for block in guideline[n] + [b for item in items[n] for b in item_blocks(item)]:
            for ref in block.refs:
                owner_of[(ref.series, ref.number)] = n
    out: dict[int, list[Footnote]] = {n: [] for n in guideline}
    for body in notes.bodies:
        block = make_block(source.lines, body.lines, kind="p")
        page = owner_of.get((body.series, body.number))
        if page is None or body.marker is None:
            raise ContentError(source.path, body.lines[0].line,
                               f"{body.series} footnote {body.number}: its marker is not in any paragraph's text")
        out[page].append(Footnote(body.series, body.number, body.printed, block.text, block.lines, block.spans, (),
                                  body.marker, page, body.note))
    return {n: sorted(fs, key=lambda f: (f.series != "guideline", f.number)) for n, fs in out.items()}


def _removed_numbers(source: Source, paragraphs: list[Paragraph]) -> list[Removed]:
    """Footnote numbers as printed are furniture too; list them with the rest."""
    out = []
    for p in paragraphs:
        for f in p.footnotes:
            line = f.lines[0]
            text = source.line(line)
            start = len(text) - len(text.lstrip())
            out.append(Removed(line, str(f.printed), f"footnote number ({f.series} {f.number})",
                               Span(line, start, start + len(str(f.printed)))))
    return out
