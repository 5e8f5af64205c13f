"""One error type for bad input, so every failure names the file and the line."""

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

BOM = "\ufeff"
# Control characters (tab, line feed and carriage return aside): no text of the edition holds one, and
# wherever they landed (HTML, the sitemap's XML, a citation) they would be invisible or invalid.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# A YAML escape in double quotes that could make one ("\a", "\x07", "\u0085").
_CONTROL_ESCAPE = re.compile(r'\\(?:[0abvfeN_LP]|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8})')


class ContentError(Exception):
    """Input that the pipeline cannot turn into a faithful model.

    The build must stop rather than publish a half-built site, so every
    check raises this with the file, the 1-based line and what was expected:
    one line, whatever the message quotes (its white space is squashed).
    """

    def __init__(self, path: object, line: int, message: object) -> None:
        self.path = str(path)
        self.line = line
        self.message = " ".join(str(message).split())
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {self.message}")


def read_utf8(path: str | Path, what: str) -> str:
    """The text of one of our input files, or a ContentError naming the file (and the line of a bad byte).
    A byte-order mark (an editor's, on saving) is the encoding's signature, not text: it is dropped."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ContentError(path, 0, f"cannot read {what}: {exc.strerror}") from exc
    try:
        text = data.decode("utf-8").removeprefix(BOM)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ContentError(path, line, f"{what} is not UTF-8: byte 0x{data[exc.start]:02x}") from exc
    check_controls(path, text, what)
    return text


def check_controls(path: str | Path, text: str, what: str) -> None:
    """A ContentError at the line of the first control character of `text`."""
    m = CONTROL.search(text)
    if m:
        line = text[:m.start()].count("\n") + 1
        raise ContentError(path, line, f"{what} holds a control character (U+{ord(m.group()):04X}); expected text")


def parse_yaml(path: str | Path, text: str, parse: Callable[[str], Any] = yaml.safe_load) -> Any:
    """`parse(text)` of one of our YAML files. Invalid YAML is a ContentError at its line, in one line; so is a
    value YAML cannot read as what it looks like (an impossible date: 2026-13-45)."""
    try:
        data = parse(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        context = getattr(exc, "context_mark", None)
        if context and "quoted scalar" in str(getattr(exc, "context", "")):
            mark = context  # an unclosed quotation: where it opens, not where YAML gave up
        what = " ".join(str(part) for part in (getattr(exc, "context", None), getattr(exc, "problem", None))
                        if part) or str(exc).splitlines()[0]
        column = f" (column {mark.column + 1})" if mark else ""
        raise ContentError(path, mark.line + 1 if mark else 0, f"invalid YAML: {what}{column}") from None
    except (ValueError, TypeError, OverflowError) as exc:
        node = _scalar(text, _unreadable)
        line = node.start_mark.line + 1 if node else 0
        value = f"“{node.value}”" if node else "a value"
        raise ContentError(path, line, f"{value} is not a valid date or number ({exc}): correct it, or put it in "
                           "quotes if it is text") from None
    if _CONTROL_ESCAPE.search(text):
        node = _scalar(text, lambda n: CONTROL.search(n.value))
        control = CONTROL.search(node.value) if node else None
        if node and control:
            raise ContentError(path, node.start_mark.line + 1, "an escape here makes a control character "
                               f"(U+{ord(control.group()):04X}); expected text")
    return data


def _unreadable(node: yaml.ScalarNode) -> bool:
    """Whether YAML's safe constructor refuses this scalar (a date with month 13)."""
    try:
        yaml.SafeLoader("").construct_object(node)
    except (ValueError, TypeError, OverflowError, yaml.YAMLError):
        return True
    return False


def _scalar(text: str, test: Callable[[yaml.ScalarNode], object]) -> yaml.ScalarNode | None:
    """The first scalar node of `text` that passes `test`, or None."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop(0)
        if isinstance(node, yaml.ScalarNode):
            if test(node):
                return node
        elif isinstance(node, yaml.SequenceNode):
            stack[:0] = node.value
        elif isinstance(node, yaml.MappingNode):
            stack[:0] = [n for pair in node.value for n in pair]
    return None
