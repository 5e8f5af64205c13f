"""The indexes a lawyer asks of the report: the Optional Protocol's articles, other instruments, cases and
terms. Pure functions: model and the reviewed lists of content/ in, {path: Markdown} out."""

import re
from collections import defaultdict
from dataclasses import dataclass

from .callouts import title
from .instruments import OPSC, citations, mentions
from .lists import place
from .passages import passages
from .render import (APPARATUS, ARTICLES, CASES, DEFINITIONS, INSTRUMENTS, callout_entries, escape, index_top,
                     para_path, paragraphs, rel)


@dataclass(frozen=True)
class Cited:
    """A passage that cites a provision."""
    paragraph: int
    anchor: str
    zone: str  # "guideline" | "commentary" | "box" | "footnote"
    printed: str = None  # a misprinted citation, as printed


def _sub_key(sub):
    return tuple((0, int(s), "") if s.isdigit() else (1, 0, s) for s in sub)


def articles_index(report, registry):
    """{article: {subdivisions: [Cited]}} of the Optional Protocol, in page order of the passages."""
    index = defaultdict(lambda: defaultdict(list))
    for s in passages(report):
        for m in mentions(s.text, registry, s.zone == "guideline"):
            c = m.citation
            if c.instrument != OPSC:
                continue
            cited = Cited(s.paragraph, s.anchor, s.zone, m.printed)
            if cited not in index[c.article][c.sub]:
                index[c.article][c.sub].append(cited)
    return {n: dict(sorted(subs.items(), key=lambda kv: _sub_key(kv[0]))) for n, subs in sorted(index.items())}


def instruments_index(report, registry):
    """{instrument id: {(article, subdivisions) or None: [paragraphs]}} for every instrument but the Optional
    Protocol: what each paragraph's text, commentary, boxes and footnotes cite of it."""
    index = defaultdict(lambda: defaultdict(set))
    for s in passages(report):
        for c in citations(s.text, registry, s.zone == "guideline"):
            if c.instrument != OPSC:
                index[c.instrument][(c.article, c.sub) if c.article else None].add(s.paragraph)
    return {ident: {key: sorted(ps) for key, ps in cited.items()} for ident, cited in index.items()}


def _zone_label(report, paragraph, anchor, zone):
    if zone == "guideline":
        return "Guidelines"
    if zone == "footnote":
        return ("footnote " if anchor[3] == "r" else "Guidelines footnote ") + anchor[4:]
    if zone == "box":
        box = next(c for c in report.paragraph(paragraph).callouts if c.id == anchor)
        shown = title(box.heading.text)
        return shown[:1].lower() + shown[1:]
    return zone


def _where(report, path, places):
    """Paragraphs, each with links to the passages: "61. Title — Guidelines, commentary"."""
    by_paragraph = defaultdict(list)
    for n, anchor, zone, printed in places:
        if (anchor, zone, printed) not in by_paragraph[n]:
            by_paragraph[n].append((anchor, zone, printed))
    rows = []
    for n, spots in sorted(by_paragraph.items()):
        page = rel(path, para_path(n))
        kinds = []
        zones = [zone for _, zone, _ in spots]
        for anchor, zone, printed in spots:
            label = _zone_label(report, n, anchor, zone)
            if zones.count(zone) > 1 and zone in ("guideline", "commentary"):
                # Two passages of one part: say which.
                label += f" ({anchor.rsplit('-', 1)[1]})" if zone == "guideline" else f", passage {anchor.rsplit('-', 1)[1]}"
            kind = f"[{escape(label)}]({page}#{anchor})"
            if printed:
                kind += (f' <span class="editorial-note">(printed “{escape(printed)}”: '
                         f'[a misprint]({rel(path, APPARATUS)}))</span>')
            kinds.append(kind)
        rows.append(f"- [{n}]({page}){{ .n }} {escape(report.paragraph(n).title)} — {', '.join(kinds)}")
    return '<div class="cited-in" markdown="block">\n' + "\n".join(rows) + "\n</div>"


def _official(inst):
    """"The official text: [UN Treaty Collection](…)." for an instrument whose address content/ records."""
    o = inst.official if inst else None
    return f'<p class="official-text" markdown="span">Official text: [{escape(o.source)}]({o.url}).</p>\n' if o else ""


def _quoted(report, path, content, article):
    """The words of the article the report prints, each marked as a quotation of the report, with where."""
    if not article.quoted:
        return []
    md = []
    for q in article.quoted:
        s = place(report, content / "articles.yaml", q.line, q.found_as)
        label = _zone_label(report, s.paragraph, s.anchor, s.zone)
        number = s.anchor.rsplit("-", 1)[-1]
        if s.zone == "commentary":
            label += f", passage {number}"  # commentary passages are cited by their number
        elif s.zone == "guideline" and not number.isdigit():
            label += f" ({number})"  # an item of the Guideline's list
        where = f"[paragraph {s.paragraph}, {escape(label)}]({rel(path, para_path(s.paragraph))}#{s.anchor})"
        said = "quoted in" if q.how == "quoted" else "set out in"
        md.append(f'<blockquote class="provision-words" markdown="block">\n<p markdown="span">'
                  f'<span class="provision">Article {escape(q.provision)}:</span> “{escape(q.words)}”</p>\n'
                  f'<p class="quote-source" markdown="span">— {said} {where}</p>\n</blockquote>\n')
    return ['<p class="provision-intro" markdown="span">Its words as the report prints them:</p>\n', *md]


