"""Where every page lives: the one table of page sources per page type, and source path -> URL path.

A page type names which model items get a page and the source path of that page (``model/7.2/index.md``).
Views (:mod:`macros.views.registry`) say how each page type is rendered; this module only says where,
so URLs, the published list, redirects and exports never need the renderer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from ..model.types import Model


@dataclass(frozen=True)
class PagePlace:
    """A page type's items and where their pages are."""

    name: str
    ids: Callable[[Model], Iterable[str]]
    src: Callable[[str], str]


def _one(src: str) -> Callable[[str], str]:
    return lambda _id: src


def _only(item_id: str) -> Callable[[Model], list[str]]:
    return lambda _m: [item_id]


def checklist_src(kind: str, item_id: str = "") -> str:
    """Source path of a checklist page: the index, the plan, the team view, or one dimension or element."""
    fixed = {"checklists": "checklists/index.md", "plan": "checklists/plan/index.md", "team": "checklists/team/index.md"}
    return fixed.get(kind, f"checklists/{item_id}/index.md")


def framework_item_src(text_id: str) -> str:
    """``caf-2020:3.2`` -> ``crosswalks/caf-2020/3.2/index.md``: one page per item of a mapping framework."""
    fw_id, _, item_id = text_id.partition(":")
    return f"crosswalks/{fw_id}/{item_id}/index.md"


PAGES: tuple[PagePlace, ...] = (
    PagePlace("model", _only("model"), _one("model/index.md")),
    PagePlace("dimension", lambda m: m.dimensions, lambda i: f"model/{i}/index.md"),
    PagePlace("element", lambda m: m.elements, lambda i: f"model/{i}/index.md"),
    # an element without sub-elements (7.1.3) is its own single one: it has the element's page only
    PagePlace("subelement", lambda m: [s for s in m.subelements if s not in m.elements], lambda i: f"model/{i}/index.md"),
    PagePlace("principles", _only("principles"), _one("principles/index.md")),
    PagePlace("principle", lambda m: m.principles, lambda i: f"principles/{i}/index.md"),
    PagePlace("practices", _only("practices"), _one("practices/index.md")),
    PagePlace("practice", lambda m: m.practices, lambda i: f"practices/{i}/index.md"),
    PagePlace("status", _only("status"), _one("status/index.md")),
    PagePlace("checklists", _only("checklists"), _one(checklist_src("checklists"))),
    PagePlace("checklist_dimension", lambda m: m.dimensions, lambda i: checklist_src("dimension", i)),
    PagePlace("checklist_element", lambda m: m.elements, lambda i: checklist_src("element", i)),
    PagePlace("checklist_plan", _only("plan"), _one(checklist_src("plan"))),
    PagePlace("checklist_team", _only("team"), _one(checklist_src("team"))),
    PagePlace("downloads", _only("downloads"), _one("downloads/index.md")),
    PagePlace("changelog", _only("changelog"), _one("changelog/index.md")),
    PagePlace("print", _only("print"), _one("print/index.md")),
    PagePlace("handout", lambda m: m.elements, lambda i: f"print/{i}/index.md"),
    PagePlace("glossary", _only("glossary"), _one("glossary/index.md")),
    PagePlace("glossary_lookup", _only("lookup"), _one("glossary/lookup/index.md")),
    PagePlace("crosswalks", _only("crosswalks"), _one("crosswalks/index.md")),
    PagePlace("framework", lambda m: m.crosswalks, lambda i: f"crosswalks/{i}/index.md"),
    PagePlace("framework_item", lambda m: m.ids("framework_item"), framework_item_src),
    # a fork only: everything it adds, changes or leaves out, with its reasons
    PagePlace("fork_changes", lambda m: ["fork-changes"] if m.is_fork else [], _one("fork-changes/index.md")),
)
PAGE = {p.name: p for p in PAGES}


def src_of(model: Model, kind: str, item_id: str) -> str:
    """Source path of the page that holds an item (a sub-element that is its own element lives on the element page)."""
    if kind == "subelement" and item_id in model.elements:
        kind = "element"
    return PAGE[kind].src(item_id)


def all_pages(model: Model) -> Iterator[tuple[str, str, str]]:
    """(page type, item ID, source path) of every generated page."""
    for place in PAGES:
        for item_id in place.ids(model):
            yield place.name, item_id, place.src(item_id)


def page_dir(src: str) -> str:
    """``model/7.2/index.md`` -> ``model/7.2/``; ``fork.md`` -> ``fork/`` (directory URLs)."""
    return src[: -len("index.md")] if src.endswith("index.md") else src[:-3] + "/"


def url_path(src: str, prefix: str = "") -> str:
    """Site-root URL path of a page in a language: ``/nl/model/7.2/`` for prefix ``nl/``."""
    return "/" + prefix + page_dir(src)
