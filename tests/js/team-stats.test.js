// Unit tests of the team statistics and the assessment check (run: node --test tests/js/; pytest runs them too).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

const S = require(path.join(__dirname, "../../overrides/assets/javascripts/team-stats.js"));
const C = require(path.join(__dirname, "../../overrides/assets/javascripts/assessment-check.js"));

// A tiny model: two elements, three sub-elements, four expectations, two practices.
const MODEL = {
  schema: 1, model_version: "0.2.0",
  scale: [{ label: "a" }, { label: "b" }, { label: "c" }, { label: "d" }, { label: "e" }],
  dimensions: { "7.1": { elements: ["7.1.1", "7.1.2"] } },
  elements: { "7.1.1": { dimension: "7.1", subelements: ["7.1.1.1", "7.1.1.2"] },
              "7.1.2": { dimension: "7.1", subelements: ["7.1.2.1"] } },
  subelements: { "7.1.1.1": { element: "7.1.1", expectations: ["7.1.1.1-e1", "7.1.1.1-e2"] },
                 "7.1.1.2": { element: "7.1.1", expectations: ["7.1.1.2-e1"] },
                 "7.1.2.1": { element: "7.1.2", expectations: ["7.1.2.1-e1"] } },
  expectations: { "7.1.1.1-e1": "x", "7.1.1.1-e2": "y", "7.1.1.2-e1": "z", "7.1.2.1-e1": "w" },
  practices: { "p-one": {}, "p-two": {} },
};

function person(subs, ticks, plan) {
  const subelements = {};
  for (const [id, v] of Object.entries(subs)) {
    subelements[id] = typeof v === "number" ? { rating: v, na: false, justification: "", notes: "" }
      : { rating: null, na: false, justification: "", notes: "", ...v };
  }
  const expectations = {};
  for (const e of ticks || []) { expectations[e] = true; }
  return { state: { subelements, expectations, plan: plan || [] } };
}

test("median: odd, even (mean of the two middle), one value, empty", () => {
  assert.equal(S.median([3, 1, 2]), 2);
  assert.equal(S.median([0, 4, 2, 3]), 2.5);
  assert.equal(S.median([1, 1, 3, 3]), 2);
  assert.equal(S.median([4]), 4);
  assert.equal(S.median([]), null);
});

test("summary: lowest, highest, spread, agreement (share within one step of the median)", () => {
  assert.deepEqual(S.summary([0, 2, 2, 3, 4]), { n: 5, median: 2, min: 0, max: 4, spread: 4, agreement: 3 / 5 });
  assert.deepEqual(S.summary([2, 2]), { n: 2, median: 2, min: 2, max: 2, spread: 0, agreement: 1 });
  assert.deepEqual(S.summary([]), { n: 0, median: null, min: null, max: null, spread: null, agreement: null });
  assert.equal(S.summary([1, 4]).agreement, 0);  // median 2.5: 1 and 4 are both 1.5 away
  assert.equal(S.summary([1, 2, 3, 4]).agreement, 0.5);  // median 2.5: only 2 and 3 are within one step
});

test("a sub-element: N/A and unrated never count as ratings; tick shares exclude N/A", () => {
  const team = [
    person({ "7.1.1.1": 0 }, ["7.1.1.1-e1"]),
    person({ "7.1.1.1": 2 }, ["7.1.1.1-e1", "7.1.1.1-e2"]),
    person({ "7.1.1.1": { na: true, justification: "we have no counter" } }, ["7.1.1.1-e2"]),
    person({}, ["7.1.1.1-e2"]),  // ticked but not rated: answered, no rating
    person({ "7.1.1.1": { notes: "ask finance" } }),  // only a note: not answered
  ];
  const r = S.analyse(MODEL, team).subelements["7.1.1.1"];
  assert.equal(r.answered, 4);
  assert.deepEqual(r.ratings, [0, 2]);
  assert.equal(r.median, 1);
  assert.equal(r.min, 0);
  assert.equal(r.max, 2);
  assert.equal(r.spread, 2);
  assert.equal(r.disagreement, true);
  assert.deepEqual(r.na, [{ respondent: 2, reason: "we have no counter" }]);
  assert.deepEqual(r.notes, [{ respondent: 4, text: "ask finance" }]);
  assert.deepEqual(r.ticks["7.1.1.1-e1"], { ticked: 2, of: 3, share: 2 / 3 });
  assert.deepEqual(r.ticks["7.1.1.1-e2"], { ticked: 2, of: 3, share: 2 / 3 });  // the N/A respondent's tick does not count
});

test("nobody answered: everything null, no disagreement, no tick share", () => {
  const r = S.analyse(MODEL, [person({})]).subelements["7.1.2.1"];
  assert.equal(r.answered, 0);
  assert.equal(r.median, null);
  assert.equal(r.spread, null);
  assert.equal(r.disagreement, false);
  assert.deepEqual(r.ticks["7.1.2.1-e1"], { ticked: 0, of: 0, share: null });
});

