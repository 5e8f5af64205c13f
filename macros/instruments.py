"""Which instrument an article mention belongs to: "Article 22 of the Lanzarote Convention",
"Articles 34 and 35 CRC", "C182, Article 8", "(art. 3 (1) (c))" (the Optional Protocol).

The instruments and their names are data (content/instruments.yaml). Mentions of the Optional
Protocol are found by macros.crossrefs.article_mentions, as for /articles/; this module gives every
other article mention to the instrument named right after or just before it, and leaves it
unattributed when none is.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from .crossrefs import article_mentions
from .errors import ContentError, parse_yaml, read_utf8

OPSC = "opsc"
SUB = r"(?:\s*\(\s*(?:\d+|[a-z]|[ivx]+)\s*\)|\.\d+(?![\d.]))"
ONE = rf"\d{{1,3}}{SUB}*"
ARTICLES = re.compile(rf"\b[Aa]rt(?:icle)?s?\.?\s+(?P<list>{ONE}(?:\s*(?:,|and|&|or)\s*{ONE})*)")
# What may stand between an article and the instrument named after it: "(2)", ", paragraph 2 (b),".
BETWEEN = r"(?:\s*\([^)]*\))*,?\s*(?:paragraphs?\s+\d+(?:\s*\([a-z]\))?,?\s*)?(?:of\s+(?:the\s+|its\s+)?|under\s+the\s+|in\s+the\s+)?"


@dataclass(frozen=True)
class Instrument:
    id: str
    title: str
    names: tuple  # as the text names it
    query: tuple  # what readers type for it, besides its names


@dataclass(frozen=True)
class Citation:
    instrument: str  # an Instrument id
    article: int  # None: the instrument named without an article
    sub: tuple = ()  # subdivisions, ("1", "c") for article 3 (1) (c)

    @property
    def key(self):
        """"lanzarote:22", "opsc:3.1.c", "c182": what search matches a query's citation against."""
        if self.article is None:
            return self.instrument
        return ".".join([f"{self.instrument}:{self.article}", *self.sub])


def read_instruments(path):
    text = read_utf8(path, "the instruments file")
    data = parse_yaml(path, text)
    items = data.get("instruments") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise ContentError(path, 1, "expected `instruments:`, a list")
    out = []
    for item in items:
        if not (isinstance(item, dict) and isinstance(item.get("id"), str) and isinstance(item.get("names"), list)):
            raise ContentError(path, _line_of(text, item), "each instrument needs an `id` and a list of `names`")
        out.append(Instrument(item["id"], item.get("title", ""), tuple(map(str, item["names"])),
                              tuple(map(str, item.get("query") or []))))
    return tuple(out)


def _line_of(text, item):
    ident = item.get("id") if isinstance(item, dict) else None
    for i, line in enumerate(text.splitlines(), 1):
        if ident and re.match(rf"\s*-\s*id:\s*{re.escape(str(ident))}\s*$", line):
            return i
    return 0


@lru_cache(maxsize=4)
def _patterns(instruments):
    names = sorted(((n, i.id) for i in instruments if i.id != OPSC for n in i.names), key=lambda x: -len(x[0]))
    alternation = "|".join(re.escape(n) for n, _ in names)
    by_name = {n.lower(): ident for n, ident in names}
    after = re.compile(rf"^{BETWEEN}(?P<name>{alternation})(?![\w/])")
    before = re.compile(rf"(?<![\w/])(?P<name>{alternation})(?:’s)?[^.;]{{0,30}}$")
    mention = re.compile(rf"(?<![\w/])(?P<name>{alternation})(?![\w/])")
    return after, before, mention, by_name


def _articles(listed):
    """[(article, (sub, ...)), ...] of "3 (1) (c)", "34 and 35", "2, 3, 6 and 12", "3.1"."""
    out = []
    for m in re.finditer(ONE, listed):
        n = int(re.match(r"\d+", m.group(0)).group(0))
        parts = re.findall(r"\(\s*([^)\s]+)\s*\)|\.(\d+)", m.group(0)[len(str(n)):])
        out.append((n, tuple(a or b for a, b in parts)))
    return out


def citations(text, instruments):
    """The citations a text makes: articles of the Optional Protocol and of other instruments, and the
    other instruments it names without an article. Each once, in order of first appearance."""
    after, before, mention, by_name = _patterns(instruments)
    found = []
    for n, provision in article_mentions(text):
        sub = tuple(re.findall(r"\(([^)]+)\)", provision))
        found.append(Citation(OPSC, n, sub))
    opsc = {(c.article, c.sub) for c in found}
    previous = None  # (instrument, end): the last attributed mention
    for m in ARTICLES.finditer(text):
        tail = text[m.end():m.end() + 120]
        named = after.match(tail) or before.search(text[max(0, m.start() - 60):m.start()])
        if named:
            ident = by_name[named.group("name").lower()]
        elif previous and not re.search(r"[.;]\s", text[previous[1]:m.start()]) and \
                not any((n, sub) in opsc for n, sub in _articles(m.group("list"))):
            # "The Lanzarote Convention (art. 27) provides that legal persons liable under the rules of
            # Article 26 …": a later article of the same sentence is of the instrument just named.
            ident = previous[0]
        else:
            continue
        previous = (ident, m.end())
        found += [Citation(ident, n, sub) for n, sub in _articles(m.group("list"))]
    for m in mention.finditer(text):
        ident = by_name[m.group("name").lower()]
        # "the Convention" alone is cited through its articles only: as a bare mention it says too little.
        if not m.group("name").lower().startswith("the "):
            found.append(Citation(ident, None))
    return list(dict.fromkeys(found))
