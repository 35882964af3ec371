/* Theme fixes on every page. Loaded without defer, just before the theme's own script (overrides/main.html).
 *
 * 1. Speed. The theme asks for the search index (1.4 MB) as soon as a page opens, and for a sitemap.xml next to
 *    every <link rel="alternate"> (for a language switch we do not use: ours lands on the same page by itself).
 *    Here the index is asked for only when someone starts to search (focus on the search box, opening the
 *    search, or the home page's search box), and the sitemaps are not asked for at all.
 * 2. Keyboard. A menu section's open/close toggle is a <label> that holds only an icon (the section's own page is
 *    the link beside it): give it the role and name of a button (the section's title), let Space work as well as
 *    Enter (the theme handles Enter) and tell its state through aria-expanded. Done here because the HTML
 *    validator allows no ARIA on a <label for>; see overrides/partials/nav-item.html.
 */
(function () {
  "use strict";
  var open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send;
  var searchUsed = false, waiting = [];
  function useSearch() {
    if (searchUsed) { return; }
    searchUsed = true;
    waiting.splice(0).forEach(function (go) { go(); });
  }
  XMLHttpRequest.prototype.open = function (method, url) {
    this.portalUrl = String(url);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var xhr = this, args = arguments, url = xhr.portalUrl || "";
    if (/\/sitemap\.xml$/.test(url)) {
      setTimeout(function () { xhr.dispatchEvent(new ProgressEvent("error")); }, 0);
      return undefined;
    }
    if (/\/search\/search_index\.json$/.test(url) && !searchUsed) {
      waiting.push(function () { send.apply(xhr, args); });
      return undefined;
    }
    return send.apply(xhr, args);
  };
  document.addEventListener("focusin", function (e) {
    if (e.target && e.target.matches && e.target.matches(".md-search__input, #portal-home-q")) { useSearch(); }
  }, true);
  document.addEventListener("change", function (e) {
    if (e.target && e.target.id === "__search" && e.target.checked) { useSearch(); }
  }, true);
  document.addEventListener("keydown", function (e) {  // the theme's shortcuts that open the search
    if ((e.key === "/" || e.key === "s" || e.key === "f") && !/INPUT|TEXTAREA|SELECT/.test((e.target && e.target.tagName) || "")) { useSearch(); }
  }, true);

  function menuToggles() {
    var toggles = document.querySelectorAll("label.md-nav__link[for][tabindex='0']");
    Array.prototype.forEach.call(toggles, function (label) {
      var box = document.getElementById(label.getAttribute("for"));
      if (!box) { return; }
      label.setAttribute("role", "button");
      if (!label.textContent.trim()) {
        var link = label.parentNode.querySelector("a.md-nav__link");
        var nav = label.parentNode.parentNode.querySelector("nav.md-nav[aria-label]");
        label.setAttribute("aria-label", (nav && nav.getAttribute("aria-label")) || (link && link.textContent.trim()) || "");
      }
      var sync = function () { label.setAttribute("aria-expanded", box.checked ? "true" : "false"); };
      box.addEventListener("change", sync);
      label.addEventListener("keydown", function (e) {
        if (e.key === " " || e.key === "Spacebar") {
          e.preventDefault();
          box.checked = !box.checked;
          box.dispatchEvent(new Event("change", { bubbles: true }));
        }
      });
      sync();
    });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", menuToggles); } else { menuToggles(); }
})();
