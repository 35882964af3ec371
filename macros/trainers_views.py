"""Template data for the trainers' pages: changelog, downloads, print view and handouts.

A mixin of :class:`macros.pages.Views` (one method per page type, as there),
kept in its own module so the features of the portal can grow side by side.
"""

from __future__ import annotations

import posixpath
from typing import Any

from markupsafe import Markup

from .markup import rel_link

# downloads and inventory import pages, which imports this module: they are imported where used.


def human_size(size: int, lang: str) -> str:
    """File size for people: '12 KiB', '1.2 MiB' (decimal comma in Dutch)."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KiB"
    text = f"{size / 1024 / 1024:.1f}"
    return (text.replace(".", ",") if lang == "nl" else text) + " MiB"


class TrainerViews:
    """Needs ``self.m``, ``self.lang``, ``self.here``, ``self.ui``, ``self.text`` from Views."""

    def _places(self):
        key = id(self.m)
        if getattr(self, "_places_key", None) != key:
            from .inventory import primaries

            self._places_cache, self._places_key = primaries(self.m), key
        return self._places_cache

    def _prefix(self) -> str:
        return "" if self.lang == self.m.source_language else f"{self.lang}/"

    def place(self, kind: str, item_id: str) -> dict[str, Any]:
        """Link and short URL of a live item, whatever its kind (page or anchor)."""
        link = self._places()[(kind, item_id)]
        fields = self.text(kind + "s", item_id)
        return {**fields, "kind": kind, "title": fields.get("title", ""),
                "link": rel_link(self.here, link.src, link.anchor), "short": link.path(self._prefix())}

    def _kind_of(self, item_id: str) -> str:
        from .inventory import LINK_KINDS

        places = self._places()
        return next(k.name for k in LINK_KINDS if (k.name, item_id) in places)

    # -- changelog ---------------------------------------------------------------
    def _changelog(self, _id: str) -> dict[str, Any]:
        from .redirects import release_anchor

        releases = []
        for r in reversed(self.m.releases):
            def target(change):
                from .changelog import final_target

                kind, new = final_target(self.m, change)
                return self.place(kind, new) if new else None

            releases.append({
                "version": r.version, "anchor": Markup(release_anchor(r.version)), "date": r.date, "first": r.first,
                "added": [self.place(self._kind_of(i), i) if self._has(i) else {"id": i, "gone": True} for i in r.added],
                "renamed": [{"old": c.old, "kind": self.ui(f"trainers_kind_{c.kind}"), "new": target(c)} for c in r.renamed],
                "retired": [{"old": c.old, "kind": self.ui(f"trainers_kind_{c.kind}"), "new": target(c)} for c in r.retired],
            })
        return {"releases": releases, "version": self.m.version}

    def _has(self, item_id: str) -> bool:
        return any(i == item_id for _k, i in self._places())

    # -- downloads -----------------------------------------------------------------
    def _downloads(self, _id: str) -> dict[str, Any]:
        from . import downloads

        here_dir = posixpath.dirname(self.here)
        up = "../" * len([p for p in here_dir.split("/") if p])
        to_default_root = up + ("../" if self._prefix() else "")
        rows = []
        for d in downloads.DOWNLOADS:
            lang = self.lang if d.per_language else None
            data = downloads.content(d, self.m, self.lang)
            href = (up if d.per_language else to_default_root) + downloads.site_path(d, self.lang)
            rows.append({"title": self.ui(d.title_key), "file": d.filename(self.lang), "href": Markup(href),
                         "format": d.filename(self.lang).rsplit(".", 1)[-1].upper(),
                         "language": self.m.ui(lang, "language_name") if lang else self.ui("trainers_all_languages"),
                         "size": human_size(len(data), self.lang)})
        return {"rows": rows, "version": self.m.version,
                "print": rel_link(self.here, "print/index.md"),
                "handouts": [{**self.text("elements", e), "link": rel_link(self.here, f"print/{e}/index.md")}
                             for e in self.m.elements]}

    # -- print view and handouts -----------------------------------------------------
    def handout_element(self, item_id: str) -> dict[str, Any]:
        el = self.m.elements[item_id]
        subs = []
        for s in el.subelement_ids:
            sub = self.m.subelements[s]
            subs.append({**self.place("subelement", s),
                         "expectations": [self.text("expectations", e) for e in sub.expectation_ids],
                         "practices": [self.place("practice", p.id) for p in self.m.practices_for(s)]})
        return {**self.place("element", item_id), "own": el.is_own_subelement, "subelements": subs}

    def _print(self, _id: str) -> dict[str, Any]:
        return {"dimensions": [{**self.place("dimension", d),
                                "elements": [self.handout_element(e) for e in dim.element_ids]}
                               for d, dim in self.m.dimensions.items()],
                "version": self.m.version}

    def _handout(self, item_id: str) -> dict[str, Any]:
        title = self.ui("trainers_handout_title").format(title=self.text("elements", item_id)["title"])
        return {**self.handout_element(item_id), "version": self.m.version, "title": title}
