"""Provenance (issue 15): every expectation says whether the clause asks for it (requirement), offers it as an
optional example, or whether it is the portal's own advice, and pages, checklists and every export say the same."""

from __future__ import annotations

import csv
import html
import io
import json
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from macros.load.loader import load_model
from macros.model.assessment import COLUMNS, column_labels
from macros.model.problems import ModelInvalid
from macros.model.types import PROVENANCE_SOURCES
from macros.outputs.checklist_sheets import CSV_EXTRA
from macros.urls import scheme

from .conftest import edit_yaml
from .html_tools import page_file


@pytest.fixture(scope="module")
def model(real_model):
    return real_model


# -- the model --------------------------------------------------------------------------------------
def test_every_expectation_of_the_real_model_says_where_it_comes_from(model):
    assert set(model.provenance) == set(model.expectations)
    for e, p in model.provenance.items():
        assert p.source in PROVENANCE_SOURCES, e
        assert bool(p.clause) == (p.source != "advice"), e  # the standard's text has a clause; advice has none
        element = model.subelements[model.expectations[e]].element_id
        assert p.clause == "" or p.clause == element or p.clause.startswith(element + "."), e


@pytest.mark.parametrize(
    "expectation,source,reference",
    [
        ("7.3.2.4-e1", "requirement", "7.3.2.4"),  # the clause's own "should"
        ("7.3.2.4-e5", "example", "7.3.2.4 a)"),  # the clause's optional examples a) to c)
        ("7.3.2.4-e6", "example", "7.3.2.4 b)"),
        ("7.3.2.4-e7", "example", "7.3.2.4 c)"),
        ("7.1.1.b-e6", "advice", ""),  # "published in plain language": the portal's own
        ("7.3.2.5-e5", "advice", ""),  # checking after closure: the portal's own
        ("7.1.1.a-e1", "requirement", "7.1.1 a)"),
        ("7.2.3.2-e2", "requirement", "7.2.3.2"),
    ],
)
def test_known_classifications(model, expectation, source, reference):
    p = model.provenance_of(expectation)
    assert (p.source, p.reference) == (source, reference)


def test_each_element_has_requirements_and_most_expectations_come_from_the_standard(model):
    counts = {s: 0 for s in PROVENANCE_SOURCES}
    for p in model.provenance.values():
        counts[p.source] += 1
    assert counts["requirement"] > counts["example"] > counts["advice"] > 0, counts
    for el in model.elements:
        assert any(
            model.provenance_of(e).source != "advice"
            for s in model.elements[el].subelement_ids
            for e in model.subelements[s].expectation_ids
        )


# -- validation ---------------------------------------------------------------------------------------
def _problems(project: Path) -> list[str]:
    with pytest.raises(ModelInvalid) as err:
        load_model(project / "model")
    return [str(p) for p in err.value.problems]


def test_validation_requires_a_source_for_every_expectation(fixture_project):
    path = fixture_project / "model/subelements/7.1.1.a.yml"
    edit_yaml(path, lambda s: s.replace("  7.1.1.a-e2: {source: advice}\n", ""))
    found = _problems(fixture_project)
    assert any(p.startswith("model/subelements/7.1.1.a.yml:") and "'7.1.1.a-e2' does not say where it comes from" in p for p in found)


def test_validation_requires_the_sources_block(fixture_project):
    path = fixture_project / "model/subelements/7.2.1.2.yml"
    edit_yaml(path, lambda s: s.split("sources:")[0])
    found = _problems(fixture_project)
    assert any(p.startswith("model/subelements/7.2.1.2.yml:") and "'sources'" in p for p in found), found


def test_validation_rejects_a_foreign_clause_and_an_unknown_expectation(fixture_project):
    path = fixture_project / "model/subelements/7.1.1.a.yml"
    edit_yaml(
        path,
        lambda s: (
            s.replace(
                '7.1.1.a-e1: {source: requirement, clause: "7.1.1", items: [a]}', '7.1.1.a-e1: {source: requirement, clause: "7.4.1"}'
            )
            + '  7.1.1.a-e9: {source: example, clause: "7.1.1"}\n'
        ),
    )
    found = _problems(fixture_project)
    assert any(p.startswith("model/subelements/7.1.1.a.yml:") and "cites clause 7.4.1, outside its element 7.1.1" in p for p in found), (
        found
    )
    assert any("'7.1.1.a-e9', which is not an expectation of 7.1.1.a" in p for p in found), found


@pytest.mark.parametrize(
    "entry",
    [
        '{source: advice, clause: "7.1.1"}',
        '{source: rumour, clause: "7.1.1"}',
        "{source: example}",
        '{source: example, clause: "7.1.1", items: [A]}',
    ],
)
def test_the_schema_rejects_advice_with_a_clause_unknown_sources_and_standard_text_without_one(fixture_project, entry):
    path = fixture_project / "model/subelements/7.1.1.a.yml"
    edit_yaml(path, lambda s: s.replace("7.1.1.a-e2: {source: advice}", f"7.1.1.a-e2: {entry}"))
    found = _problems(fixture_project)
    assert any(p.startswith("model/subelements/7.1.1.a.yml:") and "sources" in p for p in found), found


# -- pages ------------------------------------------------------------------------------------------
_LI = re.compile(r'<li id="([^"]+)" data-source="([^"]+)">(.*?)</li>', re.S)
_CHECK = re.compile(
    r'<li data-source="([^"]+)">(?:<span class="portal-anchor" id="[^"]+"></span>)?'  # the item's own anchor (#7.1.1.a-e1)
    r'<input type="checkbox" id="x-([^"]+)".*?</li>',
    re.S,
)
_LABEL = re.compile(r'<span class="portal-source portal-source--([a-z]+)">(.*?)</span>\s*(?:</span>)?', re.S)


