"""Give every "Available here" its URL, and make bare URLs links.

The PDF's link targets survive only as bare URLs listed at the end of each
page, in the order the links stand on that page. Where a page's count of
links and URLs differ, the editorial file says which is which.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import NamedTuple

from .anchors import anchor_end, find_anchor
from .errors import ContentError
from .context import Context
from .editorial import ExtraUrl, LinkFix
from .model import Block, Link, Removed, Report, UnresolvedLink, text_blocks, with_blocks
from .sheet import Span
from .source import Source

AVAILABLE_HERE = "Available here"
# The report misspells it once ("Avalaible here"); it is a link all the same.
HERE = re.compile(r"[Aa]va(?:ila|lai)ble here")
URL = re.compile(r"(?:https?://|www\.)[^\s<>\"“”]+")
URL_TRAIL = ".,;:)’”"


class Here(NamedTuple):
    """An "Available here" of the text, and which of its block's it is."""
    line: int
    col: int
    block: Block
    nth: int


class ListedUrl(NamedTuple):
    """A bare URL of a page-end list."""
    line: int
    url: str


class Met(NamedTuple):
    """A Here or a ListedUrl where reading meets it: the lists are matched to the links in that order."""
    line: int
    col: int
    what: Here | ListedUrl


def resolve_links(ctx: Context, report: Report, url_spans: dict[int, Span | None]) -> Report:
    """The report with every "Available here" given its address and every bare URL made a link; the page-end
    lists are recorded as removed, each URL with the link it serves."""
    targets = _Targets(ctx, _link_fixes(ctx), _extra_urls(ctx))
    # The URL lists follow their links in reading order, at the foot of the same page or the next.
    events = [Met(h.line, h.col, h) for h in _heres(ctx.source, report)]
    events += [Met(line, 0, ListedUrl(line, url)) for line, url in ctx.layout.url_lines.items()]
    for e in sorted(events, key=lambda e: (e.line, e.col)):
        if isinstance(e.what, Here):
            targets.here(e.what)
        else:
            targets.url(e.what)
    targets.check_all_served()
    removed = sorted([*report.removed, *_record_lists(ctx, targets, url_spans)], key=lambda r: r.line)
    report = with_blocks(report, lambda block: _linked(block, targets.links.get(id(block), [])))
    return replace(report, removed=removed, unresolved_links=targets.unresolved, paragraphs=[
        replace(p, footnotes=[replace(f, links=tuple(_url_links(f.text))) for f in p.footnotes])
        for p in report.paragraphs])


def _heres(source: Source, report: Report) -> list[Here]:
    """Every "Available here" of the text, in reading order."""
    blocks_on: dict[int, list[tuple[int, int, Block]]] = {}  # line -> [(start, end, block)]
    for block in text_blocks(report):
        for line, a, e in block.spans:
            blocks_on.setdefault(line, []).append((a, e, block))
    out: list[Here] = []
    seen_in_block: dict[int, int] = {}  # id(block) -> its "Available here"s so far
    for n, text in enumerate(source.lines, start=1):
        for m in HERE.finditer(text):
            found = next((b for a, e, b in blocks_on.get(n, ()) if a <= m.start() < e), None)
            if found is None:
                raise ContentError(source.path, n, "“Available here” outside any block of text")
            k = seen_in_block.get(id(found), 0)
            seen_in_block[id(found)] = k + 1
            out.append(Here(n, m.start(), found, k))
    return out


def _link_fixes(ctx: Context) -> dict[tuple[int, int], LinkFix]:
    """The editorial file's link fixes, by the place of the "Available here" that ends their `at` words."""
    fixes: dict[tuple[int, int], LinkFix] = {}
    for fix in ctx.ed.link_fixes:
        line, col = find_anchor(ctx.source, ctx.ed, fix, fix.at)
        line, end = anchor_end(ctx.source, line, col, fix.at)
        found = [m for m in HERE.finditer(ctx.source.line(line)) if m.end() <= end]
        if not found:
            raise fix.error(f"{fix.at!r} holds no “Available here”")
        fixes[(line, found[-1].start())] = fix
    return fixes


