"""Bad input stops the build with an error naming the file, the line and what
was expected: never a half-built site."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from macros.errors import ContentError
from macros.extract import build_report

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "content" / "explanatory-report.txt"
EDITORIAL = ROOT / "content" / "editorial.yaml"


@pytest.fixture
def copy(tmp_path):
    """Writable copies of the source and the editorial file."""
    src = tmp_path / "explanatory-report.txt"
    ed = tmp_path / "editorial.yaml"
    src.write_bytes(SOURCE.read_bytes())
    ed.write_bytes(EDITORIAL.read_bytes())
    return src, ed


def test_empty_file(copy):
    src, ed = copy
    src.write_bytes(b"")
    with pytest.raises(ContentError) as err:
        build_report(src, ed)
    assert err.value.path == str(src) and err.value.line == 1
    assert "empty" in str(err.value)


def test_truncated_file(copy):
    src, ed = copy
    src.write_bytes(b"".join(SOURCE.read_bytes().splitlines(keepends=True)[:400]))
    with pytest.raises(ContentError) as err:
        build_report(src, ed)
    assert err.value.path == str(src) and err.value.line == 400
    assert "truncated" in str(err.value)


def test_truncated_after_most_of_the_text(copy):
    """Cut inside chapter X: the anchors of the last paragraphs are gone."""
    src, ed = copy
    lines = SOURCE.read_bytes().splitlines(keepends=True)
    src.write_bytes(b"".join(lines[:4470]))
    with pytest.raises(ContentError) as err:
        build_report(src, ed)
    assert err.value.path == str(ed)
    assert "not found" in str(err.value) and "expected it exactly once" in str(err.value)


def test_non_utf8_bytes(copy):
    src, ed = copy
    data = bytearray(SOURCE.read_bytes())
    offset = data.index("Preface".encode())
    data[offset:offset + 1] = b"\xff"
    src.write_bytes(bytes(data))
    with pytest.raises(ContentError) as err:
        build_report(src, ed)
    assert err.value.path == str(src)
    assert err.value.line == SOURCE.read_bytes()[:offset].count(b"\n") + 1
    assert "UTF-8" in str(err.value)


def test_anchor_that_no_longer_matches(copy):
    """The opening words of paragraph 42 edited in the source."""
    src, ed = copy
    text = SOURCE.read_text(encoding="utf-8")
    editorial = ed.read_text(encoding="utf-8")
    start = re.search(r"- n: 42\n(?:.*\n)*?\s+- start: (.*)\n", editorial).group(1)
    anchor = start.strip().strip('"').split("\\n")[0]
    assert anchor in text
    src.write_text(text.replace(anchor, anchor.replace(" ", "  ", 1).upper(), 1), encoding="utf-8")
    with pytest.raises(ContentError) as err:
        build_report(src, ed)
    assert err.value.path == str(ed)
    line = editorial[:editorial.index(start)].count("\n") + 1
    assert err.value.line == line, str(err.value)
    assert "not found" in str(err.value)


def test_missing_paragraph_number(copy):
    src, ed = copy
    editorial = ed.read_text(encoding="utf-8")
    ed.write_text(editorial.replace("- n: 57\n", "- n: 58\n", 1), encoding="utf-8")
    with pytest.raises(ContentError) as err:
        build_report(src, ed)
    assert err.value.path == str(ed)
    assert "expected paragraph 57, found 58" in str(err.value)
    assert err.value.line == editorial[:editorial.index("- n: 57\n")].count("\n") + 1


def test_repeated_paragraph_number_in_the_text(copy):
    """A lone "17" printed a second time where "18" belongs."""
    src, ed = copy
    lines = SOURCE.read_text(encoding="utf-8").split("\n")
    where = next(i for i, line in enumerate(lines) if line.strip() == "18")
    lines[where] = "17"
    src.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(ContentError) as err:
        build_report(src, ed)
    assert err.value.path == str(src) and err.value.line == where + 1
    assert "17" in str(err.value)


@pytest.mark.site
def test_build_stops_and_writes_no_site(copy, tmp_path):
    """mkdocs itself fails on bad content, and names the file and line."""
    src, ed = copy
    src.write_bytes(b"\xff\xfe")
    root = tmp_path / "project"
    root.mkdir()
    for name in ("docs", "macros", "overrides"):
        shutil.copytree(ROOT / name, root / name)
    (root / "content").mkdir()
    (root / "content" / "explanatory-report.txt").write_bytes(src.read_bytes())
    (root / "content" / "editorial.yaml").write_bytes(ed.read_bytes())
    (root / "mkdocs.yml").write_bytes((ROOT / "mkdocs.yml").read_bytes())
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(tmp_path / "out")],
                            cwd=root, capture_output=True, text=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    assert result.returncode != 0
    assert "explanatory-report.txt:1" in result.stderr and "UTF-8" in result.stderr
    # One line a person can read (MkDocs' PluginError), not a traceback.
    assert "Traceback" not in result.stderr, result.stderr
    errors = [line for line in result.stderr.splitlines() if "explanatory-report.txt" in line]
    assert len(errors) == 1 and re.search(r"ERROR +- +\S*explanatory-report\.txt:1: byte 0xff is not UTF-8", errors[0]), \
        result.stderr
    assert not (tmp_path / "out" / "index.html").exists()


# ---------------------------------------------------------------- the register of published anchors

PERMALINKS = ROOT / "content" / "permalinks.tsv"


def _register(tmp_path, edit):
    path = tmp_path / "permalinks.tsv"
    lines = PERMALINKS.read_text(encoding="utf-8").split("\n")
    where = edit(lines)
    path.write_text("\n".join(lines), encoding="utf-8")
    return path, where + 1


def test_malformed_register_row(copy, tmp_path):
    src, ed = copy

    def edit(lines):
        i = next(i for i, line in enumerate(lines) if line.startswith("42\tguideline-1\t"))
        lines[i] = lines[i].replace("\t", " ", 1)
        return i
    register, line = _register(tmp_path, edit)
    with pytest.raises(ContentError) as err:
        build_report(src, ed, register)
    assert err.value.path == str(register) and err.value.line == line
    assert "paragraph<TAB>anchor<TAB>line:column" in str(err.value)


def test_anchor_registered_twice(copy, tmp_path):
    src, ed = copy

    def edit(lines):
        first = next(i for i, line in enumerate(lines) if line.startswith("43\tcommentary-1\t"))
        lines.append(lines[first])
        return len(lines) - 1
    register, line = _register(tmp_path, edit)
    with pytest.raises(ContentError) as err:
        build_report(src, ed, register)
    assert err.value.path == str(register) and err.value.line == line
    assert "paragraph 43 anchor commentary-1 is already registered" in str(err.value)


def test_published_anchor_that_lands_nowhere(copy, tmp_path):
    """A row whose source position is no passage any more: its address would break, so the build stops."""
    src, ed = copy

    def edit(lines):
        i = next(i for i, line in enumerate(lines) if line.startswith("43\tcommentary-1\t"))
        n, anchor, _, words = lines[i].split("\t")
        lines[i] = "\t".join([n, anchor, "1:0", words])  # line 1 opens the front matter, on no paragraph page
        return i
    register, line = _register(tmp_path, edit)
    with pytest.raises(ContentError) as err:
        build_report(src, ed, register)
    assert err.value.path == str(register) and err.value.line == line
    assert "no passage of the report starts at or contains line 1, column 0" in str(err.value)


def test_register_that_is_not_utf8(copy, tmp_path):
    src, ed = copy
    register = tmp_path / "permalinks.tsv"
    data = PERMALINKS.read_bytes().split(b"\n")
    data[20] = data[20].replace(b"\t", b"\t\xe9", 1)
    register.write_bytes(b"\n".join(data))
    with pytest.raises(ContentError) as err:
        build_report(src, ed, register)
    assert err.value.path == str(register) and err.value.line == 21
    assert "not UTF-8: byte 0xe9" in str(err.value)
