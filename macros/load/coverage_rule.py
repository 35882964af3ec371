"""Coverage as a build rule: every sub-element keeps the catalogue's promise of practices and expectations.

The minimum is the model's (``coverage`` in ``model/model.yml``, upstream 6 practices and 3 expectations); a
fork that hides practices, or publishes a thinner catalogue on purpose, sets its own in ``local/portal.yml``.
"""

from __future__ import annotations

from typing import Any

from ..model.problems import Problem
from ..model.types import Model


def minimum(model: Model, brand: dict[str, Any]) -> dict[str, int]:
    return {**model.coverage, **(brand.get("coverage") or {})}


def check(model: Model, brand: dict[str, Any]) -> list[Problem]:
    """A problem for each sub-element below the minimum, at its structure file, with the fix that fits."""
    need = minimum(model, brand)
    own = "coverage" in brand
    setting = "local/portal.yml" if own else "model/model.yml"
    problems = []
    for s in model.subelements.values():
        rel = model.sources.get(("subelements", s.id), f"model/subelements/{s.id}.yml")
        practices = len(model.practices_for(s.id))
        if practices < need.get("practices", 0):
            hidden = f"; {len(model.hidden)} practice(s) hidden in local/hide.yml" if model.hidden else ""
            problems.append(
                Problem(
                    rel,
                    1,
                    f"sub-element {s.id} has {practices} practice(s), "
                    f"fewer than the {need['practices']} promised ({setting} coverage){hidden}",
                    "add practices for it (a fork: in local/practices/), show a hidden one again, "
                    "or set a lower coverage.practices in local/portal.yml",
                )
            )
        if len(s.expectation_ids) < need.get("expectations", 0):
            problems.append(
                Problem(
                    rel,
                    1,
                    f"sub-element {s.id} has {len(s.expectation_ids)} expectation(s), fewer than the {need['expectations']} "
                    f"promised ({setting} coverage)",
                    "add expectations to it, or (a fork) set a lower coverage.expectations in local/portal.yml",
                )
            )
    return problems
