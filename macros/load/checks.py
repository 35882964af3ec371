"""Layer 2 of validation: what only the whole model can tell. Pure functions: model in, problems out."""

from __future__ import annotations

from ..model.crosswalks import TEXT_KINDS as CROSSWALK_TEXT_KINDS
from ..model.problems import Problem
from ..model.types import TEXT_KINDS, Model
from . import crosswalks, schemas
from .hints import did_you_mean
from .reader import Sources
from .yaml_source import YamlDoc


def _at(src: Sources, kind: str, item_id: str, field: str, message: str, fix: str) -> Problem:
    doc = src.docs[kind][item_id]
    return Problem(doc.rel, doc.line_of((field,)), message, fix)


def check_references(m: Model, src: Sources) -> list[Problem]:
    """Every ID a structure file names exists, and clause numbers nest as the standard numbers them."""
    problems: list[Problem] = []
    for e in m.elements.values():
        if e.dimension_id not in m.dimensions:
            problems.append(
                _at(
                    src,
                    "elements",
                    e.id,
                    "dimension",
                    f"element {e.id} points to unknown dimension '{e.dimension_id}'",
                    f"use one of: {', '.join(m.dimensions)}",
                )
            )
        elif not e.id.startswith(e.dimension_id + "."):
            problems.append(
                _at(
                    src,
                    "elements",
                    e.id,
                    "dimension",
                    f"element {e.id} is filed under dimension {e.dimension_id}",
                    "an element's clause number starts with its dimension's",
                )
            )
    for s in m.subelements.values():
        if s.element_id not in m.elements:
            problems.append(
                _at(
                    src,
                    "subelements",
                    s.id,
                    "element",
                    f"sub-element {s.id} points to unknown element '{s.element_id}'",
                    f"use one of: {', '.join(m.elements)}",
                )
            )
        elif s.id != s.element_id and not s.id.startswith(s.element_id + "."):
            problems.append(
                _at(
                    src,
                    "subelements",
                    s.id,
                    "element",
                    f"sub-element {s.id} is filed under element {s.element_id}",
                    "a sub-element's clause number starts with its element's",
                )
            )
        for e in s.expectation_ids:
            if not e.startswith(s.id + "-e"):
                problems.append(
                    _at(
                        src,
                        "subelements",
                        s.id,
                        "expectations",
                        f"expectation '{e}' does not belong to {s.id}",
                        f"expectation IDs of this sub-element start with '{s.id}-e'",
                    )
                )
    for e in m.elements.values():
        if not e.subelement_ids:
            doc = src.docs["elements"][e.id]
            problems.append(
                Problem(
                    doc.rel,
                    1,
                    f"element {e.id} has no sub-elements",
                    f"add model/subelements/{e.id}.yml (an element without sub-elements is its own single one)",
                )
            )
    for p in m.practices.values():
        checks = (
            ("subelements", p.subelement_ids, m.subelements),
            ("principles", p.principle_ids, m.principles),
            ("roles", p.roles, m.roles),
            ("tags", p.tags, m.tags),
        )
        for field, values, known in checks:
            for value in values:
                if value not in known:
                    problems.append(
                        _at(
                            src,
                            "practices",
                            p.id,
                            field,
                            f"practice {p.id} refers to unknown {field[:-1]} '{value}'",
                            did_you_mean(value, known),
                        )
                    )
        if p.effort not in m.efforts:
            problems.append(
                _at(src, "practices", p.id, "effort", f"practice {p.id} has unknown effort '{p.effort}'", did_you_mean(p.effort, m.efforts))
            )
    return problems


def check_provenance(m: Model, src: Sources) -> list[Problem]:
    """Every expectation says where it comes from, and a clause it cites lies in its own element.

    The schema checks each entry's shape; here the entries are matched against the expectations
    (none missing, none extra) and the clause against the element (7.3.3.2-e8 may cite 7.3.3.3, not 7.4.1).
    """
    problems: list[Problem] = []
    for s in m.subelements.values():
        doc = src.docs["subelements"][s.id]
        listed = dict(doc.data.get("sources") or {})
        for e in s.expectation_ids:
            if e not in listed:
                problems.append(
                    Problem(
                        doc.rel,
                        doc.line_of(("expectations",)),
                        f"expectation '{e}' does not say where it comes from",
                        f'add under sources: "{e}": {{source: requirement|example|advice, clause: "{s.id}"}}',
                    )
                )
        for e in listed:
            if e in m.hidden_expectations:  # a fork leaves it out; upstream's record of its source stays valid
                continue
            if e not in s.expectation_ids:
                problems.append(
                    Problem(
                        doc.rel,
                        doc.line_of(("sources", e)),
                        f"sources names '{e}', which is not an expectation of {s.id}",
                        did_you_mean(e, s.expectation_ids),
                    )
                )
                continue
            clause = m.provenance_of(e).clause
            if clause and clause != s.element_id and not clause.startswith(s.element_id + "."):
                problems.append(
                    Problem(
                        doc.rel,
                        doc.line_of(("sources", e, "clause")),
                        f"expectation '{e}' cites clause {clause}, outside its element {s.element_id}",
                        f"cite a clause of {s.element_id} (the sub-element's own, e.g. {s.id}, or the element's general text)",
                    )
                )
    return problems


