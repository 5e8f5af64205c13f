"""Articles as the report prints them: "3 (1) (c)", "34 and 35", "2, 3, 6 and 12", "Article 27.5", "9 (3) and
(4)", "Articles 20-22": each article of a list, with its subdivisions and where it stands in the list."""

import re
from typing import NamedTuple

Provision = tuple[int, tuple[str, ...]]  # (3, ("1", "c")): article 3 (1) (c)

PAREN = r"\s*\(\s*(?:\d+|[a-z]|[ivx]+)\s*\)"
# "Article 27.5." at a sentence's end is article 27 (5); "9.1.2" is no article.
SUB = rf"(?:{PAREN}|\.\d+(?!\d|\.\d)|§\d+)"
ONE = rf"\d{{1,3}}{SUB}*"
# "article 9 (3) and (4)": a subdivision alone is of the article before it.
ITEM = rf"(?:{ONE}|(?:{PAREN})+)"
# Between two articles of a list: "," "and" "&" "or", or a range's dash ("20-22", "32 – 36"); an article may
# carry a few words on its subject ("Articles 6 on programmes of action and 7(2) on …") or its paragraphs
# ("Articles 18, 19, paragraph 1.a and b, and 21") before the next.
OF_ARTICLE = r",\s*paragraph\s+\d+(?:\.[a-z])?(?:\s+and\s+[a-z]\b)?"
SEPARATOR = rf"(?:\s+on\s+[a-z]+(?:\s+[a-z]+){{0,5}}?|{OF_ARTICLE})?\s*(?:,\s*(?:and|or)|,|and|&|or|[–-])\s*"
ARTICLES = re.compile(rf"\b[Aa]rt(?:icle)?s?\.?\s+(?P<list>{ONE}(?:{SEPARATOR}{ITEM})*)")
RANGE = re.compile(r"\s*[–-]\s*")
LONGEST_RANGE = 20
# "Article 3, paragraph 2 OPSC": the paragraph is the article's subdivision.
PARAGRAPH = re.compile(r"^,?\s*paragraph\s+(\d+)(?:\s*\(([a-z])\))?")


def parse_provision(text: object) -> Provision | None:
    """(3, ("1", "c")) of "3 (1) (c)"; None if it is not one."""
    m = re.fullmatch(rf"\s*({ONE})\s*", str(text or ""))
    return articles_of(m.group(1))[0] if m else None


def articles_of(listed: str) -> list[Provision]:
    """[(article, (sub, ...)), ...] of "3 (1) (c)", "34 and 35", "2, 3, 6 and 12", "3.1", "9 (3) and (4)"."""
    return [(a, s) for a, s, _, _, _ in items_of(listed)]


class Item(NamedTuple):
    """One article of a list of articles ("34" of "34 and 35"), and where it stands in the list."""
    article: int
    subs: tuple[str, ...]  # ("1", "c") of "3 (1) (c)"
    start: int
    end: int
    ends_range: bool = False  # the second number of a range ("22" of "20-22")


def items_of(listed: str) -> list[Item]:
    """Item of each article of a list of articles."""
    out: list[Item] = []
    # A paragraph of an article in the list is no article of it: "1" of "19, paragraph 1.a and b, and 21".
    listed = re.sub(OF_ARTICLE, lambda m: " " * len(m.group(0)), listed)
    for m in re.finditer(ITEM, listed):
        number = re.match(r"\d+", m.group(0))
        if number:
            n, rest = int(number.group(0)), m.group(0)[number.end():]
        elif out:
            n, rest = out[-1].article, m.group(0)
        else:
            continue
        parts = re.findall(r"\(\s*([^)\s]+)\s*\)|\.(\d+)|§(\d+)", rest)
        lead = len(m.group(0)) - len(m.group(0).lstrip())
        ends_range = bool(out and number and not out[-1].subs and RANGE.fullmatch(listed[out[-1].end:m.start()])
                          and out[-1].article < n <= out[-1].article + LONGEST_RANGE)
        out.append(Item(n, tuple(a or b or c for a, b, c in parts), m.start() + lead, m.end(), ends_range))
    return out
