/* Glossary: progressive enhancement only; every page works without it.
 * 1. Term lookup: a button in each column header sorts the table by that
 *    column (aria-sort tells screen readers which column and direction).
 * 2. Inline definitions: Escape hides an open definition (WCAG 1.4.13);
 *    it shows again on the next focus or hover. */
(function () {
  "use strict";
  function cellText(row, i) {
    var cell = row.cells[i];
    return (cell.textContent || "").replace(/^[("'\u2018\u201c-]+/, "").trim();
  }
  function setupTable(table) {
    var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var body = table.tBodies[0];
    heads.forEach(function (th, i) {
      var button = document.createElement("button");
      button.type = "button";
      while (th.firstChild) { button.appendChild(th.firstChild); }
      th.appendChild(button);
      button.addEventListener("click", function () {
        var dir = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
        var lang = th.getAttribute("lang") || document.documentElement.lang;
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var r = cellText(a, i).localeCompare(cellText(b, i), lang, { sensitivity: "base" });
          return dir === "ascending" ? r : -r;
        });
        rows.forEach(function (r) { body.appendChild(r); });
        heads.forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", dir);
      });
    });
  }
  function setupTerms() {
    document.addEventListener("keydown", function (e) {
      if (e.key !== "Escape") { return; }
      document.querySelectorAll(".portal-term").forEach(function (t) { t.classList.add("is-dismissed"); });
    });
    function reset(e) {
      var term = e.target.closest && e.target.closest(".portal-term");
      // Only on entering a term, so moving the pointer inside an open one does not undo Escape.
      if (term && !(e.relatedTarget && term.contains(e.relatedTarget))) { term.classList.remove("is-dismissed"); }
    }
    document.addEventListener("focusin", reset);
    document.addEventListener("mouseover", reset);
  }
  function init() {
    document.querySelectorAll("table[data-portal-sortable]").forEach(setupTable);
    setupTerms();
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
