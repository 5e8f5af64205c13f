"""The harness the benchmarks and these tests share (scripts/harness.py): its server and Pagefind's marking."""

import gzip
import socket
import urllib.request
from pathlib import Path

from scripts.harness import CompressingHandler, RecordingHandler, mark_article, serve


def test_the_recording_server_serves_caches_and_logs_then_stops(tmp_path: Path) -> None:
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "style.css").write_text("body { color: red }", encoding="utf-8")
    (tmp_path / "index.html").write_text("<p>home</p>", encoding="utf-8")
    with serve(tmp_path, RecordingHandler) as server:
        with urllib.request.urlopen(server.url + "/assets/style.css?v=1") as response:
            assert response.read() == b"body { color: red }"
            assert response.headers["Cache-Control"] == "max-age=3600"
        with urllib.request.urlopen(server.url + "/") as response:
            assert response.read() == b"<p>home</p>"
            assert response.headers["Cache-Control"] == "no-cache"
        assert server.take() == [{"path": "/assets/style.css", "status": 200, "length": 19},
                                 {"path": "/", "status": 200, "length": 11}]
        assert server.take() == []
        port = server.server_address[1]
    with socket.socket() as s:  # closed after the block: nothing answers on its port
        assert s.connect_ex(("127.0.0.1", port)) != 0


def test_the_compressing_server_sends_text_as_a_web_server_does(tmp_path: Path) -> None:
    """gzip for text files when the browser accepts it (the slow-network benchmark); other files as they are."""
    page = "<p>" + "the report's words " * 200 + "</p>"
    (tmp_path / "index.html").write_text(page, encoding="utf-8")
    (tmp_path / "data.pf_index").write_bytes(b"\x1f\x8b already compressed")
    with serve(tmp_path, CompressingHandler) as server:
        asks = {"Accept-Encoding": "gzip, deflate"}
        with urllib.request.urlopen(urllib.request.Request(server.url + "/", headers=asks)) as response:
            body = response.read()
            assert response.headers["Content-Encoding"] == "gzip" and response.headers["Cache-Control"] == "no-cache"
            assert gzip.decompress(body).decode() == page and len(body) < len(page) / 10
        with urllib.request.urlopen(server.url + "/index.html") as response:  # gzip not accepted
            assert response.headers["Content-Encoding"] is None and response.read().decode() == page
        with urllib.request.urlopen(urllib.request.Request(server.url + "/data.pf_index", headers=asks)) as response:
            assert response.headers["Content-Encoding"] is None and response.read() == b"\x1f\x8b already compressed"
        assert [e["path"] for e in server.take()] == ["/", "/index.html", "/data.pf_index"]


def test_pagefind_indexes_the_article_without_what_the_site_search_leaves_out() -> None:
    html = ('<header>Skip</header><article class=md-content__inner><h1>Paragraph 42</h1><p>Grooming</p>'
            '<h2 data-search-exclude>How to search</h2><p>Try "42"</p><h2>Next</h2><p>More</p></article>')
    marked, n = mark_article(html)
    assert n == 1
    assert marked.startswith("<header>Skip</header><article data-pagefind-body class=md-content__inner>")
    assert ('<h2 data-search-exclude data-pagefind-ignore>How to search</h2>'
            '<div data-pagefind-ignore><p>Try "42"</p></div><h2>Next</h2>') in marked
    assert mark_article("<main>no article</main>") == ("<main>no article</main>", 0)
