"""The glossary as data for pages, downloads and inline definitions: pure functions of the model.

Order and letters follow each language's own words (a term sits under C in
English and under another letter in Dutch), while the anchor is always the
language-neutral term ID, so ``glossary/#co-creation`` means the same term in
every language.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from .types import Model


def sort_key(text: str) -> tuple[str, str]:
    """Alphabetical order readers expect: accents, case and leading punctuation ignored ('(co)creatie' under C)."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    stripped = plain.lstrip("(\"'‘“-").casefold()
    return stripped, text


def initial(text: str) -> str:
    """Letter of the index a term is filed under; '#' for terms that start with a digit or sign."""
    first = sort_key(text)[0][:1].upper()
    return first if "A" <= first <= "Z" else "#"


def languages_with_terms(model: Model) -> list[str]:
    """Languages that have glossary text, the source language first (column and file order)."""
    langs = [lang for lang in model.texts if model.texts[lang].get("terms")]
    return sorted(langs, key=lambda lang: (lang != model.source_language, lang))


def term_fields(model: Model, lang: str, term_id: str) -> tuple[dict[str, Any], str]:
    """A term's words in ``lang`` (English fallback) and the language they are in."""
    return model.text(lang, "terms", term_id)


def source_label(model: Model, lang: str, term_id: str) -> str:
    term = model.terms[term_id]
    name = model.ui(lang, "glossary_source_portal") if term.source == "portal" else term.source
    if not term.clause:
        return name
    # a clause named by a word (the standard's "Introduction") is said in the page's language; numbers stay as they are
    clause = term.clause if term.clause[0].isdigit() else model.ui(lang, f"glossary_clause_{term.clause.lower()}")
    return f"{name}, {clause}"


def ordered(model: Model, lang: str) -> list[str]:
    """Term IDs in the alphabetical order of ``lang``."""
    return sorted(model.terms, key=lambda t: sort_key(term_fields(model, lang, t)[0].get("term", t)))


def matchers(model: Model, lang: str) -> list[tuple[str, str, str]]:
    """(label, term ID, definition) for every word of every term with own text in ``lang``.

    Only a language's own text (English words must not be marked on a Dutch page), and only terms
    whose word is not too common in an everyday sense (``inline: false``).
    """
    out = []
    for term_id, fields in model.texts.get(lang, {}).get("terms", {}).items():
        if term_id in model.terms and model.terms[term_id].inline:
            out += [(label, term_id, fields["definition"]) for label in labels_of(fields)]
    return out


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
