"""Read ``model/`` and a fork's ``local/`` layer from disk: every file parsed once and schema-checked.

The reader knows files, not meaning: it returns :class:`Sources` (the parsed documents, the text of every
language and where each line came from) plus the problems it met on the way. Building the model and
checking references are separate steps (:mod:`macros.load.assemble`, :mod:`macros.load.checks`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model.problems import Problem
from ..model.types import KINDS, SINGULAR
from . import schemas
from .causes import Broken
from .hints import did_you_mean
from .text_safety import PLAIN_TEXT_FIX, unsafe_parts
from .yaml_source import YamlDoc, load_yaml

LOCAL_PREFIX = "local-"  # IDs of a fork's own items start with this; upstream IDs never do
TERMS_FOLDER = "glossary"
CROSSWALKS_FOLDER = "crosswalks"  # one file per framework, upstream in model/, a fork's own in local/
FAMILY_FILE = "family.yml"

Texts = dict[str, dict[str, dict[str, dict[str, Any]]]]  # texts[lang][kind][id] -> {field: value}
UPSTREAM = "model"  # the name of the lowest layer, upstream's model folder


@dataclass
class Sources:
    """Everything read from disk, before the model is built."""

    root: Path
    local: Path
    layers: list[tuple[str, Path]] = field(default_factory=list)  # the fork's layers (name, folder), lowest first
    problems: list[Problem] = field(default_factory=list)
    docs: dict[str, dict[str, YamlDoc]] = field(default_factory=dict)  # kind -> id -> structure file
    meta: YamlDoc | None = None  # model.yml
    changelog: YamlDoc | None = None
    fork_changelogs: list[YamlDoc] = field(default_factory=list)  # each fork layer's changelog.yml, lowest first
    family: YamlDoc | None = None  # model/family.yml
    local_ids: set[tuple[str, str]] = field(default_factory=set)
    item_layer: dict[tuple[str, str], str] = field(default_factory=dict)  # a fork's own item -> the layer that adds it
    hidden: dict[str, Any] = field(default_factory=dict)  # practice -> reason (text, or text per language)
    hidden_expectations: dict[str, Any] = field(default_factory=dict)  # expectation -> reason
    not_applicable: dict[str, Any] = field(default_factory=dict)  # sub-element -> reason
    tailored_by: dict[tuple[str, str], str] = field(default_factory=dict)  # (kind, id) hidden or not applicable -> layer
    texts: Texts = field(default_factory=dict)  # every layer merged, field by field
    layer_texts: dict[str, Texts] = field(default_factory=dict)  # each layer's own text, as written
    text_lines: dict[tuple[str, str, str], tuple[str, int]] = field(default_factory=dict)
    text_origin: dict[tuple[str, str, str], tuple[str, str, int]] = field(default_factory=dict)
    text_docs: dict[tuple[str, str, str], YamlDoc] = field(default_factory=dict)  # the file an item's text came from
    field_origin: dict[tuple[str, str, str, str], tuple[str, str, int]] = field(default_factory=dict)
    fingerprints: dict[str, dict[str, dict[tuple[str, str, str], str]]] = field(default_factory=dict)
    replaced: dict[str, dict[str, dict[tuple[str, str, str], Any]]] = field(default_factory=dict)

    @property
    def all_layers(self) -> list[tuple[str, Path]]:
        return [(UPSTREAM, self.root), *self.layers]

    broken: list[Broken] = field(default_factory=list)  # files that could not be read or failed their schema

    def rel(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.root.parent))
        except ValueError:
            return str(path)


def read_sources(root: Path, local: Path | list[Path]) -> Sources:
    """Read every model and local file once; problems are collected in ``Sources.problems``.

    ``local``: the fork's layer folders, lowest first (one folder: a single ``local/`` layer; missing folders are skipped).
    """
    folders = [Path(p) for p in (local if isinstance(local, (list, tuple)) else [local])]
    src = Sources(Path(root), folders[0] if folders else Path(root).parent / "local")
    src.layers = [(src.rel(f), f) for f in folders if f.is_dir()]
    reader = Reader(src)
    src.meta = reader.read(src.root / "model.yml", "model")
    reader.read_structure()
    reader.read_hidden()
    reader.read_texts()
    reader.read_fingerprints()
    reader.read_replaced()
    path = src.root / "changelog.yml"
    src.changelog = reader.read(path, "changelog") if path.exists() else None
    for _name, folder in src.layers:  # a fork's own renames and retirements: <layer>/changelog.yml, never upstream's file
        doc = reader.read(folder / "changelog.yml", "changelog") if (folder / "changelog.yml").exists() else None
        if doc is not None:
            src.fork_changelogs.append(doc)
    path = src.root / FAMILY_FILE
    src.family = reader.read(path, "family") if path.exists() else None
    return src


# (path, kind, rel) -> ((mtime, size), doc or None, problems): a writer's edit re-reads only the file it touched.
# Keyed by the file's identity and stamp, so a stale entry is never used; documents are never changed after reading.
_READ_CACHE: dict[tuple[str, str, str], tuple[tuple[int, int], YamlDoc | None, list[Problem]]] = {}


def _read_checked(path: Path, kind: str, rel: str) -> tuple[YamlDoc | None, list[Problem]]:
    doc, problems = load_yaml(path, rel)
    if doc is None:
        return None, problems
    if doc.data is None:
        return None, [*problems, Problem(doc.rel, 1, "file is empty", "add its content or delete the file")]
    schema_problems = schemas.check(doc, kind)
    return (None if schema_problems else doc), problems + schema_problems


class Reader:
    """Fills a :class:`Sources` from disk; each method reads one kind of file."""

    def __init__(self, src: Sources):
        self.src = src
        self.root, self.local = src.root, src.local
        self.problems, self.docs, self.local_ids, self.hidden = src.problems, src.docs, src.local_ids, src.hidden
        self.texts, self.text_lines, self.text_origin, self.fingerprints = (src.texts, src.text_lines, src.text_origin, src.fingerprints)

    def rel(self, path: Path) -> str:
        return self.src.rel(path)

    def read(self, path: Path, kind: str, defines: str | None = None) -> YamlDoc | None:
        """One file, parsed and schema-checked (cached while unchanged); a file that fails is recorded as broken (:mod:`.causes`)."""
        stat = path.stat()
        key = (str(path), kind, self.rel(path))
        stamp = (stat.st_mtime_ns, stat.st_size)
        cached = _READ_CACHE.get(key)
        if cached is None or cached[0] != stamp:
            cached = _READ_CACHE[key] = (stamp, *_read_checked(path, kind, self.rel(path)))
        _stamp, doc, problems = cached
        self.problems += problems
        if doc is None:
            self.src.broken.append(Broken(self.rel(path), kind, defines or path.stem))
        return doc

    def read_structure(self) -> None:
        for kind in KINDS:
            self.docs[kind] = {}
            self.read_folder(kind, self.root / kind, local=False)
        for name, folder in self.src.layers:
            self.read_folder("practices", folder / "practices", local=True, layer=name)
        self.docs["terms"] = dict((term_id, doc) for doc, term_id in self.item_docs(self.root / TERMS_FOLDER, "term"))
        for name, folder in self.src.layers:  # a fork's own glossary terms: local/glossary/local-*.yml
            for doc, term_id in self.item_docs(folder / TERMS_FOLDER, "term"):
                if not term_id.startswith(LOCAL_PREFIX) or term_id in self.docs["terms"]:
                    self.problems.append(
                        Problem(
                            doc.rel,
                            doc.line_of(("id",)),
                            f"term id '{term_id}' is in the wrong namespace or already taken",
                            f"IDs of a fork's own terms start with '{LOCAL_PREFIX}' (so they never collide with upstream ones)",
                        )
                    )
                    continue
                self.local_ids.add(("terms", term_id))
                self.src.item_layer[("terms", term_id)] = name
                self.docs["terms"][term_id] = doc
        self.read_crosswalks()

    def read_crosswalks(self) -> None:
        """One file per framework: ``model/crosswalks/``, then a fork's own ``local/crosswalks/local-*.yml``."""
        self.docs["crosswalks"] = {}
        for folder, local in ((self.root / CROSSWALKS_FOLDER, False), (self.local / CROSSWALKS_FOLDER, True)):
            for doc, fw_id in self.item_docs(folder, "crosswalk"):
                if local != fw_id.startswith(LOCAL_PREFIX):
                    self.problems.append(
                        Problem(
                            doc.rel,
                            doc.line_of(("id",)),
                            f"framework id '{fw_id}' is in the wrong namespace",
                            f"a framework in local/ starts with '{LOCAL_PREFIX}', upstream ones never do",
                        )
                    )
                    continue
                if local:
                    self.local_ids.add(("crosswalks", fw_id))
                self.docs["crosswalks"][fw_id] = doc

    def item_docs(self, folder: Path, schema: str):
        """Schema-checked one-item-per-file docs of a folder, with their IDs; the file name must be the ID."""
        for path in sorted(folder.glob("*")):
            if path.suffix != ".yml":
                self.problems.append(
                    Problem(self.rel(path), 1, f"unexpected file in {self.rel(folder)}/", "model files end in .yml; rename or remove it")
                )
                continue
            doc = self.read(path, schema)
            if doc is None:
                continue
            item_id = str(doc.data["id"])
            if path.stem != item_id:
                if (folder / f"{item_id}.yml").exists():  # a copied file: the ID is taken, the file name is the new one
                    what, fix = f"id '{item_id}' is already used by {item_id}.yml", f"give this item its own ID: id: '{path.stem}'"
                else:
                    what = f"id '{item_id}' does not match the file name '{path.name}'"
                    fix = f"rename the file to {item_id}.yml (IDs are never changed once published)"
                self.problems.append(Problem(doc.rel, doc.line_of(("id",)), what, fix))
                self.src.broken.append(Broken(doc.rel, schema, path.stem))
                continue
            yield doc, item_id

    def read_folder(self, kind: str, folder: Path, local: bool, layer: str = UPSTREAM) -> None:
        for doc, item_id in self.item_docs(folder, SINGULAR[kind]):
            if local != item_id.startswith(LOCAL_PREFIX):
                self.problems.append(
                    Problem(
                        doc.rel,
                        doc.line_of(("id",)),
                        f"id '{item_id}' is in the wrong namespace",
                        f"IDs in local/ start with '{LOCAL_PREFIX}', upstream IDs never do "
                        "(so a fork's items can never collide with upstream ones)",
                    )
                )
                continue
            if item_id in self.docs[kind]:
                first = self.docs[kind][item_id].rel
                self.problems.append(
                    Problem(doc.rel, doc.line_of(("id",)), f"{kind[:-1]} '{item_id}' is already defined in {first}", "give it another ID")
                )
                continue
            if local:
                self.local_ids.add((kind, item_id))
                self.src.item_layer[(kind, item_id)] = layer
            self.docs[kind][item_id] = doc

    def read_texts(self) -> None:
        """Text per language from each layer in turn: ``model/text`` (upstream), then each layer's ``text/``.

        Within a layer an item has text once. A higher layer's text replaces the lower one field by field
        (an override names only the fields it changes), so ``texts`` is every layer merged.
        """
        texts = self.texts
        for layer, folder in self.src.all_layers:
            own: Texts = self.src.layer_texts.setdefault(layer, {})
            for lang_dir in sorted(p for p in (folder / "text").glob("*") if p.is_dir()):
                lang = lang_dir.name
                texts.setdefault(lang, {})
                for path in sorted(lang_dir.rglob("*.yml")):
                    doc = self.read(path, "text" if layer == UPSTREAM else "text-override", defines=lang)
                    if doc is not None:
                        self.add_text(texts[lang], own.setdefault(lang, {}), layer, lang, doc)
        for kinds in texts.values():  # a hidden practice or expectation has no text either
            for item_id in self.hidden:
                kinds.get("practices", {}).pop(item_id, None)
            for item_id in self.src.hidden_expectations:
                kinds.get("expectations", {}).pop(item_id, None)

    def add_text(self, into: dict[str, dict[str, Any]], own: dict[str, dict[str, Any]], layer: str, lang: str, doc: YamlDoc) -> None:
        for kind, items in doc.data.items():
            for item_id, value in items.items():
                item_id = str(item_id)
                key = (lang, kind, item_id)
                line = doc.line_of((kind, item_id))
                if key in self.text_origin and self.text_origin[key][0] == layer:
                    first = self.text_lines[key]
                    self.problems.append(
                        Problem(
                            doc.rel, line, f"{kind} '{item_id}' already has {lang} text in {first[0]}:{first[1]}", "keep one of the two"
                        )
                    )
                    continue
                self.text_lines[key] = (doc.rel, line)
                self.text_origin[key] = (layer, doc.rel, line)
                self.src.text_docs[key] = doc
                own.setdefault(kind, {})[item_id] = value
                items_of_kind = into.setdefault(kind, {})
                below = items_of_kind.get(item_id)
                if isinstance(value, dict) and isinstance(below, dict):
                    items_of_kind[item_id] = {**below, **value}
                else:
                    items_of_kind[item_id] = value
                for name in value if isinstance(value, dict) else ("",):
                    path = (kind, item_id, name) if name else (kind, item_id)
                    self.src.field_origin[(lang, kind, item_id, name)] = (layer, doc.rel, doc.line_of(path))
                self.check_plain(doc, (kind, item_id), value)

    def read_hidden(self) -> None:
        """Each layer's ``hide.yml``: practices of the layers below that the fork does not publish, each with its reason."""
        for name, folder in self.src.layers:
            self.read_hide_file(name, folder / "hide.yml")

    def read_hide_file(self, layer: str, path: Path) -> None:
        if not path.exists():
            return
        doc = self.read(path, "hide")
        if doc is None:
            return
        for item_id, reason in (doc.data.get("practices") or {}).items():
            if item_id not in self.docs["practices"] or self.src.item_layer.get(("practices", item_id)) == layer:
                self.problems.append(
                    Problem(
                        doc.rel,
                        doc.line_of(("practices", item_id)),
                        f"cannot hide '{item_id}': there is no upstream practice with that ID",
                        did_you_mean(item_id, [i for i in self.docs["practices"] if not i.startswith(LOCAL_PREFIX)]),
                    )
                )
                continue
            self.hidden[item_id] = reason
            self.src.tailored_by[("practices", item_id)] = layer
            del self.docs["practices"][item_id]
        expectations = {e: sub for sub, d in self.docs["subelements"].items() for e in d.data.get("expectations", [])}
        for item_id, reason in (doc.data.get("expectations") or {}).items():
            if item_id not in expectations:
                self.problems.append(
                    Problem(
                        doc.rel,
                        doc.line_of(("expectations", item_id)),
                        f"cannot hide '{item_id}': there is no expectation with that ID",
                        did_you_mean(item_id, expectations),
                    )
                )
                continue
            self.src.hidden_expectations[item_id] = reason
            self.src.tailored_by[("expectations", item_id)] = layer
        for item_id, reason in (doc.data.get("not_applicable") or {}).items():
            if item_id not in self.docs["subelements"]:
                self.problems.append(
                    Problem(
                        doc.rel,
                        doc.line_of(("not_applicable", item_id)),
                        f"'{item_id}' is not a sub-element, so it cannot be marked not applicable",
                        did_you_mean(item_id, self.docs["subelements"]),
                    )
                )
                continue
            self.src.not_applicable[item_id] = reason
            self.src.tailored_by[("subelements", item_id)] = layer

    def read_fingerprints(self) -> None:
        """Per layer and language, the short hash of the English each translated string was made from."""
        out, languages = self.fingerprints, sorted(self.texts)
        for layer, folder in self.src.all_layers:
            out[layer] = {}
            for lang in languages:
                path = folder / "fingerprints" / f"{lang}.yml"
                doc = self.read(path, "fingerprints") if path.exists() else None
                if doc is None:
                    continue
                flat = out[layer].setdefault(lang, {})
                for kind, items in doc.data.items():
                    for item_id, fields in items.items():
                        if isinstance(fields, dict):
                            flat.update({(kind, str(item_id), f): h for f, h in fields.items()})
                        else:
                            flat[(kind, str(item_id), "")] = fields

    def read_replaced(self) -> None:
        """Per fork layer and language: the text of the layers below that each of its overrides replaced (``replaced/<lang>.yml``)."""
        for layer, folder in self.src.layers:
            out = self.src.replaced.setdefault(layer, {})
            for path in sorted((folder / "replaced").glob("*.yml")):
                doc = self.read(path, "replaced")
                if doc is None:
                    continue
                flat = out.setdefault(path.stem, {})
                for kind, items in doc.data.items():
                    for item_id, fields in items.items():
                        if isinstance(fields, dict):
                            flat.update({(kind, str(item_id), f): v for f, v in fields.items()})
                        else:
                            flat[(kind, str(item_id), "")] = fields

    def check_plain(self, doc: YamlDoc, path: tuple, value: Any) -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                self.check_plain(doc, (*path, k), v)
        elif isinstance(value, list):
            for i, v in enumerate(value):
                self.check_plain(doc, (*path, i), v)
        elif isinstance(value, str):
            for what in unsafe_parts(value):
                self.problems.append(
                    Problem(
                        doc.rel,
                        doc.line_of(path),
                        f"{'.'.join(map(str, path))} contains {what}",
                        PLAIN_TEXT_FIX,
                    )
                )
