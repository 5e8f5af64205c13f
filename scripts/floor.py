"""The build's floor: plain Material building the same text, for scripts/bench.py to time ours against.

The plain project is this site's docs/ and overrides/ with every page the pipeline makes written out as a plain
Markdown file beside them, the same mkdocs.yml (theme, palette, features, Markdown extensions, navigation, extra CSS
and JavaScript) with Material's search alone among the plugins: what MkDocs and Material cost for these words,
without the edition's plugin (its pipeline, its figures of the hand-written pages, its minifier).

    .venv/bin/python scripts/floor.py DIR       # writes the plain project into DIR, to build it by hand
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
import time
from contextlib import redirect_stderr
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SITE_URL = "http://127.0.0.1:8000/"
# mkdocs.yml's plugins after Material's search, up to the next top-level key: what the plain project goes without.
OTHER_PLUGINS = re.compile(r"^  # The edition \(macros/plugin/\).*?(?=^\S)", re.M | re.S)
WATCH = re.compile(r"^watch:\n(?:  .*\n)+", re.M)  # content/ and macros/: the edition's, not the plain project's


def plain_project(out: Path, tree: Path = ROOT) -> Path:
    """Writes the plain project of `tree` into `out` (emptied first); returns its mkdocs.yml."""
    sys.path.insert(0, str(tree))
    from macros.build import DEFAULTS, Content
    from macros.plugin.plugin import prepare

    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(tree / "docs", out / "docs")
    shutil.copytree(tree / "overrides", out / "overrides")
    made = prepare(Content.at(tree, **DEFAULTS), SITE_URL, offline=False)
    for path, text in made.files.items():
        target = out / "docs" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))  # a sheet is bytes
    config = (tree / "mkdocs.yml").read_text(encoding="utf-8")
    plain, n = OTHER_PLUGINS.subn("", config)
    plain, w = WATCH.subn("", plain)
    if (n, w) != (1, 1):
        raise SystemExit("floor.py: mkdocs.yml's plugins after search not found (the project's layout changed?)")
    # The navigation the edition's plugin would set, as JSON (which YAML reads).
    plain += "\nnav: " + json.dumps(made.nav, ensure_ascii=False) + "\n"
    (out / "mkdocs.yml").write_text(plain, encoding="utf-8")
    return out / "mkdocs.yml"


def forget_report() -> None:
    """The model this process made last, forgotten (macros.build keeps it while content/ is unchanged)."""
    from macros import build

    build._cache.clear()


def build_in_process(config_file: Path, site_dir: Path) -> float:
    """Seconds of one `mkdocs build` in this process, as `mkdocs serve` rebuilds after an edit (the
    configuration read again, the plugins made anew, Python and its imports already there)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    cwd = os.getcwd()
    os.chdir(config_file.parent)
    try:
        t0 = time.perf_counter()
        with redirect_stderr(StringIO()):
            config = load_config(str(config_file), site_dir=str(site_dir))
            config.plugins.on_startup(command="build", dirty=False)
            try:
                build(config)
            finally:
                config.plugins.on_shutdown()
        return time.perf_counter() - t0
    finally:
        os.chdir(cwd)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    print(plain_project(Path(sys.argv[1]).resolve()))
