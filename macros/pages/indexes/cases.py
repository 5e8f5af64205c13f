"""The judgments and decisions the report discusses, by the court or body that decided them, then the report's
case-law boxes."""

from pathlib import Path

from ...inline import escape
from ...lists import Lists, place
from ...model import Report
from ..paths import CASES, slug
from ..site import Index, Page, Site
from .common import Spot, callout_entries, index_top, where


def cases_page(report: Report, lists: Lists, content: Path) -> Page:
    path = INDEX.path
    md = index_top(INDEX) + [
          "The judgments and decisions the report discusses or cites, in its boxes, its commentary and its "
          "footnotes, by the court or body that decided them, with the paragraphs where the report does so. "
          "Where the report refers to a court’s case law without naming a case, the entry says so. The report’s "
          "case-law boxes follow, [in full](#boxes).\n"]
    body = None
    for case in lists.cases:
        if case.body != body:
            body = case.body
            md.append(f"## {escape(body)} {{ #{slug(body)} }}\n")
        title = escape(case.name) + (f" ({case.year})" if case.year else "")
        md.append(f"### {title} {{ #{case.id} }}\n")
        if case.reference:
            md.append(f'<p class="case-reference" markdown="span">{escape(case.reference)}</p>\n')
        if case.note:
            md.append(f'<p class="case-note" markdown="span">{escape(case.note)}</p>\n')
        spots = [place(report, content / "cases.yaml", case.line, q) for q in case.at]
        md.append("Discussed or cited in:\n\n" + where(report, path, [Spot(s.paragraph, s.anchor, s.zone)
                                                                      for s in spots]) + "\n")
    md.append("## The report’s case-law boxes { #boxes }\n")
    md += callout_entries(report, path, level=3)
    return path, "\n".join(md)


def _build(site: Site) -> Page:
    return cases_page(site.report, site.lists, site.content)


INDEX = Index(CASES, "Case law", "the judgments and decisions the report discusses, by the court or body that "
              "decided them", _build)
