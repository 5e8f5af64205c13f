"""Counts of the model, shown on the home page and printed by the build check."""

from collections import Counter
from typing import Any

from .model import Report


def report_stats(report: Report) -> dict[str, Any]:
    """{figure: value}: counts, and the source's checksum."""
    callouts = Counter(c.type for p in report.paragraphs for c in p.callouts)
    footnotes = Counter(f.series for p in report.paragraphs for f in p.footnotes)
    links = sum(1 for r in report.removed if r.target_of is not None)
    return {
        "paragraphs": len(report.paragraphs),
        "chapters": len(report.chapters),
        "callouts": sum(callouts.values()),
        "callouts_by_type": dict(sorted(callouts.items())),
        "report_footnotes": footnotes["report"],
        "guideline_footnotes": footnotes["guideline"],
        "available_here_links": links,
        "unresolved_links": len(report.unresolved_links),
        "sha256": report.sha256,
    }
