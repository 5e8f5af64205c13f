"""What the index pages share: their top, the list of passages where something is cited, a box gathered whole,
an instrument's official text."""

from collections import defaultdict
from collections.abc import Sequence
from typing import NamedTuple

from ...callouts import BY_TYPE, gathered_on
from ...inline import escape
from ...ids import Anchor
from ...instruments import Instrument
from ...model import Report, Zone
from ..blocks import Style, render_blocks
from ..html import front
from ..labels import passage_label
from ..paths import APPARATUS, para_path, rel
from ..site import Index


class Spot(NamedTuple):
    """A passage an index lists (its paragraph, anchor and zone: model.Passage), and the citation as misprinted,
    if it is."""
    paragraph: int
    anchor: Anchor
    zone: Zone
    printed: str | None = None


def index_top(index: Index) -> list[str]:
    """An index page's front matter and heading."""
    return [front({"title": index.title}), f"# {index.title}\n"]


def paragraphs(numbers: Sequence[int]) -> str:
    return "paragraph" if len(numbers) == 1 else "paragraphs"


def _spot_label(report: Report, n: int, anchor: Anchor, zone: Zone, zones: list[Zone]) -> str:
    label = passage_label(report, n, anchor, "index")
    if zones.count(zone) > 1 and zone in ("guideline", "commentary"):
        # Two passages of one part: say which.
        label += f" ({anchor.number})" if zone == "guideline" else f", passage {anchor.number}"
    return label


def where(report: Report, path: str, places: Sequence[Spot]) -> str:
    """Paragraphs, each with links to the passages: "61. Title — Guidelines, commentary"."""
    by_paragraph: defaultdict[int, list[tuple[Anchor, Zone, str | None]]] = defaultdict(list)
    for n, anchor, zone, printed in places:
        if (anchor, zone, printed) not in by_paragraph[n]:
            by_paragraph[n].append((anchor, zone, printed))
    rows = []
    for n, spots in sorted(by_paragraph.items()):
        page = rel(path, para_path(n))
        kinds = []
        zones = [zone for _, zone, _ in spots]
        for anchor, zone, printed in spots:
            kind = f"[{escape(_spot_label(report, n, anchor, zone, zones))}]({page}#{anchor})"
            if printed:
                kind += (f' <span class="editorial-note">(printed “{escape(printed)}”: '
                         f'[a misprint]({rel(path, APPARATUS)}))</span>')
            kinds.append(kind)
        rows.append(f"- [{n}]({page}){{ .n }} {escape(report.paragraph(n).title)} — {', '.join(kinds)}")
    return '<div class="cited-in" markdown="block">\n' + "\n".join(rows) + "\n</div>"


def official(inst: Instrument | None) -> str:
    """"The official text: [UN Treaty Collection](…)." for an instrument whose address content/ records."""
    o = inst.official if inst else None
    return f'<p class="official-text" markdown="span">Official text: [{escape(o.source)}]({o.url}).</p>\n' if o else ""


def callout_entries(report: Report, path: str, level: int = 2) -> list[str]:
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
                body.append(render_blocks(e.blocks, path, Style(notes_at=rel(path, para_path(p.number)))))
            md.append(f'<div class="index-entry {BY_TYPE[c.type].slug}" markdown="block">\n' + "\n\n".join(body) +
                      f'\n<p class="index-source" markdown="span">[Read it with paragraph {p.number}]'
                      f'({rel(path, para_path(p.number))}#{c.id})</p>\n</div>\n')
    return md
