"""The portal's command line, for contributors and CI: one module per command.

``validate`` checks the model alone (exit 0/1), ``build`` builds every language into ``site/``
atomically, ``serve`` builds and serves every language with rebuild on change, ``coverage`` prints
the catalogue counts, ``readability`` prints sentence lengths per language and kind,
``crosswalks`` what each crosswalk leaves unmapped, ``status`` prints
translation coverage and stale translations (and records fingerprints), ``urls`` adds new items' URLs to ``model/published-urls.txt``,
``publish`` adds a release as a frozen copy under its version path.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m macros", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)  # the module macros/cli/<command>.py runs it
    config = {"default": "mkdocs.yml", "help": "the portal's MkDocs config (default: mkdocs.yml in the current folder)"}
    model = {"default": None, "help": "model folder (default: from the config)"}

    v = sub.add_parser("validate", help="check model/ (and a fork's local/) and list every problem as file:line")
    v.add_argument("--model", **model)
    v.add_argument("--config", **config)
    v.set_defaults(command="validate")

    st = sub.add_parser(
        "status",
        help="translation coverage per language and kind; stale translations; exit 1 if a must-be-complete language is incomplete or stale",
    )
    st.add_argument("--model", **model)
    st.add_argument("--config", **config)
    st.add_argument("--lang", action="append", help="only this language (repeatable)")
    st.add_argument("--missing", action="store_true", help="also list every untranslated item")
    st.add_argument(
        "--accept",
        metavar="LANG",
        help="record that LANG's translations match the current English (after checking them); then print the status",
    )
    st.add_argument("items", nargs="*", help="with --accept: only these kinds or kind/id (e.g. practices/citizen-panel)")
    st.set_defaults(command="status")

    b = sub.add_parser("build", help="build all languages into site/ (nothing is replaced if any build fails)")
    b.add_argument("--config", **config)
    b.add_argument("--site-dir", default=None, help="where to write the site (default: site/ beside the config)")
    b.set_defaults(command="build")

    s = sub.add_parser("serve", help="build and serve all languages on http://127.0.0.1:8000/, rebuilding on change")
    s.add_argument("--config", **config)
    s.add_argument("--port", type=int, default=8000, help="port on 127.0.0.1 (default: 8000)")
    s.set_defaults(command="serve")

    c = sub.add_parser("coverage", help="print practices and expectations per element and principle")
    c.add_argument("--model", default="model", help="model folder (default: model/ in the current folder)")
    c.set_defaults(command="coverage")

    r = sub.add_parser("readability", help="sentences over 20 words and words per sentence, per language and kind; exit 1 over a limit")
    r.add_argument("--model", **model)
    r.add_argument("--config", **config)
    r.add_argument("--lang", action="append", help="only this language (repeatable)")
    r.set_defaults(command="readability")

    x = sub.add_parser("crosswalks", help="per crosswalk (CAF 2020, ISO 23592, NORA, a fork's own): counts and what is unmapped each way")
    x.add_argument("--model", default="model", help="model folder (default: model/ in the current folder)")
    x.set_defaults(command="crosswalks")

    pub = sub.add_parser("publish", help="build a release and add it as a frozen copy under its version path (mike's layout)")
    pub.add_argument("--config", **config)
    pub.add_argument("--dest", default="published", help="the folder that holds every release (default: published/)")
    pub.add_argument("--version", default=None, help="the version path (default: the model's version)")
    pub.add_argument("--alias", default="latest", help="the newest release is also copied here and is the default (default: latest)")
    pub.add_argument("--replace", action="store_true", help="rebuild a version that was already published (it should stay frozen)")
    pub.set_defaults(command="publish")

    u = sub.add_parser("urls", help="add the URLs of new items to model/published-urls.txt (never removes a line)")
    u.add_argument("--config", **config)
    u.set_defaults(command="urls")
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if hasattr(args, "config") and not Path(args.config).is_file():
        print(f"no MkDocs config at {args.config}: run from the portal's folder or pass --config", file=sys.stderr)
        return 1
    # Each command's module is imported only when it runs: `validate` then never loads MkDocs or the theme.
    return importlib.import_module(f"{__name__}.{args.command}").run(args)
