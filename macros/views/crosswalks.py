"""Crosswalk pages: the overview with the family of standards, one page per framework (what ISO 11367 adds
to ISO 23592, the two-way CAF matrix, NORA's perspectives), one page per framework item, and the
crosswalk lines on element, sub-element, practice and principle pages.

Every framework is data (:mod:`macros.model.crosswalks`), so a fork's own framework in ``local/crosswalks/``
gets the same pages with no code.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from ..model.crosswalks import BASE_KINDS, CrosswalkLink, Framework, FrameworkItem, added_by, links_to
from ..outputs import downloads
from ..render.markup import rel_link
from .base import View

_TEMPLATES = {"base": "crosswalk_base.md.j2", "matrix": "crosswalk_matrix.md.j2", "perspectives": "crosswalk_perspectives.md.j2"}
_TARGET_TEXT = {"subelement": "subelements", "element": "elements", "practice": "practices"}


def overview(v: View, _id: str) -> dict[str, Any]:
    """All frameworks, then the family of standards with the elements each helps with."""
    m = v.m
    return {
        "frameworks": [
            {
                **v.text("frameworks", fw.id),
                "link": v.link("framework", fw.id),
                "reference": fw.reference,
                "local": m.is_local("crosswalks", fw.id),
            }
            for fw in m.crosswalks.values()
        ],
        "family": [
            {
                **v.text("family", d.id),
                "number": d.number,
                "draft": d.status == "draft",
                "elements": [v.ref("element", e, "elements") for e in d.elements],
                "crosswalk": v.link("framework", d.id) if d.id in m.crosswalks else None,
            }
            for d in m.family
        ],
    }


def framework(v: View, fw_id: str) -> dict[str, Any]:
    """One framework's page; its template depends on the kind of framework."""
    fw = v.m.crosswalks[fw_id]
    text = v.text("frameworks", fw_id)
    common = {
        **text,
        "reference": fw.reference,
        "page_title": text["title"],
        "template": _TEMPLATES["base" if fw.type == "base" else fw.view],
        "downloads": [
            {"title": downloads.title(d, v.ui(d.title_key)), "link": rel_link(v.here, downloads.site_path(d, v.lang))}
            for d in downloads.crosswalk_downloads(v.m)
            if d.key.startswith(f"crosswalk-{fw_id}.") or d.key == "crosswalk-schema"
        ],
    }
    if fw.type == "base":
        common["page_title"] = v.ui("crosswalks_added_title")
        return {**common, **_base(v, fw)}
    if fw.view == "matrix":
        return {**common, **_matrix(v, fw, text["title"])}
    return {**common, "entries": [_perspective(v, fw, i) for i in fw.items]}


def _reason(v: View, text_id: str) -> str:
    return v.text("crosswalk_reasons", text_id)["reason"]


def _base(v: View, fw: Framework) -> dict[str, Any]:
    m = v.m
    added = {k: set(fw.added_ids(k)) for k in BASE_KINDS}

    def status(kind: str, item_id: str) -> dict[str, Any]:
        is_added = item_id in added[kind]
        return {"added": is_added, "status": v.ui("crosswalks_added" if is_added else "crosswalks_shared")}

    def sub(s: str) -> dict[str, Any]:
        return {**v.ref("subelement", s, "subelements"), **status("subelements", s)}

    return {
        "added_elements": [
            {
                **v.ref("element", e, "elements"),
                "reason": _reason(v, f"{fw.id}:{e}"),
                "subelements": [{**sub(s), "reason": _reason(v, f"{fw.id}:{s}")} for s in m.elements[e].subelement_ids if s != e],
            }
            for e in m.elements
            if e in added["elements"]
        ],
        "added_subelements": [
            {**sub(s), "reason": _reason(v, f"{fw.id}:{s}"), "element": v.ref("element", m.subelements[s].element_id, "elements")}
            for s in m.subelements
            if s in added["subelements"] and m.subelements[s].element_id not in added["elements"]
        ],
        "added_principles": [
            {**v.ref("principle", p, "principles"), "reason": _reason(v, f"{fw.id}:{p}")} for p in m.principles if p in added["principles"]
        ],
        "shared_principles": [v.ref("principle", p, "principles") for p in m.principles if p not in added["principles"]],
        "dimensions": [
            {
                **v.ref("dimension", d, "dimensions"),
                **status("dimensions", d),
                "elements": [
                    {
                        **v.ref("element", e, "elements"),
                        **status("elements", e),
                        "subelements": [sub(s) for s in m.elements[e].subelement_ids if s != e],
                    }
                    for e in m.dimensions[d].element_ids
                ],
            }
            for d in m.dimensions
        ],
    }


