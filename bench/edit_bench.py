"""Writer's-loop benchmark: prints figures, asserts nothing (speed is measured, not tested).

Measures on a copy of the real catalogue:
  a) `python -m macros validate` (whole process, CPU and wall);
  b) a full build of every language (the reference);
  c) edit to preview: one field of one practice changed in Dutch, then the dev server's update of Dutch
     (the language being edited) and of the other languages;
  d) a structural edit (a new practice): the update of every language.
Usage: python bench/edit_bench.py
"""

from __future__ import annotations

import logging
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from macros.cli.build import configured_languages  # noqa: E402
from macros.cli.devsite import LiveLanguage  # noqa: E402
from tests.conftest import make_project  # noqa: E402


def validate_figures() -> tuple[float, float]:
    """CPU and wall seconds of `python -m macros validate` as a whole process (median of five)."""
    runs = []
    for _ in range(5):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "macros", "validate"], cwd=PROJECT, check=True, capture_output=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        runs.append((after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, time.perf_counter() - start))
    runs.sort()
    return runs[2]


def main() -> None:
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    cpu, wall = validate_figures()
    print(f"validate: {cpu:.2f} s CPU, {wall:.2f} s wall (whole process, median of 5)")
    with tempfile.TemporaryDirectory() as tmp:
        project = make_project(Path(tmp) / "project", PROJECT / "model")
        langs = configured_languages(project / "mkdocs.yml")
        live = {lang: LiveLanguage(project / "mkdocs.yml", lang, project / "site") for lang in langs}
        start, cpu0 = time.perf_counter(), time.process_time()
        for lang in langs:
            live[lang].full()
        full_wall, full_cpu = time.perf_counter() - start, time.process_time() - cpu0
        print(f"full build, {', '.join(langs)}: {full_wall:.1f} s wall, {full_cpu:.1f} s CPU")

        text = project / "model" / "text" / "nl" / "catalogue-7.2.2.yml"
        source = text.read_text(encoding="utf-8")
        summary = re.search(r"\n    summary: (.+)\n", source).group(1)
        text.write_text(source.replace(summary, summary + " (bewerkt)", 1), encoding="utf-8")
        start, cpu0 = time.perf_counter(), time.process_time()
        first = live["nl"].update()
        edit_wall, edit_cpu = time.perf_counter() - start, time.process_time() - cpu0
        rest = [live[lang].update() for lang in langs if lang != "nl"]
        print(
            f"text edit, Dutch visible: {edit_wall:.2f} s wall, {edit_cpu:.2f} s CPU "
            f"({first}); {edit_cpu / full_cpu:.2f}x the CPU of a full build; then {'; '.join(map(str, rest))}"
        )

        practice = next((project / "model" / "practices").glob("*.yml"))
        new = practice.with_name("bench-new-practice.yml")
        new.write_text(practice.read_text(encoding="utf-8").replace(f"id: {practice.stem}", "id: bench-new-practice"), encoding="utf-8")
        for lang in langs:
            t = project / "model" / "text" / lang / "bench.yml"
            fields = {"title": "Bench", "summary": "S.", "why": "W.", "steps": ["A."], "evidence": ["B."], "example": "C."}
            t.write_text(
                "practices:\n  bench-new-practice:\n"
                + "".join(f"    {k}: {v!r}\n" if isinstance(v, str) else f"    {k}: {v}\n" for k, v in fields.items()),
                encoding="utf-8",
            )
        start, cpu0 = time.perf_counter(), time.process_time()
        updates = [live[lang].update() for lang in langs]
        print(
            f"new practice, every language: {time.perf_counter() - start:.1f} s wall, {time.process_time() - cpu0:.1f} s CPU "
            f"({'; '.join(map(str, updates))})"
        )
        shutil.rmtree(project / "site", ignore_errors=True)


if __name__ == "__main__":
    main()
