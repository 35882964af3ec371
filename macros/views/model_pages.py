"""The model's own pages: the overview with its figures, dimensions, elements and sub-elements."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from ..outputs.figure_files import FIGURES
from ..render import figures
from . import crosswalks
from .base import View
from .practices import practice
from .trainers import figure_downloads


def overview(v: View, _id: str) -> dict[str, Any]:
    m = v.m
    return {
        "dimensions": [dimension(v, d) for d in m.dimensions],
        "pyramid": [{**v.text("pyramid", p["id"]), **p} for p in m.pyramid],
        "chain": [v.text("effect_chain", c) for c in m.effect_chain],
        "figure": figures.model_figure(m, v.lang, v.url),
        "pyramid_svg": figures.pyramid_svg(m, v.lang),
        "chain_svg": figures.chain_svg(m, v.lang),
        "files": {name: figure_downloads(v, name) for name in FIGURES},
        "version": m.version,
        "standard": m.standard,
    }


def dimension(v: View, item_id: str) -> dict[str, Any]:
    m = v.m
    return {
        **v.ref("dimension", item_id, "dimensions"),
        "elements": [
            {
                **v.ref("element", e, "elements"),
                "subelements": [v.ref("subelement", s, "subelements") for s in m.elements[e].subelement_ids if s != e],
            }
            for e in m.dimensions[item_id].element_ids
        ],
    }


def element(v: View, item_id: str) -> dict[str, Any]:
    m = v.m
    el = m.elements[item_id]
    return {
        **v.ref("element", item_id, "elements"),
        "dimension": v.ref("dimension", el.dimension_id, "dimensions"),
        "subelements": [
            {
                **v.ref("subelement", s, "subelements"),
                "practice_count": len(m.practices_for(s)),
                "expectation_count": len(m.subelements[s].expectation_ids),
            }
            for s in el.subelement_ids
            if s != item_id
        ],
        "own": subelement(v, item_id) if el.is_own_subelement else None,
        "added": crosswalks.added(v, "elements", item_id),
        "crosswalks": crosswalks.section(v, [("element", item_id)] + ([("subelement", item_id)] if el.is_own_subelement else []), item_id),
    }


def subelement(v: View, item_id: str) -> dict[str, Any]:
    m = v.m
    sub = m.subelements[item_id]
    el = m.elements[sub.element_id]
    return {
        **v.ref("subelement", item_id, "subelements"),
        "element": v.ref("element", el.id, "elements"),
        "dimension": v.ref("dimension", el.dimension_id, "dimensions"),
        "expectations": [v.expectation(e) for e in sub.expectation_ids],
        # a fork's tailoring, shown where it applies: left-out expectations keep their anchor and say why
        "hidden_expectations": [
            {"id": Markup(e), "reason": v.reason(r)} for e, r in m.hidden_expectations.items() if e.rsplit("-e", 1)[0] == item_id
        ],
        "not_applicable": v.reason(m.not_applicable[item_id]) if item_id in m.not_applicable else "",
        "practices": [practice(v, p.id) for p in m.practices_for(item_id)],
        "added": crosswalks.added(v, "subelements", item_id),
        "crosswalks": crosswalks.section(v, [("subelement", item_id)]),
    }
