"""A portal's settings: upstream defaults in ``mkdocs.yml``, a fork's own in ``local/portal.yml``.

A fork sets its name, languages, colours, logo and links in one file it owns,
so pulling upstream never conflicts with them. The file is validated like the
model (schema, then what a schema cannot say: files exist, colours keep AA contrast).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..model.problems import ModelInvalid, Problem
from . import schemas
from .text_safety import PLAIN_TEXT_FIX, unsafe_parts
from .yaml_source import load_yaml

MIN_CONTRAST = 4.5  # WCAG 2.1 AA for normal text


@dataclass(frozen=True)
class Settings:
    project: Path
    languages: tuple[str, ...]
    complete_languages: tuple[str, ...]
    model_dir: Path
    local_dir: Path
    docs_root: Path
    brand: dict[str, Any] = field(default_factory=dict)  # local/portal.yml as read


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without running its tags (!ENV, !!python/name): we only need plain values."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def mkdocs_portal(config_file: Path) -> dict[str, Any]:
    data = yaml.load(Path(config_file).read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}
    return dict((data.get("extra") or {}).get("portal") or {})


def load(project: Path, portal: dict[str, Any]) -> Settings:
    """Settings from the ``extra.portal`` block plus ``local/portal.yml``; raise ModelInvalid on a bad file."""
    project = Path(project)
    local_dir = project / portal.get("local_dir", "local")
    brand, problems = read_brand(project, local_dir)
    if problems:
        raise ModelInvalid(problems)
    languages = tuple(brand.get("languages") or portal.get("languages") or ("en", "nl"))
    complete = tuple(brand.get("complete_languages") or portal.get("complete_languages") or ("en", "nl"))
    return Settings(
        project,
        languages,
        tuple(x for x in complete if x in languages) or complete,
        project / portal.get("model_dir", "model"),
        local_dir,
        project / portal.get("docs_root", "docs"),
        brand,
    )


def from_config_file(config_file: Path) -> Settings:
    config_file = Path(config_file).resolve()
    return load(config_file.parent, mkdocs_portal(config_file))


def read_brand(project: Path, local_dir: Path) -> tuple[dict[str, Any], list[Problem]]:
    path = local_dir / "portal.yml"
    if not path.exists():
        return {}, []
    rel = str(path.relative_to(project)) if path.is_relative_to(project) else str(path)
    doc, problems = load_yaml(path, rel)
    if doc is None:
        return {}, problems
    if not isinstance(doc.data, dict):
        return {}, [Problem(rel, 1, "portal.yml is empty or not a mapping", "write 'key: value' lines, see the fork guide")]
    problems += schemas.check(doc, "portal")
    if problems:
        return {}, problems
    data = doc.data
    problems += _plain_branding(doc)
    problems += _assets_inside(project, local_dir)
    assets = (local_dir / "assets").resolve()
    for key in ("logo", "favicon"):
        if key not in data:
            continue
        target = (local_dir / data[key]).resolve()
        if not target.is_relative_to(assets):
            problems.append(
                Problem(
                    rel,
                    doc.line_of((key,)),
                    f"{key} path {data[key]} leads outside local/assets/",
                    "use a file under local/assets/, without '..' (and not a link to a file elsewhere)",
                )
            )
        elif not target.is_file():
            problems.append(
                Problem(
                    rel,
                    doc.line_of((key,)),
                    f"{key} file local/{data[key]} does not exist",
                    f"put the file at local/{data[key]} or fix the path",
                )
            )
    for key, colour in (data.get("colours") or {}).items():
        ratio = contrast(colour, "#ffffff")
        if ratio < MIN_CONTRAST:
            problems.append(
                Problem(
                    rel,
                    doc.line_of(("colours", key)),
                    f"colours.{key} {colour} has contrast {ratio:.2f}:1 with white (WCAG AA needs {MIN_CONTRAST}:1)",
                    "choose a darker colour",
                )
            )
    langs = data.get("languages") or []
    for lang in data.get("complete_languages") or []:
        if langs and lang not in langs:
            problems.append(
                Problem(
                    rel,
                    doc.line_of(("complete_languages",)),
                    f"complete language '{lang}' is not in languages",
                    "add it to languages or remove it here",
                )
            )
    return data, problems


def _plain_branding(doc) -> list[Problem]:
    """The fork's name and organisation reach every page: the same plain-text rule as model text."""
    data, out = doc.data, []
    fields = [(("organisation",), data.get("organisation"))]
    fields += [(("site_name", lang), name) for lang, name in (data.get("site_name") or {}).items()]
    for path, value in fields:
        for what in unsafe_parts(value) if isinstance(value, str) else ():
            out.append(Problem(doc.rel, doc.line_of(path), f"{'.'.join(path)} contains {what}", PLAIN_TEXT_FIX))
    return out


def _assets_inside(project: Path, local_dir: Path) -> list[Problem]:
    """Everything in local/assets/ is published: a link to a file outside the folder would publish that file."""
    folder = local_dir / "assets"
    if not folder.is_dir():
        return []
    inside = folder.resolve()
    out = []
    for path in sorted(folder.rglob("*")):
        if path.is_symlink() and not path.resolve().is_relative_to(inside):
            rel = path.relative_to(project).as_posix() if path.is_relative_to(project) else str(path)
            out.append(
                Problem(
                    rel,
                    1,
                    "this link points outside local/assets/ and would publish that file",
                    "copy the file into local/assets/ instead of linking to it",
                )
            )
    return out


def contrast(fg: str, bg: str) -> float:
    """WCAG 2.1 contrast ratio of two #rrggbb colours."""

    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    light, dark = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
