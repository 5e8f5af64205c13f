"""Give every "Available here" its URL, and make bare URLs links.

The PDF's link targets survive only as bare URLs listed at the end of each
page, in the order the links stand on that page. Where a page's count of
links and URLs differ, the editorial file says which is which.
"""

import re

from .anchors import anchor_end, find_anchor
from .errors import ContentError
from .model import Block, Callout, Link, Removed

AVAILABLE_HERE = "Available here"
# The report misspells it once ("Avalaible here"); it is a link all the same.
HERE = re.compile(r"[Aa]va(?:ila|lai)ble here")
URL = re.compile(r"(?:https?://|www\.)[^\s<>\"“”]+")
URL_TRAIL = ".,;:)’”"


def all_blocks(report):
    yield from report.front_matter
    for p in report.paragraphs:
        yield from p.guideline
        for item in p.items:
            if isinstance(item, Block):
                yield item
            else:
                yield item.heading
                for e in item.entries:
                    yield from e.blocks


def resolve_links(ctx, report, url_spans):
    source, ed, layout = ctx.source, ctx.ed, ctx.layout
    occurrences = []  # (line, col, block, k-th in block)
    owner = {}
    for block in all_blocks(report):
        for span in block.spans:
            owner[span] = block
    seen_in_block = {}
    for n, text in enumerate(source.lines, start=1):
        for m in HERE.finditer(text):
            start = m.start()
            block = next((b for (ln, a, e), b in owner.items() if ln == n and a <= start < e), None)
            if block is None:
                raise ContentError(source.path, n, "“Available here” outside any block of text")
            k = seen_in_block.get(id(block), 0)
            seen_in_block[id(block)] = k + 1
            occurrences.append((n, start, block, k))

    fixes = {}
    for fix in ed.get("link_fixes") or ():
        line, col = find_anchor(source, ed, fix, fix["at"])
        line, end = anchor_end(source, line, col, fix["at"])
        found = [m for m in HERE.finditer(source.line(line)) if m.end() <= end]
        pos = found[-1].start() if found else -1
        if pos < 0:
            raise ContentError(ed["__path__"], fix["__line__"], f"{fix['at']!r} holds no “Available here”")
        fixes[(line, pos)] = fix

    # The URL lists follow their links in reading order, at the foot of the
    # same page or the next: hand each URL to the oldest link still waiting.
    events = [(occ[0], occ[1], "here", occ) for occ in occurrences]
    events += [(line, 0, "url", url) for line, url in layout.url_lines.items()]
    extra = {}
    for x in ed.get("extra_urls") or ():
        line = next((ln for ln, u in layout.url_lines.items() if u == x["url"] and ln not in extra), None)
        if line is None:
            raise ContentError(ed["__path__"], x["__line__"], f"{x['url']!r} is not a listed URL of the report")
        extra[line] = x
    pending, used, unresolved, wanted = [], {}, [], {}
    for line, col, kind, payload in sorted(events, key=lambda e: (e[0], e[1])):
        if kind == "here":
            fix = fixes.get((line, col))
            if fix is None:
                pending.append(payload)
            elif fix.get("url"):
                _add_here(payload, fix["url"])
                wanted[fix["url"]] = payload
            else:
                unresolved.append({"line": line, "text": AVAILABLE_HERE, "why": fix.get("why", "")})
                _add_here(payload, None)
            continue
        if line in extra:
            continue
        if payload in wanted:
            used[line] = wanted.pop(payload)
            continue
        if not pending:
            raise ContentError(source.path, line,
                               f"listed URL {payload} has no “Available here” waiting for it; "
                               f"add link_fixes or extra_urls to the editorial file")
        occ = pending.pop(0)
        _add_here(occ, payload)
        used[line] = occ
    if pending or wanted:
        first = (pending or list(wanted.values()))[0]
        raise ContentError(source.path, first[0],
                           f"“Available here” with no listed URL after it (lines "
                           f"{', '.join(str(o[0]) for o in pending + list(wanted.values()))}); "
                           f"add link_fixes to the editorial file")
    for line, url in sorted(layout.url_lines.items()):
        occ = used.get(line)
        if occ:
            why = f"link target of “Available here” at line {occ[0]}"
        else:
            why = f"link target, not used: {extra[line]['why']}"
        report.removed.append(Removed(line, url, why, url_spans[line]))
    report.unresolved_links = unresolved

    for block in all_blocks(report):
        _autolink(block)
    for p in report.paragraphs:
        for f in p.footnotes:
            f.links = _url_links(f.text)


def _add_here(occ, url):
    _, _, block, k = occ
    m = list(HERE.finditer(block.text))[k]
    if url is None:
        block.links.append(Link(m.start(), m.end() - m.start(), None, "missing"))
        return
    url = url if "://" in url else "http://" + url  # printed without a scheme
    block.links.append(Link(m.start(), m.end() - m.start(), url, "available_here"))


def _autolink(block):
    taken = [(link.offset, link.offset + link.length) for link in block.links]
    for link in _url_links(block.text):
        if not any(a < link.offset + link.length and link.offset < b for a, b in taken):
            block.links.append(link)
    block.links.sort(key=lambda link: link.offset)


def _url_links(text):
    out = []
    for m in URL.finditer(text):
        url = m.group(0).rstrip(URL_TRAIL)
        href = url if url.startswith("http") else "http://" + url
        out.append(Link(m.start(), len(url), href, "url"))
    return out
