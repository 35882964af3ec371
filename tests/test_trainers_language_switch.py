"""The language switch keeps the reader's place: the same page, the same #anchor, the catalogue's filters.

A bilingual course links twelve deep places; each is opened in one language and switched to the
other with the header's language menu, in both directions.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

# Twelve places a two-day course links to: every page type that has language-neutral anchors.
COURSE_LINKS = [
    "model/7.3.2.2/#7.3.2.2-e4",  # an expectation
    "model/7.3.2.2/#life-event-journey-map",  # a practice on its sub-element page
    "model/7.3.2/#subelements",  # an element's list of sub-elements
    "model/7.2/#7.2.2",  # an element on its dimension page
    "model/#pyramid",  # the excellence pyramid on the model overview
    "principles/5.2.4/#practices",  # a principle's practices
    "glossary/#co-creation",  # a glossary term
    "checklists/7.3.2/#s-7.3.2.2",  # a sub-element in an element's checklist
    "print/7.3.2/#7.3.2.2-e4",  # an expectation in a handout
    "print/#7.3.2.2",  # a sub-element in the whole-model print view
    "practices/?element=7.3.2&role=front-line#p-life-event-journey-map",  # the filtered catalogue
    "changelog/#release-0-1-0",  # a release
]
PREFIX = {"en": "", "nl": "nl/"}


def switch_language(page, lang: str) -> None:
    """Open the header's language menu with the mouse and choose ``lang``."""
    page.hover(".md-header__option .md-select")
    page.click(f'a.md-select__link[hreflang="{lang}"]')
    page.wait_for_load_state("networkidle")


def place(page) -> dict:
    return page.evaluate(
        """() => ({
          lang: document.documentElement.lang,
          path: location.pathname, search: location.search, hash: location.hash,
          found: !!document.getElementById(decodeURIComponent(location.hash.slice(1))),
          filters: Array.from(document.querySelectorAll('select[data-filter]')).filter(s => s.value).map(s => s.name + '=' + s.value),
        })"""
    )


@pytest.mark.parametrize("start,other", [("en", "nl"), ("nl", "en")])
def test_language_switch_keeps_anchor_and_filters_on_twelve_course_links(page, site_url, start, other):
    kept = []
    for link in COURSE_LINKS:
        path, _, frag = link.partition("#")
        page.goto(site_url + PREFIX[start] + link, wait_until="networkidle")
        before = place(page)
        assert before["found"], f"{PREFIX[start]}{link}: the anchor is missing before switching"
        switch_language(page, other)
        after = place(page)
        assert after["lang"] == other, link
        assert page.url == site_url + PREFIX[other] + link, f"{PREFIX[start]}{link} switched to {page.url}"
        assert after["found"], f"{page.url}: no element with id {frag}"
        assert after["filters"] == before["filters"], link
        kept.append(page.url)
    assert len(kept) == 12
    print(f"\n{start} -> {other}: " + "\n".join(kept))


def test_language_switch_follows_the_anchor_and_filters_chosen_after_loading(page, site_url):
    page.goto(site_url + "model/7.3.2.2/", wait_until="networkidle")
    page.click('article a[href="#7.3.2.2-e4"], .md-sidebar--secondary a[href="#practices"]')
    frag = page.evaluate("location.hash")
    assert frag in ("#7.3.2.2-e4", "#practices")
    switch_language(page, "nl")
    assert page.url == site_url + "nl/model/7.3.2.2/" + frag

    page.goto(site_url + "nl/practices/", wait_until="networkidle")
    page.select_option("#filter-role", "front-line")
    assert page.evaluate("location.search") == "?role=front-line"
    count = page.text_content(".portal-filters__count")
    switch_language(page, "en")
    assert page.url == site_url + "practices/?role=front-line"
    assert page.input_value("#filter-role") == "front-line"
    assert page.evaluate("document.querySelectorAll('.portal-practice-list li:not([hidden])').length") == int(count.split()[0])
    page.go_back()  # the Dutch catalogue still has the filter it was left with
    page.wait_for_load_state("networkidle")
    assert page.input_value("#filter-role") == "front-line"


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_short_links_for_slides_land_on_the_item(page, site_url, lang):
    for short, target in [("7.3.2.2", "model/7.3.2.2/"), ("7.3.2.2-e4", "model/7.3.2.2/#7.3.2.2-e4"), ("5.2.4", "principles/5.2.4/")]:
        page.goto(f"{site_url}{PREFIX[lang]}{short}/")
        page.wait_for_url(f"{site_url}{PREFIX[lang]}{target}")
        assert page.evaluate("document.documentElement.lang") == lang
