"""How a page names a passage of a paragraph's page by its anchor: one function for the apparatus and the
indexes."""

from typing import Literal

from ..callouts import BY_TYPE, title
from ..ids import Anchor, AnchorKind
from ..model import Report

# "apparatus": the passage whole ("Guideline text (e)", "commentary, passage 2", "box (resource tip)");
# "index": the part of the page ("Guidelines", "commentary", the box's own title), which an index completes
# with the passage's number only where two of one part would be confused.
Wording = Literal["apparatus", "index"]
BOX_SLUGS = {k.slug: k for k in BY_TYPE.values()}


def _lower(name: str) -> str:
    return name[:1].lower() + name[1:]


def passage_label(report: Report, paragraph: int, anchor: Anchor | None, wording: Wording = "apparatus") -> str:
    """"commentary-2" → "commentary, passage 2"; "fn:r19" → "footnote 19"; "good-practice-1" → "box (…)"."""
    if anchor is None:
        return ""
    index = wording == "index"
    if anchor.kind is AnchorKind.FOOTNOTE:
        return ("footnote " if anchor.series == "report" else "Guidelines footnote ") + str(anchor.number)
    if anchor.kind is AnchorKind.GUIDELINE:
        item = f" ({anchor.number})" if isinstance(anchor.number, str) else ""
        return "Guidelines" if index else "Guideline text" + item
    if anchor.kind is AnchorKind.COMMENTARY:
        return "commentary" if index else f"commentary, passage {anchor.number}"
    if anchor.kind is not AnchorKind.BOX:
        return f"{anchor.prefix} {anchor.number}"  # a section: not a passage of a paragraph's page
    if index:
        # The box's title as the page shows it: "resource tips", "concrete example of good practice".
        box = next(c for c in report.paragraph(paragraph).callouts if c.id == anchor)
        return _lower(title(box.heading.text))
    # The kind's name as the edition shows it: "box (resource tip)", "box (the IWG’s advice)".
    return f"box ({_lower(next(iter(BOX_SLUGS[anchor.prefix].headings.values())))})"
