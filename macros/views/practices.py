"""Practice pages and the practice catalogue."""

from __future__ import annotations

from typing import Any

from . import crosswalks
from .base import View


def practice_page(v: View, item_id: str) -> dict[str, Any]:
    """A practice's own page: the practice, and the frameworks that point to it (NORA's perspectives)."""
    return {**practice(v, item_id), "crosswalks": crosswalks.section(v, [("practice", item_id)])}


def practice(v: View, item_id: str) -> dict[str, Any]:
    m = v.m
    p = m.practices[item_id]
    home_element = m.subelements[p.home_id].element_id
    level_ids = [x["id"] for x in m.pyramid if x["level"] == p.level]
    return {
        **v.ref("practice", item_id, "practices"),
        "url": v.url("practice", item_id),
        "subelements": [{**v.ref("subelement", s, "subelements"), "url": v.url("subelement", s)} for s in p.subelement_ids],
        "principles": [{**v.ref("principle", x, "principles"), "url": v.url("principle", x)} for x in p.principle_ids],
        "roles": [v.label("roles", r) for r in p.roles],
        "effort": v.label("efforts", p.effort),
        "level": p.level,
        "level_title": v.text("pyramid", level_ids[0])["title"] if level_ids else "",
        "tags": [v.label("tags", t) for t in p.tags],
        "filters": {
            "dimension": m.elements[home_element].dimension_id,
            "element": home_element,
            "principles": list(p.principle_ids),
            "roles": list(p.roles),
            "effort": p.effort,
            "tags": list(p.tags),
        },
    }


def catalogue(v: View, _id: str) -> dict[str, Any]:
    m = v.m
    options = {
        "dimension": [(d, v.titled("dimensions", d)) for d in m.dimensions],
        "element": [(e, v.titled("elements", e)) for e in m.elements],
        "principle": [(p, v.titled("principles", p)) for p in m.principles],
        "role": [(r, v.label("roles", r)) for r in m.roles],
        "effort": [(x, v.label("efforts", x)) for x in m.efforts],
        "tag": [(t, v.label("tags", t)) for t in m.tags],
    }
    filters = [
        {"key": key, "label": v.ui(f"filter_{key}"), "options": [{"value": value, "label": label} for value, label in values]}
        for key, values in options.items()
    ]
    elements = []
    for e in m.elements:
        practices = [practice(v, p.id) for p in m.practices.values() if m.subelements[p.home_id].element_id == e]
        elements.append({**v.ref("element", e, "elements"), "dimension": m.elements[e].dimension_id, "practices": practices})
    return {"filters": filters, "elements": elements}
