"""The trainers' pages: changelog, downloads, the whole-model print view and one handout per element."""

from __future__ import annotations

import posixpath
from typing import Any

from markupsafe import Markup

from ..model.changelog import final_target
from ..model.fork import portal_name
from ..outputs import downloads
from ..outputs.qr import handout_qr_src
from ..render.markup import rel_link
from ..urls.redirects import release_anchor
from .base import View


def human_size(size: int, lang: str) -> str:
    """File size for people: '12 KiB', '1.2 MiB' (decimal comma in Dutch)."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KiB"
    text = f"{size / 1024 / 1024:.1f}"
    return (text.replace(".", ",") if lang == "nl" else text) + " MiB"


def changelog(v: View, _id: str) -> dict[str, Any]:
    def target(change) -> dict[str, Any] | None:
        kind, new = final_target(v.m, change)
        return v.place(kind, new) if new else None

    def added(item_id: str) -> dict[str, Any]:
        kind = v.kind_of(item_id)
        return v.place(kind, item_id) if kind else {"id": item_id, "gone": True}

    def release(r, anchor: str) -> dict[str, Any]:
        return {
            "version": r.version,
            "anchor": Markup(anchor),
            "date": r.date,
            "first": r.first,
            "added": [added(i) for i in r.added],
            "renamed": [{"old": c.old, "kind": v.ui(f"trainers_kind_{c.kind}"), "new": target(c)} for c in r.renamed],
            "retired": [{"old": c.old, "kind": v.ui(f"trainers_kind_{c.kind}"), "new": target(c)} for c in r.retired],
        }

    return {
        "releases": [release(r, release_anchor(r.version)) for r in reversed(v.m.releases)],
        # a fork's own releases (renames and retirements of its local- items) come first, apart from upstream's
        "fork_releases": [release(r, "local-" + release_anchor(r.version)) for r in reversed(v.m.fork_releases)],
        "portal": portal_name(v.m, v.lang),
        "version": v.m.version,
    }


def download_href(v: View, d: downloads.Download) -> Markup:
    """The link from this page to a download: an all-languages file lives once, in the default language's build."""
    up = "../" * len([p for p in posixpath.dirname(v.here).split("/") if p])
    return Markup((up if d.per_language else up + ("../" if v.prefix else "")) + downloads.site_path(d, v.lang))


def figure_downloads(v: View, name: str) -> list[dict[str, Any]]:
    """A figure's files (SVG, PNG) with their sizes, for the line under the figure on the model page."""
    return [
        {
            "format": d.filename(v.lang).rsplit(".", 1)[-1].upper(),
            "href": download_href(v, d),
            "size": human_size(len(downloads.content(v.site, d, v.lang)), v.lang),
        }
        for d in downloads.DOWNLOADS
        if d.key.startswith(f"figure-{name}.")
    ]


def downloads_page(v: View, _id: str) -> dict[str, Any]:
    """The Downloads page: one section per group; downloads that share a title (the same content as
    another format or for other languages) are one entry with a link per file, like a publication
    with its attachments."""
    groups: dict[str, list[dict[str, Any]]] = {g: [] for g in downloads.GROUPS}
    for d in downloads.registry(v.m):
        data = downloads.content(v.site, d, v.lang)
        title = downloads.title(d, v.ui(d.title_key))
        entries = groups[d.group]
        if not entries or entries[-1]["title"] != title:
            entries.append({"title": title, "alt": d.alt(v.m, v.lang) if d.alt else "", "files": [], "preview": ""})
        entry = entries[-1]
        href = download_href(v, d)
        if d.media_type == "image/svg+xml" and d.alt:
            entry["preview"] = href
        entry["files"].append(
            {
                "file": d.filename(v.lang),
                "href": href,
                "format": d.filename(v.lang).rsplit(".", 1)[-1].upper(),
                "language": {"one": v.m.ui(v.lang, "language_name"), "all": v.ui("trainers_all_languages"), "none": ""}[d.languages],
                "size": human_size(len(data), v.lang),
            }
        )
    return {
        "groups": [{"id": g, "title": v.ui(f"downloads_group_{g}"), "entries": e} for g, e in groups.items() if e],
        "version": v.m.version,
        "print": rel_link(v.here, "print/index.md"),
        "handouts": [{**v.text("elements", e), "link": rel_link(v.here, f"print/{e}/index.md")} for e in v.m.elements],
    }


def handout_element(v: View, item_id: str, seen: set[str] | None = None) -> dict[str, Any]:
    """One element as print: the same language-neutral anchors as the item pages (``#7.3.2.2``, ``#7.3.2.2-e4``,
    ``#<practice-id>``), full addresses for paper. ``seen`` holds the practice anchors already on the page:
    a practice that serves several sub-elements is anchored at its first one only."""
    m = v.m
    seen = set() if seen is None else seen
    el = m.elements[item_id]
    subs = []
    for s in el.subelement_ids:
        sub = m.subelements[s]
        practices = []
        for p in m.practices_for(s):
            practices.append({**v.place("practice", p.id), "anchor": p.id not in seen})
            seen.add(p.id)
        subs.append(
            {
                **v.place("subelement", s),
                "expectations": [v.text("expectations", e) for e in sub.expectation_ids],
                "practices": practices,
            }
        )
    return {**v.place("element", item_id), "own": el.is_own_subelement, "subelements": subs}


def print_view(v: View, _id: str) -> dict[str, Any]:
    seen: set[str] = set()
    return {
        "dimensions": [
            {**v.place("dimension", d), "elements": [handout_element(v, e, seen) for e in dim.element_ids]}
            for d, dim in v.m.dimensions.items()
        ],
        "version": v.m.version,
    }


def handout(v: View, item_id: str) -> dict[str, Any]:
    title = v.ui("trainers_handout_title").format(title=v.text("elements", item_id)["title"])
    return {
        **handout_element(v, item_id),
        "version": v.m.version,
        "title": title,
        "qr": rel_link(v.here, handout_qr_src(item_id)),
    }
