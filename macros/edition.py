"""This online edition's own version and date (content/edition.yaml), and its published address.

Citations, the download page, data/report.json and the offline zip all say which edition they are of;
the date is the edition's, never the build machine's clock or the last git commit's.
"""

import datetime
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from .errors import ContentError
from .schema import Kind, Record, load

VERSION = re.compile(r"^\d+(?:\.\d+){0,2}$")


@dataclass(frozen=True)
class Edition:
    version: str  # "1.1"
    date: str  # ISO date of the edition: "2026-11-29"
    url: str = ""  # the site's published address, ending in "/" (mkdocs.yml site_url); "" when unknown
    history: tuple[tuple[str, str, str], ...] = ()  # ((version, date, what), ...), newest first

    def address(self, path: str) -> str:
        """The published address of a page of the site ("paragraphs/42/"), or the path itself without one."""
        return self.url + path if self.url else path


def _version(v: Any) -> bool:
    return isinstance(v, str) and bool(VERSION.match(v))  # YAML reads 1.10 as the number 1.1


VersionText = Annotated[str, Kind('text in quotes, like "1.1"', _version)]


@dataclass(frozen=True)
class _Entry(Record):
    NAME = "history entry"
    version: VersionText
    date: datetime.date
    what: Annotated[str, Kind("text", lambda v: isinstance(v, str) and bool(v.strip()))]


@dataclass(frozen=True)
class _File(Record):
    NAME = "edition"
    version: VersionText
    date: datetime.date
    history: tuple[_Entry, ...] = ()


def read_edition(path: Path) -> Edition:
    """content/edition.yaml; the first entry of its history is this version and date."""
    data = load(Path(path), _File, "the edition file")
    history = tuple((e.version, e.date.isoformat(), " ".join(e.what.split())) for e in data.history)
    if history and history[0][:2] != (data.version, data.date.isoformat()):
        raise data.error("the first `history` entry must be this version and date", "history")
    return Edition(data.version, data.date.isoformat(), "", history)


# What an address may not hold as it is: white space, control characters and what ends an HTML attribute or
# starts a tag. Percent-encoded, the address still leads where it did.
UNSAFE_IN_URL = re.compile(r'[\x00-\x20\x7f-\x9f"<>`{}|\\^]')


def checked_site_url(site_url: str | None, where: str = "mkdocs.yml site_url (SITE_URL)") -> str | None:
    """The address the site is published at, made safe wherever it lands (attributes, text, JSON): an http or
    https address, its unsafe characters percent-encoded; a ContentError for any other kind of address."""
    if not site_url:
        return site_url
    if not re.match(r"(?i)https?://[^/\s]", site_url):
        raise ContentError(where, 0, f"expected an http:// or https:// address, not {site_url!r}")
    return UNSAFE_IN_URL.sub(lambda m: "".join(f"%{b:02X}" for b in m.group(0).encode("utf-8")), site_url)


def site_address(site_url: str | None) -> str:
    """mkdocs.yml's site_url as the edition's address: ending in "/" ("" when not set)."""
    if not site_url:
        return ""
    return site_url if site_url.endswith("/") else site_url + "/"

