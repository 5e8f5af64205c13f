/* The checklist of recommendations (recommendations/, macros/pages/checklist.py): its filters. Without this
   script the filters stay hidden and the whole table shows; with it, a reader narrows the rows by theme,
   chapter, verb, article and words, a live region says how many show, and print shows the rows shown.
   ?theme=online (a theme page's link) and the other filters' names preset them. */
(function () {
  "use strict";
  var form = document.getElementById("ck-filters");
  var table = document.getElementById("ck-table");
  var count = document.getElementById("ck-count");
  if (!form || !table || !count) return;
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var fields = Array.prototype.slice.call(form.querySelectorAll("[data-filter]"));
  // Each row's words, once, for the free-text filter (case and accents aside).
  var fold = function (s) { return s.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, ""); };
  var words = rows.map(function (tr) { return fold(tr.textContent); });

  function matches(tr, i) {
    return fields.every(function (field) {
      var want = field.value.trim();
      if (!want) return true;
      var name = field.getAttribute("data-filter");
      if (name === "text") {
        return fold(want).split(/\s+/).every(function (w) { return words[i].indexOf(w) >= 0; });
      }
      return (" " + (tr.getAttribute("data-" + name) || "") + " ").indexOf(" " + want + " ") >= 0;
    });
  }

  function apply() {
    var shown = 0;
    rows.forEach(function (tr, i) {
      var show = matches(tr, i);
      tr.hidden = !show;
      if (show) shown += 1;
    });
    // What is chosen, in words: it is also what a printed checklist says it holds.
    var chosen = fields.filter(function (f) { return f.value.trim(); }).map(function (f) {
      var label = form.querySelector('label[for="' + f.id + '"]').textContent.toLowerCase();
      var value = f.tagName === "SELECT" ? f.options[f.selectedIndex].text : "“" + f.value.trim() + "”";
      return label + ": " + value;
    });
    count.textContent = shown === rows.length && !chosen.length
      ? rows.length + " recommendations"
      : "Showing " + shown + " of " + rows.length + " recommendations" +
        (chosen.length ? " (" + chosen.join("; ") + ")" : "");
  }

  var query = new URLSearchParams(window.location.search);
  fields.forEach(function (field) {
    var preset = query.get(field.getAttribute("data-filter"));
    if (preset !== null) {
      field.value = preset;
      // A preset that names no option leaves the filter off.
      if (field.tagName === "SELECT" && field.value !== preset) field.value = "";
    }
    field.addEventListener(field.tagName === "SELECT" ? "change" : "input", apply);
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  document.getElementById("ck-reset").addEventListener("click", function () {
    fields.forEach(function (field) { field.value = ""; });
    apply();
  });
  form.hidden = false;
  apply();
})();
