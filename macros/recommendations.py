"""What the Committee asks of States: every sentence of the Guidelines' own text (`Paragraph.guideline`, never
ECPAT's commentary) ruled a recommendation or not, by rule or by a reviewed decision of
content/recommendations.yaml.

A sentence asks something of States by its verb: the Committee "urges", "recommends", "calls upon",
"requests" or "encourages" them; it "reminds", "emphasizes" (and "stresses", "underlines", "underscores",
"recalls", "reaffirms") only where what it says holds a duty ("should", "must", "obligation", "need"), since
elsewhere these verbs state or interpret the law and ask nothing ("reminds States parties that the definition
of 'sale of children' is not identical to that of 'trafficking'"). "States parties should / must / shall /
are required to / are encouraged to" ask directly, and a sentence whose subject is the measure itself
("Legislative measures should include ...") asks it of the States that take it. The items of a list led by
an asking sentence ("States parties should:") are each a recommendation of its verb; the lead itself is not
a row. Everything else describes, defines or explains.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum, IntEnum
from pathlib import Path
from typing import Annotated, Literal

from .ids import Anchor
from .instruments import OPSC, Registry, mentions
from .model import Block, Report
from .schema import Kind, Record, key, load_all, optional
from .themes import FILE as THEMES, Theme, Themes, read_themes

FILE = "recommendations.yaml"  # in the folder of the lists (content/)
Text = Annotated[str, Kind("text", lambda v: isinstance(v, str) and bool(v.strip()))]


class Strength(IntEnum):
    """How hard a sentence asks, on the Committee's own scale."""
    ENCOURAGES = 1
    RECOMMENDS = 2
    URGES = 3


STRENGTH_NAMES = {Strength.URGES: "urges", Strength.RECOMMENDS: "recommends", Strength.ENCOURAGES: "encourages"}
STRENGTH_OF = {v: k for k, v in STRENGTH_NAMES.items()}


class Rule(Enum):
    """Why a sentence is, or is not, a recommendation."""
    COMMITTEE = "the Committee asks by its verb"
    STATES = "States parties should, must, are required or encouraged to"
    ITEM = "an item of a list whose lead asks"
    MEASURE = "says what should or must be done: asks it of the States that do it"
    LEAD = "introduces the list that follows, each item of which is a recommendation; asks nothing itself"
    STATES_LAW = "reminds, emphasizes, recalls: states or interprets the law, holds no duty, asks nothing"
    DESCRIBES = "describes, defines or explains: no verb that asks"
    REVIEWED = "a reviewed decision of content/recommendations.yaml"


ASKING = (Rule.COMMITTEE, Rule.STATES, Rule.ITEM, Rule.MEASURE)

# The Committee's verbs that always ask, and those that ask only where what they say holds a duty.
ASKS = {"urges": Strength.URGES, "recommends": Strength.RECOMMENDS, "calls upon": Strength.RECOMMENDS,
        "calls on": Strength.RECOMMENDS, "requests": Strength.RECOMMENDS, "encourages": Strength.ENCOURAGES}
STATES_LAW = ("reminds", "emphasizes", "stresses", "underlines", "underscores", "recalls", "reaffirms")
COMMITTEE = re.compile(
    r"\b(?:[Tt]he Committee|It)\b(?:,[^,]{1,120},)?\s+(?P<verb>(?:(?:strongly|also|therefore|further)\s+)?"
    r"(?P<key>" + "|".join(map(re.escape, [*ASKS, *STATES_LAW])) + r"))\b")
# "The Committee notes that ..., and encourages States parties to ...": its asking verb after another.
COMMITTEE_AND = re.compile(
    r"\b[Tt]he Committee\b.*?\band\s+(?P<verb>(?:(?:strongly|also)\s+)?"
    r"(?P<key>" + "|".join(map(re.escape, [*ASKS, *STATES_LAW])) + r"))\b")
