"""What a fork changes compared with upstream: one list, read by the "what this fork changes" page, its JSON and the exports.

Pure queries on the model: every item a fork's layers add, override field by field, hide, or mark not applicable,
with the layer that does it and the fork's reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .types import Model


@dataclass(frozen=True)
class Change:
    kind: str  # text kind, plural: practices, expectations, subelements, ui, ...
    id: str
    change: str  # local | overridden | hidden | not_applicable
    layer: str
    fields: dict[str, tuple[str, ...]] = field(default_factory=dict)  # overridden: language -> fields
    reason: Any = None  # hidden, not_applicable: text, or text per language


def portal_name(model: Model, lang: str) -> str:
    """The portal's name in ``lang``: a fork's own (its portal.yml ``site_name``) or upstream's."""
    return (model.brand.get("site_name") or {}).get(lang) or model.ui(lang, "site_name")


def overridden(model: Model) -> dict[tuple[str, str], dict[str, Any]]:
    """(kind, id) -> {"layer": top-most overriding layer, "fields": {lang: (field, ...)}} for every field a fork layer replaces."""
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for (lang, kind, item_id, name), (layer, _file, _line) in sorted(model.field_origin.items()):
        if layer == model.layers[0] or (kind, item_id) in model.item_layer:
            continue
        if model.text_below(layer, lang, kind, item_id, name) is None:
            continue  # a new translation, not an override
        entry = out.setdefault((kind, item_id), {"layer": layer, "fields": {}})
        entry["fields"].setdefault(lang, []).append(name)
        if model.layers.index(layer) > model.layers.index(entry["layer"]):
            entry["layer"] = layer
    return out


def origin(model: Model, kind: str, item_id: str, over: dict[tuple[str, str], Any]) -> str:
    """'local', 'overridden' or 'upstream' for a live item (``kind`` plural, as in the text files; ``over``: :func:`overridden`)."""
    if (kind, item_id) in model.item_layer:
        return "local"
    return "overridden" if (kind, item_id) in over else "upstream"


def changes(model: Model) -> list[Change]:
    """Every deviation from upstream, in a stable order: added, overridden, hidden, not applicable."""
    out = [Change(kind, i, "local", layer) for (kind, i), layer in sorted(model.item_layer.items())]
    out += [
        Change(kind, i, "overridden", e["layer"], {lang: tuple(f) for lang, f in e["fields"].items()})
        for (kind, i), e in overridden(model).items()
    ]
    by = model.tailored_by
    out += [Change("practices", i, "hidden", by.get(("practices", i), ""), reason=r) for i, r in model.hidden.items()]
    out += [Change("expectations", i, "hidden", by.get(("expectations", i), ""), reason=r) for i, r in model.hidden_expectations.items()]
    out += [Change("subelements", i, "not_applicable", by.get(("subelements", i), ""), reason=r) for i, r in model.not_applicable.items()]
    return out
