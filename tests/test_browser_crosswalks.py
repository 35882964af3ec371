"""Crosswalk pages in Chromium: axe finds nothing, the CAF matrix and its per-row pages fit a 320 px phone, 'CAF 3.2' in search."""

from __future__ import annotations

import pytest

from .browser import run_axe

pytestmark = pytest.mark.browser

# Page types are axe-checked once each by test_browser_quality; these are the other shapes crosswalks take.
PAGES = [
    "crosswalks/iso-23592/",
    "crosswalks/nora/",
    "crosswalks/nora/accountability/",
    "crosswalks/caf-2020/9.2/",
    "model/7.1.3/",  # an added element: the label, NORA's perspectives and CAF in one section
    "model/7.1.2.4/",
    "practices/traceable-decision-file-on-request/",
    "principles/5.2.1/",
]


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("path", PAGES)
def test_crosswalk_pages_have_no_axe_violations(page, site_url, lang, path):
    url = site_url + ("nl/" if lang == "nl" else "") + path
    assert page.goto(url, wait_until="networkidle").status == 200, url
    assert run_axe(page) == [], url


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("path", ["crosswalks/caf-2020/", "crosswalks/caf-2020/4.2/", "crosswalks/iso-23592/", "crosswalks/nora/"])
def test_no_sideways_scrolling_on_a_320_px_phone(browser, site_url, lang, path):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    try:
        page = context.new_page()
        page.goto(site_url + ("nl/" if lang == "nl" else "") + path, wait_until="networkidle")
        width = page.evaluate("document.documentElement.clientWidth")
        assert page.evaluate("document.documentElement.scrollWidth") <= width, path
        too_wide = page.evaluate(
            """w => [...document.querySelectorAll('article table, article table *')]
                .filter(e => e.getBoundingClientRect().right > w + 0.5 || e.scrollWidth > e.clientWidth + 1 && e.tagName == 'TABLE')
                .map(e => e.tagName + ' ' + e.textContent.slice(0, 40))""",
            width,
        )
        assert too_wide == [], too_wide
        if path == "crosswalks/caf-2020/":  # both directions, every row
            assert page.locator("table.portal-crosswalk tbody tr").count() == 28 + 38
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_search_caf_3_2_lands_on_its_page(page, site_url, lang):
    prefix = "nl/" if lang == "nl" else ""
    page.goto(site_url + prefix, wait_until="networkidle")
    page.keyboard.press("s")
    page.keyboard.type("CAF 3.2", delay=15)
    page.wait_for_selector(".portal-id-hit:not([hidden])")
    assert page.text_content(".portal-id-hit").startswith("CAF 3.2 ")
    page.keyboard.press("Enter")
    page.wait_for_url(site_url + prefix + "crosswalks/caf-2020/3.2/")


@pytest.mark.parametrize("path", ["crosswalks/caf-2020/"])
def test_column_headers_of_a_matrix_look_alike(page, site_url, path):
    """Review: the first column header ('Part of CAF') was set in normal weight, next to a bold 'Sub-elements of
    ISO 11367': the light weight meant for the linked row headers also caught the column header."""
    page.goto(site_url + "nl/" + path, wait_until="networkidle")
    weights = page.eval_on_selector_all("table.portal-crosswalk thead th", "ths => ths.map(t => getComputedStyle(t).fontWeight)")
    assert weights and len(set(weights)) == 1, weights
    rows = page.eval_on_selector_all("table.portal-crosswalk tbody th", "ths => ths.map(t => getComputedStyle(t).fontWeight)")
    assert rows and set(rows) == {"400"}  # row headers are links and stay light
