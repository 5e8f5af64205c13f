"""The treaties and other instruments the report cites besides the Optional Protocol, by article."""

from collections import defaultdict

from ...inline import escape
from ...instruments import OPSC, Registry, citations
from ...model import Report
from ..paths import ARTICLES, INSTRUMENTS, para_path, rel
from ..site import Index, Page, Site
from .articles import Sub, sub_key
from .common import index_top, official, paragraphs

Provision = tuple[int, Sub] | None  # (article, subdivisions), or None: the instrument as a whole


def instruments_index(report: Report, registry: Registry) -> dict[str, dict[Provision, list[int]]]:
    """{instrument id: {(article, subdivisions) or None: [paragraphs]}} for every instrument but the Optional
    Protocol: what each paragraph's text, commentary, boxes and footnotes cite of it."""
    index: defaultdict[str, defaultdict[Provision, set[int]]] = defaultdict(lambda: defaultdict(set))
    for s in report.passages:
        for c in citations(s.text, registry, s.zone == "guideline"):
            if c.instrument != OPSC:
                index[c.instrument][(c.article, c.sub) if c.article else None].add(s.paragraph)
    return {ident: {key: sorted(ps) for key, ps in cited.items()} for ident, cited in index.items()}


def instruments_page(report: Report, registry: Registry) -> Page:
    path = INDEX.path
    index = instruments_index(report, registry)
    md = index_top(INDEX) + [
          "The treaties and other instruments the report cites besides the Optional Protocol (for which see "
          f"[its articles]({rel(path, ARTICLES)})), with the paragraphs whose Guideline text, commentary, "
          "boxes or footnotes cite them: by article where the text names one (“Article 22 of the Lanzarote "
          "Convention”, “Articles 34 and 35 CRC”), otherwise as a whole.\n"]

    def links(paras: list[int]) -> str:
        return ", ".join(f"[{k}]({rel(path, para_path(k))}){{ .n }}" for k in paras)

    for inst in registry:
        cited = index.get(inst.id)
        if not cited:
            continue
        md.append(f"## {escape(inst.title)} {{ #{inst.id} }}\n")
        md.append(f"Cited as: {', '.join(escape(n) for n in inst.names if not n.lower().startswith('the '))}.\n")
        md += filter(None, [official(inst)])
        for article, sub in sorted((k for k in cited if k), key=lambda k: (k[0], sub_key(k[1]))):
            label = f"Article {article}" + "".join(f" ({s})" for s in sub)
            anchor = "-".join([inst.id, str(article), *sub])
            md.append(f"- {label}: {paragraphs(cited[(article, sub)])} {links(cited[(article, sub)])}\n{{ #{anchor} }}")
        if None in cited:
            md.append(f"- Named without an article: {paragraphs(cited[None])} {links(cited[None])}")
        md.append("")
    return path, "\n".join(md)


def _build(site: Site) -> Page:
    return instruments_page(site.report, site.registry)


# Its words are the instruments' names: search finds it by them, not by its title alone.
INDEX = Index(INSTRUMENTS, "Other instruments", "the treaties and other instruments the report cites besides the "
              "Optional Protocol, by article", _build, by_title=False)
