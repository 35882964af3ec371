"""A portal's settings: upstream defaults in ``mkdocs.yml``, a fork's own in ``local/portal.yml``.

A fork sets its name, languages, colours, logo and links in one file it owns,
so pulling upstream never conflicts with them. The file is validated like the
model (schema, then what a schema cannot say: files exist, colours keep AA contrast).

Layers: ``local/`` is a fork's first layer. A fork of that fork adds its own folder of the same shape
whose ``portal.yml`` says ``above: local`` (and a third one ``above:`` the second), so each layer only
ever adds its own folder. Settings merge upward; the top layer owns the bookkeeping (fingerprints,
published URLs, version) because it is the one whose maintainers run the commands.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import material
import yaml

from ..model.problems import ModelInvalid, Problem
from . import schemas
from .hints import did_you_mean
from .text_safety import PLAIN_TEXT_FIX, unsafe_parts
from .yaml_source import load_yaml

THEME_LANGUAGES = Path(material.__file__).parent / "templates" / "partials" / "languages"
MIN_CONTRAST = 4.5  # WCAG 2.1 AA for normal text


@dataclass(frozen=True)
class Settings:
    project: Path
    languages: tuple[str, ...]
    complete_languages: tuple[str, ...]
    model_dir: Path
    local_dir: Path
    docs_root: Path
    brand: dict[str, Any] = field(default_factory=dict)  # the layers' portal.yml files, merged upward
    layers: tuple[Path, ...] = ()  # a fork's layer folders, lowest first (local/ first); empty upstream

    @property
    def fork_languages(self) -> tuple[str, ...]:
        """The languages a fork's own items need text in: its complete languages if it names them, else its first language."""
        if not self.layers:
            return self.complete_languages
        return tuple(self.brand.get("complete_languages") or self.languages[:1])

    @property
    def is_fork(self) -> bool:
        return bool(self.layers)

    @property
    def top(self) -> Path:
        """Where commands write their bookkeeping: the top layer in a fork, the model folder upstream."""
        return self.layers[-1] if self.layers else self.model_dir

    def rel(self, path: Path) -> str:
        return path.relative_to(self.project).as_posix() if path.is_relative_to(self.project) else str(path)


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
    layers, problems = layer_dirs(project, local_dir)
    brand: dict[str, Any] = {}
    for i, layer in enumerate(layers):
        data, found = read_brand(project, layer, layers[: i + 1])
        problems += found
        brand = merge_brand(brand, data)
    problems += check_languages(project, layers)
    for folder in [*(layer / "assets" for layer in layers), project / portal.get("docs_root", "docs")]:
        problems += links_outside(project, folder)
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
        tuple(layers),
    )


def from_config_file(config_file: Path) -> Settings:
    config_file = Path(config_file).resolve()
    return load(config_file.parent, mkdocs_portal(config_file))


def layer_dirs(project: Path, local_dir: Path) -> tuple[list[Path], list[Problem]]:
    """The fork's layers, lowest first: ``local/``, then each folder whose ``portal.yml`` says ``above:`` the one below."""
    if not local_dir.is_dir():
        return [], []
    above: dict[str, list[Path]] = {}
    for path in sorted(project.glob("*/portal.yml")):
        if path.parent == local_dir:
            continue
        doc, _problems = load_yaml(path, path.relative_to(project).as_posix())  # read again, and reported, when it is a layer
        if doc is not None and isinstance(doc.data, dict) and isinstance(doc.data.get("above"), str):
            above.setdefault(doc.data["above"].strip("/"), []).append(path.parent)
    chain, problems = [local_dir], []
    while True:
        name = chain[-1].relative_to(project).as_posix()
        nxt = above.pop(name, [])
        if len(nxt) > 1:
            names = " and ".join(f"{p.name}/portal.yml" for p in nxt)
            problems.append(Problem(f"{nxt[1].name}/portal.yml", 1, f"{names} both say 'above: {name}'", "put one above the other"))
        if not nxt:
            break
        chain.append(nxt[0])
    for name, folders in above.items():
        for folder in folders:
            rel = f"{folder.name}/portal.yml"
            known = [p.relative_to(project).as_posix() for p in chain]
            problems.append(Problem(rel, 1, f"'above: {name}' names no layer of this portal", did_you_mean(name, known)))
    return chain, problems


