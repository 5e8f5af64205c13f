"""The pipeline that turns content/ into the site, and the mkdocs-macros entry point.

Modules, in pipeline order: source (read and check the text), editorial (the
reviewed editorial file), layout (page furniture), footnotes, extract (the
model), textflow (reflowed blocks), links, crossrefs, render (Markdown pages),
hooks (MkDocs glue).
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def define_env(env):
    """Figures of the model for the hand-written pages (home, about, data)."""
    from .build import load_report
    from .render import chapter_path
    from .stats import report_stats

    report = load_report(ROOT)
    env.variables["stats"] = report_stats(report)
    env.variables["contents"] = [
        {"number": c.number, "title": c.title, "href": chapter_path(c.number),
         "first": min(p.number for p in report.paragraphs if p.chapter == c.number),
         "last": max(p.number for p in report.paragraphs if p.chapter == c.number)}
        for c in report.chapters
    ]
    # Set by scripts/export_offline.py when the site is built with its zip.
    env.variables["offline"] = None
