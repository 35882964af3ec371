"""The self-assessment in headless Chromium: state that persists, exports that match it, imports that
restore it or refuse a bad file without touching it, keyboard-only use, and the print stylesheet."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from macros.model.assessment import COLUMNS, STORAGE_KEY, column_labels

from .conftest import PROJECT, shared_model
from .test_trainers_exports import configured_site_url

pytestmark = pytest.mark.browser
ARTIFACTS = PROJECT / "test-artifacts"


@pytest.fixture(scope="module")
def model():
    return shared_model()


@pytest.fixture
def tab(browser):
    context = browser.new_context(accept_downloads=True)
    pg = context.new_page()
    yield pg
    context.close()


def stored(page) -> dict | None:
    return page.evaluate(f"JSON.parse(localStorage.getItem('{STORAGE_KEY}'))")


def sel(element_id: str) -> str:
    """A selector for an ID with dots in it (clause numbers)."""
    return f"[id='{element_id}']"


def status(page) -> str:
    return page.inner_text("[data-portal-status]")


def download(page, action: str):
    with page.expect_download() as info:
        page.click(f"[data-action={action}]")
    return info.value


def read_csv(dl) -> list[list[str]]:
    return list(csv.reader(io.StringIO(open(dl.path(), encoding="utf-8-sig").read())))


def checked_ids(page, selector: str) -> set[str]:
    return set(page.eval_on_selector_all(f"{selector}:checked", "els => els.map(e => e.value)"))


def test_fill_in_reload_and_export_exactly_what_was_entered(tab, site_url, model):
    page = tab
    a, b = model.elements["7.1.1"].subelement_ids[:2]
    e_a, e_b = model.subelements[a].expectation_ids[0], model.subelements[b].expectation_ids[1]
    practice = model.practices_for(a)[0].id
    page.goto(f"{site_url}checklists/7.1.1/", wait_until="networkidle")
    assert page.is_visible("[data-portal-tools]")
    assert stored(page) is None

    page.check(sel(f"x-{e_a}"))
    page.check(sel(f"x-{e_b}"))
    page.check(sel(f"r-{a}-2"))
    page.check(sel(f"r-{b}-4"))
    page.fill(sel(f"notes-{a}"), "Discussed on 3 March")
    page.click(sel(f"na-{b}"))  # no reason yet: refused, focus goes to the reason
    assert not page.is_checked(sel(f"na-{b}"))
    assert "First write why" in status(page) and b in status(page)
    assert page.evaluate("document.activeElement.id") == f"why-{b}"
    page.fill(sel(f"why-{b}"), "We have no front office.")
    page.check(sel(f"na-{b}"))
    page.check(sel(f"p-{a}-{practice}"))
    assert status(page) == "Saved in this browser."
    assert (
        page.inner_text(f"[data-progress=subelement][data-id='{a}']")
        == f"1 of {len(model.subelements[a].expectation_ids)} ticked · In place"
    )
    subs_711 = model.elements["7.1.1"].subelement_ids
    total_711 = sum(len(model.subelements[s].expectation_ids) for s in subs_711)
    assert (
        page.inner_text("[data-progress=element][data-id='7.1.1']")
        == f"2 of {len(subs_711)} answered · 2 of {total_711} expectations ticked"
    )

    expected_subs = {
        a: {"rating": 2, "na": False, "justification": "", "notes": "Discussed on 3 March"},
        b: {"rating": 4, "na": True, "justification": "We have no front office.", "notes": ""},
    }
    page.reload(wait_until="networkidle")
    assert checked_ids(page, "[data-expectation]") == {e_a, e_b}
    assert page.is_checked(sel(f"r-{a}-2")) and page.is_checked(sel(f"r-{b}-4")) and page.is_checked(sel(f"na-{b}"))
    assert page.input_value(sel(f"why-{b}")) == "We have no front office."
    assert checked_ids(page, "[data-practice]") == {practice}
    saved = stored(page)
    assert saved["schema"] == 1 and saved["model_version"] == model.version
    assert saved["subelements"] == expected_subs and saved["expectations"] == {e_a: True, e_b: True} and saved["plan"] == [practice]

    # the same assessment in Dutch (one key for both languages)
    page.goto(f"{site_url}nl/checklists/7.1/", wait_until="networkidle")
    assert checked_ids(page, "[data-expectation]") == {e_a, e_b}
    assert page.is_checked(sel(f"r-{b}-4"))

    exported = json.loads(open(download(page, "export-json").path(), encoding="utf-8").read())
    assert {k: exported[k] for k in ("schema", "model_version", "subelements", "expectations", "plan")} == {
        "schema": 1,
        "model_version": model.version,
        "subelements": expected_subs,
        "expectations": {e_a: True, e_b: True},
        "plan": [practice],
    }
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "assessment-export.json").write_text(json.dumps(exported, indent=2, ensure_ascii=False) + "\n")

    rows = read_csv(download(page, "export-csv"))
    assert rows[0] == column_labels(model, "nl", COLUMNS)
    body = rows[1:]
    source, clause = COLUMNS.index("source"), COLUMNS.index("clause")  # where each expectation comes from, as on the page
    for r in body:
        p = model.provenance_of(r[1]) if r[1] in model.expectations else None
        assert (r[source], r[clause]) == ((model.ui("nl", f"source_{p.source}"), p.reference) if p else ("", "")), r[1]
    assert len(body) == len(model.subelements) + len(model.expectations)
    assert {r[1] for r in body if r[6] == "ja"} == {e_a, e_b}
    assert {r[1]: r[7] for r in body if r[7]} == {a: "2", b: "4"}
    assert {r[1] for r in body if r[9] == "ja"} == {b}
    assert [r[11] for r in body if r[1] == a] == ["Discussed on 3 March"]

    plan = read_csv(download(page, "export-plan"))
    assert [r[0] for r in plan[1:]] == [practice]
    assert plan[1][4].endswith(f"/nl/practices/{practice}/")
    assert "gedownload" in status(page)


@pytest.mark.parametrize("prefix", ["", "nl/"])
def test_an_items_own_anchor_opens_its_question_in_the_checklist(tab, site_url, prefix):
    """A trainer's link with the item pages' anchor (#7.3.2.2-e4) lands on that question of the element's checklist."""
    tab.set_viewport_size({"width": 390, "height": 800})
    for anchor, control in (("7.3.2.2-e4", "x-7.3.2.2-e4"), ("7.3.2.4", "s-7.3.2.4")):
        tab.goto(f"{site_url}{prefix}checklists/7.3.2/#{anchor}", wait_until="networkidle")
        top = tab.evaluate(f"document.getElementById('{control}').getBoundingClientRect().top")
        assert 0 <= top < 300, (prefix, anchor, top)


def test_each_respondents_export_has_a_file_name_of_its_own(tab, site_url, model):
    """A facilitator collects everyone's files: with a name or role given, the files no longer share one name.
    Whatever is typed, the name stays a plain file name (letters, digits and dashes)."""
    tab.goto(f"{site_url}nl/checklists/7.1.1/", wait_until="networkidle")
    day = tab.evaluate("new Date().toISOString().slice(0, 10)")
    stem = model.ui("nl", "checklists_file_stem")
    names = {}
    for who in ("", "Anna / Team Noord", "../<script>alert(1)</script> Zoë", "مكتب الخدمة"):
        tab.fill("[data-respondent]", who)
        names[who] = [download(tab, action).suggested_filename for action in ("export-json", "export-csv")]
    assert names[""] == [f"{stem}-{day}.json", f"{stem}-{day}.csv"]
    assert names["Anna / Team Noord"][0] == f"{stem}-anna-team-noord-{day}.json"
    assert names["../<script>alert(1)</script> Zoë"][0] == f"{stem}-script-alert-1-script-zoë-{day}.json"
    assert names["مكتب الخدمة"][0] == f"{stem}-مكتب-الخدمة-{day}.json"
    plan = download(tab, "export-plan").suggested_filename
    assert plan == f"{model.ui('nl', 'checklists_plan_file_stem')}-مكتب-الخدمة-{day}.csv"


ASSESSMENT = {
    "schema": 1,
    "model_version": None,
    "updated": "2026-01-05T10:00:00.000Z",
    "subelements": {"7.1.3": {"rating": 1, "na": False, "justification": "", "notes": "Owner: Sam"}},
    "expectations": {"7.1.3-e1": True, "7.1.3-e2": True},
    "plan": [],
}


def test_reset_import_and_refused_files(tab, site_url, model, tmp_path):
    page = tab
    page.goto(f"{site_url}checklists/7.1.3/", wait_until="networkidle")
    state = {**ASSESSMENT, "model_version": model.version, "plan": [model.practices_for("7.1.3")[0].id]}
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [STORAGE_KEY, json.dumps(state)])
    page.reload(wait_until="networkidle")
    assert checked_ids(page, "[data-expectation]") == {"7.1.3-e1", "7.1.3-e2"}
    export = tmp_path / "mine.json"
    download(page, "export-json").save_as(export)

    page.once("dialog", lambda d: d.dismiss())  # "cancel" keeps everything
    page.click("[data-action=reset]")
    assert stored(page)["expectations"] == state["expectations"]
    page.once("dialog", lambda d: d.accept())
    page.click("[data-action=reset]")
    assert stored(page) is None and status(page) == "Everything is cleared."
    assert checked_ids(page, "[data-expectation]") == set() and checked_ids(page, "[data-practice]") == set()
    assert page.input_value(sel("notes-7.1.3")) == ""

    page.set_input_files("#portal-cl-import", str(export))
    page.wait_for_function("document.querySelector('[data-portal-status]').textContent.includes('loaded')")
    assert {k: stored(page)[k] for k in ("subelements", "expectations", "plan")} == {
        k: state[k] for k in ("subelements", "expectations", "plan")
    }
    assert checked_ids(page, "[data-expectation]") == {"7.1.3-e1", "7.1.3-e2"}
    assert page.input_value(sel("notes-7.1.3")) == "Owner: Sam" and page.is_checked(sel("r-7.1.3-1"))

    before = page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')")
    newer = ".".join(str(int(p) + (1 if i == 0 else 0)) for i, p in enumerate(model.version.split(".")))
    bad_files = {
        "notes.json": ("{ this is not json", "is not a JSON file"),
        "shape.json": (json.dumps({"schema": 1, "model_version": model.version}), "does not look like an assessment"),
        "rating.json": (json.dumps({**state, "subelements": {"7.1.3": {"rating": 9, "na": False}}}), "rating 9"),
        "newer.json": (json.dumps({**state, "model_version": newer}), f"model version {newer}, which is newer"),
        "unknown.json": (json.dumps({**state, "expectations": {"7.9.9-e1": True}}), "IDs this model does not have: 7.9.9-e1"),
    }
    for name, (content, message) in bad_files.items():
        (tmp_path / name).write_text(content)
        page.set_input_files("#portal-cl-import", str(tmp_path / name))
        page.wait_for_function("name => document.querySelector('[data-portal-status]').textContent.startsWith(name)", arg=name)
        assert message in status(page) and "Nothing was changed." in status(page), name
        assert "portal-cl-status--error" in page.get_attribute("[data-portal-status]", "class")
        assert page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')") == before, name
        assert checked_ids(page, "[data-expectation]") == {"7.1.3-e1", "7.1.3-e2"}, name

    # An assessment from an older model version loads: what the model no longer has is reported, the rest kept.
    older = {**state, "model_version": "0.0.1", "expectations": {"7.1.3-e1": True, "7.1.3-e99": True}, "plan": ["retired-practice"]}
    (tmp_path / "older.json").write_text(json.dumps(older))
    page.once("dialog", lambda d: d.accept())  # answers are saved already: replacing them needs consent
    page.set_input_files("#portal-cl-import", str(tmp_path / "older.json"))
    page.wait_for_function("document.querySelector('[data-portal-status]').textContent.includes('0.0.1')")
    assert "7.1.3-e99, retired-practice" in status(page)
    assert stored(page)["expectations"] == {"7.1.3-e1": True} and stored(page)["plan"] == []
    assert stored(page)["model_version"] == model.version and stored(page)["subelements"] == state["subelements"]


