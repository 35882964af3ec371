"""Quality gate in a real browser: accessibility (axe), no outside requests, keyboard use."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from macros.urls import scheme

from .browser import run_axe
from .conftest import PROJECT, shared_model

pytestmark = pytest.mark.browser


def page_type_samples() -> list[tuple[str, str]]:
    """One page of every generated page type plus every hand-written page, in each language.

    Derived from the page-type registry and docs/, so a new page type is checked without editing this list.
    """
    model = shared_model()
    samples = []
    for page_type in scheme.PAGES:
        first = next(iter(page_type.ids(model)), None)
        if first is None:  # a page type this portal has no page of (the fork-changes page exists in a fork only)
            continue
        samples.append((page_type.name, page_type.src(first).replace("index.md", "")))
    for doc in sorted((PROJECT / "docs" / "en").rglob("*.md")):
        rel = doc.relative_to(PROJECT / "docs" / "en").as_posix()
        samples.append((f"prose:{rel}", "" if rel == "index.md" else rel.replace("index.md", "").replace(".md", "/")))
    return [(lang, name, path) for lang in ("en", "nl") for name, path in samples]


SAMPLES = page_type_samples()


@pytest.mark.parametrize("lang,name,path", SAMPLES, ids=[f"{lang}-{name}" for lang, name, _ in SAMPLES])
def test_axe_finds_no_wcag_violations_and_no_outside_requests(page, site_url, lang, name, path):
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    url = site_url + ("nl/" if lang == "nl" else "") + path
    response = page.goto(url, wait_until="networkidle")
    assert response.status == 200, url
    assert page.evaluate("document.documentElement.lang") == lang
    violations = run_axe(page)
    assert violations == [], f"{url}: {violations}"
    hosts = {urlparse(u).netloc for u in requests if urlparse(u).scheme in ("http", "https")}
    assert hosts == {urlparse(site_url).netloc}, f"{url} asked other hosts: {hosts}"
