/* Checklists and self-assessment: progressive enhancement of the printable checklist forms.
 *
 * Without JavaScript the checklist is a complete form to print. With it, every tick, rating, reason,
 * note and plan pick is kept in this browser's localStorage under one key shared by every language
 * ("portal-assessment", schema 1; see the shared contract in CONTRIBUTING.md). Nothing is ever sent
 * anywhere: there is no network call in this file. What the script knows about the model (IDs, titles,
 * the scale, the export columns, its messages) comes from assets/javascripts/checklist-data.js, generated
 * from model/ once per language (loaded before this script), and the page's small JSON data island, so a
 * new expectation or sub-element needs no change here.
 */
(function () {
  "use strict";
  /* The whole-model page was once one form: its anchors (#s-7.2.2.1, #x-7.2.2.1-e1, #r-7.2.2.1-2, ...) now
     live on the element's own checklist, and so do the item pages' own anchors (#7.2.2.1, #7.2.2.1-e1). Send
     such a link there, keeping the anchor; #d-7.2 and #e-7.2.2 stay on this page, as its task groups and rows. */
  function followOldAnchor() {
    var frag = decodeURIComponent(location.hash.slice(1));
    var form = /^(s|x|r|why|notes|na|p)-/.test(frag);
    if (!frag || document.getElementById(frag) || !(form || /^\d+\.\d/.test(frag))) { return; }
    var rest = form ? frag.slice(frag.indexOf("-") + 1) : frag;
    Array.prototype.forEach.call(document.querySelectorAll("[data-task]"), function (row) {
      var id = row.getAttribute("data-task");
      if (rest === id || rest.indexOf(id + ".") === 0 || rest.indexOf(id + "-") === 0) {
        location.replace(row.querySelector("a").href.split("#")[0] + "#" + encodeURIComponent(frag));
      }
    });
  }
  followOldAnchor();
  window.addEventListener("hashchange", followOldAnchor);
  var island = document.getElementById("portal-cl-data");
  var C = window.portalAssessmentCheck;
  if (!island || !window.portalChecklistData || !C) { return; }
  var D = Object.assign({}, window.portalChecklistData, JSON.parse(island.textContent));
  var MSG = D.messages;
  var KEY = D.storage_key;
  var statusEl = document.querySelector("[data-portal-status]");
  var storageOK = true;
  var saveFailed = false;  // the last save failed: the next good one says so
  var MAX_IMPORT_BYTES = 2 * 1024 * 1024;  // as the team view: a whole-model export with long notes is well under 200 KB
  var MAX_LISTED = 10;  // IDs named in a message; the rest are counted

  function fmt(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, k) { return Object.prototype.hasOwnProperty.call(values, k) ? String(values[k]) : whole; });
  }
  function say(text, isError) {
    if (!statusEl) { return; }
    statusEl.classList.toggle("portal-cl-status--error", !!isError);
    statusEl.textContent = text;
  }
  function has(obj, k) { return Object.prototype.hasOwnProperty.call(obj, k); }
  function listIds(ids) {
    if (ids.length <= MAX_LISTED) { return ids.join(", "); }
    return ids.slice(0, MAX_LISTED).join(", ") + " " + fmt(MSG.msg_more, { n: ids.length - MAX_LISTED });
  }
  function answersIn(s) { return Object.keys(s.subelements).length + Object.keys(s.expectations).length + s.plan.length; }

  // -- state (checked by assessment-check.js, shared with the team view) ------------------------------
  function emptyState() { return C.emptyState(D); }
  function check(obj) { return C.check(obj, D); }
  function isEmpty(entry) { return C.isEmpty(entry); }

  function read() {
    var raw = null;
    try { raw = window.localStorage.getItem(KEY); } catch (e) { storageOK = false; say(MSG.msg_no_storage, true); }
    if (!raw) { return emptyState(); }
    var parsed;
    try { parsed = JSON.parse(raw); } catch (e) { return emptyState(); }
    var result = check(parsed);
    if (result.error) { return emptyState(); }
    if (result.dropped.length) { say(fmt(MSG.msg_stored_old, { version: result.version, ids: listIds(result.dropped) })); }
    return result.state;
  }

  /* Save ``s``; true when the browser kept it. A full or switched-off storage throws: never silently. */
  function store(s) {
    if (!storageOK) { return false; }
    try { window.localStorage.setItem(KEY, JSON.stringify(s)); return true; } catch (e) { return false; }
  }

  /* Save the current state. Every failure is reported (storage may free up, so each change tries again),
     and the first save that works after a failure says so. */
  function write() {
    state.model_version = D.model_version;
    state.updated = new Date().toISOString();
    if (store(state)) {
      if (saveFailed) { saveFailed = false; say(MSG.msg_saved); }
      return true;
    }
    saveFailed = true;
    say(storageOK ? MSG.msg_save_failed : MSG.msg_no_storage, true);
    return false;
  }

  var state = read();

  // A sub-element this portal marks not applicable (a fork's tailoring) starts ticked, with the portal's reason.
  function blank(id) {
    var reason = (D.subelements[id] && D.subelements[id].na) || "";
    return { rating: null, na: !!reason, justification: reason, notes: "" };
  }
  function sub(id) {
    if (!has(state.subelements, id)) { state.subelements[id] = blank(id); }
    return state.subelements[id];
  }
  function prune(id) { if (has(state.subelements, id) && isEmpty(state.subelements[id])) { delete state.subelements[id]; } }

  // -- the page ----------------------------------------------------------------------------------
  function all(selector, root) { return Array.prototype.slice.call((root || document).querySelectorAll(selector)); }

  function paint() {
    all("[data-expectation]").forEach(function (cb) { cb.checked = state.expectations[cb.value] === true; });
    all("[data-rating-for]").forEach(function (r) {
      var s = state.subelements[r.getAttribute("data-rating-for")];
      r.checked = !!s && s.rating === parseInt(r.value, 10);
    });
    all("[data-na-for]").forEach(function (cb) { var id = cb.getAttribute("data-na-for"); cb.checked = (state.subelements[id] || blank(id)).na; });
    all("[data-justification-for]").forEach(function (t) { var id = t.getAttribute("data-justification-for"); t.value = (state.subelements[id] || blank(id)).justification; mirror(t); });
    all("[data-notes-for]").forEach(function (t) { var s = state.subelements[t.getAttribute("data-notes-for")]; t.value = s ? s.notes : ""; mirror(t); });
    all("[data-practice]").forEach(function (cb) { cb.checked = state.plan.indexOf(cb.value) >= 0; });
    all("[data-respondent]").forEach(function (input) { input.value = state.respondent || ""; });
    progress();
    renderPlan();
  }

  function mirror(textarea) {  // typed text, shown on paper instead of the (clipped) text box
    var out = textarea.nextElementSibling;
    if (out && out.classList.contains("portal-cl-written")) { out.textContent = textarea.value; }
  }

  /* A sub-element is answered once it is rated or marked not applicable: progress lines, task list and plan agree. */
  function answered(id) { var s = state.subelements[id]; return !!s && (s.na || s.rating !== null); }
  function counts(subIds) {
    var c = { rated: 0, total: subIds.length, done: 0, expectations: 0 };
    subIds.forEach(function (id) {
      if (answered(id)) { c.rated++; }
      D.subelements[id].expectations.forEach(function (e) { c.expectations++; if (state.expectations[e]) { c.done++; } });
    });
    return c;
  }
  function subsOf(scope, id) {
    if (scope === "element") { return D.elements[id].subelements; }
    if (scope === "dimension") { return [].concat.apply([], D.dimensions[id].elements.map(function (e) { return D.elements[e].subelements; })); }
    return Object.keys(D.subelements);
  }
  function progress() {
    all("[data-progress]").forEach(function (p) {
      var scope = p.getAttribute("data-progress"), id = p.getAttribute("data-id");
      if (scope === "subelement") {
        var s = state.subelements[id], c = counts([id]);
        var rating = s && s.na ? MSG.na_short : (s && s.rating !== null ? D.scale[s.rating].label : MSG.unrated);
        p.textContent = fmt(MSG.progress_sub, { done: c.done, total: c.expectations, rating: rating });
      } else {
        p.textContent = fmt(MSG.progress_group, counts(subsOf(scope, id)));
      }
    });
    tasks();
  }

  /* The task list (the whole-model page): each element's status from the saved answers. An element is
     started once anything in it is saved (a tick, a rating, a reason, a note, a practice picked under it),
     and done when every sub-element is rated or marked not applicable. */
  function tasks() {
    all("[data-task]").forEach(function (row) {
      var id = row.getAttribute("data-task"), subs = D.elements[id] ? D.elements[id].subelements : [];
      var out = row.querySelector("[data-task-status]");
      if (!out || !subs.length) { return; }
      var done = subs.filter(answered).length;
      var started = subs.some(function (s) {
        return has(state.subelements, s) || D.subelements[s].expectations.some(function (e) { return state.expectations[e]; });
      }) || state.plan.some(function (p) { return D.practices[p] && subs.indexOf(D.practices[p].subelements[0]) >= 0; });
      var kind = !started ? "todo" : (done === subs.length ? "done" : "started");
      out.textContent = "";
      var tag = document.createElement("strong");
      tag.className = "portal-tag portal-tag--" + kind;
      tag.textContent = MSG["task_" + kind];
      out.appendChild(tag);
      if (kind === "started") {
        var count = document.createElement("span");
        count.className = "portal-task__count";
        count.textContent = subs.length === 1 ? MSG.unrated : fmt(MSG.task_count, { n: done, total: subs.length });
        out.appendChild(document.createTextNode(" "));
        out.appendChild(count);
      }
      row.setAttribute("data-task-state", kind);
      /* Read with the link, but only once it is true: without the script the status is hidden and unknown. */
      row.querySelector("a").setAttribute("aria-describedby", out.id);
    });
  }

  function onChange(event, announce) {
    var t = event.target, id;
    if (t.hasAttribute("data-expectation")) {
      if (t.checked) { state.expectations[t.value] = true; } else { delete state.expectations[t.value]; }
    } else if (t.hasAttribute("data-rating-for")) {
      id = t.getAttribute("data-rating-for");
      sub(id).rating = parseInt(t.value, 10);
    } else if (t.hasAttribute("data-na-for")) {
      id = t.getAttribute("data-na-for");
      var why = document.getElementById("why-" + id);
      if (t.checked && !(why && why.value.trim())) {  // apply or explain: no reason, no "not applicable"
        t.checked = false;
        if (why) { why.setAttribute("aria-invalid", "true"); why.focus(); }
        say(fmt(MSG.msg_need_reason, { id: id }), true);
        return;
      }
      sub(id).na = t.checked;
    } else if (t.hasAttribute("data-justification-for")) {
      id = t.getAttribute("data-justification-for");
      var s = sub(id);
      s.justification = t.value;
      mirror(t);
      if (t.value.trim()) { t.removeAttribute("aria-invalid"); }
      if (s.na && !t.value.trim()) {
        s.na = false;
        var na = document.getElementById("na-" + id);
        if (na) { na.checked = false; }
        say(fmt(MSG.msg_reason_removed, { id: id }), true);
        announce = false;
      }
    } else if (t.hasAttribute("data-notes-for")) {
      id = t.getAttribute("data-notes-for");
      sub(id).notes = t.value;
      mirror(t);
    } else if (t.hasAttribute("data-practice")) {
      var at = state.plan.indexOf(t.value);
      if (t.checked && at < 0) { state.plan.push(t.value); }
      if (!t.checked && at >= 0) { state.plan.splice(at, 1); }
      all("[data-practice]").forEach(function (cb) { if (cb.value === t.value) { cb.checked = t.checked; } });
    } else {
      return;
    }
    if (id) { prune(id); }
    var saved = write();
    progress();
    if (announce && saved) { say(MSG.msg_saved); }  // a failed save keeps its error in view
  }

  // -- files ---------------------------------------------------------------------------------------
  function today() { return new Date().toISOString().slice(0, 10); }
  /* checklist-anna-team-noord-2026-11-29.json: with a name or role, each respondent's file has a name of its own,
     so a facilitator collecting eight files does not get eight copies of one name overwriting each other. */
  function fileName(stem, ext) {
    var who = (state.respondent || "").normalize("NFKC").toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-+|-+$/g, "").slice(0, 40).replace(/-+$/, "");
    return stem + (who ? "-" + who : "") + "-" + today() + "." + ext;
  }
  function download(name, type, text) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var a = document.createElement("a");
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
    say(fmt(MSG.msg_exported, { file: name }));
  }
  function csvField(value) {
    var text = value === null || value === undefined ? "" : String(value);
    if (/^[=+\-@\t\r]/.test(text)) { text = "'" + text; }  // never a formula in a spreadsheet
    return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }
  function csv(header, rows) {
    return "\ufeff" + [header].concat(rows).map(function (r) { return r.map(csvField).join(","); }).join("\r\n") + "\r\n";
  }
  function yesNo(b) { return b ? MSG.yes : MSG.no; }

  function assessmentCsv() {
    var rows = [];
    Object.keys(D.subelements).forEach(function (id) {
      var info = D.subelements[id], el = D.elements[info.element], s = state.subelements[id] || blank(id);
      var where = [el.dimension, info.element, id];
      rows.push([MSG.row_subelement, id].concat(where, [info.title, "", s.rating === null ? "" : s.rating,
        s.rating === null ? "" : D.scale[s.rating].label, yesNo(s.na), s.justification, s.notes, "", ""]));
      info.expectations.forEach(function (e) {
        var source = D.sources[e] || ["", ""];  // [label, clause]: requirement, example or the portal's advice
        rows.push([MSG.row_expectation, e].concat(where, [D.expectations[e], yesNo(state.expectations[e] === true), "", "", "", "", "",
          source[0], source[1]]));
      });
    });
    return csv(D.columns, rows);
  }
  function practiceUrl(p) { return new URL(D.practices_url + p + "/", window.location.href).href; }
  function planCsv() {
    return csv(D.plan_columns, state.plan.map(function (p) {
      var info = D.practices[p];
      return [p, info.title, info.subelements.join(" "), info.effort, practiceUrl(p)];
    }));
  }

  /* Load an exported assessment. Refused unread when too big; refused when it names IDs this model version
     does not have or has no answers for this model; replaces answers already saved only after the reader
     confirms; and shows "loaded" only once the browser has actually saved it. */
  function importFile(input) {
    var file = input.files && input.files[0];
    if (!file) { return; }
    if (file.size > MAX_IMPORT_BYTES) {
      input.value = "";
      say(fmt(MSG.msg_too_big, { file: file.name, max: "2 MB" }), true);
      return;
    }
    var reader = new FileReader();
    reader.onload = function () {
      input.value = "";
      var parsed;
      try { parsed = JSON.parse(String(reader.result)); } catch (e) { say(fmt(MSG.msg_not_json, { file: file.name }), true); return; }
      var result = check(parsed);
      if (result.error === "bad_shape") { say(fmt(MSG.msg_bad_shape, { file: file.name, detail: result.detail }), true); return; }
      if (result.error === "newer") { say(fmt(MSG.msg_newer, { file: file.name, version: result.version, current: D.model_version }), true); return; }
      if (result.error === "unknown_ids") { say(fmt(MSG.msg_unknown_ids, { file: file.name, ids: listIds(result.ids) }), true); return; }
      var next = result.state, n = answersIn(next);
      if (n === 0) { say(fmt(MSG.msg_import_nothing, { file: file.name }), true); return; }
      if (answersIn(state) > 0 && !window.confirm(fmt(MSG.msg_import_confirm, { n: n, file: file.name }))) {
        say(MSG.msg_import_cancelled);
        return;
      }
      next.model_version = D.model_version;
      next.updated = new Date().toISOString();
      if (!store(next)) { say(fmt(MSG.msg_import_save_failed, { file: file.name }), true); return; }
      state = next;
      saveFailed = false;
      paint();
      say(result.dropped.length ? fmt(MSG.msg_imported_old, { file: file.name, version: result.version, ids: listIds(result.dropped) })
                                : fmt(MSG.msg_imported, { file: file.name }));
    };
    reader.onerror = function () { input.value = ""; say(fmt(MSG.msg_not_json, { file: file.name }), true); };
    reader.readAsText(file);
  }

  // -- the improvement plan page ---------------------------------------------------------------------
  /* Per sub-element with any answer: its rating (or "not applicable" and the reason), the notes and the
     practices picked under it (a practice sits under the sub-element it mainly serves). */
  function plural(n, one, many) { return n === 1 ? MSG[one] : fmt(MSG[many], { n: n }); }
  function fact(dl, label, value) {
    var row = document.createElement("div"), dt = document.createElement("dt"), dd = document.createElement("dd");
    dt.textContent = label + ":";
    dd.textContent = value;
    row.appendChild(dt);
    row.appendChild(document.createTextNode(" "));
    row.appendChild(dd);
    dl.appendChild(row);
  }
  function renderPlan() {
    var box = document.querySelector("[data-portal-plan]");
    if (!box) { return; }
    box.textContent = "";
    var rated = Object.keys(D.subelements).filter(answered).length;
    var count = document.createElement("p");
    count.className = "portal-cl-plan-count";
    count.textContent = state.plan.length || rated
      ? plural(rated, "plan_rated_one", "plan_rated") + " · " + plural(state.plan.length, "plan_count_one", "plan_count")
      : MSG.plan_empty;
    box.appendChild(count);
    Object.keys(D.subelements).forEach(function (sid) {
      var s = state.subelements[sid];
      var picked = state.plan.filter(function (p) { return D.practices[p].subelements[0] === sid; });
      if (!picked.length && !answered(sid) && !(s && s.notes)) { return; }
      var section = document.createElement("section");
      section.className = "portal-cl-plan-sub";
      section.setAttribute("data-plan-subelement", sid);
      var h = document.createElement("h2");
      h.textContent = sid + " " + D.subelements[sid].title;
      section.appendChild(h);
      var dl = document.createElement("dl");
      dl.className = "portal-facts";
      if (s && s.na) {
        fact(dl, MSG.rating_word, MSG.na_short);
        fact(dl, MSG.col_justification, s.justification);
      } else {
        fact(dl, MSG.rating_word, s && s.rating !== null ? s.rating + " " + D.scale[s.rating].label : MSG.unrated);
      }
      if (s && s.notes) { fact(dl, MSG.notes, s.notes); }
      section.appendChild(dl);
      if (picked.length) {
        var ul = document.createElement("ul");
        picked.forEach(function (p) {
          var info = D.practices[p], li = document.createElement("li"), a = document.createElement("a");
          li.setAttribute("data-plan-practice", p);
          a.href = D.practices_url + p + "/";
          a.textContent = info.title;
          li.appendChild(a);
          li.appendChild(document.createTextNode(" (" + info.effort + ")" + (info.summary ? ": " + info.summary : "")));
          ul.appendChild(li);
        });
        section.appendChild(ul);
      }
      box.appendChild(section);
    });
  }

  // -- wiring -----------------------------------------------------------------------------------------
  all("[data-portal-checklist]").forEach(function (form) {
    form.addEventListener("change", function (e) { onChange(e, true); });
    form.addEventListener("input", function (e) { if (e.target.tagName === "TEXTAREA") { onChange(e, false); } });
    form.addEventListener("submit", function (e) { e.preventDefault(); });
  });
  all("[data-portal-tools]").forEach(function (tools) {
    tools.addEventListener("click", function (e) {
      var action = e.target.getAttribute && e.target.getAttribute("data-action");
      if (action === "export-json") {
        write();
        download(fileName(MSG.file_stem, "json"), "application/json", JSON.stringify(state, null, 2) + "\n");
      } else if (action === "export-csv") {
        download(fileName(MSG.file_stem, "csv"), "text/csv;charset=utf-8", assessmentCsv());
      } else if (action === "export-plan") {
        download(fileName(MSG.plan_file_stem, "csv"), "text/csv;charset=utf-8", planCsv());
      } else if (action === "print") {
        window.print();
      } else if (action === "reset") {
        if (!window.confirm(MSG.msg_reset_confirm)) { return; }
        try { window.localStorage.removeItem(KEY); } catch (err) { /* storage off: nothing stored */ }
        state = emptyState();
        paint();
        say(MSG.msg_reset);
      }
    });
    var label = tools.querySelector("[data-respondent]");  // optional name or role, carried in the export for the team view
    if (label) {
      label.maxLength = C.RESPONDENT_MAX;
      label.addEventListener("input", function () {
        var text = label.value.trim().slice(0, C.RESPONDENT_MAX);
        if (text) { state.respondent = text; } else { delete state.respondent; }
        write();
      });
    }
    var input = tools.querySelector("[data-action=import]");
    if (input) { input.addEventListener("change", function () { importFile(input); }); }
    tools.hidden = false;
    /* The tools sit in the privacy disclosure: open on a wide screen; on a phone the questions come first. */
    var box = tools.closest("details");
    if (box) {
      all("[data-portal-tools-what]").forEach(function (what) { what.hidden = false; });
      if (window.matchMedia("(min-width: 45em)").matches) { box.open = true; }
    }
  });
  window.addEventListener("storage", function (e) {  // the same assessment open in another tab or language
    if (e.key === KEY) { state = read(); paint(); }
  });
  paint();
})();
