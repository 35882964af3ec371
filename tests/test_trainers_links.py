"""Links that never break: every item kind has a working anchor, the published-URL list is complete and
resolves, and a rename without a redirect fails the build (tested on a fixture)."""

from __future__ import annotations

import html
import json
import posixpath
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from macros.cli.build import BuildFailed, build_site, configured_languages
from macros.load.loader import load_model
from macros.load.settings import from_config_file
from macros.model.problems import ModelInvalid
from macros.urls import inventory, published
from macros.urls.short import short_links

from .conftest import PROJECT, make_project, shared_model
from .html_tools import LANG_ROOT, parse
from .test_html_valid import MATERIAL_MARKUP, VNU

LANGS = ["en", "nl"]


@pytest.fixture(scope="module")
def model():
    return shared_model()


def test_every_item_kind_has_a_working_anchor_in_both_languages(real_site, model):
    parsed: dict[Path, set[str]] = {}
    by_kind: dict[str, int] = {}
    missing = []
    for link in inventory.links(model):
        by_kind[link.kind] = by_kind.get(link.kind, 0) + 1
        for lang in LANGS:
            page = real_site / LANG_ROOT[lang] / link.src.replace("index.md", "index.html")
            if not page.exists():
                missing.append(f"{lang} {link.kind} {link.id}: no page {page.relative_to(real_site)}")
                continue
            ids = parsed.setdefault(page, parse(page).ids)
            if link.anchor and link.anchor not in ids:
                missing.append(f"{lang} {link.kind} {link.id}: no #{link.anchor} on {page.relative_to(real_site)}")
    assert missing == [], "\n".join(missing[:30])
    # every registered kind yields items, and the counts follow the model, not a hand list
    assert set(by_kind) == {k.name for k in inventory.LINK_KINDS}
    assert by_kind["expectation"] == len(model.expectations)
    assert by_kind["practice"] == len(model.practices) + sum(len(p.subelement_ids) for p in model.practices.values())
    assert by_kind["subelement"] == len(model.subelements) and by_kind["principle"] == len(model.principles)
    assert by_kind["term"] == len(model.terms) > 0


def test_item_urls_contain_the_item_id(model):
    for link in inventory.links(model):
        # a framework item 'caf-2020:3.2' lives at /crosswalks/caf-2020/3.2/: framework and item, one folder each
        assert link.id.replace(":", "/") in link.path(), link


def published_lists() -> list[Path]:
    """Upstream's list and, in a fork, each of its layers' own lists (read from the configuration, not assumed)."""
    return published.files(PROJECT, from_config_file(PROJECT / "mkdocs.yml").layers)


def test_published_list_covers_the_current_model_and_is_sorted(model):
    listed = []
    for file in published_lists():
        own = [u for _n, u in published.read(file)]
        assert own == sorted(set(own)), f"{file.relative_to(PROJECT)} must be sorted, without repeats"
        listed += own
    current = published.current(model, configured_languages(PROJECT / "mkdocs.yml"), PROJECT / "docs" / "en")
    missing = sorted(current - set(listed))
    assert missing == [], f"run `python -m macros urls`; missing: {missing[:20]}"
    assert "/model/7.2.2.4/#7.2.2.4-e1" in listed and "/nl/model/7.2.2.4/#7.2.2.4-e1" in listed
    assert "/glossary/#co-creation" in listed and "/nl/glossary/#co-creation" in listed


def test_every_published_url_resolves_in_the_built_site(real_site):
    languages = configured_languages(PROJECT / "mkdocs.yml")
    assert len(published.read(PROJECT / published.FILE_NAME)) > 1500
    for file in published_lists():
        assert published.unresolved(real_site, published.read(file), languages, file.relative_to(PROJECT).as_posix()) == []


def test_urls_command_adds_new_and_never_removes(tmp_path):
    file = tmp_path / "published-urls.txt"
    file.write_text("# header\n/old/gone/\n/model/\n")
    added = published.add_new(file, {"/model/", "/new/"})
    assert added == ["/new/"]
    assert [u for _n, u in published.read(file)] == ["/model/", "/new/", "/old/gone/"]


