"""The "what this portal changes" page of a fork, and the same list as JSON (``downloads/fork-changes.json``)."""

from __future__ import annotations

import json
import posixpath
from typing import Any

from markupsafe import Markup

from ..model.fork import Change, changes, portal_name
from ..model.types import SINGULAR, Model
from ..urls.scheme import page_dir
from .base import View

CHANGES_JSON = "downloads/fork-changes.json"
_PAGE_KINDS = ("dimensions", "elements", "subelements", "principles", "practices")


def fork_changes(v: View, _id: str) -> dict[str, Any]:
    english_ui = v.m.texts[v.m.source_language].get("ui", {})
    rows = []
    for c in changes(v.m):
        kind_key = f"localise_kind_{c.kind}"
        rows.append(
            {
                "change": v.ui(f"localise_change_{c.change}"),
                "kind": v.ui(kind_key) if kind_key in english_ui else c.kind,
                "id": Markup(c.id) if c.kind != "ui" else c.id,
                "link": _link(v, c),
                "fields": "; ".join(f"{lang}: {', '.join(f or '-' for f in names)}" for lang, names in c.fields.items()),
                "reason": v.reason(c.reason) if c.reason is not None else "",
                "layer": c.layer,
            }
        )
    return {"rows": rows, "json_link": posixpath.relpath(CHANGES_JSON, page_dir(v.here))}


def _link(v: View, c: Change) -> str:
    """URL of the changed item for the raw HTML table (a hidden practice's address explains why it is gone)."""
    if c.kind == "expectations":
        return v.url("subelement", c.id.rsplit("-e", 1)[0]) + Markup("#") + c.id
    if c.kind in _PAGE_KINDS:
        return v.url(SINGULAR[c.kind], c.id)
    return ""


def changes_json(model: Model) -> str:
    """Every deviation from upstream as data: kind, ID, what changed, in which layer, fields and reasons."""
    brand = model.brand
    data = {
        "portal": portal_name(model, model.source_language),
        "portal_version": str(brand.get("version", "")),
        "publisher": brand.get("publisher") or brand.get("organisation", ""),
        "upstream_model_version": model.version,
        "layers": list(model.layers),
        "changes": [
            {
                "kind": SINGULAR.get(c.kind, c.kind),
                "id": c.id,
                "change": c.change,
                "layer": c.layer,
                **({"fields": {lang: list(f) for lang, f in c.fields.items()}} if c.fields else {}),
                **({"reason": c.reason} if c.reason is not None else {}),
            }
            for c in changes(model)
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
