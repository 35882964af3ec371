"""Text from YAML is untrusted: forks accept contributions from anyone.

Every text field must be plain text. Markup or template syntax is refused at
the edge (with file and line) rather than trusted to escaping further on;
the renderers escape as well, as a second wall.
"""

from __future__ import annotations

import re

_CHECKS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"<\s*/?\s*[a-zA-Z!?][^<>]*>?"), "raw HTML"),
    (re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}"), "template syntax"),
    (re.compile(r"\b(?:javascript|vbscript|data)\s*:", re.IGNORECASE), "a script link"),
)


def unsafe_parts(text: str) -> list[str]:
    """Describe each kind of markup found in ``text`` (empty when it is plain)."""
    found = []
    for pattern, what in _CHECKS:
        match = pattern.search(text)
        if match:
            found.append(f"{what} ({match.group(0)[:20]!r})")
    return found
