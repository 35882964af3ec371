"""Checklists and self-assessment: the data behind their four page types and their browser script.

The assessment's shape (columns, scale, storage key) is model data (:mod:`macros.model.assessment`);
the workshop spreadsheets are outputs (:mod:`macros.outputs.checklist_sheets`). The script's model data is
one cached file per language (:func:`script_file`) rather than a copy in every checklist page.
"""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup

from ..model.assessment import COLUMNS, PLAN_COLUMNS, SCHEMA, STORAGE_KEY, column_labels, scale
from ..outputs.downloads import checklist_files
from ..render.markup import rel_link, rel_url
from ..urls.scheme import checklist_src
from ..urls.site import Site
from .base import View

SCRIPT_FILE = "assets/javascripts/checklist-data.js"

# Interface strings the browser script needs, by the short name it uses.
_SCRIPT_MESSAGES = (
    "msg_saved",
    "msg_exported",
    "msg_imported",
    "msg_imported_old",
    "msg_reset_confirm",
    "msg_reset",
    "msg_not_json",
    "msg_bad_shape",
    "msg_newer",
    "msg_unknown_ids",
    "msg_need_reason",
    "msg_reason_removed",
    "msg_no_storage",
    "msg_stored_old",
    "msg_too_big",
    "msg_save_failed",
    "msg_import_save_failed",
    "msg_import_nothing",
    "msg_import_confirm",
    "msg_import_cancelled",
    "msg_more",
    "progress_sub",
    "progress_group",
    "task_todo",
    "task_started",
    "task_done",
    "task_count",
    "unrated",
    "na_short",
    "plan_empty",
    "plan_count",
    "plan_count_one",
    "plan_rated",
    "plan_rated_one",
    "rating_word",
    "col_justification",
    "notes",
    "row_subelement",
    "row_expectation",
    "yes",
    "no",
    "file_stem",
    "plan_file_stem",
)


def _common(v: View, heading_of: str = "") -> dict[str, Any]:
    heading = v.ui("checklists_page_title").replace("{title}", heading_of) if heading_of else ""
    return {
        "heading": heading,
        "scale": scale(v.m, v.lang),
        "data": _page_data(v),
        "index_link": rel_link(v.here, checklist_src("checklists")),
        "plan_link": rel_link(v.here, checklist_src("plan")),
        "plan_url": rel_url(v.here, checklist_src("plan")),
        "team_link": rel_link(v.here, checklist_src("team")),
    }


def index(v: View, _id: str) -> dict[str, Any]:
    """The whole model as a task list: per dimension, a row per element linking to its checklist.

    The rows are plain links; the script writes each element's status from the saved answers. One form
    for the whole model was 350 KiB of HTML: it lives on the dimension and element pages instead.
    """
    return {
        **_common(v),
        "progress": _progress(v, list(v.m.subelements)),
        "dimensions": [_task_group(v, d) for d in v.m.dimensions],
        "downloads": [
            {"label": v.ui(f"checklists_download_{kind}"), "link": rel_link(v.here, f"downloads/{name}")}
            for kind, name in checklist_files(v.lang).items()
        ],
    }


def _progress(v: View, sub_ids: list[str]) -> str:
    """The progress line of an unsaved assessment, as assessment.js writes it (so nothing moves when it does):
    nothing ticked or rated, except the sub-elements a fork marks not applicable, which start so."""
    expectations = sum(len(v.m.subelements[s].expectation_ids) for s in sub_ids)
    if len(sub_ids) == 1:
        rating = v.ui("checklists_na_short") if sub_ids[0] in v.m.not_applicable else v.ui("checklists_unrated")
        return v.ui("checklists_progress_sub").format(done=0, total=expectations, rating=rating)
    rated = sum(s in v.m.not_applicable for s in sub_ids)
    return v.ui("checklists_progress_group").format(rated=rated, total=len(sub_ids), done=0, expectations=expectations)


def _subelements_of(v: View, dim_id: str) -> list[str]:
    return [s for e in v.m.dimensions[dim_id].element_ids for s in v.m.elements[e].subelement_ids]


def _dimension(v: View, item_id: str) -> dict[str, Any]:
    return {
        **v.text("dimensions", item_id),
        "progress": _progress(v, _subelements_of(v, item_id)),
        "link": rel_link(v.here, checklist_src("dimension", item_id)),
        "elements": [_element(v, e) for e in v.m.dimensions[item_id].element_ids],
    }


