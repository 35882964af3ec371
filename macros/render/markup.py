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


class Foreign(str):
    """Text in another language than the page it is on: an untranslated item shown in English.

    Templates print it like any text, and the escaping functions wrap it in
    ``<span lang="…">`` so screen readers pronounce it in its own language (WCAG 3.1.2).
    """

    lang: str

    def __new__(cls, value: str, lang: str) -> Foreign:
        obj = super().__new__(cls, value)
        obj.lang = lang
        return obj


def _in_lang(text: str, escaped: str) -> Markup:
    if isinstance(text, Foreign):
        return Markup(f'<span lang="{html.escape(text.lang)}">{escaped}</span>')
    return Markup(escaped)


def html_text(text: str) -> Markup:
    """Plain text for use inside a raw HTML block (Markdown is not parsed there)."""
    return _in_lang(text, html.escape(" ".join(str(text).split()), quote=True))


def plain_text(text: str) -> Markup:
    """Plain text for an attribute value or an <option>, where no element may go (no lang span)."""
    return Markup(html.escape(" ".join(str(text).split()), quote=True))


def lang_attr(text: str) -> Markup:
    """` lang="en"` for foreign text on an element that cannot hold a span (an <option>), else nothing."""
    return Markup(f' lang="{html.escape(text.lang)}"') if isinstance(text, Foreign) else Markup("")


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
    return _in_lang(value, md_escape(value)) if isinstance(value, Foreign) else md_escape(value)


def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("macros", "templates"),
        finalize=_finalize,
        autoescape=False,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["h"] = html_text
    env.filters["plain"] = plain_text
    env.filters["lang_attr"] = lang_attr
    return env


ENV = environment()
# Whole HTML files (the redirect page): Jinja's own HTML autoescaping, no Markdown.
HTML_ENV = Environment(
    loader=PackageLoader("macros", "templates"),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)
