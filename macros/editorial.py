"""The reviewed editorial file: what no rule can decide, with its line numbers.

Each mapping read from the YAML keeps the line it starts on (``__line__``) and
the line of each of its keys (``__lines__``), so a value that does not fit the
schema below, or an anchor that no longer matches the report, is reported at
its own line of ``content/editorial.yaml``.
"""

import re
from pathlib import Path
from typing import Callable, NamedTuple

import yaml

from .callouts import TYPES
from .errors import ContentError, parse_yaml, read_utf8
from .instruments import parse_provision

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
REGIONS = ("Africa", "Americas", "Asia-Pacific", "Europe", "Middle East", "International")
PARAGRAPHS = 113


# libyaml's loader where PyYAML has it: the pure-Python one takes half the parse time.
class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    pass


def _mapping_with_line(loader, node, deep=False):
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    mapping["__lines__"] = {k.value: k.start_mark.line + 1 for k, _ in node.value}
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)


def read_editorial(path):
    path = Path(path)
    text = read_utf8(path, "the editorial file")
    data = parse_yaml(path, text, lambda t: yaml.load(t, Loader=_LineLoader))
    if not isinstance(data, dict):
        raise ContentError(path, 1, "expected a mapping of editorial sections")
    data["__path__"] = str(path)
    validate(data)
    return data


def fail(ed, item, message, key=None):
    """Stop at the line of `item` in the editorial file, or of its `key` where that is known."""
    line = 0
    if isinstance(item, dict):
        line = item.get("__lines__", {}).get(key) or item.get("__line__", 0)
    raise ContentError(ed["__path__"], line, message)


# ---------------------------------------------------------------- the schema

class Kind(NamedTuple):
    """What a value must be; `expected` says it in an error message."""
    expected: str
    fits: Callable


class Item(NamedTuple):
    """A mapping of the file: its name in messages, the keys it must have and those it may have."""
    name: str
    required: dict  # key -> Kind, Item or Many
    optional: dict = {}


class Many(NamedTuple):
    """A list of values of one kind (or of Items); `at_least` of them."""
    of: object
    at_least: int = 0


def _whole(v):
    return isinstance(v, int) and not isinstance(v, bool)  # YAML's yes/no are not numbers


def _nullable(kind):
    return Kind(f"{kind.expected}, or null", lambda v: v is None or kind.fits(v))


TEXT = Kind("text", lambda v: isinstance(v, str))
# A link's target: a web address, never javascript: or data: (it becomes an href a reader clicks).
WEB_ADDRESS = Kind("a web address (http://, https:// or www.)",
                   lambda v: isinstance(v, str) and bool(re.fullmatch(r"(?:https?://|www\.)[^\s<>\"`]+", v)))
WORDS = Kind("words of the report", lambda v: isinstance(v, str) and bool(v.strip()))
NUMBER = Kind("a whole number", _whole)
LINE = Kind("a line number of the report", lambda v: _whole(v) and v >= 1)
PARAGRAPH = Kind(f"a paragraph number, 1–{PARAGRAPHS}", lambda v: _whole(v) and 1 <= v <= PARAGRAPHS)
CHAPTER = Kind("a chapter number, I–X", lambda v: isinstance(v, str) and v in ROMAN)
LETTER = Kind("a section letter, A–Z", lambda v: isinstance(v, str) and len(v) == 1 and "A" <= v <= "Z")
CALLOUT_TYPE = Kind(f"one of {', '.join(TYPES)}", lambda v: isinstance(v, str) and v in TYPES)
REGION = Kind(f"one of {', '.join(REGIONS)}", lambda v: isinstance(v, str) and v in REGIONS)
HEADING = Kind("words of the report, or a list of them",
               lambda v: WORDS.fits(v) or (isinstance(v, list) and bool(v) and all(map(WORDS.fits, v))))

