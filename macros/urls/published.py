"""The committed list of published URLs, and the check that every one still works.

``model/published-urls.txt`` holds one URL path (with ``#anchor`` for items shown
inside a page) per line, for every language, sorted. ``python -m macros urls``
adds the URLs of new items and never removes one. After every full build the
list is checked against the built site: each line must open a page that has
the anchor, or be redirected (redirect page, moved-anchor entry). A URL that
stops working fails the build with the line number and the fix.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from functools import cache
from pathlib import Path

from ..model.types import Model
from .inventory import links
from .languages import prefix
from .redirects import MOVED_ANCHORS
from .scheme import all_pages, url_path

FILE_NAME = "model/published-urls.txt"  # beside the model it lists; a project with another model has its own
LAYER_FILE = "published-urls.txt"  # a fork's own addresses, in each of its layers (local/published-urls.txt)
HEADER = (
    "# Published URLs: every one must keep working (checked after each build). Never remove a line;\n"
    "# rename or retire the item in model/changelog.yml instead. Add new ones: python -m macros urls\n"
)
_ID = re.compile(r'\sid="([^"]*)"')
_REFRESH = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]*)"')


def prefixes(languages: list[str]) -> list[str]:
    """URL prefix per language: the first is served at the site root, the others under /<lang>/."""
    return [prefix(languages, lang) for lang in languages]


def current(model: Model, languages: list[str], docs_dir: Path | None = None) -> set[str]:
    """Every URL of the current model (and hand-written pages) in every language."""
    srcs = {src for _t, _i, src in all_pages(model)}
    if docs_dir is not None:
        srcs |= {p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md")}
    found = set()
    for root in prefixes(languages):
        found |= {url_path(src, root) for src in srcs}
        found |= {link.path(root) for link in links(model) if link.anchor}
    return found


def files(project: Path, layers: tuple[Path, ...] | list[Path] = ()) -> list[Path]:
    """Every list of published URLs, lowest layer first: upstream's, then each fork layer's own."""
    return [project / FILE_NAME, *(Path(layer) / LAYER_FILE for layer in layers)]


def read(path: Path) -> list[tuple[int, str]]:
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [(n, ln.strip()) for n, ln in enumerate(lines, start=1) if ln.strip() and not ln.startswith("#")]


def add_new(path: Path, urls: set[str]) -> list[str]:
    """Add URLs not yet listed; keep every existing line. Returns the added ones."""
    have = {u for _n, u in read(path)}
    new = sorted(urls - have)
    if new or not path.exists():
        path.write_text(HEADER + "".join(f"{u}\n" for u in sorted(have | urls)), encoding="utf-8")
    return new


@cache
def _ids(page: Path) -> frozenset[str]:
    return frozenset(html.unescape(i) for i in _ID.findall(page.read_text(encoding="utf-8")))


def _page(site: Path, url_dir: str) -> Path:
    return site / url_dir.lstrip("/") / "index.html"


def _follow(page: Path) -> Path | None:
    """A redirect page's target file, or the page itself."""
    m = _REFRESH.search(page.read_text(encoding="utf-8"))
    if not m:
        return page
    target = html.unescape(m.group(1)).split("#")[0]
    return Path(posixpath.normpath(str(page.parent / target))) / "index.html"


def unresolved(site: Path, entries: list[tuple[int, str]], languages: list[str], file_name: str = FILE_NAME) -> list[str]:
    """Every listed URL that no longer works in the built ``site``, as ``file:line: what — fix``.

    A fork's hidden practices are no exception: their addresses hold a page with the fork's reason.
    """
    _ids.cache_clear()
    moved_maps: dict[str, dict] = {}
    others = [p for p in prefixes(languages) if p]
    problems = []
    for line, url in entries:
        path, _, frag = url.partition("#")
        root = next((p for p in others if path.startswith("/" + p)), "")
        page = _page(site, path)
        target = _follow(page) if page.exists() else None
        fix = "restore it, or record the rename/retirement in model/changelog.yml so it redirects"
        if target is None or not target.exists():
            problems.append(f"{file_name}:{line}: {url} no longer exists — {fix}")
            continue
        if not frag or frag in _ids(target):
            continue
        if root not in moved_maps:
            moved_file = site / root / MOVED_ANCHORS
            moved_maps[root] = json.loads(moved_file.read_text(encoding="utf-8")) if moved_file.exists() else {}
        move = moved_maps[root].get(frag)
        if move is None:
            problems.append(f"{file_name}:{line}: {url} has no anchor #{frag} any more — {fix}")
            continue
        new_path, _, new_frag = move["page"].partition("#")
        new_page = _page(site, "/" + root + new_path)
        if not new_page.exists() or (new_frag and new_frag not in _ids(new_page)):
            problems.append(f"{file_name}:{line}: {url} moves to {move['page']}, which does not exist — fix the changelog entry")
    return problems
