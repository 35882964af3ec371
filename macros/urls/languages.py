"""Which language a build is for, and where each language lives in the site.

Each language is its own MkDocs build (own search index, own ``<html lang>``),
chosen by the ``PORTAL_LANG`` environment variable. The first configured
language sits at the site root, the others under ``/<lang>/``; pages have the
same path in every language, so the switcher can link page to page.
:func:`prefix` is the one answer to "where is this language's root".
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Sequence
from dataclasses import dataclass

ENV_VAR = "PORTAL_LANG"


def prefix(languages: Sequence[str], lang: str) -> str:
    """Path of a language's root below the site root: '' for the first configured language, else 'nl/'."""
    return "" if lang == languages[0] else f"{lang}/"


@dataclass(frozen=True)
class LanguagePlan:
    lang: str
    languages: tuple[str, ...]

    @property
    def default(self) -> str:
        return self.languages[0]

    def prefix(self, lang: str) -> str:
        return prefix(self.languages, lang)

    def root_from_here(self, lang: str) -> str:
        """Relative path from this build's root to another language's root."""
        here = self.prefix(self.lang) or "."
        there = self.prefix(lang) or "."
        rel = posixpath.relpath(there, here)
        return "" if rel == "." else rel + "/"


def plan(languages: Sequence[str], requested: str | None = None) -> LanguagePlan:
    langs = tuple(languages) or ("en",)
    lang = requested or os.environ.get(ENV_VAR) or langs[0]
    if lang not in langs:
        raise ValueError(
            f"{ENV_VAR}={lang!r} is not one of the configured languages {', '.join(langs)} (extra.portal.languages in mkdocs.yml)"
        )
    return LanguagePlan(lang, langs)
