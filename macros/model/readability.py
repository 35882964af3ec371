"""Readability figures per language and kind of text: long sentences and average sentence length.

Plain-language guidance for Dutch government text (B1) and for English plain language says much the
same: keep most sentences under about 20 words. We count, per kind (expectations, practices, …), the
sentences over :data:`LONG` words, the average words per sentence and the summaries over :data:`LONG`
words, and keep them under :data:`LIMITS` (a test and ``python -m macros readability`` check it).
Titles, terms and labels are names, not sentences, and are left out.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

LONG = 20  # words; a sentence or summary longer than this counts as long
# Fields that hold running text (everything else is a name, a label or a list of words).
PROSE_FIELDS = frozenset({"summary", "why", "steps", "evidence", "example", "text", "in_practice", "definition", "note", "description"})
KINDS = ("dimensions", "elements", "subelements", "principles", "expectations", "practices", "pyramid", "effect_chain", "terms")

# The agreed ceilings: per language and kind, (share of sentences over LONG words in %, average words
# per sentence, share of summaries over LONG words in %). A kind or language not listed has none.
# Dutch was edited to B1 in November 2026, English to plain English after it (sentences split, same meaning);
# each ceiling sits just above the figure reached then, so a long sentence added later fails the test.
# Practice summaries (the card line) were then made one imperative sentence of at most 20 words in both languages.
LIMITS: dict[str, dict[str, tuple[float, float, float]]] = {
    "nl": {
        "dimensions": (10, 14, 100),
        "elements": (10, 14, 100),
        "subelements": (8, 14, 100),
        "principles": (10, 14, 100),
        "expectations": (5, 14, 100),
        "practices": (10, 14, 1),
        "pyramid": (15, 13, 100),
        "effect_chain": (10, 14, 100),
        "terms": (5, 13, 100),
    },
    "en": {
        "dimensions": (5, 13, 100),
        "elements": (5, 14, 100),
        "subelements": (3, 13, 100),
        "principles": (5, 15, 100),
        "expectations": (3, 12.5, 100),
        "practices": (3, 13, 1),
        "pyramid": (5, 13.5, 100),
        "effect_chain": (5, 14.5, 100),
        "terms": (3, 14, 100),
    },
}

_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"'”’)]))\s+(?=[\"'‘“(]?[A-Z0-9ÀÁÂÄÈÉÊËÌÍÎÏÒÓÔÖÙÚÛÜ])")
_WORD = re.compile(r"[^\W_]", re.UNICODE)


def sentences(text: str) -> list[str]:
    """Split at a full stop, question or exclamation mark followed by a capital (so 'bijv. de' stays whole)."""
    return [s for s in (part.strip() for part in _SENTENCE_END.split(text.strip())) if s]


def word_count(text: str) -> int:
    """Words are whitespace-separated tokens with at least one letter or digit ('–' is not a word)."""
    return sum(1 for token in text.split() if _WORD.search(token))


@dataclass(frozen=True)
class Figures:
    kind: str
    sentences: int
    words: int
    long: int  # sentences over LONG words
    longest: int
    summaries: int
    long_summaries: int  # summaries over LONG words

    @property
    def average(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def long_share(self) -> float:
        return 100 * self.long / self.sentences if self.sentences else 0.0

    @property
    def long_summary_share(self) -> float:
        return 100 * self.long_summaries / self.summaries if self.summaries else 0.0

    def over(self, limit: tuple[float, float, float] | None) -> list[str]:
        """What exceeds ``limit`` (empty if none or no limit), in words a writer can act on."""
        if limit is None:
            return []
        share, average, summaries = limit
        out = []
        if self.long_share > share:
            out.append(f"{self.long_share:.0f}% of sentences over {LONG} words (limit {share:g}%)")
        if self.average > average:
            out.append(f"{self.average:.1f} words per sentence (limit {average:g})")
        if self.long_summary_share > summaries:
            out.append(f"{self.long_summary_share:.0f}% of summaries over {LONG} words (limit {summaries:g}%)")
        return out


def prose(value: Any, field: str = "") -> list[str]:
    """The running-text strings of one text item (list items each count as their own text)."""
    if isinstance(value, str):
        return [value] if field in PROSE_FIELDS else []
    if isinstance(value, Mapping):
        return [s for k, v in value.items() for s in prose(v, str(k))]
    if isinstance(value, list):
        return [s for v in value for s in prose(v, field)]
    return []


def figures(texts: Mapping[str, Mapping[str, Any]], kind: str) -> Figures:
    """The figures of one kind of one language's text (``texts`` is ``model.texts[lang]``)."""
    items = texts.get(kind, {})
    lengths = [word_count(s) for item in items.values() for text in prose(item) for s in sentences(text)]
    summaries = [word_count(item["summary"]) for item in items.values() if isinstance(item, Mapping) and item.get("summary")]
    return Figures(
        kind,
        len(lengths),
        sum(lengths),
        sum(1 for n in lengths if n > LONG),
        max(lengths, default=0),
        len(summaries),
        sum(1 for n in summaries if n > LONG),
    )


def language_figures(texts: Mapping[str, Mapping[str, Any]]) -> list[Figures]:
    """Figures for every kind the language has text for, in the model's order."""
    return [figures(texts, kind) for kind in KINDS if texts.get(kind)]
