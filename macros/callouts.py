"""The kinds of box (callout) the report prints: one registry. A new kind is one entry here, read by the
layout (its printed headings), the editorial file's check (its type), the model (its anchors), the pages
(its class and title) and the indexes (its page)."""

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    type: str  # as content/editorial.yaml names it
    slug: str  # anchors ("good-practice-1") and CSS class
    headings: dict[str, str]  # {heading as printed: the title this edition shows}
    index: str  # the index page that gathers the boxes of this kind (macros/pages/indexes/)


KINDS = (
    Kind("resource_tip", "resource-tip",
         {"RESOURCE TIP": "Resource tip", "RESOURCE TIPS": "Resource tips"}, "resources.md"),
    Kind("good_practice", "good-practice",
         {"CONCRETE EXAMPLE OF GOOD PRACTICE": "Concrete example of good practice",
          "CONCRETE EXAMPLES OF GOOD PRACTICE": "Concrete examples of good practice"}, "good-practice.md"),
    Kind("regional_good_practice", "regional-good-practice",
         {"CONCRETE EXAMPLE OF GOOD REGIONAL PRACTICE": "Concrete example of good regional practice",
          "CONCRETE EXAMPLES OF GOOD REGIONAL PRACTICE": "Concrete examples of good regional practice",
          "CONCRETE EXAMPLE OF REGIONAL GOOD PRACTICE": "Concrete example of regional good practice"},
         "good-practice.md"),
    Kind("iwg_advice", "iwg-advice", {"THE IWG’S ADVICE": "The IWG’s advice"}, "iwg-advice.md"),
    Kind("case_law", "case-law", {"CASE LAW": "Case law"}, "case-law.md"),
    Kind("definition", "definition",
         {"INFORMATION AND COMMUNICATIONS TECHNOLOGIES (ICT)": "Information and communications technologies (ICT)"},
         "definitions.md"),
)
BY_TYPE = {k.type: k for k in KINDS}
TYPES = tuple(BY_TYPE)
# {heading as printed: its kind}, and the printed heading alone on an indented line, as the PDF sets it.
BY_HEADING = {h: k for k in KINDS for h in k.headings}
HEADING = re.compile(r"^\s{2,}(" + "|".join(re.escape(h) for h in sorted(BY_HEADING, key=len, reverse=True))
                     + r")\s*$")


def title(printed: str) -> str:
    """The title this edition shows for a box's printed heading."""
    return BY_HEADING[printed.strip()].headings[printed.strip()]


def gathered_on(page: str) -> tuple[str, ...]:
    """The kinds of box an index page gathers (their `index`), in the registry's order."""
    return tuple(k.type for k in KINDS if k.index == page)