DUTY = re.compile(r"\b(?:should|must|shall|obligation|obliged|required|need)\b")
BINDING = re.compile(r"\b(?:must|obligation|obliged|required)\b")
# States parties (each State party) and, within a clause, the modal that asks of them.
STATES = re.compile(
    r"\b(?:States? part(?:y|ies)|State parties|Sates parties)\b[^.;:]{0,90}?\b(?P<verb>should|must|shall|"
    r"are to|are required to|is required to|are encouraged to|have an obligation to|are obliged to|"
    r"are under an obligation to)\b")
MODAL = {"should": Strength.RECOMMENDS, "shall": Strength.RECOMMENDS, "are to": Strength.RECOMMENDS,
         "are encouraged to": Strength.ENCOURAGES}  # the others (must, required, obligation) bind: URGES
MEASURE = re.compile(r"\b(?P<verb>should|must|shall)\b")
MARKER = re.compile(r"(?:\([a-z]\)|[a-z]\.)\s+")
# A sentence ends at . ? ! (after a closing quote or bracket) before a capital, but not after an abbreviation.
SENTENCE_END = re.compile(r"(?<!\bart\.)(?<!\bNo\.)(?<!\bNos\.)(?<!\bpara\.)(?<!\be\.g\.)(?<!\bi\.e\.)"
                          r"(?<=[.?!])[”’)]?\s+(?=[“‘(]?[A-Z])")


@dataclass(frozen=True)
class Sentence:
    """One sentence of a Guideline block: block.text[start:end]."""
    paragraph: int
    anchor: Anchor  # its block's id: "guideline-1", "guideline-a"
    start: int
    end: int
    text: str
    last: bool  # the last of its block


@dataclass(frozen=True)
class Ruling:
    sentence: Sentence
    rule: Rule
    verb: str | None  # as printed ("strongly encourages", "should"), for a recommendation
    strength: Strength | None
    reason: str


@dataclass(frozen=True)
class Decision(Record):
    """A reviewed case of content/recommendations.yaml: the sentence of `paragraph` that opens with `opening`,
    a recommendation (its `verb`, the sentence's words that ask, and their `strength`) or not (neither)."""
    NAME = "decision"
    paragraph: int
    opening: Text = field(metadata=key("sentence"))
    reason: Text
    verb: str | None = optional()
    strength: Literal["urges", "recommends", "encourages"] | None = optional()

    @property
    def level(self) -> Strength | None:
        return STRENGTH_OF[self.strength] if self.strength else None


@dataclass(frozen=True)
class Recommendation:
    paragraph: int
    chapter: str
    anchor: Anchor  # the Guideline block it stands in: paragraphs/N/#anchor
    verb: str  # as printed: "urges", "strongly encourages", "should"
    strength: Strength
    words: str  # the report's words, a slice of the block's text
    start: int  # where they start in the block's text
    articles: tuple[str, ...]  # the Optional Protocol's provisions it names (or its list's lead names)


# The verbs a reader filters by, in the order of the page's scale: each printed verb falls in the first group
# one of whose words it holds ("strongly encourages" and "are encouraged to": encourages; "recalls": reminds;
# "is required", "obliges": must; "it is essential", "need to": should).
VERB_GROUPS = (
    ("urges", ("urges",)),
    ("recommends", ("recommends", "calls upon", "calls on", "requests")),
    ("encourages", ("encourage",)),
    ("reminds", ("reminds", "recalls")),
    ("emphasizes", ("emphasizes", "stresses", "underlines", "underscores", "reaffirms")),
    ("must", ("must", "require", "oblige", "obligation")),
    ("should", ("should", "shall", "are to", "need", "crucial", "essential", "important", "necessary")),
)


def verb_group(verb: str) -> str:
    """The group a printed verb is filtered by (VERB_GROUPS)."""
    low = verb.lower()
    return next(g for g, words in VERB_GROUPS if any(w in low for w in words))


