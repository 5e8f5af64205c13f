"""The one loader of content/'s YAML files and the one schema mechanism: a value that does not fit its record's
type hints is one ContentError at its own line, saying what was expected."""

from dataclasses import dataclass, field
from typing import Annotated

import pytest

from macros.errors import ContentError
from macros.schema import NOT_NULL, Kind, Record, key, load

pytestmark = pytest.mark.model

WORDS = Annotated[str, Kind("words", lambda v: isinstance(v, str) and bool(v.strip()))]


@dataclass(frozen=True)
class Entry(Record):
    NAME = "record"
    words: WORDS
    number: int | None = field(default=None, metadata=NOT_NULL)
    end: WORDS | None = None
    texts: tuple[str, ...] = ()
    source: tuple[str, ...] = field(default=(), metadata=key("from"))


@dataclass(frozen=True)
class File(Record):
    NAME = "the file"
    entries: tuple[Entry, ...]


GOOD = "# a comment\nentries:\n- words: sale of children\n  number: 2\n  from: [a, b]\n- words: x\n  end: null\n"


def test_a_file_becomes_records_that_know_their_lines(tmp_path):
    path = tmp_path / "f.yaml"
    path.write_text(GOOD, encoding="utf-8")
    data = load(path, File, "the file")
    first, second = data.entries
    assert (first.words, first.number, first.source, first.line) == ("sale of children", 2, ("a", "b"), 3)
    assert first.line_of("number") == 4 and first.given("number") and not second.given("number")
    assert (second.end, second.texts, second.line) == (None, (), 6)
    assert str(first.error("wrong", "from")) == f"{path}:5: wrong"


BAD = [
    ("entries:\n- words: x\n  number: null\n", 3, "record: `number` is None; expected a whole number"),
    ("entries:\n- words: x\n  number: yes\n", 3, "record: `number` is True; expected a whole number"),
    ("entries:\n- words: ' '\n", 2, "record: `words` is ' '; expected words"),
    ("entries:\n- words: x\n  end: ''\n", 3, "record: `end` is ''; expected words, or null"),
    ("entries:\n- number: 1\n", 2, "record: expected `words` (words)"),
    ("entries:\n- words: x\n  texts:\n  - a\n  - 2019-01-01\n", 5,  # the element's own line
     "record: `texts[1]` is datetime.date(2019, 1, 1); expected text; YAML reads `texts: 2019-01-01` as a date: "
     "put text in quotes"),
    ("entries:\n- words: x\n\n  numbr: 1\n", 4, "record: unknown key `numbr`; expected `words`, `number`, `end`, `texts`, `from`"),
    ("entries: 3\n", 1, "the file: `entries` is 3; expected a list"),
    ("entries:\n- [words]\n", 2, "the file: `entries[0]` is ['words']; expected a record (a mapping)"),
    ("- words: x\n", 1, "expected a mapping with `entries`"),
]


@pytest.mark.parametrize("text, line, message", BAD)
def test_a_value_that_does_not_fit_is_one_error_at_its_line(tmp_path, text, line, message):
    path = tmp_path / "f.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as err:
        load(path, File, "the file")
    assert (err.value.path, err.value.line, err.value.message) == (str(path), line, message)
