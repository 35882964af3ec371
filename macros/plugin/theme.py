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
)
CLAUSE_KINDS = ("dimension", "element", "subelement", "principle", "handout")


def theme_data(model: Model, lang: str) -> dict:
    """What ``overrides/partials/trainers.html`` and ``copyright.html`` show or hand to ``trainers.js``."""
    return {
        "version": model.version,
        "lang": lang,
        "standard": model.standard,
        "version_text": model.ui(lang, "trainers_version").format(version=model.version),
        "changelog_link": model.ui(lang, "trainers_changelog_link"),
        "clause_kinds": list(CLAUSE_KINDS),
        "text": {k: model.ui(lang, f"trainers_{k}") for k in _SCRIPT_STRINGS},
    }