def _task_group(v: View, item_id: str) -> dict[str, Any]:
    return {
        **v.text("dimensions", item_id),
        "progress": _progress(v, _subelements_of(v, item_id)),
        "link": rel_url(v.here, checklist_src("dimension", item_id)),
        "elements": [
            {**v.text("elements", e), "link": rel_url(v.here, checklist_src("element", e))} for e in v.m.dimensions[item_id].element_ids
        ],
    }


def dimension(v: View, item_id: str) -> dict[str, Any]:
    d = _dimension(v, item_id)
    return {**_common(v, f"{item_id} {d['title']}"), **d}


def _element(v: View, item_id: str) -> dict[str, Any]:
    el = v.m.elements[item_id]
    src = checklist_src("element", item_id)
    return {
        **v.text("elements", item_id),
        "dimension": el.dimension_id,
        "link": rel_link(v.here, src),
        "url": rel_url(v.here, src),
        "short_url": v.site.full_url(f"/{v.prefix}checklists/{item_id}/"),  # for paper: under the configured site_url
        "subelements": [_subelement(v, s) for s in el.subelement_ids],
        "progress": _progress(v, list(el.subelement_ids)),
    }


def element(v: View, item_id: str) -> dict[str, Any]:
    e = _element(v, item_id)
    return {**_common(v, f"{item_id} {e['title']}"), **e}


def _subelement(v: View, item_id: str) -> dict[str, Any]:
    sub = v.m.subelements[item_id]
    return {
        **v.text("subelements", item_id),
        "expectations": [v.expectation(e) for e in sub.expectation_ids],
        "practices": [v.text("practices", p.id) for p in v.m.practices_for(item_id)],
        # a fork marked it not applicable: the box starts ticked, with the fork's reason as the justification
        "na_reason": v.reason(v.m.not_applicable[item_id]) if item_id in v.m.not_applicable else "",
        "progress": _progress(v, [item_id]),
    }


def plan(v: View, _id: str) -> dict[str, Any]:
    return _common(v)


def _page_data(v: View) -> Markup:
    """What the browser script needs about this page; the model itself comes from :func:`script_file`."""
    return json_for_script({"practices_url": str(rel_url(v.here, "practices/index.md"))})  # + "<id>/"


def script_data(v: View) -> dict[str, Any]:
    """Everything the browser script needs about the whole model, the same on every checklist page.

    Exports and progress cover the whole model whichever checklist page is open, and imports are
    checked against every ID, so the script needs the full list (titles in this language).
    """
    m = v.m

    def practice(p) -> dict[str, Any]:
        t = v.text("practices", p.id)
        return {"title": t["title"], "summary": t["summary"], "subelements": list(p.subelement_ids), "effort": v.label("efforts", p.effort)}

    return {
        "storage_key": STORAGE_KEY,
        "schema": SCHEMA,
        "model_version": m.version,
        "scale": [{"label": s["label"]} for s in scale(m, v.lang)],
        "dimensions": {d: {"title": v.text("dimensions", d)["title"], "elements": list(x.element_ids)} for d, x in m.dimensions.items()},
        "elements": {
            e: {"title": v.text("elements", e)["title"], "dimension": x.dimension_id, "subelements": list(x.subelement_ids)}
            for e, x in m.elements.items()
        },
        "subelements": {
            s: {
                "title": v.text("subelements", s)["title"],
                "element": x.element_id,
                "expectations": list(x.expectation_ids),
                **({"na": str(v.reason(m.not_applicable[s]))} if s in m.not_applicable else {}),  # a fork: not applicable, why
            }
            for s, x in m.subelements.items()
        },
        "expectations": {e: v.text("expectations", e)["text"] for e in m.expectations},
        # where each expectation comes from, for the CSV export: [label, clause reference]
        "sources": {e: [m.ui(v.lang, f"source_{s.source}"), s.reference] for e, s in ((e, m.provenance_of(e)) for e in m.expectations)},
        "practices": {p.id: practice(p) for p in m.practices.values()},
        "columns": column_labels(m, v.lang, COLUMNS),
        "plan_columns": column_labels(m, v.lang, PLAN_COLUMNS),
        "messages": {k: m.ui(v.lang, f"checklists_{k}") for k in _SCRIPT_MESSAGES},
    }


def script_file(site: Site, lang: str) -> tuple[str, str]:
    """The model data of the checklist script, as a script that sets ``window.portalChecklistData``."""
    data = script_data(View(site, lang, checklist_src("checklists")))
    return SCRIPT_FILE, f"window.portalChecklistData = {json_for_script(data)};\n"


def json_for_script(data: dict[str, Any]) -> Markup:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # "<" never appears raw, so no "</script>" or "<!--" in model text can end a script element early.
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))