# -- a rename on the fixture model ----------------------------------------------------------------
CHANGELOG = """releases:
  - version: "1.2.3"
    date: "2026-01-01"
    first: true
"""
RENAME = """  - version: "1.3.0"
    date: "2026-02-01"
    renamed:
      - {kind: practice, from: river-walk, to: river-stroll}
    retired:
      - {kind: expectation, id: 7.1.1.a-e2}
      - {kind: practice, id: open-ledger}
"""


def _rename_practice(project: Path) -> None:
    """river-walk becomes river-stroll (file, id and text); expectation 7.1.1.a-e2 and practice open-ledger go."""
    model = project / "model"
    old = model / "practices" / "river-walk.yml"
    (model / "practices" / "river-stroll.yml").write_text(old.read_text().replace("id: river-walk", "id: river-stroll"))
    old.unlink()
    (model / "practices" / "open-ledger.yml").unlink()
    sub = model / "subelements" / "7.1.1.a.yml"
    sub.write_text(sub.read_text().replace("- 7.1.1.a-e2\n", "").replace("  7.1.1.a-e2: {source: advice}\n", ""))  # and its source
    for lang in LANGS:
        text = model / "text" / lang / "model.yml"
        lines = text.read_text().replace("  river-walk:", "  river-stroll:").splitlines(keepends=True)
        out, skip = [], False
        for line in lines:
            if line.startswith(("  open-ledger:", "  7.1.1.a-e2:")):
                skip = True
                continue
            if skip and line.startswith("    "):
                continue
            skip = False
            out.append(line)
        text.write_text("".join(out))


@pytest.fixture(scope="module")
def renamed_project(tmp_path_factory) -> Path:
    """A fixture project published at 1.2.3 (URL list written), then a practice renamed and items retired."""
    project = make_project(tmp_path_factory.mktemp("renamed") / "project")
    (project / "model" / "changelog.yml").write_text(CHANGELOG)
    model = load_model(project / "model")
    published.add_new(project / published.FILE_NAME, published.current(model, LANGS, project / "docs" / "en"))
    build_site(project / "mkdocs.yml")  # the published list holds for the original model
    _rename_practice(project)
    return project


def test_rename_without_redirect_fails_the_build_listing_each_url(renamed_project, tmp_path):
    project = tmp_path / "p"
    shutil.copytree(renamed_project, project, symlinks=True)
    shutil.rmtree(project / "site", ignore_errors=True)
    (project / "model" / "changelog.yml").write_text(CHANGELOG)  # no redirect, whatever other tests added
    meta = project / "model" / "model.yml"
    meta.write_text(meta.read_text().replace("version: 1.3.0", "version: 1.2.3"))
    with pytest.raises(BuildFailed) as err:
        build_site(project / "mkdocs.yml")
    message = str(err.value)
    lines = (project / published.FILE_NAME).read_text().splitlines()
    for url in (
        "/practices/river-walk/",
        "/nl/practices/river-walk/",
        "/model/7.1.1.a/#river-walk",
        "/model/7.1.1.a/#7.1.1.a-e2",
        "/practices/open-ledger/",
    ):
        assert f"{published.FILE_NAME}:{lines.index(url) + 1}: {url} " in message, message
    assert not (project / "site").exists(), "a failed check must not publish the site"


@pytest.fixture(scope="module")
def renamed_site(renamed_project) -> Path:
    """The renamed fixture with the changelog entries that redirect the old URLs."""
    model = renamed_project / "model"
    (model / "changelog.yml").write_text(CHANGELOG + RENAME)
    (model / "model.yml").write_text((model / "model.yml").read_text().replace("version: 1.2.3", "version: 1.3.0"))
    return build_site(renamed_project / "mkdocs.yml")


