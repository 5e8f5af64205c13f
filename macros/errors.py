"""One error type for bad input, so every failure names the file and the line."""

import re

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

    def __init__(self, path, line, message):
        self.path = str(path)
        self.line = line
        self.message = " ".join(str(message).split())
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {self.message}")


def read_utf8(path, what):
    """The text of one of our input files, or a ContentError naming the file (and the line of a bad byte).
    A byte-order mark (an editor's, on saving) is the encoding's signature, not text: it is dropped."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ContentError(path, 0, f"cannot read {what}: {exc.strerror}") from exc
    try:
        text = data.decode("utf-8").removeprefix(BOM)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ContentError(path, line, f"{what} is not UTF-8: byte 0x{data[exc.start]:02x}") from exc
    check_controls(path, text, what)
    return text


def check_controls(path, text, what):
    """A ContentError at the line of the first control character of `text`."""
    m = CONTROL.search(text)
    if m:
        line = text[:m.start()].count("\n") + 1
        raise ContentError(path, line, f"{what} holds a control character (U+{ord(m.group()):04X}); expected text")


class LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """YAML's safe loader (libyaml's where PyYAML has it) whose mappings know their line (`__line__`) and
    those of their keys (`__lines__`)."""


def _mapping_with_line(loader, node):
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    mapping["__lines__"] = {k.value: k.start_mark.line + 1 for k, _ in node.value if isinstance(k, yaml.ScalarNode)}
    return mapping


def line_of(mapping, key=None):
    """The line of `key` in a mapping LineLoader read (of the mapping itself without one, or not known)."""
    if not isinstance(mapping, dict):
        return 0
    return mapping.get("__lines__", {}).get(key) or mapping.get("__line__", 0)


LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)


def load_with_lines(text):
    return yaml.load(text, Loader=LineLoader)


def misread(mapping, keys=None):
    """What YAML made of a value of `mapping` meant as text (`keys`: those meant as text, all by default): a
    date (2019-09-10), a number (1.10), true/false (yes, no); "" if none. For the end of an error message."""
    key, v = _misread(mapping, keys)
    if key is None:
        return ""
    kind = "a date" if hasattr(v, "isoformat") else "true/false" if isinstance(v, bool) else "a number"
    return f"; YAML reads `{key}: {v}` as {kind}: put text in quotes"


def misread_line(mapping, keys=None):
    """The line of the value misread() speaks of (of the mapping if none)."""
    return line_of(mapping, _misread(mapping, keys)[0])


def _misread(mapping, keys):
    for key, value in (mapping.items() if isinstance(mapping, dict) else ()):
        if keys is not None and key not in keys or str(key).startswith("__"):
            continue
        for v in value if isinstance(value, list) else [value]:
            if v is not None and not isinstance(v, (str, list, dict)):
                return key, v
    return None, None


def parse_yaml(path, text, parse=yaml.safe_load):
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
        if node:
            raise ContentError(path, node.start_mark.line + 1, "an escape here makes a control character "
                               f"(U+{ord(CONTROL.search(node.value).group()):04X}); expected text")
    return data


def _unreadable(node):
    """Whether YAML's safe constructor refuses this scalar (a date with month 13)."""
    try:
        yaml.SafeLoader("").construct_object(node)
    except (ValueError, TypeError, OverflowError, yaml.YAMLError):
        return True
    return False


def _scalar(text, test):
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
