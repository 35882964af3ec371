"""Glossary terms in ``model/glossary/``: read them and check what only the whole model can tell.

Kept apart from :mod:`macros.loader` so the glossary's rules live in one place;
the loader calls :func:`read` and :func:`check` and collects the problems with
everything else, so a bad term stops the build with ``file:line`` like any
other model error.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .model import Model, Term
from .problems import Problem
from .yaml_source import YamlDoc

if TYPE_CHECKING:  # pragma: no cover
    from .loader import _Loader

FOLDER = "glossary"
STANDARD_SOURCE = "ISO 11367"
# Fields that, when the source language has them, every complete language must have too.
PARALLEL_FIELDS = ("abbreviation", "note")
_WHAT = {"related": "related term", "elements": "element", "subelements": "sub-element"}


def read(loader: _Loader) -> dict[str, YamlDoc]:
    """Schema-checked term files by ID (a missing folder means an empty glossary)."""
    docs: dict[str, YamlDoc] = {}
    for doc, term_id in loader.item_docs(loader.root / FOLDER, "term"):
        docs[term_id] = doc
    return docs


def terms(docs: dict[str, YamlDoc]) -> dict[str, Term]:
    return {i: Term(i, d.data["status"], str(d.data["source"]), str(d.data.get("clause", "")),
                    tuple(d.data.get("related", [])), tuple(d.data.get("elements", [])), tuple(d.data.get("subelements", [])),
                    bool(d.data.get("inline", True)))
            for i, d in sorted(docs.items())}


def check(loader: _Loader, model: Model, docs: dict[str, YamlDoc], complete_languages: tuple[str, ...]) -> None:
    """Layer 2 for terms: references resolve, clause-3 numbers unique, labels unambiguous, languages parallel."""
    problems = loader.problems
    clauses: dict[tuple[str, str], str] = {}
    for t in model.terms.values():
        doc = docs[t.id]
        for field, known in (("related", model.terms), ("elements", model.elements), ("subelements", model.subelements)):
            for i, value in enumerate(getattr(t, field)):
                if value == t.id:
                    problems.append(Problem(doc.rel, doc.line_of((field, i)), f"term {t.id} lists itself as related",
                                            "remove it"))
                elif value not in known:
                    problems.append(Problem(doc.rel, doc.line_of((field, i)),
                                            f"term {t.id} refers to unknown {_WHAT[field]} '{value}'", _close(value, known)))
        if t.status == "standard" and (t.source != STANDARD_SOURCE or not t.clause.startswith("3.")):
            problems.append(Problem(doc.rel, doc.line_of(("clause",)),
                                    f"term {t.id} has status 'standard' but is not a clause-3 term of {STANDARD_SOURCE}",
                                    f"set source: {STANDARD_SOURCE} and clause: \"3.n\", or choose another status"))
        if t.status == "standard":  # other terms may share a clause: it is where the standard uses them
            key = (t.source, t.clause)
            if key in clauses:
                problems.append(Problem(doc.rel, doc.line_of(("clause",)),
                                        f"{t.source} {t.clause} is already the source of term '{clauses[key]}'",
                                        "one term per clause: merge them or correct the clause number"))
            clauses[key] = t.id
    for lang in model.texts:
        _check_labels(loader, model, lang)
    source = model.texts.get(model.source_language, {}).get("terms", {})
    for lang in complete_languages:
        have = model.texts.get(lang, {}).get("terms", {})
        for term_id, fields in source.items():
            for field in PARALLEL_FIELDS:
                if field in fields and term_id in have and field not in have[term_id]:
                    rel, line = loader.text_lines[(lang, "terms", term_id)]
                    problems.append(Problem(rel, line, f"term '{term_id}' has a {field} in {model.source_language} but not in {lang}",
                                            f"add '{field}:' to it (the glossary must be complete in every language)"))


def _check_labels(loader: _Loader, model: Model, lang: str) -> None:
    """Two terms sharing a word would make inline definitions and the lookup table ambiguous."""
    seen: dict[str, str] = {}
    for term_id, fields in model.texts[lang].get("terms", {}).items():
        for label in labels_of(fields):
            key = label if label_is_case_sensitive(label) else label.casefold()
            if key in seen and seen[key] != term_id:
                rel, line = loader.text_lines[(lang, "terms", term_id)]
                loader.problems.append(Problem(rel, line, f"'{label}' names both term '{seen[key]}' and term '{term_id}' ({lang})",
                                               "give each term its own words; drop the synonym from one of them"))
            seen.setdefault(key, term_id)


def labels_of(fields: dict) -> list[str]:
    """Every word a reader may use for a term: the term, its abbreviation and its synonyms."""
    out = [fields["term"]] if fields.get("term") else []
    if fields.get("abbreviation"):
        out.append(fields["abbreviation"])
    out += list(fields.get("synonyms", []))
    return out


def label_is_case_sensitive(label: str) -> bool:
    """Names and abbreviations (any capital letter) match exactly; ordinary words in any case."""
    return label != label.lower()


def _close(value: str, known) -> str:
    import difflib

    close = difflib.get_close_matches(str(value), [str(k) for k in known], n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else "check the ID (file names in model/glossary/, model/elements/, model/subelements/)"
