"""Property-based tests (Hypothesis) where input is open: the content loaders given random corruptions of the
real files of content/, and the page scripts given malformed addresses. The examples are derandomized, so a
run is the same from one machine to the next."""

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from macros.build import DEFAULTS, Content
from macros.errors import ContentError
from macros.plugin.plugin import prepare

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted(p.name for p in (ROOT / "content").iterdir() if p.is_file())

# What a careless editor, a bad merge or a broken editor leaves in a file.
NASTY = ["2026-13-45", "2019-09-10", "1.10", "yes", "no", "null", "~", "[", "]", "{", "}", '"', "'", "&a", "*a",
         "!!python/object/apply:os.system ['true']", "!!binary x", "\t", "- ", ": ", "? ", "#", "|", ">-", "%YAML 1.1",
         "---", "...", "@", "`", "\\a", '"\\x07"', "\x07", "\x00", "\ufeff", "\u2028", "\r", "<script>alert(1)</script>",
         "1e999", ".inf", "<<: *a", "0o777", "12:30:00", "=", "\\", "�", "é", "\U0001F600"]


def corruption():
    """(file, an edit of its bytes): lines deleted, repeated, swapped or added, a value replaced, the file cut
    short, bytes overwritten."""
    return st.tuples(st.sampled_from(FILES), st.one_of(
        st.tuples(st.just("delete"), st.floats(0, 1), st.integers(1, 40)),
        st.tuples(st.just("repeat"), st.floats(0, 1), st.integers(1, 3)),
        st.tuples(st.just("swap"), st.floats(0, 1), st.floats(0, 1)),
        st.tuples(st.just("insert"), st.floats(0, 1), st.one_of(st.sampled_from(NASTY), st.text(max_size=12))),
        st.tuples(st.just("value"), st.floats(0, 1), st.one_of(st.sampled_from(NASTY), st.text(max_size=12))),
        st.tuples(st.just("cut"), st.floats(0, 1), st.just(None)),
        st.tuples(st.just("bytes"), st.floats(0, 1), st.binary(min_size=1, max_size=4)),
    ))


def corrupt(data, edit):
    kind, where, what = edit
    lines = data.split(b"\n")
    at = min(int(where * len(lines)), len(lines) - 1)
    if kind == "delete":
        del lines[at:at + what]
    elif kind == "repeat":
        lines[at:at] = lines[at:at + 1] * what
    elif kind == "swap":
        other = min(int(what * len(lines)), len(lines) - 1)
        lines[at], lines[other] = lines[other], lines[at]
    elif kind == "insert":
        lines.insert(at, what.encode("utf-8", "surrogatepass"))
    elif kind == "value":
        line = lines[at]
        cut = line.find(b": ")
        lines[at] = (line[:cut + 2] if cut >= 0 else line + b" ") + what.encode("utf-8", "surrogatepass")
    elif kind == "cut":
        return data[:int(where * len(data))]
    elif kind == "bytes":
        pos = int(where * len(data))
        return data[:pos] + what + data[pos + len(what):]
    return b"\n".join(lines)


