"""Registration for mkdocs-macros: the functions hand-written pages may call.

Only registration lives here; what the macros return is built by the pure
renderers in :mod:`macros.pages` from the model the hooks already loaded.
"""

from __future__ import annotations


def define_env(env) -> None:
    from macros.build_state import current as _state
    from macros.markup import md_escape, rel_link
    from macros.pages import src_of

    def _here() -> str:
        return env.page.file.src_uri

    @env.macro
    def model_counts() -> dict[str, int]:
        """Counts for prose pages, e.g. '{{ model_counts().practices }} practices'."""
        m = _state["model"]
        return {"dimensions": len(m.dimensions), "elements": len(m.elements), "subelements": len(m.subelements),
                "principles": len(m.principles), "practices": len(m.practices), "expectations": len(m.expectations)}

    @env.macro
    def element_links() -> str:
        """Every element as a link, grouped by dimension (Markdown): prose pages route readers with it
        and it grows with the model."""
        m, lang, here = _state["model"], _state["plan"].lang, _here()
        out = []
        for d in m.dimensions.values():
            out.append(f"- {d.id} {md_escape(m.text(lang, 'dimensions', d.id)[0].get('title', d.id))}")
            for e in d.element_ids:
                title = md_escape(f"{e} {m.text(lang, 'elements', e)[0].get('title', e)}")
                out.append(f"    - [{title}]({rel_link(here, src_of(m, 'element', e))})")
        return "\n".join(out) + "\n"
