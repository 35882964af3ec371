/* Colour the model figure from the self-assessment saved in this browser (progressive enhancement).
 * Reads localStorage "portal-assessment" (the shared contract: ratings 0..4 per sub-element, "na" ignored),
 * averages the ratings per element, marks each box with its level and number, and states the same in words.
 * Nothing is sent anywhere; with no (readable) data nothing changes. */
(function () {
  "use strict";
  function load() {
    try {
      var data = JSON.parse(window.localStorage.getItem("portal-assessment") || "null");
      return data && data.schema === 1 && data.subelements && typeof data.subelements === "object" ? data.subelements : null;
    } catch (e) { return null; }
  }
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (m, key) { return key in values ? values[key] : m; });
  }
  function score(subs, ids) {
    var sum = 0, rated = 0;
    ids.forEach(function (id) {
      var s = subs[id];
      if (s && !s.na && typeof s.rating === "number" && s.rating % 1 === 0 && s.rating >= 0 && s.rating <= 4) { sum += s.rating; rated++; }
    });
    return { rated: rated, total: ids.length, avg: rated ? sum / rated : null };
  }
  function apply(figure, subs) {
    var view = figure.querySelector("[data-portal-assessment-view]");
    var lines = view.querySelector(".portal-assessment-view__lines");
    var lang = document.documentElement.lang || "en";
    var any = false;
    var seen = {};
    figure.querySelectorAll(".portal-fig__link--element").forEach(function (link) {
      var id = link.getAttribute("data-id");
      var result = score(subs, (link.getAttribute("data-subelements") || "").split(" ").filter(Boolean));
      var badge = link.ownerSVGElement.querySelector('.portal-fig__badge[data-badge-for="' + id + '"]');
      if (result.avg === null) { link.removeAttribute("data-level"); badge.removeAttribute("data-level"); }
      else {
        any = true;
        link.setAttribute("data-level", String(Math.round(result.avg)));
        badge.setAttribute("data-level", String(Math.round(result.avg)));
        badge.querySelector("text").textContent = result.avg.toLocaleString(lang, { maximumFractionDigits: 1 });
      }
      if (seen[id]) { return; }  // the wide and the tall figure hold the same elements
      seen[id] = true;
      var li = document.createElement("li");
      var title = link.textContent.replace(/\s+/g, " ").trim().replace(id + " ", "");
      li.textContent = result.avg === null
        ? fill(view.getAttribute("data-none"), { id: id, title: title })
        : fill(view.getAttribute("data-line"), {
          id: id, title: title, avg: result.avg.toLocaleString(lang, { maximumFractionDigits: 1 }),
          level: view.getAttribute("data-level-" + Math.round(result.avg)), rated: result.rated, total: result.total });
      lines.appendChild(li);
    });
    view.hidden = !any;
    if (!any) { lines.textContent = ""; }
  }
  var subs = load();
  if (!subs) { return; }
  document.querySelectorAll("[data-portal-model-figure]").forEach(function (figure) { apply(figure, subs); });
})();