def test_rename_with_changelog_entry_redirects_every_old_url(renamed_site, renamed_project):
    # the build passed, so every published URL resolved; check the redirects themselves
    page = (renamed_site / "practices" / "river-walk" / "index.html").read_text()
    assert '<meta http-equiv="refresh" content="0; url=../river-stroll/">' in page
    assert '<meta name="robots" content="noindex">' in page and '<html lang="en">' in page
    assert '<a href="../river-stroll/">' in page
    assert '<html lang="nl">' in (renamed_site / "nl" / "practices" / "river-walk" / "index.html").read_text()
    moved = json.loads((renamed_site / "assets" / "moved-anchors.json").read_text())
    assert moved["river-walk"] == {"to": "river-stroll", "page": "practices/river-stroll/"}
    assert moved["7.1.1.a-e2"] == {"to": "", "page": "changelog/#release-1-3-0"}
    assert moved["open-ledger"] == {"to": "", "page": "practices/open-ledger/"}
    retired = parse(renamed_site / "practices" / "open-ledger" / "index.html")
    assert "open-ledger" in retired.title and "1.3.0" in "".join(retired.text)
    assert any(h.startswith("../../changelog/#release-1-3-0") for h, _a in retired.links)
    changelog = parse(renamed_site / "changelog" / "index.html")
    assert {"release-1-3-0", "release-1-2-3"} <= changelog.ids
    assert "river-stroll" in "".join(changelog.text)


# -- validation: IDs are never reused, versions agree --------------------------------------------
def _problems(project: Path) -> list[str]:
    with pytest.raises(ModelInvalid) as err:
        load_model(project / "model")
    return [str(p) for p in err.value.problems]


def test_a_retired_id_cannot_come_back(fixture_project):
    (fixture_project / "model" / "changelog.yml").write_text(
        CHANGELOG
        + """  - version: "1.3.0"
    date: "2026-02-01"
    retired:
      - {kind: practice, id: river-walk}
"""
    )
    edit = fixture_project / "model" / "model.yml"
    edit.write_text(edit.read_text().replace("version: 1.2.3", "version: 1.3.0"))
    found = _problems(fixture_project)
    assert any(
        p.startswith("model/changelog.yml:8: practice 'river-walk' was retired in 1.3.0 but is in the model again") for p in found
    ), found


def test_model_version_must_be_the_latest_release(fixture_project):
    (fixture_project / "model" / "changelog.yml").write_text(CHANGELOG.replace("1.2.3", "1.2.2"))
    found = _problems(fixture_project)
    assert any(p.startswith("model/model.yml:1: model version 1.2.3 is not the latest release") for p in found), found


def test_rename_to_an_unknown_id_and_replaces_without_changelog_are_reported(fixture_project):
    (fixture_project / "model" / "changelog.yml").write_text(
        CHANGELOG.replace('"1.2.3"', '"1.2.2"')
        + """  - version: "1.2.3"
    date: "2026-02-01"
    renamed:
      - {kind: practice, from: old-walk, to: no-such-walk}
"""
    )
    practice = fixture_project / "model" / "practices" / "open-ledger.yml"
    practice.write_text(practice.read_text() + "replaces: [closed-ledger]\n")
    found = _problems(fixture_project)
    assert any("practice 'old-walk' leads to 'no-such-walk', which is not in the model" in p for p in found), found
    assert any(p.startswith("model/practices/open-ledger.yml:") and "replaces 'closed-ledger'" in p for p in found), found


@pytest.mark.browser
def test_old_urls_lead_to_the_new_place_in_a_browser(renamed_site, page):
    from .browser import run_axe, serve

    server, url = serve(renamed_site)
    try:
        page.goto(url + "model/7.1.1.a/#river-walk")  # the practice is still on this page under its new ID
        page.wait_for_url(url + "model/7.1.1.a/#river-stroll")
        page.goto(url + "nl/practices/river-walk/")
        page.wait_for_url(url + "nl/practices/river-stroll/")
        page.goto(url + "model/7.1.1.a/#7.1.1.a-e2")  # retired expectation: the changelog entry explains
        page.wait_for_url(url + "changelog/#release-1-3-0")
        page.goto(url + "model/7.1.3/#open-ledger")  # retired practice: its old page explains
        page.wait_for_url(url + "practices/open-ledger/")
        page.wait_for_load_state("networkidle")
        assert page.evaluate("document.documentElement.lang") == "en"
        assert run_axe(page) == []
    finally:
        server.shutdown()


