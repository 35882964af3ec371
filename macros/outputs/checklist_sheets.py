"""The workshop spreadsheets: the checklist of one language as XLSX and CSV, values only.

Formula-based assessment sheets break across Office languages (function names and separators are
translated), so these files hold plain values: no cell is ever a formula, even when a text starts
with "=". The CSV has the columns of the browser's CSV export (``macros.model.assessment.COLUMNS``) plus
the item's full address and the catalogue version; a second CSV uses semicolons, the list separator of
Dutch (and most other European) spreadsheet settings, so it opens in columns there with a double click.

The XLSX is made for a workshop: an overview sheet (version, release date, one row per element with a link
to its sheet and its page, the rating scale), then one sheet per element with its sub-elements,
expectations and practices, drop-down lists for done, rating and not applicable, and clickable addresses.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.hyperlink import Hyperlink

from ..model.assessment import COLUMNS, SCALE_COLUMNS, blank_rows, column_labels, scale
from ..model.crosswalks import links_to
from ..urls.site import Site
from .spreadsheet_safety import csv_rows, sheet_title

# After the browser export's columns: on a sub-element's row the items of other frameworks (CAF 2020) it serves, so a
# team can reuse that evidence; where to read more; which catalogue.
CSV_EXTRA = ("crosswalks", "link", "version")
# One sheet per element: what each column holds (labels: ui checklists_col_<key>)
SHEET_COLUMNS = (
    "type",
    "id",
    "text",
    "met",
    "rating",
    "na",
    "justification",
    "notes",
    "source",
    "clause",
    "roles",
    "effort",
    "tags",
    "crosswalks",
    "link",
)
_WIDTHS = {"type": 13, "id": 16, "text": 70, "met": 10, "rating": 20, "na": 11, "justification": 30, "notes": 30}
_BOLD, _WRAP, _LINK = Font(bold=True), Alignment(wrap_text=True, vertical="top"), Font(color="0563C1", underline="single")


def version_line(site: Site, lang: str) -> str:
    """'Catalogue version 0.1.0, released 2026-11-22' in ``lang``."""
    m = site.model
    released = next((r.date for r in m.releases if r.version == m.version), "")
    text = m.ui(lang, "trainers_version").format(version=m.version)
    return text + (", " + m.ui(lang, "checklists_sheet_released").format(date=released) if released else "")


def crosswalk_cell(site: Site, lang: str, subelement_id: str) -> str:
    """'CAF 1.1 (primary), CAF 2.4 (related)': the items of every matrix crosswalk that a sub-element serves."""
    m = site.model
    links = links_to([fw for fw in m.crosswalks.values() if fw.view == "matrix"], "subelement", subelement_id)
    return ", ".join(f"{m.crosswalks[x.framework].search_id(x.item)} ({m.ui(lang, f'crosswalks_strength_{x.strength}')})" for x in links)


def _csv(site: Site, lang: str, delimiter: str) -> bytes:
    model = site.model
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(column_labels(model, lang, COLUMNS + CSV_EXTRA))
    version = version_line(site, lang)
    rows = [
        [
            *row,
            "" if row[1] in model.expectations else crosswalk_cell(site, lang, row[1]),
            site.item_url("expectation" if row[1] in model.expectations else "subelement", row[1], lang),
            version,
        ]
        for row in blank_rows(model, lang)
    ]
    writer.writerows(csv_rows(rows))
    return ("\ufeff" + out.getvalue()).encode("utf-8")  # the BOM makes Excel read UTF-8 (é, ë) correctly


def checklist_csv(site: Site, lang: str) -> bytes:
    return _csv(site, lang, ",")


def checklist_csv_semicolon(site: Site, lang: str) -> bytes:
    """The same CSV with semicolons: spreadsheet programs set to Dutch read a comma as the decimal sign."""
    return _csv(site, lang, ";")


def _put(ws, row: int, col: int, value, font: Font | None = None) -> Cell:
    cell = ws.cell(row=row, column=col, value=value if value != "" else None)
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"  # openpyxl would otherwise store it as a formula
    if font is not None:
        cell.font = font
    return cell


def _link(ws, row: int, col: int, url: str, text: str | None = None) -> Cell:
    """A clickable address; ``#'sheet'!A1`` jumps to a sheet of the workbook."""
    cell = _put(ws, row, col, text or url, _LINK)
    if url.startswith("#"):
        cell.hyperlink = Hyperlink(ref=cell.coordinate, location=url[1:])
    else:
        cell.hyperlink = url
    return cell


def _labels(site: Site, lang: str, kind: str, ids) -> str:
    return ", ".join(site.model.text(lang, kind, i)[0].get("label", i) for i in ids)


def _choices(ws, formula: str, error: str, cells: list[str]) -> None:
    """A drop-down list on ``cells`` that refuses other values."""
    if not cells:
        return
    dv = DataValidation(type="list", formula1=formula, allow_blank=True, showErrorMessage=True, error=error)
    ws.add_data_validation(dv)
    for ref in cells:
        dv.add(ref)


def _quoted(sheet: str) -> str:
    return "'" + sheet.replace("'", "''") + "'"


