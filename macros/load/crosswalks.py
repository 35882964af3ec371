"""Crosswalk files (``model/crosswalks/``, a fork's ``local/crosswalks/``) and ``model/family.yml``: build and check.

The reader reads and schema-checks them with every other file (``crosswalk.schema.json``,
``family.schema.json``); here they become :class:`Framework` objects, and layer 2 checks their IDs
both ways: every link and every listed item must exist in the model (else ``file:line`` with a
did-you-mean), and a base framework must classify every model item exactly once. Text for an item or
link that does not exist is refused by :func:`macros.load.checks.check_texts` with the wanted IDs below.
"""

from __future__ import annotations

from ..model.crosswalks import BASE_KINDS, CrosswalkLink, FamilyDocument, Framework, FrameworkItem, items_wanted, reasons_wanted
from ..model.problems import Problem
from ..model.types import Model
from .hints import did_you_mean
from .reader import LOCAL_PREFIX, Sources
from .yaml_source import YamlDoc

TARGETS = {"subelement": "subelements", "element": "elements", "practice": "practices"}  # link field -> model kind


def frameworks(docs: dict[str, YamlDoc], hidden: dict[str, str]) -> dict[str, Framework]:
    """Domain objects, upstream first; links to practices a fork hides are left out, like the practices themselves."""
    out: dict[str, Framework] = {}
    for fw_id, doc in sorted(docs.items(), key=lambda kv: (kv[0].startswith(LOCAL_PREFIX), kv[0])):
        d = doc.data
        if d["type"] == "base":
            out[fw_id] = Framework(
                fw_id,
                "base",
                str(d["reference"]),
                shared=tuple((k, tuple(map(str, d[k]["shared"]))) for k in BASE_KINDS),
                added=tuple((k, tuple(map(str, d[k]["added"]))) for k in BASE_KINDS),
            )
            continue
        groups = d.get("groups") or [{"id": "", "items": d["items"]}]
        items = tuple(
            FrameworkItem(
                fw_id,
                str(it["id"]),
                str(g["id"]),
                tuple(
                    CrosswalkLink(fw_id, str(it["id"]), kind, str(link[kind]), link["strength"])
                    for link in it["links"]
                    for kind in TARGETS
                    if kind in link and not (kind == "practice" and link[kind] in hidden)
                ),
            )
            for g in groups
            for it in g["items"]
        )
        out[fw_id] = Framework(
            fw_id,
            "mapping",
            str(d["reference"]),
            str(d.get("abbreviation", "")),
            d["view"],
            tuple((str(g["id"]), tuple(str(i["id"]) for i in g["items"])) for g in d.get("groups") or []),
            items,
        )
    return out


def family(doc: YamlDoc | None) -> tuple[FamilyDocument, ...]:
    if doc is None:
        return ()
    return tuple(FamilyDocument(str(x["id"]), str(x["number"]), x["status"], tuple(x.get("elements", []))) for x in doc.data["documents"])


def wanted_texts(model: Model) -> dict[str, list[str]]:
    """The IDs each crosswalk text kind must have in every complete language, and may only have."""
    fws = model.crosswalks.values()
    return {
        "frameworks": list(model.crosswalks),
        "framework_items": [i for fw in fws for i in items_wanted(fw)],
        "crosswalk_reasons": [r for fw in fws for r in reasons_wanted(fw)],
        "family": [d.id for d in model.family],
    }


def text_home(src: Sources, kind: str, text_id: str) -> tuple[str, int] | None:
    """File and line a missing crosswalk text belongs to (the framework, item or link), or None."""
    if kind == "family":
        return (src.family.rel, 1) if src.family is not None else None
    fw_id, _, rest = text_id.partition(":")
    doc = src.docs.get("crosswalks", {}).get(fw_id)
    if doc is None:
        return None
    item_id, _, target = rest.partition(":")
    grouped = bool(doc.data.get("groups"))
    for gi, g in enumerate(doc.data.get("groups") or [{"id": "", "items": doc.data.get("items", [])}]):
        gpath: tuple = ("groups", gi) if grouped else ()
        if grouped and str(g["id"]) == item_id:
            return doc.rel, doc.line_of((*gpath, "id"))
        for ii, it in enumerate(g["items"]):
            if str(it["id"]) != item_id:
                continue
            for li, link in enumerate(it["links"]):
                if target and target in map(str, link.values()):
                    return doc.rel, doc.line_of((*gpath, "items", ii, "links", li))
            return doc.rel, doc.line_of((*gpath, "items", ii, "id"))
    return doc.rel, 1


