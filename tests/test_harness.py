"""The harness the benchmarks and these tests share (scripts/harness.py): its server and Pagefind's marking."""

import socket
import urllib.request
from pathlib import Path

from scripts.harness import RecordingHandler, mark_article, serve


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


def test_pagefind_indexes_the_article_without_what_the_site_search_leaves_out() -> None:
    html = ('<header>Skip</header><article class=md-content__inner><h1>Paragraph 42</h1><p>Grooming</p>'
            '<h2 data-search-exclude>How to search</h2><p>Try "42"</p><h2>Next</h2><p>More</p></article>')
    marked, n = mark_article(html)
    assert n == 1
    assert marked.startswith("<header>Skip</header><article data-pagefind-body class=md-content__inner>")
    assert ('<h2 data-search-exclude data-pagefind-ignore>How to search</h2>'
            '<div data-pagefind-ignore><p>Try "42"</p></div><h2>Next</h2>') in marked
    assert mark_article("<main>no article</main>") == ("<main>no article</main>", 0)
