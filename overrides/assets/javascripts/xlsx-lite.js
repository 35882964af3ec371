/* A small XLSX writer for the browser: values only (texts and numbers), no formulas, no styles.
 *
 * Texts are written as inline strings, so a cell is never a formula, whatever it starts with. The file is
 * a ZIP archive with stored (uncompressed) entries: no library, nothing fetched. A plain script: in the
 * browser it sets window.portalXlsx, in Node it is a CommonJS module (tests/js/).
 */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) { module.exports = api; } else { root.portalXlsx = api; }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var CRC_TABLE = (function () {
    var table = [];
    for (var n = 0; n < 256; n++) {
      var c = n;
      for (var k = 0; k < 8; k++) { c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; }
      table.push(c >>> 0);
    }
    return table;
  })();

  function crc32(bytes) {
    var crc = 0xffffffff;
    for (var i = 0; i < bytes.length; i++) { crc = CRC_TABLE[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8); }
    return (crc ^ 0xffffffff) >>> 0;
  }

  function utf8(text) { return new TextEncoder().encode(text); }

  /* A ZIP archive of {name, text} entries, stored without compression. */
  function zip(entries) {
    var parts = [], central = [], offset = 0;
    function u16(n) { return [n & 0xff, (n >>> 8) & 0xff]; }
    function u32(n) { return [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff]; }
    entries.forEach(function (entry) {
      var name = utf8(entry.name), data = utf8(entry.text), crc = crc32(data);
      var common = [].concat(u16(20), u16(0x0800), u16(0), u16(0), u16(0x21), u32(crc), u32(data.length), u32(data.length), u16(name.length), u16(0));
      var local = new Uint8Array([].concat(u32(0x04034b50), common));
      parts.push(local, name, data);
      central.push(new Uint8Array([].concat(u32(0x02014b50), u16(20), common, u16(0), u16(0), u16(0), u32(0), u32(offset))), name);
      offset += local.length + name.length + data.length;
    });
    var size = central.reduce(function (s, p) { return s + p.length; }, 0);
    var end = new Uint8Array([].concat(u32(0x06054b50), u16(0), u16(0), u16(entries.length), u16(entries.length), u32(size), u32(offset), u16(0)));
    var all = parts.concat(central, [end]), out = new Uint8Array(all.reduce(function (s, p) { return s + p.length; }, 0)), at = 0;
    all.forEach(function (p) { out.set(p, at); at += p.length; });
    return out;
  }

  function xml(text) {  // characters XML 1.0 cannot hold are dropped; markup characters escaped
    return String(text).replace(/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\ud800-\udbff\udc00-\udfff]/g, "")
      .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  function column(i) { var s = ""; i++; while (i > 0) { var r = (i - 1) % 26; s = String.fromCharCode(65 + r) + s; i = Math.floor((i - 1) / 26); } return s; }

  function cell(value, ref) {
    if (value === null || value === undefined || value === "") { return ""; }
    if (typeof value === "number" && isFinite(value)) { return '<c r="' + ref + '"><v>' + value + "</v></c>"; }
    return '<c r="' + ref + '" t="inlineStr"><is><t xml:space="preserve">' + xml(value) + "</t></is></c>";
  }

  function sheetXml(rows) {
    var body = rows.map(function (row, r) {
      return '<row r="' + (r + 1) + '">' + row.map(function (v, c) { return cell(v, column(c) + (r + 1)); }).join("") + "</row>";
    }).join("");
    return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' + body + "</sheetData></worksheet>";
  }

  /* An XLSX file (bytes) from sheets [{name, rows: [[value, ...], ...]}]; sheet names are cut to Excel's 31 characters. */
  function workbook(sheets) {
    var ns = "http://schemas.openxmlformats.org/", head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
    var entries = [
      { name: "[Content_Types].xml", text: head + '<Types xmlns="' + ns + 'package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        sheets.map(function (s, i) {
          return '<Override PartName="/xl/worksheets/sheet' + (i + 1) + '.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>';
        }).join("") + "</Types>" },
      { name: "_rels/.rels", text: head + '<Relationships xmlns="' + ns + 'package/2006/relationships">' +
        '<Relationship Id="rId1" Type="' + ns + 'officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>' },
      { name: "xl/workbook.xml", text: head + '<workbook xmlns="' + ns + 'spreadsheetml/2006/main" xmlns:r="' + ns + 'officeDocument/2006/relationships"><sheets>' +
        sheets.map(function (s, i) { return '<sheet name="' + xml(s.name.slice(0, 31)) + '" sheetId="' + (i + 1) + '" r:id="rId' + (i + 1) + '"/>'; }).join("") +
        "</sheets></workbook>" },
      { name: "xl/_rels/workbook.xml.rels", text: head + '<Relationships xmlns="' + ns + 'package/2006/relationships">' +
        sheets.map(function (s, i) {
          return '<Relationship Id="rId' + (i + 1) + '" Type="' + ns + 'officeDocument/2006/relationships/worksheet" Target="worksheets/sheet' + (i + 1) + '.xml"/>';
        }).join("") + "</Relationships>" },
    ];
    sheets.forEach(function (s, i) { entries.push({ name: "xl/worksheets/sheet" + (i + 1) + ".xml", text: sheetXml(s.rows) }); });
    return zip(entries);
  }

  return { crc32: crc32, zip: zip, workbook: workbook, column: column };
});