def test_one_subelement_completed_with_the_keyboard_alone(page, site_url, model):
    sub = model.elements["7.1.1"].subelement_ids[0]
    expectations = model.subelements[sub].expectation_ids
    practice = model.practices_for(sub)[0].id
    page.goto(f"{site_url}checklists/7.1.1/", wait_until="networkidle")

    def focused() -> str:
        return page.evaluate("document.activeElement.id")

    for _ in range(400):  # from the top of the page, through the header, menu and tools
        page.keyboard.press("Tab")
        if focused() == f"x-{expectations[0]}":
            break
    else:
        raise AssertionError("Tab never reached the first checkbox")
    for i, e in enumerate(expectations):
        assert focused() == f"x-{e}"
        if i % 2 == 0:
            page.keyboard.press("Space")
        page.keyboard.press("Tab")
    assert focused() == f"r-{sub}-0"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert focused() == f"r-{sub}-2"
    page.keyboard.press("Tab")
    assert focused() == f"why-{sub}"
    page.keyboard.press("Tab")
    assert focused() == f"na-{sub}"
    page.keyboard.press("Tab")
    assert focused() == f"notes-{sub}"
    page.keyboard.type("Typed without a mouse")
    page.keyboard.press("Tab")
    assert focused() == f"p-{sub}-{practice}"
    page.keyboard.press("Space")
    style = page.evaluate("() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth]; }")
    assert style[0] != "none" and float(style[1].rstrip("px")) >= 2

    saved = stored(page)
    assert saved["expectations"] == {e: True for i, e in enumerate(expectations) if i % 2 == 0}
    assert saved["subelements"] == {sub: {"rating": 2, "na": False, "justification": "", "notes": "Typed without a mouse"}}
    assert saved["plan"] == [practice]
    assert status(page) == "Saved in this browser."


