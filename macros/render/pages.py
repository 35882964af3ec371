"""The source of a generated page: front matter plus the Markdown body a template rendered."""

from __future__ import annotations

import html
import json


def page_source(title: str, kind: str, item_id: str, body: str, in_search: bool = True, extra: dict | None = None) -> str:
    """Front matter plus body of a generated page.

    The title is set here, not taken from the H1: MkDocs would keep the Markdown escapes in it.
    Entity-escaped, like MkDocs' own titles, because Material prints nav titles unescaped.
    """
    front = {"title": html.escape(" ".join(title.split())), "render_macros": False, "portal_kind": kind, "portal_id": item_id}
    front.update(extra or {})
    if not in_search:
        front["search"] = {"exclude": True}
    return "---\n" + "".join(f"{k}: {json.dumps(v)}\n" for k, v in front.items()) + "---\n\n" + body
