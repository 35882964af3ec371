"""Issue 16 in Chromium: pages reflow at 320 px, nothing spills out of its column, the catalogue keeps its
filters in the address, practice details read with separators. Screenshots of the four key pages at 390 and
1280 px in both languages go to test-artifacts/ux/ (git-ignored) for a person to look at."""

from __future__ import annotations

import json

import pytest

from .conftest import PROJECT, shared_model
from .test_browser_quality import SAMPLES

pytestmark = pytest.mark.browser

ARTIFACTS = PROJECT / "test-artifacts" / "ux"
KEY_PAGES = {
    "home": "",
    "subelement": "model/7.2.2.4/",
    "catalogue": "practices/",
    "checklist": "checklists/7.2.2/",
    "tasklist": "checklists/",
}


def lang_root(lang: str) -> str:
    return "nl/" if lang == "nl" else ""


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    yield context.new_page()
    context.close()


def test_no_page_type_scrolls_sideways_at_320_px(phone, site_url):
    """WCAG 1.4.10 reflow: one page of every page type (and every prose page) in both languages."""
    wide = []
    for lang, name, path in SAMPLES:
        phone.goto(site_url + lang_root(lang) + path, wait_until="load")
        width = phone.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            wide.append((lang, name, width))
    assert wide == [], wide


OVERFLOW = """() => {
  const column = document.querySelector('.md-content__inner').getBoundingClientRect();
  const out = [];
  for (const el of document.querySelectorAll('.md-content__inner *')) {
    const r = el.getBoundingClientRect();
    if (!r.width || !r.height || el.closest('.md-typeset__scrollwrap, .portal-sr-only, [hidden]')) continue;
    if (r.left < column.left - 1 || r.right > column.right + 1) {
      out.push(el.tagName + '.' + el.className + ' ' + Math.round(r.left) + '-' + Math.round(r.right));
    }
  }
  return [Math.round(column.left), Math.round(column.right), out.slice(0, 10)];
}"""


@pytest.mark.parametrize("path", ["practices/", "checklists/7.2.2/", "checklists/plan/", "nl/practices/", "nl/checklists/"])
def test_nothing_spills_out_of_its_column_at_1280_px(page, site_url, path):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site_url + path, wait_until="load")
    left, right, out = page.evaluate(OVERFLOW)
    assert out == [], (path, left, right)


def test_catalogue_filters_live_in_the_address(page, site_url):
    model = shared_model()
    page.goto(site_url + "practices/", wait_until="load")
    page.select_option("#filter-role", "manager")
    page.select_option("#filter-effort", "low")
    assert "role=manager" in page.url and "effort=low" in page.url
    wanted = sum(1 for p in model.practices.values() if "manager" in p.roles and p.effort == "low")
    assert page.inner_text(".portal-filters__count").startswith(f"{wanted} of {len(model.practices)}")
    linked = page.url
    page.goto(site_url + "nl/practices/", wait_until="load")
    page.goto(linked, wait_until="load")  # the address alone restores the same list
    assert page.input_value("#filter-role") == "manager" and page.input_value("#filter-effort") == "low"
    assert page.locator(".portal-practice-list li:not([hidden])").count() == wanted
    page.click("[data-portal-filters] button[type=reset]")
    page.wait_for_function("!location.search")
    assert page.locator(".portal-practice-list li:not([hidden])").count() == len(model.practices)
    assert page.is_hidden("[data-portal-filters] button[type=reset]")


def test_catalogue_filters_fold_away_on_a_phone(phone, site_url):
    phone.goto(site_url + "practices/", wait_until="load")
    assert phone.is_visible(".portal-filters__count") and phone.is_hidden("#filter-element")
    phone.click(".portal-filters__title")
    assert phone.is_visible("#filter-element")
    phone.goto(site_url + "practices/?element=7.2.2", wait_until="load")
    assert phone.is_visible("#filter-element")  # a linked filter is shown, not hidden in a closed panel


@pytest.mark.parametrize(
    "lang,who,effort",
    [
        ("en", "Who: Front-line staff", "Effort: Low effort"),
        ("nl", "Wie: Medewerkers met publiekscontact", "Inspanning: Weinig inspanning"),
    ],
)
def test_practice_details_read_with_separators(page, site_url, lang, who, effort):
    page.goto(site_url + lang_root(lang) + "model/7.2.2.4/", wait_until="load")
    card = " ".join(page.inner_text("#ask-residents-for-personal-feedback ~ .portal-facts").split())
    assert card == f"{who} {effort}"
    page.goto(site_url + lang_root(lang) + "practices/internal-customer-check/", wait_until="load")
    facts = " ".join(page.inner_text(".portal-facts").split())
    assert ", " in facts and ",Q" not in facts and "- " not in facts, facts


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("width", [390, 1280])
def test_screenshots_of_the_key_pages(browser, site_url, lang, width):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": width, "height": 900})
    pg = context.new_page()
    for name, path in KEY_PAGES.items():
        pg.goto(site_url + lang_root(lang) + path, wait_until="load")
        assert pg.evaluate("document.documentElement.scrollWidth") <= width, (lang, name)
        pg.screenshot(path=str(ARTIFACTS / f"{name}-{lang}-{width}.png"), full_page=name != "catalogue")
    context.close()


