"""The translation status page: how complete and current each language is."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from ..load.translations import report
from ..render.markup import Foreign
from .base import View


def status(v: View, _id: str) -> dict[str, Any]:
    m = v.m
    english_ui = m.texts[m.source_language].get("ui", {})
    languages = []
    for st in report(m):
        name = m.ui(st.lang, "language_name")
        role = "source" if st.source else "required" if st.required else "optional"
        languages.append(
            {
                "lang": Markup(st.lang),
                "name": name if st.lang == v.lang else Foreign(name, st.lang),
                "note": v.ui(f"localise_status_{role}"),
                "percent": f"{st.percent:.0f}%",
                "translated": f"{st.translated}/{st.total}",
                "kinds": [
                    {
                        "label": v.ui(f"localise_kind_{k.kind}") if f"localise_kind_{k.kind}" in english_ui else k.kind,
                        "translated": f"{k.translated}/{k.total}",
                        "percent": f"{k.percent:.0f}%",
                        "stale": len(k.stale),
                        "unrecorded": len(k.unrecorded),
                    }
                    for k in st.kinds
                ],
                "stale": [f"{k.kind} {i}" for k in st.kinds for i in k.stale][:200],
                # a fork's own texts whose replaced upstream text changed since (status --accept records the check)
                "drifted": [
                    {"item": f"{k.kind} {d.label}", "was": _shown(d.was), "now": _shown(d.now)} for k in st.kinds for d in k.drifted
                ][:200],
            }
        )
    return {"languages": languages}


def _shown(value: Any) -> str:
    """A replaced text as one line (a list of steps joined)."""
    return " / ".join(map(str, value)) if isinstance(value, list) else str(value)
