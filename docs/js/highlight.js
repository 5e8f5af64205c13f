// Arriving from a search result (…/paragraphs/100/?h=compensation+"self+generated"#commentary-3): mark on
// the page the words the search engine (macros/search_worker.js) found there, each as a whole word, and
// the phrases in quotes as phrases. The engine gives every form of a word the report uses, so no word is
// marked inside another ("child" never inside "children", "generated" never inside "child-generated").
// The marks are elements around text the page already holds: what a reader copies or cites is unchanged.
(function () {
  "use strict";

  var MAX_TERMS = 40, MAX_TERM = 80, MAX_MARKS = 400;
  var LETTER = "\\p{L}\\p{N}";

  // The terms of ?h=: words and "quoted phrases"; what holds no letter or digit, a single letter or one
  // digit is not worth marking (a citation's "(c)", "1").
  function terms(value) {
    var out = [];
    var re = /"([^"]*)"|(\S+)/g, m;
    while ((m = re.exec(value)) !== null && out.length < MAX_TERMS) {
      var words = (m[1] !== undefined ? m[1] : m[2]).slice(0, MAX_TERM).match(/[\p{L}\p{N}]+/gu) || [];
      var text = words.join(" ");
      if (!words.length || (words.length === 1 && !(/\p{L}/u.test(text) ? text.length > 2 : text.length > 1))) continue;
      if (out.indexOf(text) < 0) out.push(text);
    }
    return out;
  }

  function escape(s) { return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }

  // One pattern for all terms, longest first; the words of a phrase may stand apart by white space,
  // dashes or slashes, as the search index splits them.
  function pattern(list) {
    var alternatives = list.slice().sort(function (a, b) { return b.length - a.length; }).map(function (t) {
      return t.split(" ").map(escape).join("[\\s\\-‐‑–—/]+");
    });
    return new RegExp("(?<![" + LETTER + "])(?:" + alternatives.join("|") + ")(?![" + LETTER + "])", "giu");
  }

  function mark(root, re) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        var parent = node.parentElement;
        if (!parent || parent.closest("script, style, mark, .headerlink, .block-link, button, .md-search")) {
          return NodeFilter.FILTER_REJECT;
        }
        return NodeFilter.FILTER_ACCEPT;
      }
    });
    var nodes = [];
    for (var node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node);
    var count = 0;
    nodes.forEach(function (text) {
      if (count >= MAX_MARKS) return;
      var value = text.nodeValue, last = 0, m, parts = [];
      re.lastIndex = 0;
      while ((m = re.exec(value)) !== null && count < MAX_MARKS) {
        if (!m[0].length) { re.lastIndex++; continue; }
        parts.push(document.createTextNode(value.slice(last, m.index)));
        var el = document.createElement("mark");
        el.setAttribute("data-md-highlight", "");
        el.textContent = m[0];
        parts.push(el);
        last = m.index + m[0].length;
        count++;
      }
      if (!parts.length) return;
      parts.push(document.createTextNode(value.slice(last)));
      var fragment = document.createDocumentFragment();
      parts.forEach(function (p) { if (p.nodeType !== 3 || p.nodeValue) fragment.appendChild(p); });
      text.parentNode.replaceChild(fragment, text);
    });
    return count;
  }

  function run() {
    var value;
    try {
      value = new URLSearchParams(window.location.search).get("h");
    } catch (e) {
      return;
    }
    if (!value) return;
    var list = terms(value);
    var root = document.querySelector(".md-content__inner");
    if (!list.length || !root) return;
    mark(root, pattern(list));
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run);
  else run();
})();
