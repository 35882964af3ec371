"""Layer 1 of validation: each YAML file against the JSON Schema of its kind.

jsonschema speaks in JSON paths; editors and contributors think in lines. We
translate every error to ``file:line`` with a fix, and suggest the nearest
allowed key for typos.
"""

from __future__ import annotations

import difflib
import json
from functools import cache
from pathlib import Path

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from ..model.problems import Problem
from .yaml_source import YamlDoc

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "model" / "schemas"


RELAXED = "-override"  # "text-override": the text schema without required fields (a fork's layer names only what it changes)


@cache
def validator(kind: str, schema_dir: Path = SCHEMA_DIR) -> Draft202012Validator:
    base = kind.removesuffix(RELAXED)
    schema = json.loads((schema_dir / f"{base}.schema.json").read_text(encoding="utf-8"))
    if kind != base:
        schema = _without_required(schema)
    return Draft202012Validator(schema)


def required_fields(kind: str, schema_dir: Path = SCHEMA_DIR) -> dict[str, tuple[str, ...]]:
    """Text kind -> the fields every item of that kind needs (from the text schema), e.g. practices -> title, summary, ..."""
    schema = json.loads((schema_dir / f"{kind}.schema.json").read_text(encoding="utf-8"))
    out = {}
    for name, prop in schema["properties"].items():
        ref = (prop.get("additionalProperties") or {}).get("$ref", "")
        out[name] = tuple(schema["$defs"][ref.rsplit("/", 1)[-1]].get("required", ())) if ref else ()
    return out


def _without_required(node):
    if isinstance(node, dict):
        return {k: _without_required(v) for k, v in node.items() if k != "required"}
    if isinstance(node, list):
        return [_without_required(v) for v in node]
    return node


def check(doc: YamlDoc, kind: str, schema_dir: Path = SCHEMA_DIR) -> list[Problem]:
    """All schema problems of one document, each with its line and a fix."""
    v = validator(kind, schema_dir)
    return [p for err in v.iter_errors(doc.data) for p in _explain(doc, err)]


def _where(path: tuple) -> str:
    return ".".join(str(p) for p in path) or "the file"


def _explain(doc: YamlDoc, err: ValidationError) -> list[Problem]:
    path = tuple(err.absolute_path)
    line = doc.line_of(path)
    where = _where(path)
    schema = err.schema if isinstance(err.schema, dict) else {}
    if err.validator == "additionalProperties" and isinstance(err.instance, dict):
        allowed = sorted(schema.get("properties", {}))
        extra = [k for k in err.instance if k not in allowed]
        out = []
        for key in extra:
            close = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.6)
            hint = f"did you mean '{close[0]}'?" if close else f"allowed keys here: {', '.join(allowed)}"
            out.append(Problem(doc.rel, doc.key_line(path, key), f"unknown key '{key}' in {where}", hint))
        return out
    if err.validator == "required":
        missing = err.message.split("'")[1] if "'" in err.message else err.message
        return [Problem(doc.rel, line, f"{where} is missing '{missing}'", f"add a '{missing}:' line")]
    if err.validator == "type" and schema.get("type") == "string" and isinstance(err.instance, (int, float)):
        return [
            Problem(
                doc.rel,
                line,
                f"{where} is the number {err.instance!r}, not text",
                f'put it in quotes: "{err.instance}" (YAML reads 7.1 as a number)',
            )
        ]
    if err.validator == "type":
        return [
            Problem(
                doc.rel,
                line,
                f"{where} should be {schema.get('type')}, found {_FOUND.get(type(err.instance).__name__, type(err.instance).__name__)}",
                f"write it as {_shape(schema.get('type'))}",
            )
        ]
    if err.validator == "enum":
        choices = ", ".join(map(str, schema.get("enum", [])))
        return [Problem(doc.rel, line, f"{where} has {err.instance!r}, which is not allowed", f"use one of: {choices}")]
    if err.validator == "pattern":
        description = schema.get("description", "")
        # Only IDs and clause numbers are called IDs: a colour or a path is named by what it should be.
        what = "a valid ID" if "ID" in description or "clause number" in description else (description or "in the expected form")
        return [
            Problem(
                doc.rel,
                line,
                f"{where} has {err.instance!r}, which is not {what}",
                f"expected {description or 'the pattern ' + schema.get('pattern', '')}",
            )
        ]
    if err.validator in ("minItems", "minLength"):
        return [Problem(doc.rel, line, f"{where} is empty", "fill it in")]
    if err.validator == "uniqueItems":
        return [Problem(doc.rel, line, f"{where} lists the same value twice", "remove the repeat")]
    return [Problem(doc.rel, line, f"{where}: {err.message}", "see the schema in model/schemas/")]


_FOUND = {"NoneType": "nothing (an empty value)", "dict": "a mapping", "list": "a list", "str": "text", "bool": "true/false"}


def _shape(kind: str | None) -> str:
    return {
        "object": "a mapping of 'key: value' lines",
        "array": "a list ('- item' lines or [a, b])",
        "string": "text",
        "integer": "a whole number",
        "boolean": "true or false",
    }.get(kind or "", str(kind))
