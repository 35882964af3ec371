"""The catalogue's release history (``model/changelog.yml``) and what follows from it.

Renamed and retired IDs are recorded here once; the redirects of old URLs and
the changelog page are derived from this data, and validation makes sure an
ID that left the model never comes back with another meaning.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .problems import Problem

if TYPE_CHECKING:
    from .model import Model
    from .yaml_source import YamlDoc

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


def _version_key(version: str) -> tuple[int, ...]:
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
    return [c for r in model.releases for c in r.changes]


def check(model: Model, doc: YamlDoc, model_doc: YamlDoc | None) -> list[Problem]:
    """Reference checks that need the whole model: versions in order, IDs never reused, targets exist."""
    from .inventory import LINK_KIND, live_ids

    problems: list[Problem] = []
    releases = model.releases
    rel = doc.rel

    def at(i: int, *path) -> int:
        return doc.line_of(("releases", i, *path))

    for i, (a, b) in enumerate(zip(releases, releases[1:], strict=False), start=1):
        if _version_key(b.version) <= _version_key(a.version):
            problems.append(Problem(rel, at(i, "version"), f"release {b.version} comes after {a.version} but is not newer",
                                    "list releases oldest first, each with a higher version"))
        if b.date < a.date:
            problems.append(Problem(rel, at(i, "date"), f"release {b.version} is dated {b.date}, before {a.version} ({a.date})",
                                    "fix the date or the order"))
    if releases and releases[-1].version != model.version:
        line = model_doc.line_of(("version",)) if model_doc else 1
        problems.append(Problem(model_doc.rel if model_doc else "model/model.yml", line,
                                f"model version {model.version} is not the latest release in {rel} ({releases[-1].version})",
                                f"add a release {model.version} to {rel}, or set version to \"{releases[-1].version}\""))

    live = {kind: live_ids(model, kind) for kind in LINK_KIND}
    clause_ids = set().union(*(live[k] for k in CLAUSE_KINDS if k in live))
    seen: dict[tuple[str, str], str] = {}
    for i, r in enumerate(releases):
        for j, c in enumerate(r.renamed + r.retired):
            key_list = "renamed" if c.renamed else "retired"
            idx = j if c.renamed else j - len(r.renamed)
            line = at(i, key_list, idx)
            if c.kind not in LINK_KIND:
                problems.append(Problem(rel, line, f"unknown kind '{c.kind}'", f"use one of: {', '.join(LINK_KIND)}"))
                continue
            if (c.kind, c.old) in seen:
                problems.append(Problem(rel, line, f"{c.kind} '{c.old}' already left the model in {seen[(c.kind, c.old)]}",
                                        "an ID leaves once; keep the first entry"))
            seen[(c.kind, c.old)] = r.version
            reused = c.old in (clause_ids if c.kind in CLAUSE_KINDS else live[c.kind])
            if reused:
                problems.append(Problem(rel, line, f"{c.kind} '{c.old}' was {key_list} in {r.version} but is in the model again",
                                        "IDs are never reused: give the new item a new ID"))
            if c.new is not None and c.new == c.old:
                problems.append(Problem(rel, line, f"{c.kind} '{c.old}' is {key_list} to itself", "name the item that takes over"))
    for i, r in enumerate(releases):
        for j, c in enumerate(r.renamed + r.retired):
            if c.kind not in LINK_KIND or c.new is None or c.new == c.old:
                continue
            kind, target = final_target(model, c)
            if target is None or target not in live[kind]:
                key_list = "renamed" if c.renamed else "retired"
                idx = j if c.renamed else j - len(r.renamed)
                problems.append(Problem(rel, at(i, key_list, idx), f"{c.kind} '{c.old}' leads to '{c.new}', which is not in the model",
                                        f"point it to an existing {c.kind} ID"))
    all_live = set().union(*live.values())
    left = {c.old for c in model_changes(model)}
    for i, r in enumerate(releases):
        for j, item_id in enumerate(r.added):
            if item_id not in all_live and item_id not in left:
                problems.append(Problem(rel, at(i, "added", j), f"added ID '{item_id}' is not in the model",
                                        "list only IDs that exist (or that a later release renames or retires)"))
    return problems


def check_replaces(model: Model, replaces: dict[str, tuple[str, ...]], line_of) -> list[Problem]:
    """A practice's ``replaces:`` must match a retirement in the changelog, so the old URL redirects."""
    problems = []
    retired = {(c.kind, c.old): c for c in model_changes(model)}
    for practice_id, olds in replaces.items():
        for old in olds:
            c = retired.get(("practice", old))
            if c is None or c.new != practice_id:
                file, line = line_of(practice_id)
                problems.append(Problem(file, line, f"practice {practice_id} replaces '{old}', but the changelog does not say so",
                                        f"add {{kind: practice, id: {old}, replaced_by: {practice_id}}} under retired: in "
                                        "the latest release of model/changelog.yml"))
    return problems
