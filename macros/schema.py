"""One way to read a YAML file of content/: values that remember their line, made into frozen typed records.

`read_yaml` parses a file into plain dicts and lists that know the line they start on (and, for a mapping,
the line of each key; for a list, the line of each element). `build` turns such a value into a record: a
frozen dataclass deriving from `Record`, whose type hints are the schema. A value that does not fit (a
missing or unknown key, a number where text is meant, a word no `Kind` allows) is one ContentError naming
the file and the line of the value, and what was expected: the only error path of content/.

Why not pydantic: it would do the typing, but its messages name no line of the file, and the site's
build would gain a heavy runtime dependency for some 150 lines of code. The hints understood here are `str`,
`int`, `bool`, `datetime.date`, `Literal[...]`, `X | None`, `tuple[X, ...]`, a `Record`, unions of these,
and `Annotated[X, Kind(...)]` for a rule a type cannot say ("a paragraph number, 1–113").
"""

import dataclasses
import datetime
import types
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, ClassVar, Literal, TypeVar, Union

import yaml

from .errors import ContentError, parse_yaml, read_utf8


class LineDict(dict[str, Any]):
    """A mapping of a YAML file, with the line it starts on and the line of each of its keys."""
    line: int = 0
    key_lines: dict[str, int]


class LineList(list[Any]):
    """A list of a YAML file, with the line it starts on and the line of each of its elements."""
    line: int = 0
    item_lines: list[int]


# libyaml's loader where PyYAML has it: the pure-Python one takes half the parse time.
class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    pass


def _mapping(loader: Any, node: yaml.MappingNode) -> LineDict:
    out = LineDict(loader.construct_mapping(node, deep=True))
    out.line = node.start_mark.line + 1
    out.key_lines = {str(k.value): k.start_mark.line + 1 for k, _ in node.value}
    return out


def _sequence(loader: Any, node: yaml.SequenceNode) -> LineList:
    out = LineList(loader.construct_sequence(node, deep=True))
    out.line = node.start_mark.line + 1
    out.item_lines = [n.start_mark.line + 1 for n in node.value]
    return out


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _sequence)


def read_yaml(path: Path, what: str) -> Any:
    """The YAML file at `path` (called `what` in messages), its mappings LineDicts and lists LineLists."""
    text = read_utf8(path, what)
    return parse_yaml(path, text, lambda t: yaml.load(t, Loader=_Loader))


# ---------------------------------------------------------------- records

@dataclass(frozen=True)
class Kind:
    """A rule a type cannot say, on a value of the file; `expected` says it in an error message."""
    expected: str
    fits: Callable[[Any], bool]


# Field metadata: the key's name in the file where it differs ("from"), and an optional key that may not be
# null (absent, it takes the field's default None; `null` in the file is refused).
def key(name: str) -> dict[str, Any]:
    return {"key": name}


NOT_NULL: dict[str, Any] = {"null": False}
# A field the file does not give: the pipeline sets it (an attribution's provision, from a misprint).
INTERNAL: dict[str, Any] = {"internal": True}


def optional() -> Any:
    """An optional key that, given, may not be null: absent, its field is None."""
    return field(default=None, metadata=NOT_NULL)


@dataclass(frozen=True)
class Record:
    """An entry of a file of content/: where it stands (`path`, `line`, the line of each key it gives)."""
    NAME: ClassVar[str] = "entry"  # in error messages: "callout: unknown key `x`"
    KEY: ClassVar[str] = "key"  # what its keys are called there ("section" for the editorial file's)
    line: int = field(default=0, kw_only=True)
    path: str = field(default="", kw_only=True, compare=False, repr=False)
    key_lines: Mapping[str, int] = field(default_factory=dict, kw_only=True, compare=False, repr=False)

    def given(self, name: str) -> bool:
        """Whether the file gives the key `name` (an optional key takes its default otherwise)."""
        return name in self.key_lines

    def line_of(self, name: str | None = None) -> int:
        """The line of the key `name` in the file (of the entry itself without one, or if not given)."""
        return self.key_lines.get(name, self.line) if name else self.line

    def error(self, message: str, name: str | None = None) -> ContentError:
        """The error to raise for this entry: at the line of its key `name`, or its own."""
        return ContentError(self.path, self.line_of(name), message)


R = TypeVar("R", bound=Record)
_BASE = {f.name for f in dataclasses.fields(Record)}


@dataclass(frozen=True)
class _At:
    """Where a value stands, for its error message: the file, the record's name, the key's label
    ("headings[2]"), its line, and the key (for "YAML reads `key: 1.1` as a number")."""
    path: str
    name: str
    label: str
    line: int
    key: str

    def fail(self, value: Any, expected: str, text: bool = False) -> ContentError:
        """`text`: text was meant (a date or a number where text is meant says so)."""
        misread = _misread(self.key, value) if text or "text" in expected else ""
        return ContentError(self.path, self.line, f"{self.name}: `{self.label}` is {_show(value)}; expected "
                            f"{expected}{misread}")


def load(path: Path, cls: type[R], what: str) -> R:
    """The record `cls` of the YAML file at `path` (a mapping), every value checked against its hints."""
    data = read_yaml(path, what)
    if not isinstance(data, LineDict):
        keys = ", ".join(f"`{_key(f)}`" for f in _fields(cls) if _required(f))
        raise ContentError(path, 1, f"expected a mapping with {keys}" if keys else "expected a mapping")
    return build(cls, data, str(path))


