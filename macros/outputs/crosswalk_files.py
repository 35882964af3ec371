"""Each crosswalk as data, per language: JSON (with ``crosswalk.schema.json``) and CSV (formula-safe).

A mapping framework (CAF 2020, NORA, a fork's own) has one row per link: its item, the model item it meets,
the strength and the reason. A base framework (ISO 23592) has one row per model item: shared or added, and
for an added one the reason. Pure builders, site in, bytes out, registered in :mod:`macros.outputs.downloads`.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from ..model.crosswalks import BASE_KINDS, Framework
from ..urls.site import Site
from .spreadsheet_safety import csv_rows

SCHEMA_FILE = "crosswalk.schema.json"
_TEXT_KIND = {
    "subelement": "subelements",
    "element": "elements",
    "practice": "practices",
    "principle": "principles",
    "dimension": "dimensions",
}
MAPPING_COLUMNS = (
    "framework",
    "group",
    "group_title",
    "item",
    "item_title",
    "target_kind",
    "target",
    "target_title",
    "strength",
    "reason",
    "target_url",
)
BASE_COLUMNS = ("framework", "kind", "id", "title", "status", "reason", "url")


def data(site: Site, lang: str, fw_id: str) -> dict[str, Any]:
    """One crosswalk in one language, as one JSON-ready structure (see ``SCHEMA``)."""
    m = site.model
    fw = m.crosswalks[fw_id]

    def text(kind: str, item_id: str, field: str = "title") -> str:
        return str(m.text(lang, kind, item_id)[0].get(field, ""))

    out: dict[str, Any] = {
        "$schema": SCHEMA_FILE,
        "model_version": m.version,
        "standard": m.standard,
        "language": lang,
        "framework": {
            "id": fw.id,
            "type": fw.type,
            "reference": fw.reference,
            "title": text("frameworks", fw.id),
            "summary": text("frameworks", fw.id, "summary"),
        },
    }
    if fw.type == "base":
        rows = []
        for kind in BASE_KINDS:
            singular = kind[:-1]
            added = fw.added_ids(kind)
            for item_id in getattr(m, kind):
                rows.append(
                    {
                        "kind": singular,
                        "id": item_id,
                        "title": text(kind, item_id),
                        "status": "added" if item_id in added else "shared",
                        "reason": text("crosswalk_reasons", f"{fw.id}:{item_id}", "reason") if item_id in added else "",
                        "url": site.url(singular, item_id, lang),
                    }
                )
        out["model_items"] = rows
        return out
    out["items"] = [
        {
            "id": item.id,
            "group": item.group,
            "group_title": text("framework_items", f"{fw.id}:{item.group}") if item.group else "",
            "title": text("framework_items", item.text_id),
            "summary": text("framework_items", item.text_id, "summary"),
            "url": site.url("framework_item", item.text_id, lang),
            "links": [
                {
                    "target_kind": link.kind,
                    "target": link.target,
                    "target_title": text(_TEXT_KIND[link.kind], link.target),
                    "strength": link.strength,
                    "reason": text("crosswalk_reasons", link.text_id, "reason"),
                    "target_url": site.url(link.kind, link.target, lang),
                }
                for link in item.links
            ],
        }
        for item in fw.items
    ]
    return out


def json_bytes(site: Site, lang: str, fw_id: str) -> bytes:
    return (json.dumps(data(site, lang, fw_id), ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def csv_bytes(site: Site, lang: str, fw_id: str) -> bytes:
    """One row per link (mapping) or per model item (base); UTF-8 with BOM for Excel; no cell can run as a formula."""
    d = data(site, lang, fw_id)
    fw: Framework = site.model.crosswalks[fw_id]
    rows: list[list[Any]] = []
    if fw.type == "base":
        rows.append(list(BASE_COLUMNS))
        rows += [[fw_id, *(r[c] for c in BASE_COLUMNS[1:])] for r in d["model_items"]]
    else:
        rows.append(list(MAPPING_COLUMNS))
        for item in d["items"]:
            head = [fw_id, item["group"], item["group_title"], item["id"], item["title"]]
            rows += [head + [link[c] for c in MAPPING_COLUMNS[5:]] for link in item["links"]] or [head + [""] * 6]
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(csv_rows(rows))
    return out.getvalue().encode("utf-8-sig")


def schema_bytes(_site: Site, _lang: str) -> bytes:
    return (json.dumps(SCHEMA, indent=1) + "\n").encode("utf-8")


_STR = {"type": "string"}
SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": SCHEMA_FILE,
    "title": "Crosswalk between ISO 11367 and another framework, in one language",
    "type": "object",
    "required": ["model_version", "language", "framework"],
    "properties": {
        "$schema": _STR,
        "model_version": _STR,
        "standard": _STR,
        "language": _STR,
        "framework": {
            "type": "object",
            "required": ["id", "type", "reference", "title"],
            "properties": {"id": _STR, "type": {"enum": ["base", "mapping"]}, "reference": _STR, "title": _STR, "summary": _STR},
        },
        "model_items": {
            "description": "base framework: every ISO 11367 item, shared with the framework or added for public services",
            "type": "array",
            "items": {
                "type": "object",
                "required": ["kind", "id", "status"],
                "properties": {
                    "kind": {"enum": ["dimension", "element", "subelement", "principle"]},
                    "id": _STR,
                    "title": _STR,
                    "status": {"enum": ["shared", "added"]},
                    "reason": _STR,
                    "url": _STR,
                },
            },
        },
        "items": {
            "description": "mapping framework: its items, each with the ISO 11367 items it meets",
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id", "title", "links"],
                "properties": {
                    "id": _STR,
                    "group": _STR,
                    "group_title": _STR,
                    "title": _STR,
                    "summary": _STR,
                    "url": _STR,
                    "links": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["target_kind", "target", "strength"],
                            "properties": {
                                "target_kind": {"enum": ["subelement", "element", "practice"]},
                                "target": _STR,
                                "target_title": _STR,
                                "strength": {"enum": ["primary", "related"]},
                                "reason": _STR,
                                "target_url": _STR,
                            },
                        },
                    },
                },
            },
        },
    },
}
