"""The workshop spreadsheets: the checklist of one language as XLSX and CSV, values only.

Formula-based assessment sheets break across Office languages (function names and separators are
translated), so these files hold plain values: no cell is ever a formula, even when a text starts
with "=". Both files have the same columns as the browser's CSV export (``macros.model.assessment.COLUMNS``).
"""

from __future__ import annotations

import csv
import io

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font

from ..model.assessment import COLUMNS, SCALE_COLUMNS, blank_rows, column_labels, scale
from ..urls.site import Site
from .spreadsheet_safety import csv_rows, sheet_title

_WIDTHS = {
    "type": 14,
    "id": 16,
    "dimension": 10,
    "element": 10,
    "subelement": 12,
    "text": 80,
    "source": 16,
    "clause": 12,
    "met": 12,
    "rating": 12,
    "rating_label": 16,
    "na": 16,
    "justification": 40,
    "notes": 40,
}


def checklist_csv(site: Site, lang: str) -> bytes:
    model = site.model
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(column_labels(model, lang, COLUMNS))
    writer.writerows(csv_rows(blank_rows(model, lang)))
    return ("\ufeff" + out.getvalue()).encode("utf-8")  # the BOM makes Excel read UTF-8 (é, ë) correctly


def _put(ws, row: int, col: int, value) -> Cell:
    cell = ws.cell(row=row, column=col, value=value)
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"  # openpyxl would otherwise store it as a formula
    return cell


def checklist_xlsx(site: Site, lang: str) -> bytes:
    model = site.model
    wb = Workbook()
    ws = wb.active
    ws.title = sheet_title(model.ui(lang, "checklists_sheet_checklist"))
    bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="top")
    for col, label in enumerate(column_labels(model, lang, COLUMNS), start=1):
        _put(ws, 1, col, label).font = bold
        ws.column_dimensions[ws.cell(row=1, column=col).column_letter].width = _WIDTHS[COLUMNS[col - 1]]
    for r, row in enumerate(blank_rows(model, lang), start=2):
        for col, value in enumerate(row, start=1):
            cell = _put(ws, r, col, value if value != "" else None)
            cell.alignment = wrap
            if col == 1 and r > 1 and value == model.ui(lang, "checklists_row_subelement"):
                cell.font = bold
    ws.freeze_panes = "A2"
    sheet = wb.create_sheet(sheet_title(model.ui(lang, "checklists_sheet_scale")))
    for col, label in enumerate(column_labels(model, lang, SCALE_COLUMNS), start=1):
        _put(sheet, 1, col, label).font = bold
    for r, step in enumerate(scale(model, lang), start=2):
        for col, value in enumerate((step["value"], step["label"], step["description"], step["level"]), start=1):
            _put(sheet, r, col, value).alignment = wrap
    sheet.column_dimensions["B"].width, sheet.column_dimensions["C"].width = 20, 70
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
