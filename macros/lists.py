"""The reviewed lists of content/ that feed the indexes: the Optional Protocol's articles (their subjects, and
the words of each that the report prints), cases, glossary terms and acronyms. Each is read against a small
declared schema, so a bad entry is one error naming the file and its line; each quotation of the report must
stand in exactly one passage."""

from dataclasses import dataclass
from pathlib import Path

from .errors import ContentError, line_of, load_with_lines, misread, parse_yaml, read_utf8
from .instruments import parse_provision
from .passages import locate


@dataclass(frozen=True)
class Quoted:
    """The words of an article of the Optional Protocol as the report prints them: `quoted` (within quotation
    marks, so found as “words”) or `restated` (the Guidelines or the commentary setting the article out in its
    words, without quotation marks). Never the Protocol's own text: only what the report prints."""
    provision: str  # "2 (a)", "3 (1) (a) (i)": which article (and subdivision) the words are of
    words: str
    how: str  # "quoted" | "restated"
    why: str
    within: str = None  # more of the passage's words, holding them, where the words alone stand in more than one
    line: int = 0

    @property
    def found_as(self):
        """What must stand in exactly one passage: the words within their quotation marks where quoted, or the
        longer words that hold them."""
        return self.within or (f"“{self.words}”" if self.how == "quoted" else self.words)


@dataclass(frozen=True)
class Article:
    number: int
    subject: str  # this edition's short heading: the Protocol gives its articles none
    quoted: tuple = ()  # Quoted: where the report prints the article's words
    line: int = 0


@dataclass(frozen=True)
class Case:
    id: str
    name: str
    body: str
    at: tuple  # the report's words where it discusses or cites the case
    year: int = None
    reference: str = None
    note: str = None
    line: int = 0


@dataclass(frozen=True)
class Term:
    id: str
    term: str
    defined: tuple  # the report's defining words
    see: tuple = ()
    terminology: str = None
    terminology_at: str = None
    line: int = 0


@dataclass(frozen=True)
class Acronym:
    acronym: str
    expansion: str
    forms: tuple = ()
    at: str = None
    source: str = None
    line: int = 0


@dataclass(frozen=True)
class Lists:
    """Everything content/ lists for the indexes."""
    articles: tuple = ()
    cases: tuple = ()
    terms: tuple = ()
    acronyms: tuple = ()
    not_acronyms: tuple = ()  # words with capitals that are not acronyms

    def expansions(self):
        """{acronym as printed, plural forms too: its expansion}."""
        return {w: a.expansion for a in self.acronyms for w in (a.acronym, *a.forms)}


# key: (type, required) per record: what an entry may hold.
SCHEMAS = {
    Article: {"number": (int, True), "subject": (str, True), "quoted": (dict, False)},
    Quoted: {"provision": (str, True), "words": (str, True), "how": (str, True), "why": (str, True),
             "within": (str, False)},
    Case: {"id": (str, True), "name": (str, True), "body": (str, True), "at": (list, True), "year": (int, False),
           "reference": (str, False), "note": (str, False)},
    Term: {"id": (str, True), "term": (str, True), "defined": (list, True), "see": (list, False),
           "terminology": (str, False), "terminology_at": (str, False)},
    Acronym: {"acronym": (str, True), "expansion": (str, True), "forms": (list, False), "at": (str, False),
              "source": (str, False)},
}


KINDS = {int: "a whole number", str: "text", list: "a list of texts", dict: "a list of mappings"}
HOW = ("quoted", "restated")


def _fits(value, kind):
    """A value of `kind`: YAML's yes/no are no numbers, and a list holds texts (not dates or numbers)."""
    if kind is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if kind is list:
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    if kind is dict:
        return isinstance(value, list) and all(isinstance(v, dict) for v in value)
    return isinstance(value, kind)


def _records(path, data, section, record, items=None):
    items = (data.get(section) if isinstance(data, dict) else None) if items is None else items
    if not isinstance(items, list):
        raise ContentError(path, 1, f"expected `{section}:`, a list")
    schema, out = SCHEMAS[record], []
    for item in items:
        line = item.get("__line__", 0) if isinstance(item, dict) else 0
        if not isinstance(item, dict):
            raise ContentError(path, line, f"each entry of `{section}` is a mapping")
        for key, (kind, required) in schema.items():
            if (required and key not in item) or (key in item and not _fits(item[key], kind)):
                raise ContentError(path, line_of(item, key), f"expected `{key}` ({KINDS[kind]}){misread(item, [key])}")
        unknown = sorted(set(item) - set(schema) - {"__line__", "__lines__"})
        if unknown:
            raise ContentError(path, line_of(item, unknown[0]), f"unknown key `{unknown[0]}`; expected one of {', '.join(schema)}")
        values = {k: tuple(v) if isinstance(v, list) else v for k, v in item.items() if not k.startswith("__")}
        if record is Article and "quoted" in item:
            values["quoted"] = _records(path, None, "quoted", Quoted, item["quoted"])
            for q in values["quoted"]:
                provision = parse_provision(q.provision)
                if q.within and (f"“{q.words}”" if q.how == "quoted" else q.words) not in q.within:
                    raise ContentError(path, q.line, f"`within` should hold the words “{q.words[:60]}”"
                                       + (", in their quotation marks" if q.how == "quoted" else ""))
                if q.how not in HOW or not provision or provision[0] != item["number"]:
                    raise ContentError(path, q.line, f"expected `how` ({' or '.join(HOW)}) and `provision` (article "
                                       f"{item['number']}, as “{item['number']} (1) (a)”), found “{q.how}”, "
                                       f"“{q.provision}”")
        out.append(record(**values, line=line))
    return tuple(out)


def _load(path):
    text = read_utf8(path, f"the list {path.name}")
    return parse_yaml(path, text, load_with_lines)


def read_lists(content):
    """content/articles.yaml, cases.yaml, glossary.yaml and acronyms.yaml."""
    content = Path(content)
    articles = _records(content / "articles.yaml", _load(content / "articles.yaml"), "articles", Article)
    cases = _records(content / "cases.yaml", _load(content / "cases.yaml"), "cases", Case)
    terms = _records(content / "glossary.yaml", _load(content / "glossary.yaml"), "terms", Term)
    acr_path = content / "acronyms.yaml"
    acr = _load(acr_path)
    acronyms = _records(acr_path, acr, "acronyms", Acronym)
    not_acronyms = []
    for group in acr.get("not_acronyms") or ():
        tokens = group.get("tokens") if isinstance(group, dict) else None
        if not _fits(tokens, list):
            raise ContentError(acr_path, line_of(group, "tokens"), f"each group of `not_acronyms` needs `tokens` (a list of texts)"
                                               f"{misread(group, ['tokens'])}")
        not_acronyms += tokens
    not_acronyms = tuple(not_acronyms)
    ids = {t.id for t in terms}
    for t in terms:
        for other in t.see:
            if other not in ids:
                raise ContentError(content / "glossary.yaml", t.line, f"`see: {other}` is not the id of a term")
    return Lists(articles, cases, terms, acronyms, not_acronyms)


def place(report, path, line, quote):
    """The one passage that holds `quote`, or an error at the entry's line."""
    found = locate(report, quote)
    if len(found) != 1:
        where = "no passage" if not found else f"{len(found)} passages (paragraphs " \
            f"{', '.join(str(s.paragraph) for s in found)})"
        shown = quote[:60] if quote.startswith("“") else f"“{quote[:60]}”"  # a quotation with its marks
        raise ContentError(path, line, f"{shown} should be found in exactly one passage, found in {where}")
    return found[0]
