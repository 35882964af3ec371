"""The catalogue as data: JSON (with its JSON Schema), CSV and XLSX, per language and for all languages.

Pure builders, site in, bytes out, registered in :mod:`macros.outputs.downloads`.
Text fields are keyed by language (``{"en": "...", "nl": "..."}``) in JSON, and
suffixed by language (``title_nl``) in the combined CSV and XLSX, so one
shape serves a single language and all of them. Every file carries the model version.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from datetime import datetime
from typing import Any

from openpyxl import Workbook

from ..model import fork
from ..model.crosswalks import links_to
from ..model.types import PROVENANCE_SOURCES, Model
from ..urls.site import Site
from .spreadsheet_safety import csv_rows, xlsx_row

COMBINED = "all"


def export_languages(model: Model, lang: str) -> list[str]:
    """The languages a file holds: one, or (``all``) every language with text, source language first."""
    if lang != COMBINED:
        return [lang]
    return [model.source_language] + sorted(k for k in model.texts if k != model.source_language)


def _texts(model: Model, langs: list[str], kind: str, item_id: str, fields: tuple[str, ...]) -> dict[str, dict[str, Any]]:
    return {f: {lang: model.text(lang, kind, item_id)[0].get(f) for lang in langs} for f in fields}


def catalogue(site: Site, lang: str) -> dict[str, Any]:
    """The catalogue as one JSON-ready structure (see ``SCHEMA``); built once per build and language."""
    return site.once(("catalogue", lang), lambda: _catalogue(site, lang))


def _crosswalk_cells(m: Model, subelement_id: str) -> dict[str, list[str]]:
    """Per matrix crosswalk (CAF 2020, a fork's own), the items a sub-element serves: ['CAF 3.2 primary', ...].

    In the catalogue's sub-elements and expectations, so a team can reuse evidence it gathered for that framework.
    """
    return {
        fw.id: [f"{fw.search_id(link.item)} {link.strength}" for link in links_to([fw], "subelement", subelement_id)]
        for fw in m.crosswalks.values()
        if fw.view == "matrix"
    }


def _reasons(m: Model, value: Any, langs: list[str]) -> dict[str, str]:
    """A fork's reason per language, each in the language it is written in (never another language's text under a code)."""
    found = {lang: m.reason(value, lang) for lang in langs}
    return {actual: text for text, actual in found.values() if text}


def portal_info(m: Model, langs: list[str]) -> dict[str, Any]:
    """Name, version and publisher of the portal the file comes from: a fork's own, from its portal.yml files."""
    brand = m.brand
    names = brand.get("site_name") or {}
    info: dict[str, Any] = {"portal": names.get(langs[0]) or m.ui(m.source_language, "site_name")}
    if brand.get("version"):
        info["portal_version"] = str(brand["version"])
    if brand.get("publisher") or brand.get("organisation"):
        info["publisher"] = brand.get("publisher") or brand["organisation"]
    return info


def _catalogue(site: Site, lang: str) -> dict[str, Any]:
    m = site.model
    langs = export_languages(m, lang)
    over = fork.overridden(m)

    def item(kind: str, plural: str, item_id: str, fields: tuple[str, ...], **extra) -> dict[str, Any]:
        url = {x: site.url(kind, item_id, x) for x in langs}
        out = {"id": item_id, "origin": fork.origin(m, plural, item_id, over), **extra, **_texts(m, langs, plural, item_id, fields)}
        # text a language does not have yet is shown in another one: say which, instead of passing it off as that language
        shown = {x: m.text(x, plural, item_id)[1] for x in langs}
        fallback = {x: actual for x, actual in shown.items() if actual != x}
        if fallback:
            out["fallback"] = fallback
        if plural == "subelements" and item_id in m.not_applicable:
            out["not_applicable"] = _reasons(m, m.not_applicable[item_id], langs)
        return {**out, "url": url}

    hidden = [("practice", i, r) for i, r in m.hidden.items()] + [("expectation", i, r) for i, r in m.hidden_expectations.items()]
    return {
        "$schema": "catalogue.schema.json",
        **portal_info(m, langs),
        "standard": m.standard,
        "model_version": m.version,
        "languages": langs,
        **({"hidden": [{"kind": k, "id": i, "reason": _reasons(m, r, langs)} for k, i, r in hidden]} if hidden else {}),
        "dimensions": [
            item("dimension", "dimensions", d, ("title", "summary"), elements=list(x.element_ids)) for d, x in m.dimensions.items()
        ],
        "elements": [
            item("element", "elements", e, ("title", "summary"), dimension=x.dimension_id, subelements=list(x.subelement_ids))
            for e, x in m.elements.items()
        ],
        "subelements": [
            item(
                "subelement",
                "subelements",
                s,
                ("title", "summary", "why"),
                element=x.element_id,
                expectations=list(x.expectation_ids),
                crosswalks=_crosswalk_cells(m, s),
            )
            for s, x in m.subelements.items()
        ],
        "expectations": [
            item("expectation", "expectations", e, ("text",), subelement=s, **_provenance(m, e), crosswalks=_crosswalk_cells(m, s))
            for e, s in m.expectations.items()
        ],
        "principles": [
            item("principle", "principles", p, ("title", "summary", "in_practice"), group=x.group) for p, x in m.principles.items()
        ],
        "practices": [
            item(
                "practice",
                "practices",
                p,
                ("title", "summary", "why", "steps", "evidence", "example"),
                subelements=list(x.subelement_ids),
                principles=list(x.principle_ids),
                roles=list(x.roles),
                effort=x.effort,
                level=x.level,
                tags=list(x.tags),
            )
            for p, x in m.practices.items()
        ],
    }


