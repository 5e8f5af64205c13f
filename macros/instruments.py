"""Which instrument an article mention belongs to: "Article 22 of the Lanzarote Convention",
"Articles 34 and 35 CRC", "C182, Article 8", "(art. 3 (1) (c))" and "article 9 (5)" in the Guidelines (the
Optional Protocol).

The instruments, their names and the attributions no rule can make are data (content/instruments.yaml).
A mention belongs to the instrument named right after it or just before it, or to the one a mention earlier
in the same sentence named; a mention in the Guidelines' citation style ("(art. 3)", "article 3 (1) (c)")
or in the Guidelines' own text, with no other instrument in sight, is the Optional Protocol's. Anything else
is left unattributed: no link, no citation, rather than a wrong one.

Words that name an instrument by its kind alone ("the Convention", "this Directive": `generic` in the file)
stand for the instrument of that kind the same passage or footnote last named in full, and for the one the
file names (the CRC, the Optional Protocol) only where it named none. A range ("Articles 20-22", "32 – 36")
cites each article of it: the two printed numbers are linked, the articles between them cited.
"""

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from collections.abc import Iterable, Iterator
from typing import Annotated, Any, NamedTuple

from .provisions import ARTICLES, PARAGRAPH, Item, Provision, items_of, parse_provision
from .schema import INTERNAL, Kind, Record, load

OPSC = "opsc"
# What may stand between an article and the instrument named after it: "(2)", ", paragraph 2 (b),".
BETWEEN = r"(?:\s*\([^)]*\))*,?\s*(?:paragraphs?\s+\d+(?:\s*\([a-z]\))?,?\s*)?(?:of\s+(?:the\s+|its\s+)?|under\s+the\s+|in\s+the\s+)?"
# Instruments the registry does not list (a national criminal code, a convention named in passing): their
# articles are nobody's here, and above all not the Optional Protocol's.
OTHER_AFTER = re.compile(
    r"^(?:\s*\([^)]*\))*\s*(?:of\s+(?:the\s+)?|under\s+the\s+)?(?:CRC|Convention|ECHR|Lanzarote|Palermo|African|"
    r"ILO|C182|Charter|Protocol \(to|Directive|Forced|EU|UNCRC|European|Criminal|Penal|Law|Code)"
    # "article 8 of the Universal Declaration of Human Rights": an instrument the registry does not list.
    r"|^(?:\s*\([^)]*\))*,?\s*of\s+the\s+(?:Universal|International|[A-Z][a-z]+\s+(?:Declaration|Covenant))")
OTHER_BEFORE = re.compile(r"(?:CRC|C182|ILO|Convention(?:’s)?|Charter|Directive|Code|Law)\b[^.;]{0,30}$")
OPSC_BEFORE = re.compile(r"(?:OPSC|Optional Protocol(?:’s)?)\s+$")
SENTENCE_END = re.compile(r"[.;]\s")


def _address(v: Any) -> bool:
    return isinstance(v, str) and bool(re.fullmatch(r"https?://[^\s<>\"()]+", v))


NONEMPTY = Annotated[str, Kind("text", lambda v: isinstance(v, str) and bool(v.strip()))]
NAMES = Annotated[tuple[str, ...], Kind("a list of names, one or more", lambda v: isinstance(v, list) and bool(v))]


@dataclass(frozen=True)
class Official(Record):
    """Where an instrument's official text is: `url`, at `source` (who publishes it: "UN Treaty Collection",
    "Council of Europe", "EUR-Lex"), and `checked`, what stored copy of a page confirmed the address."""
    NAME = "official text"
    url: Annotated[str, Kind("an address, http:// or https://", _address)]
    source: NONEMPTY
    checked: NONEMPTY


@dataclass(frozen=True)
class Instrument(Record):
    NAME = "instrument"
    id: NONEMPTY
    names: NAMES  # as the text names it
    title: str = ""
    query: tuple[str, ...] = ()  # what readers type for it, besides its names
    kind: str = ""  # "convention", "protocol", "directive": what words such as "the Convention" may stand for
    official: Official | None = None  # where its official text is


