"""The built site in Chromium: deep links, no third party, accessibility
(axe-core, both palettes), keyboard use and phone widths."""

import re
from pathlib import Path

import pytest
from conftest import CSP, PROBE, STRICT_CSP, policy_holds, refused

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / ".cache" / "node" / "node_modules" / "axe-core" / "axe.min.js"
PHONE = 375


def html_pages(site):
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def url_of(server, path):
    """The address a reader uses: directory URLs without index.html."""
    return f"{server}/{path[:-len('index.html')] if path.endswith('index.html') else path}"


# ---------------------------------------------------------------- deep links

DEEP_LINKS = [
    ("/paragraphs/42/#guideline", "guideline"),
    ("/paragraphs/5/#commentary-2", "commentary-2"),
    ("/paragraphs/16/#good-practice-1", "good-practice-1"),  # a callout box
    ("/paragraphs/15/#fn:r44", "fn:r44"),                    # footnote 44 of the report
]


def test_deep_links_land_on_the_exact_spot(page, server, site):
    for url, target in DEEP_LINKS:
        path = url.split("#")[0].strip("/") + "/index.html"
        assert f"id={target}" in (site / path).read_text(encoding="utf-8").replace('"', ""), (url, "no such id")
        page.goto(server + url)
        page.wait_for_load_state()
        box = page.evaluate("""id => {
            const el = document.getElementById(id);
            if (!el) return null;
            const r = el.getBoundingClientRect();
            return {top: r.top, bottom: r.bottom, height: innerHeight,
                    header: document.querySelector(".md-header").getBoundingClientRect().bottom,
                    scrolled: scrollY};
        }""", target)
        assert box, (url, "target missing")
        assert box["scrolled"] > 0, (url, "the page did not scroll", box)
        # In view, below Material's fixed header, not hidden under it.
        assert box["header"] <= box["top"] < box["height"], (url, box)


def test_a_published_address_whose_passage_moved_still_lands_on_it(page, server):
    """62#commentary-1 was published for a passage now shown under paragraph 61 (content/permalinks.tsv)."""
    for url, now, starts in [
        # A commentary passage starts with its number, the one of its address now (issue 20).
        ("/paragraphs/62/#commentary-1", "/paragraphs/61/#commentary-2", "2 Previously, the representation of a child"),
        ("/paragraphs/62/#fn:r142", "/paragraphs/61/#fn:r142", "The definition of “child pornography”"),
    ]:
        page.goto(server + url)
        page.wait_for_url(server + now)
        target = page.locator(f'[id="{now.split("#")[1]}"]')
        assert target.inner_text().startswith(starts), url
        assert target.evaluate("e => { const r = e.getBoundingClientRect();"
                               " return r.top > 0 && r.top < window.innerHeight; }"), url
        notice = page.locator(".moved-notice")
        assert notice.inner_text().startswith(
            f"You followed a link to paragraph 62 (#{url.split('#')[1]}). That passage has since been placed"), url
    # Paragraph 62's own first passage kept its published number.
    page.goto(server + "/paragraphs/62/#commentary-2")
    assert page.locator('[id="commentary-2"]').inner_text().startswith("2 In paragraph 62 of the Guidelines")


# ---------------------------------------------------------------- third parties

def one_page_per_template(site):
    """A page of each kind: the 113 paragraph pages, the ten chapter pages and the ten handouts are each one
    template over different text; every other page is its own."""
    kinds = {}
    for path in html_pages(site):
        kinds.setdefault(re.sub(r"chapters/[ivx]+/", "chapters/X/", re.sub(r"\d+", "N", path)), path)
    return sorted(kinds.values())


