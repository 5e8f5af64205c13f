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
    if (el && el.classList.contains("moved-anchor")) window.location.replace(el.href);
  }
  followMovedAnchor();
  window.addEventListener("hashchange", followMovedAnchor);

  function ready() {
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

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
})();
