"""The portal's command line, for contributors and CI.

``validate`` checks the model alone (exit 0/1), ``build`` builds every
language into ``site/`` atomically, ``serve`` builds and serves both languages
with rebuild on change, ``coverage`` prints the catalogue counts, ``status``
prints translation coverage and stale translations (and records fingerprints), ``urls``
adds new items' URLs to ``model/published-urls.txt``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .loader import load_model
from .problems import ModelInvalid

PROJECT = Path(__file__).resolve().parent.parent


def _load(args: argparse.Namespace):
    """The model as the build sees it: settings from mkdocs.yml and local/portal.yml, the fork's local/ layer."""
    from .settings import from_config_file

    cfg = from_config_file(Path(args.config))
    if args.model:  # an explicit model folder brings its own local/ beside it
        return cfg, load_model(Path(args.model), cfg.complete_languages)
    return cfg, load_model(cfg.model_dir, cfg.complete_languages, cfg.local_dir)


def _validate(args: argparse.Namespace) -> int:
    try:
        _cfg, model = _load(args)
    except ModelInvalid as err:
        print(err, file=sys.stderr)
        return 1
    print(f"model OK: {len(model.dimensions)} dimensions, {len(model.elements)} elements, "
          f"{len(model.subelements)} sub-elements, {len(model.principles)} principles, "
          f"{len(model.expectations)} expectations, {len(model.practices)} practices, {len(model.terms)} glossary terms; "
          f"languages: {', '.join(sorted(model.texts))}"
          + (f"; local: {len(model.local)} items, {len(model.hidden)} hidden" if model.local or model.hidden else ""))
    return 0


def _status(args: argparse.Namespace) -> int:
    from . import translation_status as ts

    try:
        cfg, model = _load(args)
    except ModelInvalid as err:
        print(err, file=sys.stderr)
        return 1
    if args.accept:
        try:
            model_dir = Path(args.model) if args.model else cfg.model_dir
            local_dir = model_dir.parent / "local" if args.model else cfg.local_dir
            written = ts.accept(model, args.accept, model_dir, local_dir, args.items)
        except ValueError as err:
            print(err, file=sys.stderr)
            return 1
        for path in written:
            print(f"recorded fingerprints in {path}")
        _cfg, model = _load(args)
    statuses = [s for s in ts.report(model) if not args.lang or s.lang in args.lang]
    print(ts.render_text(statuses, show_missing=args.missing), end="")
    problems = [p for s in statuses if s.required for p in s.problems()]
    for p in problems[:50]:
        print(f"not OK: {p}", file=sys.stderr)
    if len(problems) > 50:
        print(f"not OK: ... and {len(problems) - 50} more", file=sys.stderr)
    return 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    v = sub.add_parser("validate", help="check model/ (and a fork's local/) and list every problem as file:line")
    v.add_argument("--model", default=None, help="model folder (default: from the config)")
    v.add_argument("--config", default=str(PROJECT / "mkdocs.yml"))
    v.set_defaults(func=_validate)
    st = sub.add_parser("status", help="translation coverage per language and kind; stale translations; exit 1 if a "
                                       "must-be-complete language is incomplete or stale")
    st.add_argument("--model", default=None, help="model folder (default: from the config)")
    st.add_argument("--config", default=str(PROJECT / "mkdocs.yml"))
    st.add_argument("--lang", action="append", help="only this language (repeatable)")
    st.add_argument("--missing", action="store_true", help="also list every untranslated item")
    st.add_argument("--accept", metavar="LANG", help="record that LANG's translations match the current English "
                                                     "(after checking them); then print the status")
    st.add_argument("items", nargs="*", help="with --accept: only these kinds or kind/id (e.g. practices/citizen-panel)")
    st.set_defaults(func=_status)
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
    u = sub.add_parser("urls", help="add the URLs of new items to model/published-urls.txt (never removes a line)")
    u.add_argument("--config", default=str(PROJECT / "mkdocs.yml"))
    u.set_defaults(func=lambda a: _lazy("trainers", "urls_command")(a))
    args = parser.parse_args(argv)
    if hasattr(args, "config") and not Path(args.config).is_file():
        print(f"no MkDocs config at {args.config}: run from the portal's folder or pass --config", file=sys.stderr)
        return 1
    return args.func(args)


def _lazy(module: str, name: str):
    """Import a command's module only when it runs, so `validate` stays fast and MkDocs-free."""
    import importlib

    return getattr(importlib.import_module(f"macros.{module}"), name)