def _extra_urls(ctx: Context) -> dict[int, ExtraUrl]:
    """Listed URLs that are no link's target, by line: the editorial file says which and why."""
    extra: dict[int, ExtraUrl] = {}
    for x in ctx.ed.extra_urls:
        line = next((ln for ln, u in ctx.layout.url_lines.items() if u == x.url and ln not in extra), None)
        if line is None:
            raise x.error(f"{x.url!r} is not a listed URL of the report")
        extra[line] = x
    return extra


class _Targets:
    """Hands each listed URL to the oldest "Available here" still waiting for one; a link fixed by the
    editorial file takes its own URL, or none."""

    def __init__(self, ctx: Context, fixes: dict[tuple[int, int], LinkFix],
                 extra: dict[int, ExtraUrl]) -> None:
        self.source, self.fixes, self.extra = ctx.source, fixes, extra
        self.pending: list[Here] = []  # waiting for the next listed URL
        self.wanted: dict[str, Here] = {}  # url -> fixed links whose URL is listed further on
        self.served: dict[int, Here] = {}  # line of a listed URL -> the Here it is the target of
        self.unresolved: list[UnresolvedLink] = []
        self.links: dict[int, list[Link]] = {}  # id(block) -> the Links of its "Available here"s

    def here(self, h: Here) -> None:
        fix = self.fixes.get((h.line, h.col))
        if fix is None:
            self.pending.append(h)
        elif fix.url:
            self._add(h, fix.url)
            self.wanted[fix.url] = h
        else:
            self.unresolved.append(UnresolvedLink(h.line, AVAILABLE_HERE, fix.why))
            self._add(h, None)

    def url(self, listed: ListedUrl) -> None:
        if listed.line in self.extra:
            return
        if listed.url in self.wanted:
            self.served[listed.line] = self.wanted.pop(listed.url)
            return
        if not self.pending:
            raise ContentError(self.source.path, listed.line,
                               f"listed URL {listed.url} has no “Available here” waiting for it; "
                               f"add link_fixes or extra_urls to the editorial file")
        h = self.pending.pop(0)
        self._add(h, listed.url)
        self.served[listed.line] = h

    def _add(self, here: Here, url: str | None) -> None:
        self.links.setdefault(id(here.block), []).append(_here_link(here, url))

    def check_all_served(self) -> None:
        waiting = self.pending + list(self.wanted.values())
        if waiting:
            raise ContentError(self.source.path, waiting[0].line,
                               f"“Available here” with no listed URL after it (lines "
                               f"{', '.join(str(h.line) for h in waiting)}); add link_fixes to the editorial file")


def _record_lists(ctx: Context, targets: _Targets, url_spans: dict[int, Span | None]) -> list[Removed]:
    out = []
    for line, url in sorted(ctx.layout.url_lines.items()):
        h = targets.served.get(line)
        if h:
            out.append(Removed(line, url, f"link target of “Available here” at line {h.line}", url_spans[line],
                               target_of=h.line))
        else:
            out.append(Removed(line, url, f"link target, not used: {targets.extra[line].why}", url_spans[line]))
    return out


def _here_link(here: Here, url: str | None) -> Link:
    m = list(HERE.finditer(here.block.text))[here.nth]
    if url is None:
        return Link(m.start(), m.end() - m.start(), None, "missing")
    url = url if "://" in url else "http://" + url  # printed without a scheme
    return Link(m.start(), m.end() - m.start(), url, "available_here")


def _linked(block: Block, links: list[Link]) -> Block:
    """The block with its "Available here" links and its bare URLs as links, in the order of the text."""
    taken = [(link.offset, link.offset + link.length) for link in links]
    links = links + [link for link in _url_links(block.text)
                     if not any(a < link.offset + link.length and link.offset < b for a, b in taken)]
    return replace(block, links=tuple(sorted(links, key=lambda link: link.offset)))


def _url_links(text: str) -> list[Link]:
    out = []
    for m in URL.finditer(text):
        url = m.group(0).rstrip(URL_TRAIL)
        href = url if url.startswith("http") else "http://" + url
        out.append(Link(m.start(), len(url), href, "url"))
    return out
