"""Checklists and self-assessment: the data behind their pages, their browser script and their spreadsheets.

Everything is derived from the model, so a new expectation, sub-element or scale step shows up in every
checklist, export and spreadsheet with no other edit. The column list is defined once, here: the build's
CSV/XLSX and the browser's CSV export (which reads it from the page's data island) share it.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from .markup import rel_link, rel_url
from .model import Model

if TYPE_CHECKING:
    from .pages import Views

STORAGE_KEY = "portal-assessment"  # shared contract with the model figure: one key for every language
SCHEMA = 1  # version of the stored/exported JSON shape; bump it (and migrate) when the shape changes

COLUMNS = ("type", "id", "dimension", "element", "subelement", "text", "met", "rating", "rating_label", "na",
           "justification", "notes")
PLAN_COLUMNS = ("practice", "title", "subelement", "effort", "link")
SCALE_COLUMNS = ("scale_value", "scale_label", "scale_description", "scale_pyramid")

# Interface strings the browser script needs, by the short name it uses.
_SCRIPT_MESSAGES = ("msg_saved", "msg_exported", "msg_imported", "msg_imported_old", "msg_reset_confirm", "msg_reset",
                    "msg_not_json", "msg_bad_shape", "msg_newer", "msg_unknown_ids", "msg_need_reason",
                    "msg_reason_removed", "msg_no_storage", "msg_stored_old", "progress_sub", "progress_group",
                    "unrated", "na_short", "plan_empty", "plan_count", "row_subelement", "row_expectation", "yes", "no",
                    "file_stem", "plan_file_stem")


def column_labels(model: Model, lang: str, keys: tuple[str, ...]) -> list[str]:
    return [model.ui(lang, f"checklists_col_{k}") for k in keys]


def scale(model: Model, lang: str) -> list[dict[str, Any]]:
    """The rating scale in ``lang``; ``value`` is what an assessment stores."""
    levels = {p["id"]: p["level"] for p in model.pyramid}
    return [{"value": i, "id": step["id"], **model.text(lang, "assessment_scale", step["id"])[0],
             "level": levels.get(step["pyramid"]) if step["pyramid"] else None}
            for i, step in enumerate(model.assessment_scale)]


def blank_rows(model: Model, lang: str) -> list[list[Any]]:
    """The checklist as spreadsheet rows (in ``COLUMNS`` order): per sub-element one rating row, then its expectations."""
    sub_word, exp_word = model.ui(lang, "checklists_row_subelement"), model.ui(lang, "checklists_row_expectation")
    rows = []
    for sub in model.subelements.values():
        dim = model.elements[sub.element_id].dimension_id
        where = [dim, sub.element_id, sub.id]
        rows.append([sub_word, sub.id, *where, model.text(lang, "subelements", sub.id)[0]["title"], "", "", "", "", "", ""])
        for e in sub.expectation_ids:
            rows.append([exp_word, e, *where, model.text(lang, "expectations", e)[0]["text"], "", "", "", "", "", ""])
    return rows


def download_files(lang: str) -> dict[str, str]:
    """File names of the workshop downloads of one language (registered in :mod:`macros.downloads`)."""
    return {"xlsx": f"checklist-{lang}.xlsx", "csv": f"checklist-{lang}.csv"}


def src(kind: str, item_id: str = "") -> str:
    """Source path of a checklist page: the index, the plan, or one dimension or element."""
    return {"checklists": "checklists/index.md", "plan": "checklists/plan/index.md"}.get(kind, f"checklists/{item_id}/index.md")


class ChecklistViews:
    """Template data of the four checklist page types, built on the shared :class:`Views`."""

    def __init__(self, views: Views):
        self.v, self.m = views, views.m

    def _common(self, heading_of: str = "") -> dict[str, Any]:
        v = self.v
        heading = v.ui("checklists_page_title").replace("{title}", heading_of) if heading_of else ""
        return {"heading": heading, "scale": scale(self.m, v.lang), "data": self.data_island(),
                "index_link": rel_link(v.here, src("checklists")), "plan_link": rel_link(v.here, src("plan")),
                "plan_url": rel_url(v.here, src("plan"))}

    def index(self) -> dict[str, Any]:
        files = download_files(self.v.lang)
        return {**self._common(), "dimensions": [self.dimension(d, nested=True) for d in self.m.dimensions],
                "downloads": [{"label": self.v.ui(f"checklists_download_{kind}"), "link": rel_link(self.v.here, f"downloads/{name}")}
                              for kind, name in files.items()]}

    def dimension(self, item_id: str, nested: bool = False) -> dict[str, Any]:
        d = {**self.v.text("dimensions", item_id), "link": rel_link(self.v.here, src("dimension", item_id)),
             "elements": [self.element(e, nested=True) for e in self.m.dimensions[item_id].element_ids]}
        return d if nested else {**self._common(f"{item_id} {d['title']}"), **d}

    def element(self, item_id: str, nested: bool = False) -> dict[str, Any]:
        v, m = self.v, self.m
        el = m.elements[item_id]
        prefix = "" if v.lang == m.source_language else f"{v.lang}/"
        e = {**v.text("elements", item_id), "dimension": el.dimension_id,
             "link": rel_link(v.here, src("element", item_id)), "url": rel_url(v.here, src("element", item_id)),
             "short_url": f"/{prefix}checklists/{item_id}/",
             "subelements": [self.subelement(s) for s in el.subelement_ids]}
        return e if nested else {**self._common(f"{item_id} {e['title']}"), **e}

    def subelement(self, item_id: str) -> dict[str, Any]:
        sub = self.m.subelements[item_id]
        return {**self.v.text("subelements", item_id),
                "expectations": [self.v.text("expectations", e) for e in sub.expectation_ids],
                "practices": [self.v.text("practices", p.id) for p in self.m.practices_for(item_id)]}

    def plan(self) -> dict[str, Any]:
        return self._common()

    def data_island(self) -> Markup:
        """What the browser script needs about this page; the model itself comes from :func:`script_file`."""
        return _json_for_script({"practices_url": str(rel_url(self.v.here, "practices/index.md"))})  # + "<id>/"

    def shared_data(self) -> dict[str, Any]:
        """Everything the browser script needs about the whole model, the same on every checklist page.

        Exports and progress cover the whole model whichever checklist page is open, and imports are
        checked against every ID, so the script needs the full list (titles in this language). It is
        one cached file per language rather than a copy in every page.
        """
        v, m = self.v, self.m
        ui = m.ui

        def practice(p) -> dict[str, Any]:
            t = v.text("practices", p.id)
            return {"title": t["title"], "summary": t["summary"], "subelements": list(p.subelement_ids),
                    "effort": v.label("efforts", p.effort)}

        return {
            "storage_key": STORAGE_KEY, "schema": SCHEMA, "model_version": m.version,
            "scale": [{"label": s["label"]} for s in scale(m, v.lang)],
            "dimensions": {d: {"title": v.text("dimensions", d)["title"], "elements": list(x.element_ids)}
                           for d, x in m.dimensions.items()},
            "elements": {e: {"title": v.text("elements", e)["title"], "dimension": x.dimension_id,
                             "subelements": list(x.subelement_ids)} for e, x in m.elements.items()},
            "subelements": {s: {"title": v.text("subelements", s)["title"], "element": x.element_id,
                                "expectations": list(x.expectation_ids)} for s, x in m.subelements.items()},
            "expectations": {e: v.text("expectations", e)["text"] for e in m.expectations},
            "practices": {p.id: practice(p) for p in m.practices.values()},
            "columns": column_labels(m, v.lang, COLUMNS),
            "plan_columns": column_labels(m, v.lang, PLAN_COLUMNS),
            "messages": {k: ui(v.lang, f"checklists_{k}") for k in _SCRIPT_MESSAGES},
        }


SCRIPT_FILE = "assets/javascripts/checklist-data.js"


def script_file(model: Model, lang: str) -> tuple[str, str]:
    """The model data of the checklist script, as a script that sets ``window.portalChecklistData``."""
    from .pages import Views  # pages imports this module

    data = ChecklistViews(Views(model, lang, src("checklists"))).shared_data()
    return SCRIPT_FILE, f"window.portalChecklistData = {_json_for_script(data)};\n"


def _json_for_script(data: dict[str, Any]) -> Markup:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # "<" never appears raw, so no "</script>" or "<!--" in model text can end a script element early.
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))
