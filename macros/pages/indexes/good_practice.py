"""The examples of good practice and of good regional practice, by region and by the country or body they come
from."""

from collections import defaultdict

from ...callouts import BY_TYPE, gathered_on
from ...inline import escape
from ...model import Callout, Entry, Paragraph, Report
from ..blocks import Style, render_blocks
from ..paths import GOOD_PRACTICE, para_path, rel, slug
from ..site import Index, Page, Site
from .common import index_top

Example = tuple[str, Paragraph, Callout, Entry]  # (origin, paragraph, box, the box's entry)


def _by_region(report: Report, path: str) -> dict[str, list[Example]]:
    types = gathered_on(path)
    by_region: defaultdict[str, list[Example]] = defaultdict(list)
    for p in report.paragraphs:
        for c in p.callouts:
            if c.type not in types:
                continue
            for e in c.entries:
                by_region[e.region or "International"].append((e.origin or "", p, c, e))
    return by_region


def _example(path: str, origin: str, p: Paragraph, c: Callout, e: Entry) -> list[str]:
    kind = "Regional good practice" if c.type == "regional_good_practice" else "Good practice"
    body = render_blocks(e.blocks, path, Style(notes_at=rel(path, para_path(p.number))))
    return [f"### {escape(origin)} — paragraph {p.number} {{ #{slug(origin)}-{p.number}-{c.id} }}\n",
            f'<div class="index-entry {BY_TYPE[c.type].slug}" markdown="block">\n'
            f'<p class="index-kind">{kind}</p>\n{body}\n'
            f'<p class="index-source" markdown="span">[Paragraph {p.number}: {escape(p.title)}]'
            f'({rel(path, para_path(p.number))}#{c.id})</p>\n</div>\n']


def good_practice_page(report: Report) -> Page:
    path = INDEX.path
    by_region = _by_region(report, path)
    md = index_top(INDEX) + [
          "Concrete examples of good practice and of good regional practice given in the report, by region "
          "and by the country or body they come from.\n"]
    regions = sorted(by_region)
    md.append("Regions: " + " · ".join(f"[{r}](#{slug(r)})" for r in regions) + "\n")
    for region in regions:
        md.append(f"## {escape(region)} {{ #{slug(region)} }}\n")
        for origin, p, c, e in sorted(by_region[region], key=lambda t: (t[0], t[1].number)):
            md += _example(path, origin, p, c, e)
    return path, "\n".join(md)


def _build(site: Site) -> Page:
    return good_practice_page(site.report)


INDEX = Index(GOOD_PRACTICE, "Good practice", "the examples of good practice and of good regional practice, by "
              "region and country", _build)
