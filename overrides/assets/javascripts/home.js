/* Home page: the search box in the start panel hands its words to the theme's search (the one in the header),
 * so there is one search with one index. Without JavaScript the box stays hidden (.portal-js-only: the header search needs scripts too). */
(function () {
  "use strict";
  var form = document.querySelector("[data-portal-home-search]");
  var toggle = document.getElementById("__search");
  var input = document.querySelector(".md-search__input");
  if (!form || !toggle || !input) { return; }
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    toggle.checked = true;
    toggle.dispatchEvent(new Event("change"));
    input.value = form.querySelector("input[type=search]").value.trim();
    input.focus();
    input.dispatchEvent(new Event("input", { bubbles: true }));
    input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
  });
})();
