"""Root cause first: a file that cannot be read is reported before everything it breaks, which is left out.

One broken text file used to print about seventy "has no en text" lines with the real cause last. A file
that fails to parse or to match its schema is *broken*: its own problems come first, and a later problem
that only says what the broken file would have provided (text of its language, the item it defines) is
counted instead of listed. Messages are our own, so matching them on the language or the item ID is exact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model.problems import Problem


@dataclass(frozen=True)
class Broken:
    """A file that was dropped: its kind of content and what it would have defined (an item ID or a language)."""

    rel: str
    kind: str
    defines: str


def order(problems: list[Problem], broken: list[Broken]) -> tuple[list[Problem], int]:
    """Problems of broken files first, then the others minus their follow-ons; and how many were left out."""
    if not broken:
        return sorted(set(problems)), 0
    files = {b.rel for b in broken}
    # Within a file, a missing required key comes after the rest: it is usually a typo reported as an unknown key.
    causes = sorted({p for p in problems if p.file in files}, key=lambda p: (p.file, "is missing '" in p.message, p.line, p.message))
    others = sorted({p for p in problems if p.file not in files})
    follows = _follow_on_test(broken)
    kept = [p for p in others if not follows(p)]
    return causes + kept, len(others) - len(kept)


def _follow_on_test(broken: list[Broken]):
    if any(b.kind == "model" for b in broken):  # no vocabularies, scale or pyramid: every later check is unreliable
        return lambda p: True
    langs = {b.defines for b in broken if b.kind in ("text", "fingerprints")}
    ids = {b.defines for b in broken if b.kind not in ("text", "fingerprints", "changelog", "hide", "portal")}
    lang_patterns = [re.compile(rf"(has no|not in|no) {re.escape(lang)} text|but not in {re.escape(lang)}\b") for lang in langs]
    id_pattern = re.compile(r"(?<![\w.-])(" + "|".join(map(re.escape, sorted(ids))) + r")(-e\d+)?(?![\w.-])") if ids else None

    def follows(p: Problem) -> bool:
        text = f"{p.message} {p.fix}"
        return any(pat.search(text) for pat in lang_patterns) or bool(id_pattern and id_pattern.search(p.message))

    return follows
