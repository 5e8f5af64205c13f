"""Mentions of Guidelines paragraphs and of Optional Protocol articles.

"paragraph 48 of its Guidelines", "In paragraph 6, the Committee…",
"OPSC Guidelines, paragraphs 16, 74, 79" point into the Guidelines; a
"paragraph 313" of a court judgment or "paragraph 29" of a report does not.
"""

import re
from dataclasses import dataclass

NUMS = r"\d{1,3}(?:\s*(?:,|and|or|to|-|–)\s*\d{1,3})*"
PARAGRAPH = re.compile(rf"\b(?P<word>[Pp]aragraphs?|paras?\.)\s*(?P<nums>{NUMS})\b")
OF_GUIDELINES = re.compile(r"^\s*(?:\([^)]*\)\s*)?(?:,\s*)?(?:of|in)\s+(?:its|the|these)\s+(?:OPSC\s+)?Guidelines\b")
OF_OTHER = re.compile(r"^\s*(?:\([^)]*\)\s*)?(?:of|in)\s+(?!(?:its|the|these)\s+(?:OPSC\s+)?Guidelines\b)")
OTHER_DOCUMENT = re.compile(
    r"(Report|Comment|Resolution|Observations|Convention|Directive|Doc\.|Court|Judgment|Principles|"
    r"Recommendation|Protocol to|Rapporteur|Declaration|Discussion|Opinion|Strategy|Study|Charter|Act|Code)"
    r"[^.;]{0,80}$")
ARTICLE = re.compile(
    r"\b[Aa]rticles?\s+(?P<n>\d{1,2})(?P<sub>(?:\s*\(\s*\d+\s*\)|\s*\(\s*[a-z]\s*\)|\s*\(\s*[ivx]+\s*\)|\.\d+)*)")
NOT_OPSC = re.compile(r"^\W{0,3}(?:of\s+the\s+)?(?:CRC|Convention|ECHR|Lanzarote|Palermo|UNCRC|EU|Directive|ILO|C182)")
CRC_BEFORE = re.compile(r"(?:CRC|Convention’s|Lanzarote|ILO)\s*$")
OPSC_CONTEXT = re.compile(r"OPSC|Optional Protocol")


@dataclass(frozen=True)
class Mention:
    offset: int
    length: int
    numbers: tuple


def expand(nums):
    out = []
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


def paragraph_mentions(text, in_footnote=False, limit=113):
    """Mentions that refer to paragraphs of the Guidelines."""
    out = []
    for m in PARAGRAPH.finditer(text):
        after = text[m.end():m.end() + 60]
        before = text[max(0, m.start() - 120):m.start()]
        numbers = expand(m.group("nums"))
        if not numbers or any(n < 1 or n > limit for n in numbers):
            continue
        if OF_GUIDELINES.match(after) or re.search(r"(?:OPSC |the |its )Guidelines,?\s*$", before):
            pass
        elif OF_OTHER.match(after) or OTHER_DOCUMENT.search(before):
            continue
        elif in_footnote and not re.search(r"(?:^|\b[Ss]ee\s+)$", before):
            continue
        out.append(Mention(m.start("nums"), m.end("nums") - m.start("nums"), tuple(numbers)))
    return out


def article_mentions(text):
    """(article, provision) pairs of the Optional Protocol named in a text."""
    found = []
    for m in ARTICLE.finditer(text):
        after = text[m.end():m.end() + 40]
        before = text[max(0, m.start() - 12):m.start()]
        if NOT_OPSC.match(after) or CRC_BEFORE.search(before):
            continue
        sentence_start = max(text.rfind(". ", 0, m.start()), 0)
        sentence_end = text.find(". ", m.end())
        sentence = text[sentence_start:sentence_end if sentence_end > 0 else len(text)]
        if "(" not in m.group("sub") and not OPSC_CONTEXT.search(sentence):
            continue
        n = int(m.group("n"))
        if not 1 <= n <= 17:  # the Optional Protocol has 17 articles
            continue
        sub = re.sub(r"\s+", " ", m.group("sub")).strip().replace("( ", "(").replace(" )", ")")
        sub = re.sub(r"\)\(", ") (", sub)
        found.append((n, f"article {n} {sub}".strip()))
    return found
