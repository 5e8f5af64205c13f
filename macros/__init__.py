"""The pipeline that turns content/ into the site, and the mkdocs-macros entry point.

Modules, in pipeline order: source (read and check the text), editorial (the
reviewed editorial file), layout (page furniture), footnotes, extract (the
model), textflow (reflowed blocks), links, crossrefs, render (Markdown pages),
hooks (MkDocs glue).
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# The offline edition, written by scripts/export_offline.py; the online site
# offers it for download (at downloads/<name>) when it is there.
OFFLINE_ZIP = ROOT / "dist" / "opsc-explanatory-report-offline.zip"


def define_env(env):
    """Figures of the model for the hand-written pages (home, about, data)."""
    from .build import load_edition, load_report
    from .render import chapter_path
    from .stats import report_stats

    report = load_report(ROOT)
    env.variables["stats"] = report_stats(report)
    env.variables["edition"] = load_edition(ROOT, env.conf.site_url)
    env.variables["contents"] = [
        {"number": c.number, "title": c.title, "href": chapter_path(c.number),
         "first": min(p.number for p in report.paragraphs if p.chapter == c.number),
         "last": max(p.number for p in report.paragraphs if p.chapter == c.number)}
        for c in report.chapters
    ]
    # The offline zip on the download page: None without one in dist/ (and in the offline edition itself).
    env.variables["offline"] = offline_download(env.conf)


def is_offline_edition(config):
    """Whether this build is the offline edition (Material's offline plugin, enabled)."""
    return any(type(p).__name__ == "OfflinePlugin" and p.config.enabled for p in config.plugins.values())


def offline_zip(config):
    """The offline zip this build of the online site offers, or None."""
    if is_offline_edition(config) or not OFFLINE_ZIP.is_file():
        return None
    return OFFLINE_ZIP


def offline_download(config):
    """What the download page says about the offline zip, or None."""
    import hashlib

    path = offline_zip(config)
    if path is None:
        return None
    data = path.read_bytes()
    size = len(data)
    return {
        "href": f"downloads/{path.name}",
        "name": path.name,
        "size": size,
        "size_human": f"{size / 1e6:.1f} MB" if size >= 1e5 else f"{size / 1e3:.0f} kB",
        "sha256": hashlib.sha256(data).hexdigest(),
    }
