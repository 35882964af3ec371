"""The portal's command line, for contributors and CI.

``validate`` checks the model alone (exit 0/1), ``build`` builds every
language into ``site/`` atomically, ``serve`` builds and serves both languages
with rebuild on change, ``coverage`` prints the catalogue counts.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .loader import load_model
from .problems import ModelInvalid

PROJECT = Path(__file__).resolve().parent.parent


def _validate(args: argparse.Namespace) -> int:
    try:
        model = load_model(Path(args.model))
    except ModelInvalid as err:
        print(err, file=sys.stderr)
        return 1
    print(f"model OK: {len(model.dimensions)} dimensions, {len(model.elements)} elements, "
          f"{len(model.subelements)} sub-elements, {len(model.principles)} principles, "
          f"{len(model.expectations)} expectations, {len(model.practices)} practices; "
          f"languages: {', '.join(sorted(model.texts))}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    v = sub.add_parser("validate", help="check model/ and list every problem as file:line")
    v.add_argument("--model", default=str(PROJECT / "model"))
    v.set_defaults(func=_validate)
    b = sub.add_parser("build", help="build all languages into site/ (nothing is replaced if any build fails)")
    b.add_argument("--config", default=str(PROJECT / "mkdocs.yml"))
    b.add_argument("--site-dir", default=None)
    b.set_defaults(func=lambda a: _lazy("site_build", "build_command")(a))
    s = sub.add_parser("serve", help="build and serve all languages on http://127.0.0.1:8000/, rebuilding on change")
    s.add_argument("--config", default=str(PROJECT / "mkdocs.yml"))
    s.add_argument("--port", type=int, default=8000)
    s.set_defaults(func=lambda a: _lazy("serve", "serve_command")(a))
    c = sub.add_parser("coverage", help="print practices and expectations per element and principle")
    c.add_argument("--model", default=str(PROJECT / "model"))
    c.set_defaults(func=lambda a: _lazy("coverage", "coverage_command")(a))
    args = parser.parse_args(argv)
    return args.func(args)


def _lazy(module: str, name: str):
    """Import a command's module only when it runs, so `validate` stays fast and MkDocs-free."""
    import importlib

    return getattr(importlib.import_module(f"macros.{module}"), name)