def articles_page(report, registry, lists, content):
    path = ARTICLES
    index = articles_index(report, registry)
    md = index_top(path) + [
          "Where the Guidelines and the Explanatory Report discuss each article of the Optional Protocol: every "
          "passage that cites it (“article 3 (1) (c)”, “art. 3”, “Article 3(3) OPSC”), by paragraph, with the "
          "part of the page it is in. Each article’s subject, after its number, is this edition’s short heading: "
          "the Protocol gives its articles none. Where the report quotes an article, or sets out its definitions, "
          "offences or obligations in its words, those words follow the heading as the report prints them, with "
          "the passage they are in: they are the report’s words, not the Protocol’s official text. Articles of "
          f"other treaties are on [Other instruments]({rel(path, INSTRUMENTS)}).\n",
          *filter(None, [_official(next((i for i in registry if i.id == OPSC), None))]),
          '<p class="index-jump" markdown="span">' + " ".join(
              f"[{a.number}](#article-{a.number}){{ .n }}" for a in lists.articles) + "</p>\n"]
    for a in lists.articles:
        md.append(f"## Article {a.number} · {escape(a.subject)} {{ #article-{a.number} }}\n")
        md += _quoted(report, path, content, a)
        subs = index.get(a.number)
        if not subs:
            md.append("No passage of the report cites this article.\n")
            continue
        for sub, cited in subs.items():
            if sub:
                label = f"Article {a.number}" + "".join(f" ({x})" for x in sub)
                md.append(f"### {label} {{ #article-{a.number}-{'-'.join(sub)} }}\n")
            elif len(subs) > 1:
                md.append("The article as a whole:\n")
            md.append(_where(report, path, [(c.paragraph, c.anchor, c.zone, c.printed) for c in cited]) + "\n")
    return path, "\n".join(md)


def instruments_page(report, registry):
    path = INSTRUMENTS
    index = instruments_index(report, registry)
    md = index_top(path) + [
          "The treaties and other instruments the report cites besides the Optional Protocol (for which see "
          f"[its articles]({rel(path, ARTICLES)})), with the paragraphs whose Guideline text, commentary, "
          "boxes or footnotes cite them: by article where the text names one (“Article 22 of the Lanzarote "
          "Convention”, “Articles 34 and 35 CRC”), otherwise as a whole.\n"]

    def links(paras):
        return ", ".join(f"[{k}]({rel(path, para_path(k))}){{ .n }}" for k in paras)

    for inst in registry:
        cited = index.get(inst.id)
        if not cited:
            continue
        md.append(f"## {escape(inst.title)} {{ #{inst.id} }}\n")
        md.append(f"Cited as: {', '.join(escape(n) for n in inst.names if not n.lower().startswith('the '))}.\n")
        md += filter(None, [_official(inst)])
        for key in sorted((k for k in cited if k), key=lambda k: (k[0], _sub_key(k[1]))):
            article, sub = key
            label = f"Article {article}" + "".join(f" ({s})" for s in sub)
            anchor = "-".join([inst.id, str(article), *sub])
            md.append(f"- {label}: {paragraphs(cited[key])} {links(cited[key])}\n{{ #{anchor} }}")
        if None in cited:
            md.append(f"- Named without an article: {paragraphs(cited[None])} {links(cited[None])}")
        md.append("")
    return path, "\n".join(md)


def cases_page(report, lists, content):
    path = CASES
    md = index_top(path) + [
          "The judgments and decisions the report discusses or cites, in its boxes, its commentary and its "
          "footnotes, by the court or body that decided them, with the paragraphs where the report does so. "
          "Where the report refers to a court’s case law without naming a case, the entry says so. The report’s "
          "case-law boxes follow, [in full](#boxes).\n"]
    body = None
    for case in lists.cases:
        if case.body != body:
            body = case.body
            md.append(f"## {escape(body)} {{ #{_slug(body)} }}\n")
        title = escape(case.name) + (f" ({case.year})" if case.year else "")
        md.append(f"### {title} {{ #{case.id} }}\n")
        if case.reference:
            md.append(f'<p class="case-reference" markdown="span">{escape(case.reference)}</p>\n')
        if case.note:
            md.append(f'<p class="case-note" markdown="span">{escape(case.note)}</p>\n')
        spots = [place(report, content / "cases.yaml", case.line, q) for q in case.at]
        md.append("Discussed or cited in:\n\n" + _where(report, path, [(s.paragraph, s.anchor, s.zone, None)
                                                                        for s in spots]) + "\n")
    md.append("## The report’s case-law boxes { #boxes }\n")
    md += callout_entries(report, path, level=3)
    return path, "\n".join(md)


def definitions_page(report, lists, content):
    path = DEFINITIONS
    terms = {t.id: t for t in lists.terms}
    md = index_top(path) + [
          "The terms the Guidelines and the Explanatory Report define or interpret, each with the report’s own "
          "defining words and the paragraphs they come from. Where the report follows the Terminology Guidelines "
          "for the Protection of Children from Sexual Exploitation and Sexual Abuse (the “Luxembourg "
          "Guidelines”, 2016), which prefer some terms to the legal terms of the Optional Protocol, the entry says "
          "so. The report’s definition boxes follow, [in full](#boxes).\n",
          '<p class="index-jump" markdown="span">' + " · ".join(
              f"[{escape(t.term)}](#{t.id})" for t in lists.terms) + "</p>\n"]
    for t in lists.terms:
        md.append(f"## {escape(t.term[:1].upper() + t.term[1:])} {{ #{t.id} }}\n")
        for quote in t.defined:
            s = place(report, content / "glossary.yaml", t.line, quote)
            where = f"[paragraph {s.paragraph}, {escape(_zone_label(report, s.paragraph, s.anchor, s.zone))}]" \
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
    md.append("## The report’s definition boxes { #boxes }\n")
    md += callout_entries(report, path, level=3)
    return path, "\n".join(md)


def _slug(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
