"""This online edition's own version and date (content/edition.yaml), and its published address.

Citations, the download page, data/report.json and the offline zip all say which edition they are of;
the date is the edition's, never the build machine's clock or the last git commit's.
"""

import datetime
import re
from dataclasses import dataclass

from .errors import ContentError, load_with_lines, misread, misread_line, parse_yaml, read_utf8

VERSION = re.compile(r"^\d+(?:\.\d+){0,2}$")


@dataclass(frozen=True)
class Edition:
    version: str  # "1.1"
    date: str  # ISO date of the edition: "2026-11-29"
    url: str = ""  # the site's published address, ending in "/" (mkdocs.yml site_url); "" when unknown
    history: tuple = ()  # ((version, date, what), ...), newest first

    def address(self, path):
        """The published address of a page of the site ("paragraphs/42/"), or the path itself without one."""
        return self.url + path if self.url else path


def read_edition(path):
    text = read_utf8(path, "the edition file")
    data = parse_yaml(path, text, load_with_lines)
    if not isinstance(data, dict):
        raise ContentError(path, 1, "expected a mapping with `version` and `date`")
    version, date = data.get("version", ""), data.get("date")
    if not isinstance(version, str):  # YAML reads 1.10 as the number 1.1
        raise ContentError(path, _line(text, "version"), f"`version` must be text in quotes, like \"1.1\"{misread(data, ['version'])}")
    if not VERSION.match(version):
        raise ContentError(path, _line(text, "version"), f"`version` must be like 1.1, not {version!r}")
    if not isinstance(date, datetime.date):
        raise ContentError(path, _line(text, "date"), f"`date` must be a date like 2026-11-29, not {date!r}")
    history = []
    for item in data.get("history") or []:
        if not (isinstance(item, dict) and isinstance(item.get("date"), datetime.date)
                and isinstance(item.get("version"), str) and isinstance(item.get("what"), str) and item["what"].strip()):
            raise ContentError(path, misread_line(item, ["version", "what"]) or _line(text, "history"),
                               "each `history` entry needs `version` (text in quotes), "
                               "`date` and `what` (text)" + misread(item, ["version", "what"]))
        history.append((item["version"], item["date"].isoformat(), " ".join(item["what"].split())))
    if history and history[0][:2] != (version, date.isoformat()):
        raise ContentError(path, _line(text, "history"), "the first `history` entry must be this version and date")
    return Edition(version, date.isoformat(), "", tuple(history))


# What an address may not hold as it is: white space, control characters and what ends an HTML attribute or
# starts a tag. Percent-encoded, the address still leads where it did.
UNSAFE_IN_URL = re.compile(r'[\x00-\x20\x7f-\x9f"<>`{}|\\^]')


def checked_site_url(site_url, where="mkdocs.yml site_url (SITE_URL)"):
    """The address the site is published at, made safe wherever it lands (attributes, text, JSON): an http or
    https address, its unsafe characters percent-encoded; a ContentError for any other kind of address."""
    if not site_url:
        return site_url
    if not re.match(r"(?i)https?://[^/\s]", site_url):
        raise ContentError(where, 0, f"expected an http:// or https:// address, not {site_url!r}")
    return UNSAFE_IN_URL.sub(lambda m: "".join(f"%{b:02X}" for b in m.group(0).encode("utf-8")), site_url)


def site_address(site_url):
    """mkdocs.yml's site_url as the edition's address: ending in "/" ("" when not set)."""
    if not site_url:
        return ""
    return site_url if site_url.endswith("/") else site_url + "/"


def _line(text, key):
    for i, line in enumerate(text.splitlines(), 1):
        if line.startswith(key + ":"):
            return i
    return 1
