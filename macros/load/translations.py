"""How complete and how current each language is: ``python -m macros status`` and the status page.

Coverage is counted per kind of text (whatever kinds the English text files
hold, so a new kind such as glossary terms is counted with no edit here).
A translation is *stale* when the English it was made from has changed since:
for every translated string we keep a short hash of its English source in
``model/fingerprints/<lang>.yml``, written by ``status --accept <lang>`` and never by hand.

In a fork every record goes to the fork's top layer (``local/fingerprints/``, ``local/replaced/``), never
to upstream's files. A translation is compared with the English of its own layer and the layers below
(so a fork's English override does not make upstream's Dutch stale), and any record at or above that
layer counts. An *override* (a fork's text for a field a lower layer already has) records the text it
replaced; when that text changes upstream the override has *drifted*, and status shows the old and new text.
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


@dataclass(frozen=True)
class Drift:
    """An override whose replaced text changed in a lower layer since it was recorded."""

    label: str  # "id.field"
    where: str  # "file:line" of the override
    was: Any
    now: Any


@dataclass
class KindStatus:
    kind: str
    total: int = 0
    translated: int = 0
    missing: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)  # "id" or "id.field"
    unrecorded: list[str] = field(default_factory=list)  # translated, but no fingerprint yet
    drifted: list[Drift] = field(default_factory=list)  # overrides whose replaced text changed
    overrides_unrecorded: list[str] = field(default_factory=list)  # overrides without a record of what they replaced

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
            out += [
                f"{self.lang} {k.kind} {d.label}: your override in {d.where} has drifted: the text it replaced changed "
                f"(check your override, then run: python -m macros status --accept {self.lang})"
                for d in k.drifted
            ]
            out += [
                f"{self.lang} {k.kind} {i}: override without a record of the text it replaced "
                f"(run: python -m macros status --accept {self.lang})"
                for i in k.overrides_unrecorded
            ]
        return out


def _label(item_id: str, field_name: str) -> str:
    return f"{item_id}.{field_name}" if field_name else item_id


def origin(model: Model, lang: str, kind: str, item_id: str, name: str) -> str:
    """The layer a field's text in ``lang`` comes from."""
    found = model.field_origin.get((lang, kind, item_id, name))
    return found[0] if found else model.layers[0]


def source_of(model: Model, lang: str, kind: str, item_id: str, name: str) -> Any:
    """The English a translated field is compared with: as its own layer and the ones below have it."""
    layer = origin(model, lang, kind, item_id, name)
    english = model.text_through(layer, model.source_language, kind, item_id, name)
    if english is None:  # the English comes only from a higher layer (a fork translating its own item)
        english = model.text_through(model.top_layer, model.source_language, kind, item_id, name)
    return english


def records(model: Model, lang: str, key: tuple[str, str, str], from_layer: str, skip: str = "") -> list[str]:
    """Fingerprints of one string in ``from_layer`` and every layer above it."""
    layers = model.layers[model.layers.index(from_layer) :]
    return [h for layer in layers if layer != skip for h in [model.fingerprints.get(layer, {}).get(lang, {}).get(key)] if h]


def translation_state(model: Model, lang: str, kind: str, item_id: str, name: str) -> str:
    """'current', 'stale' or 'unrecorded' for one translated field."""
    layer = origin(model, lang, kind, item_id, name)
    have = records(model, lang, (kind, item_id, name), layer)
    if not have:
        return "unrecorded"
    return "current" if fingerprint(source_of(model, lang, kind, item_id, name)) in have else "stale"


def override_of(model: Model, lang: str, kind: str, item_id: str, name: str) -> tuple[str, Any] | None:
    """(layer, replaced text) when the field's text in ``lang`` overrides a lower layer's; else None."""
    layer = origin(model, lang, kind, item_id, name)
    if layer == model.layers[0]:
        return None
    below = model.text_below(layer, lang, kind, item_id, name)
    return None if below is None else (layer, below)


def recorded_replacement(model: Model, lang: str, key: tuple[str, str, str], layer: str, skip: str = "") -> Any:
    """The replaced text recorded for an override in ``layer`` (the highest layer's record from there up), or None."""
    for above in reversed(model.layers[model.layers.index(layer) :]):
        if above == skip:
            continue
        found = model.replaced.get(above, {}).get(lang, {}).get(key)
        if found is not None:
            return found
    return None


