"""The terms the Guidelines and the report define, in their own words, then the report's definition boxes."""

from pathlib import Path

from ...inline import escape
from ...lists import Lists, Term, place
from ...model import Report
from ..labels import passage_label
from ..paths import DEFINITIONS, para_path, rel
from ..site import Index, Page, Site
from .common import callout_entries, index_top


def _term(report: Report, path: str, content: Path, t: Term, terms: dict[str, Term]) -> list[str]:
    md = [f"## {escape(t.term[:1].upper() + t.term[1:])} {{ #{t.id} }}\n"]
    for quote in t.defined:
        s = place(report, content / "glossary.yaml", t.line, quote)
        where = f"[paragraph {s.paragraph}, {escape(passage_label(report, s.paragraph, s.anchor, 'index'))}]" \
                f"({rel(path, para_path(s.paragraph))}#{s.anchor})"
        md.append(f'<blockquote class="defining-words" markdown="block">\n<p markdown="span">“{escape(quote)}”'
                  f'</p>\n<p class="quote-source" markdown="span">— {where}</p>\n</blockquote>\n')
    if t.terminology:
        said = ""
        if t.terminology_at:
            s = place(report, content / "glossary.yaml", t.line, t.terminology_at)
            said = f" ([paragraph {s.paragraph}]({rel(path, para_path(s.paragraph))}#{s.anchor}))"
        md.append(f'<p class="terminology" markdown="span"><strong>Terminology.</strong> '
                  f'{escape(t.terminology)}{said}</p>\n')
    if t.see:
        md.append('<p class="see-also" markdown="span">See also: ' + ", ".join(
            f"[{escape(terms[i].term)}](#{i})" for i in t.see) + "</p>\n")
    return md


def definitions_page(report: Report, lists: Lists, content: Path) -> Page:
    path = INDEX.path
    terms = {t.id: t for t in lists.terms}
    md = index_top(INDEX) + [
          "The terms the Guidelines and the Explanatory Report define or interpret, each with the report’s own "
          "defining words and the paragraphs they come from. Where the report follows the Terminology Guidelines "
          "for the Protection of Children from Sexual Exploitation and Sexual Abuse (the “Luxembourg "
          "Guidelines”, 2016), which prefer some terms to the legal terms of the Optional Protocol, the entry says "
          "so. The report’s definition boxes follow, [in full](#boxes).\n",
          '<p class="index-jump" markdown="span">' + " · ".join(
              f"[{escape(t.term)}](#{t.id})" for t in lists.terms) + "</p>\n"]
    for t in lists.terms:
        md += _term(report, path, content, t, terms)
    md.append("## The report’s definition boxes { #boxes }\n")
    md += callout_entries(report, path, level=3)
    return path, "\n".join(md)


def _build(site: Site) -> Page:
    return definitions_page(site.report, site.lists, site.content)


INDEX = Index(DEFINITIONS, "Definitions", "the terms the Guidelines and the report define, in their own words",
              _build)
