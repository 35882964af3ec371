"""Navigation, language switch and search work with the keyboard alone, with visible focus."""

from __future__ import annotations

import pytest

from .browser import run_axe
from .conftest import shared_model

pytestmark = pytest.mark.browser

FOCUS = """() => { const e = document.activeElement; const s = getComputedStyle(e);
  return {tag: e.tagName, cls: e.className, href: e.getAttribute('href'), hreflang: e.getAttribute('hreflang'),
          visible: e.getBoundingClientRect().width > 0, outline: s.outlineStyle, width: parseFloat(s.outlineWidth)} }"""


def tab_until(page, wanted, limit=60) -> list[dict]:
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        info = page.evaluate(FOCUS)
        seen.append(info)
        if wanted(info):
            return seen
    raise AssertionError(f"never reached the target with Tab; focus went through {[(s['tag'], s['href']) for s in seen]}")


def assert_focus_visible(seen):
    for info in seen:
        if info["visible"] and info["tag"] in ("A", "BUTTON", "INPUT"):
            assert info["outline"] != "none" and info["width"] >= 2, info


@pytest.fixture(scope="module")
def model():
    return shared_model()


def test_main_navigation_by_keyboard(page, site_url, model):
    first, second = list(model.subelements)[:2]
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{site_url}model/{first}/", wait_until="networkidle")
    seen = tab_until(page, lambda i: "md-nav__link" in (i["cls"] or "") and i["href"] == f"../{second}/")
    assert_focus_visible(seen)
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/model/{second}/")


def test_language_switch_by_keyboard(page, site_url, model):
    sub = list(model.subelements)[3]
    page.goto(f"{site_url}model/{sub}/", wait_until="networkidle")
    seen = tab_until(page, lambda i: i["hreflang"] == "nl")
    assert_focus_visible(seen)
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/nl/model/{sub}/")
    assert page.evaluate("document.documentElement.lang") == "nl"


def test_search_by_keyboard_finds_dutch_text_on_dutch_pages(page, site_url, model):
    target = list(model.subelements)[5]
    word = max(model.texts["nl"]["subelements"][target]["title"].split(), key=len).strip(",.")
    page.goto(f"{site_url}nl/", wait_until="networkidle")
    page.keyboard.press("s")
    assert "md-search__input" in page.evaluate("document.activeElement.className")
    page.keyboard.type(word, delay=20)
    page.wait_for_selector(".md-search-result__link")
    links = page.eval_on_selector_all(".md-search-result__link", "els => els.map(e => e.href)")
    assert links and all("/nl/" in link for link in links), links
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: url == links[0])
    page.wait_for_load_state()
    assert page.evaluate("document.documentElement.lang") == "nl"


@pytest.mark.parametrize("prefix", ["", "nl/"])
def test_the_menu_on_a_phone_is_a_button_and_hides_from_tab_while_closed(page, site_url, prefix):
    """Review: at 390 px the menu button was no tab stop, and Tab went on from the search box into the closed,
    off-screen menu (its links at x = -234 px): focus vanished for every link of the open branch."""
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{site_url}{prefix}model/7.3.2.2/", wait_until="networkidle")
    where = """(() => { const e = document.activeElement;
      return [!!e.closest('.md-sidebar--primary'), e.getBoundingClientRect().left, e.matches('label[for=__drawer]')]; })()"""
    seen = []
    for _ in range(8):
        page.keyboard.press("Tab")
        seen.append(page.evaluate(where))
    assert not [s for s in seen if s[0]], seen  # nothing inside the closed menu
    assert [s for s in seen if s[2]], seen  # the menu button is a tab stop
    toggle = page.locator("label.md-header__button[for=__drawer]")
    assert toggle.get_attribute("role") == "button" and toggle.get_attribute("aria-label")
    assert toggle.get_attribute("aria-expanded") == "false"
    toggle.focus()
    page.keyboard.press("Space")
    page.wait_for_timeout(400)  # the menu slides in
    assert toggle.get_attribute("aria-expanded") == "true"
    inside, left, _ = page.evaluate(where)
    assert inside and left >= 0  # focus moved into the open menu, on screen, on a link that is not covered
    on_top = """(() => { const e = document.activeElement, r = e.getBoundingClientRect();
                           return e.contains(document.elementFromPoint(r.left + 4, r.top + r.height / 2)); })()"""
    assert page.evaluate(on_top)
    assert_focus_visible([page.evaluate(FOCUS)])
    assert run_axe(page) == []  # the open menu too (its level titles were light grey on grey)
    # the open level's title goes back up a level by keyboard, and focus lands on the toggle that opened it
    back = page.evaluate("""(() => [...document.querySelectorAll('.md-sidebar--primary label.md-nav__title[role=button]')]
        .filter(t => { const r = t.getBoundingClientRect(); const e = document.elementFromPoint(r.left + 4, r.top + r.height / 2);
                       return r.width > 0 && e && t.contains(e); })
        .map(t => t.getAttribute('for')))()""")
    assert len(back) == 1, back
    title = page.locator(f".md-sidebar--primary label.md-nav__title[for='{back[0]}']")
    assert title.get_attribute("aria-label") and title.get_attribute("aria-expanded") == "true"
    title.focus()
    page.keyboard.press("Enter")
    page.wait_for_timeout(500)
    assert title.get_attribute("aria-expanded") == "false"
    assert page.evaluate(f"document.activeElement.matches(\"label.md-nav__link[for='{back[0]}']\")") and page.evaluate(on_top)
    page.keyboard.press("Space")  # and down again with the toggle
    page.wait_for_timeout(500)
    assert title.get_attribute("aria-expanded") == "true"
    for _ in range(30):  # every stop in the open menu is a link one can see, not one under the level on top
        if not page.evaluate(where)[0]:
            break
        assert page.evaluate(on_top), page.evaluate("document.activeElement.textContent")
        page.keyboard.press("Tab")
    assert toggle.get_attribute("aria-expanded") == "false"  # Tab past its last link closes the menu
    page.focus("label.md-header__button[for=__drawer]")
    page.keyboard.press("Space")
    page.wait_for_timeout(400)
    page.keyboard.press("Escape")
    page.wait_for_timeout(400)
    assert toggle.get_attribute("aria-expanded") == "false" and page.evaluate(where)[2]  # closed, focus back on the button
    page.keyboard.press("Enter")
    page.wait_for_timeout(400)
    assert toggle.get_attribute("aria-expanded") == "true"
