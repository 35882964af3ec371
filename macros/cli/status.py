"""``python -m macros status``: translation coverage per language and kind, stale translations; ``--accept`` records checked ones."""

from __future__ import annotations

import argparse
import sys

from ..load import translations as ts
from ..model.problems import ModelInvalid
from .project import load, top_folder


def run(args: argparse.Namespace) -> int:
    try:
        cfg, model = load(args)
    except ModelInvalid as err:
        print(err, file=sys.stderr)
        return 1
    if args.accept:
        try:
            written = ts.accept(model, args.accept, top_folder(args, cfg, model), args.items)
        except ValueError as err:
            print(err, file=sys.stderr)
            return 1
        for path in written:
            print(f"recorded fingerprints in {path}")
        _cfg, model = load(args)
    statuses = [s for s in ts.report(model) if not args.lang or s.lang in args.lang]
    print(ts.render_text(statuses, show_missing=args.missing), end="")
    problems = [p for s in statuses if s.required for p in s.problems()]
    for p in problems[:50]:
        print(f"not OK: {p}", file=sys.stderr)
    if len(problems) > 50:
        print(f"not OK: ... and {len(problems) - 50} more", file=sys.stderr)
    return 1 if problems else 0