def _strength(v: View, link: CrosswalkLink) -> dict[str, Any]:
    return {"strength": v.ui(f"crosswalks_strength_{link.strength}"), "strength_id": Markup(link.strength)}


def _item_text(v: View, item: FrameworkItem) -> dict[str, Any]:
    fields = v.text("framework_items", item.text_id)
    return {**fields, "id": Markup(item.id), "summary": fields.get("summary", "")}


def _matrix(v: View, fw: Framework, title: str) -> dict[str, Any]:
    """Both directions of a matrix framework as two-column tables (each fits a phone), one table per group or dimension."""
    m = v.m
    groups = fw.groups or (("", tuple(i.id for i in fw.items)),)
    rows = []
    for group_id, item_ids in groups:
        items = []
        for item in (fw.item(i) for i in item_ids):
            links = [
                {**v.text(_TARGET_TEXT[link.kind], link.target), **_strength(v, link), "url": v.url(link.kind, link.target)}
                for link in sorted(item.links, key=lambda x: x.strength != "primary")
            ]
            items.append(
                {**_item_text(v, item), "url": v.url("framework_item", item.text_id), "anchor": Markup(f"item-{item.id}"), "links": links}
            )
        group_title = v.text("framework_items", f"{fw.id}:{group_id}")["title"] if group_id else ""
        rows.append({"id": Markup(group_id or fw.id), "title": group_title, "entries": items})
    back = []
    for d in m.dimensions:
        subs = []
        for e in m.dimensions[d].element_ids:
            for s in m.elements[e].subelement_ids:
                links = [
                    {
                        **_item_text(v, fw.item(link.item)),
                        **_strength(v, link),
                        "label": fw.label(link.item),
                        "url": v.url("framework_item", f"{fw.id}:{link.item}"),
                    }
                    for link in links_to([fw], "subelement", s)
                ]
                subs.append({**v.text("subelements", s), "url": v.url("subelement", s), "links": links})
        back.append({**v.text("dimensions", d), "subelements": subs})
    name = fw.abbreviation or title
    return {
        "groups": rows,
        "dimensions": back,
        "from_framework": v.ui("crosswalks_from_framework").replace("{framework}", name),
        "from_model": v.ui("crosswalks_from_model").replace("{framework}", name),
        "col_item": v.ui("crosswalks_col_item").replace("{framework}", name),
        "col_items": v.ui("crosswalks_col_items").replace("{framework}", name),
    }


def _sections(v: View, item: FrameworkItem) -> list[dict[str, Any]]:
    """An item's links grouped by the kind of model item they point to, primary first within each."""
    sections = []
    for kind, key in (
        ("element", "crosswalks_elements"),
        ("subelement", "crosswalks_subelements"),
        ("practice", "crosswalks_practice_links"),
    ):
        links = sorted((link for link in item.links if link.kind == kind), key=lambda x: x.strength != "primary")
        if links:
            sections.append(
                {
                    "id": Markup(f"{kind}s"),
                    "title": v.ui(key),
                    "links": [
                        {
                            **v.ref(kind, link.target, _TARGET_TEXT[kind]),
                            "id": Markup("" if kind == "practice" else link.target),
                            **_strength(v, link),
                            "reason": _reason(v, link.text_id),
                        }
                        for link in links
                    ],
                }
            )
    return sections


def _perspective(v: View, fw: Framework, item: FrameworkItem) -> dict[str, Any]:
    return {
        **_item_text(v, item),
        "anchor": Markup(item.id),
        "link": v.link("framework_item", item.text_id),
        "sections": _sections(v, item),
    }


