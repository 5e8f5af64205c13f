"""Bad input stops the build with an error naming the file, the line and what
was expected: never a half-built site."""

import json
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


# ---------------------------------------------------------------- every file of content/, checked before a byte is written

def _project(tmp_path):
    """A copy of what a build reads, to break one file of."""
    root = tmp_path / "project"
    root.mkdir()
    for name in ("docs", "macros", "overrides", "content"):
        shutil.copytree(ROOT / name, root / name)
    (root / "mkdocs.yml").write_bytes((ROOT / "mkdocs.yml").read_bytes())
    return root


def _edit(path, old, new):
    """Replace the first `old` of the file; the 1-based line it stood on."""
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[:text.index(old)].count("\n") + 1


# (file, old, new, what the one line says after "file:line: "[, the words that open the line it names: `new`'s
# by default]).
BAD_CONTENT = [
    ("terminology.yaml", "  - why: Luxembourg Guidelines; the report, paragraph 60",
     "  - why: [Luxembourg Guidelines; the report, paragraph 60", r"invalid YAML: .*\(column \d+\)"),
    ("glossary.yaml", "No confusion must exist between", "No confusion may exist between",
     r"“No confusion may exist between.*” should be found in exactly one passage, found in no passage",
     "  - id: age-of-sexual-consent"),
    ("acronyms.yaml", "expansion: annual full day meeting on the rights of the child (Human Rights Council)",
     "expansion: 2016",
     r"acronym: `expansion` is 2016; expected text; YAML reads `expansion: 2016` as a number: put text in quotes"),
    ("cases.yaml", "year: 2014", "year: 2014-02-30", r"“2014-02-30” is not a valid date or number \(day is out of range"),
    ("instruments.yaml", "title: Convention on the Rights of the Child", "title: 1989-11-20",
     r"YAML reads `title: 1989-11-20` as a date: put text in quotes"),
    ("edition.yaml", "date: 2026-11-29", "date: 2026-13-45", r"“2026-13-45” is not a valid date or number \(month"),
    ("edition.yaml", 'version: "1.1"', "version: 1.10", 
     r"edition: `version` is 1.1; expected text in quotes, .*YAML reads `version: 1.1` as a number"),
    ("editorial.yaml", "title: Sexting by children", "title: 2019-09-10", r"title"),
    # A link's target that would run a script when clicked.
    ("editorial.yaml", "  url: null\n  why: the report lists no URL", "  url: javascript://%0aalert(1)\n  why: the report lists no URL",
     r"`url`.*a web address \(http://, https:// or www\.\)", "  url: javascript"),
]


@pytest.mark.site
@pytest.mark.parametrize("case", BAD_CONTENT, ids=[f"{c[0]}:{c[2][:20]}" for c in BAD_CONTENT])
def test_bad_content_stops_the_build_before_a_byte_is_written(tmp_path, case):
    """One line naming the file and line, no traceback, and the folder of the previous build untouched (MkDocs
    empties it only after every file of content/ has been read and checked)."""
    name, old, new, says = case[:4]
    root = _project(tmp_path)
    _edit(root / "content" / name, old, new)
    text = (root / "content" / name).read_text(encoding="utf-8")
    at = case[4] if len(case) > 4 else new
    line = text[:text.index(at)].count("\n") + 1
    out = tmp_path / "out"
    (out / "search").mkdir(parents=True)
    (out / "index.html").write_text("the previous edition", encoding="utf-8")
    (out / "search" / "worker.js").write_text("its search", encoding="utf-8")
    before = {p: p.read_bytes() for p in out.rglob("*")if p.is_file()}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(out)], cwd=root,
                            capture_output=True, text=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    assert result.returncode != 0
    assert "Traceback" not in result.stderr, result.stderr
    errors = [e for e in result.stderr.splitlines() if "ERROR" in e]
    assert len(errors) == 1, result.stderr
    found = re.search(rf"ERROR +- +(\S*{re.escape(name)}):(\d+): (.*)$", errors[0])
    assert found and found.group(1) == str(root / "content" / name), errors[0]
    assert abs(int(found.group(2)) - line) <= 1, (line, errors[0])  # a YAML error: where the parser saw it
    assert re.search(says, found.group(3)), errors[0]
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before


@pytest.mark.site
@pytest.mark.parametrize("site_url", ["javascript://example.org/%0aalert(1)", "ftp://example.org/opsc/",
                                      "example.org/opsc/"])