def test_no_page_requests_anything_from_a_third_party(browser, server, site):
    """A page of each kind, loaded with every request recorded (what scripts fetch as well as what the
    page names): all of them to 127.0.0.1."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    requests = []
    page.on("request", lambda r: requests.append((page.url, r.url)))
    pages = one_page_per_template(site)
    assert {"paragraphs/1/index.html", "chapters/i/index.html", "chapters/i/full/index.html", "index.html",
            "404.html", "guidelines/index.html", "articles/index.html"} <= set(pages)
    for path in pages:
        page.goto(url_of(server, path), wait_until="load")
        page.wait_for_timeout(100)  # what a page starts after load (the search worker, its index)
    page.keyboard.press("/")  # and a search, with its results
    page.keyboard.type("grooming")
    page.wait_for_selector(".md-search-result__item")
    context.close()
    assert len(requests) > 4 * len(pages)
    foreign = sorted({(where, url) for where, url in requests
                      if not url.startswith(("http://127.0.0.1:", "data:", "blob:", "about:"))})
    assert not foreign, foreign[:10]
    assert any(url.endswith("search/search_index.json") for _, url in requests)


# ---------------------------------------------------------------- a strict Content-Security-Policy

def test_the_readme_gives_the_policy_tested_here():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"\nContent-Security-Policy: {CSP}\n" in readme


def test_a_strict_content_security_policy_breaks_nothing(strict_csp, server, site):
    """Every page template, a search and a passage's Cite under `default-src 'self'; script-src 'self';
    style-src 'self'` (README): no violation, no script error, and the scripts did their work."""
    page, violations, errors = strict_csp
    pages = one_page_per_template(site)
    for path in pages:
        page.goto(url_of(server, path), wait_until="load")
        violations()
    page.goto(server + "/paragraphs/42/")
    # site.js ran (Cite buttons, the print footer and the print rules it builds), and so did Material's
    # bootstrap (the palette) and its bundle (the search).
    assert page.locator("#regional-good-practice-1 .cite-passage").count() == 1
    assert page.locator(".print-footer").count() == 1
    assert page.evaluate("document.adoptedStyleSheets.length") == 1
    assert page.evaluate("typeof __md_get") == "function"
    page.keyboard.press("/")
    page.keyboard.type("grooming")
    page.wait_for_selector(".md-search-result__item a[href*='paragraphs/68/']")
    # The 404 page where a host serves it, for an address that is not here, with its suggestion.
    not_found = (site / "404.html").read_text(encoding="utf-8")
    page.route("**/not-here/**", lambda route: route.fulfill(
        status=404, body=not_found, content_type="text/html", headers={"content-security-policy": STRICT_CSP}))
    page.goto(server + "/not-here/paragraph/42")
    assert page.locator("#not-found-suggestion a").get_attribute("href") == "/paragraphs/42/"
    assert policy_holds(page)  # the policy was sent, and held
    found = violations()
    assert any((v["sample"] or "").startswith(PROBE) for v in found)  # and a violation is reported
    assert refused(found) == [], sorted({(v["directive"], v["blocked"], v["source"], v["sample"][:60]) for v in refused(found)})
    assert errors == []


# ---------------------------------------------------------------- accessibility

AXE_RUN = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations.filter(v => ["serious", "critical"].includes(v.impact)).map(v => ({
    id: v.id, impact: v.impact,
    nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + ": " +
                                   n.any.concat(n.all).map(c => c.message).join("; "))}));
}"""


def axe_violations(page):
    # Material fades results and links in (0.25 s colour transitions); a reader sees the settled colours,
    # so measure those, not a frame halfway through.
    page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')", timeout=5000)
    page.add_script_tag(path=str(AXE))
    return page.evaluate(AXE_RUN)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_accessibility_violation(browser, server, scheme):
    assert AXE.is_file(), "axe-core: bash scripts/setup.sh --tests"
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    found = {}
    for path in ["/", "/paragraphs/16/", "/good-practice/", "/guidelines/", "/contents/", "/chapters/iv/",
                 "/chapters/iv/full/", "/download/", "/about/edition/", "/about/apparatus/", "/instruments/",
                 "/articles/", "/case-law/", "/definitions/", "/paragraphs/61/",
                 # "sic" markers beside passages (their names start with the word shown)
                 "/paragraphs/36/", "/recommendations/", "/themes/travel/", "search"]:
        if path == "search":  # the search dialog, open, with results
            page.goto(server + "/")
            page.keyboard.press("/")
            page.keyboard.type("grooming")
            page.wait_for_selector(".md-search-result__item mark")
        else:
            page.goto(server + path)
        palette = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
        assert palette == {"light": "default", "dark": "slate"}[scheme]
        violations = axe_violations(page)
        if violations:
            found[path] = violations
    context.close()
    assert not found, "\n" + "\n".join(f"{path} {v['impact']} {v['id']}:\n    " + "\n    ".join(v["nodes"])
                                       for path, violations in found.items() for v in violations)


# ---------------------------------------------------------------- keyboard

def focused(page):
    return page.evaluate("""() => { const el = document.activeElement;
        return {tag: el.tagName, cls: el.className || "", text: el.textContent.trim(),
                href: el.getAttribute("href") || ""} }""")


FOCUS_STYLE = """el => { const s = getComputedStyle(el);
  return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.backgroundColor, s.color,
          s.textDecorationLine, s.opacity].join("|") }"""


def focused_contrast(page):
    """axe-core's colour-contrast messages for the focused element, as it looks focused."""
    page.add_script_tag(path=str(AXE))
    return page.evaluate("""async () => {
        const el = document.activeElement;
        el.setAttribute("data-axe-focused", "");
        const result = await axe.run("[data-axe-focused]", {runOnly: ["color-contrast"]});
        el.removeAttribute("data-axe-focused");
        return result.violations.flatMap(v => v.nodes.map(n => n.any.map(c => c.message).join("; ")));
    }""")


def test_keyboard_skip_link_search_and_results(page, server):
    page.goto(server + "/", wait_until="load")
    page.keyboard.press("Tab")
    first = focused(page)
    assert "md-skip" in first["cls"] and first["text"] == "Skip to content", first
    box = page.evaluate("document.activeElement.getBoundingClientRect().toJSON()")
    assert box["width"] > 0 and box["top"] >= 0, box
    # "/" opens the search, typing searches, Enter opens the best result.
    page.keyboard.press("Escape")
    page.evaluate("document.activeElement.blur()")
    page.keyboard.press("/")
    page.wait_for_function("document.getElementById('__search').checked", timeout=5000)
    assert "md-search__input" in focused(page)["cls"]
    page.keyboard.type("42")
    page.wait_for_selector(".md-search-result__item a[href*='paragraphs/42/']")
    page.keyboard.press("Enter")
    page.wait_for_url("**/paragraphs/42/**")
    # Arrow down moves into the results, Enter follows the focused one.
    page.goto(server + "/")
    page.keyboard.press("/")
    page.keyboard.type("grooming")
    page.wait_for_selector(".md-search-result__item a[href*='paragraphs/68/']")
    page.keyboard.press("ArrowDown")
    assert "paragraphs/68/" in focused(page)["href"], focused(page)
    page.keyboard.press("Enter")
    page.wait_for_url("**/paragraphs/68/**")


def test_keyboard_reaches_the_copy_button_and_the_passage_links_visibly(page, server):
    page.goto(server + "/paragraphs/16/")
    blurred = {
        "block-link": page.locator("a.block-link").first.evaluate(FOCUS_STYLE),
        "copy-citation": page.locator("button.copy-citation").evaluate(FOCUS_STYLE),
    }
    seen = {}
    for _ in range(600):
        page.keyboard.press("Tab")
        kind = page.evaluate("""() => { const el = document.activeElement;
            return el.classList.contains("block-link") ? "block-link"
                 : el.classList.contains("copy-citation") ? "copy-citation" : null }""")
        if kind and kind not in seen:
            page.wait_for_timeout(400)  # Material's focus transition
            seen[kind] = {
                "style": page.evaluate(f"({FOCUS_STYLE})(document.activeElement)"),
                "visible": page.evaluate("""() => {
                    const el = document.activeElement, r = el.getBoundingClientRect();
                    return el.matches(":focus-visible") && r.width > 0 && r.height > 0 && r.bottom > 0
                           && r.top < innerHeight && getComputedStyle(el).opacity === "1" }"""),
                "contrast": focused_contrast(page),
            }
        if len(seen) == 2:
            break
    assert set(seen) == {"block-link", "copy-citation"}, seen
    for kind, state in seen.items():
        assert state["visible"], (kind, state)
        assert state["style"] != blurred[kind], (kind, "focus looks the same as no focus", state["style"])
    # Focused, still readable (axe-core's colour contrast of the focused element).
    assert not [state["contrast"] for state in seen.values() if state["contrast"]], seen


# ---------------------------------------------------------------- phone

def test_no_horizontal_scrolling_on_a_phone(browser, server, tmp_path_factory):
    context = browser.new_context(viewport={"width": PHONE, "height": 740}, device_scale_factor=2,
                                  is_mobile=True, has_touch=True)
    page = context.new_page()
    wide = {}
    for path in ["/paragraphs/16/", "/paragraphs/42/", "/paragraphs/97/", "/resources/"]:
        page.goto(server + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE:
            wide[path] = (width, page.evaluate(f"""() => [...document.querySelectorAll("body *")]
                .filter(el => el.getBoundingClientRect().right > {PHONE} + 1)
                .slice(0, 5).map(el => el.tagName + "." + el.className)"""))
        if path == "/paragraphs/16/":
            shots = tmp_path_factory.getbasetemp() / "screenshots"
            shots.mkdir(exist_ok=True)
            page.screenshot(path=str(shots / "paragraph-16-375px.png"))
            page.screenshot(path=str(shots / "paragraph-16-375px-full.png"), full_page=True)
    context.close()
    assert not wide, wide


def test_the_hidden_search_results_are_no_tab_stop(page, server):
    """Issue 20, point 7: the fifth Tab stop of a page was the invisible wrapper of the search results."""
    page.goto(server + "/paragraphs/42/")
    stops = []
    for _ in range(8):
        page.keyboard.press("Tab")
        stops.append(page.evaluate("document.activeElement.className"))
    assert not any("md-search__scrollwrap" in s for s in stops), stops
    # With results to scroll, the list takes the keyboard again.
    page.keyboard.press("/")
    page.keyboard.type("grooming")
    page.wait_for_selector(".md-search-result__item")
    assert page.evaluate("document.querySelector('.md-search__scrollwrap').tabIndex") == 0


def test_the_phone_menu_opens_at_the_chapter(browser, server):
    """Issue 20, point 7: on a phone the menu of paragraph 42 opens at chapter IV (the chapters one tap
    back), not at its section C (two taps back); the wide sidebar keeps every level open."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(server + "/paragraphs/42/")
    checked = "() => [...document.querySelectorAll('input.md-nav__toggle:checked')].map(t => t.id)"
    assert len(page.evaluate(checked)) == 2  # chapter IV and its section C, as Material marks the page
    page.locator("label.md-header__button[for=__drawer]").click()
    page.wait_for_timeout(300)
    assert page.evaluate(checked) == [page.evaluate(checked)[0]] and "_" not in page.evaluate(checked)[0][6:]
    title = page.locator("nav.md-nav--primary .md-nav__toggle:checked + .md-nav__link ~ nav > .md-nav__title")
    assert title.first.inner_text().strip().startswith("IV.")
    context.close()
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(server + "/paragraphs/42/")
    assert len(page.evaluate(checked)) == 2
    context.close()