test("elements: median of each person's mean; disagreements sorted by spread, ties in model order", () => {
  const team = [
    person({ "7.1.1.1": 0, "7.1.1.2": 1, "7.1.2.1": 4 }),
    person({ "7.1.1.1": 3, "7.1.1.2": 3, "7.1.2.1": 2 }),
    person({ "7.1.1.1": 4, "7.1.1.2": { na: true, justification: "n/a" }, "7.1.2.1": 0 }),
  ];
  const a = S.analyse(MODEL, team);
  const e = a.elements["7.1.1"];  // means 0.5, 3, 4
  assert.equal(e.median, 3);
  assert.equal(e.min, 0.5);
  assert.equal(e.max, 4);
  assert.equal(e.spread, 3.5);
  assert.equal(e.n, 3);
  assert.deepEqual(a.elements["7.1.2"].median, 2);
  // spreads: 7.1.1.1: 4, 7.1.1.2: 2, 7.1.2.1: 4 -> 4s first in model order, then 2
  assert.deepEqual(a.disagreements, ["7.1.1.1", "7.1.2.1", "7.1.1.2"]);
});

test("plan picks counted, most picked first, ties in model order", () => {
  const a = S.analyse(MODEL, [person({}, [], ["p-two"]), person({}, [], ["p-one", "p-two"]), person({}, [], ["p-one"])]);
  assert.deepEqual(a.practices, [{ id: "p-one", count: 2 }, { id: "p-two", count: 2 }]);
});

test("extremes include ties at the cut and skip unrated elements", () => {
  const els = { a: { median: 3 }, b: { median: 1 }, c: { median: 3 }, d: { median: null }, e: { median: 2 } };
  assert.deepEqual(S.extremes(els, 1), ["a", "c"]);
  assert.deepEqual(S.extremes(els, 1, true), ["b"]);
  assert.deepEqual(S.extremes(els, 2, true), ["b", "e"]);
  assert.deepEqual(S.extremes(els, 9), ["a", "c", "e", "b"]);
});

test("change between baseline and follow-up, per sub-element and element", () => {
  const before = S.analyse(MODEL, [person({ "7.1.1.1": 1, "7.1.1.2": 3 }), person({ "7.1.1.1": 2, "7.1.1.2": 3 })]);
  const after = S.analyse(MODEL, [person({ "7.1.1.1": 3, "7.1.1.2": 2, "7.1.2.1": 1 })]);
  const c = S.compare(before, after);
  assert.deepEqual(c.subelements["7.1.1.1"], { before: 1.5, after: 3, change: 1.5, direction: "up" });
  assert.deepEqual(c.subelements["7.1.1.2"], { before: 3, after: 2, change: -1, direction: "down" });
  assert.deepEqual(c.subelements["7.1.2.1"], { before: null, after: 1, change: null, direction: null });
  assert.deepEqual(c.elements["7.1.1"], { before: 2.25, after: 2.5, change: 0.25, direction: "up" });
  assert.deepEqual(c.up, ["7.1.1.1"]);
  assert.deepEqual(c.down, ["7.1.1.2"]);
  assert.equal(S.change(2, 2).direction, "same");
});

test("CSV cells never start a formula and are quoted when needed", () => {
  assert.equal(S.csvField("=1+1"), "'=1+1");
  assert.equal(S.csvField("-2"), "'-2");
  assert.equal(S.csvField("@SUM(A1)"), "'@SUM(A1)");
  assert.equal(S.csvField('a "b", c'), '"a ""b"", c"');
  assert.equal(S.csvField(null), "");
  assert.equal(S.csvField(2.5), "2.5");
  assert.equal(S.csvField(-1), "-1");  // a number is never a formula
  assert.equal(S.csvField("-1"), "'-1");
  assert.equal(S.csv(["x", "y"], [["+1", "a\nb"]]), '\ufeffx,y\r\n\'+1,"a\nb"\r\n');
});

test("fingerprint ignores key order and tells different content apart", () => {
  assert.equal(S.fingerprint({ a: 1, b: { c: [1, 2] } }), S.fingerprint({ b: { c: [1, 2] }, a: 1 }));
  assert.notEqual(S.fingerprint({ a: 1 }), S.fingerprint({ a: 2 }));
});

test("check: respondent label kept and trimmed, older versions mapped, newer and bad shapes refused", () => {
  const base = { schema: 1, model_version: "0.2.0", updated: "2026-01-01T00:00:00Z", subelements: {}, expectations: {}, plan: [] };
  assert.equal(C.check({ ...base, respondent: "  front office " }, MODEL).state.respondent, "front office");
  assert.equal(C.check({ ...base, respondent: "x".repeat(200) }, MODEL).state.respondent.length, C.RESPONDENT_MAX);
  assert.equal(C.check({ ...base, respondent: "" }, MODEL).state.respondent, undefined);
  assert.equal(C.check({ ...base, respondent: 3 }, MODEL).error, "bad_shape");
  assert.equal(C.check({ ...base, model_version: "0.3.0" }, MODEL).error, "newer");
  const old = C.check({ ...base, model_version: "0.1.0", subelements: { "9.9.9": { rating: 1 } }, expectations: { "7.1.2.1-e1": true } }, MODEL);
  assert.deepEqual(old.dropped, ["9.9.9"]);
  assert.deepEqual(old.state.expectations, { "7.1.2.1-e1": true });
  assert.equal(C.check({ ...base, subelements: { "9.9.9": { rating: 1 } } }, MODEL).error, "unknown_ids");
  assert.equal(C.check({ ...base, subelements: { "7.1.2.1": { rating: 5 } } }, MODEL).error, "bad_shape");
  assert.equal(C.check([], MODEL).error, "bad_shape");
  // N/A without a reason is not N/A
  assert.equal(C.check({ ...base, subelements: { "7.1.2.1": { na: true, justification: " " } } }, MODEL).state.subelements["7.1.2.1"].na, false);
});
