"""Load ``model/`` into a :class:`Model`, validating in two layers.

Layer 1 checks each file against its JSON Schema; layer 2 checks what only
the whole model can tell (IDs unique, references resolve, text complete and
plain). All problems are collected and raised together, before anything is
written, so a bad edit can never publish a half-built site.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from . import changelog, schema_check, terms_loader
from .model import KINDS, TEXT_KINDS, Dimension, Element, Model, Practice, Principle, SubElement, clause_key
from .problems import ModelInvalid, Problem
from .text_safety import unsafe_parts
from .yaml_source import YamlDoc, load_yaml

SHIPPED_LANGUAGES = ("en", "nl")
LOCAL_PREFIX = "local-"  # IDs of a fork's own items start with this; upstream IDs never do
_SINGULAR = {"dimensions": "dimension", "elements": "element", "subelements": "subelement",
             "principles": "principle", "practices": "practice"}


def load_model(root: Path, complete_languages: tuple[str, ...] = SHIPPED_LANGUAGES, local_dir: Path | None = None) -> Model:
    """Read and validate the model under ``root``; raise :class:`ModelInvalid` listing every problem.

    ``local_dir`` (default: ``local/`` beside ``model/``) holds a fork's own layer: extra practices,
    text overrides, hidden upstream practices. It is applied here, at load time, so every consumer
    (pages, checklists, downloads) sees the same model and never a hidden practice.
    """
    root = Path(root)
    loader = _Loader(root, Path(local_dir) if local_dir else root.parent / "local")
    model = loader.run(complete_languages)
    if loader.problems:
        raise ModelInvalid(loader.problems)
    return model


class _Loader:
    def __init__(self, root: Path, local: Path):
        self.root = root
        self.local = local
        self.problems: list[Problem] = []
        self.docs: dict[str, dict[str, YamlDoc]] = {}
        self.local_ids: set[tuple[str, str]] = set()
        self.hidden: dict[str, str] = {}

    # -- reading -----------------------------------------------------------
    def rel(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.root.parent))
        except ValueError:
            return str(path)

    def read(self, path: Path, kind: str) -> YamlDoc | None:
        doc, problems = load_yaml(path, self.rel(path))
        self.problems += problems
        if doc is None:
            return None
        if doc.data is None:
            self.problems.append(Problem(doc.rel, 1, "file is empty", "add its content or delete the file"))
            return None
        schema_problems = schema_check.check(doc, kind)
        self.problems += schema_problems
        return None if schema_problems else doc

    def read_structure(self) -> None:
        for kind in KINDS:
            self.docs[kind] = {}
            self.read_folder(kind, self.root / kind, local=False)
        self.read_folder("practices", self.local / "practices", local=True)

    def item_docs(self, folder: Path, schema: str):
        """Schema-checked one-item-per-file docs of a folder, with their IDs; the file name must be the ID."""
        for path in sorted(folder.glob("*")):
            if path.suffix != ".yml":
                self.problems.append(Problem(self.rel(path), 1, f"unexpected file in {self.rel(folder)}/",
                                             "model files end in .yml; rename or remove it"))
                continue
            doc = self.read(path, schema)
            if doc is None:
                continue
            item_id = str(doc.data["id"])
            if path.stem != item_id:
                self.problems.append(Problem(doc.rel, doc.line_of(("id",)),
                                             f"id '{item_id}' does not match the file name '{path.name}'",
                                             f"rename the file to {item_id}.yml (IDs are never changed once published)"))
            yield doc, item_id

    def read_folder(self, kind: str, folder: Path, local: bool) -> None:
        for doc, item_id in self.item_docs(folder, _SINGULAR[kind]):
            if local != item_id.startswith(LOCAL_PREFIX):
                self.problems.append(Problem(doc.rel, doc.line_of(("id",)), f"id '{item_id}' is in the wrong namespace",
                                             f"IDs in local/ start with '{LOCAL_PREFIX}', upstream IDs never do "
                                             "(so a fork's items can never collide with upstream ones)"))
                continue
            if local:
                self.local_ids.add((kind, item_id))
            self.docs[kind][item_id] = doc

    def read_texts(self) -> dict[str, dict[str, dict[str, dict[str, Any]]]]:
        """Text per language from two layers: ``model/text`` (upstream), then ``local/text`` (the fork's).

        Within a layer an item has text once; a local item replaces the upstream one (a text override).
        """
        texts: dict[str, dict[str, dict[str, Any]]] = {}
        self.text_lines: dict[tuple[str, str, str], tuple[str, int]] = {}
        self.text_origin: dict[tuple[str, str, str], tuple[str, str, int]] = {}
        for layer, text_root in (("model", self.root / "text"), ("local", self.local / "text")):
            for lang_dir in sorted(p for p in text_root.glob("*") if p.is_dir()):
                lang = lang_dir.name
                texts.setdefault(lang, {})
                for path in sorted(lang_dir.rglob("*.yml")):
                    doc = self.read(path, "text")
                    if doc is not None:
                        self.add_text(texts[lang], layer, lang, doc)
        return texts

    def add_text(self, into: dict[str, dict[str, Any]], layer: str, lang: str, doc: YamlDoc) -> None:
        for kind, items in doc.data.items():
            for item_id, value in items.items():
                key = (lang, kind, str(item_id))
                line = doc.line_of((kind, item_id))
                if key in self.text_origin and self.text_origin[key][0] == layer:
                    first = self.text_lines[key]
                    self.problems.append(Problem(doc.rel, line, f"{kind} '{item_id}' already has {lang} text in {first[0]}:{first[1]}",
                                                 "keep one of the two"))
                    continue
                self.text_lines[key] = (doc.rel, line)
                self.text_origin[key] = (layer, doc.rel, line)
                into.setdefault(kind, {})[str(item_id)] = value
                self.check_plain(doc, (kind, item_id), value)

    def read_hidden(self) -> None:
        """``local/hide.yml``: upstream practices the fork does not publish, each with its reason."""
        path = self.local / "hide.yml"
        if not path.exists():
            return
        doc = self.read(path, "hide")
        if doc is None:
            return
        for item_id, reason in (doc.data.get("practices") or {}).items():
            if item_id not in self.docs["practices"] or (("practices", item_id) in self.local_ids):
                self.problems.append(Problem(doc.rel, doc.line_of(("practices", item_id)),
                                             f"cannot hide '{item_id}': there is no upstream practice with that ID",
                                             _did_you_mean(item_id, [i for i in self.docs["practices"] if not i.startswith(LOCAL_PREFIX)])))
                continue
            self.hidden[item_id] = reason
            del self.docs["practices"][item_id]

    def read_fingerprints(self, languages) -> dict[str, dict[str, dict[tuple[str, str, str], str]]]:
        """Per layer and language, the short hash of the English each translated string was made from."""
        out: dict[str, dict[str, dict[tuple[str, str, str], str]]] = {}
        for layer, folder in (("model", self.root / "fingerprints"), ("local", self.local / "fingerprints")):
            out[layer] = {}
            for lang in languages:
                path = folder / f"{lang}.yml"
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
        return out

    def check_plain(self, doc: YamlDoc, path: tuple, value: Any) -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                self.check_plain(doc, (*path, k), v)
        elif isinstance(value, list):
            for i, v in enumerate(value):
                self.check_plain(doc, (*path, i), v)
        elif isinstance(value, str):
            for what in unsafe_parts(value):
                self.problems.append(Problem(doc.rel, doc.line_of(path), f"{'.'.join(map(str, path))} contains {what}",
                                             "write plain text: no HTML, no {{ }} or {% %}, no script links"))

    # -- building ------------------------------------------------------------
    def run(self, complete_languages: tuple[str, ...]) -> Model:
        meta_doc = self.read(self.root / "model.yml", "model")
        meta = meta_doc.data if meta_doc else {"version": "0.0.0", "standard": "", "pyramid": [], "effect_chain": [],
                                                 "assessment_scale": [], "roles": [], "efforts": [], "tags": []}
        self.read_structure()
        self.read_hidden()
        self.docs["terms"] = terms_loader.read(self)
        texts = self.read_texts()
        for kinds in texts.values():
            for item_id in self.hidden:
                kinds.get("practices", {}).pop(item_id, None)
        d = {k: {i: doc.data for i, doc in sorted(v.items(), key=lambda kv: clause_key(kv[0]))} for k, v in self.docs.items()
             if k in KINDS}
        d["practices"] = dict(sorted(d["practices"].items()))
        model = Model(
            version=meta["version"], standard=meta["standard"],
            dimensions={i: Dimension(i, tuple(e for e, x in d["elements"].items() if x["dimension"] == i))
                        for i in d["dimensions"]},
            elements={i: Element(i, x["dimension"], tuple(s for s, y in d["subelements"].items() if y["element"] == i))
                      for i, x in d["elements"].items()},
            subelements={i: SubElement(i, x["element"], tuple(x["expectations"])) for i, x in d["subelements"].items()},
            principles={i: Principle(i, x["group"]) for i, x in d["principles"].items()},
            practices={i: Practice(i, tuple(x["subelements"]), tuple(x["principles"]), tuple(x["roles"]), x["effort"],
                                   x["level"], tuple(x["tags"])) for i, x in d["practices"].items()},
            pyramid=list(meta["pyramid"]), effect_chain=[c["id"] for c in meta["effect_chain"]],
            roles=list(meta["roles"]), efforts=list(meta["efforts"]), tags=list(meta["tags"]),
            texts=texts,
            sources={(k, i): doc.rel for k, v in self.docs.items() for i, doc in v.items()},
            local=frozenset(self.local_ids), hidden=dict(self.hidden), required_languages=tuple(complete_languages),
            text_origin={k: v for k, v in self.text_origin.items() if not (k[1] == "practices" and k[2] in self.hidden)},
            fingerprints=self.read_fingerprints(sorted(texts)),
            assessment_scale=[dict(step) for step in meta["assessment_scale"]],
            terms=terms_loader.terms(self.docs["terms"]),
        )
        if "en" not in texts:
            self.problems.append(Problem("model/text", 1, "there is no English text", "add model/text/en/*.yml"))
            texts["en"] = {}
        self.check_references(model)
        if meta_doc:
            self.check_scale(model, meta_doc)
        self.check_texts(model, complete_languages)
        self.read_changelog(model, meta_doc)
        terms_loader.check(self, model, self.docs["terms"], complete_languages)
        return model

    def read_changelog(self, model: Model, meta_doc: YamlDoc | None) -> None:
        """Optional ``changelog.yml``: releases, renamed and retired IDs (see :mod:`macros.changelog`)."""
        path = self.root / "changelog.yml"
        doc = self.read(path, "changelog") if path.exists() else None
        if doc is None:
            return
        model.releases = changelog.parse(doc.data)
        self.problems += changelog.check(model, doc, meta_doc)
        practices = self.docs["practices"]
        replaces = {i: tuple(d.data["replaces"]) for i, d in practices.items() if d.data.get("replaces")}
        self.problems += changelog.check_replaces(model, replaces, lambda i: (practices[i].rel, practices[i].line_of(("replaces",))))

    def ref_problem(self, kind: str, item_id: str, field: str, message: str, fix: str) -> None:
        doc = self.docs[kind][item_id]
        self.problems.append(Problem(doc.rel, doc.line_of((field,)), message, fix))

    def check_references(self, m: Model) -> None:
        for e in m.elements.values():
            if e.dimension_id not in m.dimensions:
                self.ref_problem("elements", e.id, "dimension", f"element {e.id} points to unknown dimension '{e.dimension_id}'",
                                 f"use one of: {', '.join(m.dimensions)}")
            elif not e.id.startswith(e.dimension_id + "."):
                self.ref_problem("elements", e.id, "dimension", f"element {e.id} is filed under dimension {e.dimension_id}",
                                 "an element's clause number starts with its dimension's")
        for s in m.subelements.values():
            if s.element_id not in m.elements:
                self.ref_problem("subelements", s.id, "element", f"sub-element {s.id} points to unknown element '{s.element_id}'",
                                 f"use one of: {', '.join(m.elements)}")
            elif s.id != s.element_id and not s.id.startswith(s.element_id + "."):
                self.ref_problem("subelements", s.id, "element", f"sub-element {s.id} is filed under element {s.element_id}",
                                 "a sub-element's clause number starts with its element's")
            for e in s.expectation_ids:
                if not e.startswith(s.id + "-e"):
                    self.ref_problem("subelements", s.id, "expectations", f"expectation '{e}' does not belong to {s.id}",
                                     f"expectation IDs of this sub-element start with '{s.id}-e'")
        for e in m.elements.values():
            if not e.subelement_ids:
                doc = self.docs["elements"][e.id]
                self.problems.append(Problem(doc.rel, 1, f"element {e.id} has no sub-elements",
                                             f"add model/subelements/{e.id}.yml (an element without sub-elements is its own single one)"))
        for p in m.practices.values():
            checks = (("subelements", p.subelement_ids, m.subelements), ("principles", p.principle_ids, m.principles),
                      ("roles", p.roles, m.roles), ("tags", p.tags, m.tags))
            for field, values, known in checks:
                for value in values:
                    if value not in known:
                        self.ref_problem("practices", p.id, field, f"practice {p.id} refers to unknown {field[:-1]} '{value}'",
                                         _did_you_mean(value, known))
            if p.effort not in m.efforts:
                self.ref_problem("practices", p.id, "effort", f"practice {p.id} has unknown effort '{p.effort}'",
                                 _did_you_mean(p.effort, m.efforts))

    def check_scale(self, m: Model, doc: YamlDoc) -> None:
        """Scale steps are stored by position, so their IDs must be unique; each pyramid link must resolve."""
        levels = [p["id"] for p in m.pyramid]
        seen: set[str] = set()
        for i, step in enumerate(m.assessment_scale):
            if step["id"] in seen:
                self.problems.append(Problem(doc.rel, doc.line_of(("assessment_scale", i, "id")),
                                             f"assessment scale step '{step['id']}' appears twice", "give each step its own ID"))
            seen.add(step["id"])
            if step["pyramid"] is not None and step["pyramid"] not in levels:
                self.problems.append(Problem(doc.rel, doc.line_of(("assessment_scale", i, "pyramid")),
                                             f"assessment scale step '{step['id']}' points to unknown pyramid level '{step['pyramid']}'",
                                             _did_you_mean(step["pyramid"], levels) + " (or null)"))

    def check_texts(self, m: Model, complete_languages: tuple[str, ...]) -> None:
        wanted: dict[str, list[str]] = {
            "dimensions": list(m.dimensions), "elements": list(m.elements), "subelements": list(m.subelements),
            "principles": list(m.principles), "practices": list(m.practices), "expectations": list(m.expectations),
            "pyramid": [p["id"] for p in m.pyramid], "effect_chain": list(m.effect_chain),
            "assessment_scale": [step["id"] for step in m.assessment_scale],
            "roles": m.roles, "efforts": m.efforts, "tags": m.tags, "terms": list(m.terms),
        }
        for lang, kinds in m.texts.items():
            for kind, items in kinds.items():
                if kind == "ui":
                    continue
                for item_id in items:
                    if item_id not in wanted.get(kind, []):
                        rel, line = self.text_lines[(lang, kind, item_id)]
                        self.problems.append(Problem(rel, line, f"text for unknown {kind[:-1] if kind.endswith('s') else kind} '{item_id}'",
                                                     _did_you_mean(item_id, wanted.get(kind, []))))
        english_ui = m.texts.get("en", {}).get("ui", {})
        for lang in complete_languages:
            if lang not in m.texts:
                self.problems.append(Problem(f"model/text/{lang}", 1, f"no {lang} text at all", f"add model/text/{lang}/*.yml"))
                continue
            for kind in TEXT_KINDS:
                have = m.texts[lang].get(kind, {})
                for item_id in wanted[kind]:
                    if item_id not in have:
                        self.problems.append(Problem(self._home_of(kind, item_id), self._line_of(kind, item_id),
                                                     f"{kind} '{item_id}' has no {lang} text",
                                                     f"add it under '{kind}:' in a file in model/text/{lang}/"))
            for key in english_ui:
                if key not in m.texts[lang].get("ui", {}):
                    self.problems.append(Problem(f"model/text/{lang}", 1, f"interface string '{key}' has no {lang} text",
                                                 f"add it under 'ui:' in model/text/{lang}/ui.yml"))

    def _home_of(self, kind: str, item_id: str) -> str:
        if kind in self.docs and item_id in self.docs[kind]:
            return self.docs[kind][item_id].rel
        if kind == "expectations":
            sub = item_id.rsplit("-e", 1)[0]
            if sub in self.docs["subelements"]:
                return self.docs["subelements"][sub].rel
        return self.rel(self.root / "model.yml")

    def _line_of(self, kind: str, item_id: str) -> int:
        if kind == "expectations":
            sub = item_id.rsplit("-e", 1)[0]
            doc = self.docs["subelements"].get(sub)
            if doc:
                return doc.line_of(("expectations", list(doc.data["expectations"]).index(item_id)))
        return 1


def _did_you_mean(value: str, known) -> str:
    import difflib

    close = difflib.get_close_matches(str(value), [str(k) for k in known], n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else f"known values: {', '.join(map(str, list(known)[:12]))}"


_cache: dict[tuple, Model] = {}


def load_model_cached(root: Path, complete_languages: tuple[str, ...] = SHIPPED_LANGUAGES, local_dir: Path | None = None) -> Model:
    """Load once per process while no model file changes (one load serves every language build)."""
    root = Path(root).resolve()
    local = Path(local_dir).resolve() if local_dir else root.parent / "local"
    files = [p for folder in (root, local) for p in folder.rglob("*") if p.is_file()]
    stamp = tuple(sorted((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files))
    key = (root, local, complete_languages, stamp)
    if key not in _cache:
        _cache.clear()
        _cache[key] = load_model(root, complete_languages, local)
    return _cache[key]
