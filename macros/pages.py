"""Every generated page type, registered explicitly, each with one entry point.

A page type knows which model items get a page, where that page lives and
which template renders it. ``render`` turns (model, language, item) into
Markdown: a pure function, so it is tested without MkDocs and could feed
another site generator.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from . import checklists, figures, glossary
from .markup import ENV, Foreign, rel_link, rel_url
from .model import Model
from .trainers_views import TrainerViews


@dataclass(frozen=True)
class PageType:
    name: str
    ids: Callable[[Model], Iterable[str]]
    src: Callable[[str], str]
    template: str
    title_key: str = ""  # listing pages: their title is this interface string
    title_format_key: str = ""  # item pages: an interface string with {title} around "<id> <title>"
    in_search: bool = True  # False: left out of the search index (print views repeat what other pages say)


def _one(src: str) -> Callable[[str], str]:
    return lambda _id: src


PAGE_TYPES: tuple[PageType, ...] = (
    PageType("model", lambda m: ["model"], _one("model/index.md"), "model.md.j2", "model_title"),
    PageType("dimension", lambda m: m.dimensions, lambda i: f"model/{i}/index.md", "dimension.md.j2"),
    PageType("element", lambda m: m.elements, lambda i: f"model/{i}/index.md", "element.md.j2"),
    PageType("subelement", lambda m: [s for s in m.subelements if s not in m.elements],
             lambda i: f"model/{i}/index.md", "subelement.md.j2"),
    PageType("principles", lambda m: ["principles"], _one("principles/index.md"), "principles.md.j2", "principles_title"),
    PageType("principle", lambda m: m.principles, lambda i: f"principles/{i}/index.md", "principle.md.j2"),
    PageType("practices", lambda m: ["practices"], _one("practices/index.md"), "practices.md.j2", "catalogue_title"),
    PageType("practice", lambda m: m.practices, lambda i: f"practices/{i}/index.md", "practice.md.j2"),
    PageType("status", lambda m: ["status"], _one("status/index.md"), "status.md.j2", "localise_status_title"),
    PageType("checklists", lambda m: ["checklists"], _one(checklists.src("checklists")), "checklists.md.j2", "checklists_title"),
    PageType("checklist_dimension", lambda m: m.dimensions, lambda i: checklists.src("dimension", i), "checklist_dimension.md.j2",
             title_format_key="checklists_page_title"),
    PageType("checklist_element", lambda m: m.elements, lambda i: checklists.src("element", i), "checklist_element.md.j2",
             title_format_key="checklists_page_title"),
    PageType("checklist_plan", lambda m: ["plan"], _one(checklists.src("plan")), "checklist_plan.md.j2", "checklists_plan_title"),
    PageType("downloads", lambda m: ["downloads"], _one("downloads/index.md"), "downloads.md.j2", "trainers_downloads_title"),
    PageType("changelog", lambda m: ["changelog"], _one("changelog/index.md"), "changelog.md.j2", "trainers_changelog_title"),
    PageType("print", lambda m: ["print"], _one("print/index.md"), "print.md.j2", "trainers_print_title", in_search=False),
    PageType("handout", lambda m: m.elements, lambda i: f"print/{i}/index.md", "handout.md.j2", in_search=False),
    PageType("glossary", lambda m: ["glossary"], _one("glossary/index.md"), "glossary.md.j2", "glossary_title"),
    PageType("glossary_lookup", lambda m: ["lookup"], _one("glossary/lookup/index.md"), "glossary_lookup.md.j2", "glossary_lookup_title"),
)
PAGE_TYPE = {t.name: t for t in PAGE_TYPES}


def src_of(model: Model, kind: str, item_id: str) -> str:
    """Source path of the page that holds an item (a sub-element that is its own element lives on the element page)."""
    if kind == "subelement" and item_id in model.elements:
        kind = "element"
    return PAGE_TYPE[kind].src(item_id)


def all_pages(model: Model) -> Iterable[tuple[PageType, str, str]]:
    for page_type in PAGE_TYPES:
        for item_id in page_type.ids(model):
            yield page_type, item_id, page_type.src(item_id)


def render(model: Model, lang: str, page_type: PageType, item_id: str) -> str:
    """The Markdown source of one generated page."""
    view = Views(model, lang, page_type.src(item_id))
    item = view.item(page_type.name, item_id)
    body = ENV.get_template(page_type.template).render(v=view, item=item)
    if view.fallbacks:
        heading, rest = body.split("\n", 1)
        body = heading + "\n\n" + fallback_notice(model, lang, view.here) + rest
    if page_type.title_key:
        title = view.ui(page_type.title_key)
    elif page_type.name == "practice":
        title = item["title"]
    else:
        title = f"{item_id} {item['title']}"
    if page_type.title_format_key:
        title = view.ui(page_type.title_format_key).replace("{title}", title)
    return page_source(title, page_type.name, item_id, body, in_search=page_type.in_search)


def page_source(title: str, kind: str, item_id: str, body: str, in_search: bool = True) -> str:
    """Front matter plus body of a generated page.

    The title is set here, not taken from the H1: MkDocs would keep the Markdown escapes in it.
    Entity-escaped, like MkDocs' own titles, because Material prints nav titles unescaped.
    """
    front = {"title": html.escape(" ".join(title.split())), "render_macros": False, "portal_kind": kind, "portal_id": item_id}
    if not in_search:
        front["search"] = {"exclude": True}
    return "---\n" + "".join(f"{k}: {json.dumps(v)}\n" for k, v in front.items()) + "---\n\n" + body


def fallback_notice(model: Model, lang: str, here: str) -> str:
    """The "not yet translated" notice (raw HTML), for generated and prose pages alike."""
    return ENV.get_template("_fallback_notice.md.j2").render(v=Views(model, lang, here))


_TERM_DEFAULTS = {"abbreviation": "", "synonyms": [], "note": ""}  # optional term fields


class Views(TrainerViews):
    """Gathers what a template needs, already translated and linked from the current page."""

    def __init__(self, model: Model, lang: str, here: str):
        self.m, self.lang, self.here = model, lang, here
        self.fallbacks = 0  # how many items on this page are shown in the source language

    def ui(self, key: str) -> str:
        text = self.m.ui(self.lang, key)
        own = key in self.m.texts.get(self.lang, {}).get("ui", {})
        return text if own or self.lang == self.m.source_language else Foreign(text, self.m.source_language)

    def page_link(self, src: str) -> Markup:
        """URL of another generated page, for raw HTML blocks."""
        return rel_url(self.here, src)

    def link(self, kind: str, item_id: str, anchor: str = ""):
        return rel_link(self.here, src_of(self.m, kind, item_id), anchor)

    def url(self, kind: str, item_id: str) -> Markup:
        """URL of an item's page for raw HTML (figures, <details> lists), where MkDocs rewrites nothing."""
        return rel_url(self.here, src_of(self.m, kind, item_id))

    def text(self, kind: str, item_id: str) -> dict[str, Any]:
        fields, actual = self.m.text(self.lang, kind, item_id)
        fallback = actual != self.lang
        if fallback:
            self.fallbacks += 1
            fields = {k: _foreign(v, actual) for k, v in fields.items()}
        # IDs passed the schema's strict patterns; they go into anchors and URLs as they are.
        return {**fields, "id": Markup(item_id), "text_lang": actual, "fallback": fallback,
                "local": self.m.is_local(kind, item_id)}

    def label(self, kind: str, value: str) -> str:
        return self.text(kind, value).get("label", value)

    def titled(self, kind: str, item_id: str) -> str:
        """'<id> <title>' as one string, still marked foreign when the title is."""
        title = self.text(kind, item_id)["title"]
        joined = f"{item_id} {title}"
        return Foreign(joined, title.lang) if isinstance(title, Foreign) else joined

    def item(self, kind: str, item_id: str) -> dict[str, Any]:
        return getattr(self, f"_{kind}")(item_id)

    def ref(self, kind: str, item_id: str, plural: str) -> dict[str, Any]:
        return {**self.text(plural, item_id), "link": self.link(kind, item_id)}

    # -- one method per page type ---------------------------------------------
    def _model(self, _id: str) -> dict[str, Any]:
        return {"dimensions": [self._dimension(d) for d in self.m.dimensions],
                "pyramid": [{**self.text("pyramid", p["id"]), **p} for p in self.m.pyramid],
                "chain": [self.text("effect_chain", c) for c in self.m.effect_chain],
                "figure": figures.model_figure(self.m, self.lang, self.url),
                "pyramid_svg": figures.pyramid_svg(self.m, self.lang), "chain_svg": figures.chain_svg(self.m, self.lang),
                "version": self.m.version, "standard": self.m.standard}

    def _dimension(self, item_id: str) -> dict[str, Any]:
        dim = self.m.dimensions[item_id]
        return {**self.ref("dimension", item_id, "dimensions"),
                "elements": [{**self.ref("element", e, "elements"),
                              "subelements": [self.ref("subelement", s, "subelements")
                                              for s in self.m.elements[e].subelement_ids if s != e]}
                             for e in dim.element_ids]}

    def _element(self, item_id: str) -> dict[str, Any]:
        el = self.m.elements[item_id]
        own = self._subelement(item_id) if el.is_own_subelement else None
        return {**self.ref("element", item_id, "elements"),
                "dimension": self.ref("dimension", el.dimension_id, "dimensions"),
                "subelements": [{**self.ref("subelement", s, "subelements"),
                                 "practice_count": len(self.m.practices_for(s)),
                                 "expectation_count": len(self.m.subelements[s].expectation_ids)}
                                for s in el.subelement_ids if s != item_id],
                "own": own}

    def _subelement(self, item_id: str) -> dict[str, Any]:
        sub = self.m.subelements[item_id]
        el = self.m.elements[sub.element_id]
        return {**self.ref("subelement", item_id, "subelements"),
                "element": self.ref("element", el.id, "elements"),
                "dimension": self.ref("dimension", el.dimension_id, "dimensions"),
                "expectations": [self.text("expectations", e) for e in sub.expectation_ids],
                "practices": [self._practice(p.id) for p in self.m.practices_for(item_id)]}

    def _principles(self, _id: str) -> dict[str, Any]:
        groups = []
        for group in ("general", "public"):
            groups.append({"id": group, "title": self.ui(f"principles_{group}"),
                           "principles": [self._principle(p) for p, x in self.m.principles.items() if x.group == group]})
        return {"groups": groups}

    def _principle(self, item_id: str) -> dict[str, Any]:
        practices = self.m.practices_serving(item_id)
        per_element: dict[str, int] = {}
        for p in practices:  # a practice counts for the element of its home sub-element
            home = self.m.subelements[p.home_id].element_id
            per_element[home] = per_element.get(home, 0) + 1
        return {**self.ref("principle", item_id, "principles"), "group": self.m.principles[item_id].group,
                "elements": [{**self.ref("element", e, "elements"), "count": per_element[e]}
                             for e in self.m.elements if e in per_element],
                "practices": [{**self.ref("practice", p.id, "practices"), "url": self.url("practice", p.id)}
                              for p in practices]}

    def _practices(self, _id: str) -> dict[str, Any]:
        m = self.m
        options = {
            "dimension": [(d, self.titled("dimensions", d)) for d in m.dimensions],
            "element": [(e, self.titled("elements", e)) for e in m.elements],
            "principle": [(p, self.titled("principles", p)) for p in m.principles],
            "role": [(r, self.label("roles", r)) for r in m.roles],
            "effort": [(x, self.label("efforts", x)) for x in m.efforts],
            "tag": [(t, self.label("tags", t)) for t in m.tags],
        }
        filters = [{"key": key, "label": self.ui(f"filter_{key}"),
                    "options": [{"value": value, "label": label} for value, label in values]}
                   for key, values in options.items()]
        elements = []
        for e in m.elements:
            practices = [{**self._practice(p.id), "url": rel_url(self.here, src_of(m, "practice", p.id))}
                         for p in m.practices.values() if m.subelements[p.home_id].element_id == e]
            elements.append({**self.ref("element", e, "elements"), "practices": practices})
        return {"filters": filters, "elements": elements}

    def _checklists(self, _id: str) -> dict[str, Any]:
        return checklists.ChecklistViews(self).index()

    def _checklist_dimension(self, item_id: str) -> dict[str, Any]:
        return checklists.ChecklistViews(self).dimension(item_id)

    def _checklist_element(self, item_id: str) -> dict[str, Any]:
        return checklists.ChecklistViews(self).element(item_id)

    def _checklist_plan(self, _id: str) -> dict[str, Any]:
        return checklists.ChecklistViews(self).plan()

    def _practice(self, item_id: str) -> dict[str, Any]:
        p = self.m.practices[item_id]
        return {**self.ref("practice", item_id, "practices"),
                "subelements": [self.ref("subelement", s, "subelements") for s in p.subelement_ids],
                "principles": [self.ref("principle", x, "principles") for x in p.principle_ids],
                "roles": [self.label("roles", r) for r in p.roles],
                "effort": self.label("efforts", p.effort), "level": p.level,
                "tags": [self.label("tags", t) for t in p.tags],
                "filters": {"dimension": self.m.elements[self.m.subelements[p.home_id].element_id].dimension_id,
                            "element": self.m.subelements[p.home_id].element_id,
                            "principles": list(p.principle_ids), "roles": list(p.roles),
                            "effort": p.effort, "tags": list(p.tags)}}

    def _status(self, _id: str) -> dict[str, Any]:
        from .translation_status import report

        english_ui = self.m.texts[self.m.source_language].get("ui", {})
        languages = []
        for st in report(self.m):
            name = self.m.ui(st.lang, "language_name")
            role = "source" if st.source else "required" if st.required else "optional"
            languages.append({
                "lang": Markup(st.lang), "name": name if st.lang == self.lang else Foreign(name, st.lang),
                "note": self.ui(f"localise_status_{role}"), "percent": f"{st.percent:.0f}%",
                "translated": f"{st.translated}/{st.total}",
                "kinds": [{"label": self.ui(f"localise_kind_{k.kind}") if f"localise_kind_{k.kind}" in english_ui else k.kind,
                           "translated": f"{k.translated}/{k.total}", "percent": f"{k.percent:.0f}%",
                           "stale": len(k.stale), "unrecorded": len(k.unrecorded)} for k in st.kinds],
                "stale": [f"{k.kind} {i}" for k in st.kinds for i in k.stale][:200]})
        return {"languages": languages}

    # -- glossary ----------------------------------------------------------------
    def _term(self, term_id: str) -> dict[str, Any]:
        t = self.m.terms[term_id]
        others = [{"lang": lang, "language_name": self.m.ui(lang, "language_name"), **_TERM_DEFAULTS,
                   **self.m.texts[lang]["terms"][term_id]}
                  for lang in glossary.languages_with_terms(self.m) if lang != self.lang and term_id in self.m.texts[lang]["terms"]]
        return {**_TERM_DEFAULTS, **self.text("terms", term_id), "status": self.ui(f"glossary_status_{t.status}"), "status_id": t.status,
                "source": glossary.source_label(self.m, self.lang, term_id), "others": others,
                "related": [{**_TERM_DEFAULTS, **self.text("terms", r), "link": Markup(f"#{r}")} for r in t.related],
                "places": [self.ref("element", e, "elements") for e in t.elements]
                + [self.ref("subelement", s, "subelements") for s in t.subelements]}

    def _glossary(self, _id: str) -> dict[str, Any]:
        from . import downloads  # not at the top: downloads -> exports -> inventory -> pages

        letters: dict[str, list[dict[str, Any]]] = {}
        for term_id in glossary.ordered(self.m, self.lang):
            entry = self._term(term_id)
            letters.setdefault(glossary.initial(entry["term"]), []).append(entry)
        return {"letters": [{"label": letter, "anchor": Markup("letter-" + ("other" if letter == "#" else letter.lower())),
                             "entries": entries} for letter, entries in letters.items()],
                "count": len(self.m.terms), "lookup": self.link("glossary_lookup", "lookup"),
                "downloads": [{"title": self.ui(d.title_key), "link": rel_link(self.here, downloads.site_path(d, self.lang))}
                              for d in downloads.DOWNLOADS if d.key.startswith("glossary-")]}

    def _glossary_lookup(self, _id: str) -> dict[str, Any]:
        langs = glossary.languages_with_terms(self.m)
        entry_url = rel_url(self.here, "glossary/index.md")
        rows = []
        for term_id in glossary.ordered(self.m, self.lang):
            cells = []
            for lang in langs:
                fields = self.m.texts[lang]["terms"].get(term_id, {})
                cells.append({"lang": lang, "term": fields.get("term", ""), "abbreviation": fields.get("abbreviation", ""),
                              "url": Markup(f"{entry_url}#{term_id}") if lang == self.lang else None})
            rows.append({"id": Markup(term_id), "cells": cells,
                         "status": self.ui(f"glossary_status_{self.m.terms[term_id].status}")})
        columns = [{"lang": lang, "label": self.m.ui(lang, "language_name"), "sorted": lang == self.lang} for lang in langs]
        return {"columns": columns, "rows": rows, "glossary": self.link("glossary", "glossary")}


def _foreign(value: Any, lang: str) -> Any:
    if isinstance(value, str):
        return Foreign(value, lang)
    if isinstance(value, list):
        return [_foreign(v, lang) for v in value]
    return value
