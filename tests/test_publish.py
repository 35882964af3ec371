"""Releases as frozen copies: `python -m macros publish` twice (1.2.3, then 1.2.4) on the fixture portal.

A link into the first release must keep showing what it showed after the second is published; the newest is
the default (/latest/ and the root), versions.json lists both (mike's layout), and the selector moves between
them on the same page in every language.
"""

from __future__ import annotations

import json
import re

import pytest

from macros.cli.build import BuildFailed
from macros.cli.publish import publish

from .conftest import edit_yaml, make_project
from .html_tools import page_file
from .test_trainers_exports import configured_site_url


@pytest.fixture(scope="module")
def releases(tmp_path_factory) -> dict:
    project = make_project(tmp_path_factory.mktemp("publish") / "project")
    dest = project.parent / "published"
    publish(project / "mkdocs.yml", dest)  # the model's version: 1.2.3
    old_nl = page_file(dest / "1.2.3", "nl", "model/7.1/index.md").read_bytes()
    old_en = page_file(dest / "1.2.3", "en", "model/7.1/index.md").read_bytes()
    edit_yaml(project / "model" / "model.yml", lambda s: s.replace("version: 1.2.3", "version: 1.2.4"))
    edit_yaml(project / "model" / "text" / "en" / "model.yml", lambda s: s.replace("Dim71 title EN", "Dim71 title EN renamed"))
    publish(project / "mkdocs.yml", dest)
    return {"project": project, "dest": dest, "old_nl": old_nl, "old_en": old_en}


def trainers_data(page) -> dict:
    text = page.read_text(encoding="utf-8")
    return json.loads(re.search(r'<script type="application/json" id="portal-trainers">(.*?)</script>', text).group(1))


def test_a_version_path_survives_the_next_release(releases):
    dest = releases["dest"]
    assert page_file(dest / "1.2.3", "nl", "model/7.1/index.md").read_bytes() == releases["old_nl"]
    assert page_file(dest / "1.2.3", "en", "model/7.1/index.md").read_bytes() == releases["old_en"]
    new = page_file(dest / "1.2.4", "en", "model/7.1/index.md").read_text(encoding="utf-8")
    assert "Dim71 title EN renamed" in new and b"Dim71 title EN renamed" not in releases["old_en"]
    assert json.loads((dest / "versions.json").read_text(encoding="utf-8")) == [
        {"version": "1.2.4", "title": "1.2.4", "aliases": ["latest"]},
        {"version": "1.2.3", "title": "1.2.3", "aliases": []},
    ]
    assert page_file(dest / "latest", "en", "model/7.1/index.md").read_text(encoding="utf-8") == new
    assert 'url=latest/"' in (dest / "index.html").read_text(encoding="utf-8")
    for version in ("1.2.3", "1.2.4"):
        for lang, depth in (("en", 0), ("nl", 1)):
            data = trainers_data(page_file(dest / version, lang, "model/7.1/index.md"))
            assert (data["versioned"], data["lang_depth"]) == (version, depth)
            # paper, QR codes and citations of a release point into that release
            assert data["site_url"] == f"{configured_site_url()}/{version}/" + ("nl/" if depth else "")
        qr = (dest / version / "print" / "7.1.1" / "qr.svg").read_text(encoding="utf-8")
        assert f"<title>{configured_site_url()}/{version}/model/7.1.1/</title>" in qr


def test_a_published_version_is_never_rebuilt_by_accident(releases):
    before = page_file(releases["dest"] / "1.2.4", "en", "model/7.1/index.md").read_bytes()
    with pytest.raises(BuildFailed, match="stays as it was"):
        publish(releases["project"] / "mkdocs.yml", releases["dest"])
    assert page_file(releases["dest"] / "1.2.4", "en", "model/7.1/index.md").read_bytes() == before


@pytest.mark.browser
def test_the_version_selector_opens_the_same_page_in_another_version(releases, browser):
    from .browser import serve

    server, url = serve(releases["dest"])
    try:
        page = browser.new_page()
        page.goto(url + "1.2.3/nl/model/7.1/", wait_until="networkidle")
        select = page.locator("#portal-version")
        assert select.evaluate("s => Array.from(s.options).map(o => o.value)") == ["1.2.4", "1.2.3"]
        assert select.input_value() == "1.2.3"
        select.select_option("1.2.4")
        page.wait_for_url(url + "1.2.4/nl/model/7.1/")
        page.goto(url + "latest/model/7.1/", wait_until="networkidle")
        assert page.locator("#portal-version").input_value() == "1.2.4"
        page.goto(url, wait_until="networkidle")  # the root opens the newest
        assert page.url == url + "latest/"
        page.close()
    finally:
        server.shutdown()


@pytest.mark.browser
@pytest.mark.parametrize("width", [320, 390, 1280])
def test_the_version_selector_fits_the_header_with_a_hidden_label(releases, browser, width):
    """Review: the selector's label used a class the theme does not define, so 'Versie' stood in the header,
    run into the site name ('DienstverleningVersie'; at 390 px the name shrank to 'P'); at 320 px the selector lay
    over the language button."""
    from .browser import serve

    server, url = serve(releases["dest"])
    try:
        page = browser.new_page(viewport={"width": width, "height": 700})
        page.goto(url + "1.2.3/nl/model/7.1/", wait_until="networkidle")
        select = page.locator("#portal-version")
        label = page.locator("label[for=portal-version]")
        assert label.text_content() and label.evaluate("l => l.getBoundingClientRect().width <= 1")  # named, not shown
        assert select.evaluate("s => s.labels.length") == 1
        box = select.bounding_box()
        language = page.locator(".md-header__option .md-select").first.bounding_box()
        assert box["x"] + box["width"] <= language["x"], (box, language)
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        page.close()
    finally:
        server.shutdown()
