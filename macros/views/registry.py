"""Every generated page type: page type -> view function -> template, in one table.

Where each page lives is :mod:`macros.urls.scheme`; here is how it is rendered. ``render_page`` turns
(site, language, page type, item) into Markdown: a pure function, tested without MkDocs.
To find the code behind a page: its front matter names ``portal_kind`` (e.g. ``subelement``); look that
name up in ``PAGE_TYPES`` below for its view function and template.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..render.markup import ENV
from ..render.pages import page_source
from ..urls.scheme import PAGE
from ..urls.site import Site
from . import checklists, crosswalks, fork, glossary, model_pages, notices, practices, principles, status, team, trainers
from .base import View


@dataclass(frozen=True)
class PageType:
    name: str  # also the page's place in macros.urls.scheme.PAGES
    view: Callable[[View, str], dict[str, Any]]
    template: str
    title_key: str = ""  # listing pages: their title is this interface string
    title_format_key: str = ""  # item pages: an interface string with {title} around "<id> <title>"
    in_search: bool = True  # False: left out of the search index (print views repeat what other pages say)


PAGE_TYPES: tuple[PageType, ...] = (
    PageType("model", model_pages.overview, "model.md.j2", "model_title"),
    PageType("dimension", model_pages.dimension, "dimension.md.j2"),
    PageType("element", model_pages.element, "element.md.j2"),
    PageType("subelement", model_pages.subelement, "subelement.md.j2"),
    PageType("principles", principles.overview, "principles.md.j2", "principles_title"),
    PageType("principle", principles.principle, "principle.md.j2"),
    PageType("practices", practices.catalogue, "practices.md.j2", "catalogue_title"),
    PageType("practice", practices.practice_page, "practice.md.j2"),
    PageType("status", status.status, "status.md.j2", "localise_status_title"),
    PageType("checklists", checklists.index, "checklists.md.j2", "checklists_title"),
    PageType("checklist_dimension", checklists.dimension, "checklist_dimension.md.j2", title_format_key="checklists_page_title"),
    PageType("checklist_element", checklists.element, "checklist_element.md.j2", title_format_key="checklists_page_title"),
    PageType("checklist_plan", checklists.plan, "checklist_plan.md.j2", "checklists_plan_title"),
    PageType("checklist_team", team.team_page, "checklist_team.md.j2", "team_title"),
    PageType("downloads", trainers.downloads_page, "downloads.md.j2", "trainers_downloads_title"),
    PageType("changelog", trainers.changelog, "changelog.md.j2", "trainers_changelog_title"),
    PageType("print", trainers.print_view, "print.md.j2", "trainers_print_title", in_search=False),
    PageType("handout", trainers.handout, "handout.md.j2", in_search=False),
    PageType("glossary", glossary.glossary_page, "glossary.md.j2", "glossary_title"),
    PageType("glossary_lookup", glossary.lookup, "glossary_lookup.md.j2", "glossary_lookup_title"),
    PageType("crosswalks", crosswalks.overview, "crosswalks.md.j2", "crosswalks_title"),
    PageType("framework", crosswalks.framework, "crosswalk_framework.md.j2"),  # its view picks the template per kind of framework
    PageType("framework_item", crosswalks.item_page, "crosswalk_item.md.j2"),
    PageType("fork_changes", fork.fork_changes, "fork_changes.md.j2", "localise_changes_title"),
)
PAGE_TYPE = {t.name: t for t in PAGE_TYPES}


def render_page(site: Site, lang: str, name: str, item_id: str) -> str:
    """The Markdown source of one generated page."""
    page_type = PAGE_TYPE[name]
    v = View(site, lang, PAGE[name].src(item_id))
    item = page_type.view(v, item_id)
    body = ENV.get_template(page_type.template).render(v=v, item=item)
    if v.fallbacks:
        heading, rest = body.split("\n", 1)
        body = heading + "\n\n" + notices.fallback_notice(v) + rest
    if page_type.title_key:
        title = v.ui(page_type.title_key)
    elif name == "practice":
        title = item["title"]
    elif "page_title" in item:  # a view that names its own page (crosswalks)
        title = item["page_title"]
    else:
        title = f"{item_id} {item['title']}"
    if page_type.title_format_key:
        title = v.ui(page_type.title_format_key).replace("{title}", title)
    return page_source(title, name, item_id, body, in_search=page_type.in_search, extra=_citation(v, name, item_id))


# Pages about one clause of the standard, and the kind of text that holds its title
_CLAUSE_PAGES = {
    "dimension": "dimensions",
    "element": "elements",
    "subelement": "subelements",
    "principle": "principles",
    "handout": "elements",
}


def _citation(v: View, name: str, item_id: str) -> dict[str, str]:
    """For "Cite this page" on a clause's page: the clause's own title (the standard's wording, kept in the
    source language) and the portal's title in this language, which the citation marks as the portal's."""
    if name not in _CLAUSE_PAGES:
        return {}
    kind = _CLAUSE_PAGES[name]
    official = v.m.text(v.m.source_language, kind, item_id)[0].get("title", "")
    return {"portal_clause_title": " ".join(official.split()), "portal_title": " ".join(str(v.text(kind, item_id)["title"]).split())}
