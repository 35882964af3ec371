"""Shared fixtures: a tiny fixture model for fast tests, the real catalogue built once."""

from __future__ import annotations

import functools
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from macros.cli.build import build_site
from macros.load.loader import load_model
from macros.model.types import Model

PROJECT = Path(__file__).resolve().parent.parent
FIXTURE_MODEL = PROJECT / "tests" / "fixtures" / "model"


@functools.cache
def shared_model() -> Model:
    """The real model, loaded once per test session (frozen: tests that change text load their own)."""
    return load_model(PROJECT / "model")


@pytest.fixture(scope="session")
def real_model() -> Model:
    return shared_model()


def make_project(dest: Path, model: Path = FIXTURE_MODEL) -> Path:
    """A throwaway copy of the portal around ``model``: config, prose, theme, the real code."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy(PROJECT / "mkdocs.yml", dest / "mkdocs.yml")
    for folder in ("docs", "overrides"):
        shutil.copytree(PROJECT / folder, dest / folder)
    (dest / "macros").symlink_to(PROJECT / "macros")
    shutil.copytree(model, dest / "model")
    if model == FIXTURE_MODEL:  # the fixture borrows the real interface strings (ui.yml and every ui-<feature>.yml)
        for lang in ("en", "nl"):
            for ui in (PROJECT / "model" / "text" / lang).glob("ui*.yml"):
                shutil.copy(ui, dest / "model" / "text" / lang / ui.name)
    return dest


@pytest.fixture
def fixture_project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "project")


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Path:
    project = make_project(tmp_path_factory.mktemp("fixture") / "project")
    return build_site(project / "mkdocs.yml")


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """The real catalogue, built once per test session (both languages)."""
    return build_site(PROJECT / "mkdocs.yml", tmp_path_factory.mktemp("real") / "site")


def edit_yaml(path: Path, change: Callable[[str], str]) -> None:
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")


@pytest.fixture(scope="session")
def site_url(real_site):
    from .browser import serve

    server, url = serve(real_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    from .browser import CHROMIUM_FLAGS, chromium_path

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    pg = context.new_page()
    yield pg
    context.close()
