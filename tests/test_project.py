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
    run = subprocess.run([sys.executable, "-m", "ruff", "check", "macros", "tests", "bench"], cwd=PROJECT, capture_output=True, text=True)
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


def test_ruff_format_is_clean():
    run = subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--check", "macros", "tests", "bench"], cwd=PROJECT, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stdout + run.stderr


def test_the_pipeline_layers_point_one_way():
    """import-linter's layers contract (pyproject.toml): cli > plugin > views > outputs > render > urls > load > model."""
    run = subprocess.run(
        [sys.executable, "-c", "from importlinter.cli import lint_imports_command; lint_imports_command()"],
        cwd=PROJECT,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0 and "0 broken" in run.stdout, run.stdout + run.stderr


def test_no_import_hides_inside_a_function():
    """An import inside a function is how the old import circle was dodged; the layers make it unnecessary."""
    import ast

    found = []
    for path in sorted((PROJECT / "macros").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                found += [f"{path.relative_to(PROJECT)}:{n.lineno}" for n in ast.walk(node) if isinstance(n, (ast.Import, ast.ImportFrom))]
    assert found == []


def test_every_page_place_has_a_page_type():
    """Where a page lives (urls.scheme) and how it is rendered (views.registry) name the same page types."""
    from macros.urls.scheme import PAGES
    from macros.views.registry import PAGE_TYPES

    assert [p.name for p in PAGES] == [t.name for t in PAGE_TYPES]
