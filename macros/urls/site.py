"""The model as published: its languages, the one URL of every item in every language, and per-build memos.

Every page, download, export, redirect, citation and test asks :meth:`Site.url` for an item's address,
so the language at the site root (the first configured one) is decided in one place.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..model.types import Model
from .inventory import Link, primaries
from .languages import prefix


@dataclass(frozen=True, eq=False)
class Site:
    model: Model
    languages: tuple[str, ...]  # the first is served at the site root
    root_url: str = ""  # the configured site_url (mkdocs.yml or a fork's local/portal.yml), for addresses on paper
    # results computed once per build (link places, catalogue data, download bytes), keyed by name
    memo: dict[Any, Any] = field(default_factory=dict, repr=False)

    def prefix(self, lang: str) -> str:
        return prefix(self.languages, lang)

    def once(self, key: Any, make: Callable[[], Any]) -> Any:
        """``make()`` the first time ``key`` is asked for in this build, the same value after."""
        if key not in self.memo:
            self.memo[key] = make()
        return self.memo[key]

    def places(self) -> dict[tuple[str, str], Link]:
        """(kind, id) -> the main place of each live item (its page, or its first anchor)."""
        return self.once("places", lambda: primaries(self.model))

    def place(self, kind: str, item_id: str) -> Link:
        return self.places()[(kind, item_id)]

    def url(self, kind: str, item_id: str, lang: str) -> str:
        """Site-root URL path of a live item in a language, with its anchor: ``/nl/model/7.2.2.4/#7.2.2.4-e1``."""
        return self.place(kind, item_id).path(self.prefix(lang))

    def full_url(self, path: str) -> str:
        """A site-root path as a full address for paper, QR codes and spreadsheets: the configured site_url in front."""
        return self.root_url.rstrip("/") + path if self.root_url else path

    def item_url(self, kind: str, item_id: str, lang: str) -> str:
        """Full address of a live item in a language: ``https://example.org/nl/model/7.2.2.4/#7.2.2.4-e1``."""
        return self.full_url(self.url(kind, item_id, lang))