def test_a_checklist_starts_with_the_questions_on_a_phone(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    pg = context.new_page()
    for lang in ("en", "nl"):
        pg.goto(site_url + lang_root(lang) + "checklists/7.2.2/", wait_until="load")
        first = pg.locator(".portal-cl-sub").first.bounding_box()  # the first sub-element's questions
        assert first["y"] + 100 < 844, (lang, first)  # they start on the first screen (were 1.3 screens down)
        assert pg.is_hidden("[data-action=reset]")  # the tools are one tap away, folded
        pg.click(".portal-cl-privacy > summary")
        danger = pg.eval_on_selector("[data-action=reset]", "b => getComputedStyle(b).color")
        harmless = pg.eval_on_selector("[data-action=print]", "b => getComputedStyle(b).color")
        assert danger == "rgb(176, 0, 32)" and danger != harmless
    context.close()


PLAN_STATE = {
    "schema": 1,
    "updated": "2026-01-05T10:00:00.000Z",
    "subelements": {
        "7.1.3": {"rating": 1, "na": False, "justification": "", "notes": ""},
        "7.2.2.4": {"rating": None, "na": True, "justification": "No public contact of our own.", "notes": ""},
    },
    "expectations": {},
    "plan": ["ask-residents-for-personal-feedback"],
}


@pytest.mark.parametrize(
    "lang,counts",
    [("en", "2 answered · 1 practice picked"), ("nl", "2 beantwoord · 1 werkwijze gekozen")],
)
def test_the_plan_shows_ratings_reasons_and_picks_with_plurals(page, site_url, lang, counts):
    model = shared_model()
    rating = model.ui(lang, "checklists_rating_word") + ": 1"
    na = model.ui(lang, "checklists_col_justification") + ": No public contact of our own."
    page.goto(site_url + lang_root(lang) + "checklists/plan/", wait_until="load")
    state = {**PLAN_STATE, "model_version": model.version}
    page.evaluate("s => localStorage.setItem('portal-assessment', s)", json.dumps(state))
    page.reload(wait_until="load")
    assert page.inner_text(".portal-cl-plan-count") == counts
    accountable = " ".join(page.inner_text("[data-plan-subelement='7.1.3']").split())
    assert rating in accountable
    reasons = " ".join(page.inner_text("[data-plan-subelement='7.2.2.4']").split())
    assert na in reasons and model.texts[lang]["practices"]["ask-residents-for-personal-feedback"]["title"] in reasons


FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  if (!el.dataset.tabStop) el.dataset.tabStop = String(document.querySelectorAll('[data-tab-stop]').length);
  const r = el.getBoundingClientRect(), st = getComputedStyle(el);
  const byId = ids => ids.split(/\\s+/).map(i => (document.getElementById(i) || {}).textContent || '').join(' ');
  const name = (el.getAttribute('aria-label') || (el.getAttribute('aria-labelledby') && byId(el.getAttribute('aria-labelledby')))
    || (el.labels && Array.from(el.labels).map(l => l.textContent).join(' ')) || el.textContent || el.title || el.value || '').trim();
  const seen = r.width >= 2 && r.height >= 2 && st.visibility !== 'hidden' && st.opacity !== '0';
  const what = el.tagName + '#' + el.id + '.' + (typeof el.className === 'string' ? el.className : '');
  return {key: el.dataset.tabStop, what, seen, name: !!name};
}"""


@pytest.mark.parametrize("path", ["", "model/7.2.2.4/", "nl/practices/", "nl/checklists/7.2.2/"])
@pytest.mark.parametrize("width", [390, 1280])
def test_every_tab_stop_is_seen_and_named(browser, site_url, path, width):
    """Walk the page with Tab: every stop has a visible box when focused and an accessible name
    (was: a hidden palette radio and a zero-size 'Initializing search' box on every page, nameless menu toggles)."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    pg = context.new_page()
    pg.goto(site_url + path, wait_until="load")
    bad, seen = [], set()
    for _ in range(600):
        pg.keyboard.press("Tab")
        stop = pg.evaluate(FOCUSED)
        if stop is None or stop["key"] in seen:
            break
        seen.add(stop["key"])
        if not stop["seen"]:  # some boxes fade in when focused (the skip link): look again after the transition
            pg.wait_for_timeout(400)
            stop = pg.evaluate(FOCUSED)
        if not (stop["seen"] and stop["name"]):
            bad.append(stop)
    context.close()
    assert len(seen) > 10 and bad == [], bad


