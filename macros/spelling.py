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

import yaml

from .errors import ContentError, parse_yaml, read_utf8

DICTIONARIES = (Path("/usr/share/dict/american-english"), Path("/usr/share/dict/british-english"))

# A web or e-mail address, or a document symbol ("CRC/C/GC/16", "A/HRC/28/56", "2011/93/EU"): no words of
# the text. Words joined by a slash ("and/or", "hearing/listening") are words.
ADDRESS = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w.-]+|\b(?=[\w.()-]*[A-Z\d])[\w.()-]+(?:/[\w.()-]+)+")
WORD = re.compile(r"[^\W\d_]+(?:[’'][^\W\d_]+)*")
POSSESSIVE = re.compile(r"[’'][sS]$")
# A word printed twice in a row: "for the the first time".
DOUBLED = re.compile(r"\b([^\W\d_]+)\s+\1\b", re.IGNORECASE)


def words(text):
    """The words of a text, in order: addresses and document symbols left out, a possessive "’s" taken off,
    a word with hyphens ("socio-economic") as its parts."""
    return [POSSESSIVE.sub("", w) for w in WORD.findall(ADDRESS.sub(" ", text))]


def read_dictionaries(paths=DICTIONARIES):
    """The words of the lists, as printed ("Guatemala", "colour") and in lower case."""
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise FileNotFoundError(f"{', '.join(missing)}: Debian's word lists (apt-get install wamerican wbritish; "
                                f"bash scripts/setup.sh --tests installs them)")
    known = set()
    for p in paths:
        known.update(p.read_text(encoding="utf-8").split())
    return known | {w.lower() for w in known}


def in_lists(word, known):
    return word in known or word.lower() in known


@dataclass(frozen=True)
class Group:
    """Words of content/words.yaml that share a reason."""
    kind: str
    why: str
    words: tuple
    line: int


KINDS = ("name", "term", "english", "foreign")


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    pass


def _with_line(loader, node):
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _with_line)


def read_words(path):
    """content/words.yaml: [Group]; a bad entry is one error naming the file and its line."""
    path = Path(path)
    data = parse_yaml(path, read_utf8(path, "the word list"), lambda t: yaml.load(t, Loader=_Loader))
    groups = data.get("groups") if isinstance(data, dict) else None
    if not isinstance(groups, list):
        raise ContentError(path, 1, "expected `groups:`, a list")
    out, seen = [], {}
    for g in groups:
        line = g.get("__line__", 0) if isinstance(g, dict) else 0
        if not (isinstance(g, dict) and g.get("kind") in KINDS and isinstance(g.get("why"), str)
                and isinstance(g.get("words"), list) and g["words"]
                and all(isinstance(w, str) for w in g["words"])):
            raise ContentError(path, line, f"each group needs `kind` (one of {', '.join(KINDS)}), `why` (the "
                               "reason) and `words` (a list of words as printed)")
        for w in g["words"]:
            if w in seen:
                raise ContentError(path, line, f"“{w}” is listed twice (also at line {seen[w]})")
            seen[w] = line
        out.append(Group(g["kind"], g["why"], tuple(g["words"]), line))
    return tuple(out)
