"""Registration for mkdocs-macros: the functions hand-written prose pages may call.

Only registration lives here; the data comes from the portal plugin's site (``plugins: [portal]``).
"""

from __future__ import annotations

from macros.plugin.plugin import PortalPlugin
from macros.render.markup import md_escape, rel_link
from macros.urls.scheme import src_of


def define_env(env) -> None:
    portal: PortalPlugin = env.conf.plugins["portal"]

    @env.macro
    def model_counts() -> dict[str, int]:
        """Counts for prose pages, e.g. '{{ model_counts().practices }} practices'."""
        m = portal.site.model
        return {
            "dimensions": len(m.dimensions),
            "elements": len(m.elements),
            "subelements": len(m.subelements),
            "principles": len(m.principles),
            "practices": len(m.practices),
            "expectations": len(m.expectations),
        }

    @env.macro
    def element_links() -> str:
        """Every element as a link, grouped by dimension (Markdown): prose pages route readers with it
        and it grows with the model."""
        m, lang, here = portal.site.model, portal.lang, env.page.file.src_uri
        out = []
        for d in m.dimensions.values():
            out.append(f"- {d.id} {md_escape(m.text(lang, 'dimensions', d.id)[0].get('title', d.id))}")
            for e in d.element_ids:
                title = md_escape(f"{e} {m.text(lang, 'elements', e)[0].get('title', e)}")
                out.append(f"    - [{title}]({rel_link(here, src_of(m, 'element', e))})")
        return "\n".join(out) + "\n"
