"""Crosswalks (issue 19): CAF 2020, ISO 23592 and NORA as checked data, their pages, downloads and search."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from macros.cli.build import build_site
from macros.cli.crosswalks import report
from macros.load.loader import load_model
from macros.model.crosswalks import unmapped
from macros.model.problems import ModelInvalid
from macros.outputs import catalogue, checklist_sheets, crosswalk_files
from macros.urls import scheme
from macros.urls.site import Site

from .conftest import PROJECT, edit_yaml, make_project
from .html_tools import page_file, parse

CAF_SUBCRITERIA = {
    "1": 4, "2": 4, "3": 3, "4": 6, "5": 3, "6": 2, "7": 2, "8": 2, "9": 2,
}  # fmt: skip


def test_caf_has_its_9_criteria_and_28_subcriteria(real_model):
    caf = real_model.crosswalks["caf-2020"]
    assert {g: len(items) for g, items in caf.groups} == CAF_SUBCRITERIA
    assert len(caf.items) == 28


def test_every_caf_subcriterion_maps_to_a_subelement_and_every_element_is_reached(real_model):
    caf = real_model.crosswalks["caf-2020"]
    for item in caf.items:
        assert any(link.kind == "subelement" for link in item.links), f"CAF {item.id} maps to no sub-element"
    reached = {real_model.subelements[link.target].element_id for link in caf.links if link.kind == "subelement"}
    assert reached == set(real_model.elements), set(real_model.elements) - reached
    assert all(
        not gap.ids for gap in unmapped(caf, real_model.dimensions, real_model.elements, real_model.subelements, real_model.principles)
    )


def test_iso_23592_says_what_iso_11367_adds(real_model):
    base = real_model.crosswalks["iso-23592"]
    assert set(base.added_ids("elements")) == {"7.1.3", "7.2.3", "7.4.2"}
    assert "7.1.2.4" in base.added_ids("subelements")
    assert set(base.added_ids("principles")) == {p for p, x in real_model.principles.items() if x.group == "public"}


def test_nora_has_four_perspectives_linked_to_elements_and_practices(real_model):
    nora = real_model.crosswalks["nora"]
    assert [i.id for i in nora.items] == ["public-service", "executing", "improvement", "accountability"]
    for item in nora.items:
        assert {link.kind for link in item.links} == {"element", "practice"}, item.id


def test_unmapped_command_lists_gaps_each_way(real_model):
    text = report(real_model)
    assert "caf-2020 (CAF 2020, matrix): 28 items" in text
    assert "sub-elements not reached: 0" in text and "items without a link: 0" in text
    run = subprocess.run([sys.executable, "-m", "macros", "crosswalks"], cwd=PROJECT, capture_output=True, text=True)
    assert run.returncode == 0 and "iso-23592" in run.stdout, run.stderr


def test_a_link_to_a_missing_subelement_stops_the_build_with_file_and_line(tmp_path):
    project = make_project(tmp_path / "project", PROJECT / "model")
    path = project / "model" / "crosswalks" / "caf-2020.yml"
    edit_yaml(path, lambda s: s.replace('{subelement: "7.4.1.4", strength: primary}', '{subelement: "7.4.1.9", strength: primary}', 1))
    line = 1 + next(i for i, ln in enumerate(path.read_text().splitlines()) if "7.4.1.9" in ln)
    with pytest.raises(ModelInvalid) as err:
        load_model(project / "model")
    found = [str(p) for p in err.value.problems]
    assert f"model/crosswalks/caf-2020.yml:{line}: caf-2020 4.1 links to unknown subelement '7.4.1.9' — did you mean '7.4.1.4'?" in found


def test_text_for_a_missing_caf_subcriterion_is_refused_with_file_and_line(tmp_path):
    project = make_project(tmp_path / "project", PROJECT / "model")
    path = project / "model" / "text" / "nl" / "crosswalk-caf-2020.yml"
    edit_yaml(path, lambda s: s.replace('"caf-2020:4.6":', '"caf-2020:4.7":'))
    line = 1 + path.read_text().splitlines().index('  "caf-2020:4.7":')
    with pytest.raises(ModelInvalid) as err:
        load_model(project / "model")
    found = [str(p) for p in err.value.problems]
    assert any(p.startswith(f"model/text/nl/crosswalk-caf-2020.yml:{line}: text for unknown framework_item 'caf-2020:4.7'") for p in found)
    assert any(p.startswith("model/crosswalks/caf-2020.yml:") and "'caf-2020:4.6' has no nl text" in p for p in found), found


def test_iso_23592_must_classify_every_model_item(tmp_path):
    project = make_project(tmp_path / "project", PROJECT / "model")
    edit_yaml(project / "model" / "crosswalks" / "iso-23592.yml", lambda s: s.replace('    - "7.1.2.4"\n', ""))
    with pytest.raises(ModelInvalid) as err:
        load_model(project / "model")
    assert any("iso-23592 does not say whether subelement '7.1.2.4' is shared or added" in str(p) for p in err.value.problems)


def _add_local_framework(project: Path) -> Path:
    """A fork's own framework, as the fork guide describes it: one structure file and its text, all in local/."""
    local = project / "local"
    (local / "crosswalks").mkdir(parents=True)
    (local / "crosswalks" / "local-our-model.yml").write_text(
        "id: local-our-model\ntype: mapping\nreference: Our Model 2024\nabbreviation: OM\nview: matrix\n"
        'groups:\n  - id: "2"\n    items:\n      - id: "2.1"\n        links:\n          - {subelement: "7.1.1.a", strength: primary}\n',
        encoding="utf-8",
    )
    for lang in ("en", "nl"):
        (local / "text" / lang).mkdir(parents=True)
        (local / "text" / lang / "crosswalk-local-our-model.yml").write_text(
            f"frameworks:\n  local-our-model: {{title: Our model {lang}, summary: Ours.}}\n"
            f'framework_items:\n  "local-our-model:2": {{title: Group}}\n  "local-our-model:2.1": {{title: Item {lang}}}\n'
            f'crosswalk_reasons:\n  "local-our-model:2.1:7.1.1.a": {{reason: Same idea.}}\n',
            encoding="utf-8",
        )
    return local


