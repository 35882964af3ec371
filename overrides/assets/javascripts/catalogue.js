/* Practice catalogue filters: progressive enhancement.
 * Without JavaScript the form stays hidden (.portal-js-only) and every practice is listed,
 * grouped by element. With it, each select narrows the list; the count is
 * announced through a live region and the choice is kept in the address
 * (?element=7.2.2&role=manager, language-neutral IDs), so a filtered list can be
 * linked, survives a reload and the language switch carries it to the other
 * language (trainers.js listens for "portal:address"). Nothing leaves the browser. */
(function () {
  "use strict";
  function setup(form) {
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"));
    var keys = selects.map(function (s) { return s.getAttribute("data-filter"); });
    var count = form.querySelector(".portal-filters__count");
    var reset = form.querySelector("button[type=reset]");
    /* Read every practice's values once: with thousands of practices, filtering is then a loop over arrays.
       A value the whole group shares (its element and dimension) sits on the group's list, not on each item. */
    var items = Array.prototype.slice.call(document.querySelectorAll(".portal-practice-list li")).map(function (li) {
      var values = {};
      keys.forEach(function (k) {
        var own = li.hasAttribute("data-" + k) ? li : li.parentNode;
        values[k] = (own.getAttribute("data-" + k) || "").split(" ");
      });
      return { li: li, values: values };
    });
    var groups = Array.prototype.slice.call(document.querySelectorAll(".portal-practice-list")).map(function (ul) {
      var id = ul.getAttribute("data-group");
      return { ul: ul, title: document.querySelector('.portal-group-title[data-group="' + id + '"]'), items: items.filter(function (it) { return it.li.parentNode === ul; }) };
    });
    function chosen() {
      return selects.filter(function (s) { return s.value; }).map(function (s) { return [s.getAttribute("data-filter"), s.value]; });
    }
    function apply() {
      var active = chosen();
      var shown = 0;
      groups.forEach(function (g) {
        var any = false;
        g.items.forEach(function (it) {
          var ok = active.every(function (c) { return it.values[c[0]].indexOf(c[1]) !== -1; });
          if (it.li.hidden === ok) { it.li.hidden = !ok; }
          if (ok) { shown++; any = true; }
        });
        g.ul.hidden = !any;
        if (g.title) { g.title.hidden = !any; }
      });
      count.textContent = count.getAttribute("data-template").replace("{n}", shown).replace("{total}", items.length);
      reset.hidden = active.length === 0;
      return active;
    }
    function remember(active) {
      var params = new URLSearchParams(location.search);
      keys.forEach(function (k) { params.delete(k); });
      active.forEach(function (c) { params.set(c[0], c[1]); });
      var query = params.toString();
      history.replaceState(history.state, "", location.pathname + (query ? "?" + query : "") + location.hash);
      document.dispatchEvent(new CustomEvent("portal:address"));
    }
    function restore() {
      var params = new URLSearchParams(location.search);
      selects.forEach(function (s) {
        var wanted = params.get(s.getAttribute("data-filter")) || "";
        var known = Array.prototype.some.call(s.options, function (o) { return o.value === wanted; });
        s.value = known ? wanted : "";
      });
    }
    selects.forEach(function (s) { s.addEventListener("change", function () { remember(apply()); }); });
    form.addEventListener("reset", function () { setTimeout(function () { remember(apply()); selects[0].focus(); }, 0); });
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    window.addEventListener("popstate", function () { restore(); apply(); });
    restore();
    /* The fields are open on a wide screen and whenever a filter is set; on a phone the list comes first.
       The line after the panel in practices.md.j2 opens it before the first paint; this repeats it for filters
       the address brought that the script reads only now. */
    var panel = form.querySelector("[data-filter-panel]");
    if (panel && (chosen().length || window.matchMedia("(min-width: 45em)").matches)) { panel.open = true; }
    apply();
  }
  var form = document.querySelector("[data-portal-filters]");
  if (form) { setup(form); }
})();
