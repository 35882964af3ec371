"""Checklists at build level: complete printable forms without JavaScript, generated from the model,
and workshop spreadsheets (XLSX and CSV) that hold every expectation as values, never formulas."""

from __future__ import annotations

import csv
import html
import io
import json
import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from openpyxl import load_workbook

from macros.cli.build import build_site
from macros.load.loader import load_model
from macros.model.assessment import COLUMNS, column_labels, scale
from macros.model.problems import ModelInvalid
from macros.outputs import checklist_sheets
from macros.urls.site import Site

from .conftest import edit_yaml, shared_model
from .html_tools import LANG_ROOT, page_file, parse
from .test_trainers_exports import configured_site_url


class FormParser(HTMLParser):
    """Form controls, their labels and the fieldset/legend structure of a built page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.inputs: list[dict] = []
        self.textareas: list[dict] = []
        self.labels: dict[str, str] = {}
        self.fieldsets: list[dict] = []  # {"id", "legend", "inputs": [...]} for every fieldset
        self.hrefs: list[str] = []
        self._open: list[dict] = []
        self._label: str | None = None
        self._legend: dict | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "fieldset":
            self._open.append({"id": a.get("id"), "legend": "", "inputs": []})
        elif tag == "legend" and self._open:
            self._legend = self._open[-1]
        elif tag == "input":
            self.inputs.append(a)
            for f in self._open:
                f["inputs"].append(a)
        elif tag == "textarea":
            self.textareas.append(a)
        elif tag == "label":
            self._label = a.get("for")
            self.labels.setdefault(self._label, "")
        elif tag == "a" and "href" in a:
            self.hrefs.append(a["href"])

    def handle_endtag(self, tag):
        if tag == "fieldset" and self._open:
            self.fieldsets.append(self._open.pop())
        elif tag == "legend":
            self._legend = None
        elif tag == "label":
            self._label = None

    def handle_data(self, data):
        if self._label is not None:
            self.labels[self._label] += data
        if self._legend is not None:
            self._legend["legend"] += data


def form(path: Path) -> FormParser:
    parser = FormParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.fixture(scope="module")
def model():
    return shared_model()


def norm(text: str) -> str:
    return " ".join(text.split())


THEIRS = ("__search", "__palette_0", "__drawer")  # Material's hidden toggles, not ours


def own_controls(page: FormParser) -> list[dict]:
    return [
        i for i in page.inputs + page.textareas if i.get("type") != "hidden" and i.get("id") not in THEIRS and "data-md-component" not in i
    ]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_element_checklists_together_are_the_whole_model_as_complete_forms_without_javascript(real_site, model, lang):
    """What the whole-model page held as one 350 KiB form (until issue 16) is on the element pages, each complete."""
    steps = scale(model, lang)
    seen, controls = [], 0
    for el in model.elements.values():
        path = page_file(real_site, lang, f"checklists/{el.id}/index.md")
        page = form(path)
        by_id = {i["id"]: i for i in page.inputs if "id" in i}
        subs = {f["id"][2:]: f for f in page.fieldsets if (f["id"] or "").startswith("s-")}
        seen += list(subs)
        for s in (model.subelements[x] for x in el.subelement_ids):
            fieldset = subs[s.id]
            assert norm(fieldset["legend"]) == norm(f"{s.id} {model.texts[lang]['subelements'][s.id]['title']}")
            for e in s.expectation_ids:
                box = by_id[f"x-{e}"]
                assert box["type"] == "checkbox" and box in fieldset["inputs"]
                assert norm(model.texts[lang]["expectations"][e]["text"]) in norm(page.labels[f"x-{e}"])
            radios = [i for i in fieldset["inputs"] if i.get("type") == "radio"]
            assert [r["value"] for r in radios] == [str(st["value"]) for st in steps]
            assert {r["name"] for r in radios} == {f"rating-{s.id}"}
            for r, st in zip(radios, steps, strict=True):
                assert norm(f"{st['label']}: {st['description']}") in norm(page.labels[r["id"]])
            assert by_id[f"na-{s.id}"]["type"] == "checkbox" and page.labels[f"na-{s.id}"]
            picks = {i["value"] for i in fieldset["inputs"] if "data-practice" in i}
            assert picks == {p.id for p in model.practices_for(s.id)}
        every_control = own_controls(page)
        unlabelled = [c.get("id") for c in every_control if not c.get("id") or not norm(page.labels.get(c["id"], ""))]
        assert unlabelled == [], el.id
        controls += len(every_control)
        text = path.read_text(encoding="utf-8")
        assert norm(model.ui(lang, "checklists_privacy")) in norm(html.unescape(text))
        assert 'role="status" aria-live="polite"' in text and "<noscript>" in text
        assert 'class="portal-cl-tools portal-js-only" data-portal-tools' in text  # shown only when the script can serve them
    assert seen == list(model.subelements) and controls > 600


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_whole_model_page_is_a_task_list_of_links_with_the_tools(real_site, model, lang):
    """One row per element linking to its checklist, grouped by dimension; privacy note, tools and downloads
    as before; no questions of its own (the status of each row is the script's, see test_browser_tasklist)."""
    path = page_file(real_site, lang, "checklists/index.md")
    text = path.read_text(encoding="utf-8")
    page = form(path)
    rows = re.findall(r'<li class="portal-task" id="e-([^"]+)" data-task="\1"><a class="portal-task__name" href="([^"]+)"', text)
    assert rows == [(e, f"{e}/") for d in model.dimensions.values() for e in d.element_ids]
    groups = re.findall(r'<section class="portal-tasks__group" id="d-([^"]+)">\s*<h3>(.*?)</h3>', text)
    assert [(d, html.unescape(t)) for d, t in groups] == [
        (d, f"{d} {model.texts[lang]['dimensions'][d]['title']}") for d in model.dimensions
    ]
    for d in model.dimensions:
        assert f'href="{d}/"' in text  # the dimension on one page: the whole model, one dimension at a time
    for e in model.elements:
        # shown when scripts run (html.portal-js), as the script writes it for an unsaved assessment: nothing moves
        assert re.search(
            rf'<span class="portal-task__status portal-js-only" id="task-{re.escape(e)}" data-task-status>'
            rf'<strong class="portal-tag portal-tag--todo">{re.escape(model.ui(lang, "checklists_task_todo"))}</strong></span>',
            text,
        )
    ours = {c.get("id") for c in own_controls(page) if not c.get("id", "").startswith("__nav")}  # not the menu's toggles
    assert ours == {"portal-cl-respondent", "portal-cl-import"}  # the tools, no questions
    assert norm(model.ui(lang, "checklists_privacy")) in norm(html.unescape(text))
    assert norm(model.ui(lang, "checklists_tasks_noscript")) in norm(html.unescape(text))
    assert 'role="status" aria-live="polite"' in text and "<noscript>" in text
    # the buttons only appear when the script can serve them (html.portal-js, set before the first paint)
    assert 'class="portal-cl-tools portal-js-only" data-portal-tools' in text
    assert all(f'data-action="{a}"' in text for a in ("export-json", "export-csv", "export-plan", "print", "reset", "import"))
    assert "plan/" in page.hrefs and "team/" in page.hrefs
    assert f"../downloads/checklist-{lang}.xlsx" in page.hrefs and f"../downloads/checklist-{lang}.csv" in page.hrefs


def test_dimension_and_element_checklists_hold_exactly_their_items(real_site, model):
    for lang in ("en", "nl"):
        for d, dim in model.dimensions.items():
            page = form(page_file(real_site, lang, f"checklists/{d}/index.md"))
            wanted = {e for el in dim.element_ids for s in model.elements[el].subelement_ids for e in model.subelements[s].expectation_ids}
            assert {i["value"] for i in page.inputs if "data-expectation" in i} == wanted
        for el in model.elements.values():
            page = form(page_file(real_site, lang, f"checklists/{el.id}/index.md"))
            assert [f["id"][2:] for f in page.fieldsets if (f["id"] or "").startswith("s-")] == list(el.subelement_ids)
            items = {*el.subelement_ids, *(e for s in el.subelement_ids for e in model.subelements[s].expectation_ids)}
            assert items <= parse(page_file(real_site, lang, f"checklists/{el.id}/index.md")).ids  # the item pages' anchors


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_script_data_is_one_shared_file_per_language_with_the_whole_model(real_site, model, lang):
    """Exports and import checks need every ID; one cached file carries them instead of a copy per page."""
    script = (real_site / LANG_ROOT[lang] / "assets/javascripts/checklist-data.js").read_text(encoding="utf-8")
    data = json.loads(re.fullmatch(r"window\.portalChecklistData = (.*);\n", script, re.S).group(1))
    assert list(data["expectations"]) == list(model.expectations)
    assert set(data["practices"]) == set(model.practices) and data["model_version"] == model.version
    assert data["expectations"][next(iter(model.expectations))] == model.texts[lang]["expectations"][next(iter(model.expectations))]["text"]
    for src in ("checklists/index.md", "checklists/plan/index.md", f"checklists/{next(iter(model.elements))}/index.md"):
        page = page_file(real_site, lang, src).read_text(encoding="utf-8")
        assert 'assets/javascripts/checklist-data.js"' in page
        island = re.search(r'<script type="application/json" id="portal-cl-data">(.*?)</script>', page, re.S).group(1)
        assert len(island) < 200 and next(iter(model.expectations)) not in island


def test_checklists_are_in_the_menu(real_site, model):
    # navigation.prune: a page carries its open branch of the menu, so look from an element checklist in 7.2
    page = form(page_file(real_site, "nl", "checklists/7.2.2/index.md"))
    hrefs = {posixpath.normpath(posixpath.join("checklists/7.2.2", h)) + "/" for h in page.hrefs}
    for target in ("checklists/", "checklists/plan/", "checklists/7.2/", "checklists/7.2.3/"):
        assert target in hrefs, target


def all_cells(sheet):
    return [cell for row in sheet.iter_rows() for cell in row]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_workshop_spreadsheets_hold_every_expectation_as_values_only(real_site, model, lang):
    root = real_site / ("nl" if lang == "nl" else "")
    wb = load_workbook(root / "downloads" / f"checklist-{lang}.xlsx")
    overview, *sheets = wb.worksheets
    assert overview.title == model.ui(lang, "checklists_sheet_overview")
    assert [s.title for s in sheets] == list(model.elements)  # one sheet per element
    version = checklist_sheets.version_line(Site(model, ("en", "nl")), lang)
    release = next(r for r in model.releases if r.version == model.version)
    assert model.version in version and release.date in version
    site_url = configured_site_url()
    ids, texts, links = [], {}, {}
    for sheet in sheets:
        assert sheet["A2"].value == version  # version and date on every sheet
        rows = checklist_sheets.sheet_rows(sheet)
        header = rows[0]
        assert header == column_labels(model, lang, checklist_sheets.SHEET_COLUMNS) and len(set(header)) == len(header)
        for row in sheet.iter_rows(min_row=6):
            ids.append(row[1].value)
            texts[row[1].value] = row[2].value
            links[row[1].value] = row[-1].hyperlink.target
        kinds = {dv.formula1: {str(r) for r in dv.sqref.ranges} for dv in sheet.data_validations.dataValidation}
        yes_no = f'"{model.ui(lang, "checklists_yes")},{model.ui(lang, "checklists_no")}"'
        assert yes_no in kinds and any(f.startswith(f"'{overview.title}'!$E$") for f in kinds), kinds  # done, N/A and rating lists
    practices = {p for s in model.subelements for p in (x.id for x in model.practices_for(s))}
    assert [i for i in ids if i not in practices] == [i for s in model.subelements.values() for i in (s.id, *s.expectation_ids)]
    assert practices <= set(ids)
    prefix = "nl/" if lang == "nl" else ""
    for e, sub in model.expectations.items():
        assert texts[e] == model.texts[lang]["expectations"][e]["text"]
        assert links[e] == f"{site_url}/{prefix}model/{sub}/#{e}"  # clickable full addresses
    for s in model.subelements:
        assert texts[s] == model.texts[lang]["subelements"][s]["title"]
    rating_choices = [c.value for c in overview["E"] if c.value and c.value[0].isdigit()]
    assert rating_choices == [f"{s['value']} {s['label']}" for s in scale(model, lang)]
    for sheet in wb.worksheets:
        for cell in all_cells(sheet):
            assert cell.data_type != "f" and not str(cell.value or "").startswith("="), cell.coordinate
    some = next(iter(model.practices.values()))
    role = model.texts[lang]["roles"][some.roles[0]]["label"]
    sheet = wb[model.subelements[some.home_id].element_id]
    row = next(r for r in sheet.iter_rows(min_row=6) if r[1].value == some.id)
    assert role in row[10].value and (lang == "en" or some.roles[0] not in row[10].value.split(", "))  # translated codes

    for name, delimiter in ((f"checklist-{lang}.csv", ","), (f"checklist-{lang}-semicolon.csv", ";")):
        raw = (root / "downloads" / name).read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")
        table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=delimiter))
        assert table[0] == column_labels(model, lang, COLUMNS + checklist_sheets.CSV_EXTRA) and len(set(table[0])) == len(table[0])
        assert [r[1] for r in table[1:]] == [i for s in model.subelements.values() for i in (s.id, *s.expectation_ids)]
        assert {r[-1] for r in table[1:]} == {version}
        assert not any(v.startswith(("=", "+", "@")) for r in table for v in r)


