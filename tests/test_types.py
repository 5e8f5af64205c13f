"""The house rules a maintainer relies on: every module of macros/ and the harness pass the type checker
(mypy, strict's checks as pyproject.toml lists them), no module of macros/ is over 350 lines and no function
over 50."""

import ast
import os
import tomllib
from pathlib import Path

import pytest
from mypy import api

ROOT = Path(__file__).resolve().parent.parent
MODULES = sorted((ROOT / "macros").rglob("*.py"))


def test_every_module_of_macros_is_checked_strictly():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]
    strict = [o for o in config["overrides"] if o.get("disallow_untyped_defs") and o.get("disallow_untyped_calls")]
    modules = {m for o in strict for m in o["module"]}
    assert {"macros", "macros.*", "scripts.harness"} <= modules
    assert config["packages"] == ["macros"]


def test_macros_and_the_harness_pass_the_type_checker():
    cwd = os.getcwd()
    os.chdir(ROOT)  # pyproject.toml's configuration, and its cache
    try:
        out, err, status = api.run(["macros", "scripts/harness.py"])
    finally:
        os.chdir(cwd)
    errors = [line for line in out.splitlines() if ": error:" in line]
    assert errors == [] and status == 0, out + err
    assert "Success: no issues found" in out


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_module_over_350_lines_nor_function_over_50(path):
    text = path.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 350
    long = [(f.name, f.end_lineno - f.lineno + 1) for f in ast.walk(ast.parse(text))
            if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef)) and f.end_lineno - f.lineno + 1 > 50]
    assert long == []
