"""The bad-input corpus: every folder in tests/bad_input/ is one broken project, checked by one test.

A case is data, so a contributor adds one without writing code. ``tests/bad_input/<case>/`` holds:

- ``files/``: files laid over a copy of the fixture project (``model/...``, ``local/...``), byte for byte;
- ``base/``: optional, laid over first (and committed first when ``git`` is set): the state before the change;
- ``expected.yml``:
    ``about``      one line: what the case breaks
    ``command``    ``validate`` (default, fast) or ``build``
    ``first``      regex the first line of the message must match (``file:line: ...``: the root cause)
    ``hint``       text the first line must contain (the fix)
    ``absent``     optional list of texts that must not appear anywhere in the output (suppressed follow-ons)
    ``edits``      optional list of {file, old, new}: replace text in a fixture file (``new: null`` deletes the line)
    ``grow``       optional {file, bytes}: pad a file with comment lines to this size
    ``deep``       optional {file, levels}: append a key nested this many brackets deep
    ``symlinks``   optional {link: target}: symlinks to create (target relative to the project, or absolute)
    ``git``        optional true: commit the project to a new git repository before the case is applied

Each case must exit 1 within the timeout, with no traceback, and leave ``site/`` as it was.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .conftest import make_project

CORPUS = Path(__file__).resolve().parent / "bad_input"
CASES = sorted(p.name for p in CORPUS.iterdir() if (p / "expected.yml").exists())
TIMEOUT = 60


def _digest(folder: Path) -> str:
    h = hashlib.sha256()
    for f in sorted(folder.rglob("*")):
        if f.is_file():
            h.update(str(f.relative_to(folder)).encode() + f.read_bytes())
    return h.hexdigest()


def _git(project: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t"}
    env["GIT_COMMITTER_EMAIL"] = "t@example.org"
    subprocess.run(["git", *args], cwd=project, check=True, capture_output=True, env=env)


def _lay_over(project: Path, files: Path) -> None:
    for path in sorted(files.rglob("*")) if files.is_dir() else ():
        if path.is_file():
            target = project / path.relative_to(files)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)


def apply_case(project: Path, case: Path, spec: dict) -> None:
    _lay_over(project, case / "base")  # the state before the bad change (committed first when ``git``)
    if spec.get("git"):
        (project / "macros").unlink()  # the code is not part of the project's history
        _git(project, "init", "-q")
        _git(project, "add", "-A")
        _git(project, "commit", "-q", "-m", "published")
        (project / "macros").symlink_to(Path(__file__).resolve().parents[1] / "macros")
    _lay_over(project, case / "files")
    for edit in spec.get("edits") or []:
        path = project / edit["file"]
        text = path.read_text(encoding="utf-8")
        assert edit["old"] in text, f"{case.name}: '{edit['old']}' not in {edit['file']}"
        if edit.get("new") is None:
            text = "".join(ln for ln in text.splitlines(keepends=True) if edit["old"] not in ln)
        else:
            text = text.replace(edit["old"], edit["new"], 1)
        path.write_text(text, encoding="utf-8")
    if spec.get("grow"):
        path = project / spec["grow"]["file"]
        with path.open("a", encoding="utf-8") as out:
            line = "# " + "x" * 97 + "\n"
            out.write(line * (spec["grow"]["bytes"] // len(line) + 1))
    if spec.get("deep"):
        levels = spec["deep"]["levels"]
        with (project / spec["deep"]["file"]).open("a", encoding="utf-8") as out:
            out.write("deep: " + "[" * levels + "]" * levels + "\n")
    for link, target in (spec.get("symlinks") or {}).items():
        path = project / link
        path.parent.mkdir(parents=True, exist_ok=True)
        path.symlink_to(target if target.startswith("/") else project / target)


@pytest.mark.parametrize("name", CASES)
def test_bad_input(name, tmp_path):
    case = CORPUS / name
    spec = yaml.safe_load((case / "expected.yml").read_text(encoding="utf-8"))
    project = make_project(tmp_path / "project")
    apply_case(project, case, spec)
    site = project / "site"
    site.mkdir()
    (site / "index.html").write_text("the published site\n")
    before = _digest(site)
    command = spec.get("command", "validate")
    args = [sys.executable, "-m", "macros", command, "--config", str(project / "mkdocs.yml")]
    run = subprocess.run(args, capture_output=True, text=True, timeout=TIMEOUT, cwd=project)
    output = run.stderr.strip()
    first = output.splitlines()[0] if output else ""
    assert run.returncode == spec.get("exit", 1), f"{name}: exit {run.returncode}\n{run.stdout}\n{output}"
    assert "Traceback" not in output, f"{name}: {output}"
    assert re.match(spec["first"], first), f"{name}: first line\n  {first}\ndoes not match\n  {spec['first']}"
    assert re.match(r"^[\w./-]+:\d+: ", first), f"{name}: the first line does not start with file:line: {first}"
    assert spec["hint"] in first, f"{name}: hint '{spec['hint']}' not in the first line\n  {first}"
    for text in spec.get("absent") or []:
        assert text not in output, f"{name}: '{text}' should have been left out as a follow-on:\n{output}"
    assert _digest(site) == before, f"{name}: site/ changed"
    assert not list(project.glob(".site-*")), f"{name}: a staging folder was left behind"


def test_corpus_is_big_enough():
    assert len(CASES) >= 40, len(CASES)