@dataclass(frozen=True)
class Generic(Record):
    """Words that name an instrument by its kind alone ("the Convention", "this Directive"): the instrument of
    that `kind` the same passage or footnote last named in full, or `otherwise` (an id, or None) where it named
    none."""
    NAME = "generic entry"
    words: tuple[str, ...]
    kind: str
    otherwise: str | None
    why: str


@dataclass(frozen=True)
class Citation:
    instrument: str  # an Instrument id
    article: int | None  # None: the instrument named without an article
    sub: tuple[str, ...] = ()  # subdivisions, ("1", "c") for article 3 (1) (c)

    @property
    def key(self) -> str:
        """"lanzarote:22", "opsc:3.1.c", "c182": what search matches a query's citation against."""
        if self.article is None:
            return self.instrument
        return ".".join([f"{self.instrument}:{self.article}", *self.sub])

    @property
    def provision(self) -> str:
        """"article 3 (1) (c)": as the Guidelines cite it."""
        return f"article {self.article}" + "".join(f" ({s})" for s in self.sub)

    @property
    def anchor(self) -> str:
        """Its entry on articles/ (the Optional Protocol's) or instruments/: "article-3-1-c", "lanzarote-22"."""
        head = "article" if self.instrument == OPSC else self.instrument
        return "-".join([head, str(self.article), *self.sub]) if self.article else self.instrument


@dataclass(frozen=True)
class Attribution(Record):
    """A decision no rule can make: the article mentions within `at` (the report's words) belong to
    `instrument` (None: to none), or, for a misprint, are the provision `meant` of the Optional Protocol."""
    NAME = "attribution"
    at: str
    instrument: str | None
    why: str
    meant: tuple[int, tuple[str, ...]] | None = field(default=None, metadata=INTERNAL)  # (article, subdivisions)


@dataclass(frozen=True)
class _File(Record):
    NAME = "instruments"
    instruments: tuple[Instrument, ...]
    generic: tuple[Generic, ...] = ()
    attributions: tuple[Attribution, ...] = ()


@dataclass(frozen=True, eq=False)  # one registry is one object: it keys the cache of mentions by identity, cheaply
class Registry:
    """content/instruments.yaml: the instruments (iterating gives them), the generic words and the
    attributions."""
    instruments: tuple[Instrument, ...]
    attributions: tuple[Attribution, ...] = ()
    generic: tuple[Generic, ...] = ()

    def __iter__(self) -> Iterator[Instrument]:
        return iter(self.instruments)

    def with_misprints(self, apparatus: Iterable[Any]) -> "Registry":
        """With the misprinted citations of the editorial file (misprints with `article_to`)."""
        extra = tuple(Attribution(i.printed, OPSC, i.why, parse_provision(i.article_to))
                      for i in apparatus if i.kind == "misprint" and getattr(i, "article_to", None))
        return Registry(self.instruments, self.attributions + extra, self.generic)


@dataclass(frozen=True)
class Mention:
    """An article mention at `offset` (`length` characters) of a text: what a page links."""
    offset: int
    length: int
    citation: Citation
    printed: str | None = None  # a misprinted citation: the words as printed (the citation is the one meant)


def read_instruments(path: Path) -> "Registry":
    """content/instruments.yaml: each generic entry of the kind of an instrument, and `otherwise` and each
    attribution's `instrument` an instrument's id (or null)."""
    data = load(Path(path), _File, "the instruments file")
    ids = {i.id for i in data.instruments}
    kinds = {i.kind for i in data.instruments if i.kind}
    for g in data.generic:
        if g.kind not in kinds or (g.otherwise is not None and g.otherwise not in ids):
            raise g.error("each generic entry needs `words` (a list), `kind` (the kind of an instrument above), "
                          "`why`, and `otherwise`: the id of an instrument above, or null")
    for a in data.attributions:
        if a.instrument is not None and a.instrument not in ids:
            raise a.error("each attribution needs `at` (the report's words), `why`, and `instrument`: the id of an "
                          "instrument above, or null", "instrument")
    return Registry(data.instruments, data.attributions, data.generic)


