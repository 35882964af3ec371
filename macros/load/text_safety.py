"""Text from YAML is untrusted: forks accept contributions from anyone.

Every text field must be plain text. Markup or template syntax is refused at
the edge (with file and line) rather than trusted to escaping further on;
the renderers escape as well, as a second wall. Characters that change how
text is shown without being seen (bidi overrides, zero-width characters) are
refused everywhere in a YAML file, IDs included: they can make a text or an
ID read differently from what it is.
"""

from __future__ import annotations

import re
import unicodedata

_CHECKS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"<\s*/?\s*[a-zA-Z!?][^<>]*>?"), "raw HTML"),
    (re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}"), "template syntax"),
    (re.compile(r"\b(?:javascript|vbscript|data)\s*:", re.IGNORECASE), "a script link"),
)

# Bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) and zero-width characters.
# Control characters other than tab and line breaks (U+0000-U+001F, U+007F-U+009F) are refused with them.
HIDDEN = re.compile("[\u202a-\u202e\u2066-\u2069\u200b-\u200d\u2060\ufeff\u180e\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
PLAIN_TEXT_FIX = "write plain text: no HTML, no {{ }} or {% %}, no script links"


def unsafe_parts(text: str) -> list[str]:
    """Describe each kind of markup found in ``text`` (empty when it is plain)."""
    found = []
    for pattern, what in _CHECKS:
        match = pattern.search(text)
        if match:
            found.append(f"{what} ({match.group(0)[:20]!r})")
    return found


def hidden_characters(text: str) -> list[tuple[int, str]]:
    """Each invisible control character in ``text``: (0-based position, 'U+202E RIGHT-TO-LEFT OVERRIDE')."""
    return [(m.start(), f"U+{ord(m.group()):04X} {unicodedata.name(m.group(), 'CONTROL CHARACTER')}") for m in HIDDEN.finditer(text)]
