"""Project hygiene that CI relies on."""

from __future__ import annotations

import re
import subprocess
import sys

from .conftest import PROJECT


def readme_commands() -> list[str]:
    return re.findall(r"```bash\n(.+?)\n```", (PROJECT / "README.md").read_text())


def test_ci_runs_the_readme_test_command():
    serve, test = readme_commands()[:2]
    assert "python -m macros serve" in serve and "pytest" in test
    assert test in (PROJECT / ".ci" / "run").read_text()


def test_ruff_is_clean():
    run = subprocess.run([sys.executable, "-m", "ruff", "check", "macros", "tests", "bench"], cwd=PROJECT,
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_every_model_file_is_mapped_to_a_schema_for_editors():
    import fnmatch
    import json

    mapping = json.loads((PROJECT / ".vscode" / "settings.json").read_text())["yaml.schemas"]
    for schema in mapping:
        assert (PROJECT / schema).exists(), schema
    globs = [g for v in mapping.values() for g in ([v] if isinstance(v, str) else v)]  # a schema may map several globs
    for f in (PROJECT / "model").rglob("*.yml"):
        rel = f.relative_to(PROJECT).as_posix()
        assert any(fnmatch.fnmatch(rel, p.replace("**/", "*/")) or fnmatch.fnmatch(rel, p) for p in globs), rel
