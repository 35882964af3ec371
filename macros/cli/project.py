"""The project a command works on: settings from mkdocs.yml and a fork's layers, and the model as the build sees it."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..load import coverage_rule
from ..load.loader import load_model
from ..load.settings import Settings, from_config_file
from ..model.problems import ModelInvalid
from ..model.types import Model


def load(args: argparse.Namespace) -> tuple[Settings, Model]:
    """Settings and model; an explicit ``--model`` folder brings its own ``local/`` (and layers above it) beside it."""
    cfg = from_config_file(Path(args.config))
    if getattr(args, "model", None):
        model = load_model(Path(args.model), cfg.complete_languages, fork_languages=cfg.fork_languages)
    else:
        model = load_model(cfg.model_dir, cfg.complete_languages, list(cfg.layers), cfg.fork_languages)
    problems = coverage_rule.check(model, cfg.brand)
    if problems:
        raise ModelInvalid(problems)
    return cfg, model


def top_folder(args: argparse.Namespace, cfg: Settings, model: Model) -> Path:
    """Where this project's bookkeeping goes: the fork's top layer, or upstream's model folder (never both)."""
    root = Path(args.model) if getattr(args, "model", None) else cfg.model_dir
    return root.parent / model.top_layer if model.is_fork else root
