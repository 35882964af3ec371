"""The site navigation, derived from the model.

``mkdocs.yml`` lists the hand-written pages and marks where the generated
sections go (``model/index.md``, ``principles/index.md``,
``practices/index.md``, ``status/index.md``, ``checklists/index.md``,
``glossary/index.md``); this module expands those markers, so a new element
or sub-element shows up in the menu with no edit to the config.
"""

from __future__ import annotations

import html
from typing import Any

from ..model.types import Model
from ..urls.scheme import checklist_src, src_of


def _label(model: Model, lang: str, kind: str, item_id: str) -> str:
    # Material prints nav titles without escaping; model text is plain, so escape it here.
    fields, actual = model.text(lang, kind, item_id)
    label = html.escape(f"{item_id} {fields.get('title', item_id)}")
    # Untranslated: say which language it is in, as on the pages (WCAG 3.1.2).
    return label if actual == lang else f'<span lang="{actual}">{label}</span>'


def _model_section(model: Model, lang: str) -> dict[str, Any]:
    dims = []
    for d in model.dimensions.values():
        elements = []
        for e in (model.elements[i] for i in d.element_ids):
            if e.is_own_subelement:
                elements.append(src_of(model, "element", e.id))
            else:
                elements.append(
                    {
                        _label(model, lang, "elements", e.id): [src_of(model, "element", e.id)]
                        + [src_of(model, "subelement", s) for s in e.subelement_ids]
                    }
                )
        dims.append({_label(model, lang, "dimensions", d.id): [src_of(model, "dimension", d.id)] + elements})
    return {html.escape(model.ui(lang, "nav_model")): ["model/index.md"] + dims}


def _principles_section(model: Model, lang: str) -> dict[str, Any]:
    return {
        html.escape(model.ui(lang, "nav_principles")): ["principles/index.md"] + [src_of(model, "principle", p) for p in model.principles]
    }


def _checklists_section(model: Model, lang: str) -> dict[str, Any]:
    dims = [
        {
            html.escape(f"{d.id} {model.text(lang, 'dimensions', d.id)[0].get('title', d.id)}"): [checklist_src("dimension", d.id)]
            + [checklist_src("element", e) for e in d.element_ids]
        }
        for d in model.dimensions.values()
    ]
    return {
        html.escape(model.ui(lang, "checklists_nav")): [checklist_src("checklists"), checklist_src("plan"), checklist_src("team")] + dims
    }


def _crosswalks_section(model: Model, lang: str) -> dict[str, Any]:
    """The crosswalks overview and one entry per framework (a fork's own ones too); item pages are reached from those."""
    entries = []
    for fw_id in model.crosswalks:
        fields, actual = model.text(lang, "frameworks", fw_id)
        label = html.escape(fields.get("title", fw_id))
        entries.append({label if actual == lang else f'<span lang="{actual}">{label}</span>': src_of(model, "framework", fw_id)})
    return {html.escape(model.ui(lang, "nav_crosswalks")): ["crosswalks/index.md", *entries]}


def build(configured: list | None, model: Model, lang: str) -> list:
    """Expand the markers in the configured nav; add the generated sections if there is no nav."""
    expand = {
        "model/index.md": lambda: _model_section(model, lang),
        "principles/index.md": lambda: _principles_section(model, lang),
        "practices/index.md": lambda: {html.escape(model.ui(lang, "nav_practices")): "practices/index.md"},
        "status/index.md": lambda: {html.escape(model.ui(lang, "localise_nav_status")): "status/index.md"},
        "checklists/index.md": lambda: _checklists_section(model, lang),
        "glossary/index.md": lambda: {html.escape(model.ui(lang, "nav_glossary")): ["glossary/index.md", "glossary/lookup/index.md"]},
        "crosswalks/index.md": lambda: _crosswalks_section(model, lang),
    }
    items = list(configured) if configured else ["index.md", *expand]
    return [expand[item]() if isinstance(item, str) and item in expand else item for item in items]
