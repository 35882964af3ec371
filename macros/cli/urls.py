"""``python -m macros urls``: add the URLs of new items to model/published-urls.txt, never remove one."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..model.problems import ModelInvalid
from ..urls import published
from .project import load


def run(args: argparse.Namespace) -> int:
    config = Path(args.config).resolve()
    try:
        cfg, model = load(args)
    except ModelInvalid as err:
        print(err, file=sys.stderr)
        return 1
    languages = list(cfg.languages)
    urls = published.current(model, languages, cfg.docs_root / languages[0])
    added = published.add_new(config.parent / published.FILE_NAME, urls)
    print(f"{published.FILE_NAME}: {len(added)} new URL(s) added" + "".join(f"\n  {u}" for u in added))
    return 0
