"""What every view works with: one page being rendered, in one language, from one published site.

A :class:`View` translates and links for the page at ``here``; the page families
(:mod:`macros.views.model_pages`, :mod:`macros.views.practices`, ...) are plain functions
``view(v, item_id) -> dict`` built on it. Templates call only ``v.ui``, ``v.link`` and ``v.page_link``.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from ..render.markup import Foreign, rel_link, rel_url
from ..urls.inventory import LINK_KINDS
from ..urls.scheme import src_of
from ..urls.site import Site


class View:
    """Gathers what a template needs, already translated and linked from the current page."""

    def __init__(self, site: Site, lang: str, here: str):
        self.site, self.m, self.lang, self.here = site, site.model, lang, here
        self.fallbacks = 0  # how many items on this page are shown in the source language

    @property
    def prefix(self) -> str:
        """This language's root below the site root ('' or 'nl/')."""
        return self.site.prefix(self.lang)

    def ui(self, key: str) -> str:
        text = self.m.ui(self.lang, key)
        own = key in self.m.texts.get(self.lang, {}).get("ui", {})
        return text if own or self.lang == self.m.source_language else Foreign(text, self.m.source_language)

    def page_link(self, src: str) -> Markup:
        """URL of another generated page, for raw HTML blocks."""
        return rel_url(self.here, src)

    def link(self, kind: str, item_id: str, anchor: str = "") -> Markup:
        return rel_link(self.here, src_of(self.m, kind, item_id), anchor)

    def url(self, kind: str, item_id: str) -> Markup:
        """URL of an item's page for raw HTML (figures, <details> lists), where MkDocs rewrites nothing."""
        return rel_url(self.here, src_of(self.m, kind, item_id))

    def text(self, kind: str, item_id: str, own_only: frozenset[str] = frozenset()) -> dict[str, Any]:
        """An item's text in this language; fields it lacks come from the source language, marked as foreign.

        ``own_only``: fields each language writes for itself (a term's synonyms): never filled from another.
        """
        fields, actual = self.m.text(self.lang, kind, item_id)
        fallback = actual != self.lang
        if fallback:
            self.fallbacks += 1
            fields = {k: _foreign(v, actual) for k, v in fields.items()}
        elif isinstance(fields, dict):  # a language that overrides only some fields: the others in English, marked
            english, source = self.m.text(self.m.source_language, kind, item_id)
            rest = {k: _foreign(v, source) for k, v in english.items() if k not in fields and k not in own_only}
            rest = rest if source != self.lang else {}
            if rest:
                self.fallbacks += 1
                fields = {**rest, **fields}
        # IDs passed the schema's strict patterns; they go into anchors and URLs as they are.
        return {**fields, "id": Markup(item_id), "text_lang": actual, "fallback": fallback, "local": self.m.is_local(kind, item_id)}

    def reason(self, value: Any) -> str:
        """A fork's reason (for hiding an item, for a sub-element that does not apply), marked when in another language."""
        text, lang = self.m.reason(value, self.lang)
        return text if lang == self.lang else Foreign(text, lang)

    def label(self, kind: str, value: str) -> str:
        return self.text(kind, value).get("label", value)

    def titled(self, kind: str, item_id: str) -> str:
        """'<id> <title>' as one string, still marked foreign when the title is."""
        title = self.text(kind, item_id)["title"]
        joined = f"{item_id} {title}"
        return Foreign(joined, title.lang) if isinstance(title, Foreign) else joined

    def expectation(self, item_id: str) -> dict[str, Any]:
        """An expectation's text with where it comes from: the label pages show and the clause to look up."""
        source = self.m.provenance_of(item_id)
        return {
            **self.text("expectations", item_id),
            "source": source.source,
            "source_label": self.ui(f"source_{source.source}"),
            "reference": source.reference,
        }

    def ref(self, kind: str, item_id: str, plural: str) -> dict[str, Any]:
        return {**self.text(plural, item_id), "link": self.link(kind, item_id)}

    def place(self, kind: str, item_id: str) -> dict[str, Any]:
        """Link and short URL of a live item, whatever its kind (page or anchor)."""
        link = self.site.place(kind, item_id)
        fields = self.text(kind + "s", item_id)
        return {
            **fields,
            "kind": kind,
            "title": fields.get("title", ""),
            "link": rel_link(self.here, link.src, link.anchor),
            "short": link.path(self.prefix),
            "full": self.site.full_url(link.path(self.prefix)),  # for paper: the configured site_url in front
        }

    def kind_of(self, item_id: str) -> str | None:
        """The kind of a live item, in registry order (an element that is its own sub-element is an element)."""
        places = self.site.places()
        return next((k.name for k in LINK_KINDS if (k.name, item_id) in places), None)


def _foreign(value: Any, lang: str) -> Any:
    if isinstance(value, str):
        return Foreign(value, lang)
    if isinstance(value, list):
        return [_foreign(v, lang) for v in value]
    return value