def item_page(v: View, text_id: str) -> dict[str, Any]:
    """One framework item: what it is, where the model meets it (with reasons) and the practices that help."""
    m = v.m
    fw_id, _, item_id = text_id.partition(":")
    fw = m.crosswalks[fw_id]
    item = fw.item(item_id)
    fw_text = v.text("frameworks", fw_id)
    practice_groups = []
    for link in sorted((x for x in item.links if x.kind == "subelement"), key=lambda x: x.strength != "primary"):
        practices = [v.ref("practice", p.id, "practices") for p in m.practices_for(link.target)]
        if practices:
            heading = v.ui("crosswalks_practices_for").replace("{item}", v.titled("subelements", link.target))
            practice_groups.append({"heading": heading, "practices": practices})
    before, after = fw.neighbours(item_id)

    def near(x: FrameworkItem | None) -> dict[str, Any] | None:
        return None if x is None else {**_item_text(v, x), "label": fw.label(x.id), "url": v.url("framework_item", x.text_id)}

    label = fw.label(item_id)
    title = _item_text(v, item)["title"]
    return {
        **_item_text(v, item),
        "label": label,
        "page_title": f"{label} {title}" if label else title,
        "framework": {**fw_text, "link": v.link("framework", fw_id)},
        "group": {"id": Markup(item.group), "title": v.text("framework_items", f"{fw_id}:{item.group}")["title"]} if item.group else None,
        "sections": _sections(v, item),
        "practices": practice_groups,
        "previous": near(before),
        "next": near(after),
        "back": v.ui("crosswalks_back").replace("{framework}", fw.abbreviation or fw_text["title"]),
    }


def refs(v: View, targets: list[tuple[str, str]]) -> list[dict[str, Any]]:
    """Per mapping framework, its links to these model items (kind, ID: subelement, element or practice)."""
    out = []
    for fw in v.m.crosswalks.values():
        links = [link for kind, target in targets for link in links_to([fw], kind, target)]
        if not links:
            continue
        fw_text = v.text("frameworks", fw.id)
        if fw.view == "perspectives":
            heading = v.ui("crosswalks_from_perspective")
        else:
            heading = v.ui("crosswalks_on_page").replace("{framework}", fw_text["title"])
        out.append(
            {
                "heading": heading,
                "links": [
                    {
                        **_item_text(v, fw.item(link.item)),
                        "label": fw.label(link.item),
                        "link": v.link("framework_item", f"{fw.id}:{link.item}"),
                        **_strength(v, link),
                        "reason": _reason(v, link.text_id),
                    }
                    for link in links
                ],
            }
        )
    return out


def section(v: View, targets: list[tuple[str, str]], element_id: str = "") -> dict[str, Any]:
    """The "other frameworks" section of a model page: links from frameworks, and the family documents for an element."""
    family = [
        {**v.text("family", d.id), "number": d.number, "link": v.link("crosswalks", "crosswalks", d.id)}
        for d in v.m.family
        if element_id and element_id in d.elements
    ]
    return {"refs": refs(v, targets), "family": family}


def added(v: View, kind: str, item_id: str) -> list[dict[str, Any]]:
    """The "added for public services" label of a model item a base framework lacks (kind plural: "elements")."""
    out = []
    for fw in added_by(v.m.crosswalks.values(), kind, item_id):
        anchor = {"elements": item_id, "subelements": "added-subelements", "principles": "added-principles"}.get(kind, "overview")
        if kind == "subelements":  # a sub-element of an added element is explained under that element
            element_id = v.m.subelements[item_id].element_id
            anchor = element_id if element_id in fw.added_ids("elements") else anchor
        out.append(
            {
                "badge": v.ui("crosswalks_added_badge"),
                "explain": v.ui("crosswalks_added_explain"),
                "more": v.ui("crosswalks_added_more"),
                "url": Markup(f"{v.url('framework', fw.id)}#{anchor}"),
            }
        )
    return out