def test_a_text_that_looks_like_a_formula_stays_text(model):
    """openpyxl stores any string starting with "=" as a formula unless told otherwise."""
    hostile = '=HYPERLINK("http://example.org","click")'
    e = next(iter(model.expectations))
    original = model.texts["en"]["expectations"][e]
    model.texts["en"]["expectations"][e] = {"text": hostile}
    try:
        wb = load_workbook(io.BytesIO(checklist_sheets.checklist_xlsx(Site(model, ("en", "nl")), "en")))
        cell = next(c for ws in wb.worksheets for c in all_cells(ws) if c.value == hostile)
        assert cell.data_type == "s"
        assert f",'{hostile[:10]}" in checklist_sheets.checklist_csv(Site(model, ("en", "nl")), "en").decode("utf-8-sig").replace('"', "")
    finally:
        model.texts["en"]["expectations"][e] = original  # the model is shared by the whole session


def test_new_expectation_and_subelement_appear_in_checklists_and_downloads(fixture_project):
    """Model in data: adding items in YAML is the only edit."""
    m = fixture_project / "model"
    edit_yaml(
        m / "subelements/7.1.1.a.yml",
        lambda s: (
            (
                s.replace("7.1.1.a-e2]", "7.1.1.a-e2, 7.1.1.a-e3]")
                if "7.1.1.a-e2]" in s
                else s.replace("- 7.1.1.a-e2", "- 7.1.1.a-e2\n- 7.1.1.a-e3")
            )
            + "\n  7.1.1.a-e3: {source: advice}\n"
        ),
    )
    (m / "subelements/7.1.1.c.yml").write_text(
        'id: "7.1.1.c"\nelement: "7.1.1"\nexpectations: ["7.1.1.c-e1"]\n'
        'sources:\n  7.1.1.c-e1: {source: requirement, clause: "7.1.1", items: [c]}\n'
    )
    for lang in ("en", "nl"):
        (m / f"text/{lang}/added.yml").write_text(
            f"expectations:\n  7.1.1.a-e3:\n    text: Added expectation {lang}.\n  7.1.1.c-e1:\n    text: Newest check {lang}.\n"
            f"subelements:\n  7.1.1.c:\n    title: Added sub {lang}\n    summary: S.\n    why: W.\n"
        )
    site = build_site(fixture_project / "mkdocs.yml")
    for lang in ("en", "nl"):
        for src in ("checklists/7.1/index.md", "checklists/7.1.1/index.md"):
            page = form(page_file(site, lang, src))
            assert {"x-7.1.1.a-e3", "x-7.1.1.c-e1"} <= {i.get("id") for i in page.inputs}, (lang, src)
            assert f"Newest check {lang}." in page.labels["x-7.1.1.c-e1"]
            assert "s-7.1.1.c" in {f["id"] for f in page.fieldsets}
        # the task list counts an element's sub-elements from the script's data: the new one is in it
        script = (site / LANG_ROOT[lang] / "assets/javascripts/checklist-data.js").read_text(encoding="utf-8")
        data = json.loads(re.fullmatch(r"window\.portalChecklistData = (.*);\n", script, re.S).group(1))
        assert data["elements"]["7.1.1"]["subelements"][-1] == "7.1.1.c" and "7.1.1.a-e3" in data["subelements"]["7.1.1.a"]["expectations"]
        wb = load_workbook(site / ("nl" if lang == "nl" else "") / "downloads" / f"checklist-{lang}.xlsx")
        assert {"7.1.1.a-e3", "7.1.1.c-e1", "7.1.1.c"} <= {row[1].value for row in wb["7.1.1"].iter_rows() if len(row) > 1}


def test_scale_links_to_real_pyramid_levels(fixture_project):
    edit_yaml(
        fixture_project / "model/model.yml", lambda s: s.replace("  pyramid: level-3\n- id: embedded", "  pyramid: level-9\n- id: embedded")
    )
    edit_yaml(fixture_project / "model/model.yml", lambda s: s.replace("- id: excellent", "- id: planned"))
    with pytest.raises(ModelInvalid) as err:
        load_model(fixture_project / "model")
    found = [str(p) for p in err.value.problems]
    lines = (fixture_project / "model/model.yml").read_text().splitlines()
    bad = 1 + lines.index("  pyramid: level-9")
    assert (
        f"model/model.yml:{bad}: assessment scale step 'in-place' points to unknown pyramid level 'level-9' — "
        "did you mean 'level-3'? (or null)" in found
    )
    assert any(p.startswith("model/model.yml:") and "step 'planned' appears twice" in p for p in found), found
