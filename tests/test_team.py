"""The team self-assessment without a browser: the statistics module's own unit tests (Node's built-in
runner), the script asks only for messages the page provides, and the built page in both languages."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from macros.load.loader import load_model
from macros.views import team

from .conftest import FIXTURE_MODEL, PROJECT

SCRIPT = PROJECT / "overrides" / "assets" / "javascripts" / "team.js"


def test_statistics_module_passes_its_node_unit_tests():
    node = shutil.which("node") or pytest.fail("Node.js is not installed (apt-get install nodejs); it runs tests/js/")
    run = subprocess.run([node, "--test", str(PROJECT / "tests" / "js")], capture_output=True, text=True, timeout=120, check=False)
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert re.search(r"^# pass [1-9]\d*$", run.stdout, re.M) and re.search(r"^# fail 0$", run.stdout, re.M)


def test_the_script_uses_only_messages_the_page_provides():
    source = SCRIPT.read_text(encoding="utf-8")
    used = set(re.findall(r"\bM\.([a-z_]+)", source)) | {f"change_{d}" for d in ("up", "down", "same")}
    assert used == set(team.SCRIPT_MESSAGES)


@pytest.mark.parametrize("prefix", ["", "nl/"])
def test_the_built_page_has_the_figure_the_messages_and_the_privacy_note(real_site, real_model, prefix):
    html = (real_site / prefix / "checklists" / "team" / "index.html").read_text(encoding="utf-8")
    lang = prefix.rstrip("/") or "en"
    data = json.loads(re.search(r'<script type="application/json" id="portal-team-data">(.*?)</script>', html, re.S).group(1))
    assert set(data["messages"]) == set(team.SCRIPT_MESSAGES)
    assert data["messages"]["respondent_n"] == real_model.ui(lang, "team_respondent_n")
    assert len(data["csv_columns"]) == len(team.CSV_COLUMNS)
    for element_id in real_model.elements:  # the figure follows the model: every element, wide and tall
        assert len(re.findall(rf'class="portal-fig__link portal-fig__link--element" data-id="{re.escape(element_id)}"', html)) == 2
    assert real_model.ui(lang, "team_privacy") in html
    assert "team-stats.js" in html and "assessment-check.js" in html and "checklist-data.js" in html
    index = (real_site / prefix / "checklists" / "index.html").read_text(encoding="utf-8")
    assert 'href="team/"' in index and 'id="portal-cl-respondent"' in index


def test_a_different_model_gets_its_own_team_page_with_no_other_edit(fixture_site):
    """The fixture model (other elements and sub-elements): its team page draws its elements, and the data
    the team script reads lists exactly its sub-elements."""
    fixture = load_model(FIXTURE_MODEL)
    html = (fixture_site / "checklists" / "team" / "index.html").read_text(encoding="utf-8")
    drawn = set(re.findall(r'portal-fig__link--element" data-id="([^"]+)"', html))
    assert drawn == set(fixture.elements)
    script = (fixture_site / "assets" / "javascripts" / "checklist-data.js").read_text(encoding="utf-8")
    data = json.loads(script.removeprefix("window.portalChecklistData = ").rstrip().removesuffix(";"))
    assert list(data["subelements"]) == list(fixture.subelements)
