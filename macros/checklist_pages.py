"""The checklist: the Committee's recommendations in one table (recommendations/), filterable by
docs/js/checklist.js and printable with tick boxes (docs/css/checklist.css), and one page per theme
(themes/<id>/) with the paragraphs and boxes on it, in the report's order. Pure functions: model in,
(path, Markdown) out."""

import html
import re
from dataclasses import dataclass
from pathlib import Path

from .callouts import title as box_title
from .inline import escape
from .instruments import Registry
from .model import Callout, Report
from .recommendations import (FILE as DECISIONS, STRENGTH_NAMES, VERB_GROUPS, Recommendation, read_decisions,
                              recommendations, verb_group)
from .render import ARTICLES, front, opening_words, para_path, plain_title, rel
from .themes import FILE as THEMES, THEMES_PAGE, Theme, Themes, read_themes

PAGE = "recommendations/index.md"
TITLE = "Recommendations: a checklist"
DATA = "data/checklist"  # the CSV and sheet files: the whole table and each theme's part


@dataclass(frozen=True)
class Row:
    """One recommendation as the table shows it: with its place and its paragraph's themes."""
    number: int
    rec: Recommendation
    themes: tuple[Theme, ...]

    @property
    def item(self) -> str:
        """"a" for a list item ("guideline-a"), "" for a paragraph's text."""
        tail = self.rec.anchor.rsplit("-", 1)[-1]
        return tail if tail.isalpha() else ""

    @property
    def articles(self) -> tuple[str, ...]:
        """The numbers of the articles it names: "3" of "article 3 (1) (c)"."""
        return tuple(dict.fromkeys(a.split()[1] for a in self.rec.articles))


@dataclass(frozen=True)
class Checklist:
    rows: tuple[Row, ...]
    themes: Themes

    def of_theme(self, theme: Theme) -> tuple[Row, ...]:
        return tuple(r for r in self.rows if theme in r.themes)


_cache: dict[tuple[int, tuple[tuple[str, int], ...]], Checklist] = {}


def read_checklist(report: Report, registry: Registry, folder: Path) -> Checklist:
    """content/recommendations.yaml and content/themes.yaml read against the report (once per report and
    change of them: the pages, the files and the navigation all ask)."""
    paths = (Path(folder) / DECISIONS, Path(folder) / THEMES)
    key = (id(report), tuple((str(p), p.stat().st_mtime_ns if p.exists() else 0) for p in paths))
    if key not in _cache:
        _cache.clear()
        themes = read_themes(paths[1], report)
        recs = recommendations(report, read_decisions(paths[0]), registry)
        _cache[key] = Checklist(tuple(Row(i, r, themes.of_paragraph(r.paragraph)) for i, r in enumerate(recs, 1)),
                                themes)
    return _cache[key]


def data_path(theme: Theme | None, ext: str) -> str:
    return f"{DATA}/recommendations{'-' + theme.id if theme else ''}.{ext}"


def downloads(path: str, theme: Theme | None) -> str:
    """Links to the CSV and the sheet of the whole table or of a theme's part."""
    return (f"[Spreadsheet (.xlsx)]({rel(path, data_path(theme, 'xlsx'))}) · "
            f"[CSV]({rel(path, data_path(theme, 'csv'))})")


def checklist_pages(report: Report, checklist: Checklist) -> dict[str, str]:
    """{path: Markdown}: the checklist, the themes' list and each theme's page."""
    pages = dict([recommendations_page(report, checklist), themes_page(report, checklist)])
    for theme in checklist.themes.themes:
        path, pages[path] = theme_page(report, checklist, theme)
    return pages


def checklist_nav(checklist: Checklist) -> dict[str, list[object]]:
    """The navigation's entry: the checklist, then the themes."""
    return {"Recommendations": [PAGE, {"Themes": [THEMES_PAGE, *({t.title: t.path} for t in checklist.themes.themes)]}]}


