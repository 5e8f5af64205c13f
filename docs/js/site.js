// Citation block: the page's own address, a copy button, and a print footer.
(function () {
  "use strict";

  // The page's published address (mkdocs.yml site_url), as its citation gives it: not the address it was
  // read at (a mirror, a file on this computer, the search words ?h=…).
  function pageAddress() {
    var cited = document.getElementById("citation-text");
    if (cited && cited.hasAttribute("data-address")) return cited.getAttribute("data-address");
    var canonical = document.querySelector('link[rel="canonical"]');
    if (canonical) return canonical.href;
    return window.location.origin + window.location.pathname;
  }

  // The passage the address names: its fragment, decoded. A malformed escape (#%, #%E0%A4%A) names no passage
  // and must stop nothing else on the page, so it gives "" (and a fragment that decodes to nothing, too).
  function fragment() {
    var hash = window.location.hash.slice(1);
    try {
      return decodeURIComponent(hash);
    } catch (e) {
      return "";
    }
  }

  // A box's title as the reader sees it: all of its text (search marks split it into several nodes), without
  // the ¶ link and the Cite button that follow it.
  function titleText(title) {
    var copy = title.cloneNode(true);
    copy.querySelectorAll(".block-link, .cite-passage").forEach(function (el) { el.remove(); });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

  // A template of the build's (macros/pages/citations.py, cite_data) with its {slots} filled, in one pass: a
  // value is never read as a slot. The words are all the build's: this only puts the passage's parts in.
  function fill(template, slots) {
    return template.replace(/\{([a-z]+)\}/g, function (slot, name) {
      return Object.prototype.hasOwnProperty.call(slots, name) ? slots[name] : slot;
    });
  }

  // The citation of one passage, from the templates the paragraph's citation carries: a Guideline item's
  // (the paragraph and its letter), or a commentary passage's or a box's (ECPAT's words, cited as theirs, on
  // the Committee's paragraph, named by its number or its title). null: the page has no citation for it.
  function passageCitation(id) {
    var data = document.getElementById("citation-text");
    var target = document.getElementById(id);
    if (!data || !target) return null;
    var template = function (name) { return data.getAttribute("data-" + name); };
    var item = id.match(/^guideline-([a-z])$/);
    if (item) return template("cite-item") && fill(template("cite-item"), {item: item[1]});
    var passage = id.match(/^commentary-(\d+)$/);
    var title = target.classList.contains("admonition") && target.querySelector(".admonition-title");
    if (!template("cite-passage") || !(passage || title)) return null;
    var label = passage ? fill(template("label-commentary"), {n: passage[1]})
                        : fill(template("label-box"), {title: titleText(title)});
    return fill(template("cite-passage"), {anchor: id, label: label});
  }

  // A published address whose passage has since moved (macros/permalinks.py): go where it is now.
  function followMovedAnchor() {
    var id = fragment();
    var el = id && document.getElementById(id);
    if (!el || !el.classList.contains("moved-anchor")) return;
    // The same page: an item's first-edition number (#guideline-6) now named by its letter (#guideline-e).
    if (el.pathname === window.location.pathname) {
      window.location.replace(el.href);
      return;
    }
    // Say on arrival why a link to one paragraph opened another (a trainer's slide may say "para 62").
    var old = window.location.pathname.match(/paragraphs\/(\d+)/);
    try {
      sessionStorage.setItem("opsc-moved", JSON.stringify({to: el.href, from: old ? old[1] : "", anchor: id}));
    } catch (e) { /* storage off: the reader still lands on the passage */ }
    window.location.replace(el.href);
  }

  function announceMove() {
    var moved;
    try {
      moved = JSON.parse(sessionStorage.getItem("opsc-moved") || "null");
      // The old page runs this too, before it is replaced: only the page moved to takes the note.
      if (!moved || moved.to !== window.location.href) return;
      sessionStorage.removeItem("opsc-moved");
    } catch (e) { return; }
    var target = document.getElementById(fragment());
    if (!target) return;
    var note = document.createElement("p");
    note.className = "moved-notice";
    note.setAttribute("role", "status");
    note.textContent = "You followed a link to paragraph " + moved.from + " (#" + moved.anchor + "). " +
      "That passage has since been placed with the paragraph it explains, " +
      document.querySelector(".md-content__inner h1").firstChild.textContent.trim() + ": it is the one below.";
    // Just above the passage (above its list, for a footnote), and in view with it.
    var list = target.parentElement.closest("ol, ul");
    (list || target).insertAdjacentElement("beforebegin", note);
    var show = function () { note.scrollIntoView({block: "start"}); };
    show();
    // The browser scrolls to the fragment again once the page has loaded.
    window.addEventListener("load", function () { setTimeout(show, 0); });
  }
  followMovedAnchor();
  window.addEventListener("hashchange", followMovedAnchor);

  // The 404 page (overrides/404.html), served at any address that is not here: an address that nearly names
  // a page (/paragraph/42, /paragraphs/42.html, /para/42, /chapters/4/) is offered as a link.
  function notFound() {
    var out = document.getElementById("not-found-suggestion");
    if (!out) return;
    var base = out.getAttribute("data-base") || "/";
    var path = window.location.pathname;
    try {
      path = decodeURIComponent(path);
    } catch (e) { /* a malformed escape: read the address as it came */ }
    path = path.toLowerCase();
    var roman = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"];
    var link = function (href, label, before) {
      var a = document.createElement("a");
      a.href = base + href;
      a.textContent = label;
      out.textContent = before;
      out.appendChild(a);
      out.appendChild(document.createTextNode("?"));
    };
    var p = path.match(/(?:^|\/)(?:paragraphs?|paras?|guidelines?|p)[\/._-]*(\d{1,4})\b/);
    var c = path.match(/(?:^|\/)chapters?[\/._-]*([ivx]+|\d{1,2})\b/);
    if (p) {
      var n = +p[1];
      if (n >= 1 && n <= 113) link("paragraphs/" + n + "/", "Paragraph " + n, "Were you looking for ");
      else out.textContent = "There is no paragraph " + n + ": the Guidelines have paragraphs 1 to 113.";
    } else if (c) {
      var k = /^\d+$/.test(c[1]) ? roman[+c[1] - 1] : c[1];
      if (roman.indexOf(k) >= 0) link("chapters/" + k + "/", "Chapter " + k.toUpperCase(), "Were you looking for ");
    }
  }

  // The scrolling wrapper of Material's search results takes the keyboard (tabindex 0) so that a long list
  // can be scrolled; with no results to show it is invisible, and must not be a Tab stop of every page.
  function searchResultsTabStop() {
    var wrap = document.querySelector(".md-search__scrollwrap");
    var list = document.querySelector(".md-search-result__list");
    if (!wrap || !list) return;
    // Without results it does not scroll either, so it is no scrollable region that the keyboard cannot reach.
    var sync = function () {
      wrap.tabIndex = list.children.length ? 0 : -1;
      wrap.classList.toggle("no-results", !list.children.length);
    };
    new MutationObserver(sync).observe(list, {childList: true});
    sync();
  }

  // On a phone the menu opens at the level of the current page, which for a paragraph is its section:
  // the chapters were two taps back. It opens at the chapter instead (its sections and paragraphs, the
  // chapters one tap back); the wide screen's sidebar keeps every level open.
  function phoneMenuAtTheChapter() {
    var drawer = document.getElementById("__drawer");
    if (!drawer || !window.matchMedia) return;
    var phone = window.matchMedia("(max-width: 76.234375em)");
    drawer.addEventListener("change", function () {
      if (!drawer.checked || !phone.matches) return;
      document.querySelectorAll("input.md-nav__toggle[id^='__nav_']").forEach(function (toggle) {
        if (/^__nav_\d+_\d+/.test(toggle.id) && toggle.checked) toggle.checked = false;
      });
    });
  }

  function ready() {
    notFound();
    announceMove();
    watchResults();
    passageLinks();
    printing();
    acronyms();
    // Material's search dialog has no accessible name of its own.
    var dialog = document.querySelector(".md-search");
    if (dialog && !dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", "Search");
    searchResultsTabStop();
    citationFiles();
    phoneMenuAtTheChapter();

    document.querySelectorAll("button.copy-citation").forEach(function (button) {
      button.addEventListener("click", function () {
        var target = document.querySelector(button.getAttribute("data-copy"));
        if (!target) return;
        var text = target.textContent.replace(/\s+/g, " ").trim();
        var done = function () {
          button.textContent = "Copied";
          setTimeout(function () { button.textContent = "Copy citation"; }, 2000);
        };
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(text).then(done, function () { fallbackCopy(text); done(); });
        } else {
          fallbackCopy(text);
          done();
        }
      });
    });

    var citation = document.querySelector("#citation-text");
    var article = document.querySelector(".md-content__inner");
    if (article && !document.querySelector(".print-footer")) {
      var footer = document.createElement("p");
      footer.className = "print-footer";
      // The citation already ends with the page's address.
      footer.textContent = citation ? citation.textContent.replace(/\s+/g, " ").trim()
                                    : "Printed from " + pageAddress();
      article.appendChild(footer);
    }
  }

  // Acronyms (<abbr>, from content/acronyms.yaml): hovering or tapping one shows what it stands for
  // (Material's tooltips). The first of each on the page also takes keyboard focus, so the expansion is
  // reachable without a pointer; every one would fill a page with tab stops.
  function acronyms() {
    var seen = {};
    document.querySelectorAll(".md-content abbr[title]").forEach(function (abbr) {
      if (seen[abbr.textContent]) return;
      seen[abbr.textContent] = true;
      abbr.tabIndex = 0;
    });
  }

  function say(text) {
    var status = document.getElementById("copy-status");
    if (!status) {
      status = document.createElement("p");
      status.id = "copy-status";
      status.className = "copy-status";
      status.setAttribute("role", "status");
      document.body.appendChild(status);
    }
    status.textContent = text;
    clearTimeout(status.timer);
    status.timer = setTimeout(function () { status.textContent = ""; }, 4000);
  }

  // Citation files for reference managers (macros/pages/citations.py, citation_file_links): a link downloads the file,
  // "Copy" puts it on the clipboard for a reference manager's import from clipboard. Either way the access
  // date is the reader's: the build writes the edition's date in the form each file uses (the paragraph's
  // data-accessed-*, from macros/cite_formats.py ACCESSED), and this writes today's date in the same form.
  function citationFiles() {
    // From disk a script cannot read the files: the links download them as they are.
    if (window.location.protocol === "file:") return;
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    var fill = function (form, y, m, d) {
      return form.replace("%Y", String(y)).replace("%m", pad(m)).replace("%d", pad(d))
        .replace("%n", String(m)).replace("%j", String(d));
    };
    var load = function (link) {
      var box = link.closest("[data-edition-date]");
      return fetch(link.href, {credentials: "same-origin"}).then(function (r) {
        if (!r.ok) throw new Error(String(r.status));
        return r.text();
      }).then(function (text) {
        var form = box && box.getAttribute("data-accessed-" + link.getAttribute("data-format").replace(".", "-"));
        var edition = (box && box.getAttribute("data-edition-date") || "").split("-").map(Number);
        if (!form || edition.length !== 3 || edition.some(isNaN)) return text;
        var now = new Date();
        return text.split(fill(form, edition[0], edition[1], edition[2]))
          .join(fill(form, now.getFullYear(), now.getMonth() + 1, now.getDate()));
      });
    };
    document.querySelectorAll("a.cite-file[download]").forEach(function (link) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        load(link).then(function (text) {
          var a = document.createElement("a");
          a.href = URL.createObjectURL(new Blob([text], {type: "text/plain;charset=utf-8"}));
          a.download = link.getAttribute("download");
          document.body.appendChild(a);
          a.click();
          setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
        }, function () { window.location.href = link.href; });
      });
    });
    document.querySelectorAll("button.cite-copy").forEach(function (button) {
      var link = button.previousElementSibling;
      if (!link || !link.classList.contains("cite-file")) return;
      button.addEventListener("click", function () {
        load(link).then(function (text) {
          copy(text, function () { say(link.textContent + " entry copied, with today's access date."); });
        }, function () { say("The file could not be read: use the link to download it."); });
      });
    });
  }

  function copy(text, done) {
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { fallbackCopy(text); done(); });
    } else {
      fallbackCopy(text);
      done();
    }
  }

  // Each passage's ¶ link: following it puts the pinpoint in the address bar and copies the address.
  // Beside it, on the Guideline's items, the commentary and the boxes, "Cite" copies the passage's citation.
  function passageLinks() {
    document.querySelectorAll(".md-content a.block-link").forEach(function (link) {
      var id = link.getAttribute("href").slice(1);
      link.addEventListener("click", function () {
        var address = pageAddress() + "#" + id;
        copy(address, function () { say("Address copied: " + address); });
      });
      if (!passageCitation(id)) return;
      var cite = document.createElement("button");
      cite.type = "button";
      cite.className = "cite-passage";
      cite.textContent = "Cite";
      cite.setAttribute("aria-label", "Copy the citation of this passage");
      cite.addEventListener("click", function () {
        var text = passageCitation(id);
        if (text) copy(text, function () { say("Citation of this passage copied."); });
      });
      link.insertAdjacentElement("afterend", cite);
    });
  }

  // Printing: a button, and a running line on every printed page with what the page is and its address.
  function printing() {
    document.querySelectorAll("button.print-page").forEach(function (button) {
      button.addEventListener("click", function () { window.print(); });
    });
    var h1 = document.querySelector(".md-content__inner h1");
    if (!h1) return;
    var quote = function (s) { return JSON.stringify(s.replace(/\s+/g, " ").trim()); };
    var what = h1.textContent.replace(/¶/g, "");
    // The work and its edition (the build's, overrides/main.html), at the foot of every printed page.
    var meta = document.querySelector('meta[name="opsc-running-line"]');
    var work = meta ? meta.getAttribute("content") : "";
    if (what.length > 90) what = what.slice(0, 88) + "…";
    var rules = "@page { @top-left { content: " + quote(what) + "; font: 8pt sans-serif; color: #444; }" +
      " @top-right { content: " + quote(pageAddress()) + "; font: 8pt sans-serif; color: #444; }" +
      " @bottom-right { content: counter(page) \" / \" counter(pages); font: 8pt sans-serif; color: #444; }" +
      (work ? " @bottom-left { content: " + quote(work) + "; font: 8pt sans-serif; color: #444; }" : "") + " }";
    printRules(rules);
  }

  // The page's own print rules, as a style sheet built by the script (CSSOM), not a <style> element: a
  // strict Content-Security-Policy (style-src 'self', README) allows no inline style.
  function printRules(rules) {
    try {
      var sheet = new CSSStyleSheet({media: "print"});
      sheet.replaceSync(rules);
      document.adoptedStyleSheets = document.adoptedStyleSheets.concat([sheet]);
    } catch (e) { /* a browser without constructed style sheets prints without the running line */ }
  }

  function fallbackCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "absolute";
    area.style.left = "-9999px";
    document.body.appendChild(area);
    area.select();
    try { document.execCommand("copy"); } catch (e) { /* nothing more we can do */ }
    document.body.removeChild(area);
  }

  // Search results (Material's list, our engine: macros/search_worker.js). A page's title opens it at
  // the passage the result shows, not at its top; pages that hold only some of the words come after
  // a line that says so.
  function tidyResults(list) {
    var partial = false;
    list.querySelectorAll(".md-search-result__item").forEach(function (item) {
      var links = item.querySelectorAll("a.md-search-result__link");
      if (links.length > 1 && links[0].href.indexOf("#") < 0) links[0].href = links[1].href;
      if (!partial && item.querySelector(".md-search-result__terms")) {
        partial = true;
        var prev = item.previousElementSibling;
        if (!(prev && prev.classList.contains("search-partial"))) {
          var line = document.createElement("li");
          line.className = "search-partial";
          line.textContent = item === list.firstElementChild
            ? "No page holds every word; these hold some of the words:"
            : "Pages that hold only some of the words:";
          item.insertAdjacentElement("beforebegin", line);
        }
      }
    });
  }

  function watchResults() {
    var list = document.querySelector(".md-search-result__list");
    if (!list) return;
    new MutationObserver(function () { tidyResults(list); }).observe(list, {childList: true});
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
})();
