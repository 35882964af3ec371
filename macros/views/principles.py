"""The principles overview and one page per principle, with the elements and practices that serve it."""

from __future__ import annotations

from typing import Any

from . import crosswalks
from .base import View


def overview(v: View, _id: str) -> dict[str, Any]:
    return {
        "groups": [
            {
                "id": group,
                "title": v.ui(f"principles_{group}"),
                "principles": [principle(v, p) for p, x in v.m.principles.items() if x.group == group],
            }
            for group in ("general", "public")
        ]
    }


def principle(v: View, item_id: str) -> dict[str, Any]:
    m = v.m
    practices = m.practices_serving(item_id)
    per_element: dict[str, int] = {}
    for p in practices:  # a practice counts for the element of its home sub-element
        home = m.subelements[p.home_id].element_id
        per_element[home] = per_element.get(home, 0) + 1
    return {
        **v.ref("principle", item_id, "principles"),
        "group": m.principles[item_id].group,
        "added": crosswalks.added(v, "principles", item_id),
        "elements": [{**v.ref("element", e, "elements"), "count": per_element[e]} for e in m.elements if e in per_element],
        "practices": [{**v.ref("practice", p.id, "practices"), "url": v.url("practice", p.id)} for p in practices],
    }
