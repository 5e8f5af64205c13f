"""The themes' pages: the list of themes (themes/), and one page per theme (themes/<id>/) with its paragraphs and
boxes in the report's order and its part of the checklist; and the tags under a paragraph page's title, each
linking to its theme's page. The themes themselves are macros/themes.py's (content/themes.yaml)."""

from collections.abc import Iterator

from ..inline import escape
from ..model import Callout, Report
from ..recommendations import Checklist
from ..textflow import first_words
from ..themes import Theme, Themes
from .blocks import callout_title
from .chapter import OPENING_WORDS, opening_words
from .checklist import downloads
from .html import front
from .paths import RECOMMENDATIONS, THEMES, para_path, rel, theme_path
from .site import Page, PageKind, Site


def theme_tags(themes: Themes, paragraph: int, from_path: str) -> str:
    """Paragraph `paragraph`'s themes on the page `from_path` (its page, below its title): a list of links to
    the themes' pages, labelled "Themes" (escaped Markdown in HTML); "" for a paragraph on none."""
    links = [f'<li markdown="span">[{escape(t.title)}]({rel(from_path, theme_path(t.id))}){{ .theme-tag }}</li>'
             for t in themes.of_paragraph(paragraph)]
    if not links:
        return ""
    return ('<nav class="theme-tags" aria-labelledby="theme-tags-label" markdown="block">\n'
            '<p class="theme-tags-label" id="theme-tags-label">Themes</p>\n'
            '<ul markdown="block">\n' + "\n".join(links) + "\n</ul>\n</nav>\n")


def themes_page(report: Report, checklist: Checklist) -> Page:
    path = THEMES
    md = [front({"title": "Themes"}), "# Themes\n",
          "The report's paragraphs and boxes by subject, wherever its chapters put them: each theme's page "
          "gathers its paragraphs, good practice, resources and the IWG’s advice in the report's order, with "
          f"its part of the [checklist of recommendations]({rel(path, RECOMMENDATIONS)}).\n",
          "| Theme | What it covers | Paragraphs | Boxes | Recommendations |", "| --- | --- | --- | --- | --- |"]
    for t in checklist.themes.themes:
        boxes = sum(1 for p in report.paragraphs for c in p.callouts if t in checklist.themes.of_box(p.number, c.id))
        md.append(f"| [{escape(t.title)}]({rel(path, theme_path(t.id))}) | {escape(t.scope)} | {len(t.paragraphs)} "
                  f"| {boxes} | {len(checklist.of_theme(t))} |")
    return path, "\n".join(md) + "\n"


def theme_page(report: Report, checklist: Checklist, theme: Theme) -> Page:
    path = theme_path(theme.id)
    rows = checklist.of_theme(theme)
    md = [front({"title": theme.title, "description": theme.scope}), f"# {escape(theme.title)}\n",
          f"{escape(theme.scope)}\n",
          f"Its {len(rows)} recommendations: [in the checklist]({rel(path, RECOMMENDATIONS)}?theme={theme.id}); "
          f"{downloads(path, theme)}.\n",
          # The report's words here are opening words, which search finds on their own pages: out of search.
          "## Paragraphs and boxes { #paragraphs data-search-exclude }\n"]
    reasons = dict(theme.reasons)
    added = {(n, b): why for n, b, why in theme.boxes}
    for p in report.paragraphs:
        boxes = [c for c in p.callouts if theme in checklist.themes.of_box(p.number, c.id)]
        if p.number not in theme.paragraphs and not boxes:
            continue
        href = rel(path, para_path(p.number))
        if p.number in theme.paragraphs:
            md.append(f"### [{p.number}. {escape(p.title)}]({href}#guideline) {{ #p{p.number} data-search-exclude }}\n")
            md.append(f'<p class="theme-opening" markdown="span">{escape(opening_words(p))}</p>\n')
            if p.number in reasons:
                md.append(f'<p class="theme-reason" markdown="span">On this theme: {escape(reasons[p.number])}.</p>\n')
        else:
            md.append(f"### [{p.number}. {escape(p.title)}]({href}): a box {{ #p{p.number} data-search-exclude }}\n")
        md += [box_line(href, c, added.get((p.number, c.id))) for c in boxes]
        md.append("")
    return path, "\n".join(md)


def box_line(href: str, c: Callout, why: str | None) -> str:
    origins = " / ".join(e.origin for e in c.entries if e.origin)
    text = first_words(" ".join(b.text for e in c.entries for b in e.blocks), OPENING_WORDS)
    label = callout_title(c) + (f" ({origins})" if origins else "")
    reason = f" *On this theme: {escape(why)}.*" if why else ""
    return f"- [{escape(label)}]({href}#{c.id}): {escape(text)}{reason}"


def pages(site: Site) -> Iterator[Page]:
    yield themes_page(site.report, site.checklist)
    for theme in site.checklist.themes.themes:
        yield theme_page(site.report, site.checklist, theme)


KIND = PageKind("themes", pages)
