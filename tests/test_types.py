"""The modules pyproject.toml checks strictly pass the type checker (mypy), with no error."""

import os
import tomllib
from pathlib import Path

from mypy import api

ROOT = Path(__file__).resolve().parent.parent


def strict_modules():
    """The modules of the overrides that turn strict's checks on (disallow_untyped_defs)."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]
    return sorted(m for o in config.get("overrides", []) if o.get("disallow_untyped_defs")
                  for m in ([o["module"]] if isinstance(o["module"], str) else o["module"]))


def test_the_strict_modules_pass_the_type_checker():
    modules = strict_modules()
    assert {"macros.model", "macros.ids", "macros.passages", "macros.extract"} <= set(modules)
    assert {"macros.schema", "macros.editorial", "macros.lists", "macros.instruments"} <= set(modules)
    cwd = os.getcwd()
    os.chdir(ROOT)  # the configuration of pyproject.toml, and its cache
    try:
        out, _, _ = api.run([])
    finally:
        os.chdir(cwd)
    paths = {"macros/" + m.removeprefix("macros.").replace(".", "/") + ".py" for m in modules}
    errors = [line for line in out.splitlines() if line.split(":", 1)[0] in paths and ": error:" in line]
    assert errors == []
