"""The checklist of the Committee's recommendations (recommendations/): every one in a table, filterable by
docs/js/checklist.js and printable with tick boxes (docs/css/checklist.css); and the table and each theme's
part as CSV and as a sheet (data/checklist/, macros/checklist_export.py). What is a recommendation is
macros/recommendations.py's; the themes are macros/themes.py's, their pages macros/pages/themes.py's."""

import html
import re
from collections.abc import Iterator

from ..checklist_export import sheet_title, to_csv, to_xlsx
from ..inline import escape
from ..model import Report
from ..recommendations import FILE as DECISIONS, STRENGTH_NAMES, VERB_GROUPS, Checklist, Row, verb_group
from ..themes import Theme
from .html import front, plain_title
from .paths import ARTICLES, RECOMMENDATIONS, THEMES, checklist_file, para_path, rel, theme_path
from .site import Output, Page, PageKind, Site

TITLE = "Recommendations: a checklist"


def downloads(path: str, theme: Theme | None) -> str:
    """Links to the sheet and the CSV of the whole table or of a theme's part, from the page `path`."""
    key = theme.id if theme else None
    return (f"[Spreadsheet (.xlsx)]({rel(path, checklist_file(key, 'xlsx'))}) · "
            f"[CSV]({rel(path, checklist_file(key, 'csv'))})")


def recommendations_page(report: Report, checklist: Checklist) -> Page:
    path = RECOMMENDATIONS
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
          f"Download all: {downloads(path, None)}. Each theme's part: on [its page]({rel(path, THEMES)}).\n",
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


def _select(name: str, label: str, options: list[tuple[str, str]]) -> str:
    opts = "".join(f'<option value="{html.escape(v)}">{html.escape(t)}</option>' for v, t in options)
    return (f'<div class="ck-filter"><label for="ck-{name}">{label}</label>'
            f'<select id="ck-{name}" data-filter="{name}"><option value="">All</option>{opts}</select></div>')


def filters(report: Report, checklist: Checklist) -> str:
    """The filters: hidden until docs/js/checklist.js shows them (without it the whole table shows)."""
    articles = sorted({a for r in checklist.rows for a in r.articles}, key=int)
    chapters = [c for c in report.chapters if any(r.rec.chapter == c.number for r in checklist.rows)]
    parts = [
        _select("theme", "Theme", [(t.id, t.title) for t in checklist.themes.themes]),
        _select("chapter", "Chapter", [(c.number, plain_title(c)) for c in chapters]),
        _select("verb", "Verb", [(g, g) for g, _ in VERB_GROUPS]),
        _select("article", "Article of the Protocol", [(a, f"article {a}") for a in articles]),
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
    themes = ", ".join(f"[{escape(t.title)}]({rel(path, theme_path(t.id))})" for t in r.themes)
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


def checklist_files(checklist: Checklist, base: str) -> dict[str, bytes]:
    """{path in the site: bytes}: the whole table and each theme's part, CSV and sheet. `base`: the address
    the site is published at, which each row's link starts with."""
    parts: list[tuple[Theme | None, tuple[Row, ...]]] = [(None, checklist.rows)]
    parts += [(t, checklist.of_theme(t)) for t in checklist.themes.themes]
    out = {}
    for theme, rows in parts:
        key = theme.id if theme else None
        out[checklist_file(key, "csv")] = to_csv(rows, base)
        out[checklist_file(key, "xlsx")] = to_xlsx(rows, base, sheet_title(theme))
    return out


def pages(site: Site) -> Iterator[Output]:
    yield recommendations_page(site.report, site.checklist)
    yield from checklist_files(site.checklist, site.edition.url).items()


KIND = PageKind("checklist", pages)
