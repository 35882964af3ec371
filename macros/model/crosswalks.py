"""Crosswalks: how other frameworks relate to the model (domain types and pure queries).

A *base* framework (ISO 23592) is the one ISO 11367 builds on: every model item is
either shared with it or added for public services. A *mapping* framework (CAF 2020,
NORA's perspectives, a fork's national model) has its own items, each linked to
sub-elements, elements or practices with a strength. Words live in the text kinds
``frameworks``, ``framework_items``, ``crosswalk_reasons`` and ``family``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

STRENGTHS = ("primary", "related")
TARGET_KINDS = ("subelement", "element", "practice")  # what a mapping link can point to
BASE_KINDS = ("dimensions", "elements", "subelements", "principles")  # what a base framework classifies
TEXT_KINDS = ("frameworks", "framework_items", "crosswalk_reasons", "family")  # their words, per language


@dataclass(frozen=True)
class CrosswalkLink:
    framework: str
    item: str  # the framework's item ID, e.g. "3.2"
    kind: str  # one of TARGET_KINDS
    target: str  # model ID
    strength: str  # primary | related

    @property
    def text_id(self) -> str:
        """Key of its reason under ``crosswalk_reasons``: '<framework>:<item>:<target>'."""
        return f"{self.framework}:{self.item}:{self.target}"


@dataclass(frozen=True)
class FrameworkItem:
    framework: str
    id: str
    group: str  # the group's ID, "" for a framework without groups
    links: tuple[CrosswalkLink, ...]

    @property
    def text_id(self) -> str:
        return f"{self.framework}:{self.id}"


@dataclass(frozen=True)
class Framework:
    id: str
    type: str  # base | mapping
    reference: str  # published number or name, not translated
    abbreviation: str = ""  # typed before an item number in search: "CAF 3.2"
    view: str = ""  # mapping: matrix | perspectives
    groups: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (group ID, its item IDs), in order
    items: tuple[FrameworkItem, ...] = ()
    shared: tuple[tuple[str, tuple[str, ...]], ...] = ()  # base: (kind, IDs) for each of BASE_KINDS
    added: tuple[tuple[str, tuple[str, ...]], ...] = ()

    @property
    def links(self) -> tuple[CrosswalkLink, ...]:
        return tuple(link for item in self.items for link in item.links)

    def item(self, item_id: str) -> FrameworkItem:
        return next(i for i in self.items if i.id == item_id)

    def added_ids(self, kind: str) -> tuple[str, ...]:
        return dict(self.added).get(kind, ())

    def search_id(self, item_id: str) -> str:
        """What a reader types to find an item: 'CAF 3.2', or the framework ID and item for one without abbreviation."""
        return f"{self.abbreviation} {item_id}" if self.abbreviation else f"{self.id}:{item_id}"

    def label(self, item_id: str) -> str:
        """How an item is named outside its framework's own pages: 'CAF 3.2'; its number for a grouped framework
        without abbreviation; nothing for a flat one, whose items (NORA's perspectives) go by their title."""
        return f"{self.abbreviation} {item_id}" if self.abbreviation else (item_id if self.groups else "")

    def neighbours(self, item_id: str) -> tuple[FrameworkItem | None, FrameworkItem | None]:
        """The items before and after one, in the framework's order (for previous/next links)."""
        ids = [i.id for i in self.items]
        at = ids.index(item_id)
        return (self.items[at - 1] if at > 0 else None, self.items[at + 1] if at + 1 < len(ids) else None)


@dataclass(frozen=True)
class FamilyDocument:
    """A document of the service-excellence family, as a reference (number and status; words are text kind ``family``)."""

    id: str
    number: str
    status: str  # published | draft
    elements: tuple[str, ...] = ()


def reasons_wanted(fw: Framework) -> list[str]:
    """Keys under ``crosswalk_reasons`` a framework needs: one per link, or one per item a base framework lacks."""
    if fw.type == "base":
        return list(dict.fromkeys(f"{fw.id}:{i}" for kind in BASE_KINDS for i in fw.added_ids(kind)))
    return [link.text_id for link in fw.links]


def items_wanted(fw: Framework) -> list[str]:
    """Keys under ``framework_items`` a framework needs: its groups and its items."""
    return [f"{fw.id}:{g}" for g, _ids in fw.groups] + [i.text_id for i in fw.items]


def links_to(frameworks: Iterable[Framework], kind: str, target: str) -> list[CrosswalkLink]:
    """Every mapping link that points at one model item, primary links first, in framework order."""
    found = [link for fw in frameworks for link in fw.links if link.kind == kind and link.target == target]
    return sorted(found, key=lambda link: STRENGTHS.index(link.strength))


def added_by(frameworks: Iterable[Framework], kind: str, item_id: str) -> list[Framework]:
    """The base frameworks that do not have this model item (ISO 11367 adds it); ``kind`` is plural."""
    return [fw for fw in frameworks if fw.type == "base" and item_id in fw.added_ids(kind)]


@dataclass(frozen=True)
class Gap:
    """What a crosswalk leaves unmapped in one direction: a label for the list and the IDs in it."""

    what: str
    ids: tuple[str, ...]


def unmapped(fw: Framework, dimensions: Iterable[str], elements: dict, subelements: dict, principles: Iterable[str]) -> list[Gap]:
    """The gaps of a crosswalk in each direction.

    base: model items it does not classify (the loader refuses those, so normally none).
    mapping: its items without a link (framework -> model), and the model's sub-elements and elements no
    link reaches (model -> framework); an element counts as reached through any of its sub-elements.
    """
    if fw.type == "base":
        known = {
            "dimensions": list(dimensions),
            "elements": list(elements),
            "subelements": list(subelements),
            "principles": list(principles),
        }
        listed = {k: set(dict(fw.shared).get(k, ())) | set(fw.added_ids(k)) for k in BASE_KINDS}
        return [Gap(f"{k} not classified", tuple(i for i in known[k] if i not in listed[k])) for k in BASE_KINDS]
    subs = {link.target for link in fw.links if link.kind == "subelement"}
    reached = {link.target for link in fw.links if link.kind == "element"} | {subelements[s].element_id for s in subs if s in subelements}
    gaps = [Gap("items without a link", tuple(i.id for i in fw.items if not i.links))]
    if fw.view == "matrix":
        gaps.append(Gap("sub-elements not reached", tuple(s for s in subelements if s not in subs)))
    gaps.append(Gap("elements not reached", tuple(e for e in elements if e not in reached)))
    return gaps
