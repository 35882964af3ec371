"""The self-assessment's shape as data: storage format, spreadsheet columns, the rating scale and the blank rows.

Everything is derived from the model, so a new expectation, sub-element or scale step shows up in every
checklist, export and spreadsheet with no other edit. The column list is defined once, here: the build's
CSV/XLSX and the browser's CSV export (which reads it from the checklist script data) share it.
"""

from __future__ import annotations

from typing import Any

from .types import Model

STORAGE_KEY = "portal-assessment"  # shared contract with the model figure: one key for every language
SCHEMA = 1  # version of the stored/exported JSON shape; bump it (and migrate) when the shape changes

# "source" and "clause" say where an expectation comes from (requirement, example, portal advice); last, so older columns keep their place
COLUMNS = (
    "type",
    "id",
    "dimension",
    "element",
    "subelement",
    "text",
    "met",
    "rating",
    "rating_label",
    "na",
    "justification",
    "notes",
    "source",
    "clause",
)
PLAN_COLUMNS = ("practice", "title", "subelement", "effort", "link")
SCALE_COLUMNS = ("scale_value", "scale_label", "scale_description", "scale_pyramid")


def column_labels(model: Model, lang: str, keys: tuple[str, ...]) -> list[str]:
    return [model.ui(lang, f"checklists_col_{k}") for k in keys]


def scale(model: Model, lang: str) -> list[dict[str, Any]]:
    """The rating scale in ``lang``; ``value`` is what an assessment stores."""
    levels = {p["id"]: p["level"] for p in model.pyramid}
    return [
        {
            "value": i,
            "id": step["id"],
            **model.text(lang, "assessment_scale", step["id"])[0],
            "level": levels.get(step["pyramid"]) if step["pyramid"] else None,
        }
        for i, step in enumerate(model.assessment_scale)
    ]


def blank_rows(model: Model, lang: str) -> list[list[Any]]:
    """The checklist as spreadsheet rows (in ``COLUMNS`` order): per sub-element one rating row, then its expectations."""
    sub_word, exp_word = model.ui(lang, "checklists_row_subelement"), model.ui(lang, "checklists_row_expectation")
    rows = []
    for sub in model.subelements.values():
        dim = model.elements[sub.element_id].dimension_id
        where = [dim, sub.element_id, sub.id]
        rows.append([sub_word, sub.id, *where, model.text(lang, "subelements", sub.id)[0]["title"], "", "", "", "", "", "", "", ""])
        for e in sub.expectation_ids:
            source = model.provenance_of(e)
            text = model.text(lang, "expectations", e)[0]["text"]
            rows.append([exp_word, e, *where, text, "", "", "", "", "", "", model.ui(lang, f"source_{source.source}"), source.reference])
    return rows
