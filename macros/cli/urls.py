"""``python -m macros urls``: add the URLs of new items to the published list, never remove one.

Upstream that list is ``model/published-urls.txt``; in a fork it is the top layer's ``published-urls.txt``
(``local/published-urls.txt``), which holds only the addresses the layers below do not list yet, so a fork
never edits upstream's file.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..model.problems import ModelInvalid
from ..urls import published
from .project import load


def run(args: argparse.Namespace) -> int:
    project = Path(args.config).resolve().parent
    try:
        cfg, model = load(args)
    except ModelInvalid as err:
        print(err, file=sys.stderr)
        return 1
    languages = list(cfg.languages)
    urls = published.current(model, languages, cfg.docs_root / "en")
    lists = published.files(project, cfg.layers)
    below = {u for path in lists[:-1] for _n, u in published.read(path)}
    added = published.add_new(lists[-1], urls - below)
    rel = lists[-1].relative_to(project).as_posix()
    print(f"{rel}: {len(added)} new URL(s) added" + "".join(f"\n  {u}" for u in added))
    return 0
