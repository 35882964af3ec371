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


def load_yaml(path: Path, rel: str) -> tuple[YamlDoc | None, list[Problem]]:
    """Parse ``path`` safely; return the document or the problems that stopped it."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        return None, [Problem(rel, 1, f"file is not UTF-8 ({err.reason})", "save it as UTF-8")]
    try:
        root = yaml.compose(text, Loader=_Loader)
        data = _Constructor().construct_document(root) if root is not None else None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else 1
        what = f"YAML syntax error: {err.problem or err.context}"
        return None, [Problem(rel, line, what, "fix the indentation or quoting on this line (quote text containing ': ')")]
    except yaml.YAMLError as err:  # pragma: no cover - unmarked errors are rare
        return None, [Problem(rel, 1, f"YAML error: {err}", "fix the file so it parses")]
    doc = YamlDoc(rel=rel, data=data, root=root)
    return doc, _duplicate_keys(root, rel)


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