@pytest.mark.slow  # 20 builds of the model: kept out of the quick `-m model`
@settings(max_examples=20, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(corruption())
def test_a_corrupted_content_file_is_one_content_error_or_builds(case):
    """Whatever happens to one file of content/, reading and checking it (what on_config does before MkDocs
    writes a byte) ends well or in one ContentError naming a file of content/ in one line: never another
    exception."""
    name, edit = case
    with tempfile.TemporaryDirectory(prefix="opsc-fuzz-") as tmp:
        folder = Path(tmp) / "content"
        shutil.copytree(ROOT / "content", folder)
        path = folder / name
        path.write_bytes(corrupt(path.read_bytes(), edit))
        content = Content.at(tmp, **DEFAULTS)
        try:
            prepare(content, "https://example.org/opsc/", offline=False)
        except ContentError as err:
            assert "\n" not in str(err) and "\r" not in str(err), str(err)
            assert Path(err.path).parent == folder, str(err)


# ---------------------------------------------------------------- the addresses the page scripts read

FRAGMENT = st.one_of(
    st.text(alphabet=st.sampled_from("%0123456789ABCDEFabcdefgz-:#/?&=+ é\u00a0\ufeff<>\"'"), max_size=16),
    st.lists(st.sampled_from(["%", "%E0", "%A4", "%A", "%ZZ", "%25", "%00", "%FF", "guideline-e", "fn:r44",
                              "commentary-1", "%C3%A9", "%ED%A0%80", "#", "?", "<img src=x onerror=alert(1)>"]),
             max_size=5).map("".join),
)


@pytest.mark.browser
@settings(max_examples=15, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(fragment=FRAGMENT, n=st.integers(0, 10 ** 6))
def test_any_address_fragment_leaves_the_page_scripts_working(page, server, fragment, n):
    """A paragraph page opened with any fragment after #, well-formed or not: no script error, the Cite buttons
    and the print footer are there (site.js ran to the end)."""
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("dialog", lambda d: (errors.append("dialog: " + d.message), d.dismiss()))
    page.goto(f"{server}/paragraphs/42/?n={n}#{fragment}", wait_until="load")
    assert page.locator("#regional-good-practice-1 .cite-passage").count() == 1, fragment
    assert page.locator(".print-footer").count() == 1, fragment
    page.evaluate("f => { location.hash = f; }", fragment)  # the same fragment arriving by hashchange
    page.wait_for_timeout(20)
    assert errors == [], (fragment, errors)


@pytest.mark.browser
@settings(max_examples=12, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(path=st.lists(st.sampled_from(["paragraph", "paragraphs", "para", "p", "chapter", "chapters", "42", "4",
                                      "iv", "113", "0", "%", "%E0%A4%A", "%25", "..", ".html", "_", "-", "é",
                                      "%C3%A9", "<x>", "'", "&"]), min_size=1, max_size=5))
def test_the_404_page_reads_any_address(page, server, site, path):
    """The 404 page served at any address, malformed escapes included: no script error, and a suggestion
    only of a page that is there."""
    address = "/" + "/".join(path)
    not_found = (site / "404.html").read_text(encoding="utf-8")
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.route("**/*", lambda route: route.fulfill(status=404, body=not_found, content_type="text/html")
               if route.request.resource_type == "document" else route.continue_())
    page.goto(server + address.replace("<", "%3C").replace(">", "%3E"), wait_until="load")
    link = page.locator("#not-found-suggestion a")
    if link.count():
        href = link.get_attribute("href")
        assert (site / href.strip("/") / "index.html").is_file(), (address, href)
    page.unroute("**/*")
    assert errors == [], (address, errors)


@pytest.mark.site
@settings(max_examples=12, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(corruption())
def test_a_build_that_stops_on_a_corrupted_file_leaves_the_previous_site(case):
    """MkDocs itself, on a corrupted copy: where the content stops the build, the output folder of the previous
    build is as it was (every file is checked before MkDocs empties it)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    name, edit = case
    with tempfile.TemporaryDirectory(prefix="opsc-fuzz-") as tmp:
        root = Path(tmp)
        shutil.copytree(ROOT / "content", root / "content")
        path = root / "content" / name
        path.write_bytes(corrupt(path.read_bytes(), edit))
        try:
            prepare(Content.at(root, **DEFAULTS), "https://example.org/opsc/", offline=False)
            return  # content that reads well: a build, no failure to look at
        except ContentError:
            pass
        for folder in ("docs", "overrides"):
            shutil.copytree(ROOT / folder, root / folder)
        shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
        out = root / "out"
        (out / "search").mkdir(parents=True)
        (out / "index.html").write_text("the previous edition", encoding="utf-8")
        (out / "search" / "worker.js").write_text("its search", encoding="utf-8")
        with pytest.raises(MkDocsException):
            build(load_config(str(root / "mkdocs.yml"), site_dir=str(out)))
        assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == ["index.html", "search",
                                                                                  "search/worker.js"]
        assert (out / "index.html").read_text(encoding="utf-8") == "the previous edition"
