"""Turning untrusted model text into inert Markdown, through Jinja templates.

Templates hold the markup; every value they print is escaped for Markdown
*and* HTML unless it was built as :class:`Markup` by our own code (links,
IDs checked by the schema). So raw HTML, Markdown links and ``{{ }}`` in
YAML come out as the characters they are.
"""

from __future__ import annotations

import html
import posixpath
import re

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

_INLINE_SPECIALS = re.compile(r"([\\`*_{}\[\]#|!])")
_LIST_START = re.compile(r"^(\s*)([-+]|\d+(?=\.))")


def md_escape(text: str) -> str:
    """Plain text -> Markdown that renders as exactly that text, on one line."""
    flat = " ".join(str(text).split())
    escaped = html.escape(flat, quote=False)
    escaped = _INLINE_SPECIALS.sub(r"\\\1", escaped)
    # A fragment may land at the start of a line, where "- " or "1. " would open a list.
    return _LIST_START.sub(lambda m: m.group(1) + ("\\" + m.group(2) if m.group(2) in "-+" else m.group(2) + "\\"), escaped, count=1)


def html_text(text: str) -> Markup:
    """Plain text for use inside a raw HTML block (Markdown is not parsed there)."""
    return Markup(html.escape(" ".join(str(text).split()), quote=True))


def rel_link(from_src: str, to_src: str, anchor: str = "") -> Markup:
    """Relative link between two source files, which MkDocs checks and rewrites."""
    path = posixpath.relpath(to_src, posixpath.dirname(from_src) or ".")
    return Markup(path + (f"#{anchor}" if anchor else ""))


def rel_url(from_src: str, to_src: str) -> Markup:
    """Relative URL between two pages' *built* locations, for links inside raw HTML blocks
    (MkDocs rewrites .md links only in Markdown)."""
    def folder(src: str) -> str:
        return posixpath.dirname(src) if src.endswith("index.md") else src[:-3]

    rel = posixpath.relpath(folder(to_src), folder(from_src))
    return Markup("./" if rel == "." else rel + "/")


def _finalize(value):
    if isinstance(value, Markup):
        return value
    if value is None:
        raise ValueError("a template printed None: a field is missing from its view")
    return md_escape(value)


def environment() -> Environment:
    env = Environment(loader=PackageLoader("macros", "templates"), finalize=_finalize, autoescape=False,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["h"] = html_text
    return env


ENV = environment()