# Every section of the file, what each of its items holds, and whether the file must have it. A key
# that is not listed here is refused: a misspelt optional key would otherwise be silently ignored.
SCHEMA = {
    "front_matter": (True, Item("front matter", {"headings": Many(WORDS), "end": WORDS}, {"title": TEXT})),
    "chapters": (True, Many(Item("chapter", {"number": CHAPTER, "title": TEXT}, {"heading": _nullable(WORDS)}))),
    "sections": (True, Many(Item("section", {"chapter": CHAPTER, "letter": LETTER, "title": TEXT,
                                             "heading": HEADING}))),
    "paragraphs": (True, Many(Item(
        "paragraph", {"n": NUMBER, "title": TEXT, "chapter": CHAPTER,
                      "parts": Many(Item("part", {"start": WORDS, "end": WORDS}), at_least=1)},
        {"section": _nullable(LETTER), "number_line": _nullable(LINE), "note": TEXT}))),
    # why: for readers, on the apparatus page; note: for the reviewer (lines, the entries around it).
    "attach": (False, Many(Item("attach entry", {"start": WORDS, "to": PARAGRAPH}, {"why": TEXT, "note": TEXT}))),
    "callouts": (True, Many(Item(
        "callout", {"type": CALLOUT_TYPE, "paragraph": PARAGRAPH},
        {"heading_line": LINE, "end": _nullable(WORDS), "note": TEXT,
         "entries": Many(Item("callout entry", {"start": WORDS}, {"origin": TEXT, "region": REGION}))}))),
    "guideline_footnotes": (True, Many(Item("Guidelines footnote",
                                            {"n": NUMBER, "paragraph": PARAGRAPH, "start": WORDS}))),
    "footnote_fixes": (False, Many(Item("footnote fix",
                                        {"line": LINE, "printed": NUMBER, "number": NUMBER, "why": TEXT}))),
    "marker_fixes": (False, Many(Item("marker fix", {"number": NUMBER, "anchor": WORDS}, {"why": TEXT}))),
    "link_fixes": (False, Many(Item("link fix", {"at": WORDS}, {"url": _nullable(WEB_ADDRESS), "why": TEXT}))),
    "extra_urls": (False, Many(Item("extra URL", {"url": WEB_ADDRESS, "why": TEXT}))),
    "misprints": (False, Many(Item("misprint", {"at": WORDS, "means": TEXT, "why": TEXT},
                                   {"link_to": PARAGRAPH, "article_to": TEXT}))),
}


def check_schema(ed):
    """Every section, item, key and value of the file against SCHEMA."""
    for key in ed:
        if not _internal(key) and key not in SCHEMA:
            fail(ed, ed, f"unknown section `{key}`; expected one of {', '.join(SCHEMA)}", key)
    for key, (required, shape) in SCHEMA.items():
        if key not in ed:
            if required:
                fail(ed, ed, f"missing section `{key}`")
            continue
        if ed[key] is None and not required:
            continue
        _check_value(ed, shape, ed[key], ed, key, "the editorial file")


def _check_value(ed, shape, value, parent, key, name, label=None):
    """`value` of `key` in `parent` (called `name` in messages) against its shape; `label` names an
    element of a list (`headings[2]`): a list's elements have no line of their own, the key's is given."""
    label = label or key
    if isinstance(shape, Item):
        _check_item(ed, shape, value, parent, key, name, label)
    elif isinstance(shape, Many):
        if not isinstance(value, list) or len(value) < shape.at_least:
            what = f"a list of at least {shape.at_least}" if shape.at_least else "a list"
            fail(ed, parent, f"{name}: `{label}` is {_show(value)}; expected {what}", key)
        for i, element in enumerate(value):
            _check_value(ed, shape.of, element, parent, key, name, f"{label}[{i}]")
    elif not shape.fits(value):
        fail(ed, parent, f"{name}: `{label}` is {_show(value)}; expected {shape.expected}", key)


def _check_item(ed, item, value, parent, key, name, label):
    if not isinstance(value, dict):
        fail(ed, parent, f"{name}: `{label}` is {_show(value)}; expected a {item.name} (a mapping)", key)
    for k, shape in item.required.items():
        if k not in value:
            fail(ed, value, f"{item.name}: expected `{k}` ({_expected(shape)})")
    for k, v in value.items():
        if _internal(k):
            continue
        shape = item.required.get(k) or item.optional.get(k)
        if shape is None:
            known = ", ".join(f"`{x}`" for x in [*item.required, *item.optional])
            fail(ed, value, f"{item.name}: unknown key `{k}`; expected {known}", k)
        _check_value(ed, shape, v, value, k, item.name)