def test_a_fork_adds_its_own_framework_in_local(tmp_path):
    project = make_project(tmp_path / "project")  # the small fixture model
    local = _add_local_framework(project)
    model = load_model(project / "model")
    fw = model.crosswalks["local-our-model"]
    assert fw.search_id("2.1") == "OM 2.1" and model.is_local("crosswalks", fw.id)
    assert ("framework_item", "local-our-model:2.1", "crosswalks/local-our-model/2.1/index.md") in set(scheme.all_pages(model))
    edit_yaml(local / "crosswalks" / "local-our-model.yml", lambda s: s.replace("7.1.1.a", "7.1.1.z"))
    with pytest.raises(ModelInvalid) as err:
        load_model(project / "model")
    assert any(
        str(p).startswith("local/crosswalks/local-our-model.yml:11: local-our-model 2.1 links to unknown subelement")
        for p in err.value.problems
    )


def test_downloads_are_formula_safe_and_match_their_schema(tmp_path):
    project = make_project(tmp_path / "project", PROJECT / "model")
    hostile = '=HYPERLINK("http://example.org","x")'
    edit_yaml(
        project / "model" / "text" / "en" / "crosswalk-caf-2020.yml",
        lambda s: s.replace("reason: Both ask for continuous learning and development of staff.", f"reason: '{hostile}'"),
    )
    site = Site(load_model(project / "model"), ("en", "nl"))
    rows = list(csv.reader(io.StringIO(crosswalk_files.csv_bytes(site, "en", "caf-2020").decode("utf-8-sig"))))
    assert rows[0] == list(crosswalk_files.MAPPING_COLUMNS)
    assert len(rows) == 1 + len(site.model.crosswalks["caf-2020"].links)
    cells = [c for r in rows for c in r]
    assert "'" + hostile in cells and hostile not in cells
    validator = Draft202012Validator(crosswalk_files.SCHEMA)
    for fw_id in site.model.crosswalks:
        for lang in ("en", "nl"):
            data = json.loads(crosswalk_files.json_bytes(site, lang, fw_id))
            assert not list(validator.iter_errors(data)), (fw_id, lang)


def test_built_pages_in_both_languages(real_site, real_model):
    for lang in ("en", "nl"):
        for src in ("crosswalks/index.md", "crosswalks/caf-2020/index.md", "crosswalks/iso-23592/index.md", "crosswalks/nora/index.md"):
            assert page_file(real_site, lang, src).exists(), (lang, src)
        for item in real_model.crosswalks["caf-2020"].items:
            page = parse(page_file(real_site, lang, f"crosswalks/caf-2020/{item.id}/index.md"))
            assert page.lang == lang and page.title.startswith(f"CAF {item.id} ")
        matrix = parse(page_file(real_site, lang, "crosswalks/caf-2020/index.md"))
        assert {f"item-{i.id}" for i in real_model.crosswalks["caf-2020"].items} <= matrix.ids
        assert {f"group-{g}" for g, _ in real_model.crosswalks["caf-2020"].groups} <= matrix.ids
        for ext in ("csv", "json"):
            for fw in real_model.crosswalks:
                assert (real_site / ("" if lang == "en" else "nl/") / f"downloads/crosswalk-{fw}-{lang}.{ext}").exists()


