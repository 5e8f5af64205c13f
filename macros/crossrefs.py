"""Mentions of Guidelines paragraphs (articles of the Optional Protocol and of other instruments:
macros/instruments.py).

"paragraph 48 of its Guidelines", "In paragraph 6, the Committee…",
"OPSC Guidelines, paragraphs 16, 74, 79" point into the Guidelines; a
"paragraph 313" of a court judgment or "paragraph 29" of a report does not.
"""

import re
from dataclasses import dataclass

NUMS = r"\d{1,3}(?:\s*(?:,|and|or|to|-|–)\s*\d{1,3})*"
PARAGRAPH = re.compile(rf"\b(?P<word>[Pp]aragraphs?|paras?\.)\s*(?P<nums>{NUMS})\b"
                       r"(?:\s*\(?(?P<item>[a-z])\)(?=[\s,.;:]))?")
# Only what plainly points into the Guidelines is linked: other documents'
# paragraphs ("paragraph 313" of a judgment, "Article 3, paragraph 2") are not.
GUIDELINES_AFTER = re.compile(
    r"^\s*(?:\(?[a-z]\)\s*)?(?:\([^)]*\)\s*)?,?\s*(?:of|in)\s+(?:its|the|these|the Committee’s)\s+"
    r"(?:OPSC\s+)?Guidelines\b|^,?\s+the Committee\b|^\s+(?:above|below)\b")
GUIDELINES_BEFORE = re.compile(
    r"(?:(?:OPSC|the|its) Guidelines,?\s*|\bCommittee’s recommendation in\s+|\bWith regard to\s+"
    r"|\bmentioned in\s+)$")
# "(see above paragraph 42.)": a bare "see" counts only where the reference ends.
SEE_BEFORE = re.compile(r"\b[Ss]ee\s+(?:(?:above|below|hereafter)\s+)?(?:(?:at|under)\s+)?$")
SEE_AFTER = re.compile(r"^\s*[.)]")



@dataclass(frozen=True)
class Mention:
    offset: int
    length: int
    numbers: tuple[int, ...]
    item: str | None = None  # the letter of an item of the paragraph's list: "paragraph 97 e)"


def expand(nums: str) -> list[int]:
    """"16, 74 and 79" → [16, 74, 79]; "20 to 22" → [20, 21, 22]."""
    out: list[int] = []
    tokens = re.findall(r"\d+|to|-|–", nums)
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if t in ("to", "-", "–") and out and i + 1 < len(tokens):
            hi = int(tokens[i + 1])
            out.extend(range(out[-1] + 1, hi + 1))
            i += 2
            continue
        if t.isdigit():
            out.append(int(t))
        i += 1
    return out


def paragraph_mentions(text: str, limit: int = 113) -> list[Mention]:
    """Mentions that refer to paragraphs of the Guidelines."""
    out = []
    for m in PARAGRAPH.finditer(text):
        numbers = expand(m.group("nums"))
        if not numbers or any(n < 1 or n > limit for n in numbers):
            continue
        after = text[m.end():m.end() + 60]
        before = text[max(0, m.start() - 60):m.start()]
        if not (GUIDELINES_AFTER.search(after) or GUIDELINES_BEFORE.search(before)
                or (SEE_BEFORE.search(before) and SEE_AFTER.match(after))):
            continue
        item = m.group("item") if len(numbers) == 1 else None
        out.append(Mention(m.start("nums"), m.end("nums") - m.start("nums"), tuple(numbers), item))
    return out

