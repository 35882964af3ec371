"""The model figure, the excellence pyramid and the effect chain as SVG files for slides and documents.

The same drawings as on the model page (:mod:`macros.render.figures`), as standalone files: their own size,
fixed colours instead of the theme's, their text alternative inside (``<title>``, ``<desc>``) and, in the
model figure, each box linked to the item's full address. SVG only: no well-kept pure-Python renderer to
PNG exists, and slides programs (PowerPoint, Keynote, Impress, Google Slides) take SVG.
"""

from __future__ import annotations

from collections.abc import Callable

from ..model.types import Model
from ..render import figures
from ..urls.site import Site

FIGURES = ("model", "pyramid", "chain")


def figure_svg(site: Site, lang: str, name: str) -> bytes:
    model = site.model
    if name == "model":

        def href(kind: str, item_id: str) -> str:
            return site.item_url(kind, item_id, lang)

        svg = figures.model_svg(model, lang, figures.WIDE, href, standalone=True)
    else:
        svg = {"pyramid": figures.pyramid_svg, "chain": figures.chain_svg}[name](model, lang, standalone=True)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + str(svg) + "\n").encode("utf-8")


def figure_alt(model: Model, lang: str, name: str) -> str:
    """The figure's text alternative, shown beside the file on the Downloads page."""
    text: Callable[[Model, str], str] = {"model": figures.model_text, "pyramid": figures.pyramid_text, "chain": figures.chain_text}[name]
    return text(model, lang)
