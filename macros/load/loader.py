"""Load ``model/`` (and a fork's ``local/``) into a validated, frozen :class:`Model`.

The pipeline: read every file once and check it against its JSON Schema (:mod:`.reader`), build the
model (:mod:`.assemble`), then check what only the whole model can tell (:mod:`.checks`, :mod:`.terms`,
:mod:`.changelog`). All problems are raised together, before anything is written, so a bad edit can
never publish a half-built site.
"""

from __future__ import annotations

from pathlib import Path

from ..model.problems import ModelInvalid, Problem
from ..model.types import Model
from . import changelog, checks, crosswalks, style, terms
from .assemble import assemble
from .reader import LOCAL_PREFIX, Sources, read_sources

SHIPPED_LANGUAGES = ("en", "nl")
__all__ = ["LOCAL_PREFIX", "SHIPPED_LANGUAGES", "load_model", "load_model_cached", "validate"]


def load_model(root: Path, complete_languages: tuple[str, ...] = SHIPPED_LANGUAGES, local_dir: Path | None = None) -> Model:
    """Read and validate the model under ``root``; raise :class:`ModelInvalid` listing every problem.

    ``local_dir`` (default: ``local/`` beside ``model/``) holds a fork's own layer: extra practices,
    text overrides, hidden upstream practices. It is applied here, at load time, so every consumer
    (pages, checklists, downloads) sees the same model and never a hidden practice.
    """
    root = Path(root)
    src = read_sources(root, Path(local_dir) if local_dir else root.parent / "local")
    model = assemble(src, tuple(complete_languages))
    problems = src.problems + validate(model, src, tuple(complete_languages))
    if problems:
        raise ModelInvalid(problems)
    return model


def validate(model: Model, src: Sources, complete_languages: tuple[str, ...]) -> list[Problem]:
    """Layer 2: every check that needs the whole model. Pure: nothing is read or written."""
    problems = []
    if "en" not in src.texts or not src.texts["en"]:
        problems.append(Problem("model/text", 1, "there is no English text", "add model/text/en/*.yml"))
    problems += checks.check_references(model, src)
    if src.meta:
        problems += checks.check_scale(model, src.meta)
    problems += checks.check_texts(model, src, complete_languages)
    if src.changelog:
        problems += changelog.check(model, src.changelog, src.meta)
        practices = src.docs["practices"]
        replaces = {i: tuple(d.data["replaces"]) for i, d in practices.items() if d.data.get("replaces")}
        problems += changelog.check_replaces(model, replaces, lambda i: (practices[i].rel, practices[i].line_of(("replaces",))))
    problems += terms.check(model, src, complete_languages)
    problems += crosswalks.check(model, src)
    problems += style.check(model, src)
    return problems


_cache: dict[tuple, Model] = {}


def load_model_cached(root: Path, complete_languages: tuple[str, ...] = SHIPPED_LANGUAGES, local_dir: Path | None = None) -> Model:
    """Load once per process while no model file changes (one load serves every language build)."""
    root = Path(root).resolve()
    local = Path(local_dir).resolve() if local_dir else root.parent / "local"
    files = [p for folder in (root, local) for p in folder.rglob("*") if p.is_file()]
    stamp = tuple(sorted((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files))
    key = (root, local, tuple(complete_languages), stamp)
    if key not in _cache:
        _cache.clear()
        _cache[key] = load_model(root, complete_languages, local)
    return _cache[key]
