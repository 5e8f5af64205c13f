"""Where each generated page stands in the site, and links between them: every page path in one place."""

import re

APPARATUS = "about/apparatus.md"
ARTICLES = "articles.md"
INSTRUMENTS = "instruments.md"
RESOURCES = "resources.md"
GOOD_PRACTICE = "good-practice.md"
IWG_ADVICE = "iwg-advice.md"
CASES = "case-law.md"
DEFINITIONS = "definitions.md"
# The page that lists the indexes: the navigation's "Indexes" opens it.
INDEXES_PAGE = "indexes/index.md"
GUIDELINES = "guidelines.md"
CONTENTS = "contents.md"
PREFACE = "preface.md"
REPORT_JSON = "data/report.json"
# The checklist of recommendations, the page that lists the themes, and the checklist's files (CSV, sheet).
RECOMMENDATIONS = "recommendations/index.md"
THEMES = "themes/index.md"
CHECKLIST_DATA = "data/checklist"


def para_path(n: int) -> str:
    return f"paragraphs/{n}.md"


def chapter_slug(number: str) -> str:
    return number.lower()


def chapter_path(number: str) -> str:
    # An index page, so that Material shows it as the chapter's own page.
    return f"chapters/{chapter_slug(number)}/index.md"


def handout_path(number: str) -> str:
    return f"chapters/{chapter_slug(number)}/full.md"


def theme_path(theme: str) -> str:
    """A theme's page, by its id (content/themes.yaml)."""
    return f"themes/{theme}/index.md"


def checklist_file(theme: str | None, ext: str) -> str:
    """The checklist as a file ("csv", "xlsx"): the whole table (None), or a theme's part, by its id."""
    return f"{CHECKLIST_DATA}/recommendations{'-' + theme if theme else ''}.{ext}"


def citation_path(number: int | None, ext: str) -> str:
    """A paragraph's citation file (None: the whole edition's)."""
    return f"data/citations.{ext}" if number is None else f"data/cite/paragraph-{number}.{ext}"


def rel(from_path: str, to_path: str) -> str:
    """Relative link between two pages, so MkDocs can check and rewrite it."""
    a = from_path.split("/")[:-1]
    b = to_path.split("/")
    while a and b and a[0] == b[0]:
        a.pop(0)
        b.pop(0)
    return "/".join([".."] * len(a) + b)


def slug(text: str) -> str:
    """An anchor made of a name: "Latin America" → "latin-america"."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