def _internal(key):
    """The loader's own keys: `__line__`, `__lines__`, `__path__`."""
    return isinstance(key, str) and key.startswith("__")


def _expected(shape):
    if isinstance(shape, Item):
        return f"a {shape.name}"
    if isinstance(shape, Many):
        return f"a list of {_expected(shape.of)}" if isinstance(shape.of, Item) else f"a list of {shape.of.expected}"
    return shape.expected


def _show(value):
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


# ---------------------------------------------------------------- rules across items

def validate(ed):
    """The schema, then what one item cannot say alone; whether anchors match the text is checked where
    they are used."""
    check_schema(ed)
    _check_chapters(ed)
    letters = _check_sections(ed)
    _check_paragraphs(ed, letters)
    _check_callout_entries(ed)
    _check_front_matter(ed)
    _check_misprints(ed)


def _check_chapters(ed):
    numbers = [ch["number"] for ch in ed["chapters"]]
    if numbers != ROMAN:
        fail(ed, ed["chapters"][0] if ed["chapters"] else ed, f"expected chapters I–X in order, found {numbers}")


def _check_sections(ed):
    """The letters of each chapter's sections."""
    letters = {}
    for sec in ed["sections"]:
        mine = letters.setdefault(sec["chapter"], [])
        if sec["letter"] in mine:
            fail(ed, sec, f"section {sec['chapter']}.{sec['letter']} is listed twice", "letter")
        mine.append(sec["letter"])
    return letters


def _check_paragraphs(ed, letters):
    for expected, p in enumerate(ed["paragraphs"], start=1):
        if p["n"] != expected:
            fail(ed, p, f"expected paragraph {expected}, found {p['n']} (numbers must run 1–{PARAGRAPHS} in order)")
        # A paragraph under a letter its chapter does not have would be left off the chapter's page.
        own = letters.get(p["chapter"], [])
        if p.get("section") is not None and p["section"] not in own:
            expected = f"one of {', '.join(own)}, or null" if own else "null (the chapter has no sections)"
            fail(ed, p, f"paragraph {p['n']}: chapter {p['chapter']} has no section {p['section']!r}; "
                        f"expected {expected}", "section")
    if len(ed["paragraphs"]) != PARAGRAPHS:
        fail(ed, ed["paragraphs"][-1] if ed["paragraphs"] else ed,
             f"expected {PARAGRAPHS} paragraphs, found {len(ed['paragraphs'])}")


def _check_callout_entries(ed):
    for c in ed["callouts"]:
        for entry in c.get("entries") or ():
            if c["type"] == "resource_tip":
                # Resources have no origin; entries only group a resource with its description.
                if "origin" in entry or "region" in entry:
                    fail(ed, entry, "a resource tip entry takes no origin or region")
                continue
            for key, kind in (("origin", TEXT), ("region", REGION)):
                if key not in entry:
                    fail(ed, entry, f"callout entry of a {c['type']} box: expected `{key}` ({kind.expected})")


def _check_front_matter(ed):
    fm = ed["front_matter"]
    if "title" in fm and fm["title"] not in fm["headings"]:
        fail(ed, fm, f"front matter title {fm['title']!r}: expected one of its headings "
                     f"({', '.join(map(repr, fm['headings']))})", "title")


# The printed number of a misprinted cross-reference ("paragraph 52"), which `link_to` replaces.
MISPRINTED_PARAGRAPH = re.compile(r"paragraphs?\s+(\d+)")


def _check_misprints(ed):
    for m in ed.get("misprints") or ():
        if m.get("link_to") is not None:
            printed = MISPRINTED_PARAGRAPH.search(m["at"])
            if printed is None or int(printed.group(1)) == m["link_to"]:
                fail(ed, m, f"misprint with link_to {m['link_to']}: expected `at` to hold the misprinted "
                            f"\"paragraph N\" (N not {m['link_to']}), found {m['at']!r}", "at")
        if m.get("article_to") is not None and parse_provision(m["article_to"]) is None:
            fail(ed, m, f"misprint: expected `article_to` to be a provision of the Optional Protocol such as "
                        f"\"3 (1) (a) (ii)\", found {m['article_to']!r}", "article_to")

