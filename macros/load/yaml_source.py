"""Safe YAML loading that remembers where every value came from.

PyYAML's ``safe_load`` forgets line numbers and silently keeps the last of two
duplicate keys. We compose the node tree ourselves (with libyaml's C parser where
it is installed) so that validators can point at ``file:line`` and duplicates are
reported instead of lost, and build the data from that same tree: each file is
parsed once.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..model.problems import Problem
from .text_safety import hidden_characters

# libyaml's parser where PyYAML was built with it (the wheels are): several times faster, same nodes and marks.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Constructor(yaml.constructor.SafeConstructor):
    """Turns a composed node tree into Python data with the safe tag set (no object construction)."""


@dataclass
class YamlDoc:
    """One parsed YAML file: its data plus the node tree for line look-ups."""

    rel: str
    data: Any
    root: yaml.Node | None

    def line_of(self, path: tuple[Any, ...] | list[Any]) -> int:
        """1-based line of the value at ``path``; the nearest parent if it is missing."""
        node = self.root
        line = node.start_mark.line + 1 if node is not None else 1
        for step in path:
            if isinstance(node, yaml.MappingNode):
                match = next((v for k, v in node.value if k.value == str(step)), None)
                key = next((k for k, v in node.value if k.value == str(step)), None)
                if match is None:
                    return line
                line = key.start_mark.line + 1
                node = match
            elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
                node = node.value[step]
                line = node.start_mark.line + 1
            else:
                return line
        return line

    def key_line(self, path: tuple[Any, ...], key: str) -> int:
        """Line of ``key`` inside the mapping at ``path`` (for unknown-key errors)."""
        return self.line_of((*path, key))


MAX_BYTES = 2_000_000  # the largest model file is under 100 kB; a bigger one is a mistake or an attack
MAX_DEPTH = 12  # model files nest 4 levels deep
_NESTING_START = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_NESTING_END = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


def load_yaml(path: Path, rel: str) -> tuple[YamlDoc | None, list[Problem]]:
    """Parse ``path`` safely and within bounds; return the document or the problem that stopped it.

    Never raises for bad content and never runs long: size and nesting are capped, and anchors, aliases
    and tags (which the model needs none of) are refused before anything is built from the file, so an
    alias bomb or a ``!!python`` tag stops at its first line.
    """
    try:
        raw = path.read_bytes()
    except OSError as err:
        return None, [Problem(rel, 1, f"cannot read the file ({err.strerror})", "check that it exists and can be read")]
    if len(raw) > MAX_BYTES:
        return None, [Problem(rel, 1, f"file is {len(raw):,} bytes, more than the {MAX_BYTES:,} allowed", "split it into smaller files")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        byte = raw[err.start : err.start + 1].hex()
        return None, [
            Problem(
                rel, line, f"file is not UTF-8 (byte 0x{byte} on this line)", "save the file as UTF-8 (in most editors: Save with encoding)"
            )
        ]
    problem = _unsafe_structure(text, rel)
    if problem is not None:
        return None, [problem]
    try:
        root = yaml.compose(text, Loader=_Loader)
        data = _Constructor().construct_document(root) if root is not None else None
    except yaml.MarkedYAMLError as err:
        return None, [_syntax_problem(err, rel, text)]
    except (yaml.YAMLError, ValueError, RecursionError) as err:  # pragma: no cover - unmarked errors are rare
        return None, [Problem(rel, 1, f"YAML error: {err}", "fix the file so it parses")]
    hidden = _hidden_characters(root, rel)
    if hidden:  # the file says something other than it shows: nothing in it is used
        return None, hidden
    return YamlDoc(rel=rel, data=data, root=root), _duplicate_keys(root, rel)


def _unsafe_structure(text: str, rel: str) -> Problem | None:
    """The first anchor, alias, tag or too-deep nesting in ``text``, read as a stream (nothing is built yet)."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):
            line = event.start_mark.line + 1
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                mark = "*" if isinstance(event, yaml.AliasEvent) else "&"
                return Problem(
                    rel,
                    line,
                    f"YAML {'alias' if mark == '*' else 'anchor'} '{mark}{event.anchor}' is not allowed (the portal's YAML files use none)",
                    "write the value out in full where it is needed",
                )
            tag = getattr(event, "tag", None)
            if tag and tag != "!":  # "!" is YAML's own mark for a non-plain scalar, not a type
                return Problem(
                    rel,
                    line,
                    f"YAML tag '{tag.replace('tag:yaml.org,2002:', '!!')}' is not allowed",
                    "remove the tag: the portal's YAML files hold plain text, numbers and lists only",
                )
            if isinstance(event, _NESTING_START):
                depth += 1
                if depth > MAX_DEPTH:
                    return Problem(
                        rel,
                        line,
                        f"values are nested more than {MAX_DEPTH} levels deep",
                        "model files nest a few levels only; check the brackets and indentation",
                    )
            elif isinstance(event, _NESTING_END):
                depth -= 1
    except yaml.MarkedYAMLError as err:
        return _syntax_problem(err, rel, text)
    return None


