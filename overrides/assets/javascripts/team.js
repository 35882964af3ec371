/* Team self-assessment (/checklists/team/): bring exported assessments together in this browser.
 *
 * The facilitator loads any number of JSON exports of the checklists (and, optionally, an earlier round as
 * baseline). Every file is read here and nothing is sent anywhere: there is no network call in this file.
 * Files are checked one by one with the checklists' own rules (assessment-check.js): a bad file is refused
 * with a message naming it, the good ones stay. All numbers come from team-stats.js, so the page, the
 * printed report and the exports show the same figures. Model data: checklist-data.js; the page's words:
 * the JSON island #portal-team-data (generated from model/text/<lang>/ui-team.yml).
 */
(function () {
  "use strict";
  var island = document.getElementById("portal-team-data");
  var S = window.portalTeamStats, C = window.portalAssessmentCheck, D = window.portalChecklistData, X = window.portalXlsx;
  var root = document.querySelector("[data-portal-team]");
  if (!island || !S || !C || !D || !X || !root) { return; }
  var T = JSON.parse(island.textContent);
  var M = T.messages;
  var MAX_FILES = 200;            // per round: far more than a team, few enough to stay quick
  var MAX_BYTES = 2 * 1024 * 1024; // an export of the whole model with long notes is well under 200 KB
  var REPORT_ROWS = 8;            // rows per list in the printed report, so it stays within its pages
  var SUMMARY_KIND = "portal-team-summary";  // what this page's own JSON download says it is
  var lang = document.documentElement.lang || "en";
  var rounds = { current: [], baseline: [] };
  var anonymous = false;

  // -- small helpers ----------------------------------------------------------------------------------
  function fmt(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, k) { return S.has(values, k) ? String(values[k]) : whole; });
  }
  function num(x) { return x === null || x === undefined ? "–" : x.toLocaleString(lang, { maximumFractionDigits: 1 }); }
  function pct(x) { return x === null ? "–" : Math.round(x * 100) + "%"; }
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") { node.textContent = attrs[k]; } else if (attrs[k] !== null && attrs[k] !== undefined) { node.setAttribute(k, attrs[k]); }
    });
    (children || []).forEach(function (c) { if (c) { node.appendChild(typeof c === "string" ? document.createTextNode(c) : c); } });
    return node;
  }
  function q(selector) { return root.querySelector(selector); }
  function subTitle(id) { return id + " " + D.subelements[id].title; }
  function elementTitle(id) { return id + " " + D.elements[id].title; }
  function ratingText(x) {  // a median: its number, and the step's name when it is a whole step
    if (x === null) { return M.none; }
    return x % 1 === 0 ? num(x) + " " + D.scale[x].label : num(x);
  }
  function direction(c) {
    if (c.direction === null) { return M.change_none; }
    return fmt(M["change_" + c.direction], { n: num(Math.abs(c.change)) });
  }

  /* A table with a caption, column headers and, per row, the first cell as the row header. Wide tables scroll in
     their own box (as Material wraps Markdown tables), never the page; the box is a named, focusable region so
     keyboard users can scroll it too. */
  function table(caption, header, rows, cls) {
    var head = el("tr", {}, header.map(function (h) { return el("th", { scope: "col", text: h }); }));
    var body = rows.map(function (r) {
      return el("tr", r.attrs || {}, r.cells.map(function (c, i) {
        var cell = el(i === 0 ? "th" : "td", i === 0 ? { scope: "row" } : {});
        if (c !== null && typeof c === "object") { cell.appendChild(c); } else { cell.textContent = c; }
        return cell;
      }));
    });
    return el("div", { class: "md-typeset__scrollwrap", role: "region", tabindex: "0", "aria-label": caption }, [
      el("div", { class: "md-typeset__table portal-team-table" + (cls ? " " + cls : "") }, [
        el("table", {}, [el("caption", { text: caption }), el("thead", {}, [head]), el("tbody", {}, body)])])]);
  }

  // -- messages ---------------------------------------------------------------------------------------
  var statusList = q("[data-team-messages]");
  function report(lines) {  // one live-region update per load: a summary line plus one line per problem
    statusList.textContent = "";
    lines.forEach(function (line) {
      statusList.appendChild(el("li", { class: line.error ? "portal-team-msg portal-team-msg--error" : "portal-team-msg",
                                        "data-team-message": line.error ? "error" : "info", text: line.text }));
    });
  }

  // -- loading files ----------------------------------------------------------------------------------
  function readText(file) {
    return new Promise(function (resolve, reject) {
      var reader = new FileReader();
      reader.onload = function () { resolve(String(reader.result)); };
      reader.onerror = function () { reject(reader.error); };
      reader.readAsText(file);
    });
  }

  function whereLoaded(fp) {
    var found = null;
    ["current", "baseline"].forEach(function (name) {
      rounds[name].forEach(function (r) { if (!found && r.fp === fp) { found = { round: name, file: r.file }; } });
    });
    return found;
  }

  /* Check one file; returns a message line, and adds the file to `round` when it is good. */
  function take(round, file, text) {
    var parsed;
    try { parsed = JSON.parse(text); } catch (e) { return { error: true, text: fmt(M.msg_not_json, { file: file.name }) }; }
    if (parsed && parsed.kind === SUMMARY_KIND) { return { error: true, text: fmt(M.msg_summary, { file: file.name }) }; }
    var result = C.check(parsed, D);
    if (result.error === "bad_shape") { return { error: true, text: fmt(M.msg_bad_shape, { file: file.name, detail: result.detail }) }; }
    if (result.error === "newer") { return { error: true, text: fmt(M.msg_newer, { file: file.name, version: result.version, current: D.model_version }) }; }
    if (result.error === "unknown_ids") { return { error: true, text: fmt(M.msg_unknown_ids, { file: file.name, ids: result.ids.join(", ") }) }; }
    var fp = S.fingerprint(result.state), twin = whereLoaded(fp);
    if (twin) { return { error: true, text: fmt(M.msg_duplicate, { file: file.name, other: twin.file }) }; }
    if (rounds[round].length >= MAX_FILES) { return { error: true, text: fmt(M.msg_too_many, { file: file.name, max: MAX_FILES }) }; }
    rounds[round].push({ file: file.name, fp: fp, state: result.state, version: result.version });
    if (result.dropped.length) { return { text: fmt(M.msg_mapped, { file: file.name, version: result.version, ids: result.dropped.join(", ") }) }; }
    return null;
  }

  function load(round, files) {
    var lines = [], before = rounds[round].length;
    var list = Array.prototype.slice.call(files || []);
    var busy = q("[data-team-busy]");
    busy.hidden = false;
    // One file at a time, each after the previous one: the page stays responsive however many are dropped.
    return list.reduce(function (chain, file) {
      return chain.then(function () {
        if (file.size > MAX_BYTES) { lines.push({ error: true, text: fmt(M.msg_too_big, { file: file.name, max: "2 MB" }) }); return null; }
        return readText(file).then(function (text) { var line = take(round, file, text); if (line) { lines.push(line); } },
                                   function () { lines.push({ error: true, text: fmt(M.msg_not_json, { file: file.name }) }); });
      });
    }, Promise.resolve()).then(function () {
      busy.hidden = true;
      var added = rounds[round].length - before;
      lines.unshift({ text: fmt(round === "baseline" ? M.msg_loaded_baseline : M.msg_loaded,
                                { n: added, total: rounds[round].length }) });
      report(lines);
      render();
    });
  }

  // -- who answered ------------------------------------------------------------------------------------
  function name(round, index) {
    var r = rounds[round][index];
    if (anonymous || !r.state.respondent) { return fmt(M.respondent_n, { n: index + 1 }); }
    return r.state.respondent;
  }
  function attributed(round, index, text) { return anonymous ? text : name(round, index) + ": " + text; }
  function dateOf(state) { return state.updated.slice(0, 10); }
  function span(round) {
    var dates = rounds[round].map(function (r) { return dateOf(r.state); }).sort();
    if (!dates.length) { return ""; }
    return dates[0] === dates[dates.length - 1] ? dates[0] : fmt(M.date_range, { from: dates[0], to: dates[dates.length - 1] });
  }

  function respondentsTable(round, caption) {
    var header = [M.col_respondent, M.col_date, M.col_version, M.col_answered].concat(anonymous ? [] : [M.col_file]);
    var rows = rounds[round].map(function (r, i) {
      var count = Object.keys(D.subelements).filter(function (id) {
        var s = r.state.subelements[id];
        return (s && (s.na || s.rating !== null)) || D.subelements[id].expectations.some(function (e) { return r.state.expectations[e]; });
      }).length;
      var cells = [name(round, i), dateOf(r.state), r.version, fmt(M.answered_of, { n: count, total: Object.keys(D.subelements).length })];
      return { cells: anonymous ? cells : cells.concat([r.file]) };
    });
    return table(caption, header, rows, "portal-team-respondents");
  }

  // -- results -----------------------------------------------------------------------------------------
  function respondentsOf(round) { return rounds[round].map(function (r) { return { state: r.state }; }); }

  function agendaTable(result, limit) {  // with a limit: the report's shorter version, without every rating
    var ids = result.disagreements.slice(0, limit || result.disagreements.length);
    var header = [M.col_subelement, M.col_ratings, M.col_lowest, M.col_highest, M.col_median, M.col_spread];
    return table(M.agenda_caption, limit ? header.filter(function (h) { return h !== M.col_ratings; }) : header,
      ids.map(function (id) {
        var s = result.subelements[id], cells = [subTitle(id), s.ratings.join(", "), num(s.min), num(s.max), num(s.median), num(s.spread)];
        if (limit) { cells.splice(1, 1); }
        return { attrs: limit ? {} : { "data-team-agenda": id }, cells: cells };
      }), "portal-team-agenda");
  }

  function elementsTable(result, comparison, inReport) {
    var header = [M.col_element, M.col_dimension, M.col_median, M.col_range, M.col_spread, M.col_people];
    if (comparison) { header = header.concat([M.col_baseline, M.col_change]); }
    if (inReport) { header.splice(1, 1); }  // the report is short of room; the element's ID names its dimension
    var rows = Object.keys(D.elements).map(function (id) {
      var e = result.elements[id], dim = D.elements[id].dimension;
      var cells = [elementTitle(id), dim + " " + D.dimensions[dim].title, num(e.median),
                   e.n ? num(e.min) + "–" + num(e.max) : "–", num(e.spread), String(e.n)];
      if (comparison) { cells = cells.concat([num(comparison.elements[id].before), direction(comparison.elements[id])]); }
      if (inReport) { cells.splice(1, 1); }
      return { attrs: inReport ? {} : { "data-team-element": id }, cells: cells };
    });
    return table(M.elements_caption, header, rows, "portal-team-elements");
  }

  function subelementsTable(result) {
    return table(M.subelements_caption,
      [M.col_subelement, M.col_answered_n, M.col_median, M.col_lowest, M.col_highest, M.col_spread, M.col_agreement, M.col_na],
      Object.keys(D.subelements).map(function (id) {
        var s = result.subelements[id];
        return { attrs: { "data-team-sub": id },
                 cells: [subTitle(id), String(s.answered), num(s.median), num(s.min), num(s.max), num(s.spread), pct(s.agreement), String(s.na.length)] };
      }), "portal-team-subs");
  }

  function details(result) {
    var box = el("div", { class: "portal-team-details" });
    Object.keys(D.subelements).forEach(function (id) {
      var s = result.subelements[id];
      if (!s.answered && !s.notes.length) { return; }
      var d = el("details", { "data-team-detail": id }, [el("summary", { text: subTitle(id) + " · " + fmt(M.detail_summary, {
        median: ratingText(s.median), n: s.answered }) })]);
      d.appendChild(table(fmt(M.ticks_caption, { id: id }), [M.col_expectation, M.col_ticked],
        D.subelements[id].expectations.map(function (e) {
          var t = s.ticks[e];
          return { attrs: { "data-team-tick": e },
                   cells: [e + " " + D.expectations[e], t.of ? fmt(M.ticked_of, { n: t.ticked, total: t.of, pct: pct(t.share) }) : "–"] };
        })));
      if (s.na.length) {
        d.appendChild(el("p", { class: "portal-team-label", text: M.na_reasons }));
        d.appendChild(el("ul", {}, s.na.map(function (x) { return el("li", { "data-team-na": id, text: attributed("current", x.respondent, x.reason) }); })));
      }
      if (s.notes.length) {
        d.appendChild(el("p", { class: "portal-team-label", text: M.notes }));
        d.appendChild(el("ul", {}, s.notes.map(function (x) { return el("li", { "data-team-note": id, text: attributed("current", x.respondent, x.text) }); })));
      }
      box.appendChild(d);
    });
    return box;
  }

  function paintFigure(result) {
    root.querySelectorAll("[data-team-figure] .portal-fig__link--element").forEach(function (link) {
      var id = link.getAttribute("data-id"), e = result.elements[id];
      var badge = link.ownerSVGElement.querySelector('.portal-fig__badge[data-badge-for="' + id + '"]');
      if (!e || e.median === null) {
        link.removeAttribute("data-level"); link.removeAttribute("data-spread"); badge.removeAttribute("data-level");
        return;
      }
      var level = String(Math.round(e.median));
      link.setAttribute("data-level", level);
      link.setAttribute("data-spread", e.spread >= S.DISAGREEMENT ? "wide" : "narrow");
      badge.setAttribute("data-level", level);
      badge.querySelector("text").textContent = num(e.median);
    });
  }

  function comparisonTable(comparison, baseline, current) {
    return table(M.progress_caption, [M.col_subelement, M.col_baseline, M.col_followup, M.col_change],
      Object.keys(D.subelements).filter(function (id) { return baseline.subelements[id].n || current.subelements[id].n; })
        .map(function (id) {
          var c = comparison.subelements[id];
          return { attrs: { "data-team-change": id, "data-direction": c.direction || "none" },
                   cells: [subTitle(id), num(c.before), num(c.after), direction(c)] };
        }), "portal-team-progress");
  }

  // -- the printed report ---------------------------------------------------------------------------------
  function reportBlock(result, comparison, baseline) {
    var box = document.querySelector("[data-team-report]");
    box.textContent = "";
    box.appendChild(el("h2", { class: "portal-team-report__title", text: M.report_title }));
    box.appendChild(el("p", { class: "portal-team-report__meta", text: fmt(M.report_meta, {
      date: new Date().toISOString().slice(0, 10), version: D.model_version, n: result.respondents, dates: span("current") }) }));
    box.appendChild(el("p", { text: M.report_privacy }));
    var svg = root.querySelector("[data-team-figure] svg.portal-fig--wide");
    if (svg) {
      var copy = svg.cloneNode(true);
      copy.removeAttribute("aria-labelledby");
      copy.querySelectorAll("[id]").forEach(function (n) { n.removeAttribute("id"); });
      copy.querySelectorAll("a").forEach(function (a) { a.removeAttribute("href"); });
      copy.setAttribute("role", "img");
      copy.setAttribute("aria-label", M.figure_title);
      box.appendChild(el("figure", { class: "portal-team-report__figure" }, [copy, el("figcaption", { text: M.figure_legend })]));
    }
    box.appendChild(elementsTable(result, null, true));
    var strong = S.extremes(result.elements, 3);
    var weak = S.extremes(result.elements, 3, true).filter(function (id) { return strong.indexOf(id) < 0; });
    function lineOf(id) { var e = result.elements[id]; return el("li", { text: elementTitle(id) + ": " + fmt(M.element_line, { median: num(e.median), min: num(e.min), max: num(e.max) }) }); }
    function lines(ids) {  // ties are all named on the page; the report names three and counts the rest
      var shown = ids.slice(0, 3).map(lineOf);
      if (ids.length > 3) { shown.push(el("li", { text: fmt(M.report_tied, { n: ids.length - 3 }) })); }
      return el("ul", {}, shown);
    }
    box.appendChild(el("section", { class: "portal-team-report__page" }, [
      el("h3", { text: M.report_strongest }), lines(strong),
      weak.length ? el("h3", { text: M.report_weakest }) : null, weak.length ? lines(weak) : null,
      el("h3", { text: M.agenda_title }),
      result.disagreements.length ? agendaTable(result, REPORT_ROWS) : el("p", { text: M.agenda_none }),
      result.disagreements.length > REPORT_ROWS ? el("p", { text: fmt(M.report_more, { n: result.disagreements.length - REPORT_ROWS }) }) : null,
    ]));
    var reasons = [];
    Object.keys(D.subelements).forEach(function (id) {
      result.subelements[id].na.forEach(function (x) { reasons.push(subTitle(id) + " · " + attributed("current", x.respondent, x.reason)); });
    });
    var plan = result.practices.slice(0, REPORT_ROWS);
    var section = el("section", {}, [
      el("h3", { text: M.na_reasons }),
      reasons.length ? el("ul", {}, reasons.slice(0, REPORT_ROWS).map(function (t) { return el("li", { text: t }); })) : el("p", { text: M.report_no_na }),
      reasons.length > REPORT_ROWS ? el("p", { text: fmt(M.report_more, { n: reasons.length - REPORT_ROWS }) }) : null,
      el("h3", { text: M.report_plan }),
      plan.length ? el("ul", {}, plan.map(function (p) { return el("li", { text: D.practices[p.id].title + " " + fmt(M.picked_by, { n: p.count, total: result.respondents }) }); }))
                  : el("p", { text: M.report_no_plan }),
      result.practices.length > REPORT_ROWS ? el("p", { text: fmt(M.report_more, { n: result.practices.length - REPORT_ROWS }) }) : null,
    ]);
    if (comparison) {
      section.appendChild(el("h3", { text: M.progress_title }));
      section.appendChild(el("p", { text: fmt(M.progress_summary, { up: comparison.up.length, down: comparison.down.length,
        baseline: span("baseline"), n: baseline.respondents }) }));
      var changed = Object.keys(D.elements).filter(function (id) { return /^(up|down)$/.test(comparison.elements[id].direction); });
      section.appendChild(table(M.progress_elements_caption, [M.col_element, M.col_baseline, M.col_followup, M.col_change],
        changed.map(function (id) { var c = comparison.elements[id]; return { cells: [elementTitle(id), num(c.before), num(c.after), direction(c)] }; })));
    }
    box.appendChild(section);
  }

  // -- exports -------------------------------------------------------------------------------------------
  function stamp() { return new Date().toISOString().slice(0, 10); }
  function download(fileName, type, text) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var a = el("a", { href: url, download: fileName });
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
    report([{ text: fmt(M.msg_exported, { file: fileName }) }]);
  }

  function summaryJson(result, comparison, baseline) {
    function sub(id) {
      var s = result.subelements[id];
      return { answered: s.answered, ratings: s.ratings, median: s.median, lowest: s.min, highest: s.max, spread: s.spread,
               agreement: s.agreement, disagreement: s.disagreement, ticks: s.ticks,
               not_applicable: s.na.map(function (x) { return anonymous ? { reason: x.reason } : { respondent: name("current", x.respondent), reason: x.reason }; }),
               notes: s.notes.map(function (x) { return anonymous ? { text: x.text } : { respondent: name("current", x.respondent), text: x.text }; }) };
    }
    var out = { kind: SUMMARY_KIND, schema: 1, model_version: D.model_version, created: new Date().toISOString(),
                anonymous: anonymous, respondents: rounds.current.map(function (r, i) {
                  return { respondent: name("current", i), updated: r.state.updated, model_version: r.version }; }),
                subelements: {}, elements: {}, disagreements: result.disagreements, plan: result.practices };
    Object.keys(D.subelements).forEach(function (id) { out.subelements[id] = sub(id); });
    Object.keys(D.elements).forEach(function (id) {
      var e = result.elements[id];
      out.elements[id] = { respondents: e.n, median: e.median, lowest: e.min, highest: e.max, spread: e.spread };
    });
    if (comparison) { out.baseline = { respondents: baseline.respondents, dates: span("baseline"), change: comparison }; }
    return JSON.stringify(out, null, 2) + "\n";
  }

  function summaryRows(result, comparison) {  // the workshop sheet: the CSV, and the XLSX's results sheet
    var rows = [];
    Object.keys(D.subelements).forEach(function (id) {
      var s = result.subelements[id], info = D.subelements[id], dim = D.elements[info.element].dimension;
      var c = comparison ? comparison.subelements[id] : null;
      rows.push([M.row_subelement, id, dim, info.element, info.title, s.answered, s.median, s.min, s.max, s.spread,
                 s.agreement === null ? "" : Math.round(s.agreement * 100) + "%", s.disagreement ? M.yes : M.no, s.na.length,
                 "", "", c ? c.before : "", c ? c.change : "",
                 s.na.map(function (x) { return attributed("current", x.respondent, x.reason); }).join(" | ")]);
      info.expectations.forEach(function (e) {
        var t = s.ticks[e];
        rows.push([M.row_expectation, e, dim, info.element, D.expectations[e], "", "", "", "", "", "", "", "",
                   t.ticked, t.of ? Math.round(t.share * 100) + "%" : "", "", "", ""]);
      });
    });
    Object.keys(D.elements).forEach(function (id) {
      var e = result.elements[id], c = comparison ? comparison.elements[id] : null;
      rows.push([M.row_element, id, D.elements[id].dimension, id, D.elements[id].title, e.n, e.median, e.min, e.max, e.spread,
                 "", "", "", "", "", c ? c.before : "", c ? c.change : "", ""]);
    });
    return rows;
  }

  function summaryXlsx(result, comparison) {  // the agenda to fill in during the workshop, then every figure
    var agenda = [[M.col_subelement, M.col_title, M.col_ratings, M.col_lowest, M.col_highest, M.col_median, M.col_spread,
                   M.col_agreed, M.col_action]].concat(result.disagreements.map(function (id) {
      var s = result.subelements[id];
      return [id, D.subelements[id].title, s.ratings.join(", "), s.min, s.max, s.median, s.spread, "", ""];
    }));
    return X.workbook([{ name: M.sheet_agenda, rows: agenda },
                       { name: M.sheet_results, rows: [T.csv_columns].concat(summaryRows(result, comparison)) }]);
  }

  // -- drawing everything --------------------------------------------------------------------------------
  var last = null;
  function render() {
    var results = q("[data-team-results]");
    var n = rounds.current.length;
    q("[data-team-count]").textContent = fmt(M.count, { n: n, baseline: rounds.baseline.length });
    root.querySelectorAll("[data-team-needs-data]").forEach(function (b) { b.disabled = n === 0; });
    if (!n) { results.hidden = true; last = null; document.querySelector("[data-team-report]").textContent = ""; return; }
    var result = S.analyse(D, respondentsOf("current"));
    var baseline = rounds.baseline.length ? S.analyse(D, respondentsOf("baseline")) : null;
    var comparison = baseline ? S.compare(baseline, result) : null;
    last = { result: result, baseline: baseline, comparison: comparison };

    function fill(key, nodes) {
      var box = q('[data-team-fill="' + key + '"]');
      box.textContent = "";
      nodes.forEach(function (x) { if (x) { box.appendChild(x); } });
    }
    fill("respondents", [respondentsTable("current", fmt(M.respondents_caption, { dates: span("current") })),
                         rounds.baseline.length ? respondentsTable("baseline", fmt(M.baseline_caption, { dates: span("baseline") })) : null]);
    fill("agenda", [result.disagreements.length ? agendaTable(result) : el("p", { "data-team-agenda-none": "", text: M.agenda_none })]);
    paintFigure(result);
    fill("elements", [elementsTable(result, comparison)]);
    fill("subelements", [subelementsTable(result), details(result)]);
    var progress = q("[data-team-progress]");
    progress.hidden = !comparison;
    fill("progress", comparison ? [el("p", { text: fmt(M.progress_summary, { up: comparison.up.length, down: comparison.down.length,
      baseline: span("baseline"), n: baseline.respondents }) }), comparisonTable(comparison, baseline, result)] : []);
    reportBlock(result, comparison, baseline);
    results.hidden = false;
  }

  // -- wiring ---------------------------------------------------------------------------------------------
  root.querySelectorAll("[data-team-input]").forEach(function (input) {
    var round = input.getAttribute("data-team-input");
    input.addEventListener("change", function () {
      var files = input.files;
      load(round, files).then(function () { input.value = ""; });
    });
  });
  root.querySelectorAll("[data-team-drop]").forEach(function (zone) {  // dropping files works like choosing them
    var round = zone.getAttribute("data-team-drop");
    zone.addEventListener("dragover", function (e) { e.preventDefault(); zone.classList.add("portal-team-drop--over"); });
    zone.addEventListener("dragleave", function () { zone.classList.remove("portal-team-drop--over"); });
    zone.addEventListener("drop", function (e) {
      e.preventDefault();
      zone.classList.remove("portal-team-drop--over");
      load(round, e.dataTransfer.files);
    });
  });
  var anon = q("[data-team-anon]");
  anon.addEventListener("change", function () { anonymous = anon.checked; render(); report([{ text: anonymous ? M.msg_anonymous_on : M.msg_anonymous_off }]); });
  root.addEventListener("click", function (e) {
    var action = e.target.getAttribute && e.target.getAttribute("data-team-action");
    if (!action) { return; }
    if (action === "clear") {
      rounds = { current: [], baseline: [] };
      render();
      report([{ text: M.msg_cleared }]);
    } else if (action === "clear-baseline") {
      rounds.baseline = [];
      render();
      report([{ text: M.msg_cleared_baseline }]);
    } else if (!last) {
      return;
    } else if (action === "export-json") {
      download(M.file_stem + "-" + stamp() + ".json", "application/json", summaryJson(last.result, last.comparison, last.baseline));
    } else if (action === "export-csv") {
      download(M.file_stem + "-" + stamp() + ".csv", "text/csv;charset=utf-8", S.csv(T.csv_columns, summaryRows(last.result, last.comparison)));
    } else if (action === "export-xlsx") {
      download(M.file_stem + "-" + stamp() + ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
               summaryXlsx(last.result, last.comparison));
    } else if (action === "print") {
      window.print();
    }
  });
  anonymous = anon.checked;
  root.hidden = false;
  render();
})();
