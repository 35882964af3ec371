"""What the theme's partials and scripts get from the model: the trainers' strings and version line."""

from __future__ import annotations

import os
from pathlib import Path

from ..model.types import Model

# The stylesheets every page needs, served as ONE file (one render-blocking request instead of six); a page type's
# own stylesheet (checklists, team view) stays separate. Order = cascade order. A fork's local/assets/ copy wins.
SITE_STYLESHEETS = ("portal.css", "figures.css", "localise.css", "glossary.css", "crosswalks.css", "trainers.css")
STYLESHEET_BUNDLE = "assets/stylesheets/site.css"


def theme_script(theme_dirs: list[str]) -> str:
    """The path of Material's own script bundle (its name carries a content hash that changes with every theme
    release), so ``overrides/main.html`` can load it deferred without naming a version."""
    found = sorted({p.name for d in theme_dirs for p in (Path(d) / "assets" / "javascripts").glob("bundle.*.min.js")})
    if len(found) != 1:
        raise ValueError(f"expected one bundle.*.min.js in the theme's assets/javascripts, found {found}")
    return f"assets/javascripts/{found[0]}"


def stylesheet_bundle(theme_dir: Path, local_dir: Path) -> str:
    parts = []
    for name in SITE_STYLESHEETS:
        own = local_dir / "assets" / "stylesheets" / name
        source = own if own.is_file() else theme_dir / "assets" / "stylesheets" / name
        parts.append(f"/* {name} */\n" + source.read_text(encoding="utf-8"))
    return "\n".join(parts)


VERSIONED_ENV = "PORTAL_VERSIONED"  # set by `python -m macros publish` while it builds a release copy

_SCRIPT_STRINGS = (
    "copy_link",
    "copy_link_to",
    "copied",
    "cite_copied",
    "copy_failed",
    "cite_title",
    "cite_copy",
    "cite_accessed",
    "cite_version",
    "clause",
    "id",
    "short_url",
    "cite_in",
    "cite_released",
    "cite_publisher",
    "cite_clause_title",
    "cite_portal_title",
    "version_select",
    "version_latest",
)
CLAUSE_KINDS = ("dimension", "element", "subelement", "principle", "handout")


def release_date(model: Model) -> str:
    """Date of the release of the model's version ('' while it is not released yet)."""
    return next((r.date for r in model.releases if r.version == model.version), "")


def theme_data(model: Model, lang: str, publisher: str = "", lang_depth: int = 0) -> dict:
    """What ``overrides/partials/trainers.html`` and ``copyright.html`` show or hand to ``trainers.js``.

    ``publisher``: a fork's own (local/portal.yml ``publisher`` or ``organisation``); upstream names its contributors.
    """
    return {
        "version": model.version,
        # a release copy (/0.1.0/, /latest/): the version selector reads versions.json beside the version folders,
        # ``lang_depth`` folders above this language's root (0 for the first language, 1 for /nl/)
        "versioned": os.environ.get(VERSIONED_ENV, ""),
        "lang_depth": lang_depth,
        "released": release_date(model),
        "publisher": publisher or model.ui(lang, "trainers_publisher_default"),
        "lang": lang,
        "standard": model.standard,
        "version_text": model.ui(lang, "trainers_version").format(version=model.version),
        "changelog_link": model.ui(lang, "trainers_changelog_link"),
        "clause_kinds": list(CLAUSE_KINDS),
        "text": {k: model.ui(lang, f"trainers_{k}") for k in _SCRIPT_STRINGS},
    }