def _syntax_problem(err: yaml.MarkedYAMLError, rel: str, text: str) -> Problem:
    mark = err.problem_mark or err.context_mark
    line = mark.line + 1 if mark else 1
    problem = str(err.problem or err.context)
    context = str(err.context or "")
    if err.context_mark is not None and ("quoted scalar" in context or "flow" in context):
        # an unclosed quote or bracket is noticed lines later: point at where it opens
        start = err.context_mark.line + 1
        if "quoted scalar" in context:
            return Problem(rel, start, "YAML syntax error: a quote that is never closed", "close the quote on this line")
        return Problem(
            rel,
            start,
            "YAML syntax error: a [ or { that is never closed",
            "close it on this line, or put text containing , [ ] { } in quotes",
        )
    lines = text.splitlines()
    at = lines[mark.line][mark.column : mark.column + 1] if mark and mark.line < len(lines) else ""
    if at == "\t" or "'\\t'" in problem:
        problem, fix = "a tab character", "indent with spaces, not tabs"
    elif at in ("@", "`", "%"):
        fix = f"put the text in quotes (YAML reserves {at} at the start of a value)"
    elif "unhashable key" in problem:
        fix = "a key must be plain text, not a list or a mapping"
    elif "mapping values are not allowed" in problem:
        fix = "put text containing ': ' in quotes, or fix the indentation of this line"
    elif "expected a single document" in problem or "but found another document" in problem:
        fix = "remove the '---' line: each file holds one document"
    elif "could not find expected ':'" in problem or "simple key" in problem:
        fix = "add ':' after the key, or put the line's text in quotes"
    elif "flow" in problem or "expected ',' or ']'" in problem or "expected ',' or '}'" in problem:
        fix = "close the [ or { on this line, or put text containing , [ ] { } in quotes"
    elif "quoted scalar" in problem or "end of stream" in problem:
        fix = "close the quote that starts on or before this line"
    else:
        fix = "fix the indentation or quoting on this line (quote text containing ': ')"
    return Problem(rel, line, f"YAML syntax error: {problem}", fix)


def _hidden_characters(node: yaml.Node | None, rel: str) -> list[Problem]:
    """Bidi controls and zero-width characters anywhere (keys, IDs, text), with code point and position."""
    problems: list[Problem] = []
    stack = [node] if node is not None else []
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.ScalarNode):
            for index, name in hidden_characters(current.value):
                problems.append(
                    Problem(
                        rel,
                        current.start_mark.line + 1,
                        f"invisible character {name} at position {index + 1} of {current.value[:30]!r}",
                        "delete it (it changes how the text is shown without being seen)",
                    )
                )
        elif isinstance(current, yaml.MappingNode):
            stack += [n for pair in current.value for n in pair]
        elif isinstance(current, yaml.SequenceNode):
            stack += current.value
    return problems


def _duplicate_keys(node: yaml.Node | None, rel: str) -> list[Problem]:
    problems: list[Problem] = []
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key, value in node.value:
            line = key.start_mark.line + 1
            if key.value in seen:
                problems.append(
                    Problem(
                        rel,
                        line,
                        f"duplicate key '{key.value}' (first on line {seen[key.value]})",
                        "remove one of them or give this one a new ID",
                    )
                )
            else:
                seen[key.value] = line
            problems += _duplicate_keys(value, rel)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            problems += _duplicate_keys(item, rel)
    return problems