# after, before, mention, named: patterns of the registry's names; by_name: name -> instrument id, or the Generic.
Patterns = tuple["re.Pattern[str]", "re.Pattern[str]", "re.Pattern[str]", "re.Pattern[str]", dict[str, "str | Generic"]]


@lru_cache(maxsize=4)
def _patterns(instruments: tuple[Instrument, ...], generic: tuple[Generic, ...] = ()) -> Patterns:
    """The names of the registry as patterns: `after`, `before` (any name but the Optional Protocol's,
    next to an article), `mention` and `named` (an instrument's own name, not a generic word); `by_name`:
    name → instrument id, or the Generic."""
    names: list[tuple[str, str | Generic]] = [(n, i.id) for i in instruments for n in i.names]
    names += [(w, g) for g in generic for w in g.words]
    names.sort(key=lambda x: -len(x[0]))
    alternation = "|".join(re.escape(n) for n, _ in names)
    others = "|".join(re.escape(n) for n, ident in names if ident != OPSC)
    own = "|".join(re.escape(n) for n, ident in names if isinstance(ident, str))
    by_name = {n.lower(): ident for n, ident in names}
    after = re.compile(rf"^{BETWEEN}(?P<name>{alternation})(?![\w/])")
    before = re.compile(rf"(?<![\w/])(?P<name>{others})(?:’s)?[^.;]{{0,30}}$")
    mention = re.compile(rf"(?<![\w/])(?P<name>{own})(?![\w/])")
    named = re.compile(rf"(?<![\w/])(?P<name>{own})(?![\w/])")
    return after, before, mention, named, by_name


class Resolver:
    """Which instrument a name stands for at a place in a text: its own, or for a generic word ("the
    Convention") the instrument of its kind the text last named in full before it."""

    def __init__(self, text: str, instruments: Iterable[Instrument]) -> None:
        self.instruments = tuple(instruments)
        self.generic: tuple[Generic, ...] = tuple(getattr(instruments, "generic", ()))
        *_, named, self.by_name = _patterns(self.instruments, self.generic)
        self.kinds = {i.id: i.kind for i in self.instruments}
        # (where, instrument id, its kind) of every instrument the text names in full, in order
        self.named: list[tuple[int, str, str]] = []
        for m in named.finditer(text):
            own = self.by_name[m.group("name").lower()]
            assert isinstance(own, str)  # `named` holds the instruments' own names only
            self.named.append((m.start(), own, self.kinds[own]))
        # and of every generic word, as resolved where it stands: what a sentence names
        self.words: list[tuple[int, str, str]] = []
        if self.generic:
            words = re.compile("|".join(rf"(?<![\w/]){re.escape(w)}(?![\w/])" for g in self.generic
                                        for w in sorted(g.words, key=len, reverse=True)))
            for m in words.finditer(text):
                ident = self.resolve(m.group(0), m.start())
                if ident:
                    self.words.append((m.start(), ident, self.kinds[ident]))
        self.in_sentence = sorted(self.named + self.words)

    def resolve(self, name: str, at: int) -> str | None:
        ident = self.by_name[name.lower()]
        if isinstance(ident, str):
            return ident
        return next((i for where, i, kind in reversed(self.named) if where < at and kind == ident.kind),
                    ident.otherwise)

    def last_named(self, start: int, end: int) -> str | None:
        """The instrument last named between `start` and `end` (in full, or by a generic word), or None."""
        return next((i for where, i, _ in reversed(self.in_sentence) if start <= where < end), None)


class Span(NamedTuple):
    """Where an attribution's words stand in a text, and the attribution."""
    start: int
    end: int
    attribution: "Attribution"


def _sentence_start(text: str, at: int) -> int:
    """Where the sentence holding `at` begins."""
    ends = [m.end() for m in SENTENCE_END.finditer(text, 0, at)]
    return ends[-1] if ends else 0


def mentions(text: str, instruments: Iterable[Instrument], guideline: bool = False) -> list[Mention]:
    """The article mentions of a text that this edition can attribute, in order. `guideline`: the text is
    the Guidelines' own, where an article named alone is the Optional Protocol's. The articles a range
    passes over ("21" of "20-22") are mentions of no length, where the range's second number stands."""
    # A passage's text is read by its page, its chapter's handout, the indexes and search: found once.
    key = instruments if isinstance(instruments, Registry) else tuple(instruments)
    return list(_mentions(text, key, guideline))


