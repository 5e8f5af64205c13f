"""The themes of this edition (content/themes.yaml): a small reviewed vocabulary, each theme with its scope
note, the paragraphs it covers and the boxes it adds; every paragraph on at least one theme, every theme on
at least one paragraph. A box takes its paragraph's themes (the report set it there for that paragraph), and
those content/themes.yaml adds to it. Its pages are macros/pages/themes.py's."""

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import ContentError, parse_yaml, read_utf8
from .model import Report

FILE = "themes.yaml"  # in the folder of the lists (content/)
ID = re.compile(r"[a-z][a-z0-9-]*")
RANGE = re.compile(r"\s*(\d+)\s*(?:-\s*(\d+)\s*)?")


@dataclass(frozen=True)
class Theme:
    id: str  # its page: themes/<id>/ (macros/pages/paths.py)
    title: str
    scope: str  # one line: what it covers
    paragraphs: tuple[int, ...]
    boxes: tuple[tuple[int, str, str], ...]  # (paragraph, box id, why) of the boxes it adds beyond its paragraphs'
    reasons: tuple[tuple[int, str], ...]  # (paragraph, why it is on this theme), where its title does not say


@dataclass(frozen=True)
class Themes:
    themes: tuple[Theme, ...]

    def of_paragraph(self, number: int) -> tuple[Theme, ...]:
        return tuple(t for t in self.themes if number in t.paragraphs)

    def of_box(self, number: int, box: str) -> tuple[Theme, ...]:
        return tuple(t for t in self.themes if number in t.paragraphs or (number, box) in {b[:2] for b in t.boxes})

    def by_id(self, theme: str) -> Theme:
        return next(t for t in self.themes if t.id == theme)


def numbers(text: str) -> tuple[int, ...] | None:
    """"1, 2, 37-42" → (1, 2, 37, 38, 39, 40, 41, 42); None for anything else."""
    out: list[int] = []
    for part in text.split(","):
        m = RANGE.fullmatch(part)
        if not m:
            return None
        a, z = int(m.group(1)), int(m.group(2) or m.group(1))
        if z < a:
            return None
        out.extend(range(a, z + 1))
    return tuple(out)


def read_themes(path: Path, report: Report) -> Themes:
    """content/themes.yaml, checked against the report: a ContentError at the line of a bad entry."""
    text = read_utf8(path, "the themes file")
    root = parse_yaml(path, text, yaml.compose)
    if not isinstance(root, yaml.SequenceNode) or not root.value:
        raise ContentError(path, 1, "expected a list of themes {id, title, scope, paragraphs}")
    out = [_theme(path, node, report) for node in root.value]
    ids = [t.id for t in out]
    if len(set(ids)) != len(ids):
        raise ContentError(path, 1, f"theme ids must differ: {sorted(i for i in ids if ids.count(i) > 1)[0]!r} twice")
    missing = [p.number for p in report.paragraphs if not any(p.number in t.paragraphs for t in out)]
    if missing:
        raise ContentError(path, 1, f"every paragraph needs a theme: paragraph {missing[0]} has none")
    return Themes(tuple(out))


def _theme(path: Path, node: yaml.Node, report: Report) -> Theme:
    line = node.start_mark.line + 1
    item = yaml.safe_load(yaml.serialize(node))
    keys = set(item) if isinstance(item, dict) else set()
    if not ({"id", "title", "scope", "paragraphs"} <= keys <= {"id", "title", "scope", "paragraphs", "reasons", "boxes"}):
        raise ContentError(path, line, "a theme needs `id`, `title`, `scope` and `paragraphs`; `reasons` and "
                                       "`boxes` may follow, nothing else")
    if not (isinstance(item["id"], str) and ID.fullmatch(item["id"])):
        raise ContentError(path, line, f"`id` must be lower-case letters, digits and dashes, not {item['id']!r}")
    if not all(isinstance(item[k], str) and item[k].strip() for k in ("title", "scope")):
        raise ContentError(path, line, "`title` and `scope` must be text")
    known = {p.number for p in report.paragraphs}
    ns = numbers(str(item["paragraphs"]))
    if not ns or not set(ns) <= known:
        raise ContentError(path, line, f"`paragraphs` must be paragraph numbers and ranges (\"1, 37-42\"), "
                                       f"not {item['paragraphs']!r}")
    reasons = item.get("reasons") or {}
    if not (isinstance(reasons, dict) and all(n in ns and isinstance(r, str) for n, r in reasons.items())):
        raise ContentError(path, line, "`reasons` maps paragraphs of the theme to why they are on it")
    boxes = []
    for box in item.get("boxes") or []:
        ok = isinstance(box, dict) and set(box) == {"paragraph", "box", "reason"} and box["paragraph"] in known
        if not ok or box["box"] not in {c.id for c in report.paragraph(box["paragraph"]).callouts}:
            raise ContentError(path, line, f"each of `boxes` is {{paragraph, box, reason}}, a box of that paragraph: {box!r}")
        boxes.append((box["paragraph"], box["box"], " ".join(str(box["reason"]).split())))
    return Theme(item["id"], item["title"].strip(), " ".join(item["scope"].split()), ns, tuple(boxes),
                 tuple(sorted(reasons.items())))
