"""Load ``model/`` (and a fork's ``local/``) into a validated, frozen :class:`Model`.

The pipeline: read every file once and check it against its JSON Schema (:mod:`.reader`), build the
model (:mod:`.assemble`), then check what only the whole model can tell (:mod:`.checks`, :mod:`.terms`,
:mod:`.changelog`). All problems are raised together, before anything is written, so a bad edit can
never publish a half-built site.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..model.problems import ModelInvalid, Problem
from ..model.types import Model
from . import causes, changelog, checks, crosswalks, style, terms
from .assemble import assemble
from .reader import LOCAL_PREFIX, Sources, read_sources
from .settings import from_config_file, layer_dirs

SHIPPED_LANGUAGES = ("en", "nl")
__all__ = ["LOCAL_PREFIX", "SHIPPED_LANGUAGES", "load_model", "load_model_cached", "validate"]


Layers = Path | Sequence[Path] | None


def layer_folders(root: Path, local_dir: Layers) -> list[Path]:
    """The fork's layers, lowest first: as given, or ``local/`` beside ``model/`` and the layers above it."""
    if local_dir is None:
        return layer_dirs(root.parent, root.parent / "local")[0]
    return [Path(p) for p in ([local_dir] if isinstance(local_dir, (str, Path)) else local_dir)]


def _configured_fork_languages(root: Path) -> tuple[str, ...]:
    """A fork's own languages from its portal.yml, when the caller did not say (tests and tools that load the model only)."""
    config = root.parent / "mkdocs.yml"
    if not config.is_file():
        return ()
    try:
        return from_config_file(config).fork_languages
    except ModelInvalid:
        return ()  # reported with file and line when the settings themselves are loaded


def load_model(
    root: Path, complete_languages: tuple[str, ...] = SHIPPED_LANGUAGES, local_dir: Layers = None, fork_languages: Sequence[str] = ()
) -> Model:
    """Read and validate the model under ``root``; raise :class:`ModelInvalid` listing every problem.

    ``local_dir`` (default: ``local/`` beside ``model/``, and any layer above it) holds a fork's own layers:
    extra practices, text overrides, hidden upstream practices. They are applied here, at load time, so every
    consumer (pages, checklists, downloads) sees the same model and never a hidden practice.
    ``fork_languages``: the languages a fork's own items need text in (default: the complete languages).
    """
    root = Path(root)
    folders = layer_folders(root, local_dir)
    if folders and not fork_languages:
        fork_languages = _configured_fork_languages(root)
    src = read_sources(root, folders)
    model = assemble(src, tuple(complete_languages), tuple(fork_languages))
    problems = src.problems + validate(model, src, tuple(complete_languages))
    if problems:
        ordered, left_out = causes.order(problems, src.broken)
        raise ModelInvalid(ordered, left_out, ordered=True)
    return model


def validate(model: Model, src: Sources, complete_languages: tuple[str, ...]) -> list[Problem]:
    """Layer 2: every check that needs the whole model. Pure: nothing is read or written."""
    problems = []
    if "en" not in src.texts or not src.texts["en"]:
        problems.append(Problem("model/text", 1, "there is no English text", "add model/text/en/*.yml"))
    problems += checks.check_references(model, src)
    problems += checks.check_provenance(model, src)
    if src.meta:
        problems += checks.check_scale(model, src.meta)
    problems += checks.check_texts(model, src, complete_languages)
    problems += checks.check_fields(model, src, complete_languages)
    for doc in src.fork_changelogs:
        problems += changelog.check_fork(model, doc)
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


def load_model_cached(
    root: Path, complete_languages: tuple[str, ...] = SHIPPED_LANGUAGES, local_dir: Layers = None, fork_languages: Sequence[str] = ()
) -> Model:
    """Load once per process while no model file changes (one load serves every language build)."""
    root = Path(root).resolve()
    layers = tuple(p.resolve() for p in layer_folders(root, local_dir))
    files = [p for folder in (root, *layers) for p in folder.rglob("*") if p.is_file()]
    stamp = tuple(sorted((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files))
    key = (root, layers, tuple(complete_languages), tuple(fork_languages), stamp)
    if key not in _cache:
        _cache.clear()
        _cache[key] = load_model(root, complete_languages, list(layers), fork_languages)
    return _cache[key]
