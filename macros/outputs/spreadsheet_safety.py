"""Cell values that spreadsheet programs show as text and never run as formulas.

Every CSV and XLSX download goes through here (OWASP's CSV-injection advice):
a text starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return gets a
leading apostrophe in CSV, and is stored as a string cell in XLSX (openpyxl
would otherwise store any string starting with ``=`` as a formula).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from openpyxl.cell import WriteOnlyCell

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_SHEET_TITLE_BAD = re.compile(r"[\[\]:*?/\\]")


def sheet_title(text: str) -> str:
    """A worksheet name Excel accepts (at most 31 characters, none of [ ] : * ? / \\), whatever a translator wrote."""
    return _SHEET_TITLE_BAD.sub(" ", text).strip(" '")[:31].strip() or "sheet"


def csv_safe(value: Any) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def csv_rows(rows: Iterable[Iterable[Any]]) -> list[list[str]]:
    return [[csv_safe(v) for v in row] for row in rows]


def xlsx_row(sheet, row: Iterable[Any]) -> list[Any]:
    """A row for ``sheet.append`` in a write-only workbook, texts that look like formulas kept as text."""
    out = []
    for value in row:
        if isinstance(value, str) and value.startswith("="):
            cell = WriteOnlyCell(sheet, value=value)
            cell.data_type = "s"
            value = cell
        out.append(value)
    return out
