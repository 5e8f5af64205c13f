"""Which instrument an article mention belongs to: "Article 22 of the Lanzarote Convention",
"Articles 34 and 35 CRC", "C182, Article 8", "(art. 3 (1) (c))" and "article 9 (5)" in the Guidelines (the
Optional Protocol).

The instruments, their names and the attributions no rule can make are data (content/instruments.yaml).
A mention belongs to the instrument named right after it or just before it, or to the one a mention earlier
in the same sentence named; a mention in the Guidelines' citation style ("(art. 3)", "article 3 (1) (c)")
or in the Guidelines' own text, with no other instrument in sight, is the Optional Protocol's. Anything else
is left unattributed: no link, no citation, rather than a wrong one.
"""

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from .errors import ContentError, load_with_lines, misread, misread_line, parse_yaml, read_utf8

OPSC = "opsc"
PAREN = r"\s*\(\s*(?:\d+|[a-z]|[ivx]+)\s*\)"
SUB = rf"(?:{PAREN}|\.\d+(?![\d.])|§\d+)"
ONE = rf"\d{{1,3}}{SUB}*"
# "article 9 (3) and (4)": a subdivision alone is of the article before it.
ITEM = rf"(?:{ONE}|(?:{PAREN})+)"
ARTICLES = re.compile(rf"\b[Aa]rt(?:icle)?s?\.?\s+(?P<list>{ONE}(?:\s*(?:,|and|&|or)\s*{ITEM})*)")
# "Article 3, paragraph 2 OPSC": the paragraph is the article's subdivision.
PARAGRAPH = re.compile(r"^,?\s*paragraph\s+(\d+)(?:\s*\(([a-z])\))?")
# What may stand between an article and the instrument named after it: "(2)", ", paragraph 2 (b),".
BETWEEN = r"(?:\s*\([^)]*\))*,?\s*(?:paragraphs?\s+\d+(?:\s*\([a-z]\))?,?\s*)?(?:of\s+(?:the\s+|its\s+)?|under\s+the\s+|in\s+the\s+)?"
# Instruments the registry does not list (a national criminal code, a convention named in passing): their
# articles are nobody's here, and above all not the Optional Protocol's.
OTHER_AFTER = re.compile(
    r"^(?:\s*\([^)]*\))*\s*(?:of\s+(?:the\s+)?|under\s+the\s+)?(?:CRC|Convention|ECHR|Lanzarote|Palermo|African|"
    r"ILO|C182|Charter|Protocol \(to|Directive|Forced|EU|UNCRC|European|Criminal|Penal|Law|Code)")
OTHER_BEFORE = re.compile(r"(?:CRC|C182|ILO|Convention(?:’s)?|Charter|Directive|Code|Law)\b[^.;]{0,30}$")
OPSC_BEFORE = re.compile(r"(?:OPSC|Optional Protocol(?:’s)?)\s+$")
SENTENCE_END = re.compile(r"[.;]\s")


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

    @property
    def provision(self):
        """"article 3 (1) (c)": as the Guidelines cite it."""
        return f"article {self.article}" + "".join(f" ({s})" for s in self.sub)

    @property
    def anchor(self):
        """Its entry on articles/ (the Optional Protocol's) or instruments/: "article-3-1-c", "lanzarote-22"."""
        head = "article" if self.instrument == OPSC else self.instrument
        return "-".join([head, str(self.article), *self.sub]) if self.article else self.instrument


@dataclass(frozen=True)
class Attribution:
    """A decision no rule can make: the article mentions within `at` (the report's words) belong to
    `instrument` (None: to none), or, for a misprint, are the provision `meant` of the Optional Protocol."""
    at: str
    instrument: str
    why: str
    meant: tuple = None  # (article, subdivisions)


@dataclass(frozen=True)
class Registry:
    """content/instruments.yaml: the instruments (iterating gives them) and the attributions."""
    instruments: tuple
    attributions: tuple = ()

    def __iter__(self):
        return iter(self.instruments)

    def with_misprints(self, apparatus):
        """With the misprinted citations of the editorial file (misprints with `article_to`)."""
        extra = tuple(Attribution(i.printed, OPSC, i.why, parse_provision(i.article_to))
                      for i in apparatus if i.kind == "misprint" and getattr(i, "article_to", None))
        return Registry(self.instruments, self.attributions + extra)


@dataclass(frozen=True)
class Mention:
    """An article mention at `offset` (`length` characters) of a text: what a page links."""
    offset: int
    length: int
    citation: Citation
    printed: str = None  # a misprinted citation: the words as printed (the citation is the one meant)


def parse_provision(text):
    """(3, ("1", "c")) of "3 (1) (c)"; None if it is not one."""
    m = re.fullmatch(rf"\s*({ONE})\s*", str(text or ""))
    return _articles(m.group(1))[0] if m else None


def read_instruments(path):
    text = read_utf8(path, "the instruments file")
    data = parse_yaml(path, text, load_with_lines)
    items = data.get("instruments") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise ContentError(path, 1, "expected `instruments:`, a list")
    out = []
    for item in items:
        if not (isinstance(item, dict) and _texts(item, "id", "title") and _texts(item, "names", "query", many=True)
                and item.get("id") and item.get("names")):
            raise ContentError(path, misread_line(item), "each instrument needs an `id` and a list of `names` (and "
                               "may have a `title` and a list `query`), all text" + misread(item))
        out.append(Instrument(item["id"], item.get("title", ""), tuple(item["names"]), tuple(item.get("query") or [])))
    ids = {i.id for i in out}
    attributions = []
    for item in data.get("attributions") or ():
        if not (isinstance(item, dict) and isinstance(item.get("at"), str) and isinstance(item.get("why"), str)
                and "instrument" in item and (item["instrument"] is None or item["instrument"] in ids)):
            raise ContentError(path, misread_line(item), "each attribution needs `at` (the report's words), `why`, "
                               "and `instrument`: the id of an instrument above, or null" + misread(item))
        attributions.append(Attribution(item["at"], item["instrument"], item["why"]))
    return Registry(tuple(out), tuple(attributions))


