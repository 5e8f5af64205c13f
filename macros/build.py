"""Where the content lives, and one parse per change of it."""

from pathlib import Path

from dataclasses import replace

from .edition import read_edition, site_address
from .extract import build_report

SOURCE = "content/explanatory-report.txt"
EDITORIAL = "content/editorial.yaml"
PERMALINKS = "content/permalinks.tsv"
EDITION = "content/edition.yaml"
INSTRUMENTS = "content/instruments.yaml"
TERMINOLOGY = "content/terminology.yaml"

_cache = {}


def load_report(root):
    root = Path(root)
    paths = (root / SOURCE, root / EDITORIAL, root / PERMALINKS)
    # `mkdocs serve` calls this on every rebuild; parse again only when content/ changed.
    key = tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) if p.exists() else (str(p), None, None)
                for p in paths)
    if key not in _cache:
        _cache.clear()
        _cache[key] = build_report(*paths)
    return _cache[key]


def load_edition(root, site_url):
    """This edition's record, with the address it is published at (mkdocs.yml site_url)."""
    return replace(read_edition(Path(root) / EDITION), url=site_address(site_url))
