"""The themes of this edition (content/themes.yaml): a small reviewed vocabulary, each theme with its scope note,
the paragraphs it covers and the boxes it adds; every paragraph on at least one theme, every theme on at least
one paragraph. A box takes its paragraph's themes (the report set it there for that paragraph), and those
content/themes.yaml adds to it. The file is read by the one line-aware loader (macros/schema.py); its pages
are macros/pages/themes.py's."""

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from .errors import ContentError
from .model import Report
from .schema import Kind, Record, load_all, optional

FILE = "themes.yaml"  # in the folder of the lists (content/)
ID = re.compile(r"[a-z][a-z0-9-]*")
RANGE = re.compile(r"\s*(\d+)\s*(?:-\s*(\d+)\s*)?")


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


def _text(v: Any) -> bool:
    return isinstance(v, str) and bool(v.strip())


def _reasons(v: Any) -> bool:
    return isinstance(v, dict) and all(isinstance(n, int) and _text(r) for n, r in v.items())


Id = Annotated[str, Kind("lower-case letters, digits and dashes", lambda v: isinstance(v, str) and bool(ID.fullmatch(v)))]
Text = Annotated[str, Kind("text", _text)]
Numbers = Annotated[str | int, Kind('paragraph numbers and ranges ("1, 37-42")',
                                    lambda v: isinstance(v, (str, int)) and bool(numbers(str(v))))]
Reasons = Annotated[Any, Kind("a mapping of the theme's paragraphs to why each is on it", _reasons)]


@dataclass(frozen=True)
class BoxEntry(Record):
    """A box a theme adds beyond its paragraphs'."""
    NAME = "box"
    paragraph: int
    box: str  # its anchor on its paragraph's page: "good-practice-1"
    reason: Text


@dataclass(frozen=True)
class ThemeEntry(Record):
    """A theme as content/themes.yaml gives it."""
    NAME = "theme"
    id: Id
    title: Text
    scope: Text
    paragraphs: Numbers
    reasons: Reasons | None = optional()  # {paragraph: why it is on this theme}, where its title does not say
    boxes: tuple[BoxEntry, ...] = ()


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
        return tuple(t for t in self.themes if number in t.paragraphs or any(b[:2] == (number, box) for b in t.boxes))

    def by_id(self, theme: str) -> Theme:
        return next(t for t in self.themes if t.id == theme)


def read_themes(path: Path, report: Report) -> Themes:
    """content/themes.yaml, checked against the report: a ContentError at the line of a bad entry."""
    entries = load_all(Path(path), ThemeEntry, "the themes file")
    if not entries:
        raise ContentError(path, 1, "expected a list of themes {id, title, scope, paragraphs}")
    out = [_theme(entry, report) for entry in entries]
    seen: set[str] = set()
    for entry in entries:
        if entry.id in seen:
            raise entry.error(f"theme ids must differ: {entry.id!r} twice", "id")
        seen.add(entry.id)
    missing = [p.number for p in report.paragraphs if not any(p.number in t.paragraphs for t in out)]
    if missing:
        raise ContentError(path, 1, f"every paragraph needs a theme: paragraph {missing[0]} has none")
    return Themes(tuple(out))


def _theme(entry: ThemeEntry, report: Report) -> Theme:
    """The theme of an entry, its paragraphs and boxes the report's."""
    known = {p.number for p in report.paragraphs}
    ns = numbers(str(entry.paragraphs)) or ()
    if not set(ns) <= known:
        raise entry.error(f"theme: `paragraphs` must be paragraphs of the report, 1–{max(known)}, not "
                          f"{entry.paragraphs!r}", "paragraphs")
    reasons = dict(entry.reasons or {})
    if not set(reasons) <= set(ns):
        raise entry.error("theme: `reasons` maps paragraphs of the theme to why they are on it: paragraph "
                          f"{min(set(reasons) - set(ns))} is not among its `paragraphs`", "reasons")
    boxes = []
    for box in entry.boxes:
        if box.paragraph not in known or box.box not in {c.id for c in report.paragraph(box.paragraph).callouts}:
            raise box.error(f"box: paragraph {box.paragraph} has no box {box.box!r}")
        boxes.append((box.paragraph, box.box, " ".join(box.reason.split())))
    return Theme(entry.id, entry.title.strip(), " ".join(entry.scope.split()), ns, tuple(boxes),
                 tuple(sorted((n, " ".join(str(r).split())) for n, r in reasons.items())))
