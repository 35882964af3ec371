"""Registration for mkdocs-macros: the functions hand-written pages may call.

Only registration lives here; what the macros return is built by the pure
renderers in :mod:`macros.pages` from the model the hooks already loaded.
"""

from __future__ import annotations


def define_env(env) -> None:
    from macros.build_state import current as _state

    @env.macro
    def model_counts() -> dict[str, int]:
        """Counts for prose pages, e.g. '{{ model_counts().practices }} practices'."""
        m = _state["model"]
        return {"dimensions": len(m.dimensions), "elements": len(m.elements), "subelements": len(m.subelements),
                "principles": len(m.principles), "practices": len(m.practices), "expectations": len(m.expectations)}
