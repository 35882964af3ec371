"""One URL scheme: the first configured language sits at the site root, whichever language that is.

A fork may put Dutch first (``languages: [nl, en]`` in local/portal.yml). Every published URL, short URL,
catalogue URL and download link of both languages must then point at a page that exists.
"""

from __future__ import annotations

import json
import posixpath

import pytest

from macros.cli.build import build_site
from macros.load.loader import load_model
from macros.urls import published
from macros.urls.site import Site

from .conftest import make_project
from .html_tools import parse

LANGS = ["nl", "en"]


@pytest.fixture(scope="module")
def dutch_first(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("dutch-first") / "project")
    (project / "local").mkdir()
    (project / "local" / "portal.yml").write_text("languages: [nl, en]\n", encoding="utf-8")
    return project, build_site(project / "mkdocs.yml")


def _exists(site, url_path: str) -> bool:
    path = url_path.split("#")[0].lstrip("/")
    return (site / path / "index.html").is_file() or (site / path).is_file()


def test_dutch_is_at_the_root_and_english_below_it(dutch_first):
    _project, site = dutch_first
    assert parse(site / "index.html").lang == "nl"
    assert parse(site / "en" / "index.html").lang == "en"
    assert not (site / "nl").exists()


def test_every_published_url_of_both_languages_works(dutch_first):
    project, site = dutch_first
    model = load_model(project / "model")
    urls = sorted(published.current(model, LANGS, project / "docs" / "en"))
    assert any(u.startswith("/en/") for u in urls) and not any(u.startswith("/nl/") for u in urls)
    assert published.unresolved(site, list(enumerate(urls, start=1)), LANGS) == []


def test_item_urls_and_short_urls_follow_the_configured_root(dutch_first):
    project, site = dutch_first
    s = Site(load_model(project / "model"), tuple(LANGS))
    assert s.url("subelement", "7.1.1.a", "nl") == "/model/7.1.1.a/"
    assert s.url("subelement", "7.1.1.a", "en") == "/en/model/7.1.1.a/"
    for lang, root in (("nl", site), ("en", site / "en")):
        index = json.loads((root / "assets" / "item-ids.json").read_text(encoding="utf-8"))
        missing = [e["url"] for e in index.values() if not _exists(root, e["url"])]
        assert missing == [], (lang, missing[:5])


def test_catalogue_urls_point_at_real_pages(dutch_first):
    _project, site = dutch_first
    data = json.loads((site / "downloads" / "catalogue.json").read_text(encoding="utf-8"))
    assert data["languages"][:1] == ["en"]  # the source language first, wherever it is served
    urls = [
        u
        for kind in ("dimensions", "elements", "subelements", "expectations", "principles", "practices")
        for item in data[kind]
        for u in item["url"].values()
    ]
    assert urls and [u for u in urls if not _exists(site, u)] == []
    assert any(u.startswith("/en/") for u in urls) and not any(u.startswith("/nl/") for u in urls)


def test_download_links_stay_inside_the_site(dutch_first):
    _project, site = dutch_first
    for root, prefix in ((site, ""), (site / "en", "en/")):
        page = parse(root / "downloads" / "index.html")
        targets = [h for h, _a in page.links if "downloads/" in h and "." in h.rsplit("/", 1)[-1] and not h.startswith(("http", "#"))]
        assert len(targets) >= 8, targets
        for href in targets:
            resolved = posixpath.normpath(posixpath.join("/" + prefix + "downloads/", href))
            assert not resolved.startswith("/.."), href
            assert (site / resolved.lstrip("/")).is_file(), (prefix, href, resolved)
