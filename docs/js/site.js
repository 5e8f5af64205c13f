// Citation block: the page's own address, a copy button, and a print footer.
(function () {
  "use strict";

  function pageAddress() {
    if (window.location.protocol === "file:") {
      // The offline copy: a file path on this computer means nothing to a reader.
      var path = window.location.pathname.match(/paragraphs\/(\d+)\.html$/);
      return path ? "paragraphs/" + path[1] + "/ (offline copy)" : "(offline copy)";
    }
    // Without the search words (?h=…) and the fragment.
    return window.location.origin + window.location.pathname;
  }

  // A published address whose passage has since moved (macros/permalinks.py): go where it is now.
  function followMovedAnchor() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var el = id && document.getElementById(id);
    if (!el || !el.classList.contains("moved-anchor")) return;
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
    var target = document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
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

  function ready() {
    announceMove();
    watchResults();
    // Material's search dialog has no accessible name of its own.
    var dialog = document.querySelector(".md-search");
    if (dialog && !dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", "Search");

    document.querySelectorAll(".page-url").forEach(function (el) {
      el.textContent = pageAddress();
    });

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
