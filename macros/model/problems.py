"""Problems found in the model, reported all at once as ``file:line: what — fix``.

The build must stop with *every* problem listed, so validators collect
``Problem`` objects instead of raising on the first one.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    message: str
    fix: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message} — {self.fix}"


class ModelInvalid(Exception):
    """Raised once, after validation, when any problem was found."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        count = len(self.problems)
        lines = "\n".join(f"  {p}" for p in self.problems)
        super().__init__(f"the model has {count} problem{'s' if count != 1 else ''}:\n{lines}")
