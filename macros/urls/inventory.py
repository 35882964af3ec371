"""Every linkable item of the model, with the page and anchor it lives at.

Trainers link to items by ID; this registry is the one place that says where
each kind of item can be linked. The published-URL list, the redirects of
renamed or retired items and the tests all read it, so a new kind of item
is one ``LinkKind`` entry here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from ..model.types import Model
from .scheme import PAGE, src_of, url_path


@dataclass(frozen=True)
class Link:
    """One place an item can be linked: a page (``src``) and, for items shown inside a page, an anchor."""

    kind: str
    id: str
    src: str
    anchor: str = ""

    def path(self, prefix: str = "") -> str:
        """Site-root URL path, e.g. ``/nl/model/7.2.2.4/#7.2.2.4-e1`` for prefix ``nl/``."""
        return url_path(self.src, prefix) + (f"#{self.anchor}" if self.anchor else "")


@dataclass(frozen=True)
class LinkKind:
    """A kind of linkable item.

    ``links(model)`` yields every place its items can be linked; ``home(id)``
    says where an item of this kind *was*, for IDs that have left the model
    (renamed or retired), so their old URLs can be redirected.
    """

    name: str
    links: Callable[[Model], Iterable[Link]]
    home: Callable[[str], Link]


def _pages(kind: str, ids: Callable[[Model], Iterable[str]]) -> Callable[[Model], Iterator[Link]]:
    return lambda m: (Link(kind, i, src_of(m, kind, i)) for i in ids(m))


def _practice_links(m: Model) -> Iterator[Link]:
    for p in m.practices.values():
        yield Link("practice", p.id, src_of(m, "practice", p.id))
        for s in p.subelement_ids:
            yield Link("practice", p.id, src_of(m, "subelement", s), p.id)


def _page_home(kind: str) -> Callable[[str], Link]:
    return lambda i: Link(kind, i, PAGE[kind].src(i))


LINK_KINDS: tuple[LinkKind, ...] = (
    LinkKind("dimension", _pages("dimension", lambda m: m.dimensions), _page_home("dimension")),
    LinkKind("element", _pages("element", lambda m: m.elements), _page_home("element")),
    LinkKind("subelement", _pages("subelement", lambda m: m.subelements), _page_home("subelement")),
    LinkKind("principle", _pages("principle", lambda m: m.principles), _page_home("principle")),
    LinkKind(
        "expectation",
        lambda m: (Link("expectation", e, src_of(m, "subelement", s), e) for e, s in m.expectations.items()),
        lambda i: Link("expectation", i, PAGE["subelement"].src(i.rsplit("-e", 1)[0]), i),
    ),
    LinkKind("practice", _practice_links, _page_home("practice")),
    LinkKind(
        "term",
        lambda m: (Link("term", t, PAGE["glossary"].src("glossary"), t) for t in m.terms),
        lambda i: Link("term", i, PAGE["glossary"].src("glossary"), i),
    ),
    LinkKind("framework", _pages("framework", lambda m: m.crosswalks), _page_home("framework")),
    LinkKind("framework_item", _pages("framework_item", lambda m: m.ids("framework_item")), _page_home("framework_item")),
)
LINK_KIND = {k.name: k for k in LINK_KINDS}


def links(model: Model) -> Iterator[Link]:
    for kind in LINK_KINDS:
        yield from kind.links(model)


def primaries(model: Model) -> dict[tuple[str, str], Link]:
    """(kind, id) -> the main place of each live item: its own page if it has one, else its first anchor."""
    found: dict[tuple[str, str], Link] = {}
    for link in links(model):
        key = (link.kind, link.id)
        if key not in found or (found[key].anchor and not link.anchor):
            found[key] = link
    return found


def primary(model: Model, kind: str, item_id: str) -> Link:
    return primaries(model)[(kind, item_id)]
