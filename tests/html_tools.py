"""Small readers for built HTML, on the standard library's parser."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path


class PageParser(HTMLParser):
    """Collects what tests look at: lang, title, ids, links, resource URLs and text.

    ``text`` is what a reader reads: inline glossary definitions (hidden tooltips, announced
    only as a link's description) are left out, so sentences around a defined term stay whole.
    """

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lang = None
        self.title = ""
        self.ids: set[str] = set()
        self.links: list[tuple[str, dict]] = []
        self.images: list[tuple[str, dict]] = []
        self.resources: list[str] = []
        self.scripts: int = 0
        self._in_title = False
        self._in_tip = False
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        if tag == "title":
            self._in_title = True
        if tag == "span" and a.get("role") == "tooltip":
            self._in_tip = True
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and "href" in a:
            self.links.append((a["href"], a))
        if tag == "img":
            self.images.append((tag, a))
        if tag == "script":
            self.scripts += 1
        for attr in ("src", "srcset") if tag != "a" else ():
            if a.get(attr):
                self.resources.append(a[attr])
        if tag == "link" and a.get("href") and a.get("rel") not in ("alternate", "canonical", "prev", "next"):
            self.resources.append(a["href"])

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        if tag == "span":
            self._in_tip = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        if not self._in_tip:
            self.text.append(data)


def parse(path: Path) -> PageParser:
    p = PageParser()
    p.feed(path.read_text(encoding="utf-8"))
    return p


LANG_ROOT = {"en": "", "nl": "nl/"}


def page_file(site: Path, lang: str, src: str) -> Path:
    """Built HTML file of a page source (``model/7.1/index.md``) in one language."""
    return site / LANG_ROOT.get(lang, f"{lang}/") / src.replace("index.md", "index.html")


def search_docs(site_lang_root: Path) -> list[dict]:
    return json.loads((site_lang_root / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