def _provenance(m: Model, expectation_id: str) -> dict[str, Any]:
    """Where an expectation comes from: requirement, example or the portal's advice, with its clause and item letters."""
    p = m.provenance_of(expectation_id)
    return {"source": p.source, "clause": p.clause, "items": list(p.items)}


def _lang_map(value: dict) -> dict:
    return {"type": "object", "minProperties": 1, "propertyNames": {"pattern": "^[a-z]{2,3}$"}, "additionalProperties": value}


_TEXT = _lang_map({"type": "string", "minLength": 1})
_LIST = _lang_map({"type": "array", "items": {"type": "string", "minLength": 1}})
_IDS = {"type": "array", "items": {"type": "string"}}
_CROSSWALKS = {
    "type": "object",
    "description": "per matrix crosswalk (e.g. caf-2020), the items this serves with their strength, e.g. 'CAF 3.2 primary'",
    "additionalProperties": _IDS,
}


_ORIGIN = {
    "enum": ["upstream", "local", "overridden"],
    "description": "upstream: as upstream has it; local: added by this portal (a fork); overridden: a fork changed some of its text",
}
_FALLBACK = _lang_map({"type": "string", "description": "the language this item's text is actually in, where it is not the key's"})
_OPTIONAL = {"fallback": _FALLBACK}


def _item(
    required_text: tuple[str, ...], extra: dict[str, Any], lists: tuple[str, ...] = (), optional: dict | None = None
) -> dict[str, Any]:
    props = {
        "id": {"type": "string", "minLength": 1},
        "origin": _ORIGIN,
        "url": _lang_map({"type": "string", "pattern": "^/"}),
        **{f: _TEXT for f in required_text},
        **{f: _LIST for f in lists},
        **extra,
    }
    more = {**_OPTIONAL, **(optional or {})}
    return {"type": "object", "additionalProperties": False, "required": sorted(props), "properties": {**props, **more}}


SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "catalogue.schema.json",
    "title": "Public Service Excellence Portal catalogue",
    "description": "The ISO 11367 model and its practice catalogue. Text fields map a language code to the text. "
    "URLs are paths from the portal's root.",
    "type": "object",
    "additionalProperties": False,
    "required": [
        "$schema",
        "portal",
        "standard",
        "model_version",
        "languages",
        "dimensions",
        "elements",
        "subelements",
        "expectations",
        "principles",
        "practices",
    ],
    "properties": {
        "$schema": {"type": "string"},
        "portal": {"type": "string"},
        "portal_version": {"type": "string", "description": "a fork's own version (its portal.yml)"},
        "publisher": {"type": "string", "description": "who publishes this portal (a fork's portal.yml)"},
        "hidden": {
            "type": "array",
            "description": "upstream items this portal (a fork) leaves out, with its reason per language",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["kind", "id", "reason"],
                "properties": {"kind": {"enum": ["practice", "expectation"]}, "id": {"type": "string"}, "reason": _TEXT},
            },
        },
        "standard": {"type": "string"},
        "model_version": {"type": "string", "pattern": "^[0-9]+\\.[0-9]+\\.[0-9]+$"},
        "languages": {"type": "array", "minItems": 1, "items": {"type": "string"}},
        "dimensions": {"type": "array", "items": _item(("title", "summary"), {"elements": _IDS})},
        "elements": {"type": "array", "items": _item(("title", "summary"), {"dimension": {"type": "string"}, "subelements": _IDS})},
        "subelements": {
            "type": "array",
            "items": _item(
                ("title", "summary", "why"),
                {"element": {"type": "string"}, "expectations": _IDS, "crosswalks": _CROSSWALKS},
                optional={"not_applicable": {**_TEXT, "description": "a fork marked it not applicable to its organisation: why"}},
            ),
        },
        "expectations": {
            "type": "array",
            "items": _item(
                ("text",),
                {
                    "subelement": {"type": "string"},
                    "source": {
                        "enum": list(PROVENANCE_SOURCES),
                        "description": "requirement: the clause's own 'should'; example: an optional practice the clause offers; "
                        "advice: the portal's own addition",
                    },
                    "clause": {"type": "string", "description": "clause of the standard, e.g. 7.3.2.4; empty for the portal's advice"},
                    "items": {**_IDS, "description": "the clause's item letters, where it enumerates them"},
                    "crosswalks": _CROSSWALKS,
                },
            ),
        },
        "principles": {"type": "array", "items": _item(("title", "summary", "in_practice"), {"group": {"enum": ["general", "public"]}})},
        "practices": {
            "type": "array",
            "items": _item(
                ("title", "summary", "why", "example"),
                {
                    "subelements": {**_IDS, "minItems": 1},
                    "principles": {**_IDS, "minItems": 1},
                    "roles": _IDS,
                    "effort": {"type": "string"},
                    "level": {"enum": [3, 4]},
                    "tags": _IDS,
                },
                lists=("steps", "evidence"),
            ),
        },
    },
}


