"""``python -m macros crosswalks``: per framework, its size and what it leaves unmapped in each direction."""

from __future__ import annotations

import sys
from pathlib import Path

from ..load.loader import load_model
from ..model.crosswalks import BASE_KINDS, unmapped
from ..model.problems import ModelInvalid
from ..model.types import Model


def report(model: Model) -> str:
    """Counts per framework, then each gap: items without a link, model items no link reaches (or not classified)."""
    lines = []
    for fw in model.crosswalks.values():
        if fw.type == "base":
            added = {k: len(fw.added_ids(k)) for k in BASE_KINDS}
            shared = {k: len(dict(fw.shared).get(k, ())) for k in BASE_KINDS}
            counts = ", ".join(f"{k}: {shared[k]} shared, {added[k]} added" for k in BASE_KINDS)
            lines.append(f"{fw.id} ({fw.reference}, base): {counts}")
        else:
            primary = sum(1 for link in fw.links if link.strength == "primary")
            lines.append(
                f"{fw.id} ({fw.reference}, {fw.view}): {len(fw.items)} items in {len(fw.groups) or 1} group(s), "
                f"{len(fw.links)} links ({primary} primary, {len(fw.links) - primary} related)"
            )
        for gap in unmapped(fw, model.dimensions, model.elements, model.subelements, model.principles):
            lines.append(f"  {gap.what}: {len(gap.ids)}" + (f" ({', '.join(gap.ids)})" if gap.ids else ""))
    return "\n".join(lines)


def run(args) -> int:
    try:
        model = load_model(Path(args.model))
    except ModelInvalid as err:
        print(err, file=sys.stderr)
        return 1
    print(report(model) or "no crosswalks in this model")
    return 0
