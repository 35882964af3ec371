"""Old URLs keep working: redirect pages, "retired" pages and moved anchors, from the changelog.

(A fork's hidden practices get the same treatment: a page with the fork's reason at the old address.)

For every ID that left the model (see :mod:`macros.changelog`):

- an item that had its own page gets, at that old address, a small redirect page (meta refresh, a
  script that keeps the ``#anchor``, a plain link, ``noindex``) to the item that took over, or a
  normal portal page saying it was retired and pointing to the changelog;
- an item that lived at an anchor (an expectation, a practice on a sub-element page) is added to
  ``assets/moved-anchors.json``, which ``trainers.js`` reads when a page is opened on an anchor it
  does not have.
"""

from __future__ import annotations

import html
import json
import posixpath

from . import changelog
from .inventory import LINK_KIND, Link, primary
from .markup import ENV
from .model import Model
from .pages import Views, page_source

MOVED_ANCHORS = "assets/moved-anchors.json"


def _page_dir(src: str) -> str:
    return src[: -len("index.md")] if src.endswith("index.md") else src[:-3] + "/"


def relative(from_src: str, to: Link) -> str:
    rel = posixpath.relpath(_page_dir(to.src) or ".", _page_dir(from_src) or ".")
    return ("./" if rel == "." else rel + "/") + (f"#{to.anchor}" if to.anchor else "")


def release_anchor(version: str) -> str:
    return "release-" + version.replace(".", "-")


def _retired_page_src(kind: str, old: str) -> str | None:
    home = LINK_KIND[kind].home(old)
    return None if home.anchor else home.src


def redirect_html(model: Model, lang: str, from_src: str, to: Link) -> str:
    target = relative(from_src, to)
    default_hash = f"#{to.anchor}" if to.anchor else ""  # the reader's own #anchor wins: the target page may map it on
    title = model.ui(lang, "trainers_moved_title")
    label = f"{to.id} {model.text(lang, to.kind + 's', to.id)[0].get('title', '')}".strip()
    return (f'<!doctype html>\n<html lang="{html.escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{html.escape(title)}</title>\n"
            '<meta name="robots" content="noindex">\n'
            f'<meta http-equiv="refresh" content="0; url={html.escape(target)}">\n'
            f'<link rel="canonical" href="{html.escape(target)}">\n'
            f"<script>location.replace({json.dumps(target.split('#')[0])} + (location.hash || {json.dumps(default_hash)}));</script>\n"
            f'</head>\n<body>\n<p>{html.escape(model.ui(lang, "trainers_moved_text"))} '
            f'<a href="{html.escape(target)}">{html.escape(label)}</a></p>\n</body>\n</html>\n')


def _notice_page(kind: str, item_id: str, title: str, text: str, link: tuple[str, str]) -> str:
    """A short page at an old address saying what happened to the item, with one link on (not in search)."""
    body = ENV.get_template("notice.md.j2").render(title=title, text=text, link_label=link[0], link=link[1])
    return page_source(f"{item_id}: {title}", kind, item_id, body, in_search=False)


def retired_page(model: Model, lang: str, change: changelog.Change, src: str) -> str:
    view = Views(model, lang, src)
    kind_label = model.ui(lang, f"trainers_kind_{change.kind}")
    text = model.ui(lang, "trainers_retired_text").format(kind=kind_label, id=change.old, version=change.version)
    link = (model.ui(lang, "trainers_changelog_link"), view.link("changelog", "changelog", release_anchor(change.version)))
    return _notice_page("retired", change.old, model.ui(lang, "trainers_retired_title"), text, link)


def hidden_page(model: Model, lang: str, practice_id: str, src: str) -> str:
    """What a fork's reader finds at the address of an upstream practice the fork hides: the fork's reason."""
    view = Views(model, lang, src)
    text = model.ui(lang, "localise_hidden_text").format(id=practice_id, reason=model.hidden[practice_id])
    link = (model.ui(lang, "catalogue_title"), view.link("practices", "practices"))
    return _notice_page("hidden", practice_id, model.ui(lang, "localise_hidden_title"), text, link)


def files(model: Model, lang: str) -> list[tuple[str, str]]:
    """(site path, content) of every redirect page, retired page and the moved-anchors map, for one language."""
    out: list[tuple[str, str]] = []
    anchors: dict[str, dict[str, str]] = {}
    for change in changelog.model_changes(model):
        if change.kind not in LINK_KIND:
            continue
        kind, target = changelog.final_target(model, change)
        to = primary(model, kind, target) if target else None
        page_src = _retired_page_src(change.kind, change.old)
        if page_src and to:
            out.append((page_src.replace(".md", ".html"), redirect_html(model, lang, page_src, to)))
        elif page_src:
            out.append((page_src, retired_page(model, lang, change, page_src)))
        if change.kind in ("expectation", "practice"):  # kinds also shown at an anchor on other pages
            # "to": the anchor to try on the page the reader opened; "page": where to go when it is not there.
            if to:
                page = _page_dir(to.src) + (f"#{to.anchor}" if to.anchor else "")
                anchors[change.old] = {"to": to.id, "page": page}
            elif page_src:
                anchors[change.old] = {"to": "", "page": _page_dir(page_src)}
            else:
                anchors[change.old] = {"to": "", "page": f"changelog/#{release_anchor(change.version)}"}
    for practice_id in model.hidden:  # a fork's hidden practices: their addresses explain, they never 404
        page_src = LINK_KIND["practice"].home(practice_id).src
        out.append((page_src, hidden_page(model, lang, practice_id, page_src)))
        anchors[practice_id] = {"to": "", "page": _page_dir(page_src)}
    out.append((MOVED_ANCHORS, json.dumps(anchors, indent=1, sort_keys=True) + "\n"))
    return out
