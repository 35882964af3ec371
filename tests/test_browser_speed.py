"""Issue 16, speed in Chromium: what Lighthouse measures on a phone, held where it is stable.

Nothing moves once the page is shown (cumulative layout shift, measured by the browser itself at 390 px on the
eight page types of bench/lighthouse_bench.py, both languages). Timings are not asserted: this machine is shared.
"""

from __future__ import annotations

import pytest

from bench.lighthouse_bench import PAGES  # the eight page types Lighthouse measures

pytestmark = pytest.mark.browser

# Every layout shift since the page started loading (buffered), with the nodes that moved.
LAYOUT_SHIFTS = """() => new Promise(done => {
  const shifts = [];
  new PerformanceObserver(list => {
    for (const e of list.getEntries()) {
      if (e.hadRecentInput) continue;
      shifts.push([e.value, e.sources.map(s => s.node ? s.node.nodeName + '.' + (s.node.className || '') : '?')]);
    }
  }).observe({type: 'layout-shift', buffered: true});
  setTimeout(() => done(shifts), 1000);
})"""


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 800})
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_nothing_moves_once_shown_at_390_px(phone, site_url, lang):
    """Scripts enhance what is already laid out: nothing is inserted above the content once it is painted
    (the share bar, the catalogue's filters and the checklist tools used to push it down: CLS 0.04-0.14)."""
    moved = {}
    for name, path in PAGES.items():
        phone.goto(site_url + ("nl/" if lang == "nl" else "") + path, wait_until="load")
        shifts = phone.evaluate(LAYOUT_SHIFTS)
        total = sum(value for value, _ in shifts)
        if total >= 0.01:
            moved[name] = (round(total, 3), [nodes for _, nodes in shifts])
    assert moved == {}, moved


def test_the_search_worker_and_index_load_only_when_search_is_used(phone, site_url):
    """The theme starts its search worker (a 38 KiB script) and fetches the index (over 1 MB) at startup; here
    both wait until someone opens the search, and the search then works as before."""
    asked = []
    phone.on("request", lambda r: asked.append(r.url))
    for path in ("model/7.2.2.4/", "nl/practices/"):
        phone.goto(site_url + path, wait_until="networkidle")
        phone.wait_for_timeout(300)
        early = [u for u in asked if "/workers/search." in u or u.endswith("/search_index.json")]
        assert early == [], early
    phone.click("label.md-header__button[for=__search]")
    phone.keyboard.type("klacht")
    phone.wait_for_selector(".md-search-result__item", timeout=20000)
    assert any("/workers/search." in u for u in asked) and any(u.endswith("/nl/search/search_index.json") for u in asked)
