"""Where the content lives, and one parse per change of it."""

from pathlib import Path

from .extract import build_report

SOURCE = "content/explanatory-report.txt"
EDITORIAL = "content/editorial.yaml"
PERMALINKS = "content/permalinks.tsv"

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