def test_print_stylesheet_gives_a_clean_a4_handout(tab, site_url, model):
    page = tab
    page.goto(f"{site_url}checklists/7.1/", wait_until="networkidle")
    chrome = [".md-header", ".md-sidebar--primary", ".md-footer", "[data-portal-tools]", ".portal-cl-privacy"]
    assert all(page.is_visible(sel) for sel in chrome[:3] + chrome[4:])  # on screen they are there
    assert not page.is_visible(".portal-cl-shorturl")
    page.emulate_media(media="print")
    for sel in chrome:
        assert not page.is_visible(sel), sel
    elements = model.dimensions["7.1"].element_ids
    breaks = page.eval_on_selector_all(".portal-cl-element", "els => els.map(e => getComputedStyle(e).breakBefore)")
    assert breaks == ["auto"] + ["page"] * (len(elements) - 1)  # one element per sheet, the first under the title
    urls = page.eval_on_selector_all(".portal-cl-shorturl a", "els => els.map(e => e.textContent)")
    assert urls == [f"{configured_site_url()}/checklists/{e}/" for e in elements]  # paper: the configured address
    assert page.is_visible(".portal-cl-lines")
    pdf = page.pdf(format="A4")
    sheets = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert sheets >= len(elements), sheets


def test_plan_page_lists_the_picked_practices(tab, site_url, model):
    page = tab
    picks = [p.id for p in list(model.practices.values())[:3]]
    page.goto(f"{site_url}nl/checklists/plan/", wait_until="networkidle")
    assert "nog geen werkwijzen" in page.inner_text("[data-portal-plan]")
    page.evaluate(
        "([k, v]) => localStorage.setItem(k, v)", [STORAGE_KEY, json.dumps({**ASSESSMENT, "model_version": model.version, "plan": picks})]
    )
    page.reload(wait_until="networkidle")
    listed = page.eval_on_selector_all("[data-plan-practice]", "els => els.map(e => e.getAttribute('data-plan-practice'))")
    assert sorted(listed) == sorted(picks)
    first = page.get_attribute(f"[data-plan-practice='{picks[0]}'] a", "href")
    assert page.evaluate("h => new URL(h, location.href).pathname", first) == f"/nl/practices/{picks[0]}/"
    assert model.texts["nl"]["practices"][picks[0]]["title"] in page.inner_text("[data-portal-plan]")


