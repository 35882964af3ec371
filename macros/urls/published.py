"""The committed list of published URLs, and the check that every one still works.

``model/published-urls.txt`` holds one URL path (with ``#anchor`` for items shown
inside a page) per line, for every language, sorted. ``python -m macros urls``
adds the URLs of new items and never removes one. After every full build the
list is checked against the built site: each line must open a page that has
the anchor, or be redirected (redirect page, moved-anchor entry). A URL that
stops working fails the build with the line number and the fix.
"""

from __future__ import annotations

import bisect
import html
import json
import posixpath
import re
import subprocess
from functools import cache
from pathlib import Path

from ..model.types import Model
from .inventory import links
from .languages import prefix
from .redirects import MOVED_ANCHORS
from .scheme import all_pages, url_path
from .short import short_links

FILE_NAME = "model/published-urls.txt"  # beside the model it lists; a project with another model has its own
LAYER_FILE = "published-urls.txt"  # a fork's own addresses, in each of its layers (local/published-urls.txt)
HEADER = (
    "# Published URLs: every one must keep working (checked after each build). Never remove a line;\n"
    "# rename or retire the item in model/changelog.yml instead. Add new ones: python -m macros urls\n"
)
# A URL that was listed but never released (added and removed before any release) may leave the list only
# as a line "# withdrawn: <url> <reason>": the removal check (see :func:`removed`) then lets it go.
WITHDRAWN = "# withdrawn: "
_ID = re.compile(r'\sid="([^"]*)"')
_REFRESH = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]*)"')


def prefixes(languages: list[str]) -> list[str]:
    """URL prefix per language: the first is served at the site root, the others under /<lang>/."""
    return [prefix(languages, lang) for lang in languages]


def current(model: Model, languages: list[str], docs_dir: Path | None = None) -> set[str]:
    """Every URL of the current model (and hand-written pages) in every language."""
    srcs = {src for _t, _i, src in all_pages(model)} | {s.src for s in short_links(model, languages)}
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


def withdrawn_lines(path: Path) -> list[str]:
    if not path.exists():
        return []
    return [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.startswith(WITHDRAWN)]


def add_new(path: Path, urls: set[str]) -> list[str]:
    """Add URLs not yet listed; keep every existing line (withdrawn ones too). Returns the added ones."""
    have = {u for _n, u in read(path)}
    new = sorted(urls - have)
    if new or not path.exists():
        kept = "".join(f"{w}\n" for w in withdrawn_lines(path))
        path.write_text(HEADER + kept + "".join(f"{u}\n" for u in sorted(have | urls)), encoding="utf-8")
    return new


def ever_listed(path: Path) -> dict[str, str]:
    """Every URL any commit of ``path`` listed -> the short hash of the commit that added it; {} without git history.

    The list is append-only and git is its memory: a fresh clone and a fork (whose history holds upstream's)
    both know every line ever committed, so a line deleted and committed is still caught. A copy without
    history (a tarball, a depth-1 clone) checks what it has: only the URLs still listed.
    """
    try:
        run = subprocess.run(
            ["git", "log", "--reverse", "--format=commit %h", "-p", "--", path.name],
            cwd=path.parent,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return {}
    found: dict[str, str] = {}
    commit = ""
    for line in run.stdout.splitlines() if run.returncode == 0 else ():
        if line.startswith("commit "):
            commit = line[7:]
        elif line.startswith("+/"):
            found.setdefault(line[1:].strip(), commit)
    return found


def removed(path: Path, file_name: str = FILE_NAME) -> list[str]:
    """Every URL once committed to the list and now missing from it (and not withdrawn), as ``file:line: what — fix``."""
    if not path.exists():
        return []
    listed = [u for _n, u in read(path)]
    have = set(listed)
    withdrawn = {w[len(WITHDRAWN) :].split()[0] for w in withdrawn_lines(path) if w[len(WITHDRAWN) :].split()}
    first_url_line = min((n for n, _u in read(path)), default=1)
    problems = []
    for url, commit in sorted(ever_listed(path).items()):
        if url in have or url in withdrawn:
            continue
        line = first_url_line + bisect.bisect_left(sorted(listed), url)
        problems.append(
            f"{file_name}:{line}: {url} was removed from the list (listed since commit {commit}) — put the line back: "
            "a published URL stays; rename or retire its item in model/changelog.yml so the address redirects "
            f"(only a URL that was never released may go, as a line '{WITHDRAWN}{url} <why>')"
        )
    return problems


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
