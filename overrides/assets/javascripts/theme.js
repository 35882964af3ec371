/* Theme keyboard fixes on every page. A menu section's open/close toggle is a <label> that holds only an
 * icon (the section's own page is the link beside it): give it the role and name of a button (the section's
 * title), let Space work as well as Enter (the theme handles Enter) and tell its state through aria-expanded.
 * Done here because the HTML validator allows no ARIA on a <label for>; see overrides/partials/nav-item.html. */
(function () {
  "use strict";
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
})();
