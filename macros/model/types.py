"""The model as frozen Python objects, independent of MkDocs, files and URLs.

Structure (IDs and relations) and text (per language, keyed by kind and ID)
are kept apart, exactly as on disk, so that a new language is only text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .changelog import Release
from .crosswalks import TEXT_KINDS as CROSSWALK_TEXT_KINDS
from .crosswalks import FamilyDocument, Framework

KINDS = ("dimensions", "elements", "subelements", "principles", "practices")
TEXT_KINDS = KINDS + ("expectations", "pyramid", "effect_chain", "assessment_scale", "roles", "efforts", "tags", "terms")
TEXT_KINDS += CROSSWALK_TEXT_KINDS  # model/crosswalks/ and model/family.yml
# A kind of structure file or text (plural, as folders and text keys are named) -> its kind of item (singular, as in URLs).
SINGULAR = {
    "dimensions": "dimension",
    "elements": "element",
    "subelements": "subelement",
    "principles": "principle",
    "practices": "practice",
    "expectations": "expectation",
    "terms": "term",
}


def clause_key(item_id: str) -> tuple:
    """Sort clause numbers naturally: 7.2.10 after 7.2.9, 7.1.1.a before 7.1.2."""
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in re.split(r"[.-]", item_id))


@dataclass(frozen=True)
class Dimension:
    id: str
    element_ids: tuple[str, ...]


@dataclass(frozen=True)
class Element:
    id: str
    dimension_id: str
    subelement_ids: tuple[str, ...]

    @property
    def is_own_subelement(self) -> bool:
        """True for an element without sub-elements (7.1.3): it is its own single one."""
        return self.subelement_ids == (self.id,)


@dataclass(frozen=True)
class SubElement:
    id: str
    element_id: str
    expectation_ids: tuple[str, ...]


# Where an expectation comes from, in the order pages explain them.
PROVENANCE_SOURCES = ("requirement", "example", "advice")


@dataclass(frozen=True)
class Provenance:
    """Where an expectation comes from, so that a reader never takes the portal's advice for the standard.

    ``requirement``: the clause says the organisation should do it; ``example``: one of the optional
    practices the clause offers; ``advice``: the portal's own addition (no clause).
    """

    source: str
    clause: str = ""  # the clause of the standard, e.g. "7.3.2.4"; "" for advice
    items: tuple[str, ...] = ()  # the clause's item letters where it enumerates them, e.g. ("a",)

    @property
    def from_standard(self) -> bool:
        return self.source != "advice"

    @property
    def reference(self) -> str:
        """The clause as a reader looks it up: "7.3.2.4 a), b)", or "" for advice."""
        letters = ", ".join(f"{i})" for i in self.items)
        return f"{self.clause} {letters}" if letters else self.clause


@dataclass(frozen=True)
class Principle:
    id: str
    group: str


@dataclass(frozen=True)
class Practice:
    id: str
    subelement_ids: tuple[str, ...]
    principle_ids: tuple[str, ...]
    roles: tuple[str, ...]
    effort: str
    level: int
    tags: tuple[str, ...]

    @property
    def home_id(self) -> str:
        return self.subelement_ids[0]


@dataclass(frozen=True)
class Term:
    """A glossary term: structure only; its words per language are text kind ``terms``."""

    id: str
    status: str  # standard | model | management | public-sector
    source: str  # document it comes from, e.g. "ISO 11367"; "portal" for this portal's own terms
    clause: str  # clause in that document ("3.4"), or ""
    related: tuple[str, ...]
    elements: tuple[str, ...]
    subelements: tuple[str, ...]
    inline: bool = True  # defined in place on other pages; false for words common in an everyday sense


@dataclass(frozen=True)
class Model:
    version: str
    standard: str
    dimensions: dict[str, Dimension]
    elements: dict[str, Element]
    subelements: dict[str, SubElement]
    principles: dict[str, Principle]
    practices: dict[str, Practice]
    pyramid: list[dict[str, Any]]
    effect_chain: list[str]
    roles: list[str]
    efforts: list[str]
    tags: list[str]
    # texts[lang][kind][id] -> {field: value}
    texts: dict[str, dict[str, dict[str, dict[str, Any]]]]
    # (kind, id) -> file the item's structure lives in, for "edit this page" links
    sources: dict[tuple[str, str], str] = field(default_factory=dict)
    source_language: str = "en"
    # languages that must be complete and current (EN, NL upstream); others only report
    required_languages: tuple[str, ...] = ("en", "nl")
    # items a fork added in local/ (kind, id): pages mark them as local
    local: frozenset[tuple[str, str]] = frozenset()
    # upstream practices a fork hides: id -> reason (already removed from ``practices`` and ``texts``);
    # a reason is one text (in the fork's first language) or a mapping language -> text, see :meth:`reason`
    hidden: dict[str, Any] = field(default_factory=dict)
    # expectations a fork leaves out (removed from their sub-element and from ``texts``): id -> reason
    hidden_expectations: dict[str, Any] = field(default_factory=dict)
    # sub-elements that do not apply to the fork's organisation: id -> reason (they keep their page)
    not_applicable: dict[str, Any] = field(default_factory=dict)
    tailored_by: dict[tuple[str, str], str] = field(default_factory=dict)  # (kind, id) hidden or not applicable -> layer
    # the fork's own name, version and publisher (from its portal.yml files): downloads carry them
    brand: dict[str, Any] = field(default_factory=dict)
    # where each text comes from: (lang, kind, id) -> (layer, file, line); layer is "model" or "local"
    text_origin: dict[tuple[str, str, str], tuple[str, str, int]] = field(default_factory=dict)
    # fingerprints[layer][lang][(kind, id, field)] -> short hash of the English a translation was made from
    fingerprints: dict[str, dict[str, dict[tuple[str, str, str], str]]] = field(default_factory=dict)
    # the checklists' rating scale, lowest first: [{"id": ..., "pyramid": level id or None}];
    # a stored rating is an index into it
    assessment_scale: list[dict[str, Any]] = field(default_factory=list)
    # releases from model/changelog.yml, oldest first; empty without a changelog
    releases: tuple[Release, ...] = ()
    # a fork's own releases (its layers' changelog.yml): renames and retirements of its own items, for redirects
    fork_releases: tuple[Release, ...] = ()
    terms: dict[str, Term] = field(default_factory=dict)  # glossary, sorted by ID
    # other frameworks and how they relate to the model (upstream first, then a fork's local- ones)
    crosswalks: dict[str, Framework] = field(default_factory=dict)
    family: tuple[FamilyDocument, ...] = ()  # the other documents of the service-excellence family
    # a fork's layers, lowest first: ("model",) upstream, ("model", "local", "regional") in a fork of a fork
    layers: tuple[str, ...] = ("model",)
    # the catalogue's promise per sub-element (model.yml ``coverage``): {"practices": 6, "expectations": 3}; a fork may lower it
    coverage: dict[str, int] = field(default_factory=dict)
    # each layer's own text as written (texts is all of them merged, field by field)
    layer_texts: dict[str, dict[str, dict[str, dict[str, Any]]]] = field(default_factory=dict)
    # where each field's text comes from: (lang, kind, id, field) -> (layer, file, line); field '' for an interface string
    field_origin: dict[tuple[str, str, str, str], tuple[str, str, int]] = field(default_factory=dict)
    # replaced[layer][lang][(kind, id, field)] -> the lower layers' text that layer's override replaced, when recorded
    replaced: dict[str, dict[str, dict[tuple[str, str, str], Any]]] = field(default_factory=dict)
    # a fork's own items: (kind, id) -> the layer that adds them
    item_layer: dict[tuple[str, str], str] = field(default_factory=dict)
    # languages a fork's own items are written in, preferred first when a page's language has no text
    fork_languages: tuple[str, ...] = ()

    @property
    def is_fork(self) -> bool:
        return len(self.layers) > 1

    @property
    def top_layer(self) -> str:
        return self.layers[-1]

    # expectation ID -> where it comes from (model/subelements/*.yml, `sources`)
    provenance: dict[str, Provenance] = field(default_factory=dict)

    @property
    def expectations(self) -> dict[str, str]:
        """Expectation ID -> sub-element ID, in model order."""
        return {e: s.id for s in self.subelements.values() for e in s.expectation_ids}

    @property
    def standard_subelement_count(self) -> int:
        """Sub-elements as the standard counts them: an element assessed as a whole (7.1.3) has none."""
        return sum(1 for s in self.subelements.values() if s.id != s.element_id)

    def provenance_of(self, expectation_id: str) -> Provenance:
        """Where an expectation comes from; the portal's advice when the model does not say (validation requires it)."""
        return self.provenance.get(expectation_id, Provenance("advice"))

    def ids(self, kind: str) -> Iterable[str]:
        """The live IDs of a kind of linkable item ("subelement" includes an element that is its own one)."""
        return {
            "dimension": self.dimensions,
            "element": self.elements,
            "subelement": self.subelements,
            "principle": self.principles,
            "expectation": self.expectations,
            "practice": self.practices,
            "term": self.terms,
            "framework": self.crosswalks,
            "framework_item": [i.text_id for fw in self.crosswalks.values() for i in fw.items],
        }[kind]

    def practices_for(self, subelement_id: str) -> list[Practice]:
        return [p for p in self.practices.values() if subelement_id in p.subelement_ids]

    def practices_serving(self, principle_id: str) -> list[Practice]:
        return [p for p in self.practices.values() if principle_id in p.principle_ids]

    def text(self, lang: str, kind: str, item_id: str) -> tuple[dict[str, Any], str]:
        """Text of an item in ``lang``, falling back to the source language.

        Returns the fields and the language they are actually in, so pages can
        mark fallback text with its own ``lang`` attribute.
        """
        own = self.texts.get(lang, {}).get(kind, {}).get(item_id)
        if own is not None:
            return own, lang
        for other in (self.source_language, *self.fork_languages):  # a fork's own item may exist only in its languages
            found = self.texts.get(other, {}).get(kind, {}).get(item_id)
            if found is not None:
                return found, other
        return {}, self.source_language

    def reason(self, value: Any, lang: str) -> tuple[str, str]:
        """A fork's reason in ``lang`` if it has one, else in English or its own language: (text, its language)."""
        first = (self.fork_languages or (self.source_language,))[0]
        if isinstance(value, str):
            return value, first
        for other in (lang, self.source_language, first, *value):
            if other in value:
                return value[other], other
        return "", lang

    def text_below(self, layer: str, lang: str, kind: str, item_id: str, name: str) -> Any:
        """The text of one field as the layers *below* ``layer`` have it (what an override in ``layer`` replaces), or None."""
        value = None
        for below in self.layers[: self.layers.index(layer)]:
            item = self.layer_texts.get(below, {}).get(lang, {}).get(kind, {}).get(item_id)
            if item is None:
                continue
            if not name:
                value = item
            elif isinstance(item, dict) and name in item:
                value = item[name]
        return value

    def text_through(self, layer: str, lang: str, kind: str, item_id: str, name: str) -> Any:
        """The text of one field as the layers up to and including ``layer`` have it, or None."""
        upto = self.layers[: self.layers.index(layer) + 1]
        nxt = self.layers[len(upto)] if len(upto) < len(self.layers) else None
        if nxt is None:
            fields = self.texts.get(lang, {}).get(kind, {}).get(item_id)
            return fields if not name or not isinstance(fields, dict) else fields.get(name)
        return self.text_below(nxt, lang, kind, item_id, name)

    def is_local(self, kind: str, item_id: str) -> bool:
        return (kind, item_id) in self.local

    def ui(self, lang: str, key: str) -> str:
        own = self.texts.get(lang, {}).get("ui", {}).get(key)
        return own if own is not None else self.texts[self.source_language].get("ui", {}).get(key, key)
