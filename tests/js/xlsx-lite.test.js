// Unit tests of the browser's XLSX writer (the workshop spreadsheet); tests/test_browser_team.py opens a real one with openpyxl.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

const X = require(path.join(__dirname, "../../overrides/assets/javascripts/xlsx-lite.js"));

test("CRC-32 of the standard check string", () => {
  assert.equal(X.crc32(new TextEncoder().encode("123456789")), 0xcbf43926);
});

test("column letters", () => {
  assert.deepEqual([0, 25, 26, 27, 701, 702].map(X.column), ["A", "Z", "AA", "AB", "ZZ", "AAA"]);
});

test("a workbook is a ZIP with the parts a spreadsheet program needs, texts never formulas", () => {
  const bytes = X.workbook([{ name: "Agenda", rows: [["id", "text"], ["7.1.1.a", "=1+1"], [2.5, "a < b & c"]] }]);
  const text = Buffer.from(bytes).toString("latin1");
  assert.equal(text.slice(0, 4), "PK\u0003\u0004");
  for (const part of ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml"]) {
    assert.ok(text.includes(part), part);
  }
  assert.ok(text.includes('<c r="B2" t="inlineStr"><is><t xml:space="preserve">=1+1</t></is></c>'));
  assert.ok(!text.includes("<f>"));
  assert.ok(text.includes('<c r="A3"><v>2.5</v></c>'));
  assert.ok(text.includes("a &lt; b &amp; c"));
  assert.ok(text.includes("PK\u0005\u0006"));  // end of the central directory
});
