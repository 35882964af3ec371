"""``python -m macros validate``: check model/ (and a fork's local/), list every problem as file:line; exit 0/1."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from ..model.problems import ModelInvalid
from ..urls import published
from .project import load


def run(args: argparse.Namespace) -> int:
    started = time.process_time()
    try:
        cfg, model = load(args)
    except ModelInvalid as err:
        print(err, file=sys.stderr)
        return 1
    project = Path(args.config).resolve().parent
    lists = [Path(args.model) / published.LAYER_FILE] if getattr(args, "model", None) else published.files(project, cfg.layers)
    gone = [
        p
        for path in lists
        for p in published.removed(path, path.relative_to(project).as_posix() if path.is_relative_to(project) else str(path))
    ]
    if gone:
        print("\n".join(gone) + f"\n{len(gone)} published URL(s) removed from the list", file=sys.stderr)
        return 1
    print(
        f"model OK: {len(model.dimensions)} dimensions, {len(model.elements)} elements, "
        f"{model.standard_subelement_count} sub-elements (+{len(model.subelements) - model.standard_subelement_count} element assessed "
        f"as a whole), {len(model.principles)} principles, "
        f"{len(model.expectations)} expectations, {len(model.practices)} practices, {len(model.terms)} glossary terms; "
        f"languages: {', '.join(sorted(model.texts))}"
        + (
            f"; fork layers {', '.join(model.layers[1:])}: {len(model.local)} own items, "
            f"{len(model.hidden) + len(model.hidden_expectations)} hidden, {len(model.not_applicable)} not applicable"
            if model.is_fork
            else ""
        )
        + f" ({time.process_time() - started:.2f} s CPU)"
    )
    return 0