def sentences(report: Report) -> Iterator[Sentence]:
    """Every sentence of the Guidelines' text, in order; a list item's marker ("(a)", "a.") is not a word."""
    for p in report.paragraphs:
        for b in p.guideline:
            yield from block_sentences(p.number, b)


def block_sentences(paragraph: int, block: Block) -> list[Sentence]:
    assert block.id is not None, "a Guideline block has its anchor"
    marker = MARKER.match(block.text) if block.kind == "li" else None
    start = marker.end() if marker else 0
    cuts = [m for m in SENTENCE_END.finditer(block.text, start)]
    bounds = [start, *(m.end() for m in cuts)]
    ends = [m.start() + len(m.group(0).rstrip()) for m in cuts] + [len(block.text)]
    out = []
    for i, (a, z) in enumerate(zip(bounds, ends)):
        z = a + len(block.text[a:z].rstrip())
        out.append(Sentence(paragraph, block.id, a, z, block.text[a:z], i == len(ends) - 1))
    return out


def rule(s: Sentence) -> Ruling:
    """A sentence ruled by the rules alone (no list context, no reviewed decision)."""
    m = COMMITTEE.search(s.text) or COMMITTEE_AND.search(s.text)
    if m and m.group("key") in ASKS:
        return Ruling(s, Rule.COMMITTEE, m.group("verb"), ASKS[m.group("key")], Rule.COMMITTEE.value)
    if m:
        said = s.text[m.end():]
        if DUTY.search(said):
            strength = Strength.URGES if BINDING.search(said) else Strength.RECOMMENDS
            return Ruling(s, Rule.COMMITTEE, m.group("verb"), strength, Rule.COMMITTEE.value)
        if not STATES.search(said) and not MEASURE.search(said):
            return Ruling(s, Rule.STATES_LAW, None, None, Rule.STATES_LAW.value)
    m = STATES.search(s.text)
    if m:
        return Ruling(s, Rule.STATES, m.group("verb"), MODAL.get(m.group("verb"), Strength.URGES), Rule.STATES.value)
    m = MEASURE.search(s.text)
    if m:
        return Ruling(s, Rule.MEASURE, m.group("verb"), MODAL.get(m.group("verb"), Strength.URGES), Rule.MEASURE.value)
    return Ruling(s, Rule.DESCRIBES, None, None, Rule.DESCRIBES.value)


def rulings(report: Report, decisions: list[Decision]) -> list[Ruling]:
    """Every sentence of the Guidelines with its ruling; a ContentError for a decision that opens no sentence,
    or more than one, or whose verb is not among the sentence's words."""
    decided = _decided(report, decisions)
    out: list[Ruling] = []
    for p in report.paragraphs:
        lead: Ruling | None = None  # the asking sentence a list's items take their verb from
        for b in p.guideline:
            ss = block_sentences(p.number, b)
            for s in ss:
                d = decided.get(s)
                if d is not None:
                    r = Ruling(s, Rule.REVIEWED, d.verb, d.level, " ".join(d.reason.split()))
                elif b.kind == "li" and s.start == ss[0].start and lead is not None:
                    r = Ruling(s, Rule.ITEM, lead.verb, lead.strength, Rule.ITEM.value)
                else:
                    r = rule(s)
                out.append(r)
            if b.kind != "li":
                # Only the Committee's verb or "States parties should" leads a list: an item takes its verb.
                asked = [r for r in out[-len(ss):] if r.rule in (Rule.COMMITTEE, Rule.STATES)]
                lead = asked[-1] if b.text.rstrip().endswith(":") and asked else None
                if lead is not None and out[-1].verb and out[-1].sentence.text.endswith(":"):
                    out[-1] = Ruling(out[-1].sentence, Rule.LEAD, None, None, Rule.LEAD.value)
    return out


