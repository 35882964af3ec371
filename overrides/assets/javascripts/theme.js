/* Theme fixes on every page. Deferred like every script, but first: before the theme's own script (overrides/main.html).
 *
 * 1. Speed. The theme asks for the search index (1.2 MB) and starts its search worker (a 38 KiB script) as soon
 *    as a page opens, and asks for a sitemap.xml next to every <link rel="alternate"> (for a language switch we do
 *    not use: ours lands on the same page by itself). Here the index is asked for and the worker started only when
 *    someone starts to search (focus on the search box, opening the search, or the home page's search box), and
 *    the sitemaps are not asked for at all. The theme talks to its worker only once the index is there, so until
 *    then it talks to a stand-in that starts the real worker when search is first used.
 * 2. Keyboard. A menu section's open/close toggle is a <label> that holds only an icon (the section's own page is
 *    the link beside it): give it the role and name of a button (the section's title), let Space work as well as
 *    Enter (the theme handles Enter) and tell its state through aria-expanded. Done here because the HTML
 *    validator allows no ARIA on a <label for>; see overrides/partials/nav-item.html.
 *    The menu button on narrow screens (also a <label>) becomes a named button in the Tab order; Enter or Space
 *    opens the menu and moves focus into it, Escape closes it and brings focus back, and it closes when focus
 *    leaves it (portal.css hides the closed menu, and the levels the open one covers, from Tab).
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
  var RealWorker = window.Worker;
  if (RealWorker) {
    window.Worker = function (url, options) {
      if (!/\/workers\/search\.[^/]*\.js$/.test(String(url))) { return new RealWorker(url, options); }
      var real = null, listeners = [], messages = [];
      function start() {
        if (real) { return; }
        real = new RealWorker(url, options);
        listeners.forEach(function (l) { real.addEventListener.apply(real, l); });
        messages.splice(0).forEach(function (m) { real.postMessage.apply(real, m); });
      }
      waiting.push(start);
      if (searchUsed) { start(); }
      return {
        addEventListener: function () { listeners.push(arguments); if (real) { real.addEventListener.apply(real, arguments); } },
        removeEventListener: function () {
          var args = arguments;
          listeners = listeners.filter(function (l) { return l[0] !== args[0] || l[1] !== args[1]; });
          if (real) { real.removeEventListener.apply(real, args); }
        },
        postMessage: function () { if (real) { real.postMessage.apply(real, arguments); } else { messages.push(arguments); start(); } },
        terminate: function () { if (real) { real.terminate(); } }
      };
    };
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
  function menuButton() {
    var box = document.getElementById("__drawer");
    var button = document.querySelector("label.md-header__button[for='__drawer']");
    var menu = document.querySelector(".md-sidebar--primary");
    if (!box || !button || !menu) { return; }
    var nav = menu.querySelector("nav[aria-label]");
    button.setAttribute("tabindex", "0");
    button.setAttribute("role", "button");
    button.setAttribute("aria-label", (nav && nav.getAttribute("aria-label")) || "Menu");
    var sync = function () { button.setAttribute("aria-expanded", box.checked ? "true" : "false"); };
    var set = function (open) {
      box.checked = open;
      box.dispatchEvent(new Event("change", { bubbles: true }));
      sync();
      if (open) {
        // once it has slid in: the first link of the level on top (the menu opens at the page's own level,
        // drawn over its parents)
        setTimeout(function () {
          var shown = Array.prototype.filter.call(menu.querySelectorAll("a[href], label[tabindex='0']"), function (el) {
            var r = el.getBoundingClientRect(), top = document.elementFromPoint(r.left + 4, r.top + r.height / 2);
            return r.width > 0 && top !== null && (el === top || el.contains(top));
          });
          if (shown.length) { shown[0].focus(); }
        }, 300);
      } else {
        button.focus();
      }
    };
    box.addEventListener("change", sync);
    button.addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " " || e.key === "Spacebar") {
        e.preventDefault();
        e.stopPropagation();  // the theme would click the focused label on Enter as well, closing it again
        set(!box.checked);
      }
    });
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && box.checked && menu.contains(document.activeElement)) { set(false); }
    });
    // The title of each open level takes you back up one level (the theme's arrow): a named button for the keyboard
    // too, named like the toggle that opened it; focus lands on that toggle in the level above.
    Array.prototype.forEach.call(menu.querySelectorAll("label.md-nav__title[for]"), function (title) {
      var id = title.getAttribute("for"), level = document.getElementById(id);
      if (id === "__drawer" || !level) { return; }
      var nav = title.closest("nav[aria-label]");
      title.setAttribute("tabindex", "0");
      title.setAttribute("role", "button");
      title.setAttribute("aria-label", (nav && nav.getAttribute("aria-label")) || title.textContent.trim());
      var sync = function () { title.setAttribute("aria-expanded", level.checked ? "true" : "false"); };
      level.addEventListener("change", sync);
      title.addEventListener("keydown", function (e) {  // the theme clicks a focused label on Enter; Space too
        if (e.key === " " || e.key === "Spacebar") { e.preventDefault(); title.click(); }
      });
      title.addEventListener("click", function () {
        setTimeout(function () {
          var toggle = menu.querySelector("label.md-nav__link[for='" + id + "']");
          var lost = document.activeElement === title || document.activeElement === document.body;  // its level hid it
          if (toggle && lost) { toggle.focus(); }
        }, 300);
      });
      sync();
    });
    menu.addEventListener("change", function (e) {  // a level opened in the open menu: focus its title, on top
      var level = e.target;
      if (!box.checked || !level.checked || !level.classList.contains("md-nav__toggle")) { return; }
      setTimeout(function () {
        var active = document.activeElement, title = menu.querySelector("label.md-nav__title[for='" + level.id + "']");
        if (title && (active === document.body || (active.matches && active.matches("label[for='" + level.id + "']")))) { title.focus(); }
      }, 300);
    });
    menu.addEventListener("focusout", function (e) {  // Tab past the menu's last link: the menu closes behind it
      if (box.checked && e.relatedTarget && !menu.contains(e.relatedTarget) && e.relatedTarget !== button) {
        box.checked = false;
        box.dispatchEvent(new Event("change", { bubbles: true }));
      }
    });
    sync();
  }
  function keyboard() { menuToggles(); menuButton(); }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", keyboard); } else { keyboard(); }
})();
