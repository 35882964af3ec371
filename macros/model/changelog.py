"""The catalogue's release history (``model/changelog.yml``) and what follows from it.

Renamed and retired IDs are recorded here once; the redirects of old URLs and
the changelog page are derived from this data. The checks that an ID that left
the model never comes back are in :mod:`macros.load.changelog`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the model holds its releases; these functions take the model
    from .types import Model

CLAUSE_KINDS = ("dimension", "element", "subelement")


@dataclass(frozen=True)
class Change:
    """An ID that left the model in a release: renamed to ``new``, or retired (replaced by ``new``, or by nothing)."""

    kind: str
    old: str
    new: str | None
    version: str
    renamed: bool


@dataclass(frozen=True)
class Release:
    version: str
    date: str
    first: bool
    added: tuple[str, ...]
    changes: tuple[Change, ...]

    @property
    def renamed(self) -> list[Change]:
        return [c for c in self.changes if c.renamed]

    @property
    def retired(self) -> list[Change]:
        return [c for c in self.changes if not c.renamed]


def parse(data: dict) -> list[Release]:
    releases = []
    for r in data["releases"]:
        v = r["version"]
        changes = [Change(x["kind"], x["from"], x["to"], v, True) for x in r.get("renamed", [])]
        changes += [Change(x["kind"], x["id"], x.get("replaced_by"), v, False) for x in r.get("retired", [])]
        releases.append(Release(v, r["date"], bool(r.get("first")), tuple(r.get("added", [])), tuple(changes)))
    return releases


def version_key(version: str) -> tuple[int, ...]:
    return tuple(int(x) for x in version.split("."))


def final_target(model: Model, change: Change) -> tuple[str, str | None]:
    """Where an old ID leads now: follow renames and replacements to a live item (or None if retired for good)."""
    moved = {(c.kind, c.old): c for c in model_changes(model)}
    kind, target, seen = change.kind, change.new, {(change.kind, change.old)}
    while target is not None and (kind, target) in moved and (kind, target) not in seen:
        seen.add((kind, target))
        target = moved[(kind, target)].new
    return kind, target


def model_changes(model: Model) -> list[Change]:
    """Every rename and retirement: upstream's releases, then a fork's own (its items only)."""
    return [c for r in (*model.releases, *model.fork_releases) for c in r.changes]
