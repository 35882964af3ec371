"""How complete and how current each language is: ``python -m macros status`` and the status page.

Coverage is counted per kind of text (whatever kinds the English text files
hold, so a new kind such as glossary terms is counted with no edit here).
A translation is *stale* when the English it was made from has changed since:
for every translated string we keep a short hash of its English source in
``model/fingerprints/<lang>.yml`` (or ``local/fingerprints/`` for a fork's own
strings), written by ``status --accept <lang>`` and never by hand.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..model.terminology import OWN_FIELDS
from ..model.types import TEXT_KINDS, Model


def fingerprint(value: Any) -> str:
    """Short, stable hash of one English string (or list of strings)."""
    data = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:10]


def strings(value: Any) -> dict[str, Any]:
    """The translatable strings of one item by field; an interface string is one field named ''.

    A language's own lists (the words its glossary avoids) are not translations and have no fingerprint.
    """
    return {k: v for k, v in value.items() if k not in OWN_FIELDS} if isinstance(value, dict) else {"": value}


def text_kinds(model: Model) -> list[str]:
    """Kinds in the English text: the model's own order first, then any others, interface strings last."""
    english = model.texts[model.source_language]
    extra = sorted(k for k in english if k not in TEXT_KINDS and k != "ui")
    return [k for k in TEXT_KINDS if k in english] + extra + (["ui"] if "ui" in english else [])


@dataclass
class KindStatus:
    kind: str
    total: int = 0
    translated: int = 0
    missing: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)  # "id" or "id.field"
    unrecorded: list[str] = field(default_factory=list)  # translated, but no fingerprint yet

    @property
    def percent(self) -> float:
        return 100.0 * self.translated / self.total if self.total else 100.0


@dataclass
class LanguageStatus:
    lang: str
    name: str
    required: bool
    source: bool
    kinds: list[KindStatus]

    @property
    def total(self) -> int:
        return sum(k.total for k in self.kinds)

    @property
    def translated(self) -> int:
        return sum(k.translated for k in self.kinds)

    @property
    def percent(self) -> float:
        return 100.0 * self.translated / self.total if self.total else 100.0

    def problems(self) -> list[str]:
        """What makes a required language fail CI: anything missing, stale or not yet fingerprinted."""
        out = []
        for k in self.kinds:
            out += [f"{self.lang} {k.kind} {i}: missing" for i in k.missing]
            out += [f"{self.lang} {k.kind} {i}: stale (the English changed since it was translated)" for i in k.stale]
            out += [
                f"{self.lang} {k.kind} {i}: no fingerprint (check it, then run: python -m macros status --accept {self.lang})"
                for i in k.unrecorded
            ]
        return out


def _label(item_id: str, field_name: str) -> str:
    return f"{item_id}.{field_name}" if field_name else item_id


def recorded(model: Model, lang: str) -> dict[tuple[str, str, str], str]:
    """Fingerprints of ``lang``: the fork's own (local) ones win over upstream's."""
    return {**model.fingerprints.get("model", {}).get(lang, {}), **model.fingerprints.get("local", {}).get(lang, {})}


def language_status(model: Model, lang: str) -> LanguageStatus:
    source = model.texts[model.source_language]
    own_texts = model.texts.get(lang, {})
    prints = recorded(model, lang)
    kinds = []
    for kind in text_kinds(model):
        ks = KindStatus(kind)
        own = own_texts.get(kind, {})
        for item_id, english in source.get(kind, {}).items():
            ks.total += 1
            if item_id not in own:
                ks.missing.append(item_id)
                continue
            ks.translated += 1
            if lang == model.source_language:
                continue
            theirs = strings(own[item_id])
            for name, en in strings(english).items():
                if name not in theirs:
                    continue
                have = prints.get((kind, item_id, name))
                if have is None:
                    ks.unrecorded.append(_label(item_id, name))
                elif have != fingerprint(en):
                    ks.stale.append(_label(item_id, name))
        kinds.append(ks)
    return LanguageStatus(lang, model.ui(lang, "language_name"), lang in model.required_languages, lang == model.source_language, kinds)


def report(model: Model, required: tuple[str, ...] | None = None) -> list[LanguageStatus]:
    """Status of every language that has text, the source language first."""
    langs = sorted(model.texts, key=lambda lang: (lang != model.source_language, lang not in model.required_languages, lang))
    return [language_status(model, lang) for lang in langs]


