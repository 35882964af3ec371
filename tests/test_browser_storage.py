"""Checklist storage is honest (issue 14): an import is refused before reading when too big, never replaces
saved answers without a match and the reader's consent, and a save the browser refused is always reported,
never followed by "loaded" or "saved". Runs on the small fixture site in headless Chromium."""

from __future__ import annotations

import json
import time

import pytest

from macros.model.assessment import STORAGE_KEY

from .browser import serve

pytestmark = pytest.mark.browser

# Storage.setItem throws QuotaExceededError while window.__full is set, as a full browser storage does.
FULL_STORAGE = """
const realSetItem = Storage.prototype.setItem;
Storage.prototype.setItem = function (k, v) {
  if (window.__full) { throw new DOMException('quota', 'QuotaExceededError'); }
  return realSetItem.call(this, k, v);
};
"""


def assessment(version: str = "1.2.3", ticks: tuple[str, ...] = ("7.1.1.a-e1",), note: str = "kept") -> dict:
    return {
        "schema": 1,
        "model_version": version,
        "updated": "2026-01-01T00:00:00.000Z",
        "subelements": {"7.1.1.a": {"rating": 2, "na": False, "justification": "", "notes": note}},
        "expectations": {t: True for t in ticks},
        "plan": [],
    }


@pytest.fixture(scope="module")
def checklist_url(fixture_site):
    server, url = serve(fixture_site)
    yield url + "checklists/7.1.1/"  # an element's checklist: the whole-model page is a task list (issue 16)
    server.shutdown()


@pytest.fixture
def tab(browser, checklist_url):
    context = browser.new_context()
    context.add_init_script(FULL_STORAGE)
    page = context.new_page()
    page.goto(checklist_url, wait_until="networkidle")
    yield page
    context.close()


def stored(page) -> dict | None:
    return page.evaluate(f"JSON.parse(localStorage.getItem('{STORAGE_KEY}'))")


def status(page) -> str:
    return page.inner_text("[data-portal-status]")


def is_error(page) -> bool:
    return "portal-cl-status--error" in (page.get_attribute("[data-portal-status]", "class") or "")


def save(page, data: dict) -> None:
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [STORAGE_KEY, json.dumps(data)])
    page.reload(wait_until="networkidle")


def load_file(page, name: str, content: str | bytes) -> None:
    body = content.encode() if isinstance(content, str) else content
    page.evaluate("document.querySelector('[data-portal-status]').textContent = ''")
    page.set_input_files("#portal-cl-import", files=[{"name": name, "mimeType": "application/json", "buffer": body}])
    page.wait_for_function("document.querySelector('[data-portal-status]').textContent !== ''")


def test_a_file_over_2_mb_is_refused_unread(tab):
    save(tab, assessment())
    load_file(tab, "huge.json", b"{" + b" " * (3 * 1024 * 1024) + b"}")
    assert status(tab).startswith("huge.json was not loaded: it is larger than 2 MB") and is_error(tab)
    assert stored(tab)["expectations"] == {"7.1.1.a-e1": True}


def test_a_refused_save_is_reported_and_never_called_loaded_or_saved(tab):
    save(tab, assessment())
    before = stored(tab)
    tab.evaluate("window.__full = true")
    tab.once("dialog", lambda d: d.accept())
    load_file(tab, "other.json", json.dumps(assessment(ticks=("7.1.1.a-e2",), note="x" * 200_000)))
    assert status(tab).startswith("other.json was not loaded: this browser could not save it") and is_error(tab)
    assert "loaded from" not in status(tab)
    assert stored(tab) == before
    assert tab.is_checked("[data-expectation][value='7.1.1.a-e1']") and not tab.is_checked("[data-expectation][value='7.1.1.a-e2']")
    tab.check("[data-expectation][value='7.1.1.b-e1']")  # a change while storage is full: reported, not "Saved"
    assert status(tab).startswith("Your answers could not be saved in this browser") and is_error(tab)
    assert stored(tab) == before
    tab.evaluate("window.__full = false")
    tab.uncheck("[data-expectation][value='7.1.1.b-e1']")
    assert status(tab) == "Saved in this browser." and not is_error(tab)


def test_an_import_replaces_saved_answers_only_after_confirming(tab):
    save(tab, assessment())
    tab.once("dialog", lambda d: d.dismiss())
    load_file(tab, "theirs.json", json.dumps(assessment(ticks=("7.1.1.a-e2",))))
    assert status(tab) == "Nothing was loaded: your answers are as they were."
    assert stored(tab)["expectations"] == {"7.1.1.a-e1": True}
    asked: list[str] = []
    tab.once("dialog", lambda d: (asked.append(d.message), d.accept()))
    load_file(tab, "theirs.json", json.dumps(assessment(ticks=("7.1.1.a-e2",))))
    assert "with the 2 answers in theirs.json" in asked[0]
    assert status(tab) == "Assessment loaded from theirs.json." and stored(tab)["expectations"] == {"7.1.1.a-e2": True}


def test_junk_keys_never_replace_answers_and_stay_quick(tab):
    save(tab, assessment())
    before = stored(tab)
    junk = {f"junk-{i:06d}": True for i in range(60_000)}  # about 1.2 MB: under the size limit
    current = {**assessment(), "expectations": junk}
    started = time.monotonic()
    load_file(tab, "junk.json", json.dumps(current))
    assert time.monotonic() - started < 5
    assert status(tab).startswith("junk.json names IDs this model does not have: junk-000000") and "and 59990 more" in status(tab)
    assert len(status(tab)) < 400 and stored(tab) == before
    older = {**assessment(version="0.0.1"), "subelements": {}, "expectations": junk}  # an old file: unknown IDs dropped, nothing left
    load_file(tab, "old-junk.json", json.dumps(older))
    assert status(tab) == "old-junk.json has no answers for this model. Nothing was changed." and is_error(tab)
    assert stored(tab) == before