def test_without_javascript_the_checklist_is_a_plain_printable_form(browser, site_url, model):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{site_url}nl/checklists/7.2/", wait_until="networkidle")
        assert page.is_visible(".portal-cl-noscript")
        assert not page.is_visible("[data-portal-tools]")
        wanted = [
            e
            for el in model.dimensions["7.2"].element_ids
            for s in model.elements[el].subelement_ids
            for e in model.subelements[s].expectation_ids
        ]
        boxes = page.eval_on_selector_all("[data-expectation]", "els => els.filter(e => e.offsetParent).map(e => e.value)")
        assert boxes == wanted
        page.check(sel(f"x-{wanted[0]}"))  # still a real control: it can be ticked before printing
        assert page.is_checked(sel(f"x-{wanted[0]}"))
        page.check("#portal-cl-only-requirements")  # the standard's requirements only: a stylesheet rule, no script needed
        boxes = page.eval_on_selector_all("[data-expectation]", "els => els.filter(e => e.offsetParent).map(e => e.value)")
        assert boxes == [e for e in wanted if model.provenance_of(e).source == "requirement"]
        assert len(boxes) < len(wanted)
        page.uncheck("#portal-cl-only-requirements")
        assert page.eval_on_selector_all("[data-expectation]", "els => els.filter(e => e.offsetParent).length") == len(wanted)
    finally:
        context.close()