def render_text(statuses: list[LanguageStatus], show_missing: bool = False) -> str:
    """The command's output: one table per language, then every stale string."""
    lines = []
    for st in statuses:
        role = "source language" if st.source else ("must be complete and current" if st.required else "reported only")
        lines.append(f"{st.lang} ({st.name}): {st.translated}/{st.total} items translated ({st.percent:.1f}%) - {role}")
        width = max([len("kind"), *(len(k.kind) for k in st.kinds)])  # kinds come from the data: fit the longest
        lines.append(f"  {'kind':<{width}} {'translated':>12} {'%':>6} {'stale':>6} {'unrecorded':>11}")
        for k in st.kinds:
            done = f"{k.translated}/{k.total}"
            lines.append(f"  {k.kind:<{width}} {done:>12} {k.percent:>6.1f} {len(k.stale):>6} {len(k.unrecorded):>11}")
        for k in st.kinds:
            for item in k.stale:
                lines.append(f"  stale: {k.kind} {item}")
            if show_missing:
                for item in k.missing:
                    lines.append(f"  missing: {k.kind} {item}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def accept(model: Model, lang: str, model_dir: Path, local_dir: Path, only: list[str] | None = None) -> list[Path]:
    """Record that the current ``lang`` translations match the current English (after a translator checked them).

    ``only``: ``kind`` or ``kind/id`` filters; other fingerprints are kept as they were. A string's
    fingerprint goes to the layer its translation or its English comes from, so a fork never edits upstream's file.
    """
    if lang == model.source_language:
        raise ValueError(f"{lang} is the source language: it has nothing to be translated from")
    layers = {
        "model": dict(model.fingerprints.get("model", {}).get(lang, {})),
        "local": dict(model.fingerprints.get("local", {}).get(lang, {})),
    }
    source = model.texts[model.source_language]
    wanted = set()
    for kind in text_kinds(model):
        for item_id, value in model.texts.get(lang, {}).get(kind, {}).items():
            if item_id not in source.get(kind, {}):
                continue
            english = strings(source[kind][item_id])
            for name in strings(value):
                if name not in english:
                    continue
                key = (kind, item_id, name)
                origins = (
                    model.text_origin.get((lang, kind, item_id), ("model",))[0],
                    model.text_origin.get((model.source_language, kind, item_id), ("model",))[0],
                )
                layer = "local" if "local" in origins else "model"
                wanted.add((layer, key))
                if not only or kind in only or f"{kind}/{item_id}" in only:
                    layers["local" if layer == "model" else "model"].pop(key, None)
                    layers[layer][key] = fingerprint(english[name])
    written = []
    for layer, folder in (("model", model_dir), ("local", local_dir)):
        # Hidden practices keep their fingerprints: a fork hides them, it does not rewrite upstream's record.
        kept = {k: v for k, v in layers[layer].items() if (layer, k) in wanted or (k[0] == "practices" and k[1] in model.hidden)}
        path = folder / "fingerprints" / f"{lang}.yml"
        if kept == model.fingerprints.get(layer, {}).get(lang, {}) and (path.exists() or not kept):
            continue  # nothing changed: leave the file as it is (in a fork, upstream's file stays untouched)
        path.parent.mkdir(parents=True, exist_ok=True)
        schema = "../schemas" if layer == "model" else "../../model/schemas"
        text = _dump(kept, lang, text_kinds(model), source, schema)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            written.append(path)
    return written


def _dump(prints: dict[tuple[str, str, str], str], lang: str, kinds: list[str], source: dict, schema: str) -> str:
    """Fingerprints in model order, so a new translation changes a few lines, not the whole file."""
    tree: dict[str, dict[str, Any]] = {}
    for kind in kinds:
        for item_id in source.get(kind, {}):
            for name in strings(source[kind][item_id]):
                h = prints.get((kind, item_id, name))
                if h is None:
                    continue
                if name:
                    tree.setdefault(kind, {}).setdefault(item_id, {})[name] = h
                else:
                    tree.setdefault(kind, {})[item_id] = h
    head = (
        f"# yaml-language-server: $schema={schema}/fingerprints.schema.json\n"
        f"# Written by `python -m macros status --accept {lang}`; do not edit by hand.\n"
        f"# Per string: a hash of the English it was translated from. When the English changes, the status shows it as stale.\n"
    )
    return head + yaml.safe_dump(tree, allow_unicode=True, sort_keys=False, width=200)
