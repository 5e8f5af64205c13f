"""The words of the report that no English word list holds, and what each is: a misprint kept as printed
(content/editorial.yaml, misprints), an acronym or a word with capitals the acronym list classifies
(content/acronyms.yaml), or a name, term of art, English word the lists lack, or word of another language
(content/words.yaml), each with its reason.

The word lists are Debian's `wamerican` and `wbritish` (/usr/share/dict/american-english, british-english):
tests/test_words.py reads them; the build does not need them.
"""

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal

from .schema import Kind, Record, load

DICTIONARIES = (Path("/usr/share/dict/american-english"), Path("/usr/share/dict/british-english"))

# A web or e-mail address, or a document symbol ("CRC/C/GC/16", "A/HRC/28/56", "2011/93/EU"): no words of
# the text. Words joined by a slash ("and/or", "hearing/listening") are words.
ADDRESS = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w.-]+|\b(?=[\w.()-]*[A-Z\d])[\w.()-]+(?:/[\w.()-]+)+")
WORD = re.compile(r"[^\W\d_]+(?:[’'][^\W\d_]+)*")
POSSESSIVE = re.compile(r"[’'][sS]$")
# A word printed twice in a row: "for the the first time".
DOUBLED = re.compile(r"\b([^\W\d_]+)\s+\1\b", re.IGNORECASE)


def words(text: str) -> list[str]:
    """The words of a text, in order: addresses and document symbols left out, a possessive "’s" taken off,
    a word with hyphens ("socio-economic") as its parts."""
    return [POSSESSIVE.sub("", w) for w in WORD.findall(ADDRESS.sub(" ", text))]


def read_dictionaries(paths: tuple[Path, ...] = DICTIONARIES) -> set[str]:
    """The words of the lists, as printed ("Guatemala", "colour") and in lower case."""
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise FileNotFoundError(f"{', '.join(missing)}: Debian's word lists (apt-get install wamerican wbritish; "
                                f"bash scripts/setup.sh --tests installs them)")
    known = set()
    for p in paths:
        known.update(p.read_text(encoding="utf-8").split())
    return known | {w.lower() for w in known}


def in_lists(word: str, known: set[str]) -> bool:
    return word in known or word.lower() in known


@dataclass(frozen=True)
class Group(Record):
    """Words of content/words.yaml that share a reason."""
    NAME = "group"
    kind: Literal["name", "term", "english", "foreign"]
    why: str
    words: Annotated[tuple[str, ...], Kind("a list of words as printed", lambda v: isinstance(v, list) and bool(v))]


@dataclass(frozen=True)
class _File(Record):
    NAME = "word list"
    groups: tuple[Group, ...]


def read_words(path: Path) -> tuple[Group, ...]:
    """content/words.yaml: [Group]; a bad entry is one error naming the file and its line."""
    groups = load(Path(path), _File, "the word list").groups
    seen: dict[str, int] = {}
    for g in groups:
        for w in g.words:
            if w in seen:
                raise g.error(f"“{w}” is listed twice (also at line {seen[w]})")
            seen[w] = g.line
    return groups
