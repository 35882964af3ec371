"""The "did you mean" of every message that names an unknown value: one answer to one question."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def closest(value: str, known: Iterable) -> str | None:
    close = difflib.get_close_matches(str(value), [str(k) for k in known], n=1, cutoff=0.6)
    return close[0] if close else None


def did_you_mean(value: str, known: Iterable, otherwise: str | None = None) -> str:
    """A fix hint: the closest known value, else ``otherwise`` or the first known values."""
    known = list(known)
    close = closest(value, known)
    if close is not None:
        return f"did you mean '{close}'?"
    return otherwise or f"known values: {', '.join(map(str, known[:12]))}"
