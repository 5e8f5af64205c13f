"""Read the report text and refuse anything that is not the whole of it."""

import hashlib
from dataclasses import dataclass
from pathlib import Path

from .errors import BOM, ContentError, check_controls

# The report runs to well over four thousand lines; anything far shorter is a
# truncated copy, and parsing it would silently drop chapters.
MIN_LINES = 1000


@dataclass(frozen=True)
class Source:
    path: str
    lines: tuple[str, ...]  # line texts without newline; index 0 is line 1
    sha256: str

    def line(self, number: int) -> str:
        return self.lines[number - 1]


def read_source(path: str | Path, min_lines: int = MIN_LINES) -> Source:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ContentError(path, 0, f"cannot read the report text: {exc.strerror}") from exc
    return parse_source(data, path, min_lines)


def parse_source(data: bytes, path: str | Path, min_lines: int = MIN_LINES) -> Source:
    if not data.strip():
        raise ContentError(path, 1, "the report text is empty; expected the extracted report")
    try:
        # A byte-order mark (an editor's, on saving) is the encoding's signature, not a character of the report.
        text = data.decode("utf-8").removeprefix(BOM)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ContentError(
            path, line, f"byte 0x{data[exc.start]:02x} is not UTF-8; expected UTF-8 text"
        ) from exc
    check_controls(path, text, "the report text")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    lines = [line.rstrip("\r") for line in lines]
    if len(lines) < min_lines:
        raise ContentError(
            path, len(lines),
            f"the report text ends after {len(lines)} lines; expected at least {min_lines} (truncated?)",
        )
    return Source(str(path), tuple(lines), hashlib.sha256(data).hexdigest())
