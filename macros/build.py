"""Where the content lives, and one parse per change of it."""

from dataclasses import dataclass, replace
from pathlib import Path

from .edition import Edition, read_edition, site_address
from .extract import build_report
from .model import Report


@dataclass(frozen=True)
class Content:
    """The files of content/ the build reads (mkdocs.yml, `plugins: - opsc:` options, or the defaults)."""
    source: Path
    editorial: Path
    register: Path
    edition: Path
    instruments: Path
    terminology: Path
    lists: Path  # the folder of articles.yaml, cases.yaml, glossary.yaml, acronyms.yaml

    @classmethod
    def at(cls, root: str | Path, **paths: str) -> "Content":
        """The content of the checkout at `root`; `paths`: options relative to it (the defaults otherwise)."""
        root = Path(root)
        return cls(**{k: root / (paths.get(k) or v) for k, v in DEFAULTS.items()})


# Where each file of content/ is, unless mkdocs.yml's `opsc` options say otherwise (macros/plugin/config.py
# takes its defaults from here).
DEFAULTS = {
    "source": "content/explanatory-report.txt",
    "editorial": "content/editorial.yaml",
    "register": "content/permalinks.tsv",
    "edition": "content/edition.yaml",
    "instruments": "content/instruments.yaml",
    "terminology": "content/terminology.yaml",
    "lists": "content",
}
SOURCE, EDITORIAL, PERMALINKS = DEFAULTS["source"], DEFAULTS["editorial"], DEFAULTS["register"]

_cache: dict[tuple[tuple[str, int | None, int | None], ...], Report] = {}


def load_report(root_or_content: "str | Path | Content") -> Report:
    """The model of the report: from a checkout's root (the default paths) or a Content."""
    content = root_or_content if isinstance(root_or_content, Content) else Content.at(root_or_content)
    paths = (content.source, content.editorial, content.register)
    # `mkdocs serve` calls this on every rebuild; parse again only when content/ changed.
    key = tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) if p.exists() else (str(p), None, None)
                for p in paths)
    if key not in _cache:
        _cache.clear()
        _cache[key] = build_report(*paths)
    return _cache[key]


def load_edition(root_or_content: "str | Path | Content", site_url: str | None) -> Edition:
    """This edition's record, with the address it is published at (mkdocs.yml site_url)."""
    content = root_or_content if isinstance(root_or_content, Content) else Content.at(root_or_content)
    return replace(read_edition(content.edition), url=site_address(site_url))
