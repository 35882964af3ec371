"""Checks of ``model/changelog.yml`` that need the whole model: versions in order, IDs never reused, targets exist.

Pure functions returning problems; the release data itself is in :mod:`macros.model.changelog`.
"""

from __future__ import annotations

from ..model.changelog import CLAUSE_KINDS, final_target, model_changes, parse, version_key
from ..model.problems import Problem
from ..model.types import Model
from .hints import did_you_mean
from .reader import LOCAL_PREFIX
from .yaml_source import YamlDoc

# Kinds of item that can leave the model (each has a page or an anchor, see macros.urls.inventory).
LINKABLE = ("dimension", "element", "subelement", "principle", "expectation", "practice", "term")


def check(model: Model, doc: YamlDoc, model_doc: YamlDoc | None) -> list[Problem]:
    """Reference checks that need the whole model: versions in order, IDs never reused, targets exist."""
    problems: list[Problem] = []
    releases = model.releases
    rel = doc.rel

    def at(i: int, *path) -> int:
        return doc.line_of(("releases", i, *path))

    for i, (a, b) in enumerate(zip(releases, releases[1:], strict=False), start=1):
        if version_key(b.version) <= version_key(a.version):
            problems.append(
                Problem(
                    rel,
                    at(i, "version"),
                    f"release {b.version} comes after {a.version} but is not newer",
                    "list releases oldest first, each with a higher version",
                )
            )
        if b.date < a.date:
            problems.append(
                Problem(
                    rel, at(i, "date"), f"release {b.version} is dated {b.date}, before {a.version} ({a.date})", "fix the date or the order"
                )
            )
    if releases and releases[-1].version != model.version:
        line = model_doc.line_of(("version",)) if model_doc else 1
        problems.append(
            Problem(
                model_doc.rel if model_doc else "model/model.yml",
                line,
                f"model version {model.version} is not the latest release in {rel} ({releases[-1].version})",
                f'add a release {model.version} to {rel}, or set version to "{releases[-1].version}"',
            )
        )

    live = {kind: set(model.ids(kind)) for kind in LINKABLE}
    clause_ids = set().union(*(live[k] for k in CLAUSE_KINDS if k in live))
    seen: dict[tuple[str, str], str] = {}
    for i, r in enumerate(releases):
        for j, c in enumerate(r.renamed + r.retired):
            key_list = "renamed" if c.renamed else "retired"
            idx = j if c.renamed else j - len(r.renamed)
            line = at(i, key_list, idx)
            if c.kind not in LINKABLE:
                problems.append(Problem(rel, line, f"unknown kind '{c.kind}'", f"use one of: {', '.join(LINKABLE)}"))
                continue
            if (c.kind, c.old) in seen:
                problems.append(
                    Problem(
                        rel,
                        line,
                        f"{c.kind} '{c.old}' already left the model in {seen[(c.kind, c.old)]}",
                        "an ID leaves once; keep the first entry",
                    )
                )
            seen[(c.kind, c.old)] = r.version
            reused = c.old in (clause_ids if c.kind in CLAUSE_KINDS else live[c.kind])
            if reused:
                problems.append(
                    Problem(
                        rel,
                        line,
                        f"{c.kind} '{c.old}' was {key_list} in {r.version} but is in the model again",
                        "IDs are never reused: give the new item a new ID",
                    )
                )
            if c.new is not None and c.new == c.old:
                problems.append(Problem(rel, line, f"{c.kind} '{c.old}' is {key_list} to itself", "name the item that takes over"))
    for i, r in enumerate(releases):
        for j, c in enumerate(r.renamed + r.retired):
            if c.kind not in LINKABLE or c.new is None or c.new == c.old:
                continue
            kind, target = final_target(model, c)
            if target is None or target not in live[kind]:
                key_list = "renamed" if c.renamed else "retired"
                idx = j if c.renamed else j - len(r.renamed)
                problems.append(
                    Problem(
                        rel,
                        at(i, key_list, idx),
                        f"{c.kind} '{c.old}' leads to '{c.new}', which is not in the model",
                        f"point it to an existing {c.kind} ID",
                    )
                )
    all_live = set().union(*live.values())
    left = {c.old for c in model_changes(model)}
    for i, r in enumerate(releases):
        for j, item_id in enumerate(r.added):
            if item_id not in all_live and item_id not in left:
                problems.append(
                    Problem(
                        rel,
                        at(i, "added", j),
                        f"added ID '{item_id}' is not in the model",
                        "list only IDs that exist (or that a later release renames or retires)",
                    )
                )
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
                problems.append(
                    Problem(
                        file,
                        line,
                        f"practice {practice_id} replaces '{old}', but the changelog does not say so",
                        f"add {{kind: practice, id: {old}, replaced_by: {practice_id}}} under retired: in "
                        "the latest release of model/changelog.yml",
                    )
                )
    return problems


def check_fork(model: Model, doc: YamlDoc) -> list[Problem]:
    """A fork's changelog renames or retires only the fork's own items (local-...); upstream's are hidden instead."""
    problems = []
    for i, release in enumerate(parse(doc.data)):
        for change in release.changes:
            if not change.old.startswith(LOCAL_PREFIX):
                section = "renamed" if change.renamed else "retired"
                problems.append(
                    Problem(
                        doc.rel,
                        doc.line_of(("releases", i, section)),
                        f"a fork's changelog cannot rename or retire upstream's {change.kind} '{change.old}'",
                        "hide it in hide.yml with a reason instead; here list only your own items (local-...)",
                    )
                )
            elif change.new is not None and change.new not in model.ids(change.kind):
                problems.append(
                    Problem(
                        doc.rel,
                        doc.line_of(("releases", i)),
                        f"{change.kind} '{change.old}' leads to '{change.new}', which does not exist",
                        did_you_mean(change.new, model.ids(change.kind)),
                    )
                )
    return problems
