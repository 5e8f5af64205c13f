"""From claimed stretches of lines to reflowed blocks of text.

Lines are joined into paragraphs, words hyphenated across a line end are
rejoined ("informa- tion") unless the report writes them with a hyphen
elsewhere ("long-term"), and lists stay lists.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import NamedTuple, Sequence

from .ids import Series
from .model import Block, BlockKind, Ref
from .sheet import Position, Span

MARK_OPEN, MARK_CLOSE = "\ue000", "\ue001"
MARK = re.compile(MARK_OPEN + r"([rg])(\d+)" + MARK_CLOSE)
LIST_ITEM = re.compile(r"^(\((?:[a-z]|[ivx]{1,4}|\d{1,2})\)|[a-z]\)|[a-h]\.|\d{1,2}\.|•|–|-)\s+(?=\S)")
SENTENCE_END = re.compile(r"""[.!?:;”"’)]\s*$""")
URL_OPEN = re.compile(r"(?:https?://|www\.)\S*(?:[/._\-=?&%#]|%[0-9A-Fa-f]{2})$")
URL_AT_END = re.compile(r"(?:https?://|www\.)\S*$")
# A line that is one unbroken token of URL characters finishes the link above it.
URL_REST = re.compile(r"\S*[/%:_=&?#]\S*")
# Prefixes the report writes with a hard hyphen even where no other use of
# the compound decides it.
HARD_PREFIXES = {"non", "self", "long", "short", "cross", "co", "well", "child", "gender", "age", "low",
                 "high", "multi", "inter", "pre", "post", "anti", "ex", "semi", "sub", "over", "under",
                 "so", "peer", "full", "part", "case", "rights", "evidence", "trauma", "one", "two", "first"}


class Mark(NamedTuple):
    """A footnote marker among a block's pieces; its digits are the footnote's, not the block's."""
    series: Series
    number: int
    span: Span


class Gap(NamedTuple):
    """What parts two pieces of one run: blank lines, or text of another owner (a footnote, furniture)."""
    kind: str


BLANK, OTHER = Gap("blank"), Gap("other")
# A block is made of pieces: Spans of its own text, and Marks; a run of text also holds Gaps.
BlockPiece = Span | Mark
Piece = Span | Mark | Gap


@lru_cache(maxsize=4)
def _word_counts(lines: tuple[str, ...]) -> tuple[Counter[str], Counter[str]]:
    plain: Counter[str] = Counter()
    hyphened: Counter[str] = Counter()
    for text in lines:
        for w in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)+|[^\W\d_]+", text):
            (hyphened if "-" in w else plain)[w.lower()] += 1
    return plain, hyphened


def join_hyphen(source_lines: tuple[str, ...], before: str, after: str) -> bool:
    """Whether `before-` + `after` across a line end keeps its hyphen."""
    plain, hyphened = _word_counts(source_lines)
    left = re.search(r"([^\W\d_]+)-$", before)
    right = re.match(r"[^\W\d_]+", after)
    if not left or not right or not after[:1].islower():
        return True
    a, b = left.group(1).lower(), right.group(0).lower()
    with_h, without = hyphened[f"{a}-{b}"], plain[a + b]
    if with_h != without:
        return with_h > without
    # "ring-" of "ring-fencing": the report writes "ring-fence" elsewhere.
    return a in HARD_PREFIXES or any(w.startswith(a + "-") for w in hyphened)


def assemble(source_lines: tuple[str, ...], pieces: Sequence[BlockPiece]) -> str:
    """Text of one block from its pieces."""
    out, prev = "", None  # prev: where the last piece ends, to keep the spacing of one printed line
    for piece in pieces:
        if isinstance(piece, Mark):
            out += f"{MARK_OPEN}{piece.series[0]}{piece.number}{MARK_CLOSE}"
            prev = Position(piece.span.line, piece.span.end)
            continue
        line, s, e = piece
        text = " ".join(source_lines[line - 1][s:e].split())
        # Its last word, where a link or a word may be unfinished (the text's only white space is one space):
        # looked at alone, not the whole text again at every piece.
        last = out[out.rfind(" ") + 1:]
        if not out:
            out = text
        elif prev and prev.line == line:
            # Same printed line: keep the spacing the report had.
            gap = source_lines[line - 1][prev.col:s]
            out += (" " if gap[:1].isspace() or gap[-1:].isspace() else "") + text
        elif URL_OPEN.search(last) or re.search(r"[^\W_]/$", last) \
                or (URL_AT_END.search(last) and URL_REST.fullmatch(text)):
            out += text  # a link or "and/or", "CRC/C/…" broken over two lines
        elif re.search(r"[^\W\d_]-$", last) and not out.endswith(" -"):
            out = out + text if join_hyphen(source_lines, last, text) else out[:-1] + text
        else:
            out += " " + text
        prev = Position(line, e)
    return out