def check_scale(m: Model, doc: YamlDoc) -> list[Problem]:
    """Scale steps are stored by position, so their IDs must be unique; each pyramid link must resolve."""
    problems: list[Problem] = []
    levels = [p["id"] for p in m.pyramid]
    seen: set[str] = set()
    for i, step in enumerate(m.assessment_scale):
        if step["id"] in seen:
            problems.append(
                Problem(
                    doc.rel,
                    doc.line_of(("assessment_scale", i, "id")),
                    f"assessment scale step '{step['id']}' appears twice",
                    "give each step its own ID",
                )
            )
        seen.add(step["id"])
        if step["pyramid"] is not None and step["pyramid"] not in levels:
            problems.append(
                Problem(
                    doc.rel,
                    doc.line_of(("assessment_scale", i, "pyramid")),
                    f"assessment scale step '{step['id']}' points to unknown pyramid level '{step['pyramid']}'",
                    did_you_mean(step["pyramid"], levels) + " (or null)",
                )
            )
    return problems


def check_texts(m: Model, src: Sources, complete_languages: tuple[str, ...]) -> list[Problem]:
    """No text for unknown items; every complete language has every text and interface string."""
    problems: list[Problem] = []
    wanted: dict[str, list[str]] = {
        "dimensions": list(m.dimensions),
        "elements": list(m.elements),
        "subelements": list(m.subelements),
        "principles": list(m.principles),
        "practices": list(m.practices),
        "expectations": list(m.expectations),
        "pyramid": [p["id"] for p in m.pyramid],
        "effect_chain": list(m.effect_chain),
        "assessment_scale": [step["id"] for step in m.assessment_scale],
        "roles": m.roles,
        "efforts": m.efforts,
        "tags": m.tags,
        "terms": list(m.terms),
        **crosswalks.wanted_texts(m),
    }
    for lang, kinds in m.texts.items():
        for kind, items in kinds.items():
            if kind == "ui":
                continue
            for item_id in items:
                if item_id not in wanted.get(kind, []):
                    rel, line = src.text_lines[(lang, kind, item_id)]
                    problems.append(
                        Problem(
                            rel,
                            line,
                            f"text for unknown {kind[:-1] if kind.endswith('s') else kind} '{item_id}'",
                            did_you_mean(item_id, wanted.get(kind, [])),
                        )
                    )
    english_ui = m.texts.get("en", {}).get("ui", {})
    for lang in sorted(set(complete_languages) | set(m.fork_languages), key=lambda x: (x not in complete_languages, x)):
        folder = _text_folder(src, lang)
        if lang not in m.texts:
            problems.append(Problem(folder, 1, f"no {lang} text at all", f"add {folder}/*.yml"))
            continue
        for kind in TEXT_KINDS:
            have = m.texts[lang].get(kind, {})
            for item_id in wanted[kind]:
                if item_id not in have and lang in _needs(m, kind, item_id, complete_languages):
                    problems.append(
                        Problem(
                            *_where(src, kind, item_id),
                            f"{kind} '{item_id}' has no {lang} text",
                            f"add it under '{kind}:' in a file in {folder}/",
                        )
                    )
        if lang not in complete_languages:
            continue
        for key in english_ui:
            if key not in m.texts[lang].get("ui", {}):
                problems.append(
                    Problem(
                        folder,
                        1,
                        f"interface string '{key}' has no {lang} text",
                        f"add it under 'ui:' in {folder}/ui.yml",
                    )
                )
    return problems


def _where(src: Sources, kind: str, item_id: str) -> tuple[str, int]:
    """File and line an item's missing text belongs to."""
    home = crosswalks.text_home(src, kind, item_id) if kind in CROSSWALK_TEXT_KINDS else None
    return home or (_home_of(src, kind, item_id), _line_of(src, kind, item_id))


def check_fields(m: Model, src: Sources, complete_languages: tuple[str, ...]) -> list[Problem]:
    """An item that must be complete in a language has every field there, whichever layers the fields come from.

    A fork's text files name only the fields they change, so the schema cannot require fields; this check does.
    """
    required = schemas.required_fields("text")
    problems = []
    for lang, kinds in m.texts.items():
        for kind, items in kinds.items():
            for item_id, value in items.items():
                if not isinstance(value, dict) or lang not in _needs(m, kind, item_id, complete_languages):
                    continue
                for name in required.get(kind, ()):
                    if name not in value:
                        rel, line = src.text_lines.get((lang, kind, item_id), (_text_folder(src, lang), 1))
                        problems.append(Problem(rel, line, f"{kind} '{item_id}' has no {lang} '{name}'", f"add '{name}:' under {item_id}"))
    return problems


def _needs(m: Model, kind: str, item_id: str, complete_languages: tuple[str, ...]) -> tuple[str, ...]:
    """The languages an item must have text in: a fork's own items only in the fork's languages."""
    return m.fork_languages if (kind, item_id) in m.item_layer else complete_languages


def _text_folder(src: Sources, lang: str) -> str:
    """Where to add missing text: the fork's top layer in a fork (never upstream's files), else model/text."""
    return f"{src.layers[-1][0]}/text/{lang}" if src.layers else src.rel(src.root / "text" / lang)


def _home_of(src: Sources, kind: str, item_id: str) -> str:
    if kind in src.docs and item_id in src.docs[kind]:
        return src.docs[kind][item_id].rel
    if kind == "expectations":
        sub = item_id.rsplit("-e", 1)[0]
        if sub in src.docs["subelements"]:
            return src.docs["subelements"][sub].rel
    return src.rel(src.root / "model.yml")


def _line_of(src: Sources, kind: str, item_id: str) -> int:
    if kind == "expectations":
        sub = item_id.rsplit("-e", 1)[0]
        doc = src.docs["subelements"].get(sub)
        if doc:
            return doc.line_of(("expectations", list(doc.data["expectations"]).index(item_id)))
    return 1
