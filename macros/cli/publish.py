"""``python -m macros publish``: freeze a release under its version path, next to the earlier ones.

The layout is mike's (the tool MkDocs sites use for versions), so a host that serves a mike branch serves this::

    <dest>/versions.json        [{"version": "0.2.0", "title": "0.2.0", "aliases": ["latest"]}, {"version": "0.1.0", ...}]
    <dest>/index.html           redirect to the default alias (latest/)
    <dest>/0.1.0/ ...           each release, frozen: never written again
    <dest>/0.2.0/ ...
    <dest>/latest/ ...          a copy of the newest release, so /latest/model/7.2/ always works

Why not mike itself: mike runs one ``mkdocs build``, and Material's version selector looks for
``versions.json`` one folder above the language root, which is the version folder for every language but
the first (``/0.1.0/nl/``). This command builds every language (``build_site``), and the portal's own
selector (``trainers.js``) finds ``versions.json`` from any language. A published version is never
replaced: publish a new version instead (fix a mistake with ``--replace``, knowingly).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

from ..load.loader import load_model
from ..load.settings import from_config_file
from ..model.changelog import version_key
from ..model.problems import ModelInvalid
from ..plugin.theme import VERSIONED_ENV
from .build import BuildFailed, build_site

VERSIONS_FILE = "versions.json"
_REDIRECT = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{alias}</title>
<meta http-equiv="refresh" content="0; url={alias}/"><link rel="canonical" href="{alias}/"></head>
<body><p><a href="{alias}/">{alias}</a></p></body></html>
"""


def read_versions(dest: Path) -> list[dict]:
    path = dest / VERSIONS_FILE
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else []


def publish(config_file: Path, dest: Path, version: str | None = None, alias: str = "latest", replace: bool = False) -> Path:
    """Build the portal and add it to ``dest`` as ``version`` (default: the model's); returns the version folder."""
    config_file = Path(config_file).resolve()
    dest = Path(dest).resolve()
    if version is None:
        version = load_model(from_config_file(config_file).model_dir).version
    if version == alias or "/" in version:
        raise BuildFailed(f"version {version!r} cannot be a folder name next to the alias {alias!r}")
    folder = dest / version
    if folder.exists() and not replace:
        raise BuildFailed(f"{folder} exists: a published version stays as it was; publish a new version (or pass --replace)")
    dest.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".publish-", dir=dest))
    previous = os.environ.get(VERSIONED_ENV)
    os.environ[VERSIONED_ENV] = version
    try:
        built = build_site(config_file, staging / "site")
        if folder.exists():
            shutil.rmtree(folder)
        built.rename(folder)
    finally:
        if previous is None:
            os.environ.pop(VERSIONED_ENV, None)
        else:
            os.environ[VERSIONED_ENV] = previous
        shutil.rmtree(staging, ignore_errors=True)

    versions = [v for v in read_versions(dest) if v["version"] != version]
    versions.append({"version": version, "title": version, "aliases": []})
    versions.sort(key=lambda v: _sort_key(v["version"]), reverse=True)
    newest = versions[0]["version"]
    for v in versions:
        v["aliases"] = [alias] if v["version"] == newest else []
    (dest / VERSIONS_FILE).write_text(json.dumps(versions, indent=1) + "\n", encoding="utf-8")
    alias_dir = dest / alias
    if alias_dir.exists():
        shutil.rmtree(alias_dir)
    shutil.copytree(dest / newest, alias_dir)
    (dest / "index.html").write_text(_REDIRECT.format(alias=alias), encoding="utf-8")
    return folder


def _sort_key(version: str) -> tuple:
    try:
        return (1, version_key(version))
    except ValueError:
        return (0, ())


def run(args: argparse.Namespace) -> int:
    try:
        folder = publish(Path(args.config), Path(args.dest), args.version, args.alias, args.replace)
    except (BuildFailed, ModelInvalid) as err:
        print(err, file=sys.stderr)
        return 1
    print(f"published {folder.name} in {folder.parent} (default: {args.alias}/)")
    return 0
