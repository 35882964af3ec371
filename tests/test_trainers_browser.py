"""Trainers' tools in Chromium: copy link and cite this (clipboard content asserted), print CSS, search by ID."""

from __future__ import annotations

import datetime
import functools

import pytest

from .conftest import shared_model
from .test_trainers_exports import configured_site_url

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def model():
    return shared_model()


@pytest.fixture
def clip_page(browser, site_url):
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    pg = context.new_page()
    yield pg
    context.close()


def clipboard(page) -> str:
    return page.evaluate("navigator.clipboard.readText()")


def status(page) -> str:
    return page.text_content("[role=status].portal-status")


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_copy_link_buttons_copy_the_item_url_and_announce_it(clip_page, site_url, model, lang):
    page, sub = clip_page, "7.2.2.4"
    prefix = "nl/" if lang == "nl" else ""
    url = f"{site_url}{prefix}model/{sub}/"
    page.goto(url, wait_until="networkidle")
    page.get_by_role("button", name=model.ui(lang, "trainers_copy_link"), exact=True).click()
    assert clipboard(page) == url
    assert status(page) == model.ui(lang, "trainers_copied").format(url=url)

    expectation = model.subelements[sub].expectation_ids[1]
    button = page.locator(f'[id="{expectation}"] .portal-copy')
    assert button.get_attribute("aria-label") == model.ui(lang, "trainers_copy_link_to").format(label=expectation)
    button.focus()  # keyboard: Enter on the focused button
    page.keyboard.press("Enter")
    page.wait_for_function("u => document.querySelector('.portal-status').textContent.includes(u)", arg=f"#{expectation}")
    assert clipboard(page) == f"{url}#{expectation}"

    practice = model.practices_for(sub)[0].id
    page.locator(f'h3[id="{practice}"] .portal-copy').focus()
    page.keyboard.press("Space")
    page.wait_for_function("u => document.querySelector('.portal-status').textContent.includes(u)", arg=f"#{practice}")
    assert clipboard(page) == f"{url}#{practice}"


@pytest.mark.parametrize(
    "lang,path,kind", [("en", "model/7.2.2.4/", "clause"), ("nl", "model/7.2.2.4/", "clause"), ("en", "practices/{p}/", "practice")]
)
def test_cite_this_copies_title_clause_portal_version_url_and_date(clip_page, site_url, model, lang, path, kind):
    page = clip_page
    practice = next(iter(model.practices))
    url = site_url + ("nl/" if lang == "nl" else "") + path.format(p=practice)
    page.goto(url, wait_until="networkidle")
    toggle = page.get_by_role("button", name=model.ui(lang, "trainers_cite_title"))
    assert toggle.get_attribute("aria-expanded") == "false"
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    page.get_by_role("button", name=model.ui(lang, "trainers_cite_copy")).click()
    page.wait_for_function("() => document.querySelector('.portal-status').textContent !== ''")
    assert status(page) == model.ui(lang, "trainers_cite_copied")
    cite = clipboard(page)
    ui = functools.partial(model.ui, lang)
    if kind == "clause":  # the clause's own title (the standard's wording), the portal's own marked as such
        official = model.texts["en"]["subelements"]["7.2.2.4"]["title"]
        clause = f"{model.standard}, {ui('trainers_clause').format(id='7.2.2.4')} {ui('trainers_cite_clause_title').format(title=official)}"
        own = model.texts[lang]["subelements"]["7.2.2.4"]["title"]
        if own != official:
            clause += f" ({ui('trainers_cite_portal_title').format(title=own)})"
        assert cite.startswith(clause + ". ")
    else:
        assert cite.startswith(model.texts[lang]["practices"][practice]["title"] + ". ")
        assert f"{ui('trainers_id')} {practice}." in cite
    release = next(r for r in model.releases if r.version == model.version)
    portal = ui("trainers_cite_in").format(site=ui("site_name"))
    version = ui("trainers_cite_version").format(version=model.version)
    released = ui("trainers_cite_released").format(date=release.date)
    publisher = ui("trainers_cite_publisher").format(publisher=ui("trainers_publisher_default"))
    assert f"{portal}, {version}, {released}. {publisher}. " in cite
    today = datetime.date.today().isoformat()
    canonical = url.replace(site_url.rstrip("/"), configured_site_url())
    assert cite.endswith(f"{canonical} ({ui('trainers_cite_accessed').format(date=today)}).")
    assert page.text_content(".portal-cite__text") == cite