def recommendations_page(report: Report, checklist: Checklist) -> tuple[str, str]:
    path = PAGE
    rows = checklist.rows
    counts = {g: sum(1 for r in rows if verb_group(r.rec.verb) == g) for g, _ in VERB_GROUPS}
    md = [front({"title": TITLE, "search": {"exclude": True},
                 "description": "Every recommendation of the Committee's Guidelines on the Optional Protocol, by "
                                "theme, verb and article: filterable, printable, as a spreadsheet."}),
          f"# {TITLE}\n",
          f"What the Committee asks of States, in the Guidelines' own words: {len(rows)} recommendations, each "
          "with the paragraph it stands in, its verb, the articles of the Optional Protocol it names and its "
          "paragraph's themes. For an alternative report, download the table with empty columns for what your "
          "State has done and your source, or print it as a checklist (the rows shown, with tick boxes).\n",
          f"Download all: {downloads(path, None)}. Each theme's part: on [its page]({rel(path, THEMES_PAGE)}).\n",
          "The Committee's verbs fall on a scale: it **urges** (the strongest; so do the duties the Protocol "
          "binds States to: *must*, *are required to*, which it *reminds* them of), **recommends** (also *calls "
          "upon*, *requests*, and what *States parties should* do), and **encourages** (the mildest). Each row "
          "gives the verb as printed and its place on the scale.\n",
          filters(report, checklist),
          table(path, rows),
          "## How the recommendations were found { #method }\n",
          "A sentence of the Guideline text (the Committee's, not the commentary's) is a recommendation when it "
          "asks something of States by its verb; the items of a list it leads (“States parties should:”) are "
          "each one. A sentence that describes, defines or explains is not, nor one that asks the private sector "
          "alone. The rules are in the edition's `macros/recommendations.py`, the sentences they do not decide, "
          f"each with its reason, in `content/{DECISIONS}`. By verb: "
          + ", ".join(f"{g} {n}" for g, n in counts.items() if n) + ".\n",
          # Its own script, on this page alone; deferred, so the table stands before it runs.
          f'<script src="{rel(path, "js/checklist.js")}" defer></script>', ""]
    return path, "\n".join(md)


def filters(report: Report, checklist: Checklist) -> str:
    """The filters: hidden until docs/js/checklist.js shows them (without it the whole table shows)."""
    def select(name: str, label: str, options: list[tuple[str, str]]) -> str:
        opts = "".join(f'<option value="{html.escape(v)}">{html.escape(t)}</option>' for v, t in options)
        return (f'<div class="ck-filter"><label for="ck-{name}">{label}</label>'
                f'<select id="ck-{name}" data-filter="{name}"><option value="">All</option>{opts}</select></div>')
    articles = sorted({a for r in checklist.rows for a in r.articles}, key=int)
    chapters = [c for c in report.chapters if any(r.rec.chapter == c.number for r in checklist.rows)]
    parts = [
        select("theme", "Theme", [(t.id, t.title) for t in checklist.themes.themes]),
        select("chapter", "Chapter", [(c.number, plain_title(c)) for c in chapters]),
        select("verb", "Verb", [(g, g) for g, _ in VERB_GROUPS]),
        select("article", "Article of the Protocol", [(a, f"article {a}") for a in articles]),
        '<div class="ck-filter ck-text"><label for="ck-text">Words</label>'
        '<input id="ck-text" type="search" data-filter="text" autocomplete="off" spellcheck="false"></div>',
        '<div class="ck-filter"><button type="button" id="ck-reset" class="md-button">Show all</button></div>',
    ]
    return ('<form class="checklist-filters" id="ck-filters" hidden>\n' + "\n".join(parts) + "\n</form>\n\n"
            f'<p class="checklist-count" id="ck-count" role="status" aria-live="polite">'
            f'{len(checklist.rows)} recommendations</p>\n')


