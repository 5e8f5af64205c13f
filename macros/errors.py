"""One error type for bad input, so every failure names the file and the line."""

import yaml


class ContentError(Exception):
    """Input that the pipeline cannot turn into a faithful model.

    The build must stop rather than publish a half-built site, so every
    check raises this with the file, the 1-based line and what was expected.
    """

    def __init__(self, path, line, message):
        self.path = str(path)
        self.line = line
        self.message = message
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {message}")


def read_utf8(path, what):
    """The text of one of our input files, or a ContentError naming the file (and the line of a bad byte)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ContentError(path, 0, f"cannot read {what}: {exc.strerror}") from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ContentError(path, line, f"{what} is not UTF-8: byte 0x{data[exc.start]:02x}") from exc


def parse_yaml(path, text, parse=yaml.safe_load):
    """`parse(text)` of one of our YAML files; invalid YAML is a ContentError at its line."""
    try:
        return parse(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ContentError(path, mark.line + 1 if mark else 0, f"invalid YAML: {exc}") from exc
