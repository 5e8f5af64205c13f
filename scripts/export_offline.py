"""The offline edition: the whole site in one zip that works from disk, search included.

    .venv/bin/python scripts/export_offline.py [--zip PATH] [--site DIR | --no-site]

1. builds the site with MkDocs' Python API from mkdocs.yml, as the offline edition: file names instead
   of directory URLs (paragraphs/42.html), Material's offline plugin (the search index inlined into a
   script, since a browser will not fetch JSON from file://) and the vendored iframe-worker shim as its
   polyfill (search runs in a Web Worker, which file:// pages cannot start), so nothing comes from a CDN;
2. zips what that site uses, deterministically (sorted entries, one timestamp, fixed permissions), into
   dist/opsc-explanatory-report-offline.zip: no source maps, no search language packs an English site
   does not load, no sitemap, no 404 page, no JSON search index (file:// pages read the inlined one), no
   maintainers' page (performance, search benchmark), no script the offline pages do not load;
3. builds the online site into site/, which then offers that zip on its download page.

Every entry of the zip carries the edition's date (content/edition.yaml): never the clock's or git's.
"""

import argparse
import fnmatch
import json
import os
import posixpath
import re
import struct
import tempfile
import zlib
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

import deflate

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

CONFIG = ROOT / "mkdocs.yml"


def _default_zip():
    """mkdocs.yml's `opsc: offline_zip`, where the online site looks for the zip to offer."""
    from mkdocs.config import load_config

    return ROOT / load_config(str(CONFIG)).plugins["opsc"].config.offline_zip


ZIP = _default_zip()
# Everything sits in one folder inside the zip, so unzipping never scatters files.
FOLDER = ZIP.name.removesuffix(".zip")
# The vendored iframe-worker shim (MIT, its LICENSE beside it), instead of https://unpkg.com/iframe-worker/shim.
SHIM = "assets/vendor/iframe-worker/shim.js"
# Built but never used from disk. Search language packs are chosen in lunr_files().
# Material's own search worker is unused too: every page names the edition's (search/worker.js, the opsc
# plugin's use_our_worker), which check_offline() makes sure of.
UNUSED = ["*.map", "sitemap.xml", "sitemap.xml.gz", "404.html", "search/search_index.json", "data/cite/*",
          "assets/javascripts/workers/*",
          # what holds search back until a reader shows intent, online (from disk Material waits itself)
          "js/search-on-intent.js",
          # the maintainers' pages, the benchmarks' figures: not for readers (README)
          "performance.html", "search-benchmark.html"]
LOADING_TAGS = ("script", "img", "iframe", "source", "audio", "video", "embed")
NETWORK = re.compile(r"(?i)^\s*(?:(?:https?|ftp|wss?):)?//")


def offline_config(site_dir):
    """mkdocs.yml with the offline edition's changes, its plugins (search, macros, ...) kept."""
    from material.plugins.offline.plugin import OfflinePlugin
    from mkdocs.config import load_config

    config = load_config(str(CONFIG), site_dir=str(site_dir), use_directory_urls=False, strict=True)
    config.extra["polyfills"] = [SHIM]
    plugin = OfflinePlugin()
    errors, warnings = plugin.load_config({})
    assert not errors and not warnings, (errors, warnings)
    config.plugins["material/offline"] = plugin
    return config


def build_offline(site_dir):
    from mkdocs.commands.build import build

    config = offline_config(site_dir)
    build(config)
    assert config.extra["polyfills"] == [SHIM], config.extra["polyfills"]
    return config


def lunr_files(config):
    """The search language scripts Material's worker loads for the search plugin's languages
    (assets/javascripts/workers/search.*.js: none for English alone)."""
    search = next(p for name, p in config.plugins.items() if name in ("material/search", "search"))
    langs = list(search.config.lang or ["en"])
    base = "assets/javascripts/lunr/"
    files = []
    for lang in langs:
        if lang == "ja":
            files.append(base + "tinyseg.js")
        if lang in ("hi", "th"):
            files.append(base + "wordcut.js")
        if lang != "en":
            files.append(f"{base}min/lunr.{lang}.min.js")
    if len(langs) > 1:
        files.append(base + "min/lunr.multi.min.js")
    if files:
        files.append(base + "min/lunr.stemmer.support.min.js")
    return set(files)


def wanted(site_dir, config):
    """The built files the offline edition uses, as sorted relative POSIX paths."""
    lunr = lunr_files(config)
    keep = []
    for path in sorted(p for p in Path(site_dir).rglob("*") if p.is_file()):
        rel = path.relative_to(site_dir).as_posix()
        if any(fnmatch.fnmatch(rel, pattern) for pattern in UNUSED):
            continue
        if rel.startswith("assets/javascripts/lunr/") and rel not in lunr:
            continue
        keep.append(rel)
    return keep


class Resources(HTMLParser):
    """The URLs of what a page loads (script/img/iframe/source src, link href), not of what it links to."""

    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        # A canonical or neighbour <link> names an address (the published one, online); nothing is fetched.
        names = tag == "link" and a.get("rel") in ("canonical", "prev", "next", "alternate")
        url = None if names else a.get("href") if tag == "link" else a.get("src") if tag in LOADING_TAGS else None
        if url:
            self.urls.append(url)


