"""This online edition's own version and date (content/edition.yaml), and its published address.

Citations, the download page, data/report.json and the offline zip all say which edition they are of;
the date is the edition's, never the build machine's clock or the last git commit's.
"""

import datetime
import re
from dataclasses import dataclass

from .errors import ContentError, parse_yaml, read_utf8

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
    data = parse_yaml(path, text)
    if not isinstance(data, dict):
        raise ContentError(path, 1, "expected a mapping with `version` and `date`")
    version, date = str(data.get("version", "")), data.get("date")
    if not VERSION.match(version):
        raise ContentError(path, _line(text, "version"), f"`version` must be like 1.1, not {version!r}")
    if not isinstance(date, datetime.date):
        raise ContentError(path, _line(text, "date"), f"`date` must be a date like 2026-11-29, not {date!r}")
    history = []
    for item in data.get("history") or []:
        if not (isinstance(item, dict) and isinstance(item.get("date"), datetime.date) and item.get("what")):
            raise ContentError(path, _line(text, "history"), "each `history` entry needs `version`, `date` and `what`")
        history.append((str(item.get("version")), item["date"].isoformat(), " ".join(str(item["what"]).split())))
    if history and history[0][:2] != (version, date.isoformat()):
        raise ContentError(path, _line(text, "history"), "the first `history` entry must be this version and date")
    return Edition(version, date.isoformat(), "", tuple(history))


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