def _texts(item, *keys, many=False):
    """Each of `keys` absent, or text (a list of texts, `many`)."""
    if many:
        return all(k not in item or (isinstance(item[k], list) and all(isinstance(v, str) for v in item[k]))
                   for k in keys)
    return all(isinstance(item.get(k, ""), str) for k in keys)


@lru_cache(maxsize=4)
def _patterns(instruments):
    names = sorted(((n, i.id) for i in instruments for n in i.names), key=lambda x: -len(x[0]))
    alternation = "|".join(re.escape(n) for n, _ in names)
    others = "|".join(re.escape(n) for n, ident in names if ident != OPSC)
    by_name = {n.lower(): ident for n, ident in names}
    after = re.compile(rf"^{BETWEEN}(?P<name>{alternation})(?![\w/])")
    before = re.compile(rf"(?<![\w/])(?P<name>{others})(?:’s)?[^.;]{{0,30}}$")
    mention = re.compile(rf"(?<![\w/])(?P<name>{others})(?![\w/])")
    return after, before, mention, by_name


def _articles(listed):
    """[(article, (sub, ...)), ...] of "3 (1) (c)", "34 and 35", "2, 3, 6 and 12", "3.1", "9 (3) and (4)"."""
    return [(a, s) for a, s, _, _ in _items(listed)]


class Item(NamedTuple):
    """One article of a list of articles ("34" of "34 and 35"), and where it stands in the list."""
    article: int
    subs: tuple  # ("1", "c") of "3 (1) (c)"
    start: int
    end: int


class Span(NamedTuple):
    """Where an attribution's words stand in a text, and the attribution."""
    start: int
    end: int
    attribution: "Attribution"


def _items(listed):
    """Item of each article of a list of articles."""
    out = []
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
        out.append(Item(n, tuple(a or b or c for a, b, c in parts), m.start() + lead, m.end()))
    return out


def mentions(text, instruments, guideline=False):
    """The article mentions of a text that this edition can attribute, in order. `guideline`: the text is
    the Guidelines' own, where an article named alone is the Optional Protocol's."""
    after, before, _, by_name = _patterns(tuple(instruments))
    decided = _attributed(text, instruments)
    found = []
    last, last_end = None, 0  # the instrument of the last attributed mention, and where it ends
    for m in ARTICLES.finditer(text):
        items = _items(m.group("list"))
        tail = text[m.end():m.end() + 120]
        ahead = text[max(0, m.start() - 60):m.start()]
        end = m.end()
        extra = PARAGRAPH.match(tail)
        if extra and len(items) == 1 and not items[0].subs:
            items = [items[0]._replace(subs=tuple(x for x in extra.groups() if x))]
            end = m.end() + extra.end()
        named = after.match(tail)
        decision = next((d.attribution for d in decided if d.start <= m.start() < d.end), None)
        other = OTHER_AFTER.match(tail) or OTHER_BEFORE.search(ahead[-40:])
        cited = ("(" in m.group("list") or (ahead.endswith("(") and m.group(0).startswith("art"))) \
            and len(items) == 1
        if decision:
            ident = decision.instrument
        elif named:
            ident = by_name[named.group("name").lower()]
        elif OPSC_BEFORE.search(ahead):
            ident = OPSC
        elif before.search(ahead):
            ident = by_name[before.search(ahead).group("name").lower()]
        elif (cited or guideline) and not other:
            ident = OPSC
        elif last and not SENTENCE_END.search(text[last_end:m.start()]):
            # "The Lanzarote Convention (art. 27) provides that legal persons liable under the rules of
            # Article 26 …": a later article of the same sentence is of the instrument just named.
            ident = last
        else:
            continue
        if ident is None or (ident == OPSC and not all(1 <= item.article <= 17 for item in items)):
            continue
        last, last_end = ident, end
        base = m.start("list")
        for k, (n, sub, a, b) in enumerate(items):
            start = m.start() if k == 0 else base + a
            stop = end if len(items) == 1 else base + b
            if decision and decision.meant:
                n, sub = decision.meant
                found.append(Mention(start, stop - start, Citation(ident, n, sub), text[start:stop]))
            else:
                found.append(Mention(start, stop - start, Citation(ident, n, sub)))
    return found


def _attributed(text, instruments):
    """[Span] of the registry's attributions whose words are in this text."""
    out = []
    for a in getattr(instruments, "attributions", ()):
        i = text.find(a.at)
        if i >= 0:
            out.append(Span(i, i + len(a.at), a))
    return out


def citations(text, instruments, guideline=False):
    """The citations a text makes: articles of the Optional Protocol and of other instruments, and the
    other instruments it names without an article. Each once, in order of first appearance."""
    found = [m.citation for m in mentions(text, instruments, guideline)]
    _, _, mention, by_name = _patterns(tuple(instruments))
    for m in mention.finditer(text):
        # "the Convention" alone is cited through its articles only: as a bare mention it says too little.
        if not m.group("name").lower().startswith("the "):
            found.append(Citation(by_name[m.group("name").lower()], None))
    return list(dict.fromkeys(found))
