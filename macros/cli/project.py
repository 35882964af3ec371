"""The project a command works on: settings from mkdocs.yml and local/portal.yml, and the model as the build sees it."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..load.loader import load_model
from ..load.settings import Settings, from_config_file
from ..model.types import Model


def load(args: argparse.Namespace) -> tuple[Settings, Model]:
    """Settings and model; an explicit ``--model`` folder brings its own ``local/`` beside it."""
    cfg = from_config_file(Path(args.config))
    if getattr(args, "model", None):
        return cfg, load_model(Path(args.model), cfg.complete_languages)
    return cfg, load_model(cfg.model_dir, cfg.complete_languages, cfg.local_dir)
