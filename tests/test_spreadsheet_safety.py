"""No download opens as a live formula: every CSV and XLSX in the registry, fed hostile text."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from macros.load.loader import load_model
from macros.outputs import downloads
from macros.outputs.spreadsheet_safety import FORMULA_START
from macros.urls.site import Site

from .conftest import PROJECT

HOSTILE = '=HYPERLINK("http://example.org","click")'
SPREADSHEETS = [d for d in downloads.DOWNLOADS if d.filename("en").endswith((".csv", ".xlsx"))]


@pytest.fixture(scope="module")
def hostile_model():
    """The real model with a formula-like text in a practice, an expectation and a glossary term, in both languages."""
    model = load_model(PROJECT / "model")
    practice, expectation, term = next(iter(model.practices)), next(iter(model.expectations)), next(iter(model.terms))
    for lang in ("en", "nl"):
        texts = model.texts[lang]
        texts["practices"][practice] = {**texts["practices"][practice], "title": HOSTILE}
        texts["expectations"][expectation] = {**texts["expectations"][expectation], "text": HOSTILE}
        texts["terms"][term] = {**texts["terms"][term], "definition": HOSTILE}
    return model


def test_every_spreadsheet_download_is_checked():
    kinds = {d.filename("en").rsplit(".", 1)[1] for d in SPREADSHEETS}
    assert kinds == {"csv", "xlsx"} and len(SPREADSHEETS) >= 6


@pytest.mark.parametrize("download", SPREADSHEETS, ids=lambda d: d.key)
def test_formula_like_text_stays_text(hostile_model, download):
    data = download.build(Site(hostile_model, ("en", "nl")), "en")
    if download.filename("en").endswith(".csv"):
        delimiter = ";" if "semicolon" in download.filename("en") else ","
        cells = [c for row in csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=delimiter) for c in row]
        assert "'" + HOSTILE in cells, "the hostile text should be in the file, defused"
        assert not [c for c in cells if c.startswith(FORMULA_START)]
    else:
        cells = [c for ws in load_workbook(io.BytesIO(data)).worksheets for row in ws.iter_rows() for c in row]
        assert any(c.value == HOSTILE for c in cells), "the hostile text should be in the workbook"
        assert not [c.coordinate for c in cells if c.data_type == "f"]
