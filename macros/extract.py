"""The report text plus the editorial file in, the typed model out.

Each step claims the source text it accounts for on a Sheet; what is left at
the end is commentary. Nothing is dropped silently: what is not text of the
report (headers, lone numbers, consumed URL lists) is recorded as removed.
The steps, in order: layout (page furniture), claims (headings, the Guidelines'
paragraphs, the front matter), boxes, footnotes; then the runs of text in
reading order, assemble (the model), links, permalinks (the anchors), passages,
the misprints and the apparatus. Each step after the claims returns new records.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from .apparatus import interventions, misprints
from .assemble import assemble
from .boxes import claim_callout_bodies, match_callouts
from .claims import claim_front_matter, claim_guidelines, claim_headings, claim_lone_numbers, guideline_ranges
from .context import Context, Editorial, Run
from .editorial import read_editorial
from .footnotes import find_guideline_markers, find_report_markers, read_footnotes
from .layout import read_layout
from .links import resolve_links
from .model import Removed, Report
from .passages import collect
from .permalinks import assign, moved, read_register
from .sheet import Owner, Sheet, Span
from .source import Source, read_source
from .textflow import BLANK, OTHER, Gap, Mark, Piece


def build_report(source_path: str | Path, editorial_path: str | Path,
                 permalinks_path: str | Path | None = None) -> Report:
    """The model; with the register of published anchors, every passage keeps its published address."""
    source, ed = read_source(source_path), read_editorial(editorial_path)
    report = extract(source, ed)
    register = read_register(permalinks_path) if permalinks_path else ()
    report = assign(report, register)
    passages = collect(report)
    report = replace(report, passages=passages, aliases=moved(passages, register, permalinks_path),
                     misprints=misprints(source, ed, passages))
    return replace(report, apparatus=interventions(source, ed, report))


def extract(source: Source, ed: Editorial) -> Report:
    """The model, its links resolved; its passages not yet anchored (macros/permalinks.py)."""
    sheet, removed = Sheet(source), list[Removed]()
    ctx = Context(source, ed, read_layout(source, sheet, removed), sheet, removed)
    url_spans = {line: sheet.claim_line(line, Owner("removed", "link target")) for line in ctx.layout.url_lines}

    headings = claim_headings(ctx)
    callouts = match_callouts(ctx)
    notes = read_footnotes(ctx)
    granges = guideline_ranges(ctx)
    find_guideline_markers(ctx, notes, {n: [span for part in parts for span in part] for n, parts in granges.items()})
    claim_guidelines(ctx, granges)
    claim_lone_numbers(ctx, granges)
    find_report_markers(ctx, notes)
    claim_callout_bodies(ctx, callouts)
    claim_front_matter(ctx)
    for span in sheet.unclaimed():
        sheet.claim(*span, Owner("commentary"))

    report = assemble(ctx, _runs(source, sheet), headings, callouts, notes)
    return resolve_links(ctx, report, url_spans)


TRANSPARENT = ("removed", "footnote")


def _runs(source: Source, sheet: Sheet) -> list[Run]:
    """Maximal runs of one owner's text in reading order; footnotes and page
    furniture in between are gaps, not ends."""
    runs: list[Run] = []
    current: Owner | None = None
    pieces: list[Piece] = []
    for n in range(1, len(source.lines) + 1):
        claims = sheet.claims(n)
        if not claims:
            if pieces:
                pieces.append(BLANK)
            continue
        for a, b, owner in claims:
            if owner.kind in TRANSPARENT:
                if pieces:
                    pieces.append(OTHER)
                continue
            if owner.kind == "marker":
                pieces.append(Mark(owner.series, owner.num, Span(n, a, b)))
                continue
            if owner != current:
                if current is not None:
                    runs.append(Run(current, _trim(pieces)))
                current, pieces = owner, []
            pieces.append(Span(n, a, b))
    if current is not None:
        runs.append(Run(current, _trim(pieces)))
    return runs


def _trim(pieces: list[Piece]) -> list[Piece]:
    while pieces and isinstance(pieces[-1], Gap):
        pieces.pop()
    return pieces
