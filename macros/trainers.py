"""Glue for the trainers' features: strings for the theme's scripts, and the ``urls`` command.

The pages are page types in :mod:`macros.pages`, the data is in
:mod:`macros.inventory`, :mod:`macros.changelog`, :mod:`macros.redirects`,
:mod:`macros.published` and :mod:`macros.exports`.
"""

from __future__ import annotations

import json
from pathlib import Path

from .model import Model

_SCRIPT_STRINGS = ("copy_link", "copy_link_to", "copied", "cite_copied", "copy_failed", "cite_title", "cite_copy",
                   "cite_accessed", "cite_version", "clause", "id", "short_url")
CLAUSE_KINDS = ("dimension", "element", "subelement", "principle", "handout")


def theme_data(model: Model, lang: str) -> dict:
    """What ``overrides/partials/trainers.html`` and ``copyright.html`` show or hand to ``trainers.js``."""
    return {"version": model.version, "lang": lang, "standard": model.standard,
            "version_text": model.ui(lang, "trainers_version").format(version=model.version),
            "changelog_link": model.ui(lang, "trainers_changelog_link"),
            "clause_kinds": list(CLAUSE_KINDS),
            "text": {k: model.ui(lang, f"trainers_{k}") for k in _SCRIPT_STRINGS}}


ID_INDEX = "assets/item-ids.json"


def id_index(model: Model, lang: str) -> str:
    """Every live item's ID -> its URL (from the language root) and title, for "type an ID in search, land on it".

    The search engine splits practice IDs at hyphens, so an exact ID match is looked up here instead.
    """
    from .inventory import LINK_KINDS, primaries

    index: dict[str, dict[str, str]] = {}
    places = primaries(model)
    for kind in LINK_KINDS:  # registry order: an element that is its own sub-element is found as the element
        for (k, item_id), link in places.items():
            if k != kind.name or item_id.lower() in index:
                continue
            fields = model.text(lang, k + "s", item_id)[0]
            url = link.path().lstrip("/")
            title = fields.get("title") or fields.get("term") or fields.get("text", "")
            index[item_id.lower()] = {"id": item_id, "url": url, "title": title if len(title) <= 80 else title[:79] + "…"}
    return json.dumps(index, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def files(model: Model, lang: str) -> list[tuple[str, str]]:
    """Extra files of a language build: redirects of old URLs, moved anchors, the ID index."""
    from . import redirects

    return [*redirects.files(model, lang), (ID_INDEX, id_index(model, lang))]


def urls_command(args) -> int:
    """``python -m macros urls``: add the URLs of new items to model/published-urls.txt, never remove one."""
    from . import published
    from .loader import load_model
    from .problems import ModelInvalid
    from .site_build import configured_languages

    config = Path(args.config).resolve()
    try:
        model = load_model(config.parent / "model")
    except ModelInvalid as err:
        print(err)
        return 1
    languages = configured_languages(config)
    urls = published.current(model, languages, config.parent / "docs" / languages[0])
    added = published.add_new(config.parent / published.FILE_NAME, urls)
    print(f"{published.FILE_NAME}: {len(added)} new URL(s) added" + "".join(f"\n  {u}" for u in added))
    return 0
