"""Read and print the whole: the Guidelines alone, the full contents, each chapter as one handout, and
printed pages that say what they are (Chromium's page.pdf, read back with pypdf)."""

import io
import json
import re
from html import unescape

import pypdf
import pytest

HEADINGS = {"Commentary", "Referred to in", "Footnotes", "Cite this paragraph"}


def text_of(html):
    # Inline elements (links, acronyms) sit inside a word run; others end one.
    html = re.sub(r"</?(?:a|abbr|span|em|strong)\b[^>]*>", "", html)
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))).strip()


def test_the_guidelines_alone(site, report):
    html = (site / "guidelines" / "index.html").read_text(encoding="utf-8")
    numbers = [int(n) for n in re.findall(r'<div class="?gl-paragraph"? id="?(\d+)"?', html)]
    assert numbers == list(range(1, 114))
    # Each number opens its paragraph; every Guideline passage is there, and no commentary.
    for p in report.paragraphs:
        assert re.search(rf'<a (?=[^>]*href="?\.\./paragraphs/{p.number}/"?[\s>])[^>]*title="{p.number}\. ', html), \
            p.number
        for b in p.guideline:
            assert text_of(b.text)[:60] in text_of(html), (p.number, b.text[:60])
    assert "Commentary" not in text_of(html) and 'class="admonition' not in html
    chapters = re.findall(r"<h2 id=\"?chapter-([ivx]+)\"?", html)
    assert chapters == ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"]
    # A search hit on Guideline text lands on the paragraph page, never here.
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [d for d in index["docs"] if d["location"].startswith(("guidelines/", "contents/"))]
    assert not [d for d in index["docs"] if re.match(r"chapters/[ivx]+/full/", d["location"])]
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="?guidelines/"?' in home or re.search(r'href="?guidelines/"?', home)
    assert re.search(r'href="?contents/"?', home)


def test_full_contents_and_chapter_pages_with_opening_words(site, report):
    contents = text_of((site / "contents" / "index.html").read_text(encoding="utf-8"))
    for p in report.paragraphs:
        assert f"{p.number}. {p.title}" in contents, p.number
    chapter = (site / "chapters" / "iv" / "index.html").read_text(encoding="utf-8")
    assert "42. Sexting by children — “The Committee draws States parties’ attention to the need to address" \
        in text_of(chapter)
    assert re.search(r'href="?full/"?', chapter)


def test_a_chapter_handout_holds_the_chapter_in_reading_order(site, report):
    html = (site / "chapters" / "iv" / "full" / "index.html").read_text(encoding="utf-8")
    text = text_of(html)
    paras = [p for p in report.paragraphs if p.chapter == "IV"]
    places = [text.index(f"{p.number}. {p.title}") for p in paras]
    assert places == sorted(places)
    for p in paras:
        for b in p.commentary:
            assert text_of(b.text)[:50] in text, (p.number, b.text[:50])
        for f in p.footnotes:
            assert f'id="fn:{f.series[0]}{f.number}"' in html or f"id=fn:{f.series[0]}{f.number}" in html
    ids = re.findall(r'\bid="?([^"\s>]+)', html)
    assert len(ids) == len(set(ids)), [i for i in ids if ids.count(i) > 1][:5]


def printed(browser, server, path, scheme="light"):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    page.goto(server + path)
    page.wait_for_load_state("networkidle")
    pdf = page.pdf(format="A4", print_background=True)
    context.close()
    return pypdf.PdfReader(io.BytesIO(pdf)), pdf


def lines(page):
    return [line.strip() for line in page.extract_text().splitlines() if line.strip()]


WORK = "Explanatory Report to the OPSC Guidelines · online edition"