def _decided(report: Report, decisions: list[Decision]) -> dict[Sentence, Decision]:
    by_paragraph: dict[int, list[Sentence]] = {}
    for s in sentences(report):
        by_paragraph.setdefault(s.paragraph, []).append(s)
    out = {}
    for d in decisions:
        found = [s for s in by_paragraph.get(d.paragraph, []) if s.text.startswith(d.opening)]
        if len(found) != 1:
            raise d.error(f"{len(found)} sentences of paragraph {d.paragraph}'s Guideline open with "
                          f"{d.opening!r}: it must be one", "sentence")
        if d.verb is not None and d.verb not in found[0].text:
            raise d.error(f"the verb {d.verb!r} is not among the sentence's words", "verb")
        out[found[0]] = d
    return out


def recommendations(report: Report, decisions: list[Decision], registry: Registry) -> list[Recommendation]:
    """Every recommendation of the Guidelines, in the report's order."""
    out = []
    blocks = {(p.number, b.id): b for p in report.paragraphs for b in p.guideline}
    last_lead: tuple[str, ...] = ()
    for r in rulings(report, decisions):
        s = r.sentence
        block = blocks[(s.paragraph, s.anchor)]
        articles = _articles(block, s, registry)
        if r.rule == Rule.LEAD:
            last_lead = articles
        if r.verb is None or r.strength is None:
            continue
        if r.rule == Rule.ITEM:
            articles = tuple(dict.fromkeys([*last_lead, *articles]))
        out.append(Recommendation(s.paragraph, report.paragraph(s.paragraph).chapter, s.anchor, r.verb,
                                  r.strength, s.text, s.start, articles))
    return out


def _articles(block: Block, s: Sentence, registry: Registry) -> tuple[str, ...]:
    found = [m.citation.provision for m in mentions(block.text, registry, guideline=True)
             if m.citation.instrument == OPSC and m.citation.article and s.start <= m.offset < s.end]
    return tuple(dict.fromkeys(found))


def read_decisions(path: Path) -> list[Decision]:
    """content/recommendations.yaml: the sentences no rule decides, each with its verb (or none) and reason."""
    out = list(load_all(Path(path), Decision, "the recommendations file"))
    for d in out:
        if (d.verb is None) != (d.strength is None):
            raise d.error("a recommendation needs both `verb` (its words that ask) and `strength` (one of "
                          f"{', '.join(STRENGTH_OF)}); a sentence that is none, neither")
    return out


@dataclass(frozen=True)
class Row:
    """One recommendation as the checklist gives it: its number, and its paragraph's themes."""
    number: int
    rec: Recommendation
    themes: tuple[Theme, ...]

    @property
    def item(self) -> str:
        """"a" for a list item ("guideline-a"), "" for a paragraph's text."""
        return self.rec.anchor.number if isinstance(self.rec.anchor.number, str) else ""

    @property
    def articles(self) -> tuple[str, ...]:
        """The numbers of the articles it names: "3" of "article 3 (1) (c)"."""
        return tuple(dict.fromkeys(a.split()[1] for a in self.rec.articles))


@dataclass(frozen=True)
class Checklist:
    """The recommendations in the report's order, and the themes (content/themes.yaml)."""
    rows: tuple[Row, ...]
    themes: Themes

    def of_theme(self, theme: Theme) -> tuple[Row, ...]:
        return tuple(r for r in self.rows if theme in r.themes)


def read_checklist(report: Report, registry: Registry, folder: Path) -> Checklist:
    """content/recommendations.yaml and content/themes.yaml (in `folder`) read against the report. `registry`:
    content/instruments.yaml with the report's misprints."""
    themes = read_themes(Path(folder) / THEMES, report)
    recs = recommendations(report, read_decisions(Path(folder) / FILE), registry)
    return Checklist(tuple(Row(i, r, themes.of_paragraph(r.paragraph)) for i, r in enumerate(recs, 1)), themes)
