"""The writer's loop: an edit shows in seconds, and the commands MkDocs users know do the whole job."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from macros.cli.devsite import LiveLanguage
from macros.cli.serve import plan_update

from .conftest import edit_yaml, make_project
from .html_tools import page_file, parse


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("writer") / "project")
    langs = {lang: LiveLanguage(project / "mkdocs.yml", lang, project / "site") for lang in ("en", "nl")}
    for lang in ("en", "nl"):
        langs[lang].full()
    return project, langs


def test_a_text_edit_rerenders_only_the_pages_that_show_it(live):
    project, langs = live
    edit_yaml(project / "model" / "text" / "nl" / "model.yml", lambda s: s.replace("Sub711a summary NL.", "Sub711a samenvatting bewerkt."))
    update = langs["nl"].update()
    page = parse(page_file(project / "site", "nl", "model/7.1.1.a/index.md"))
    assert "Sub711a samenvatting bewerkt." in "".join(page.text)
    total = len(list((project / "site" / "nl").rglob("index.html")))
    assert 1 <= update.pages < total / 3, update  # a partial update, not a full build
    assert langs["en"].update().pages == 0  # English does not show Dutch text


def test_a_changed_title_rebuilds_the_language_in_full(live):
    """Titles are in every page's menu: a partial update would leave the old title in the others."""
    project, langs = live
    nl_model = project / "model" / "text" / "nl" / "model.yml"
    edit_yaml(nl_model, lambda s: s.replace("title: Sub711a title NL", "title: Sub711a title NL nieuw", 1))
    update = langs["nl"].update()
    assert update.pages == -1
    other = parse(page_file(project / "site", "nl", "model/7.1/index.md"))
    assert "Sub711a title NL nieuw" in "".join(other.text)


def test_the_edited_language_is_updated_first_and_code_edits_rebuild_everything():
    assert plan_update(["model/text/nl/catalogue-7.2.2.yml"], ["en", "nl"]) == (False, ["nl", "en"])
    assert plan_update(["local/text/de/x.yml", "model/practices/p.yml"], ["en", "nl", "de"]) == (False, ["de", "en", "nl"])
    assert plan_update(["docs/nl/index.md"], ["en", "nl"]) == (True, ["en", "nl"])  # prose: full, root language first
    assert plan_update(["macros/views/base.py"], ["en", "nl"]) == (True, ["en", "nl"])


def _run(project, *args):
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("PORTAL_LANG", None)
    return subprocess.run([sys.executable, *args], cwd=project, capture_output=True, text=True, env=env, timeout=600)


def test_plain_mkdocs_build_builds_every_language(fixture_project):
    run = _run(fixture_project, "-m", "mkdocs", "build", "-q")
    assert run.returncode == 0, run.stderr[-2000:]
    assert parse(fixture_project / "site" / "index.html").lang == "en"
    assert parse(fixture_project / "site" / "nl" / "index.html").lang == "nl"
    assert (fixture_project / "site" / "nl" / "model" / "7.1.1.a" / "index.html").is_file()


def test_a_good_build_prints_one_summary_line(fixture_project):
    run = _run(fixture_project, "-m", "macros", "build")
    assert run.returncode == 0, run.stderr[-2000:]
    lines = [x for x in (run.stdout + run.stderr).splitlines() if x.strip()]
    assert len(lines) == 1, lines[:20]
    assert lines[0].startswith(f"built {fixture_project / 'site'}: en, nl · ") and " pages · " in lines[0] and lines[0].endswith(" s")


def test_mkdocs_serve_watches_the_model_the_layer_the_code_and_the_theme(fixture_project):
    from mkdocs.config import load_config

    (fixture_project / "local").mkdir()
    config = load_config(str(fixture_project / "mkdocs.yml"))
    config = config.plugins.on_config(config)
    watched = []

    class Server:
        def watch(self, path):
            watched.append(os.path.relpath(path, fixture_project))

    config.plugins["portal"].on_serve(Server(), config=config, builder=None)
    assert sorted(watched) == ["local", "macros", "model", "overrides"]