def merge_brand(below: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
    """A higher layer's settings win key by key; name, colours and contact merge one level deep."""
    out = dict(below)
    for key, value in data.items():
        if key == "above":
            continue
        out[key] = {**out[key], **value} if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


def check_languages(project: Path, layers: list[Path]) -> list[Problem]:
    """Every language code a fork asks for must be one the theme can speak (else MkDocs stops with TemplateNotFound)."""
    known = sorted(p.stem for p in THEME_LANGUAGES.glob("*.html"))
    problems = []
    for layer in layers:
        path = layer / "portal.yml"
        doc = load_yaml(path, path.relative_to(project).as_posix())[0] if path.exists() else None
        if doc is None or not isinstance(doc.data, dict):
            continue
        for key in ("languages", "complete_languages"):
            for i, code in enumerate(doc.data.get(key) or []):
                if code not in known:
                    problems.append(
                        Problem(
                            doc.rel,
                            doc.line_of((key, i)),
                            f"'{code}' in {key} is not a language code the theme knows",
                            _code_hint(code, known),
                        )
                    )
    return problems


def _code_hint(code: str, known: list[str]) -> str:
    """Codes one letter away (a typo such as ge for de), else the usual closest match."""
    near = [k for k in known if len(k) == len(code) and sum(a != b for a, b in zip(k, code, strict=True)) == 1]
    if near:
        return "did you mean " + " or ".join(f"'{k}'" for k in near[:4]) + "? (ISO 639-1 codes, as the theme names its translations)"
    return did_you_mean(code, known, f"use a code such as de, fr or pt-BR (known: {', '.join(known)})")


def read_brand(project: Path, local_dir: Path, layers: list[Path] | None = None) -> tuple[dict[str, Any], list[Problem]]:
    """One layer's ``portal.yml``, checked; a logo or favicon may come from this layer or one below (``layers``)."""
    path = local_dir / "portal.yml"
    if not path.exists():
        return {}, []
    layers = layers or [local_dir]
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
    here = local_dir.relative_to(project).as_posix() if local_dir.is_relative_to(project) else local_dir.name
    for key in ("logo", "favicon"):
        if key not in data:
            continue
        targets = [((layer / data[key]).resolve(), (layer / "assets").resolve()) for layer in layers]
        if not all(target.is_relative_to(assets) for target, assets in targets):
            problems.append(
                Problem(
                    rel,
                    doc.line_of((key,)),
                    f"{key} path {data[key]} leads outside {here}/assets/",
                    f"use a file under {here}/assets/, without '..' (and not a link to a file elsewhere)",
                )
            )
        elif not any(target.is_file() for target, _assets in targets):
            problems.append(
                Problem(
                    rel,
                    doc.line_of((key,)),
                    f"{key} file {here}/{data[key]} does not exist",
                    f"put the file at {here}/{data[key]} or fix the path",
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


def links_outside(project: Path, folder: Path) -> list[Problem]:
    """Every file in ``folder`` is published (a layer's assets/, the prose in docs/): a link in it to a file
    outside the folder would publish that file, so links must stay inside, resolved."""
    if not folder.is_dir():
        return []
    inside = folder.resolve()
    here = folder.relative_to(project).as_posix() if folder.is_relative_to(project) else str(folder)
    out = []
    for path in sorted(folder.rglob("*")):
        if path.is_symlink() and not path.resolve().is_relative_to(inside):
            rel = path.relative_to(project).as_posix() if path.is_relative_to(project) else str(path)
            out.append(
                Problem(
                    rel,
                    1,
                    f"this link points outside {here}/ and would publish that file",
                    f"copy the file into {here}/ instead of linking to it",
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