def test_a_site_url_that_is_no_web_address_stops_the_build(tmp_path, site_url):
    out = tmp_path / "out"
    out.mkdir()
    (out / "index.html").write_text("the previous edition", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(out)], cwd=ROOT,
                            capture_output=True, text=True,
                            env=dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=site_url))
    assert result.returncode != 0 and "Traceback" not in result.stderr, result.stderr
    errors = [e for e in result.stderr.splitlines() if "ERROR" in e]
    # Ours, or MkDocs' own for an address without a scheme.
    assert len(errors) == 1 and re.search(r"site_url \(SITE_URL\): expected an http:// or https:// address|"
                                          r"Config value 'site_url': The URL isn't valid", errors[0]), result.stderr
    assert [p.name for p in out.iterdir()] == ["index.html"]


# ---------------------------------------------------------------- the loaders, one by one

def test_a_byte_order_mark_is_no_character_of_the_report(copy):
    """An editor that saves with a byte-order mark: the report reads as without one (the preface, the open
    data, the search index are made from the model)."""
    from macros.model import to_json

    src, ed = copy
    src.write_bytes(b"\xef\xbb\xbf" + SOURCE.read_bytes())
    with_bom = to_json(build_report(src, ed, PERMALINKS))
    assert "\ufeff" not in json.dumps(with_bom, ensure_ascii=False)
    plain = to_json(build_report(SOURCE, EDITORIAL, PERMALINKS))
    with_bom["source"], plain["source"] = {}, {}  # its file and checksum
    assert with_bom == plain


@pytest.mark.parametrize("bytes_, line", [(b"\x07", 120), (b"\x0c", 4000), (b"\xc2\x85", 7)])
def test_a_control_character_in_the_report_names_its_line(copy, bytes_, line):
    src, ed = copy
    lines = SOURCE.read_bytes().split(b"\n")
    lines[line - 1] = lines[line - 1][:5] + bytes_ + lines[line - 1][5:]
    src.write_bytes(b"\n".join(lines))
    with pytest.raises(ContentError) as err:
        build_report(src, ed)
    assert err.value.path == str(src) and err.value.line == line
    assert "control character" in str(err.value)


def _loaders():
    from macros.build import load_report
    from macros.edition import read_edition
    from macros.editorial import read_editorial
    from macros.headnotes import read_headnotes
    from macros.instruments import read_instruments
    from macros.lists import read_lists
    from macros.spelling import read_words
    from macros.terminology import read_terminology

    return {"edition.yaml": read_edition, "editorial.yaml": read_editorial, "instruments.yaml": read_instruments,
            "terminology.yaml": read_terminology, "glossary.yaml": lambda path: read_lists(path.parent),
            "acronyms.yaml": lambda path: read_lists(path.parent), "cases.yaml": lambda path: read_lists(path.parent),
            "articles.yaml": lambda path: read_lists(path.parent), "words.yaml": read_words,
            "headnotes.yaml": lambda path: read_headnotes(path, load_report(ROOT))}


def _content_copy(tmp_path):
    folder = tmp_path / "content"
    shutil.copytree(ROOT / "content", folder)
    return folder


# What an editor may do to a YAML file: (what, the line after, where the error is: the edited line + this; None:
# at it or after it, where YAML notices).
BROKEN_YAML = [
    ("an unclosed list", lambda line: line.replace(": ", ": [", 1) if ": " in line else line + " [", 0),
    ("a tab for indentation", lambda line: "\t" + line.lstrip(" "), 0),
    ("an unclosed quotation", lambda line: line.replace(": ", ': "', 1) if ": " in line else '"' + line, None),
    ("a stray colon", lambda line: line + ": x: y" if line.strip() else "a: b: c", 0),
    ("an escape that makes a control character", lambda line: line + '\nbell: "\\a"', 1),
]


@pytest.mark.parametrize("name", sorted(_loaders()))
@pytest.mark.parametrize("what, edit, offset", BROKEN_YAML, ids=[b[0] for b in BROKEN_YAML])
def test_each_yaml_error_is_one_line_at_its_line(tmp_path, name, what, edit, offset):
    folder = _content_copy(tmp_path)
    path = folder / name
    lines = path.read_text(encoding="utf-8").split("\n")
    # The first line with a key, past the comments.
    at = next(i for i, line in enumerate(lines) if re.match(r"^\s*(- )?[a-z_]+:", line) and i > 0)
    lines[at] = edit(lines[at])
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(ContentError) as err:
        _loaders()[name](path)
    assert err.value.path == str(path), str(err.value)
    assert "\n" not in str(err.value)
    if offset is None:
        assert err.value.line >= at + 1, (what, at + 1, str(err.value))
    else:
        assert abs(err.value.line - (at + 1 + offset)) <= 2, (what, at + 1, str(err.value))


