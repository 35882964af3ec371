"""``python -m macros coverage``: expectations and practices per element and sub-element, practices per principle."""

from __future__ import annotations

import sys
from pathlib import Path

from ..load.loader import load_model
from ..model.coverage import report, shortfalls
from ..model.problems import ModelInvalid


def run(args) -> int:
    try:
        model = load_model(Path(args.model))
    except ModelInvalid as err:
        print(err, file=sys.stderr)
        return 1
    print(report(model))
    gaps = shortfalls(model)
    for gap in gaps:
        print(f"below the floor: {gap}")
    return 1 if gaps else 0
