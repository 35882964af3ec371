/* Team self-assessment: every number the team view shows, prints and exports, computed here once.
 *
 * Pure functions, no page, no network: in the browser this sets window.portalTeamStats, in Node it is a
 * CommonJS module (unit tests in tests/js/, run by `node --test` from pytest).
 *
 * Definitions (the page states them too):
 * - A rating is a step of the scale by position (0 = lowest). Not applicable (N/A) and "not rated" are
 *   not ratings: they never enter a median, lowest, highest or spread.
 * - median: the middle rating; with an even number of ratings, the mean of the two middle ones (2 and 3 -> 2.5).
 * - spread: highest minus lowest. A sub-element is a disagreement when its spread is two steps or more.
 * - agreement: the share of ratings at most one step from the median.
 * - tick share of an expectation: of the people who answered the sub-element and did not mark it N/A,
 *   the share who ticked it. "Answered" means rated, marked N/A or ticked at least one of its expectations.
 * - element: each person's mean rating over the element's sub-elements, then the median, lowest, highest
 *   and spread of those means across people.
 * - change: follow-up median minus baseline median, per sub-element and per element.
 */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) { module.exports = api; } else { root.portalTeamStats = api; }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var DISAGREEMENT = 2;  // steps between lowest and highest rating that put a sub-element on the workshop agenda

  function has(obj, k) { return Object.prototype.hasOwnProperty.call(obj, k); }
  function round(x, places) { var f = Math.pow(10, places); return Math.round(x * f) / f; }

  function median(values) {
    if (!values.length) { return null; }
    var v = values.slice().sort(function (a, b) { return a - b; }), mid = Math.floor(v.length / 2);
    return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
  }

  /* Median, lowest, highest, spread and agreement of a list of numbers; all null when it is empty. */
  function summary(values) {
    if (!values.length) { return { n: 0, median: null, min: null, max: null, spread: null, agreement: null }; }
    var m = median(values), lo = Math.min.apply(null, values), hi = Math.max.apply(null, values);
    var close = values.filter(function (x) { return Math.abs(x - m) <= 1 + 1e-9; }).length;
    return { n: values.length, median: m, min: lo, max: hi, spread: round(hi - lo, 6), agreement: close / values.length };
  }

  function answered(state, id, expectations) {
    var s = state.subelements[id];
    if (s && (s.na || s.rating !== null)) { return true; }
    return expectations.some(function (e) { return state.expectations[e] === true; });
  }

  /* One sub-element across respondents (each {state}: a checked assessment, as assessment-check.js returns it).
   * N/A reasons and notes refer to respondents by their position in the list, so the page decides whether
   * to show a label. */
  function subelement(id, info, respondents) {
    var ratings = [], na = [], notes = [], eligible = 0, people = 0;
    var ticks = {};
    info.expectations.forEach(function (e) { ticks[e] = { ticked: 0, of: 0, share: null }; });
    respondents.forEach(function (r, index) {
      var state = r.state, s = state.subelements[id];
      if (s && s.notes && s.notes.trim()) { notes.push({ respondent: index, text: s.notes }); }
      if (!answered(state, id, info.expectations)) { return; }
      people++;
      if (s && s.na) { na.push({ respondent: index, reason: s.justification }); return; }
      eligible++;
      if (s && s.rating !== null) { ratings.push(s.rating); }
      info.expectations.forEach(function (e) { if (state.expectations[e] === true) { ticks[e].ticked++; } });
    });
    info.expectations.forEach(function (e) {
      ticks[e].of = eligible;
      ticks[e].share = eligible ? ticks[e].ticked / eligible : null;
    });
    var sum = summary(ratings);
    return { id: id, element: info.element, answered: people, ratings: ratings.slice().sort(function (a, b) { return a - b; }),
             n: sum.n, median: sum.median, min: sum.min, max: sum.max, spread: sum.spread, agreement: sum.agreement,
             disagreement: sum.spread !== null && sum.spread >= DISAGREEMENT, na: na, notes: notes, ticks: ticks };
  }

  /* Each respondent's mean over the element's rated sub-elements, then their summary across respondents. */
  function element(id, info, respondents) {
    var means = [];
    respondents.forEach(function (r) {
      var sum = 0, count = 0;
      info.subelements.forEach(function (sid) {
        var s = r.state.subelements[sid];
        if (s && !s.na && s.rating !== null) { sum += s.rating; count++; }
      });
      if (count) { means.push(sum / count); }
    });
    var out = summary(means);
    out.id = id;
    out.dimension = info.dimension;
    return out;
  }

  /* How many respondents picked each practice for their plan, most picked first (ties: model order). */
  function practices(model, respondents) {
    var count = {};
    respondents.forEach(function (r) { r.state.plan.forEach(function (p) { count[p] = (count[p] || 0) + 1; }); });
    return Object.keys(model.practices).filter(function (p) { return count[p]; })
      .map(function (p, i) { return { id: p, count: count[p], order: i }; })
      .sort(function (a, b) { return b.count - a.count || a.order - b.order; })
      .map(function (x) { return { id: x.id, count: x.count }; });
  }

  /* Everything about one round: `model` is the checklist data (dimensions, elements, subelements,
   * practices), `respondents` a list of {state}. Sub-elements and elements come in model order. */
  function analyse(model, respondents) {
    var subs = {}, elements = {}, order = Object.keys(model.subelements);
    order.forEach(function (id) { subs[id] = subelement(id, model.subelements[id], respondents); });
    Object.keys(model.elements).forEach(function (id) { elements[id] = element(id, model.elements[id], respondents); });
    var agenda = order.filter(function (id) { return subs[id].disagreement; })
      .map(function (id, i) { return { id: id, spread: subs[id].spread, order: i }; })
      .sort(function (a, b) { return b.spread - a.spread || a.order - b.order; })
      .map(function (x) { return x.id; });
    return { respondents: respondents.length, subelements: subs, elements: elements, disagreements: agenda,
             practices: practices(model, respondents) };
  }

  /* The `k` highest (or lowest) rated elements; elements tied with the last one are included too, so a
   * tie never hides an element. Unrated elements are left out. */
  function extremes(elements, k, lowest) {
    var rated = Object.keys(elements).map(function (id, i) { return { id: id, median: elements[id].median, order: i }; })
      .filter(function (x) { return x.median !== null; })
      .sort(function (a, b) { return (lowest ? a.median - b.median : b.median - a.median) || a.order - b.order; });
    if (rated.length <= k) { return rated.map(function (x) { return x.id; }); }
    var cut = rated[k - 1].median;
    return rated.filter(function (x, i) { return i < k || x.median === cut; }).map(function (x) { return x.id; });
  }

  function change(before, after) {
    if (before === null || before === undefined || after === null || after === undefined) {
      return { before: before === undefined ? null : before, after: after === undefined ? null : after, change: null, direction: null };
    }
    var d = round(after - before, 6);
    return { before: before, after: after, change: d, direction: d > 0 ? "up" : d < 0 ? "down" : "same" };
  }

  /* Baseline against follow-up (two results of `analyse`), per sub-element and element, in model order. */
  function compare(baseline, followUp) {
    var subs = {}, elements = {};
    Object.keys(followUp.subelements).forEach(function (id) {
      subs[id] = change(baseline.subelements[id] ? baseline.subelements[id].median : null, followUp.subelements[id].median);
    });
    Object.keys(followUp.elements).forEach(function (id) {
      elements[id] = change(baseline.elements[id] ? baseline.elements[id].median : null, followUp.elements[id].median);
    });
    function moved(table, direction) { return Object.keys(table).filter(function (id) { return table[id].direction === direction; }); }
    return { subelements: subs, elements: elements, up: moved(subs, "up"), down: moved(subs, "down") };
  }

  /* A CSV cell a spreadsheet shows as text and never runs as a formula (OWASP's CSV-injection advice, the
   * same rule as the build's spreadsheet_safety.py), quoted when needed. */
  function csvField(value) {
    var text = value === null || value === undefined ? "" : String(value);
    if (typeof value !== "number" && /^[=+\-@\t\r]/.test(text)) { text = "'" + text; }  // a number (-1) stays a number
    return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }
  function csv(header, rows) {  // with a BOM, so spreadsheet programs read UTF-8 (é, ë) correctly
    return "\ufeff" + [header].concat(rows).map(function (r) { return r.map(csvField).join(","); }).join("\r\n") + "\r\n";
  }

  /* A fingerprint of an assessment's content: two files with the same one are the same export. */
  function fingerprint(state) {
    function canon(x) {
      if (Array.isArray(x)) { return "[" + x.map(canon).join(",") + "]"; }
      if (x !== null && typeof x === "object") {
        return "{" + Object.keys(x).sort().map(function (k) { return JSON.stringify(k) + ":" + canon(x[k]); }).join(",") + "}";
      }
      return JSON.stringify(x);
    }
    return canon(state);
  }

  return { DISAGREEMENT: DISAGREEMENT, median: median, summary: summary, analyse: analyse, extremes: extremes,
           compare: compare, change: change, csvField: csvField, csv: csv, fingerprint: fingerprint, has: has };
});
