"""The model figure, the excellence pyramid and the effect chain as SVG files for slides and documents.

The same drawings as on the model page (:mod:`macros.render.figures`), as standalone files: their own size,
fixed colours instead of the theme's, their text alternative inside (``<title>``, ``<desc>``) and, in the
model figure, each box linked to the item's full address.

Each figure also comes as PNG, for programs and slides that take no SVG. resvg (``resvg-py``, wheels with
no system library) draws it from the same SVG at twice its size. The font travels with the package
(``fonts/``: Liberation Sans, SIL Open Font License, metric-compatible with the Arial the layout assumes),
so a machine with no fonts at all draws the same picture; the machine's own fonts only fill in scripts
that Liberation Sans lacks (a fork's language).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import resvg_py

from ..model.types import Model
from ..render import figures
from ..urls.site import Site

FIGURES = ("model", "pyramid", "chain")
FONTS = [str(Path(__file__).parent / "fonts" / f"LiberationSans-{style}.ttf") for style in ("Regular", "Bold")]
PNG_ZOOM = 2  # 2,400 px wide for the model figure: sharp on a projector and in print


def figure_svg(site: Site, lang: str, name: str) -> bytes:
    model = site.model
    if name == "model":

        def href(kind: str, item_id: str) -> str:
            return site.item_url(kind, item_id, lang)

        svg = figures.model_svg(model, lang, figures.WIDE, href, standalone=True)
    else:
        svg = {"pyramid": figures.pyramid_svg, "chain": figures.chain_svg}[name](model, lang, standalone=True)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + str(svg) + "\n").encode("utf-8")


def figure_png(site: Site, lang: str, name: str) -> bytes:
    """The figure as PNG on white, drawn from the same SVG file."""
    svg = figure_svg(site, lang, name).decode("utf-8")
    return bytes(resvg_py.svg_to_bytes(svg_string=svg, font_files=FONTS, zoom=PNG_ZOOM, background="white"))


def figure_alt(model: Model, lang: str, name: str) -> str:
    """The figure's text alternative, shown beside the file on the Downloads page."""
    text: Callable[[Model, str], str] = {"model": figures.model_text, "pyramid": figures.pyramid_text, "chain": figures.chain_text}[name]
    return text(model, lang)