def test_menu_section_toggles_are_named_buttons_that_work_with_enter_and_space(page, site_url):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(site_url + "model/7.2.2.4/", wait_until="load")
    toggle = page.locator("label.md-nav__link[role=button][for]").first
    assert toggle.get_attribute("aria-label")
    box = "#" + toggle.get_attribute("for")
    for key in ("Enter", "Space", "Space"):
        before = page.is_checked(box)
        toggle.focus()
        page.keyboard.press(key)
        assert page.is_checked(box) != before, key
        assert toggle.get_attribute("aria-expanded") == ("true" if not before else "false")
    names = page.eval_on_selector_all("nav.md-nav[data-md-level]", "ns => ns.map(n => n.getAttribute('aria-label'))")
    assert all(names) and len(names) == len(set(names))  # unique landmarks (the model and the checklists both have "7.1 ...")


def test_home_search_box_opens_the_search_with_the_words(page, site_url):
    page.goto(site_url, wait_until="load")
    page.fill("#portal-home-q", "complaint")
    page.press("#portal-home-q", "Enter")
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    assert page.input_value(".md-search__input") == "complaint"


def contrast_on_white(rgb: str) -> float:
    """WCAG contrast of a computed colour (rgb or rgba, blended on white) against white."""
    r, g, b, *a = (float(x) for x in rgb[rgb.index("(") + 1 : -1].split(","))
    alpha = a[0] if a else 1.0
    channels = [(c * alpha + 255 * (1 - alpha)) / 255 for c in (r, g, b)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 1.05 / (0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2] + 0.05)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_expectation_ids_are_quiet_links_to_themselves(browser, site_url, lang):
    """Issue 16: the ID (7.2.2.4-e2) comes last, small and light, as a 24 px link to its own anchor; its copy-link
    button shows on hover or keyboard focus where there is a mouse, always on a touch screen."""
    e = "7.2.2.4-e2"
    url = site_url + lang_root(lang) + "model/7.2.2.4/"
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.goto(url, wait_until="networkidle")
    item, link, copy = f"[id='{e}']", f"[id='{e}'] > a.portal-id", f"[id='{e}'] > .portal-copy"
    classes = pg.eval_on_selector(item, "li => Array.from(li.children).map(c => c.className.split(' ')[0])")
    assert classes == ["portal-source", "portal-id", "portal-copy"]  # where it comes from, the text, then the ID
    assert pg.text_content(link) == e and pg.get_attribute(link, "href") == f"#{e}"
    size, colour = pg.eval_on_selector(link, "a => [parseFloat(getComputedStyle(a).fontSize), getComputedStyle(a).color]")
    assert size < pg.eval_on_selector(item, "li => parseFloat(getComputedStyle(li).fontSize)") and contrast_on_white(colour) >= 4.5
    assert pg.locator(link).bounding_box()["height"] >= 24 and pg.locator(copy).bounding_box()["height"] >= 24
    opacity = lambda: pg.eval_on_selector(copy, "b => getComputedStyle(b).opacity")  # noqa: E731
    pg.mouse.move(5, 5)
    assert opacity() == "0"
    pg.hover(item)
    assert opacity() == "1"
    pg.mouse.move(5, 5)
    pg.focus(link)  # keyboard: the ID, then its copy button
    assert opacity() == "1"
    pg.keyboard.press("Tab")
    assert pg.evaluate("document.activeElement.classList.contains('portal-copy')") and opacity() == "1"
    pg.click(link)
    assert pg.evaluate("location.hash") == f"#{e}"
    pg.emulate_media(media="print")
    assert pg.is_visible(link) and pg.eval_on_selector(link, "a => getComputedStyle(a).opacity") == "1"
    context.close()
    touch = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    pg = touch.new_page()
    pg.goto(url, wait_until="networkidle")
    assert pg.eval_on_selector(copy, "b => getComputedStyle(b).opacity") == "1"
    touch.close()


@pytest.mark.parametrize("path,width", [("nl/", 1280), ("nl/model/7.3.2.2/", 390), ("model/7.3.2.2/", 390)])
def test_the_page_title_has_no_empty_line_under_it(browser, site_url, path, width):
    """Review: the title's own permalink (an invisible pilcrow, a tab stop to a title-derived anchor) wrapped onto a
    line of its own whenever the title filled its last line: 41 px of empty space under the title on the Dutch home
    page at 1280 px and under long titles on a phone. The page's address is under 'Copy link'."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    pg = context.new_page()
    pg.goto(site_url + path, wait_until="load")
    heights = pg.evaluate(
        """() => { const h = document.querySelector('article h1'); const r = document.createRange();
                   r.selectNodeContents(h.firstChild); return [h.getBoundingClientRect().height, r.getBoundingClientRect().height]; }"""
    )
    assert abs(heights[0] - heights[1]) < 12, heights  # the heading is as tall as its words
    assert not pg.locator("article h1 .headerlink").is_visible()
    context.close()
