"""Bad input stops the build with every problem as file:line, and nothing is lost."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from macros.cli.build import BuildFailed, build_site
from macros.load.loader import load_model
from macros.model.problems import ModelInvalid

from .conftest import edit_yaml


def problems(project: Path) -> list[str]:
    with pytest.raises(ModelInvalid) as err:
        load_model(project / "model")
    return [str(p) for p in err.value.problems]


def test_fixture_model_is_valid(fixture_project):
    model = load_model(fixture_project / "model")
    assert list(model.subelements) == ["7.1.1.a", "7.1.1.b", "7.1.3", "7.2.1.2"]


def test_broken_yaml_names_file_and_line(fixture_project):
    edit_yaml(fixture_project / "model/practices/river-walk.yml", lambda s: s.replace("effort: low", "effort: [low"))
    found = problems(fixture_project)
    assert any(p.startswith("model/practices/river-walk.yml:") and "YAML syntax error" in p for p in found), found


def test_typo_key_gets_did_you_mean_with_line(fixture_project):
    path = fixture_project / "model/practices/river-walk.yml"
    edit_yaml(path, lambda s: s.replace("effort:", "efort:"))
    line = 1 + path.read_text().splitlines().index(next(ln for ln in path.read_text().splitlines() if ln.startswith("efort")))
    found = problems(fixture_project)
    assert f"model/practices/river-walk.yml:{line}: unknown key 'efort' in the file — did you mean 'effort'?" in found
    assert any("is missing 'effort'" in p for p in found)


def test_dangling_reference(fixture_project):
    edit_yaml(fixture_project / "model/practices/river-walk.yml", lambda s: s.replace("- 5.1.1", "- 5.1.9"))
    found = problems(fixture_project)
    assert any(p.startswith("model/practices/river-walk.yml:") and "unknown principle '5.1.9'" in p for p in found), found


def test_duplicate_text_id_across_files_and_duplicate_key(fixture_project):
    extra = fixture_project / "model/text/en/extra.yml"
    extra.write_text(
        "practices:\n  river-walk:\n    title: Again\n    summary: s\n    why: w\n    steps: [a]\n    evidence: [b]\n    example: c\n"
    )
    edit_yaml(fixture_project / "model/principles/5.1.1.yml", lambda s: s + "group: public\n")
    found = problems(fixture_project)
    twice = [p for p in found if "practices 'river-walk' already has en text in" in p]
    assert len(twice) == 1 and "model/text/en/extra.yml:2" in twice[0] and "model/text/en/model.yml:" in twice[0], found
    assert any(p.startswith("model/principles/5.1.1.yml:3: duplicate key 'group'") for p in found), found


def test_unquoted_clause_number_explains_quoting(fixture_project):
    edit_yaml(fixture_project / "model/elements/7.2.1.yml", lambda s: s.replace("'7.2'", "7.2"))
    found = problems(fixture_project)
    assert any("model/elements/7.2.1.yml:2: dimension is the number 7.2, not text — put it in quotes" in p for p in found), found


@pytest.mark.parametrize("bad", ["<script>alert(1)</script>", "{{ config }}", "{% include 'x' %}", "see javascript:alert(1)"])
def test_markup_in_text_is_refused(fixture_project, bad):
    edit_yaml(fixture_project / "model/text/nl/model.yml", lambda s: s.replace("title: Practice river-walk NL", f'title: "{bad}"'))
    found = problems(fixture_project)
    assert any(
        p.startswith("model/text/nl/model.yml:") and "practices.river-walk.title contains" in p and "write plain text" in p for p in found
    ), found


def test_missing_translation_is_reported(fixture_project):
    edit_yaml(fixture_project / "model/text/nl/model.yml", lambda s: s.replace("Expectation 7.1.3-e1 NL.", "''"))
    path = fixture_project / "model/text/nl/model.yml"
    edit_yaml(path, lambda s: s.replace("  7.1.3-e1:\n    text: ''\n", ""))
    found = problems(fixture_project)
    assert any(p.startswith("model/subelements/7.1.3.yml:") and "expectations '7.1.3-e1' has no nl text" in p for p in found), found


def test_all_problems_reported_at_once(fixture_project):
    edit_yaml(fixture_project / "model/practices/river-walk.yml", lambda s: s.replace("effort:", "efort:"))
    edit_yaml(fixture_project / "model/practices/open-ledger.yml", lambda s: s.replace("- 5.2.1", "- 5.2.9"))
    found = problems(fixture_project)
    assert {p.split(":")[0] for p in found} >= {"model/practices/river-walk.yml", "model/practices/open-ledger.yml"}


def _digest(folder: Path) -> str:
    h = hashlib.sha256()
    for f in sorted(folder.rglob("*")):
        if f.is_file():
            h.update(str(f.relative_to(folder)).encode() + f.read_bytes())
    return h.hexdigest()


def test_failed_build_leaves_previous_site_untouched(fixture_project):
    site = build_site(fixture_project / "mkdocs.yml")
    before = _digest(site)
    edit_yaml(fixture_project / "model/practices/river-walk.yml", lambda s: s.replace("- 5.1.1", "- 5.1.9"))
    with pytest.raises(BuildFailed):
        build_site(fixture_project / "mkdocs.yml")
    assert _digest(site) == before
    # plain `mkdocs build` validates before it cleans the output folder, too
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=fixture_project, capture_output=True, text=True)
    assert run.returncode != 0 and "model/practices/river-walk.yml:" in run.stderr
    assert _digest(site) == before
    assert not list(site.parent.glob(".site-*")), "the staging folder of the failed build was not cleaned up"


def test_validate_command_exit_status(fixture_project):
    ok = subprocess.run(
        [sys.executable, "-m", "macros", "validate", "--model", str(fixture_project / "model")], capture_output=True, text=True
    )
    assert ok.returncode == 0 and "3 sub-elements (+1 element assessed as a whole)" in ok.stdout  # 7.1.3 is counted as the standard does
    edit_yaml(fixture_project / "model/practices/river-walk.yml", lambda s: s.replace("effort:", "efort:"))
    bad = subprocess.run(
        [sys.executable, "-m", "macros", "validate", "--model", str(fixture_project / "model")], capture_output=True, text=True
    )
    assert bad.returncode == 1 and "model/practices/river-walk.yml:" in bad.stderr and "did you mean 'effort'" in bad.stderr
