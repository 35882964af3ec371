/* Practice catalogue filters: progressive enhancement.
 * Without JavaScript the form stays hidden and every practice is listed,
 * grouped by element. With it, each select narrows the list; the count is
 * announced through a live region. Nothing leaves the browser. */
(function () {
  "use strict";
  function setup(form) {
    var items = Array.prototype.slice.call(document.querySelectorAll(".portal-practice-list li"));
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"));
    var count = form.querySelector(".portal-filters__count");
    function matches(li) {
      return selects.every(function (s) {
        if (!s.value) { return true; }
        return (li.getAttribute("data-" + s.getAttribute("data-filter")) || "").split(" ").indexOf(s.value) !== -1;
      });
    }
    function apply() {
      var shown = 0;
      items.forEach(function (li) { var ok = matches(li); li.hidden = !ok; if (ok) { shown++; } });
      document.querySelectorAll(".portal-practice-list").forEach(function (ul) {
        var any = ul.querySelector("li:not([hidden])") !== null;
        ul.hidden = !any;
        var title = document.querySelector('.portal-group-title[data-group="' + ul.getAttribute("data-group") + '"]');
        if (title) { title.hidden = !any; }
      });
      count.textContent = count.getAttribute("data-template").replace("{n}", shown).replace("{total}", items.length);
    }
    selects.forEach(function (s) { s.addEventListener("change", apply); });
    form.addEventListener("reset", function () { setTimeout(apply, 0); });
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    form.hidden = false;
    apply();
  }
  var form = document.querySelector("[data-portal-filters]");
  if (form) { setup(form); }
})();
