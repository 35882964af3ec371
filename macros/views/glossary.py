"""The glossary (one entry per term, anchored by its language-neutral ID) and the bilingual term lookup."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from ..model import glossary, terminology
from ..outputs import downloads
from ..render.markup import rel_link, rel_url
from .base import View

_TERM_DEFAULTS = {"abbreviation": "", "synonyms": [], "avoid": [], "note": ""}  # optional term fields


def term(v: View, term_id: str) -> dict[str, Any]:
    m = v.m
    t = m.terms[term_id]
    others = [
        {"lang": lang, "language_name": m.ui(lang, "language_name"), **_TERM_DEFAULTS, **m.texts[lang]["terms"][term_id]}
        for lang in glossary.languages_with_terms(m)
        if lang != v.lang and term_id in m.texts[lang]["terms"]
    ]
    return {
        **_TERM_DEFAULTS,
        **v.text("terms", term_id, own_only=terminology.VARIANT_FIELDS),  # the words this language's readers use
        "status": v.ui(f"glossary_status_{t.status}"),
        "status_id": t.status,
        "source": glossary.source_label(m, v.lang, term_id),
        "others": others,
        "related": [
            {**_TERM_DEFAULTS, **v.text("terms", r, own_only=terminology.VARIANT_FIELDS), "link": Markup(f"#{r}")} for r in t.related
        ],
        "places": [v.ref("element", e, "elements") for e in t.elements] + [v.ref("subelement", s, "subelements") for s in t.subelements],
    }


def glossary_page(v: View, _id: str) -> dict[str, Any]:
    letters: dict[str, list[dict[str, Any]]] = {}
    for term_id in glossary.ordered(v.m, v.lang):
        entry = term(v, term_id)
        letters.setdefault(glossary.initial(entry["term"]), []).append(entry)
    return {
        "letters": [
            {"label": letter, "anchor": Markup("letter-" + ("other" if letter == "#" else letter.lower())), "entries": entries}
            for letter, entries in letters.items()
        ],
        "count": len(v.m.terms),
        "lookup": v.link("glossary_lookup", "lookup"),
        "downloads": [
            {"title": v.ui(d.title_key), "link": rel_link(v.here, downloads.site_path(d, v.lang))}
            for d in downloads.DOWNLOADS
            if d.key.startswith("glossary-")
        ],
    }


def lookup(v: View, _id: str) -> dict[str, Any]:
    m = v.m
    langs = glossary.languages_with_terms(m)
    entry_url = rel_url(v.here, "glossary/index.md")
    rows = []
    for term_id in glossary.ordered(m, v.lang):
        cells = []
        for lang in langs:
            fields = m.texts[lang]["terms"].get(term_id, {})
            cells.append(
                {
                    "lang": lang,
                    "term": fields.get("term", ""),
                    "abbreviation": fields.get("abbreviation", ""),
                    "url": Markup(f"{entry_url}#{term_id}") if lang == v.lang else None,
                }
            )
        rows.append({"id": Markup(term_id), "cells": cells, "status": v.ui(f"glossary_status_{m.terms[term_id].status}")})
    columns = [{"lang": lang, "label": m.ui(lang, "language_name"), "sorted": lang == v.lang} for lang in langs]
    return {"columns": columns, "rows": rows, "glossary": v.link("glossary", "glossary")}