def table(path: str, rows: tuple[Row, ...]) -> str:
    head = ('<table class="checklist" id="ck-table" markdown="block">\n<thead><tr><th class="ck-tick" scope="col">Done</th>'
            '<th scope="col">Paragraph</th><th scope="col">Verb</th><th scope="col">The Committee’s words</th>'
            '<th scope="col">Articles</th><th scope="col">Themes</th></tr></thead>\n<tbody markdown="block">')
    return head + "\n" + "\n".join(row_html(path, r) for r in rows) + "\n</tbody>\n</table>\n"


def row_html(path: str, r: Row) -> str:
    rec = r.rec
    where = f"{rec.paragraph}" + (f" ({r.item})" if r.item else "")
    attrs = (f'data-theme="{" ".join(t.id for t in r.themes)}" data-chapter="{rec.chapter}" '
             f'data-verb="{verb_group(rec.verb)}" data-article="{" ".join(r.articles)}"')
    articles = ", ".join(f"[{a}]({rel(path, ARTICLES)}#{provision_anchor(a)})" for a in rec.articles)
    themes = ", ".join(f"[{escape(t.title)}]({rel(path, t.path)})" for t in r.themes)
    return (f'<tr id="r{r.number}" {attrs} markdown="block"><td class="ck-tick"><span class="ck-box"></span></td>'
            f'<td data-label="Paragraph" markdown="span">[{where}]({rel(path, para_path(rec.paragraph))}#{rec.anchor})</td>'
            f'<td class="ck-verb-cell" data-label="Verb" markdown="span"><span class="ck-verb">{escape(rec.verb)}</span> '
            f'<span class="ck-strength">scale: {STRENGTH_NAMES[rec.strength]}</span></td>'
            f'<td class="ck-words" markdown="span">{escape(rec.words)}</td>'
            f'<td data-label="Articles" markdown="span">{articles}</td>'
            f'<td data-label="Themes" markdown="span">{themes}</td></tr>')


def provision_anchor(provision: str) -> str:
    """"article 3 (1) (c)" → "article-3-1-c": its entry on articles/ (instruments.Citation.anchor)."""
    return "-".join(re.findall(r"\w+", provision))


def themes_page(report: Report, checklist: Checklist) -> tuple[str, str]:
    path = THEMES_PAGE
    md = [front({"title": "Themes"}), "# Themes\n",
          "The report's paragraphs and boxes by subject, wherever its chapters put them: each theme's page "
          "gathers its paragraphs, good practice, resources and the IWG’s advice in the report's order, with "
          f"its part of the [checklist of recommendations]({rel(path, PAGE)}).\n",
          "| Theme | What it covers | Paragraphs | Boxes | Recommendations |", "| --- | --- | --- | --- | --- |"]
    for t in checklist.themes.themes:
        boxes = sum(1 for p in report.paragraphs for c in p.callouts if t in checklist.themes.of_box(p.number, c.id))
        md.append(f"| [{escape(t.title)}]({rel(path, t.path)}) | {escape(t.scope)} | {len(t.paragraphs)} | {boxes} | "
                  f"{len(checklist.of_theme(t))} |")
    return path, "\n".join(md) + "\n"


def theme_page(report: Report, checklist: Checklist, theme: Theme) -> tuple[str, str]:
    path = theme.path
    rows = checklist.of_theme(theme)
    md = [front({"title": theme.title, "description": theme.scope}), f"# {escape(theme.title)}\n",
          f"{escape(theme.scope)}\n",
          f"Its {len(rows)} recommendations: [in the checklist]({rel(path, PAGE)}?theme={theme.id}); "
          f"{downloads(path, theme)}.\n",
          # The report's words here are opening words, which search finds on their own pages: out of search.
          f"## Paragraphs and boxes {{ #paragraphs data-search-exclude }}\n"]
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
    words = " ".join(b.text for e in c.entries for b in e.blocks).split()
    text = " ".join(words[:24]) + (" …" if len(words) > 24 else "")
    label = box_title(c.heading.text) + (f" ({origins})" if origins else "")
    reason = f" *On this theme: {escape(why)}.*" if why else ""
    return f"- [{escape(label)}]({href}#{c.id}): {escape(text)}{reason}"
