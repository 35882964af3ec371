"""The practice catalogue: complete without JavaScript, filterable with it."""

from __future__ import annotations

import re

import pytest

from .conftest import shared_model
from .html_tools import parse

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def model():
    return shared_model()


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_plain_lists_hold_every_practice(real_site, model, lang):
    page = parse(real_site / ("nl/" if lang == "nl" else "") / "practices" / "index.html")
    assert {f"p-{p}" for p in model.practices} <= page.ids
    assert set(model.elements) <= page.ids  # one group per element


def visible_ids(page) -> set[str]:
    return set(page.eval_on_selector_all(".portal-practice-list li:not([hidden])", "els => els.map(e => e.id.slice(2))"))


def test_filters_narrow_the_list_as_the_model_says(page, site_url, model):
    page.goto(f"{site_url}practices/", wait_until="networkidle")
    assert page.is_visible("[data-portal-filters]")
    assert visible_ids(page) == set(model.practices)

    page.select_option("#filter-principle", "5.2.4")
    expected = {p.id for p in model.practices_serving("5.2.4")}
    assert visible_ids(page) == expected and expected
    assert f"{len(expected)} of {len(model.practices)}" in page.inner_text(".portal-filters__count")

    page.select_option("#filter-role", "front-line")
    expected = {p.id for p in model.practices_serving("5.2.4") if "front-line" in p.roles}
    assert visible_ids(page) == expected

    page.select_option("#filter-role", "")
    page.select_option("#filter-principle", "")
    page.select_option("#filter-dimension", "7.3")
    expected = {p.id for p in model.practices.values() if model.subelements[p.home_id].element_id.startswith("7.3.")}
    assert visible_ids(page) == expected
    hidden_groups = page.eval_on_selector_all("h2.portal-group-title[hidden]", "els => els.map(e => e.id)")
    assert set(hidden_groups) == {e for e in model.elements if not e.startswith("7.3.")}

    page.select_option("#filter-dimension", "")
    page.select_option("#filter-element", "7.2.2")  # element and dimension sit on each group's list, not on each item
    page.select_option("#filter-effort", "low")
    expected = {p.id for p in model.practices.values() if model.subelements[p.home_id].element_id == "7.2.2" and p.effort == "low"}
    assert visible_ids(page) == expected and expected
    page.select_option("#filter-effort", "")

    page.click("[data-portal-filters] button[type=reset]")
    page.wait_for_function("document.querySelectorAll('.portal-practice-list li[hidden]').length === 0")
    assert visible_ids(page) == set(model.practices)


LI = re.compile(r'(<li id="p-)([^"]+)(".*?</li>\n)', re.S)


def test_the_catalogue_stays_quick_with_ten_times_the_practices(page, site_url, model):
    """The x10 catalogue of the build bench (2,640 practices): the served page repeats every item ten times
    (new IDs), as that build writes it. Loading, the count and a filter change stay quick."""
    weight = {}

    def tenfold(route):
        response = route.fetch()
        body = LI.sub(
            lambda m: "".join(f"{m.group(1)}{m.group(2)}{'-x' + str(i) if i else ''}{m.group(3)}" for i in range(10)), response.text()
        )
        weight["bytes"] = len(body.encode())
        route.fulfill(response=response, body=body)

    page.route("**/practices/", tenfold)
    page.goto(f"{site_url}practices/", wait_until="load")
    n = 10 * len(model.practices)
    assert page.locator(".portal-practice-list li").count() == n
    assert page.inner_text(".portal-filters__count").startswith(f"{n} ")
    took = page.evaluate(
        """() => { const s = document.querySelector('#filter-role'); const t = performance.now();
                   s.value = 'manager'; s.dispatchEvent(new Event('change')); return performance.now() - t; }"""
    )
    wanted = 10 * sum(1 for p in model.practices.values() if "manager" in p.roles)
    assert visible_ids(page).__len__() == wanted
    assert took < 500, took  # milliseconds for one filter change over 2,640 items (a few tens on a laptop)
    assert weight["bytes"] < 1600 * 1024, weight  # the page itself; its scripts and styles are the same as at x1
