"""Registration for mkdocs-macros: the functions hand-written prose pages may call.

Only registration lives here; the data comes from the portal plugin's site (``plugins: [portal]``).
"""

from __future__ import annotations

from macros.plugin.plugin import PortalPlugin
from macros.render import figures
from macros.render.markup import md_escape, rel_link, rel_url
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
            "subelements": m.standard_subelement_count,  # as the standard counts: 7.1.3 is assessed as a whole
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

    @env.macro
    def model_figure() -> str:
        """The model at a glance (the same figure as the model overview, linked from this page): the home page shows it."""
        m, lang, here = portal.site.model, portal.lang, env.page.file.src_uri
        return figures.model_figure(m, lang, lambda kind, item_id: rel_url(here, src_of(m, kind, item_id)))

    @env.macro
    def perspective_links() -> str:
        """Each item of every 'perspectives' crosswalk (NORA's civil-servant perspectives) as a link with its summary
        (Markdown): the home page's "from your perspective" route; empty without such a crosswalk."""
        m, lang, here = portal.site.model, portal.lang, env.page.file.src_uri
        out = []
        for fw in m.crosswalks.values():
            if fw.view != "perspectives":
                continue
            for item in fw.items:
                fields = m.text(lang, "framework_items", item.text_id)[0]
                link = rel_link(here, src_of(m, "framework_item", item.text_id))
                out.append(f"- [{md_escape(fields.get('title', item.id))}]({link}): {md_escape(fields.get('summary', ''))}")
        return "\n".join(out) + "\n"

    @env.macro
    def crosswalk_link(framework_id: str, label: str = "") -> str:
        """A Markdown link to one crosswalk page, named ``label`` or its title (e.g. CAF 2020), for prose pages;
        plain text in a model without that crosswalk, so the page still builds."""
        m, lang, here = portal.site.model, portal.lang, env.page.file.src_uri
        text = md_escape(label or m.text(lang, "frameworks", framework_id)[0].get("title", framework_id))
        if framework_id not in m.crosswalks:
            return text
        return f"[{text}]({rel_link(here, src_of(m, 'framework', framework_id))})"
