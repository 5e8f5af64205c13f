"""content/terminology.yaml: the words practitioners use, as the search engine reads them (synonyms, bridges
from everyday words to the report's, filler words of questions, American and British spellings)."""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

from .schema import Kind, Record, key, load


def _terms(at_least: int) -> Kind:
    def fits(v: Any) -> bool:
        return isinstance(v, list) and len(v) >= at_least and all(isinstance(t, str) and t.strip() for t in v)
    return Kind("a list of terms" if at_least == 1 else "a list of two or more terms", fits)


Terms = Annotated[tuple[str, ...], _terms(1)]
Reason = Annotated[str, Kind("text: the reason", lambda v: isinstance(v, str) and bool(v.strip()))]
Pair = Annotated[tuple[str, ...], Kind("a pair: [American, British]", lambda v: isinstance(v, list) and len(v) == 2
                                       and all(isinstance(w, str) for w in v))]


@dataclass(frozen=True)
class Synonyms(Record):
    NAME = "synonym group"
    why: Reason
    terms: Annotated[tuple[str, ...], _terms(2)]


@dataclass(frozen=True)
class Bridge(Record):
    NAME = "bridge"
    why: Reason
    source: Terms = field(metadata=key("from"))  # a reader's everyday words
    to: Terms  # the report's


@dataclass(frozen=True)
class Filler(Record):
    NAME = "filler group"
    why: Reason
    words: Terms


@dataclass(frozen=True)
class Terminology(Record):
    NAME = "terminology"
    synonyms: tuple[Synonyms, ...] = ()
    bridges: tuple[Bridge, ...] = ()
    filler: tuple[Filler, ...] = ()
    spellings: tuple[Pair, ...] = ()

    def as_json(self) -> dict[str, list[Any]]:
        """What the engine receives: {"synonyms": [{"terms"}], "bridges": [{"from", "to"}], "filler": [word, ...],
        "spellings": [[American, British]]}."""
        return {"synonyms": [{"terms": list(s.terms)} for s in self.synonyms],
                "bridges": [{"from": list(b.source), "to": list(b.to)} for b in self.bridges],
                "filler": [w for f in self.filler for w in f.words],
                "spellings": [list(pair) for pair in self.spellings]}


def read_terminology(path: Path) -> dict[str, list[Any]]:
    """content/terminology.yaml, as the engine reads it (Terminology.as_json); each group of the first three
    sections gives its reason (`why`)."""
    return load(Path(path), Terminology, "the terminology file").as_json()
