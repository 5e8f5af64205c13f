"""How a page names a passage of a paragraph's page by its anchor: one function for the apparatus and the
indexes."""

from typing import Literal

from ..callouts import BY_TYPE, title
from ..model import Report

# "apparatus": the passage whole ("Guideline text (e)", "commentary, passage 2", "box (resource tip)");
# "index": the part of the page ("Guidelines", "commentary", the box's own title), which an index completes
# with the passage's number only where two of one part would be confused.
Wording = Literal["apparatus", "index"]


def _lower(name: str) -> str:
    return name[:1].lower() + name[1:]


def passage_label(report: Report, paragraph: int, anchor: str | None, wording: Wording = "apparatus") -> str:
    """"commentary-2" → "commentary, passage 2"; "fn:r19" → "footnote 19"; "good-practice-1" → "box (…)"."""
    if anchor is None:
        return ""
    if anchor.startswith("fn:"):
        return ("footnote " if anchor[3] == "r" else "Guidelines footnote ") + anchor[4:]
    kind, k = anchor.rsplit("-", 1)
    index = wording == "index"
    if kind == "guideline":
        return "Guidelines" if index else "Guideline text" + (f" ({k})" if k.isalpha() else "")
    if kind == "commentary":
        return "commentary" if index else f"commentary, passage {k}"
    if index:
        # The box's title as the page shows it: "resource tips", "concrete example of good practice".
        box = next(c for c in report.paragraph(paragraph).callouts if c.id == anchor)
        return _lower(title(box.heading.text))
    # The kind's name as the edition shows it: "box (resource tip)", "box (the IWG’s advice)".
    known = next((k for k in BY_TYPE.values() if k.slug == kind), None)
    name = next(iter(known.headings.values())) if known else kind.replace("-", " ")
    return f"box ({_lower(name)})"
