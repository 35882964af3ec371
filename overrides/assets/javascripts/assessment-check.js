/* Checking an assessment read from browser storage or an exported JSON file: one answer for the checklist
 * script (assessment.js) and the team view (team.js), and testable in Node (tests/js/).
 *
 * A plain script: in the browser it sets window.portalAssessmentCheck, in Node it is a CommonJS module.
 * `D` is the model as the checklist scripts know it (window.portalChecklistData: schema, model_version,
 * scale, subelements, expectations, practices). Nothing here touches the page or the network.
 */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) { module.exports = api; } else { root.portalAssessmentCheck = api; }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var RESPONDENT_MAX = 80;  // characters of the optional respondent label ("front office", a name)

  function has(obj, k) { return Object.prototype.hasOwnProperty.call(obj, k); }
  function isObject(x) { return x !== null && typeof x === "object" && !Array.isArray(x); }

  function versionParts(v) { return v.split(".").map(function (n) { return parseInt(n, 10); }); }
  function compareVersions(a, b) {
    var x = versionParts(a), y = versionParts(b);
    for (var i = 0; i < 3; i++) { if (x[i] !== y[i]) { return x[i] < y[i] ? -1 : 1; } }
    return 0;
  }

  function emptyState(D) {
    return { schema: D.schema, model_version: D.model_version, updated: new Date().toISOString(),
             subelements: {}, expectations: {}, plan: [] };
  }

  function isEmpty(entry) {
    return entry.rating === null && !entry.na && !entry.justification && !entry.notes;
  }

  /* Returns {state, dropped, version} or {error, detail}. Same or older model version: accepted. From an
   * older version, IDs the model no longer has are dropped and reported (the rest is kept); in a file of
   * the current version they mean the file is not ours, so it is refused. A newer version is refused:
   * this site cannot know what it means. The optional "respondent" label is kept, trimmed. */
  function check(obj, D) {
    if (!isObject(obj)) { return { error: "bad_shape", detail: "not an object" }; }
    if (obj.schema !== D.schema) { return { error: "bad_shape", detail: "schema " + JSON.stringify(obj.schema) + " instead of " + D.schema }; }
    if (typeof obj.model_version !== "string" || !/^\d+\.\d+\.\d+$/.test(obj.model_version)) {
      return { error: "bad_shape", detail: "no model_version" };
    }
    if (!isObject(obj.subelements) || !isObject(obj.expectations) || !Array.isArray(obj.plan)) {
      return { error: "bad_shape", detail: "subelements, expectations or plan missing" };
    }
    if (has(obj, "respondent") && typeof obj.respondent !== "string") { return { error: "bad_shape", detail: "respondent" }; }
    var order = compareVersions(obj.model_version, D.model_version);
    if (order > 0) { return { error: "newer", version: obj.model_version }; }
    var state = emptyState(D), unknown = [];
    state.updated = typeof obj.updated === "string" ? obj.updated : state.updated;
    var label = (obj.respondent || "").trim().slice(0, RESPONDENT_MAX);
    if (label) { state.respondent = label; }
    var subIds = Object.keys(obj.subelements);
    for (var i = 0; i < subIds.length; i++) {
      var id = subIds[i], s = obj.subelements[id];
      if (!isObject(s)) { return { error: "bad_shape", detail: id + " is not an object" }; }
      var rating = has(s, "rating") ? s.rating : null;
      if (rating !== null && !(typeof rating === "number" && rating % 1 === 0 && rating >= 0 && rating < D.scale.length)) {
        return { error: "bad_shape", detail: id + ": rating " + JSON.stringify(rating) };
      }
      if (has(s, "na") && typeof s.na !== "boolean") { return { error: "bad_shape", detail: id + ": na" }; }
      if (["justification", "notes"].some(function (f) { return has(s, f) && typeof s[f] !== "string"; })) {
        return { error: "bad_shape", detail: id + ": justification or notes" };
      }
      if (!has(D.subelements, id)) { unknown.push(id); continue; }
      var justification = s.justification || "";
      var entry = { rating: rating, na: !!s.na && justification.trim() !== "", justification: justification, notes: s.notes || "" };
      if (!isEmpty(entry)) { state.subelements[id] = entry; }
    }
    Object.keys(obj.expectations).forEach(function (e) {
      if (!has(D.expectations, e)) { unknown.push(e); } else if (obj.expectations[e] === true) { state.expectations[e] = true; }
    });
    for (var j = 0; j < obj.plan.length; j++) {
      var p = obj.plan[j];
      if (typeof p !== "string") { return { error: "bad_shape", detail: "plan" }; }
      if (!has(D.practices, p)) { unknown.push(p); } else if (state.plan.indexOf(p) < 0) { state.plan.push(p); }
    }
    if (unknown.length && order === 0) { return { error: "unknown_ids", ids: unknown }; }
    return { state: state, dropped: unknown, version: obj.model_version };
  }

  return { check: check, compareVersions: compareVersions, emptyState: emptyState, isEmpty: isEmpty,
           RESPONDENT_MAX: RESPONDENT_MAX };
});
