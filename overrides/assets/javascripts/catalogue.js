/* Practice catalogue filters: progressive enhancement.
 * Without JavaScript the form stays hidden and every practice is listed,
 * grouped by element. With it, each select narrows the list; the count is
 * announced through a live region. Nothing leaves the browser.
 * The chosen filters are kept in the address (?role=...&tag=..., language-neutral IDs), so a filtered
 * catalogue can be linked, survives a reload and the language switch carries it to the other language. */
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
    function fromAddress() {
      var query = new URLSearchParams(location.search);
      selects.forEach(function (s) {
        var value = query.get(s.name);
        var known = value !== null && Array.prototype.some.call(s.options, function (o) { return o.value === value; });
        s.value = known ? value : "";
      });
    }
    function toAddress() {
      var query = new URLSearchParams(location.search);
      selects.forEach(function (s) { if (s.value) { query.set(s.name, s.value); } else { query.delete(s.name); } });
      var search = query.toString();
      history.replaceState(history.state, "", location.pathname + (search ? "?" + search : "") + location.hash);
      document.dispatchEvent(new CustomEvent("portal:address"));
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
    function changed() { apply(); toAddress(); }
    selects.forEach(function (s) { s.addEventListener("change", changed); });
    form.addEventListener("reset", function () { setTimeout(changed, 0); });
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    window.addEventListener("popstate", function () { fromAddress(); apply(); });
    form.hidden = false;
    fromAddress();
    apply();
  }
  var form = document.querySelector("[data-portal-filters]");
  if (form) { setup(form); }
})();