@lru_cache(maxsize=4096)
def _mentions(text: str, instruments: "Registry | tuple[Instrument, ...]", guideline: bool) -> tuple[Mention, ...]:
    if not ARTICLES.search(text):
        return ()  # most texts name no article: no need to know which instruments they name
    after, before, _, _, _ = _patterns(tuple(instruments), tuple(getattr(instruments, "generic", ())))
    names = Resolver(text, instruments)
    decided = _attributed(text, instruments)
    found: list[Mention] = []
    last, last_end = None, 0  # the instrument of the last attributed mention, and where it ends
    for m in ARTICLES.finditer(text):
        items = items_of(m.group("list"))
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
        sentence = _sentence_start(text, m.start())
        if decision:
            ident = decision.instrument
        elif named:
            ident = names.resolve(named.group("name"), m.end() + named.start("name"))
        elif OPSC_BEFORE.search(ahead):
            ident = OPSC
        elif found_before := before.search(ahead):
            ident = names.resolve(found_before.group("name"), m.start() - len(ahead) + found_before.start("name"))
        elif (cited or guideline) and not other:
            ident = OPSC
        elif last and not SENTENCE_END.search(text[last_end:m.start()]):
            # "The Lanzarote Convention (art. 27) provides that legal persons liable under the rules of
            # Article 26 …": a later article of the same sentence is of the instrument just named.
            ident = last
        elif not other and names.last_named(sentence, m.start()):
            # "In the framework of the Lanzarote Convention, … obligations are set out in Article 26."
            ident = names.last_named(sentence, m.start())
        else:
            continue
        if ident is None or (ident == OPSC and not all(1 <= item.article <= 17 for item in items)):
            continue
        last, last_end = ident, end
        found += _listed(text, m, items, end, ident, decision.meant if decision else None)
    return tuple(found)


def _listed(text: str, m: "re.Match[str]", items: list[Item], end: int, ident: str,
            meant: Provision | None) -> list[Mention]:
    """The mentions of the articles of one list (`m`, ending at `end`), all of instrument `ident`; `meant`: the
    provision a misprinted citation stands for."""
    found = []
    base = m.start("list")
    for k, (n, sub, a, b, ends_range) in enumerate(items):
        start = m.start() if k == 0 else base + a
        stop = end if len(items) == 1 else base + b
        if ends_range:
            for between in range(items[k - 1].article + 1, n):
                found.append(Mention(start, 0, Citation(ident, between)))
        if meant:
            n, sub = meant
            found.append(Mention(start, stop - start, Citation(ident, n, sub), text[start:stop]))
        else:
            found.append(Mention(start, stop - start, Citation(ident, n, sub)))
    return found


def _attributed(text: str, instruments: Iterable[Instrument]) -> list[Span]:
    """[Span] of the registry's attributions whose words are in this text."""
    out = []
    for a in getattr(instruments, "attributions", ()):
        i = text.find(a.at)
        if i >= 0:
            out.append(Span(i, i + len(a.at), a))
    return out


def citations(text: str, instruments: Iterable[Instrument], guideline: bool = False) -> list[Citation]:
    """The citations a text makes: articles of the Optional Protocol and of other instruments, and the
    other instruments it names without an article. Each once, in order of first appearance."""
    found = [m.citation for m in mentions(text, instruments, guideline)]
    _, _, mention, _, by_name = _patterns(tuple(instruments), tuple(getattr(instruments, "generic", ())))
    for m in mention.finditer(text):
        # "the Convention" alone is cited through its articles only (not in `mention`): as a bare mention it
        # says too little. The Optional Protocol's full title names the Convention but does not cite it.
        ident = by_name[m.group("name").lower()]
        if isinstance(ident, str) and ident != OPSC:  # `mention` holds the instruments' own names only
            found.append(Citation(ident, None))
    return list(dict.fromkeys(found))