@pytest.mark.parametrize("path, running, most, scheme", [
    ("/paragraphs/42/", "42. Sexting by children", 2, "light"),
    ("/paragraphs/42/", "42. Sexting by children", 2, "dark"),
    ("/paragraphs/97/", "97. Support and legal counselling in proceedings", 5, "light"),
    ("/chapters/iv/full/", "IV. Prevention of the offences covered by the Optional Protocol: the whole chapter", 20,
     "dark"),
    ("/guidelines/", "Guidelines regarding the implementation of the Optional Protocol to the Convention", 40,
     "light"),
])
def test_a_printed_handout_says_what_it_is_on_every_page(browser, server, site, path, running, most, scheme,
                                                         tmp_path_factory):
    """Issue 20, point 5: every printed page names the page and its address at its head, the work and the
    edition at its foot; the last ends with how to cite it. Paragraph 42's box breaks rather than leave half
    of the first page empty (2 pages, was 3)."""
    reader, pdf = printed(browser, server, path, scheme)
    assert 1 <= len(reader.pages) <= most, len(reader.pages)
    address = re.search(r'<link href="?([^" >]+)"? rel="?canonical', (site / path.strip("/") / "index.html")
                        .read_text(encoding="utf-8")).group(1)
    headings = set(HEADINGS)
    if "full" in path:
        headings |= {f"{n}. {t}" for n, t in re.findall(r'<h3 id="?p(\d+)"?><a[^>]*>\d+\. ([^<]+)</a>',
                                                          (site / "chapters/iv/full/index.html").read_text("utf-8"))}
    for k, page in enumerate(reader.pages, 1):
        text = lines(page)
        assert text[0].startswith(running[:60]) and address in text[0], (k, text[:2])
        assert any(WORK in line for line in text), (k, text[-3:])
        assert any(line.startswith(f"{k} / {len(reader.pages)}") for line in text), (k, text[-3:])
        # No heading is left at the foot of a page: the last line of text is not one.
        body = [line for line in text if not line.startswith(f"{k} / {len(reader.pages)}") and WORK not in line]
        assert body[-1] not in headings, (k, body[-3:])
    # The printout ends with how to cite it, and its address.
    end = " ".join(lines(reader.pages[-1]))
    assert "Committee on the Rights of the Child, Guidelines regarding the implementation" in end
    assert re.search(r"online edition [\d.]+ \(\d{4}-\d{2}-\d{2}\), " + re.escape(address), end.replace("- ", "-")), end[-300:]
    shots = tmp_path_factory.getbasetemp() / "screenshots"
    shots.mkdir(exist_ok=True)
    (shots / (path.strip("/").replace("/", "-") + f"-{scheme}.pdf")).write_bytes(pdf)


def test_printing_from_the_dark_palette_gives_a_light_page(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="dark")
    page = context.new_page()
    page.goto(server + "/paragraphs/42/")
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    page.emulate_media(media="print")
    colours = page.evaluate("""() => [getComputedStyle(document.documentElement).backgroundColor,
        getComputedStyle(document.body).backgroundColor,
        getComputedStyle(document.querySelector('.guideline p')).color,
        getComputedStyle(document.querySelector('article a.external')).color]""")
    context.close()
    assert colours[0] == colours[1] == "rgb(255, 255, 255)", colours
    r, g, b = map(int, re.findall(r"\d+", colours[2])[:3])
    assert max(r, g, b) < 80, colours  # dark text
    r, g, b = map(int, re.findall(r"\d+", colours[3])[:3])
    assert 0.2126 * r + 0.7152 * g + 0.0722 * b < 100, colours  # dark links, not pale lavender


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_download_button_is_readable(browser, server, scheme):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    page.goto(server + "/download/")
    page.evaluate("""() => document.querySelector('article').insertAdjacentHTML('beforeend',
        '<p><a class="md-button md-button--primary" href="#">Download the offline copy</a></p>')""")
    fg, bg = page.eval_on_selector(".md-button--primary", """el => [getComputedStyle(el).color,
        getComputedStyle(el).backgroundColor]""")
    context.close()

    def luminance(css):
        channels = [int(x) / 255 for x in re.findall(r"\d+", css)[:3]]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    high, low = sorted((luminance(fg), luminance(bg)), reverse=True)
    assert (high + 0.05) / (low + 0.05) >= 4.5, (fg, bg)


def test_a_printed_page_shows_the_number_of_each_commentary_passage(browser, server):
    """Commentary passages are cited by their number ("paragraph 31, passage 3"): the printout shows it."""
    reader, _ = printed(browser, server, "/paragraphs/31/")
    text = " ".join(" ".join(lines(page)) for page in reader.pages)
    for n, words in ((1, "Article 9 of the OPSC sets forth"), (3, "Likewise, the Lanzarote Convention requires")):
        assert re.search(rf"(?:^|\s){n}\s+{re.escape(words)}", text), (n, words)
