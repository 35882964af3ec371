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
