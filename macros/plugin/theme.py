"""What the theme's partials and scripts get from the model: the trainers' strings and version line."""

from __future__ import annotations

from ..model.types import Model

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
)
CLAUSE_KINDS = ("dimension", "element", "subelement", "principle", "handout")


def release_date(model: Model) -> str:
    """Date of the release of the model's version ('' while it is not released yet)."""
    return next((r.date for r in model.releases if r.version == model.version), "")


def theme_data(model: Model, lang: str, publisher: str = "") -> dict:
    """What ``overrides/partials/trainers.html`` and ``copyright.html`` show or hand to ``trainers.js``.

    ``publisher``: a fork's own (local/portal.yml ``publisher`` or ``organisation``); upstream names its contributors.
    """
    return {
        "version": model.version,
        "released": release_date(model),
        "publisher": publisher or model.ui(lang, "trainers_publisher_default"),
        "lang": lang,
        "standard": model.standard,
        "version_text": model.ui(lang, "trainers_version").format(version=model.version),
        "changelog_link": model.ui(lang, "trainers_changelog_link"),
        "clause_kinds": list(CLAUSE_KINDS),
        "text": {k: model.ui(lang, f"trainers_{k}") for k in _SCRIPT_STRINGS},
    }
