"""The reviewed editorial file: what no rule can decide, with its line numbers.

Each mapping read from the YAML keeps the line it starts on (``__line__``), so
an anchor that no longer matches the report is reported at its own line of
``content/editorial.yaml``.
"""

from pathlib import Path

import yaml

from .errors import ContentError, parse_yaml, read_utf8

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
CALLOUT_TYPES = (
    "resource_tip", "good_practice", "regional_good_practice", "iwg_advice", "case_law", "definition",
)
REGIONS = ("Africa", "Americas", "Asia-Pacific", "Europe", "Middle East", "International")


# libyaml's loader where PyYAML has it: the pure-Python one takes half the parse time.
class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    pass


def _mapping_with_line(loader, node, deep=False):
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
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


def fail(ed, item, message):
    raise ContentError(ed["__path__"], item.get("__line__", 0) if isinstance(item, dict) else 0, message)


def _require(ed, item, key, kind):
    if key not in item or not isinstance(item[key], kind):
        name = kind.__name__ if isinstance(kind, type) else "/".join(k.__name__ for k in kind)
        fail(ed, item, f"expected `{key}` ({name})")
    return item[key]


def validate(ed):
    """Shape checks; whether anchors match the text is checked where they are used."""
    for key in ("chapters", "sections", "paragraphs", "callouts", "guideline_footnotes", "front_matter"):
        if key not in ed:
            fail(ed, ed, f"missing section `{key}`")
    for ch in ed["chapters"]:
        if _require(ed, ch, "number", str) not in ROMAN:
            fail(ed, ch, f"chapter number {ch['number']!r} is not one of I–X")
        _require(ed, ch, "title", str)
    numbers = [ch["number"] for ch in ed["chapters"]]
    if numbers != ROMAN:
        fail(ed, ed["chapters"][0] if ed["chapters"] else ed, f"expected chapters I–X in order, found {numbers}")
    expected = 1
    for p in ed["paragraphs"]:
        n = _require(ed, p, "n", int)
        if n != expected:
            fail(ed, p, f"expected paragraph {expected}, found {n} (numbers must run 1–113 in order)")
        expected += 1
        _require(ed, p, "title", str)
        if p.get("chapter") not in numbers:
            fail(ed, p, f"paragraph {n}: unknown chapter {p.get('chapter')!r}")
        parts = _require(ed, p, "parts", list)
        if not parts:
            fail(ed, p, f"paragraph {n}: expected at least one part")
        for part in parts:
            _require(ed, part, "start", str)
            _require(ed, part, "end", str)
    if expected != 114:
        fail(ed, ed["paragraphs"][-1] if ed["paragraphs"] else ed,
             f"expected 113 paragraphs, found {expected - 1}")
    for m in ed.get("misprints") or ():
        for key in ("at", "means", "why"):
            _require(ed, m, key, str)
        if "link_to" in m and not (isinstance(m["link_to"], int) and 1 <= m["link_to"] <= 113):
            fail(ed, m, "`link_to` must be a paragraph number, 1–113")
    for c in ed["callouts"]:
        if c.get("type") not in CALLOUT_TYPES:
            fail(ed, c, f"callout type {c.get('type')!r} is not one of {', '.join(CALLOUT_TYPES)}")
        _require(ed, c, "paragraph", int)
        for entry in c.get("entries") or ():
            _require(ed, entry, "start", str)
            if c["type"] == "resource_tip":
                # Resources have no origin; entries only group a resource with its description.
                if "origin" in entry or "region" in entry:
                    fail(ed, entry, "a resource tip entry takes no origin or region")
                continue
            _require(ed, entry, "origin", str)
            if entry.get("region") not in REGIONS:
                fail(ed, entry, f"region {entry.get('region')!r} is not one of {', '.join(REGIONS)}")
