"""Glossary terms in ``model/glossary/``: read them and check what only the whole model can tell.

The reader reads the term files with every other structure file; here are the glossary's own rules,
as pure functions, so a bad term stops the build with ``file:line`` like any other model error.
"""

from __future__ import annotations

from ..model.glossary import label_is_case_sensitive, labels_of
from ..model.problems import Problem
from ..model.types import Model, Term
from .hints import did_you_mean
from .reader import Sources
from .yaml_source import YamlDoc

STANDARD_SOURCE = "ISO 11367"
# Fields that, when the source language has them, every complete language must have too.
PARALLEL_FIELDS = ("abbreviation", "note")
_ID_HINT = "check the ID (file names in model/glossary/, model/elements/, model/subelements/)"
_WHAT = {"related": "related term", "elements": "element", "subelements": "sub-element"}


def terms(docs: dict[str, YamlDoc]) -> dict[str, Term]:
    return {
        i: Term(
            i,
            d.data["status"],
            str(d.data["source"]),
            str(d.data.get("clause", "")),
            tuple(d.data.get("related", [])),
            tuple(d.data.get("elements", [])),
            tuple(d.data.get("subelements", [])),
            bool(d.data.get("inline", True)),
        )
        for i, d in sorted(docs.items())
    }


def check(model: Model, src: Sources, complete_languages: tuple[str, ...]) -> list[Problem]:
    """Layer 2 for terms: references resolve, clause-3 numbers unique, labels unambiguous, languages parallel."""
    problems: list[Problem] = []
    docs = src.docs["terms"]
    clauses: dict[tuple[str, str], str] = {}
    for t in model.terms.values():
        doc = docs[t.id]
        for field, known in (("related", model.terms), ("elements", model.elements), ("subelements", model.subelements)):
            for i, value in enumerate(getattr(t, field)):
                if value == t.id:
                    problems.append(Problem(doc.rel, doc.line_of((field, i)), f"term {t.id} lists itself as related", "remove it"))
                elif value not in known:
                    problems.append(
                        Problem(
                            doc.rel,
                            doc.line_of((field, i)),
                            f"term {t.id} refers to unknown {_WHAT[field]} '{value}'",
                            did_you_mean(value, known, _ID_HINT),
                        )
                    )
        if t.status == "standard" and (t.source != STANDARD_SOURCE or not t.clause.startswith("3.")):
            problems.append(
                Problem(
                    doc.rel,
                    doc.line_of(("clause",)),
                    f"term {t.id} has status 'standard' but is not a clause-3 term of {STANDARD_SOURCE}",
                    f'set source: {STANDARD_SOURCE} and clause: "3.n", or choose another status',
                )
            )
        if t.status == "standard":  # other terms may share a clause: it is where the standard uses them
            key = (t.source, t.clause)
            if key in clauses:
                problems.append(
                    Problem(
                        doc.rel,
                        doc.line_of(("clause",)),
                        f"{t.source} {t.clause} is already the source of term '{clauses[key]}'",
                        "one term per clause: merge them or correct the clause number",
                    )
                )
            clauses[key] = t.id
    for lang in model.texts:
        problems += _check_labels(src, model, lang)
    source = model.texts.get(model.source_language, {}).get("terms", {})
    for lang in complete_languages:
        have = model.texts.get(lang, {}).get("terms", {})
        for term_id, fields in source.items():
            for field in PARALLEL_FIELDS:
                if field in fields and term_id in have and field not in have[term_id]:
                    rel, line = src.text_lines[(lang, "terms", term_id)]
                    problems.append(
                        Problem(
                            rel,
                            line,
                            f"term '{term_id}' has a {field} in {model.source_language} but not in {lang}",
                            f"add '{field}:' to it (the glossary must be complete in every language)",
                        )
                    )
    return problems


def _check_labels(src: Sources, model: Model, lang: str) -> list[Problem]:
    """Two terms sharing a word would make inline definitions and the lookup table ambiguous."""
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for term_id, fields in model.texts[lang].get("terms", {}).items():
        for label in labels_of(fields):
            key = label if label_is_case_sensitive(label) else label.casefold()
            if key in seen and seen[key] != term_id:
                rel, line = src.text_lines[(lang, "terms", term_id)]
                problems.append(
                    Problem(
                        rel,
                        line,
                        f"'{label}' names both term '{seen[key]}' and term '{term_id}' ({lang})",
                        "give each term its own words; drop the synonym from one of them",
                    )
                )
            seen.setdefault(key, term_id)
    return problems
