"""The articles of the Optional Protocol: every passage that cites each one, and its words wherever the report
quotes them."""

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from ...inline import escape
from ...instruments import OPSC, Registry, mentions
from ...lists import Article, Lists, place
from ...ids import Anchor
from ...model import Report, Zone
from ..labels import passage_label
from ..paths import ARTICLES, INSTRUMENTS, para_path, rel
from ..site import Index, Page, Site
from .common import Spot, index_top, official, where

Sub = tuple[str, ...]  # an article's subdivisions: ("1", "c")


@dataclass(frozen=True)
class Cited:
    """A passage that cites a provision."""
    paragraph: int
    anchor: Anchor
    zone: Zone
    printed: str | None = None  # a misprinted citation, as printed


def sub_key(sub: Sub) -> tuple[tuple[int, int, str], ...]:
    return tuple((0, int(s), "") if s.isdigit() else (1, 0, s) for s in sub)


def articles_index(report: Report, registry: Registry) -> dict[int, dict[Sub, list[Cited]]]:
    """{article: {subdivisions: [Cited]}} of the Optional Protocol, in page order of the passages."""
    index: defaultdict[int, defaultdict[Sub, list[Cited]]] = defaultdict(lambda: defaultdict(list))
    for s in report.passages:
        for m in mentions(s.text, registry, s.zone == "guideline"):
            c = m.citation
            if c.instrument != OPSC or c.article is None:  # "the Protocol" as a whole: no entry
                continue
            cited = Cited(s.paragraph, s.anchor, s.zone, m.printed)
            if cited not in index[c.article][c.sub]:
                index[c.article][c.sub].append(cited)
    return {n: dict(sorted(subs.items(), key=lambda kv: sub_key(kv[0]))) for n, subs in sorted(index.items())}


def _quoted(report: Report, path: str, content: Path, article: Article) -> list[str]:
    """The words of the article the report prints, each marked as a quotation of the report, with where."""
    if not article.quoted:
        return []
    md = []
    for q in article.quoted:
        s = place(report, content / "articles.yaml", q.line, q.found_as)
        label = passage_label(report, s.paragraph, s.anchor, "index")
        if s.zone == "commentary":
            label += f", passage {s.anchor.number}"  # commentary passages are cited by their number
        elif s.zone == "guideline" and isinstance(s.anchor.number, str):
            label += f" ({s.anchor.number})"  # an item of the Guideline's list
        at = f"[paragraph {s.paragraph}, {escape(label)}]({rel(path, para_path(s.paragraph))}#{s.anchor})"
        said = "quoted in" if q.how == "quoted" else "set out in"
        md.append(f'<blockquote class="provision-words" markdown="block">\n<p markdown="span">'
                  f'<span class="provision">Article {escape(q.provision)}:</span> “{escape(q.words)}”</p>\n'
                  f'<p class="quote-source" markdown="span">— {said} {at}</p>\n</blockquote>\n')
    return ['<p class="provision-intro" markdown="span">Its words as the report prints them:</p>\n', *md]


def _article(report: Report, path: str, subs: dict[Sub, list[Cited]], number: int) -> list[str]:
    """Where an article is cited, by subdivision."""
    md = []
    for sub, cited in subs.items():
        if sub:
            label = f"Article {number}" + "".join(f" ({x})" for x in sub)
            md.append(f"### {label} {{ #article-{number}-{'-'.join(sub)} }}\n")
        elif len(subs) > 1:
            md.append("The article as a whole:\n")
        md.append(where(report, path, [Spot(c.paragraph, c.anchor, c.zone, c.printed) for c in cited]) + "\n")
    return md


def articles_page(report: Report, registry: Registry, lists: Lists, content: Path) -> Page:
    path = INDEX.path
    index = articles_index(report, registry)
    md = index_top(INDEX) + [
          "Where the Guidelines and the Explanatory Report discuss each article of the Optional Protocol: every "
          "passage that cites it (“article 3 (1) (c)”, “art. 3”, “Article 3(3) OPSC”), by paragraph, with the "
          "part of the page it is in. Each article’s subject, after its number, is this edition’s short heading: "
          "the Protocol gives its articles none. Where the report quotes an article, or sets out its definitions, "
          "offences or obligations in its words, those words follow the heading as the report prints them, with "
          "the passage they are in: they are the report’s words, not the Protocol’s official text. Articles of "
          f"other treaties are on [Other instruments]({rel(path, INSTRUMENTS)}).\n",
          *filter(None, [official(next((i for i in registry if i.id == OPSC), None))]),
          '<p class="index-jump" markdown="span">' + " ".join(
              f"[{a.number}](#article-{a.number}){{ .n }}" for a in lists.articles) + "</p>\n"]
    for a in lists.articles:
        md.append(f"## Article {a.number} · {escape(a.subject)} {{ #article-{a.number} }}\n")
        md += _quoted(report, path, content, a)
        subs = index.get(a.number)
        if not subs:
            md.append("No passage of the report cites this article.\n")
            continue
        md += _article(report, path, subs, a.number)
    return path, "\n".join(md)


def _build(site: Site) -> Page:
    return articles_page(site.report, site.registry, site.lists, site.content)


INDEX = Index(ARTICLES, "Articles of the Optional Protocol", "every passage that cites each article of the "
              "Optional Protocol", _build)
