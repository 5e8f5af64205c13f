"""The reviewed lists of content/ that feed the indexes: the Optional Protocol's articles (their subjects, and
the words of each that the report prints), cases, glossary terms and acronyms. Each is read against a small
declared schema, so a bad entry is one error naming the file and its line; each quotation of the report must
stand in exactly one passage."""

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from .errors import ContentError
from .model import Passage, Report
from .passages import locate
from .provisions import parse_provision
from .schema import Record, load, optional



@dataclass(frozen=True)
class Quoted(Record):
    """The words of an article of the Optional Protocol as the report prints them: `quoted` (within quotation
    marks, so found as “words”) or `restated` (the Guidelines or the commentary setting the article out in its
    words, without quotation marks). Never the Protocol's own text: only what the report prints."""
    NAME = "quotation"
    provision: str  # "2 (a)", "3 (1) (a) (i)": which article (and subdivision) the words are of
    words: str
    how: Literal["quoted", "restated"]
    why: str
    within: str | None = optional()  # more of the passage's words, holding them, where the words alone stand in more than one

    @property
    def found_as(self) -> str:
        """What must stand in exactly one passage: the words within their quotation marks where quoted, or the
        longer words that hold them."""
        return self.within or (f"“{self.words}”" if self.how == "quoted" else self.words)


@dataclass(frozen=True)
class Article(Record):
    NAME = "article"
    number: int
    subject: str  # this edition's short heading: the Protocol gives its articles none
    quoted: tuple[Quoted, ...] = ()  # where the report prints the article's words


@dataclass(frozen=True)
class Case(Record):
    NAME = "case"
    id: str
    name: str
    body: str
    at: tuple[str, ...]  # the report's words where it discusses or cites the case
    year: int | None = optional()
    reference: str | None = optional()
    note: str | None = optional()


@dataclass(frozen=True)
class Term(Record):
    NAME = "term"
    id: str
    term: str
    defined: tuple[str, ...]  # the report's defining words
    see: tuple[str, ...] = ()
    terminology: str | None = optional()
    terminology_at: str | None = optional()


@dataclass(frozen=True)
class Acronym(Record):
    NAME = "acronym"
    acronym: str
    expansion: str
    forms: tuple[str, ...] = ()
    at: str | None = optional()
    source: str | None = optional()


@dataclass(frozen=True)
class NotAcronyms(Record):
    """Words with capitals that are not acronyms, and why."""
    NAME = "group of not_acronyms"
    tokens: tuple[str, ...]
    why: str


# The files, as records.
@dataclass(frozen=True)
class _Articles(Record):
    NAME = "articles"
    articles: tuple[Article, ...]


@dataclass(frozen=True)
class _Cases(Record):
    NAME = "cases"
    cases: tuple[Case, ...]


@dataclass(frozen=True)
class _Glossary(Record):
    NAME = "glossary"
    terms: tuple[Term, ...]


@dataclass(frozen=True)
class _Acronyms(Record):
    NAME = "acronyms"
    acronyms: tuple[Acronym, ...]
    not_acronyms: tuple[NotAcronyms, ...] = ()


@dataclass(frozen=True)
class Lists:
    """Everything content/ lists for the indexes."""
    articles: tuple[Article, ...] = ()
    cases: tuple[Case, ...] = ()
    terms: tuple[Term, ...] = ()
    acronyms: tuple[Acronym, ...] = ()
    not_acronyms: tuple[str, ...] = ()  # words with capitals that are not acronyms

    def expansions(self) -> dict[str, str]:
        """{acronym as printed, plural forms too: its expansion}."""
        return {w: a.expansion for a in self.acronyms for w in (a.acronym, *a.forms)}


def read_lists(content: Path) -> Lists:
    """content/articles.yaml, cases.yaml, glossary.yaml and acronyms.yaml."""
    content = Path(content)
    articles = load(content / "articles.yaml", _Articles, "the list articles.yaml").articles
    for a in articles:
        for q in a.quoted:
            _check_quotation(a, q)
    cases = load(content / "cases.yaml", _Cases, "the list cases.yaml").cases
    terms = load(content / "glossary.yaml", _Glossary, "the list glossary.yaml").terms
    acronyms = load(content / "acronyms.yaml", _Acronyms, "the list acronyms.yaml")
    ids = {t.id for t in terms}
    for t in terms:
        for other in t.see:
            if other not in ids:
                raise t.error(f"`see: {other}` is not the id of a term", "see")
    not_acronyms = tuple(w for group in acronyms.not_acronyms for w in group.tokens)
    return Lists(articles, cases, terms, acronyms.acronyms, not_acronyms)


def _check_quotation(article: Article, q: Quoted) -> None:
    """A quotation is of its own article, and its `within` holds its words."""
    if q.within and (f"“{q.words}”" if q.how == "quoted" else q.words) not in q.within:
        raise q.error(f"`within` should hold the words “{q.words[:60]}”"
                      + (", in their quotation marks" if q.how == "quoted" else ""), "within")
    provision = parse_provision(q.provision)
    if not provision or provision[0] != article.number:
        raise q.error(f"expected `provision` (article {article.number}, as “{article.number} (1) (a)”), found "
                      f"“{q.provision}”", "provision")


def place(report: Report, path: Path, line: int, quote: str) -> Passage:
    """The one passage that holds `quote`, or an error at the entry's line."""
    found: list[Passage] = locate(report, quote)
    if len(found) != 1:
        where = "no passage" if not found else f"{len(found)} passages (paragraphs " \
            f"{', '.join(str(s.paragraph) for s in found)})"
        shown = quote[:60] if quote.startswith("“") else f"“{quote[:60]}”"  # a quotation with its marks
        raise ContentError(path, line, f"{shown} should be found in exactly one passage, found in {where}")
    return found[0]
