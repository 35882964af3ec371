"""QR codes for paper: each element's handout carries one that opens the element's page, made at build time.

segno writes a plain SVG (no outside service, no raster step); the handout shows it as an image next to
the full address, so a reader of the printed sheet can scan or type it.
"""

from __future__ import annotations

import io

import segno

from ..urls.scheme import PAGE
from ..urls.site import Site

QR_FILE = "qr.svg"  # beside each handout page: print/<element>/qr.svg


def qr_svg(url: str) -> bytes:
    """A QR code of ``url`` as a standalone SVG (black on white, error correction M, quiet zone of 4 modules)."""
    out = io.BytesIO()
    segno.make(url, error="m", micro=False).save(out, kind="svg", scale=4, border=4, title=url, xmldecl=False)
    return out.getvalue()


def handout_qr_src(element_id: str) -> str:
    return PAGE["handout"].src(element_id).rsplit("/", 1)[0] + "/" + QR_FILE


def handout_qr_files(site: Site, lang: str) -> list[tuple[str, bytes]]:
    """(source path, SVG) of the QR code on every element's handout, pointing at the element's page in ``lang``."""
    return [(handout_qr_src(e), qr_svg(site.item_url("element", e, lang))) for e in site.model.elements]