def checklist_xlsx(site: Site, lang: str) -> bytes:
    model = site.model

    def ui(key: str) -> str:
        return model.ui(lang, key)

    wb = Workbook()
    overview = wb.active
    overview.title = sheet_title(ui("checklists_sheet_overview"))
    version = version_line(site, lang)
    titles = {e: sheet_title(e) for e in model.elements}

    # Overview: what this is, which version, one row per element, the scale (the rating lists read it)
    _put(overview, 1, 1, f"{ui('site_name')}: {ui('checklists_sheet_checklist')}", Font(bold=True, size=14))
    _put(overview, 2, 1, version)
    _link(overview, 3, 1, site.full_url("/" + site.prefix(lang) + "checklists/"))
    _put(overview, 4, 1, ui("checklists_sheet_intro")).alignment = _WRAP
    head = ("element", "title", "subelements", "sheet", "link")
    for col, label in enumerate(column_labels(model, lang, head), start=1):
        _put(overview, 6, col, label, _BOLD)
    row = 7
    for e, el in model.elements.items():
        _put(overview, row, 1, e)
        _put(overview, row, 2, model.text(lang, "elements", e)[0]["title"]).alignment = _WRAP
        _put(overview, row, 3, len(el.subelement_ids))
        _link(overview, row, 4, f"#{_quoted(titles[e])}!A1", titles[e])
        _link(overview, row, 5, site.item_url("element", e, lang))
        row += 1
    row += 1
    for col, label in enumerate(column_labels(model, lang, SCALE_COLUMNS), start=1):
        _put(overview, row, col, label, _BOLD)
    steps = scale(model, lang)
    choice_col = 5  # '0 Not started', ...: what the rating lists offer
    _put(overview, row, choice_col, ui("checklists_col_rating"), _BOLD)
    first = row + 1
    for i, step in enumerate(steps, start=first):
        for col, value in enumerate((step["value"], step["label"], step["description"], step["level"]), start=1):
            _put(overview, i, col, value).alignment = _WRAP
        _put(overview, i, choice_col, f"{step['value']} {step['label']}")
    rating_range = f"{_quoted(overview.title)}!$E${first}:$E${first + len(steps) - 1}"
    for letter, width in zip("ABCDE", (12, 60, 14, 40, 22), strict=True):
        overview.column_dimensions[letter].width = width

    yes_no = f'"{ui("checklists_yes")},{ui("checklists_no")}"'
    pick = ui("checklists_sheet_pick")
    sub_word, exp_word, practice_word = ui("checklists_row_subelement"), ui("checklists_row_expectation"), ui("checklists_row_practice")
    col = {k: i for i, k in enumerate(SHEET_COLUMNS, start=1)}
    for e, el in model.elements.items():
        ws = wb.create_sheet(titles[e])
        _put(ws, 1, 1, f"{e} {model.text(lang, 'elements', e)[0]['title']}", Font(bold=True, size=13))
        _put(ws, 2, 1, version)
        _link(ws, 3, 1, site.item_url("element", e, lang))
        for c, label in enumerate(column_labels(model, lang, SHEET_COLUMNS), start=1):
            _put(ws, 5, c, label, _BOLD)
            ws.column_dimensions[ws.cell(row=5, column=c).column_letter].width = _WIDTHS.get(SHEET_COLUMNS[c - 1], 16)
        r = 6
        met, rating, na = [], [], []
        for s in el.subelement_ids:
            _put(ws, r, col["type"], sub_word, _BOLD)
            _put(ws, r, col["id"], s, _BOLD)
            _put(ws, r, col["text"], model.text(lang, "subelements", s)[0]["title"], _BOLD).alignment = _WRAP
            _put(ws, r, col["crosswalks"], crosswalk_cell(site, lang, s)).alignment = _WRAP
            _link(ws, r, col["link"], site.item_url("subelement", s, lang))
            rating.append(ws.cell(row=r, column=col["rating"]).coordinate)
            na.append(ws.cell(row=r, column=col["na"]).coordinate)
            r += 1
            for x in model.subelements[s].expectation_ids:
                source = model.provenance_of(x)
                values = {"type": exp_word, "id": x, "text": model.text(lang, "expectations", x)[0]["text"]}
                values |= {"source": ui(f"source_{source.source}"), "clause": source.reference}
                for key, value in values.items():
                    _put(ws, r, col[key], value).alignment = _WRAP
                _link(ws, r, col["link"], site.item_url("expectation", x, lang))
                met.append(ws.cell(row=r, column=col["met"]).coordinate)
                r += 1
            for p in model.practices_for(s):
                values = {"type": practice_word, "id": p.id, "text": model.text(lang, "practices", p.id)[0]["title"]}
                values |= {"roles": _labels(site, lang, "roles", p.roles), "effort": _labels(site, lang, "efforts", [p.effort])}
                values |= {"tags": _labels(site, lang, "tags", p.tags)}
                for key, value in values.items():
                    _put(ws, r, col[key], value).alignment = _WRAP
                _link(ws, r, col["link"], site.item_url("practice", p.id, lang))
                r += 1
        _choices(ws, yes_no, pick, met)
        _choices(ws, yes_no, pick, na)
        _choices(ws, rating_range, pick, rating)
        ws.freeze_panes = "C6"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def sheet_rows(ws) -> list[list[Any]]:
    """An element sheet's table (header first), for tests and readers."""
    return [[c.value for c in row] for row in ws.iter_rows(min_row=5)]