def test_checker_follows_redirects_and_moved_anchors(tmp_path):
    def page(path: str, html: str) -> None:
        (tmp_path / path).mkdir(parents=True, exist_ok=True)
        (tmp_path / path / "index.html").write_text(html)

    page("a", '<p id="x"></p>')
    page("old", '<meta http-equiv="refresh" content="0; url=../a/">')
    page("lost", '<meta http-equiv="refresh" content="0; url=../nowhere/">')
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "moved-anchors.json").write_text(
        json.dumps({"y": {"to": "x", "page": "a/#x"}, "z": {"to": "", "page": "a/#gone"}})
    )
    entries = list(enumerate(["/a/", "/a/#x", "/old/", "/old/#x", "/a/#y", "/lost/", "/a/#z", "/a/#w", "/b/"], start=1))
    assert published.unresolved(tmp_path, entries, ["en"]) == [
        f"{published.FILE_NAME}:6: /lost/ no longer exists — restore it, or record the rename/retirement in model/changelog.yml "
        "so it redirects",
        f"{published.FILE_NAME}:7: /a/#z moves to a/#gone, which does not exist — fix the changelog entry",
        f"{published.FILE_NAME}:8: /a/#w has no anchor #w any more — restore it, or record the rename/retirement in "
        "model/changelog.yml so it redirects",
        f"{published.FILE_NAME}:9: /b/ no longer exists — restore it, or record the rename/retirement in model/changelog.yml "
        "so it redirects",
    ]


def test_redirect_and_retired_pages_are_valid_html(renamed_site):
    java = shutil.which("java")
    if not java or not VNU.exists():
        pytest.fail("the Nu Html Checker needs Java and `npm ci` (vnu-jar); the CI script installs both")
    files = [
        str(renamed_site / p / "index.html")
        for p in ("practices/river-walk", "nl/practices/river-walk", "practices/open-ledger", "changelog")
    ]
    run = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--format", "json", *files], capture_output=True, text=True)
    messages = json.loads(run.stderr or '{"messages": []}')["messages"]
    errors = [
        f"{m['url']}: {m['message']}"
        for m in messages
        if m.get("type") == "error" and not any(p.search(m["message"]) for p in MATERIAL_MARKUP)
    ]
    assert errors == []


def test_short_links_lead_to_every_item_in_both_languages(real_site, model):
    """/7.3.2.2/, /7.3.2.2-e4/, /5.2.4/, /<practice-id>/ (and /nl/...): a redirect to the item's page and anchor."""
    by_kind: dict[str, int] = {}
    wrong = []
    for short in short_links(model, LANGS):
        by_kind[short.to.kind] = by_kind.get(short.to.kind, 0) + 1
        for lang in LANGS:
            page = real_site / LANG_ROOT[lang] / short.src.replace(".md", ".html")
            text = page.read_text(encoding="utf-8") if page.exists() else ""
            path, _, frag = _refresh(text).partition("#")
            target = posixpath.normpath(posixpath.join(short.src.rsplit("/", 1)[0], path)) + "#" + frag
            want = short.to.src.rsplit("/", 1)[0] + "#" + short.to.anchor
            if target != want or f"<title>{model.ui(lang, 'trainers_short_title')}</title>" not in text:
                wrong.append(f"{lang} {short.src}: {target!r}, want {want!r}")
    assert wrong == [], wrong[:5]
    assert by_kind == {
        "dimension": len(model.dimensions),
        "element": len(model.elements),
        "subelement": len([s for s in model.subelements if s not in model.elements]),  # 7.1.3 is its element
        "expectation": len(model.expectations),
        "principle": len(model.principles),
        "practice": len(model.practices),
    }
    listed = {u for _n, u in published.read(PROJECT / published.FILE_NAME)}
    assert {"/7.3.2.2/", "/nl/7.3.2.2/", "/7.3.2.2-e4/", "/nl/7.3.2.2-e4/", "/5.2.4/", "/nl/life-event-journey-map/"} <= listed


def _refresh(text: str) -> str:
    found = re.search(r'<meta http-equiv="refresh" content="0; url=([^"]*)"', text)
    return html.unescape(found.group(1)) if found else "(no redirect)"


def test_a_short_link_never_takes_a_page_or_language_root(model):
    practice = next(iter(model.practices))
    with pytest.raises(ValueError, match=f"/{practice}/ would take the place"):
        short_links(model, ["en", practice])  # as if a fork named a language like the practice
