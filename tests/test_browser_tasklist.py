"""The whole-model checklist page as a task list (issue 16) in Chromium: each element's row shows its status
from the answers saved on the element checklists (one store for every page and language), the rows are plain
links without JavaScript, and the old whole-model form's anchors lead to the element's own checklist."""

from __future__ import annotations

import pytest

from .conftest import PROJECT, shared_model

pytestmark = pytest.mark.browser
ARTIFACTS = PROJECT / "test-artifacts" / "ux"


@pytest.fixture(scope="module")
def model():
    return shared_model()


@pytest.fixture
def tab(page):
    """A fresh browser context per test (conftest's ``page``): its own localStorage, so answers never leak between tests."""
    return page


def prefix(lang: str) -> str:
    return "nl/" if lang == "nl" else ""


def status(page, element: str) -> str:
    return " ".join(page.text_content(f"[data-task='{element}'] [data-task-status]").split())


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_each_row_shows_the_status_of_the_answers_saved_on_the_element_checklists(tab, site_url, model, lang):
    ui = lambda key: model.ui(lang, key)  # noqa: E731
    subs = model.elements["7.2.2"].subelement_ids
    tab.goto(f"{site_url}{prefix(lang)}checklists/", wait_until="networkidle")
    assert {status(tab, e) for e in model.elements} == {ui("checklists_task_todo")}  # nothing saved yet

    tab.goto(f"{site_url}{prefix(lang)}checklists/7.2.2/", wait_until="networkidle")
    tab.check(f"[id='r-{subs[0]}-2']")
    tab.check(f"[id='r-{subs[1]}-0']")
    tab.goto(f"{site_url}{prefix(lang)}checklists/7.2.3/", wait_until="networkidle")
    for s in model.elements["7.2.3"].subelement_ids:  # every sub-element rated: done
        tab.check(f"[id='r-{s}-3']")
    tab.goto(f"{site_url}checklists/7.1.1/", wait_until="networkidle")  # the other language: the same store
    tab.check(f"[id='x-{model.subelements[model.elements['7.1.1'].subelement_ids[0]].expectation_ids[0]}']")  # a tick only

    tab.goto(f"{site_url}{prefix(lang)}checklists/", wait_until="networkidle")
    count = lambda n, total: ui("checklists_task_count").replace("{n}", str(n)).replace("{total}", str(total))  # noqa: E731
    assert status(tab, "7.2.2") == f"{ui('checklists_task_started')} {count(2, len(subs))}"
    assert status(tab, "7.2.3") == ui("checklists_task_done")
    assert status(tab, "7.1.1") == f"{ui('checklists_task_started')} {count(0, len(model.elements['7.1.1'].subelement_ids))}"
    assert status(tab, "7.1.3") == ui("checklists_task_todo") and status(tab, "7.4.3") == ui("checklists_task_todo")
    # a screen reader hears the status with the link: it describes the element's link
    described = tab.eval_on_selector(
        "[data-task='7.2.2'] a", "a => document.getElementById(a.getAttribute('aria-describedby')).textContent.trim()"
    )
    assert " ".join(described.split()) == status(tab, "7.2.2")
    assert tab.eval_on_selector("[data-task='7.2.2'] a", "a => new URL(a.href).pathname") == f"/{prefix(lang)}checklists/7.2.2/"

    ARTIFACTS.mkdir(parents=True, exist_ok=True)  # for a person to look at: the task list with answers, laptop and phone
    tab.add_style_tag(content=".md-header { position: relative !important; }")  # keep it out of the screenshots
    tab.locator(".portal-tasks").screenshot(path=str(ARTIFACTS / f"tasklist-answered-{lang}-1280.png"))
    tab.set_viewport_size({"width": 390, "height": 844})
    assert tab.evaluate("document.documentElement.scrollWidth") <= 390
    tab.locator("#d-7\\.2").screenshot(path=str(ARTIFACTS / f"tasklist-answered-{lang}-390.png"))
    tab.set_viewport_size({"width": 1280, "height": 720})

    # the whole row is the link (GOV.UK's task list): a click on the status opens the element's checklist
    tab.eval_on_selector("[data-task='7.2.2']", "row => row.scrollIntoView({block: 'center'})")
    box = tab.locator("[data-task='7.2.2'] [data-task-status]").bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    assert tab.evaluate("([x, y]) => document.elementFromPoint(x, y).closest('a').className", [x, y]) == "portal-task__name"
    tab.mouse.click(x, y)
    tab.wait_for_url(f"**/{prefix(lang)}checklists/7.2.2/")
    assert tab.is_checked(f"[id='r-{subs[0]}-2']")


