"""Build every language into one site, all or nothing.

Each language is a separate MkDocs build into a fresh temporary folder next
to the target; only when all succeed does the folder replace ``site/``. A
failed build (bad YAML, broken link in strict mode) leaves the published
output exactly as it was.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError, PluginError

from ..load.settings import from_config_file
from ..model.problems import ModelInvalid
from ..urls import published
from ..urls.languages import ENV_VAR

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


class BuildFailed(Exception):
    pass


def configured_languages(config_file: Path) -> list[str]:
    """Languages from mkdocs.yml, or from a fork's local/portal.yml when it sets them."""
    try:
        return list(from_config_file(config_file).languages)
    except ModelInvalid as err:
        raise BuildFailed(str(err)) from err


def build_site(config_file: Path, site_dir: Path | None = None, quiet: bool = True) -> Path:
    """Build all languages; replace ``site_dir`` only if every build succeeds."""
    config_file = Path(config_file).resolve()
    target = Path(site_dir).resolve() if site_dir else config_file.parent / "site"
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=target.parent))
    previous = os.environ.get(ENV_VAR)
    log = logging.getLogger("mkdocs")
    log.setLevel(logging.INFO)
    collector = _Collector()
    log.addHandler(collector)
    if not quiet:  # only what needs the writer's attention: warnings and errors, marked
        echo = logging.StreamHandler()
        echo.setLevel(logging.WARNING)
        echo.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
        echo.addFilter(lambda record: record.levelno < logging.ERROR)  # errors end the build: reported once, cause first
        log.addHandler(echo)
    try:
        gone = _removed_urls(config_file)
        if gone:  # before building: no need to wait for the pages to know a listed URL was dropped
            raise BuildFailed("\n".join(gone) + f"\n{len(gone)} published URL(s) removed from the list")
        for lang in configured_languages(config_file):
            os.environ[ENV_VAR] = lang
            try:
                mkdocs_build(load_config(str(config_file), site_dir=str(staging)))
            except (Abort, ConfigurationError, PluginError) as err:
                raise BuildFailed(collector.report(str(err)) + f"\n(in the {lang} build)") from err
        _check_published(config_file, staging)
        _swap(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        log.removeHandler(collector)
        if not quiet:
            log.removeHandler(echo)
        if previous is None:
            os.environ.pop(ENV_VAR, None)
        else:
            os.environ[ENV_VAR] = previous
    return target


def _removed_urls(config_file: Path) -> list[str]:
    """Lines dropped from any published list (upstream's and each fork layer's own): each list is append-only."""
    project = config_file.parent
    try:
        layers = from_config_file(config_file).layers
    except ModelInvalid as err:
        raise BuildFailed(str(err)) from err
    return [p for path in published.files(project, layers) for p in published.removed(path, path.relative_to(project).as_posix())]


def _check_published(config_file: Path, staging: Path) -> None:
    """Every URL in model/published-urls.txt and in each fork layer's own list must still work in the new site."""
    project = config_file.parent
    problems = []
    for path in published.files(project, from_config_file(config_file).layers):
        listed = published.read(path)
        if listed:
            problems += published.unresolved(staging, listed, configured_languages(config_file), path.relative_to(project).as_posix())
    if problems:
        raise BuildFailed("\n".join(problems) + f"\n{len(problems)} published URL(s) would break")


class _Collector(logging.Handler):
    """Keeps MkDocs' errors and warnings so a failed build can say why: the errors (the cause) first."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.errors: list[str] = []
        self.warnings: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.ERROR:
            self.errors.append(record.getMessage())
        else:
            self.warnings.append(f"{record.levelname}: {record.getMessage()}")

    def report(self, fallback: str) -> str:
        """The errors as logged (MkDocs' own "Aborted with a BuildError!" only when nothing better was said), then warnings."""
        return "\n".join(self.errors or [fallback]) + "".join(f"\n{w}" for w in self.warnings)


def _swap(staging: Path, target: Path) -> None:
    old = target.with_name(target.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    staging.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def summary(site: Path, languages: list[str], seconds: float) -> str:
    """One line after a good build: where, which languages, how many pages and downloads, how long."""
    roots = [site / lang if i else site for i, lang in enumerate(languages)]

    def own(root: Path, page: Path) -> bool:  # not inside another language's folder below this root
        return not any(r != root and root in r.parents and r in page.parents for r in roots)

    pages = sum(1 for root in roots for p in root.rglob("index.html") if own(root, p))
    downloads = sum(1 for root in roots for p in (root / "downloads").glob("*.*") if p.name != "index.html")
    return f"built {site}: {', '.join(languages)} · {pages} pages · {downloads} downloads · {seconds:.1f} s"


def run(args) -> int:
    started = time.perf_counter()
    config = Path(args.config)
    try:
        out = build_site(config, Path(args.site_dir) if args.site_dir else None, quiet=False)
    except BuildFailed as err:
        print(f"{err}\nbuild failed, site/ left untouched", file=sys.stderr)  # the cause first
        return 1
    print(summary(out, configured_languages(config), time.perf_counter() - started))
    return 0
