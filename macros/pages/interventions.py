"""The "ed." marks beside each passage that carries an intervention of this edition (macros/apparatus.py),
each a link to its entry in the editor's apparatus."""

import re

from ..apparatus import KINDS, Intervention
from ..ids import Anchor
from ..inline import escape
from ..model import Paragraph, Report
from .paths import APPARATUS, rel


def marker_name(i: Intervention) -> str:
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


def intervention_marks(report: Report, p: Paragraph, path: str) -> dict[Anchor, str]:
    """{passage anchor: its marks} of paragraph p's page: beside each passage that carries interventions, "ed."
    and a word for each ("ed. sic", "ed. placed, sic"), each a link to its entry in the editor's apparatus.
    The renderers (macros/pages/blocks.py) write them as they write each passage."""
    named: set[str] = set()
    by_anchor: dict[Anchor, list[str]] = {}
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
            # The accessible name starts with the link's visible word ("sic"), as WCAG 2.5.3 asks.
            f'{{ .ed-mark aria-label="{KINDS[i.kind].mark} (ed.): {escape(what)}" }}')
    unmarked = set(by_anchor) - {s.anchor for s in report.passages_on(p.number)}
    if unmarked:
        # An intervention no reader would see beside its passage: the apparatus and the page disagree.
        raise ValueError(f"paragraph {p.number}: no passage of its page has the anchor {sorted(unmarked)}")
    return {anchor: f'<span class="ed-marks">ed. {", ".join(links)}</span>' for anchor, links in by_anchor.items()}