def _label(fragment: str) -> tuple[str, str]:
    """(source class, visible words) of the first provenance label in an HTML fragment."""
    m = re.search(r'<span class="portal-source portal-source--([a-z]+)">(.*?)</span>(?:</span>)?', fragment, re.S)
    assert m, fragment[:300]
    words = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", m.group(2))).split())
    return m.group(1), words


def _expected_words(model, lang: str, e: str) -> str:
    p = model.provenance_of(e)
    return " ".join(f"{model.ui(lang, 'source_' + p.source)} {p.reference}".split())


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_subelement_pages_label_every_expectation_with_its_source_and_clause(real_site, model, lang):
    for s in model.subelements.values():
        text = page_file(real_site, lang, scheme.src_of(model, "subelement", s.id)).read_text(encoding="utf-8")
        found = {i: (src, body) for i, src, body in _LI.findall(text)}
        assert set(s.expectation_ids) <= set(found), s.id
        for e in s.expectation_ids:
            source, body = found[e]
            assert source == model.provenance_of(e).source, e
            assert _label(body) == (source, _expected_words(model, lang, e)), e
        legend = re.search(r'<p class="portal-source-legend">(.*?)</p>', text, re.S)  # one line that explains the labels
        assert legend and all(model.ui(lang, f"source_{x}") in legend.group(1) for x in PROVENANCE_SOURCES), s.id


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_checklists_label_every_expectation_and_offer_the_requirements_only_filter(real_site, model, lang):
    for el in model.elements:
        text = page_file(real_site, lang, scheme.checklist_src("element", el)).read_text(encoding="utf-8")
        assert 'id="portal-cl-only-requirements"' in text
        rows = {e: (src, row) for src, e, row in ((m.group(1), m.group(2), m.group(0)) for m in _CHECK.finditer(text))}
        wanted = [e for s in model.elements[el].subelement_ids for e in model.subelements[s].expectation_ids]
        assert sorted(rows) == sorted(wanted), el
        for e in wanted:
            source, row = rows[e]
            assert source == model.provenance_of(e).source
            assert _label(row) == (source, _expected_words(model, lang, e)), e
    css = (real_site / "assets/stylesheets/portal.css").read_text(encoding="utf-8")
    assert '.portal-cl-filter:has(input:checked) ~ .portal-cl li[data-source]:not([data-source="requirement"])' in css


# -- exports ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["catalogue-en.json", "catalogue-nl.json", "catalogue.json"])
def test_catalogue_json_carries_source_clause_and_items(real_site, model, name):
    root = real_site / ("nl" if name == "catalogue-nl.json" else "")
    data = json.loads((root / "downloads" / name).read_text(encoding="utf-8"))
    got = {x["id"]: (x["source"], x["clause"], tuple(x["items"])) for x in data["expectations"]}
    assert got == {e: (p.source, p.clause, p.items) for e, p in model.provenance.items()}


@pytest.mark.parametrize("name", ["expectations-en.csv", "expectations.csv"])
def test_expectations_csv_and_xlsx_carry_the_source(real_site, model, name):
    table = list(csv.reader(io.StringIO((real_site / "downloads" / name).read_text(encoding="utf-8-sig"))))
    head = table[0]
    rows = {r[head.index("id")]: r for r in table[1:]}
    for e, p in model.provenance.items():
        assert rows[e][head.index("source")] == p.source and rows[e][head.index("clause")] == p.clause, e
        assert rows[e][head.index("items")].split("\n") == (list(p.items) or [""]), e
    sheet = load_workbook(real_site / "downloads" / "catalogue-en.xlsx")["expectations"]
    xrows = [[c.value for c in r] for r in sheet.iter_rows()]
    col = xrows[0].index("source")
    assert {r[1]: r[col] for r in xrows[1:]} == {e: p.source for e, p in model.provenance.items()}


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_checklist_sheets_carry_the_source_label_and_clause(real_site, model, lang):
    root = real_site / ("nl" if lang == "nl" else "")
    table = list(csv.reader(io.StringIO((root / "downloads" / f"checklist-{lang}.csv").read_text(encoding="utf-8-sig"))))
    assert table[0] == column_labels(model, lang, COLUMNS + CSV_EXTRA)
    src, ref = COLUMNS.index("source"), COLUMNS.index("clause")
    by_id = {r[1]: r for r in table[1:]}
    for e, p in model.provenance.items():
        assert (by_id[e][src], by_id[e][ref]) == (model.ui(lang, f"source_{p.source}"), p.reference), e
    for s in model.subelements:
        assert (by_id[s][src], by_id[s][ref]) == ("", "")
    workbook = load_workbook(root / "downloads" / f"checklist-{lang}.xlsx")  # one sheet per element, headings in row 5
    found = {}
    for ws in workbook.worksheets:
        head = [c.value for c in next(ws.iter_rows(min_row=5, max_row=5))]
        if model.ui(lang, "checklists_col_source") not in head:
            continue
        i, s, c = (
            head.index(model.ui(lang, "checklists_col_id")),
            head.index(model.ui(lang, "checklists_col_source")),
            head.index(model.ui(lang, "checklists_col_clause")),
        )
        for row in ws.iter_rows(min_row=6, values_only=True):
            if row[i] in model.expectations:
                found[row[i]] = (row[s], row[c])
    assert found == {e: (model.ui(lang, f"source_{p.source}"), p.reference or None) for e, p in model.provenance.items()}
