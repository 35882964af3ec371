"""One word per concept: the variants each language's glossary says not to use, and where a text uses one.

A term's text may list ``avoid:`` words (``klantreis`` for ``klant-/burgerreis``). The check is pure:
the loader walks every text with its line numbers and asks :func:`find` for each string. Matching is
by whole word, case-insensitive, and a slash or hyphen belongs to the word, so the avoided ``klant``
is not found inside the preferred ``klant/burger`` or ``klant-/burgerreis``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

# Official titles keep their wording, variants included: the standard's (Dutch) element list, and the
# titles of other frameworks' items that a crosswalk quotes (CAF says 'burgers en klanten').
OFFICIAL_TITLES = frozenset({("dimensions", "title"), ("elements", "title"), ("frameworks", "title"), ("framework_items", "title")})
# Fields of a term entry that name variants on purpose: readers search for them.
VARIANT_FIELDS = frozenset({"synonyms", "avoid"})
# Fields each language writes for itself: not a translation of the English, so not fingerprinted.
OWN_FIELDS = frozenset({"avoid"})
_EDGE_BEFORE, _EDGE_AFTER = r"(?<![\w/-])", r"(?![\w/-])"


@dataclass(frozen=True)
class Variant:
    """A word not to use in one language, the glossary term that says so and the word to use instead."""

    word: str
    term_id: str
    preferred: str


@dataclass(frozen=True)
class Hit:
    variant: Variant
    found: str  # as written in the text (its case)
    start: int


def variants(terms: Mapping[str, Mapping[str, Any]]) -> tuple[Variant, ...]:
    """Every ``avoid:`` word of a language's glossary text, longest first (so a phrase wins over its words)."""
    out = [
        Variant(str(word), term_id, str(fields.get("term", term_id)))
        for term_id, fields in terms.items()
        for word in fields.get("avoid", [])
    ]
    return tuple(sorted(out, key=lambda v: (-len(v.word), v.word.casefold())))


def find(text: str, avoid: Iterable[Variant]) -> list[Hit]:
    """The variants ``text`` uses, in order; where two overlap (a phrase and a word in it) the longer counts once."""
    pattern, by_word = _matcher(tuple(avoid))
    if pattern is None:
        return []
    return [Hit(by_word[m.group(0).casefold()], m.group(0), m.start()) for m in pattern.finditer(text)]


@lru_cache(maxsize=64)
def _matcher(avoid: tuple[Variant, ...]) -> tuple[re.Pattern[str] | None, dict[str, Variant]]:
    """One pattern for all variants, longest first, so a phrase wins over a word inside it (checked once per string)."""
    by_word: dict[str, Variant] = {}
    for v in sorted(avoid, key=lambda v: -len(v.word)):
        by_word.setdefault(v.word.casefold(), v)
    if not by_word:
        return None, by_word
    words = "|".join(re.escape(w) for w in by_word)
    return re.compile(_EDGE_BEFORE + "(?:" + words + ")" + _EDGE_AFTER, re.IGNORECASE), by_word


def applies(kind: str, item_id: str, path: tuple[Any, ...], variant: Variant) -> bool:
    """Whether the check looks at this string for this variant.

    Not in official titles, not in a term's synonyms or avoid list, and not anywhere in the entry of the
    term that declares the variant (its note may explain why the word is avoided).
    """
    if path and (kind, path[-1]) in OFFICIAL_TITLES and len(path) == 1:
        return False
    if kind == "terms" and (item_id == variant.term_id or (path and path[0] in VARIANT_FIELDS)):
        return False
    return True


def strings(value: Any, path: tuple[Any, ...] = ()) -> Iterable[tuple[tuple[Any, ...], str]]:
    """Every string inside a text item, with its path below the item (``("steps", 2)``)."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, Mapping):
        for key, inner in value.items():
            yield from strings(inner, (*path, key))
    elif isinstance(value, list):
        for i, inner in enumerate(value):
            yield from strings(inner, (*path, i))


def hits(texts: Mapping[str, Mapping[str, Any]]) -> list[tuple[str, str, tuple[Any, ...], Hit]]:
    """(kind, item ID, path in the item, hit) for every avoided word in one language's text (``model.texts[lang]``)."""
    avoid = variants(texts.get("terms", {}))
    out = []
    if not avoid:
        return out
    for kind, items in texts.items():
        for item_id, value in items.items():
            for path, text in strings(value):
                out += [(kind, item_id, path, hit) for hit in find(text, avoid) if applies(kind, item_id, path, hit.variant)]
    return out
