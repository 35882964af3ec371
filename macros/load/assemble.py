"""Build the frozen :class:`Model` from what the reader read. No checks here, no files: data in, model out."""

from __future__ import annotations

from ..model.changelog import parse as parse_changelog
from ..model.types import KINDS, Dimension, Element, Model, Practice, Principle, Provenance, SubElement, clause_key
from . import crosswalks, terms
from .reader import Sources

_EMPTY_META = {
    "version": "0.0.0",
    "standard": "",
    "pyramid": [],
    "effect_chain": [],
    "assessment_scale": [],
    "roles": [],
    "efforts": [],
    "tags": [],
}


def assemble(src: Sources, complete_languages: tuple[str, ...], fork_languages: tuple[str, ...] = ()) -> Model:
    meta = src.meta.data if src.meta else _EMPTY_META
    d = {k: {i: doc.data for i, doc in sorted(v.items(), key=lambda kv: clause_key(kv[0]))} for k, v in src.docs.items() if k in KINDS}
    d["practices"] = dict(sorted(d["practices"].items()))
    texts = src.texts
    texts.setdefault("en", {})  # reported by checks.check_texts; an empty table keeps the build going
    return Model(
        version=meta["version"],
        standard=meta["standard"],
        dimensions={i: Dimension(i, tuple(e for e, x in d["elements"].items() if x["dimension"] == i)) for i in d["dimensions"]},
        elements={
            i: Element(i, x["dimension"], tuple(s for s, y in d["subelements"].items() if y["element"] == i))
            for i, x in d["elements"].items()
        },
        subelements={
            i: SubElement(i, x["element"], tuple(e for e in x["expectations"] if e not in src.hidden_expectations))
            for i, x in d["subelements"].items()
        },
        principles={i: Principle(i, x["group"]) for i, x in d["principles"].items()},
        practices={
            i: Practice(i, tuple(x["subelements"]), tuple(x["principles"]), tuple(x["roles"]), x["effort"], x["level"], tuple(x["tags"]))
            for i, x in d["practices"].items()
        },
        pyramid=list(meta["pyramid"]),
        effect_chain=[c["id"] for c in meta["effect_chain"]],
        roles=list(meta["roles"]),
        efforts=list(meta["efforts"]),
        tags=list(meta["tags"]),
        coverage=dict(meta.get("coverage") or {}),
        texts=texts,
        sources={(k, i): doc.rel for k, v in src.docs.items() for i, doc in v.items()},
        local=frozenset(src.local_ids),
        hidden=dict(src.hidden),
        hidden_expectations=dict(src.hidden_expectations),
        not_applicable=dict(src.not_applicable),
        tailored_by=dict(src.tailored_by),
        required_languages=tuple(complete_languages),
        text_origin={k: v for k, v in src.text_origin.items() if not (k[1] == "practices" and k[2] in src.hidden)},
        fingerprints=src.fingerprints,
        assessment_scale=[dict(step) for step in meta["assessment_scale"]],
        releases=tuple(parse_changelog(src.changelog.data)) if src.changelog else (),
        fork_releases=tuple(r for doc in src.fork_changelogs for r in parse_changelog(doc.data)),
        terms=terms.terms(src.docs.get("terms", {})),
        crosswalks=crosswalks.frameworks(src.docs.get("crosswalks", {}), src.hidden),
        family=crosswalks.family(src.family),
        layers=tuple(name for name, _folder in src.all_layers),
        layer_texts=src.layer_texts,
        field_origin=src.field_origin,
        replaced=src.replaced,
        item_layer=dict(src.item_layer),
        fork_languages=fork_languages or tuple(complete_languages),
        provenance=_provenance(d["subelements"]),
    )


def _provenance(subelements: dict[str, dict]) -> dict[str, Provenance]:
    """Expectation ID -> where it comes from, in model order (checks.check_provenance reports gaps)."""
    return {
        e: Provenance(x["source"], str(x.get("clause", "")), tuple(x.get("items", ())))
        for s in subelements.values()
        for e, x in (s.get("sources") or {}).items()
    }