def check_offline(site_dir, files):
    """Every resource a page loads is on disk, in the zip: no http(s) or protocol-relative URL."""
    problems = []
    for rel in files:
        if rel.endswith(".html"):
            html = (Path(site_dir) / rel).read_text(encoding="utf-8")
            parser = Resources()
            parser.feed(html)
            for url in parser.urls:
                if NETWORK.match(url):
                    problems.append(f"{rel}: {url}")
                elif not re.match(r"(?i)^[a-z][a-z0-9+.-]*:", url):  # data: and the like are in the page
                    path = unquote(url.split("#")[0].split("?")[0])
                    target = posixpath.normpath(posixpath.join(posixpath.dirname(rel), path))
                    if target not in files:
                        problems.append(f"{rel}: {url} (not in the zip)")
            # The search worker a page starts (Material's __config), which no src= names.
            config = re.search(r'<script id="?__config"?[^>]*>(.*?)</script>', html, re.S)
            worker = json.loads(config.group(1)).get("search") if config else None
            if worker:
                target = posixpath.normpath(posixpath.join(posixpath.dirname(rel), unquote(worker)))
                if target not in files:
                    problems.append(f"{rel}: search worker {worker} (not in the zip)")
    for needed in ("index.html", "search/search_index.js", SHIM, str(Path(SHIM).parent / "LICENSE")):
        if needed not in files:
            problems.append(f"missing {needed}")
    if problems:
        raise SystemExit("The offline edition would use the network or miss files:\n  " + "\n  ".join(problems))


def edition_date():
    """The edition's date (mkdocs.yml's `opsc: edition`), as the (year, month, day, 0, 0, 0) of every zip
    entry."""
    from mkdocs.config import load_config

    from macros.edition import read_edition

    config = load_config(str(CONFIG))
    edition = config.plugins["opsc"].content(config).edition
    year, month, day = map(int, read_edition(edition).date.split("-"))
    return (year, month, day, 0, 0, 0)


def write_zip(site_dir, files, zip_path, date_time):
    """Same files, same bytes: sorted entries, one timestamp (the edition's date), fixed permissions, fixed
    compression. Each file is deflated by libdeflate at its highest level, which any unzip reads as it
    reads zlib's deflate and which makes the zip about 3% smaller (readers on metered connections); Python's
    zipfile has no way to take compressed bytes, so the zip's records are written here (PKWARE's APPNOTE,
    sections 4.3.7, 4.3.12 and 4.3.16; no zip64: the edition is far from 4 GB and 65,535 files)."""
    zip_path = Path(zip_path)
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = zip_path.with_name(zip_path.name + ".tmp")
    year, month, day, hour, minute, second = date_time
    dos_time = hour << 11 | minute << 5 | second // 2
    dos_date = (year - 1980) << 9 | month << 5 | day
    central = []
    with open(tmp, "wb") as out:
        for rel in sorted(files):
            name = f"{FOLDER}/{rel}".encode()
            data = (Path(site_dir) / rel).read_bytes()
            packed = deflate.deflate_compress(data, 12)
            # version 2.0 needed (deflate); flags: deflated at the maximum (bit 1), the name is UTF-8 (bit 11);
            # method 8: deflate
            flags = 0x2 | (0 if name.isascii() else 0x800)
            fields = struct.pack("<HHHHHIIIHH", 20, flags, 8, dos_time, dos_date,
                                 zlib.crc32(data), len(packed), len(data), len(name), 0)
            central.append((fields, out.tell(), name))
            out.write(b"PK\x03\x04" + fields + name + packed)
        start = out.tell()
        if len(central) > 0xFFFF or start > 0xFFFFFFFF:
            raise SystemExit(f"{zip_path}: too big for a zip without zip64 ({len(central)} files, {start} bytes)")
        for fields, offset, name in central:
            # made by Unix (3) with version 2.0, so the permissions (a plain file, rw-r--r--) mean the same
            # everywhere
            out.write(b"PK\x01\x02" + struct.pack("<H", 3 << 8 | 20) + fields
                      + struct.pack("<HHHII", 0, 0, 0, 0o100644 << 16, offset) + name)
        size = out.tell() - start
        out.write(b"PK\x05\x06" + struct.pack("<HHHHIIH", 0, 0, len(central), len(central), size, start, 0))
    tmp.replace(zip_path)
    return zip_path


def export(zip_path=ZIP):
    """Build the offline edition and write its zip; returns the zip's path."""
    with tempfile.TemporaryDirectory(prefix="opsc-offline-") as tmp:
        site_dir = Path(tmp) / "site"
        config = build_offline(site_dir)
        files = wanted(site_dir, config)
        check_offline(site_dir, files)
        return write_zip(site_dir, files, zip_path, edition_date())


def build_online(site_dir, zip_path=ZIP):
    """The online site, offering zip_path on its download page (macros.offline_download)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(CONFIG), site_dir=str(site_dir), strict=True)
    config.plugins["opsc"].config.offline_zip = str(Path(zip_path).resolve())
    build(config)
    return Path(site_dir)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--zip", type=Path, default=ZIP, help=f"where to write the zip (default: {ZIP})")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--site", type=Path, default=ROOT / "site",
                       help="where to build the online site with the zip as a download (default: site/)")
    where.add_argument("--no-site", action="store_true", help="write the zip only")
    args = parser.parse_args(argv)

    zip_path = export(args.zip)
    size = zip_path.stat().st_size
    print(f"{zip_path}: {size} bytes ({size / 1e6:.2f} MB)")
    if not args.no_site:
        build_online(args.site, zip_path)
        print(f"{args.site}: the online site, with the zip at downloads/{zip_path.name}")


if __name__ == "__main__":
    main()