HIDDEN_IN_PRINT = [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".portal-share", ".portal-copy"]


def _display(page, selector: str) -> str:
    return page.eval_on_selector(selector, "e => getComputedStyle(e).display")


@pytest.mark.parametrize("path", ["model/7.2.2/", "print/7.2.2/", "nl/print/"])
def test_print_css_hides_navigation_and_prints_short_urls(page, site_url, path):
    page.goto(site_url + path, wait_until="networkidle")
    assert all(_display(page, s) != "none" for s in HIDDEN_IN_PRINT[:2]), "navigation shows on screen"
    assert _display(page, ".portal-print-source") == "none"
    page.emulate_media(media="print")
    shown = {s: _display(page, s) for s in HIDDEN_IN_PRINT}
    assert set(shown.values()) == {"none"}, shown
    source = page.text_content(".portal-print-source")
    assert _display(page, ".portal-print-source") == "block" and source.endswith("/" + path)
    root = configured_site_url()  # paper carries the configured address, not where this copy is served
    assert source.endswith(f"{root}/{path}")
    if path == "model/7.2.2/":  # an element page: the full address of each internal link is printed after it
        after = page.eval_on_selector('article a[href="../7.2/"]', "a => getComputedStyle(a, '::after').content")
        assert after == f'" ({root}/model/7.2/)"'
    else:  # print view and handouts print their full addresses in the text
        assert f"{root}/{path.split('print/')[0]}model/7.2.2.2/" in page.text_content("article")


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_search_by_id_lands_on_the_item(page, site_url, model, lang):
    prefix = "nl/" if lang == "nl" else ""
    practice = list(model.practices)[len(model.practices) // 2]
    expectation = list(model.expectations)[7]
    sub = model.expectations[expectation]
    cases = [("7.2.2.4", "model/7.2.2.4/"), (practice, f"practices/{practice}/"), (expectation, f"model/{sub}/#{expectation}")]
    for query, target in cases:
        page.goto(site_url + prefix, wait_until="networkidle")
        page.keyboard.press("s")
        page.keyboard.type(query, delay=15)
        if query == "7.2.2.4":  # the search engine itself ranks the clause's page first
            page.wait_for_selector(".md-search-result__link")
            first = page.eval_on_selector(".md-search-result__link", "a => a.href")
            assert first.split("?")[0] == site_url + prefix + target
        page.wait_for_selector(".portal-id-hit:not([hidden])")
        page.keyboard.press("Enter")
        page.wait_for_url(site_url + prefix + target)
        assert page.evaluate("document.documentElement.lang") == lang


@pytest.mark.parametrize("prefix", ["", "nl/"])
def test_the_not_found_page_runs_the_trainers_script_without_an_error(page, site_url, prefix):
    """Review: the English 404 page's root is "/", and "/" + "/" is no address ("//" names a host): trainers.js
    stopped with a TypeError, so every mistyped course link ended on a page with a script error."""
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{site_url}{prefix}404.html", wait_until="networkidle")
    assert errors == []
    page.emulate_media(media="print")  # the script ran on: the page's address for paper is there, under site_url
    assert page.text_content(".portal-print-source").endswith(f"{configured_site_url()}/{prefix}404.html")


def test_a_printed_sub_element_page_keeps_each_practice_card_whole_and_term_links_quiet(page, site_url):
    """Review: printed to A4, a sub-element page split its first practice card over two pages (the link alone on
    page 2), and every glossary term in the running text got its full address printed after it."""
    page.goto(site_url + "nl/model/7.3.2.2/", wait_until="networkidle")
    page.emulate_media(media="print")
    breaks = page.eval_on_selector_all("article .portal-card", "cs => cs.map(c => getComputedStyle(c).breakInside)")
    assert breaks and set(breaks) == {"avoid"}
    terms = page.eval_on_selector_all("article a.portal-term__link", "as => as.map(a => getComputedStyle(a, '::after').content)")
    assert terms and set(terms) == {"none"}
    more = page.eval_on_selector("article .portal-card__more a", "a => getComputedStyle(a, '::after').content")
    assert "/nl/practices/" in more  # links a reader follows still print their address