# Values YAML reads as something else where text is meant: (file, old, new, its key in the message); the error
# names the line of `old`.
MISREAD = [
    ("glossary.yaml", "    see: [child, sexual-activities]", "    see: [child, 2019]", "see"),
    ("glossary.yaml", "    term: age of sexual consent", "    term: 2019-09-10", "term"),
    ("acronyms.yaml", "    expansion: annual full day meeting", "    expansion: yes #", "expansion"),
    ("instruments.yaml", "    title: Convention on the Rights of the Child", "    title: 1989", "title"),
    ("edition.yaml", '  - version: "1.0"', "  - version: 1.0", "version"),
    ("words.yaml", "Bagheri, Basile,", "Bagheri, 1989, Basile,", "words"),
    ("headnotes.yaml", "    - what is the Lanzarote Convention\n", "    - 2019-09-10\n", "asks"),
]


@pytest.mark.parametrize("case", MISREAD, ids=[f"{c[0]}:{c[3]}" for c in MISREAD])
def test_a_date_or_number_where_text_is_meant_names_its_line(tmp_path, case):
    name, old, new, key = case
    folder = _content_copy(tmp_path)
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ContentError) as err:
        _loaders()[name](path)
    assert f"`{key}" in str(err.value) and "put text in quotes" in str(err.value), str(err.value)
    assert err.value.line == text[:text.index(old)].count("\n") + 1, str(err.value)


# ---------------------------------------------------------------- the hand-written pages' figures

@pytest.mark.site
@pytest.mark.parametrize("name, old, new, says", [
    ("index.md", "{{ stats.paragraphs }}", "{{ stats.paragrafs }}", r"has no attribute 'paragrafs'"),
    ("download.md", "{% if offline %}", "{% if offline %", r"expected token"),
])
def test_a_hand_written_page_that_names_no_figure_stops_the_build(tmp_path, name, old, new, says):
    """One line naming the page of docs/ and its line (Jinja's, or the name's), before a page is written."""
    root = _project(tmp_path)
    line = _edit(root / "docs" / name, old, new)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(tmp_path / "out")],
                            cwd=root, capture_output=True, text=True,
                            env=dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(root)))
    assert result.returncode != 0 and "Traceback" not in result.stderr, result.stderr
    errors = [e for e in result.stderr.splitlines() if "ERROR" in e]
    assert len(errors) == 1, result.stderr
    found = re.search(rf"ERROR +- +(\S*{re.escape(name)}):(\d+): (.*)$", errors[0])
    assert found and found.group(1) == str(root / "docs" / name), errors[0]
    assert 0 <= int(found.group(2)) - line <= 1, (line, errors[0])  # a syntax error: where the parser saw it
    assert re.search(says, found.group(3)), errors[0]
    assert not (tmp_path / "out" / "index.html").exists()


@pytest.mark.site
def test_a_build_in_process_gives_back_what_it_kept_from_the_garbage_collector(tmp_path, monkeypatch):
    """The plugin keeps the build's long-lived objects out of the collector's full passes (gc.freeze) and gives
    them back when the build ends, whether it succeeds or stops on bad content: `mkdocs serve` frees each
    rebuild's."""
    import gc

    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    frozen = []
    freeze = gc.freeze

    def counting_freeze():
        freeze()
        frozen.append(gc.get_freeze_count())
    monkeypatch.setattr(gc, "freeze", counting_freeze)
    root = _project(tmp_path)
    monkeypatch.chdir(root)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    build(load_config(str(root / "mkdocs.yml"), site_dir=str(tmp_path / "site")))
    assert len(frozen) == 2 and min(frozen) > 10_000  # at the start of on_config, and after the model
    assert gc.get_freeze_count() == 0
    assert (tmp_path / "site" / "paragraphs" / "42" / "index.html").is_file()
    _edit(root / "content" / "edition.yaml", "date: 2026-11-29", "date: 2026-13-45")
    with pytest.raises(Abort):
        build(load_config(str(root / "mkdocs.yml"), site_dir=str(tmp_path / "site")))
    assert len(frozen) == 3 and gc.get_freeze_count() == 0
