"""The real model and catalogue: exact structure, coverage floors, own words."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from macros.model.coverage import shortfalls

from .conftest import PROJECT, shared_model

SUBELEMENTS = (
    "7.1.1.a 7.1.1.b 7.1.1.c 7.1.2.2 7.1.2.3 7.1.2.4 7.1.2.5 7.1.3 "
    "7.2.1.2 7.2.1.3 7.2.1.4 7.2.2.2 7.2.2.3 7.2.2.4 7.2.2.5 7.2.2.6 7.2.2.7 7.2.3.1 7.2.3.2 "
    "7.3.1.2 7.3.1.3 7.3.1.4 7.3.2.2 7.3.2.3 7.3.2.4 7.3.2.5 7.3.3.2 7.3.3.3 "
    "7.4.1.2 7.4.1.3 7.4.1.4 7.4.2.2 7.4.2.3 7.4.2.4 7.4.3.2 7.4.3.3 7.4.3.4 7.4.3.5"
).split()


@pytest.fixture(scope="module")
def model():
    return shared_model()


def test_model_structure_is_exact(model):
    assert list(model.dimensions) == ["7.1", "7.2", "7.3", "7.4"]
    assert list(model.elements) == [f"7.{d}.{e}" for d in range(1, 5) for e in range(1, 4)]
    assert list(model.subelements) == SUBELEMENTS and len(SUBELEMENTS) == 38  # 37 sub-elements and element 7.1.3, its own one
    assert model.standard_subelement_count == 37
    assert list(model.principles) == [f"5.{g}.{i}" for g in (1, 2) for i in range(1, 8)]
    assert [p["level"] for p in model.pyramid] == [1, 2, 3, 4]


def test_catalogue_meets_its_floors(model):
    assert shortfalls(model) == []
    assert all(3 <= len(s.expectation_ids) <= 8 for s in model.subelements.values())
    assert len(model.practices) >= 228


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_no_two_practices_alike(model, lang):
    practices = model.texts[lang]["practices"]
    for field in ("title", "summary", "why", "example"):
        seen: dict[str, str] = {}
        for pid, text in practices.items():
            key = _norm(text[field])
            assert key not in seen, f"{lang}: {pid} and {seen.get(key)} share the same {field}"
            seen[key] = pid


def test_both_languages_are_complete(model):
    for kind in ("subelements", "expectations", "practices", "principles"):
        own = {i for k, i in model.item_layer if k == kind}  # a fork's own items need text only in the fork's languages
        assert set(model.texts["en"][kind]) - own == set(model.texts["nl"][kind]) - own, kind


@pytest.mark.skipif(
    not (PROJECT.parent / "shared" / "tools" / "verbatim_check.py").exists(),
    reason="../shared (the source documents) is not beside this checkout",
)
def test_own_words_no_verbatim_runs():
    run = subprocess.run(
        [sys.executable, str(PROJECT.parent / "shared" / "tools" / "verbatim_check.py")], cwd=PROJECT, capture_output=True, text=True
    )
    assert run.stdout.strip().splitlines()[-1] == "verbatim runs: 0", run.stdout[-3000:]


def test_coverage_command_reports_counts():
    run = subprocess.run([sys.executable, "-m", "macros", "coverage"], cwd=PROJECT, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    assert re.search(r"total: 37 sub-elements and 1 element assessed as a whole, \d+ expectations, \d+ practices", run.stdout)
    table = run.stdout.split("where the expectations come from")[1].split("\n\n")[0].splitlines()
    assert len(table) == 1 + 12 + 1 and table[-1].split()[1:] == [  # a header, one row per element, the total
        str(sum(p.source == s for p in shared_model().provenance.values())) for s in ("requirement", "example", "advice")
    ]
    assert len(re.findall(r"^5\.[12]\.\d ", run.stdout, re.M)) == 14