def load_all(path: Path, cls: type[R], what: str) -> tuple[R, ...]:
    """The records `cls` of the YAML file at `path` (a list of mappings; an empty file is an empty list)."""
    data = read_yaml(path, what)
    if data is None:
        return ()
    if not isinstance(data, LineList):
        raise ContentError(path, 1, f"expected a list, each {_a(cls.NAME)}")
    return tuple(_tuple(cls, data, _At(str(path), what, "", 1, "")))


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    """A record's field types (read once per record type, not once per entry of a file)."""
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls, include_extras=True)
    return _HINTS[cls]


def build(cls: type[R], data: LineDict, path: str) -> R:
    """The record `cls` of a mapping read by read_yaml from the file `path`."""
    hints = _hints(cls)
    for f in _fields(cls):
        if _required(f) and _key(f) not in data:
            raise ContentError(path, data.line, f"{cls.NAME}: expected `{_key(f)}` ({_expected(hints[f.name])})")
    by_key = {_key(f): f for f in _fields(cls)}
    values: dict[str, Any] = {}
    for k, v in data.items():
        found = by_key.get(k)
        line = data.key_lines.get(k, data.line)
        if found is None:
            known = ", ".join(f"`{x}`" for x in by_key)
            raise ContentError(path, line, f"{cls.NAME}: unknown {cls.KEY} `{k}`; expected {known}")
        hint = hints[found.name]
        hint = _not_null(hint) if found.metadata.get("null") is False else hint
        values[found.name] = convert(hint, v, _At(path, cls.NAME, k, line, k))
    return cls(**values, line=data.line, path=path, key_lines=dict(data.key_lines))


def convert(hint: Any, value: Any, at: _At) -> Any:
    """`value` as the type `hint` says, or a ContentError at `at`."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is Annotated:
        for rule in hint.__metadata__:
            if isinstance(rule, Kind) and not rule.fits(value):
                raise at.fail(value, rule.expected, text=args[0] is str)
        return convert(args[0], value, at)
    if origin in (Union, types.UnionType):
        return _union(args, value, at)
    if origin is tuple:
        return _tuple(args[0], value, at)
    if origin is Literal:
        if value in args and not isinstance(value, bool):
            return value
        raise at.fail(value, _expected(hint))
    if isinstance(hint, type) and issubclass(hint, Record):
        if not isinstance(value, LineDict):
            raise at.fail(value, f"{_a(hint.NAME)} (a mapping)")
        return build(hint, value, at.path)
    if hint is Any or _fits(hint, value):
        return value
    raise at.fail(value, _expected(hint))


def _not_null(hint: Any) -> Any:
    """`X | None` without None: an optional key that may not be null."""
    if typing.get_origin(hint) in (Union, types.UnionType):
        return Union[tuple(a for a in typing.get_args(hint) if a is not type(None))]
    return hint


def _fits(hint: Any, value: Any) -> bool:
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)  # YAML's yes/no are not numbers
    if hint is datetime.date:
        return isinstance(value, datetime.date) and not isinstance(value, datetime.datetime)
    return isinstance(hint, type) and isinstance(value, hint)


def _union(args: tuple[Any, ...], value: Any, at: _At) -> Any:
    if value is None and type(None) in args:
        return None
    others = [a for a in args if a is not type(None)]
    if len(others) == 1 and isinstance(value, (LineDict, LineList)):
        return convert(others[0], value, at)  # a record's or a list's own error, at its own line
    for hint in others:
        try:
            return convert(hint, value, at)
        except ContentError:
            continue
    raise at.fail(value, _expected(Union[args]))


def _tuple(hint: Any, value: Any, at: _At) -> tuple[Any, ...]:
    if not isinstance(value, LineList):
        raise at.fail(value, "a list")
    out = []
    for i, element in enumerate(value):
        out.append(convert(hint, element, _At(at.path, at.name, f"{at.label}[{i}]", value.item_lines[i], at.key)))
    return tuple(out)


def _expected(hint: Any) -> str:
    """What a value of `hint` is, in an error message."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is Annotated:
        kinds = [rule.expected for rule in hint.__metadata__ if isinstance(rule, Kind)]
        return kinds[-1] if kinds else _expected(args[0])
    if origin in (Union, types.UnionType):
        named = [_expected(a) for a in args if a is not type(None)]
        return " or ".join(named) + (", or null" if type(None) in args else "")
    if origin is tuple:
        each = args[0]
        if isinstance(each, type) and issubclass(each, Record):
            return f"a list, each {_a(each.NAME)}"
        return f"a list of {_expected(each)}"
    if origin is Literal:
        return f"one of {', '.join(map(str, args))}"
    if isinstance(hint, type) and issubclass(hint, Record):
        return _a(hint.NAME)
    return NAMES.get(hint, str(hint))


NAMES: dict[Any, str] = {str: "text", int: "a whole number", bool: "true or false",
                         datetime.date: "a date like 2026-11-29", Any: "a value"}


def _fields(cls: type[Record]) -> list[dataclasses.Field[Any]]:
    return [f for f in dataclasses.fields(cls) if f.name not in _BASE and not f.metadata.get("internal")]


def _required(f: dataclasses.Field[Any]) -> bool:
    return f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING


def _key(f: dataclasses.Field[Any]) -> str:
    return str(f.metadata.get("key", f.name))


def _a(name: str) -> str:
    return f"an {name}" if name[:1] in "aeiou" else f"a {name}"


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _misread(key: str, value: Any) -> str:
    """What YAML made of a value meant as text (a date, a number, true/false), for the end of a message."""
    if value is None or isinstance(value, (str, list, dict)):
        return ""
    kind = "a date" if isinstance(value, datetime.date) else "true/false" if isinstance(value, bool) else "a number"
    return f"; YAML reads `{key}: {value}` as {kind}: put text in quotes"