def is_list_start(text: str) -> bool:
    return bool(LIST_ITEM.match(text))


def ends_sentence(text: str) -> bool:
    return bool(SENTENCE_END.search(MARK.sub("", text)))


def make_block(source_lines: tuple[str, ...], pieces: Sequence[BlockPiece], kind: BlockKind | None = None) -> Block:
    text = assemble(source_lines, pieces)
    # Marker digits are accounted for by their footnote, not by the block.
    spans = _texts(pieces)
    lines = [s.line for s in spans]
    marker = None
    if kind is None:
        m = LIST_ITEM.match(text)
        if m:
            kind, marker = "li", m.group(1)
        elif text.startswith("“") and text.rstrip(" .").endswith("”"):
            kind = "quote"
        else:
            kind = "p"
    plain, refs = split_marks(text)
    return Block(kind, plain, (min(lines), max(lines)), tuple(sorted(spans)), tuple(refs), (), marker)


def split_marks(text: str) -> tuple[str, list[Ref]]:
    refs: list[Ref] = []
    out: list[str] = []
    pos = 0
    for m in MARK.finditer(text):
        out.append(text[pos:m.start()])
        offset = sum(len(x) for x in out)
        refs.append(Ref("report" if m.group(1) == "r" else "guideline", int(m.group(2)), offset))
        pos = m.end()
    out.append(text[pos:])
    return "".join(out), refs


def split_blocks(source_lines: tuple[str, ...], pieces_with_gaps: Sequence[Piece]) -> list[list[BlockPiece]]:
    """Cut a run of pieces into blocks.

    A gap ends a block unless the sentence is left open and the next piece
    does not start a list.
    """
    blocks: list[list[BlockPiece]] = []
    current: list[BlockPiece] = []
    gap: Gap | None = None
    for piece in pieces_with_gaps:
        if isinstance(piece, Gap):
            gap = gap or piece
            continue
        if isinstance(piece, Span):
            text = _text(source_lines, piece).strip()
            at_line_start = not source_lines[piece.line - 1][:piece.start].strip()
            # A marker opens an item only where a list can start or go on:
            # "(1) of the Optional Protocol" mid-sentence is not one.
            new_item = at_line_start and is_list_start(text) and bool(current) and (
                gap is not None or _last_text(source_lines, current).endswith(":")
                or (_last_text(source_lines, current).endswith((";", ".")) and _opens_item(source_lines, current)))
            # A new PDF page (its first line starts with a space) after a
            # finished sentence starts a new paragraph too.
            page_break = at_line_start and piece.start <= 1 and source_lines[piece.line - 1][:1] == " "
            if current and (new_item or ((gap or page_break) and _closes(source_lines, current, text))):
                blocks.append(current)
                current = []
        current.append(piece)
        gap = None
    if current:
        blocks.append(current)
    return blocks


def _texts(pieces: Sequence[Piece]) -> list[Span]:
    return [p for p in pieces if isinstance(p, Span)]


def first_text(pieces: Sequence[Piece]) -> Span:
    return next(p for p in pieces if isinstance(p, Span))


def _text(source_lines: tuple[str, ...], span: Span) -> str:
    return source_lines[span.line - 1][span.start:span.end]


def _last_text(source_lines: tuple[str, ...], pieces: Sequence[Piece]) -> str:
    return _text(source_lines, _texts(pieces)[-1]).rstrip()


def _opens_item(source_lines: tuple[str, ...], pieces: Sequence[Piece]) -> bool:
    return is_list_start(_text(source_lines, first_text(pieces)).strip())


def _closes(source_lines: tuple[str, ...], pieces: Sequence[Piece], next_text: str) -> bool:
    text = _text(source_lines, _texts(pieces)[-1])
    if re.search(r"[^\W\d_]-$", text.rstrip()):
        return False
    if ends_sentence(text):
        return True
    # An open sentence resumes after a page break in lower case.
    return not next_text[:1].islower()


def first_words(text: str, count: int) -> str:
    """The first `count` words of a text, white space squashed, and "…" if there are more."""
    words = text.split()
    return " ".join(words[:count]) + (" …" if len(words) > count else "")