def language_status(model: Model, lang: str) -> LanguageStatus:
    source = model.texts[model.source_language]
    own_texts = model.texts.get(lang, {})
    kinds = []
    for kind in text_kinds(model):
        ks = KindStatus(kind)
        own = own_texts.get(kind, {})
        for item_id in source.get(kind, {}):
            ks.total += 1
            if item_id not in own:
                if (kind, item_id) not in model.item_layer or lang in model.fork_languages:
                    ks.missing.append(item_id)  # a fork's own item needs text only in the fork's languages
                continue
            ks.translated += 1
        for item_id, value in own.items():
            english = strings(source.get(kind, {}).get(item_id, {}))
            for name in strings(value):
                label = _label(item_id, name)
                override = override_of(model, lang, kind, item_id, name)
                if override is not None:
                    layer, now = override
                    was = recorded_replacement(model, lang, (kind, item_id, name), layer)
                    if was is None:
                        ks.overrides_unrecorded.append(label)
                    elif was != now:
                        _layer, rel, line = model.field_origin[(lang, kind, item_id, name)]
                        ks.drifted.append(Drift(label, f"{rel}:{line}", was, now))
                if lang == model.source_language or name not in english:
                    continue
                state = translation_state(model, lang, kind, item_id, name)
                if state == "unrecorded":
                    ks.unrecorded.append(label)
                elif state == "stale":
                    ks.stale.append(label)
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
            for d in k.drifted:
                lines.append(f"  drifted: {k.kind} {d.label} ({d.where}): the text your override replaced has changed")
                lines.append(f"    was: {_show(d.was)}")
                lines.append(f"    now: {_show(d.now)}")
            for item in k.overrides_unrecorded:
                lines.append(f"  override not recorded: {k.kind} {item}")
            if show_missing:
                for item in k.missing:
                    lines.append(f"  missing: {k.kind} {item}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _show(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def accept(model: Model, lang: str, top: Path, only: list[str] | None = None) -> list[Path]:
    """Record that the current ``lang`` text is checked: translations against their English, overrides against what they replace.

    ``top``: the folder of the top layer (``model/`` upstream, the fork's top layer in a fork); nothing else is
    ever written, so a fork never edits upstream's files. ``only``: ``kind`` or ``kind/id`` filters; other
    records are kept as they were. In a fork a string already recorded by a lower layer is not repeated.
    """
    layer = model.top_layer
    source = model.texts[model.source_language]
    has_overrides = any(override_of(model, lang, k, i, n) for k, i, n in _fields(model, lang))
    if lang == model.source_language and not has_overrides:
        raise ValueError(f"{lang} is the source language: it has nothing to be translated from")
    prints = dict(model.fingerprints.get(layer, {}).get(lang, {}))
    replaced = dict(model.replaced.get(layer, {}).get(lang, {}))
    live_prints, live_replaced = set(), set()
    for kind, item_id, name in _fields(model, lang):
        key = (kind, item_id, name)
        wanted = not only or kind in only or f"{kind}/{item_id}" in only
        english = strings(source.get(kind, {}).get(item_id, {}))
        if lang != model.source_language and name in english:
            live_prints.add(key)
            h = fingerprint(source_of(model, lang, kind, item_id, name))
            if wanted and h in records(model, lang, key, origin(model, lang, kind, item_id, name), skip=layer):
                prints.pop(key, None)  # a lower layer already records it: nothing of the fork's own to keep
            elif wanted:
                prints[key] = h
        override = override_of(model, lang, kind, item_id, name)
        if override is not None:
            live_replaced.add(key)
            below, now = override
            if wanted and recorded_replacement(model, lang, key, below, skip=layer) == now:
                replaced.pop(key, None)  # a lower layer already records it
            elif wanted:
                replaced[key] = now
    # Hidden practices keep their records: a fork hides them, it does not rewrite the record.
    keep = lambda k, live: k in live or (k[0] == "practices" and k[1] in model.hidden)  # noqa: E731
    prints = {k: v for k, v in prints.items() if keep(k, live_prints)}
    replaced = {k: v for k, v in replaced.items() if keep(k, live_replaced)}
    schema = "../schemas" if layer == model.layers[0] else "../../model/schemas"
    order = _order(model, lang)
    written = []
    for folder, entries, before, head in (
        ("fingerprints", prints, model.fingerprints.get(layer, {}).get(lang, {}), _FINGERPRINTS_HEAD),
        ("replaced", replaced, model.replaced.get(layer, {}).get(lang, {}), _REPLACED_HEAD),
    ):
        path = top / folder / f"{lang}.yml"
        if entries == before and (path.exists() or not entries):
            continue  # nothing changed: leave the file as it is
        path.parent.mkdir(parents=True, exist_ok=True)
        text = head.format(schema=schema, kind=folder, lang=lang) + _dump(entries, order)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            written.append(path)
    return written


_FINGERPRINTS_HEAD = (
    "# yaml-language-server: $schema={schema}/fingerprints.schema.json\n"
    "# Written by `python -m macros status --accept {lang}`; do not edit by hand.\n"
    "# Per string: a hash of the English it was translated from. When the English changes, the status shows it as stale.\n"
)
_REPLACED_HEAD = (
    "# yaml-language-server: $schema={schema}/replaced.schema.json\n"
    "# Written by `python -m macros status --accept {lang}`; do not edit by hand.\n"
    "# Per overridden field: the text of the layers below that your override replaced. When that text changes,\n"
    "# the status shows your override as drifted, with the old and the new text.\n"
)


def _fields(model: Model, lang: str):
    """(kind, id, field) of every string ``lang`` has, in model order."""
    for kind in text_kinds(model):
        for item_id, value in model.texts.get(lang, {}).get(kind, {}).items():
            for name in strings(value):
                yield kind, item_id, name


def _order(model: Model, lang: str) -> dict[tuple[str, str, str], int]:
    keys = list(_fields(model, model.source_language)) + list(_fields(model, lang))
    return {k: i for i, k in reversed(list(enumerate(keys)))}


def _dump(entries: dict[tuple[str, str, str], Any], order: dict[tuple[str, str, str], int]) -> str:
    """Records in model order, so a new translation changes a few lines, not the whole file."""
    tree: dict[str, dict[str, Any]] = {}
    for (kind, item_id, name), value in sorted(entries.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0])):
        if name:
            tree.setdefault(kind, {}).setdefault(item_id, {})[name] = value
        else:
            tree.setdefault(kind, {})[item_id] = value
    return yaml.safe_dump(tree, allow_unicode=True, sort_keys=False, width=200) if tree else "{}\n"