def check(model: Model, src: Sources) -> list[Problem]:
    """Layer 2: IDs checked both ways, so a crosswalk never points at nothing and never silently misses an item."""
    problems: list[Problem] = []
    for doc in src.docs.get("crosswalks", {}).values():
        if doc.data["type"] == "base":
            problems += _check_base(model, doc)
        else:
            problems += _check_mapping(model, doc)
    if src.family is not None:
        problems += _check_family(model, src.family)
    return problems


def _check_mapping(model: Model, doc: YamlDoc) -> list[Problem]:
    problems: list[Problem] = []
    fw_id = doc.data["id"]
    grouped = bool(doc.data.get("groups"))
    groups = doc.data.get("groups") or [{"id": "", "items": doc.data["items"]}]
    group_ids = [str(g["id"]) for g in groups] if grouped else []
    seen: set[str] = set()
    for gi, g in enumerate(groups):
        gpath: tuple = ("groups", gi) if grouped else ()
        if grouped and str(g["id"]) in seen:
            problems.append(Problem(doc.rel, doc.line_of((*gpath, "id")), f"{fw_id} has group '{g['id']}' twice", "give each its own ID"))
        seen.add(str(g["id"]))
        for ii, it in enumerate(g["items"]):
            ipath = (*gpath, "items", ii)
            item_id = str(it["id"])
            if item_id in seen or item_id in group_ids:
                problems.append(
                    Problem(
                        doc.rel, doc.line_of((*ipath, "id")), f"{fw_id} has item '{item_id}' twice", "give each group and item its own ID"
                    )
                )
            seen.add(item_id)
            targets: set[str] = set()
            for li, link in enumerate(it["links"]):
                kind = next(k for k in TARGETS if k in link)
                value = str(link[kind])
                where = doc.line_of((*ipath, "links", li))
                if value in targets:
                    problems.append(Problem(doc.rel, where, f"{fw_id} {item_id} links to '{value}' twice", "keep one link"))
                targets.add(value)
                if kind == "practice" and value in model.hidden:
                    continue  # the fork hides it: the link is left out, not an error
                if value not in getattr(model, TARGETS[kind]):
                    problems.append(
                        Problem(
                            doc.rel,
                            where,
                            f"{fw_id} {item_id} links to unknown {kind} '{value}'",
                            did_you_mean(value, getattr(model, TARGETS[kind])),
                        )
                    )
    return problems


def _check_base(model: Model, doc: YamlDoc) -> list[Problem]:
    """Every model item of each kind is listed exactly once, as shared or as added, and nothing else is."""
    problems: list[Problem] = []
    fw_id = doc.data["id"]
    for kind in BASE_KINDS:
        known = getattr(model, kind)
        listed: dict[str, str] = {}
        for part in ("shared", "added"):
            for i, value in enumerate(doc.data[kind][part]):
                where = doc.line_of((kind, part, i))
                if value not in known:
                    problems.append(Problem(doc.rel, where, f"{fw_id} lists unknown {kind[:-1]} '{value}'", did_you_mean(value, known)))
                elif value in listed:
                    problems.append(
                        Problem(doc.rel, where, f"{fw_id} lists {kind[:-1]} '{value}' as {listed[value]} and as {part}", "keep one")
                    )
                listed.setdefault(value, part)
        for missing in (i for i in known if i not in listed):
            problems.append(
                Problem(
                    doc.rel,
                    doc.line_of((kind,)),
                    f"{fw_id} does not say whether {kind[:-1]} '{missing}' is shared or added",
                    f'add "{missing}" under {kind}: shared: or added:',
                )
            )
    return problems


def _check_family(model: Model, doc: YamlDoc) -> list[Problem]:
    problems: list[Problem] = []
    seen: set[str] = set()
    for i, x in enumerate(doc.data["documents"]):
        if x["id"] in seen:
            problems.append(Problem(doc.rel, doc.line_of(("documents", i, "id")), f"document '{x['id']}' appears twice", "keep one"))
        seen.add(x["id"])
        for j, e in enumerate(x.get("elements", [])):
            if e not in model.elements:
                problems.append(
                    Problem(
                        doc.rel,
                        doc.line_of(("documents", i, "elements", j)),
                        f"document '{x['id']}' refers to unknown element '{e}'",
                        did_you_mean(e, model.elements),
                    )
                )
    return problems
