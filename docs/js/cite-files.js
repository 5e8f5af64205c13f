// Citation files for reference managers (macros/render.py, citation_file_links): a link downloads the file,
// "Copy" puts it on the clipboard for a reference manager's import from clipboard. Either way the access
// date is the reader's: the build writes the edition's date in the form each file uses (data-accessed,
// from macros/cite_formats.py ACCESSED), and this script writes today's date in the same form.
(function () {
  "use strict";

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  function fill(form, y, m, d) {
    return form.replace("%Y", String(y)).replace("%m", pad(m)).replace("%d", pad(d))
      .replace("%n", String(m)).replace("%j", String(d));
  }

  // The file's text with the reader's date where the edition's stands as the access date.
  function readersCopy(el, text) {
    var box = el.closest("[data-edition-date]");
    if (!box) return text;
    var form = box.getAttribute("data-accessed-" + el.getAttribute("data-format").replace(".", "-"));
    var edition = box.getAttribute("data-edition-date") || "";
    var parts = edition.split("-").map(Number);
    if (!form || parts.length !== 3 || parts.some(isNaN)) return text;
    var now = new Date();
    var from = fill(form, parts[0], parts[1], parts[2]);
    var to = fill(form, now.getFullYear(), now.getMonth() + 1, now.getDate());
    return text.split(from).join(to);
  }

  function load(el, url) {
    return fetch(url, {credentials: "same-origin"}).then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.text();
    }).then(function (text) { return readersCopy(el, text); });
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
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "offscreen";
    document.body.appendChild(area);
    area.select();
    try { document.execCommand("copy"); } finally { document.body.removeChild(area); }
    return Promise.resolve();
  }

  function ready() {
    // From disk a script cannot read the files: the links download them as they are.
    if (window.location.protocol === "file:") return;
    document.querySelectorAll("a.cite-file[download]").forEach(function (link) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        var url = link.href, name = url.split("/").pop();
        load(link, url).then(function (text) {
          var blob = new Blob([text], {type: "text/plain;charset=utf-8"});
          var a = document.createElement("a");
          a.href = URL.createObjectURL(blob);
          a.download = name;
          document.body.appendChild(a);
          a.click();
          setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
        }, function () { window.location.href = url; });
      });
    });
    document.querySelectorAll("button.cite-copy").forEach(function (button) {
      button.addEventListener("click", function () {
        var link = button.previousElementSibling;
        if (!link || !link.classList.contains("cite-file")) return;
        load(button, link.href)
          .then(copyText)
          .then(function () { say(link.textContent + " entry copied, with today's access date."); },
                function () { say("The file could not be read: use the link to download it."); });
      });
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready);
  else ready();
})();
