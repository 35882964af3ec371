"""The built HTML validates with the Nu Html Checker (vnu.jar from npm, run with Java)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from .browser import PROJECT
from .test_browser_quality import SAMPLES

VNU = PROJECT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Errors that come from Material for MkDocs' own base template and cannot be fixed in overrides/
# without copying the whole base.html. Each pattern is narrow and explained.
MATERIAL_MARKUP = [
    # Material's hidden drawer/search checkboxes carry autocomplete="off" to stop Firefox restoring their state.
    re.compile(r"^Attribute “autocomplete” is only allowed when the input type is"),
    # Material's collapsible nav sections: <label for> points at a toggle checkbox hidden with CSS/`hidden`.
    re.compile(r"^The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control\.$"),
]


def test_sample_pages_have_no_html_errors(real_site):
    java = shutil.which("java")
    if not java or not VNU.exists():
        pytest.fail("the Nu Html Checker needs Java and `npm ci` (vnu-jar); the CI script installs both")
    files = sorted({str(real_site / ("nl/" if lang == "nl" else "") / path / "index.html") for lang, _n, path in SAMPLES})
    files.append(str(real_site / "404.html"))
    run = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--format", "json", *files], capture_output=True, text=True)
    messages = json.loads(run.stderr or '{"messages": []}')["messages"]
    errors = [m for m in messages if m.get("type") == "error" and not any(p.search(m["message"]) for p in MATERIAL_MARKUP)]
    report = [f"{m['url'].split(str(real_site))[-1]}:{m.get('lastLine')}: {m['message']}" for m in errors]
    assert report == [], "\n".join(report[:40])
    assert len(files) >= 2 * 8  # every page type in both languages was checked