def test_added_items_are_labelled_and_pages_show_their_frameworks(real_site):
    added = " ".join(parse(page_file(real_site, "en", "model/7.1.2.4/index.md")).text)
    assert "Added for public services" in added
    shared = " ".join(parse(page_file(real_site, "en", "model/7.1.2.3/index.md")).text)
    assert "Added for public services" not in shared and "CAF 1.2" in shared
    nl = " ".join(parse(page_file(real_site, "nl", "principles/5.2.1/index.md")).text)
    assert "Toegevoegd voor de publieke sector" in nl
    element = " ".join(parse(page_file(real_site, "en", "model/7.1.3/index.md")).text)
    assert "Transparency and accountability" in element and "CAF 1.4" in element  # NORA perspective and CAF on one page
    practice = " ".join(parse(page_file(real_site, "nl", "practices/life-event-journey-map/index.md")).text)
    assert "Het publiek dienen" in practice
    figure = page_file(real_site, "en", "model/index.md").read_text(encoding="utf-8")
    assert figure.count("portal-fig__box--added") == 2 * 3  # 7.1.3, 7.2.3 and 7.4.2, in the wide and the tall figure
    assert "A dashed outline marks an element" in figure


def test_search_by_id_finds_a_caf_subcriterion(real_site):
    for root in (real_site, real_site / "nl"):
        index = json.loads((root / "assets" / "item-ids.json").read_text(encoding="utf-8"))
        assert index["caf 3.2"]["url"] == "crosswalks/caf-2020/3.2/"
        assert index["caf 3.2"]["id"] == "CAF 3.2"
        assert index["caf 3"]["url"] == "crosswalks/caf-2020/#group-3"


def test_home_page_routes_by_nora_perspective(real_site, real_model):
    for lang in ("en", "nl"):
        home = parse(real_site / ("" if lang == "en" else "nl/") / "index.html")
        hrefs = {href for href, _ in home.links}
        for item in real_model.crosswalks["nora"].items:
            assert f"crosswalks/nora/{item.id}/" in hrefs, (lang, item.id)
        assert {"crosswalks/caf-2020/", "crosswalks/iso-23592/", "crosswalks/"} <= hrefs


def test_catalogue_exports_carry_a_caf_column(real_model):
    site = Site(real_model, ("en", "nl"))
    rows = list(csv.reader(io.StringIO(catalogue.expectations_csv(site, "nl").decode("utf-8-sig"))))
    col = rows[0].index("caf-2020")
    cells = {r[1]: r[col].split("\n") for r in rows[1:]}
    assert "CAF 3.2 primary" in cells["7.2.2.3-e1"] and all(cells.values())  # every sub-element serves some CAF item
    data = json.loads(catalogue.catalogue_json(site, "en"))
    assert "CAF 1.1 primary" in next(s for s in data["subelements"] if s["id"] == "7.1.1.a")["crosswalks"]["caf-2020"]


def test_a_forks_framework_gets_pages_a_row_on_its_subelements_and_downloads(tmp_path):
    project = make_project(tmp_path / "project")
    _add_local_framework(project)
    site = build_site(project / "mkdocs.yml")
    for lang, root in (("en", site), ("nl", site / "nl")):
        matrix = parse(page_file(site, lang, "crosswalks/local-our-model/index.md"))
        assert "item-2.1" in matrix.ids and f"Our model {lang}" in matrix.title
        item = parse(page_file(site, lang, "crosswalks/local-our-model/2.1/index.md"))
        assert item.title.startswith(f"OM 2.1 Item {lang}")
        sub = " ".join(parse(page_file(site, lang, "model/7.1.1.a/index.md")).text)
        assert f"OM 2.1 Item {lang}" in sub and "Same idea." in sub
        assert (root / "downloads" / f"crosswalk-local-our-model-{lang}.csv").exists()
        assert (
            json.loads((root / "assets" / "item-ids.json").read_text(encoding="utf-8"))["om 2.1"]["url"]
            == "crosswalks/local-our-model/2.1/"
        )


def test_workshop_spreadsheets_name_the_caf_items_of_each_subelement(real_model):
    site = Site(real_model, ("en", "nl"))
    for lang, word in (("en", "primary"), ("nl", "direct")):
        table = list(csv.reader(io.StringIO(checklist_sheets.checklist_csv(site, lang).decode("utf-8-sig"))))
        col = table[0].index(real_model.ui(lang, "checklists_col_crosswalks"))
        row = next(r for r in table if r[1] == "7.2.2.3")
        assert f"CAF 3.2 ({word})" in row[col]
        assert all(r[col] == "" for r in table[1:] if r[1] in real_model.expectations)
