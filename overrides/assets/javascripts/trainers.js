/* Trainers' tools, added to pages that work without them (progressive enhancement):
   - "Copy link" and "Cite this page" under the page title (the buttons are in the HTML: partials/share.html;
     shown only when scripts run); a copy-link button on every item
     heading and expectation (keyed on the ids the templates already produce);
   - success or failure announced in a polite live region;
   - old anchors of renamed or retired items lead to their new place (assets/moved-anchors.json);
   - for print: the page's own address on top and the address after each internal link.
   Strings and page data come from the JSON in partials/trainers.html. */
(function () {
  "use strict";
  var data = document.getElementById("portal-trainers");
  if (!data) return;
  var cfg = JSON.parse(data.textContent);
  var T = cfg.text;
  var ICON = '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M3.9 12c0-1.71 1.39-3.1 3.1-3.1h4V7H7c-2.76 0-5 2.24-5 5s2.24 5 5 5h4v-1.9H7c-1.71 0-3.1-1.39-3.1-3.1M8 13h8v-2H8zm9-6h-4v1.9h4c1.71 0 3.1 1.39 3.1 3.1s-1.39 3.1-3.1 3.1h-4V17h4c2.76 0 5-2.24 5-5s-2.24-5-5-5"/></svg>';

  function fmt(text, values) {
    return text.replace(/\{(\w+)\}/g, function (all, key) { return key in values ? values[key] : all; });
  }
  function pageUrl() { return location.origin + location.pathname; }
  /* For paper and citations: the address under the configured site_url (mkdocs.yml or a fork's
     local/portal.yml), not wherever this copy happens to be served from. */
  /* The language root as served. cfg.root is relative ("../..") on generated pages and absolute ("/", "/nl/") on
     the 404 page: add the closing slash only where it is missing ("/" + "/" would name a host). */
  function servedLangRoot() { return new URL((cfg.root || ".").replace(/\/?$/, "/"), location.href); }
  var servedRoot = servedLangRoot().href;
  function paperUrl(href) {
    var url = new URL(href, location.href);
    if (cfg.site_url && url.href.indexOf(servedRoot) === 0) return cfg.site_url.replace(/\/?$/, "/") + url.href.slice(servedRoot.length);
    return url.host + url.pathname + url.hash;
  }
  function plainText(el) {
    var copy = el.cloneNode(true);
    copy.querySelectorAll(".headerlink, .portal-copy").forEach(function (x) { x.remove(); });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

  /* Old anchors: an expectation or practice that was renamed or retired. */
  function followMovedAnchor() {
    var frag = decodeURIComponent(location.hash.slice(1));
    if (!frag || document.getElementById(frag) || !window.fetch) return;
    var root = new URL(cfg.moved.replace(/assets\/moved-anchors\.json$/, "") || "./", location.href);
    fetch(cfg.moved).then(function (r) { return r.ok ? r.json() : {}; }).then(function (map) {
      var move = Object.prototype.hasOwnProperty.call(map, frag) ? map[frag] : null;
      if (!move) return;
      if (move.to && document.getElementById(move.to)) location.replace("#" + move.to);
      else location.replace(new URL(move.page, root).href);
    }).catch(function () { /* offline from file://: the page still shows */ });
  }
  followMovedAnchor();
  window.addEventListener("hashchange", followMovedAnchor);

  /* Language switch: every page has the same path and the same language-neutral anchors (#7.3.2.2-e4,
     #<practice-id>, #co-creation) in each language, so the other language's link gets this page's
     #anchor and query (the catalogue's filters) whenever they change. Without JavaScript it still
     lands on the same page. */
  function languageLinks() {
    document.querySelectorAll("a.md-select__link[hreflang]").forEach(function (a) {
      if (!a.hasAttribute("data-portal-page")) a.setAttribute("data-portal-page", a.getAttribute("href").split(/[?#]/)[0]);
      a.setAttribute("href", a.getAttribute("data-portal-page") + location.search + location.hash);
    });
  }
  languageLinks();
  ["hashchange", "popstate", "portal:address"].forEach(function (name) {
    (name === "portal:address" ? document : window).addEventListener(name, languageLinks);
  });
  document.addEventListener("click", function (event) {
    var a = event.target.closest && event.target.closest("a.md-select__link[hreflang]");
    if (a) languageLinks();
  }, true);

  /* Version selector, on release copies only (python -m macros publish): versions.json lies beside the
     version folders, one folder above the default language's root and two above /nl/. Choosing a version
     opens the same page there. */
  if (cfg.versioned && window.fetch) {
    var langRoot = servedLangRoot();
    var thisVersion = new URL(cfg.lang_depth ? "../" : "./", langRoot);
    var versionsRoot = new URL("../", thisVersion);
    fetch(new URL("versions.json", versionsRoot)).then(function (r) { return r.ok ? r.json() : []; }).then(function (list) {
      var topic = document.querySelector(".md-header__topic");
      if (!list.length || !topic) return;
      var here = thisVersion.href.slice(versionsRoot.href.length).replace(/\/$/, "");
      var wrap = document.createElement("span");
      wrap.className = "portal-version-select";
      var label = document.createElement("label");
      label.className = "portal-sr-only";  /* portal.css; the theme has no md-visually-hidden */
      label.htmlFor = "portal-version";
      label.textContent = T.version_select;
      var select = document.createElement("select");
      select.id = "portal-version";
      list.forEach(function (v) {
        var option = document.createElement("option");
        option.value = v.version;
        option.textContent = v.aliases && v.aliases.length ? fmt(T.version_latest, { version: v.title }) : v.title;
        option.selected = v.version === here || (v.aliases || []).indexOf(here) >= 0;
        select.appendChild(option);
      });
      select.addEventListener("change", function () {
        var rest = location.href.slice(thisVersion.href.length);
        location.href = new URL(select.value + "/" + rest, versionsRoot).href;
      });
      wrap.append(label, select);
      topic.appendChild(wrap);
    }).catch(function () { /* opened from disk: no selector */ });
  }

  /* Search by ID: the search engine splits "ask-once-team-norm" into words, so an exact ID typed in the
     search box is looked up in assets/item-ids.json and offered first; Enter goes straight to it. */
  var search = document.querySelector("[data-md-component=search-query]");
  var output = document.querySelector(".md-search__output");
  if (search && output && window.fetch) {
    var ids = null;
    var hit = document.createElement("a");
    hit.className = "portal-id-hit";
    hit.hidden = true;  /* put in the search output at its first hit: an empty <a> there was a link without an address */
    var load = function () {
      if (!ids) ids = fetch(cfg.ids).then(function (r) { return r.ok ? r.json() : {}; }).catch(function () { return {}; });
      return ids;
    };
    var idRoot = new URL(cfg.ids.replace(/assets\/item-ids\.json$/, "") || "./", location.href);
    var update = function () {
      var key = search.value.trim().toLowerCase();
      load().then(function (map) {
        var item = key && Object.prototype.hasOwnProperty.call(map, key) ? map[key] : null;
        hit.hidden = !item;
        if (item) {
          hit.href = new URL(item.url, idRoot).href;
          hit.textContent = item.id + " " + item.title;
          if (!hit.isConnected) output.prepend(hit);
        }
      });
    };
    search.addEventListener("focus", load);
    search.addEventListener("input", update);
    search.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && !hit.hidden && hit.href) {
        event.preventDefault();
        event.stopImmediatePropagation();
        location.href = hit.href;
      }
    }, true);
  }

  /* Live region: screen readers hear the result; sighted users see it briefly. */
  var status = document.createElement("div");
  status.className = "portal-status";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  document.body.appendChild(status);
  var hideTimer;
  function announce(message) {
    status.textContent = message;
    status.classList.add("is-visible");
    clearTimeout(hideTimer);
    hideTimer = setTimeout(function () { status.classList.remove("is-visible"); status.textContent = ""; }, 6000);
  }

  function copy(text, message, button) {
    function fallback() {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.className = "portal-offscreen";
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      area.remove();
      if (button) button.focus();
      announce(ok ? message : T.copy_failed);
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { announce(message); }, fallback);
    } else {
      fallback();
    }
  }

  /* A button showing ``text`` (interface strings come from YAML: always textContent, never HTML) or, with
     no text, the constant ICON markup. */
  function button(className, text, label) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = className;
    if (text === null) b.innerHTML = ICON;
    else b.textContent = text;
    if (label) { b.setAttribute("aria-label", label); b.title = label; }
    return b;
  }

  var article = document.querySelector(".md-content article") || document.querySelector(".md-content");
  if (!article) return;
  var h1 = article.querySelector("h1");

  /* Copy link next to each item heading and expectation. */
  article.querySelectorAll("h2[id], h3[id], .portal-expectations li[id]").forEach(function (el) {
    var label = el.tagName === "LI" ? el.id : plainText(el);
    var b = button("portal-copy", null, fmt(T.copy_link_to, { label: label }));
    b.addEventListener("click", function () {
      var url = pageUrl() + "#" + el.id;
      copy(url, fmt(T.copied, { url: url }), b);
    });
    var id = el.tagName === "LI" ? el.querySelector(".portal-id") : null;
    if (id) id.after(b); else el.appendChild(b);
  });

  /* Copy link and cite this, under the page title. */
  /* A citation: the clause with its own title (the standard's wording) where the page is about a clause, the
     portal's title in this language marked as the portal's when it differs; then portal, version, release
     date, publisher, address and the day it was read. */
  function citation() {
    var now = new Date();
    var date = now.getFullYear() + "-" + String(now.getMonth() + 1).padStart(2, "0") + "-" + String(now.getDate()).padStart(2, "0");
    var text = "";
    if (cfg.id && cfg.clause_kinds.indexOf(cfg.kind) >= 0 && cfg.clause_title) {
      if (cfg.kind === "handout") text += plainText(h1) + ". ";
      text += cfg.standard + ", " + fmt(T.clause, { id: cfg.id }) + " " + fmt(T.cite_clause_title, { title: cfg.clause_title });
      if (cfg.title && cfg.title !== cfg.clause_title) text += " (" + fmt(T.cite_portal_title, { title: cfg.title }) + ")";
      text += ". ";
    } else {
      text += plainText(h1) + ". ";
      if (cfg.id && cfg.kind === "practice") text += T.id + " " + cfg.id + ". ";
    }
    text += fmt(T.cite_in, { site: cfg.site }) + ", " + fmt(T.cite_version, { version: cfg.version });
    if (cfg.released) text += ", " + fmt(T.cite_released, { date: cfg.released });
    text += ". " + fmt(T.cite_publisher, { publisher: cfg.publisher }) + ". ";
    return text + paperUrl(pageUrl()) + " (" + fmt(T.cite_accessed, { date: date }) + ").";
  }
  var bar = document.querySelector("[data-portal-share]");  /* in the HTML from the start: partials/share.html */
  if (h1 && bar) {
    var copyPage = bar.querySelector("[data-share=copy]");
    copyPage.addEventListener("click", function () {
      copy(pageUrl(), fmt(T.copied, { url: pageUrl() }), copyPage);
    });
    var toggle = bar.querySelector("[data-share=cite]");
    var cite = bar.querySelector(".portal-cite");
    toggle.addEventListener("click", function () {
      cite.hidden = !cite.hidden;
      toggle.setAttribute("aria-expanded", String(!cite.hidden));
    });
    var text = cite.querySelector(".portal-cite__text");
    text.textContent = citation();
    var copyCite = cite.querySelector("[data-share=cite-copy]");
    copyCite.addEventListener("click", function () { copy(text.textContent, T.cite_copied, copyCite); });
  }
  if (h1) {
    var source = document.createElement("p");
    source.className = "portal-print-source";
    source.textContent = T.short_url + ": " + paperUrl(pageUrl());
    h1.before(source);
  }

  /* Print: full address after each internal link (print view and handouts print their own). */
  if (cfg.kind !== "print" && cfg.kind !== "handout") {
    article.querySelectorAll("a[href]:not(.headerlink)").forEach(function (a) {
      var url = new URL(a.href, location.href);
      if (url.origin === location.origin && url.pathname !== location.pathname) {
        a.setAttribute("data-print-url", paperUrl(url.href));
      }
    });
  }
})();