def catalogue_json(site: Site, lang: str) -> bytes:
    return (json.dumps(catalogue(site, lang), ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def schema_json(_site: Site, _lang: str) -> bytes:
    return (json.dumps(SCHEMA, indent=1) + "\n").encode("utf-8")


# -- tables: one row per practice, one per expectation --------------------------------------------
def _cell(value: Any) -> Any:
    return "\n".join(value) if isinstance(value, list) else value


def _rows(data: dict[str, Any], section: str, structure: tuple[str, ...], text: tuple[str, ...]) -> list[list[Any]]:
    langs = data["languages"]
    suffix = (lambda f, lang: f) if len(langs) == 1 else (lambda f, lang: f"{f}_{lang}")
    header = ["model_version", "id", *structure, *(suffix(f, lang) for f in (*text, "url") for lang in langs)]
    rows = [header]
    for x in data[section]:
        rows.append(
            [
                data["model_version"],
                x["id"],
                *(_cell(x[f]) if isinstance(x[f], list) else x[f] for f in structure),
                *(_cell(x[f][lang]) for f in (*text, "url") for lang in langs),
            ]
        )
    return rows


def practice_rows(data: dict[str, Any]) -> list[list[Any]]:
    return _rows(
        data,
        "practices",
        ("subelements", "principles", "roles", "effort", "level", "tags"),
        ("title", "summary", "why", "steps", "evidence", "example"),
    )


def expectation_rows(data: dict[str, Any]) -> list[list[Any]]:
    """One row per expectation, then one column per matrix crosswalk (``caf-2020``: the CAF items its sub-element serves)."""
    rows = _rows(data, "expectations", ("subelement", "source", "clause", "items"), ("text",))
    frameworks = list(data["expectations"][0]["crosswalks"]) if data["expectations"] else []
    rows[0] += frameworks
    for row, x in zip(rows[1:], data["expectations"], strict=True):
        row += [_cell(x["crosswalks"][fw]) for fw in frameworks]
    return rows


def _csv(rows_of: Callable[[dict[str, Any]], list[list[Any]]]) -> Callable[[Site, str], bytes]:
    def build(site: Site, lang: str) -> bytes:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerows(csv_rows(rows_of(catalogue(site, lang))))  # list cells keep one item per line inside the quoted cell
        return ("\ufeff" + out.getvalue()).encode("utf-8")  # BOM: spreadsheet programs then read UTF-8 correctly

    return build


def catalogue_xlsx(site: Site, lang: str) -> bytes:
    """Workbook with sheets about, practices, expectations."""
    data = catalogue(site, lang)
    wb = Workbook(write_only=True)  # streams rows: about twice as fast as the normal mode for this size
    about = wb.create_sheet("about")
    for row in (
        ["portal", data["portal"]],
        *([key, data[key]] for key in ("portal_version", "publisher") if key in data),
        ["standard", data["standard"]],
        ["model_version", data["model_version"]],
        ["languages", ", ".join(data["languages"])],
    ):
        about.append(xlsx_row(about, row))
    for title, rows in (("practices", practice_rows(data)), ("expectations", expectation_rows(data))):
        sheet = wb.create_sheet(title)
        sheet.freeze_panes = "C2"  # keep the header row and the IDs in view
        for row in rows:
            sheet.append(xlsx_row(sheet, row))
    wb.properties.created = datetime(2000, 1, 1)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


practices_csv = _csv(practice_rows)
expectations_csv = _csv(expectation_rows)
