"""The "ed." marks beside each passage that carries an intervention of this edition (macros/apparatus.py),
each a link to its entry in the editor's apparatus."""

import re

from ..apparatus import KINDS, Intervention
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


def mark_interventions(md: str, report: Report, p: Paragraph, path: str) -> str:
    """Beside each passage of the page that carries interventions, "ed." and a word for each ("ed. sic",
    "ed. placed, sic"), each a link to its entry in the editor's apparatus."""
    named: set[str] = set()
    by_anchor: dict[str, list[str]] = {}
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
