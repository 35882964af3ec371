"""The team self-assessment page (``/checklists/team/``): many exported assessments brought together.

Everything on it that depends on the answers is computed in the browser (``team-stats.js``, shown by
``team.js``); the build gives the page its words, the model figure to colour and the CSV column labels.
The model itself reaches the script through the checklists' data file (:func:`checklists.script_file`),
so a new sub-element or expectation shows up here with no other edit.
"""

from __future__ import annotations

from typing import Any

from ..model.assessment import scale
from ..render import figures
from ..render.markup import rel_link
from ..urls.scheme import checklist_src
from .base import View
from .checklists import json_for_script

# Interface strings the team script needs, by the short name it uses (ui key: "team_" + name).
SCRIPT_MESSAGES = (
    *("msg_not_json", "msg_summary", "msg_bad_shape", "msg_newer", "msg_unknown_ids", "msg_duplicate", "msg_too_many", "msg_too_big"),
    *("msg_mapped", "msg_loaded", "msg_loaded_baseline", "msg_exported", "msg_anonymous_on", "msg_anonymous_off"),
    *("msg_cleared", "msg_cleared_baseline", "count", "none", "change_none", "change_up", "change_down", "change_same"),
    *("respondent_n", "date_range", "respondents_caption", "baseline_caption", "answered_of", "agenda_caption", "agenda_none"),
    *("agenda_title", "elements_caption", "subelements_caption", "detail_summary", "ticks_caption", "ticked_of", "na_reasons"),
    *("notes", "progress_caption", "progress_elements_caption", "progress_summary", "progress_title", "figure_title"),
    *("figure_legend", "element_line", "report_title", "report_meta", "report_privacy", "report_strongest", "report_weakest"),
    *("report_more", "report_tied", "report_no_na", "report_plan", "report_no_plan", "picked_by", "row_subelement", "row_expectation"),
    *("row_element", "yes", "no", "file_stem", "sheet_agenda", "sheet_results", "col_title", "col_agreed", "col_action"),
    *("col_respondent", "col_date", "col_version", "col_answered", "col_file", "col_subelement", "col_ratings", "col_lowest"),
    *("col_highest", "col_median", "col_spread", "col_element", "col_dimension", "col_range", "col_people", "col_baseline"),
    *("col_followup", "col_change", "col_answered_n", "col_agreement", "col_na", "col_expectation", "col_ticked"),
)
# The merged view as CSV (the workshop sheet): one row per sub-element, expectation and element.
CSV_COLUMNS = (
    *("type", "id", "dimension", "element", "text", "answered", "median", "lowest", "highest", "spread", "agreement"),
    *("disagreement", "na", "ticked", "share", "baseline", "change", "reasons"),
)
# The "how we count" list under the results, in this order.
HOW = ("median", "spread", "agreement", "na", "element")


def team_page(v: View, _id: str) -> dict[str, Any]:
    m = v.m
    data = {
        "messages": {k: m.ui(v.lang, f"team_{k}") for k in SCRIPT_MESSAGES},
        "csv_columns": [m.ui(v.lang, f"team_csv_col_{k}") for k in CSV_COLUMNS],
    }
    return {
        "index_link": rel_link(v.here, checklist_src("checklists")),
        "figure_wide": figures.model_svg(m, v.lang, figures.WIDE, v.url),
        "figure_tall": figures.model_svg(m, v.lang, figures.TALL, v.url),
        "scale": scale(m, v.lang),
        "how": [v.ui(f"team_how_{k}") for k in HOW],
        "data": json_for_script(data),
    }
