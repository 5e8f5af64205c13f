"""The type checker: every module that pyproject.toml lists as checked strictly (an overrides block with
`disallow_untyped_defs`) has no error from mypy."""

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def strict_modules():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]
    return sorted({m for block in config.get("overrides", []) if block.get("disallow_untyped_defs")
                   for m in ([block["module"]] if isinstance(block["module"], str) else block["module"])})


@pytest.mark.slow
def test_the_strictly_checked_modules_have_no_type_error():
    modules = strict_modules()
    assert "macros.schema" in modules and "macros.editorial" in modules
    result = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True)
    files = {"macros/" + m.removeprefix("macros.").replace(".", "/") + ".py" for m in modules}
    errors = [line for line in result.stdout.splitlines() if line.split(":")[0] in files and ": error:" in line]
    assert not errors, "\n".join(errors)
