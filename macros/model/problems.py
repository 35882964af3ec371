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
    """Raised once, after validation, when any problem was found.

    The message starts with the first problem (the root cause when ``ordered`` puts it first) and ends with
    the count; ``left_out`` problems that only follow from a broken file are counted, not listed.
    """

    def __init__(self, problems: list[Problem], left_out: int = 0, ordered: bool = False):
        self.problems = list(dict.fromkeys(problems)) if ordered else sorted(set(problems))
        self.left_out = left_out
        count = len(self.problems)
        summary = f"the model has {count} problem{'s' if count != 1 else ''}"
        if left_out:
            summary += f" ({left_out} more that follow from the files above are left out: fix those first)"
        lines = "\n".join(str(p) for p in self.problems)
        super().__init__(f"{lines}\n{summary}")
