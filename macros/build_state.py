"""What the running build knows: the loaded model and the language plan.

MkDocs imports the hooks file by path, as a module of its own, so state
shared with the macros plugin must live in a regular module of the package.
"""

from __future__ import annotations

current: dict = {}
