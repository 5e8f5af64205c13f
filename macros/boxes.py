"""The boxes of the report (callouts): matched to the editorial file's entries, their text claimed from the
heading to their end, and their model: a Callout of entries."""

from __future__ import annotations

from collections import Counter
from typing import NamedTuple

from .anchors import anchor_end, find_anchor
from .callouts import BY_TYPE
from .context import Context, Placed, Run
from .editorial import CalloutEntry, CalloutSpec
from .errors import ContentError
from .layout import CalloutHeading
from .ids import Anchor
from .model import Block, Callout, Entry
from .sheet import Owner, Position, Span
from .textflow import Piece, make_block


class CalloutMatch(NamedTuple):
    """A box of the report: its entry in the editorial file and its printed heading."""
    spec: CalloutSpec
    heading: CalloutHeading
    heading_span: Span


def match_callouts(ctx: Context) -> list[CalloutMatch]:
    specs, found = ctx.ed.callouts, ctx.layout.callout_headings
    if len(specs) != len(found):
        raise (specs[-1] if specs else ctx.ed).error(
            f"the report has {len(found)} callout headings; the editorial file lists {len(specs)}")
    out: list[CalloutMatch] = []
    for k, (spec, heading) in enumerate(zip(specs, found)):
        if spec.heading_line not in (None, heading.line) or spec.type != heading.type:
            ctx.fail(spec, f"callout {k + 1}: expected {heading.type} headed {heading.printed!r} at report line "
                           f"{heading.line}, editorial says {spec.type} at line {spec.heading_line}")
        span = ctx.sheet.claim_text(heading.line, Owner("callout-heading", number=k))
        out.append(CalloutMatch(spec, heading, span))
    return out


def claim_callout_bodies(ctx: Context, callouts: list[CalloutMatch]) -> None:
    """A box runs from its heading to its `end`, or else to the next Guideline or heading text."""
    sheet = ctx.sheet
    for k, c in enumerate(callouts):
        end_line, end_col = _callout_end(ctx, c)
        for n in range(c.heading.line + 1, end_line + 1):
            owners = [claim.owner for claim in sheet.claims(n)]
            if any(o.kind in ("guideline", "heading", "callout-heading") for o in owners):
                if c.spec.end:
                    ctx.fail(c.spec, f"callout at report line {c.heading.line} runs into {owners[0].kind} text at "
                                     f"line {n} before its end {c.spec.end!r}")
                break
            for a, b in sheet.free_ranges(n):
                if n == end_line and end_col is not None:
                    b = min(b, end_col)
                if a < b:
                    sheet.claim(n, a, b, Owner("callout", number=k))


def _callout_end(ctx: Context, c: CalloutMatch) -> tuple[int, int | None]:
    """(line, column) where the box's `end` anchor ends; without one, the end of the report."""
    end = c.spec.end
    if not end:
        return len(ctx.source.lines), None
    line, col = find_anchor(ctx.source, ctx.ed, c.spec, end)
    end_line, end_col = anchor_end(ctx.source, line, col, end)
    if end_line <= c.heading.line:
        ctx.fail(c.spec, f"callout at report line {c.heading.line}: its end {end!r} is above it")
    return end_line, end_col


def callout_items(ctx: Context, callouts: list[CalloutMatch], runs: list[Run]) -> list[Placed]:
    """Each box, as the model has it, at its heading's place."""
    texts: dict[int, list[Piece]] = {}
    for owner, pieces in runs:
        if owner.kind == "callout":
            texts.setdefault(owner.num, []).extend(pieces)
    out: list[Placed] = []
    counters: Counter[tuple[int, str]] = Counter()
    for k, c in enumerate(callouts):
        heading = make_block(ctx.source.lines, [c.heading_span], kind="heading")
        entries = _entries(ctx, c, ctx.blocks(texts.get(k, [])))
        n, slug = c.spec.paragraph, BY_TYPE[c.heading.type].slug
        counters[(n, slug)] += 1  # ids count the boxes of one kind on one paragraph page
        callout = Callout(Anchor.box(slug, counters[(n, slug)]), c.heading.type, heading, n, entries)
        out.append(Placed(Position(c.heading.line, 0), n, callout))
    return out


def _entries(ctx: Context, c: CalloutMatch, blocks: list[Block]) -> list[Entry]:
    """Split a callout into its entries: editorial starts for examples, one
    block per resource for resource tips."""
    if not blocks:
        raise ContentError(ctx.source.path, c.heading.line, f"callout {c.heading.printed!r} has no text")
    specs = c.spec.entries
    if c.heading.type == "resource_tip" and not specs:
        return [Entry([b]) for b in blocks]
    if not specs:
        return [Entry(blocks)]
    starts = [_entry_start(ctx, c, e, blocks) for e in specs]
    starts[0] = 0  # an introduction before the first example belongs to it
    ends = starts[1:] + [len(blocks)]
    return [Entry(blocks[k:end], e.origin, e.region) for k, end, e in zip(starts, ends, specs)]


def _entry_start(ctx: Context, c: CalloutMatch, e: CalloutEntry, blocks: list[Block]) -> int:
    """The index of the block an entry's `start` words open."""
    line, col = find_anchor(ctx.source, ctx.ed, e, e.start)
    k = next((i for i, b in enumerate(blocks) if (b.spans[0].line, b.spans[0].start) == (line, col)), None)
    if k is None:
        ctx.fail(e, f"entry {e.start!r} does not open a block of the callout at report line {c.heading.line}")
    return k
