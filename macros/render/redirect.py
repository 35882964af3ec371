"""The small HTML page at an old address that sends the reader on, keeping their ``#anchor``."""

from __future__ import annotations

from ..model.types import Model
from ..urls.inventory import Link
from ..urls.redirects import relative
from .markup import HTML_ENV


def redirect_html(model: Model, lang: str, from_src: str, to: Link, why: str = "moved") -> str:
    """``why`` picks the words the reader sees for a moment: ``moved`` (an old address) or ``short`` (a short link)."""
    target = relative(from_src, to)
    label = f"{to.id} {model.text(lang, to.kind + 's', to.id)[0].get('title', '')}".strip()
    return HTML_ENV.get_template("redirect.html.j2").render(
        lang=lang,
        title=model.ui(lang, f"trainers_{why}_title"),
        text=model.ui(lang, f"trainers_{why}_text"),
        target=target,
        target_page=target.split("#")[0],
        label=label,
        # the reader's own #anchor wins: the target page may map it on
        default_hash=f"#{to.anchor}" if to.anchor else "",
    )
