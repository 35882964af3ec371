"""Glossary in a real browser: inline definitions by keyboard and screen reader, and the sortable term lookup."""

from __future__ import annotations

import pytest

from .browser import run_axe
from .conftest import shared_model

pytestmark = pytest.mark.browser

MODEL = shared_model()
ACTIVE = "() => { const e = document.activeElement; return {cls: e.className, href: e.getAttribute('href')}; }"
# What a screen reader announces as the link's description: the text of the elements aria-describedby names.
DESCRIPTION = """() => { const e = document.activeElement;
  return (e.getAttribute('aria-describedby') || '').split(' ').map(i => document.getElementById(i).textContent).join(' '); }"""


@pytest.mark.parametrize("lang,path", [("en", "model/7.3.2.5/"), ("nl", "nl/model/7.3.2.5/")])
def test_keyboard_reaches_a_term_and_its_definition_shows_and_is_announced(page, site_url, lang, path):
    page.goto(site_url + path, wait_until="networkidle")
    for _ in range(200):
        page.keyboard.press("Tab")
        if "portal-term__link" in page.evaluate(ACTIVE)["cls"]:
            break
    else:
        raise AssertionError("no inline definition is reachable with Tab")
    term_id = page.evaluate(ACTIVE)["href"].rsplit("#", 1)[1]
    definition = MODEL.texts[lang]["terms"][term_id]["definition"]
    assert page.evaluate(DESCRIPTION) == definition
    tip = page.locator(f"#portal-term-{term_id}")
    assert tip.is_visible()  # on focus, not only on hover
    assert run_axe(page) == []  # with the definition open
    page.keyboard.press("Escape")
    assert not tip.is_visible()  # dismissible without moving focus (WCAG 1.4.13)
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    assert tip.is_visible()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.split("#")[0].endswith(("/glossary/", "/nl/glossary/")) and page.url.endswith(f"#{term_id}")


def test_hovering_a_term_shows_its_definition(page, site_url):
    page.goto(site_url + "model/7.3.2.5/", wait_until="networkidle")
    link = page.locator(".portal-term__link").first
    tip = page.locator(".portal-term__tip").first
    assert not tip.is_visible()
    link.hover()
    assert tip.is_visible()
    tip.hover()  # the pointer can move onto the definition without it vanishing
    assert tip.is_visible()


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_lookup_table_sorts_by_either_language_with_buttons(page, site_url, lang):
    page.goto(site_url + ("nl/" if lang == "nl" else "") + "glossary/lookup/", wait_until="networkidle")
    heads = page.locator("table.portal-lookup thead th")
    assert heads.count() == 3
    sorted_by = """(col) => { const cells = [...document.querySelectorAll('table.portal-lookup tbody tr')]
        .map(r => r.cells[col].textContent.replace(/^[("'\\u2018\\u201c-]+/, '').trim());
      const lang = document.querySelectorAll('table.portal-lookup thead th')[col].getAttribute('lang');
      const cmp = (a, b) => a.localeCompare(b, lang, {sensitivity: 'base'});
      return {asc: cells.every((c, i) => i === 0 || cmp(cells[i - 1], c) <= 0),
              desc: cells.every((c, i) => i === 0 || cmp(cells[i - 1], c) >= 0), n: cells.length}; }"""
    for col, other in ((0, 1), (1, 0)):
        button = heads.nth(col).get_by_role("button")
        if heads.nth(col).get_attribute("aria-sort") == "ascending":
            button.click()  # the page language's column starts ascending: one click turns it round
            assert heads.nth(col).get_attribute("aria-sort") == "descending" and page.evaluate(sorted_by, col)["desc"]
        button.focus()
        page.keyboard.press("Enter")
        result = page.evaluate(sorted_by, col)
        assert heads.nth(col).get_attribute("aria-sort") == "ascending" and result["asc"], (lang, col)
        assert heads.nth(other).get_attribute("aria-sort") is None
        assert result["n"] == len(MODEL.terms)
    assert run_axe(page) == []