def test_a_single_sub_element_element_and_a_practice_pick_count_as_started(tab, site_url, model):
    practice = model.practices_for("7.1.3")[0].id
    tab.goto(f"{site_url}checklists/7.1.3/", wait_until="networkidle")
    tab.check(f"[id='p-7.1.3-{practice}']")
    tab.goto(f"{site_url}checklists/", wait_until="networkidle")
    assert status(tab, "7.1.3") == f"{model.ui('en', 'checklists_task_started')} {model.ui('en', 'checklists_unrated')}"
    tab.goto(f"{site_url}checklists/7.1.3/", wait_until="networkidle")
    tab.check("[id='r-7.1.3-4']")
    tab.goto(f"{site_url}checklists/", wait_until="networkidle")
    assert status(tab, "7.1.3") == model.ui("en", "checklists_task_done")


def test_without_javascript_the_task_list_is_plain_links(browser, site_url, model):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{site_url}nl/checklists/", wait_until="networkidle")
        assert page.is_visible(".portal-cl-noscript") and not page.is_visible("[data-portal-tools]")
        rows = page.eval_on_selector_all("[data-task] a", "as => as.map(a => [a.textContent.trim(), new URL(a.href).pathname])")
        assert rows == [
            [f"{e} {model.texts['nl']['elements'][e]['title']}", f"/nl/checklists/{e}/"]
            for d in model.dimensions.values()
            for e in d.element_ids
        ]
        assert page.eval_on_selector_all("[data-task-status]", "s => s.filter(x => x.offsetParent).length") == 0  # no status
        assert page.eval_on_selector_all("[data-task] a[aria-describedby]", "as => as.length") == 0  # nor one read out
        page.click("[data-task='7.2.2'] a")
        page.wait_for_url("**/nl/checklists/7.2.2/")
        assert page.locator(".portal-cl-sub").count() == len(model.elements["7.2.2"].subelement_ids)
    finally:
        context.close()


@pytest.mark.parametrize(
    "anchor,lands_on",
    [
        ("s-7.2.2.2", "checklists/7.2.2/#s-7.2.2.2"),  # a sub-element of the old whole-model form
        ("x-7.1.3-e1", "checklists/7.1.3/#x-7.1.3-e1"),  # an expectation's box, in the element without sub-elements
        ("r-7.4.2.2-3", "checklists/7.4.2/#r-7.4.2.2-3"),
        ("e-7.2.2", "checklists/#e-7.2.2"),  # an element and a dimension: rows and groups of the task list
        ("d-7.3", "checklists/#d-7.3"),
        ("7.3.2.2-e4", "checklists/7.3.2/#7.3.2.2-e4"),  # the item pages' own anchors, as trainers copy them
        ("7.1.1.a", "checklists/7.1.1/#7.1.1.a"),
    ],
)
def test_the_old_whole_model_anchors_still_lead_to_their_question(tab, site_url, anchor, lands_on):
    tab.goto(f"{site_url}nl/checklists/#{anchor}", wait_until="networkidle")
    tab.wait_for_url(f"{site_url}nl/{lands_on}")
    assert tab.evaluate("id => !!document.getElementById(id)", anchor)
