"""Every internal link and anchor in the built site resolves, in both languages."""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import unquote, urlparse

from .html_tools import parse


def broken_links(site: Path) -> list[str]:
    parsed = {f: parse(f) for f in site.rglob("*.html")}
    broken = []
    for page, info in parsed.items():
        for href, _attrs in info.links:
            url = urlparse(href)
            if url.scheme or href.startswith(("//", "mailto:")):
                continue  # outside links are not followed here; Material's own javascript:void(0) too
            if not url.path:
                target = page
            elif url.path.startswith("/"):  # 404 pages link from the site root (site_url's path is "/")
                target = Path(posixpath.normpath(str(site) + unquote(url.path)))
            else:
                target = Path(posixpath.normpath(posixpath.join(str(page.parent), unquote(url.path))))
            if url.path.endswith("/") or target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(site)}: {href} (no such page)")
                continue
            anchor = unquote(url.fragment)
            if anchor and target.suffix == ".html" and anchor not in parsed[target].ids:
                broken.append(f"{page.relative_to(site)}: {href} (no such anchor)")
    return broken


def test_no_broken_internal_links_or_anchors(real_site):
    broken = broken_links(real_site)
    assert broken == [], "\n".join(broken[:50])


def test_checker_catches_a_broken_anchor_and_page(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<p id="here"></p><a href="#here">ok</a><a href="#gone">x</a><a href="../b/">y</a>')
    assert broken_links(tmp_path) == ["a/index.html: #gone (no such anchor)", "a/index.html: ../b/ (no such page)"]
