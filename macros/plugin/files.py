"""Every file the portal adds to a language build, by one route: pages, notices, redirects, downloads, script data.

The plugin asks :func:`generated_files` once per build and hands each file to MkDocs; nothing else reaches
MkDocs from the model, so a new kind of output is one entry here.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..outputs import downloads
from ..outputs.id_index import ID_INDEX, id_index
from ..outputs.qr import handout_qr_files
from ..render.redirect import redirect_html
from ..urls.redirects import MOVED_ANCHORS, moved_anchors_json, old_addresses
from ..urls.scheme import all_pages
from ..urls.short import short_links
from ..urls.site import Site
from ..views import checklists, fork, notices
from ..views.base import View
from ..views.registry import render_page


@dataclass(frozen=True)
class GeneratedFile:
    path: str  # source path: ``.md`` becomes a page, anything else is copied as it is
    content: str | bytes


def generated_files(site: Site, lang: str) -> list[GeneratedFile]:
    out = [GeneratedFile(src, render_page(site, lang, kind, item_id)) for kind, item_id, src in all_pages(site.model)]
    for old in old_addresses(site.model):  # old URLs never 404
        if old.to is not None:
            out.append(GeneratedFile(old.src.replace(".md", ".html"), redirect_html(site.model, lang, old.src, old.to)))
        else:
            out.append(GeneratedFile(old.src, notices.old_address_page(View(site, lang, old.src), old)))
    for short in short_links(site.model, site.languages):  # /7.3.2.2/ and the like, for slides
        out.append(GeneratedFile(short.src.replace(".md", ".html"), redirect_html(site.model, lang, short.src, short.to, "short")))
    is_default = lang == site.languages[0]
    out += [
        GeneratedFile(downloads.site_path(d, lang), downloads.content(site, d, lang))
        for d in downloads.for_build(site.model, lang, is_default)
    ]
    out.append(GeneratedFile(MOVED_ANCHORS, moved_anchors_json(site.model)))
    out.append(GeneratedFile(ID_INDEX, id_index(site, lang)))
    out.append(GeneratedFile(*checklists.script_file(site, lang)))
    out += [GeneratedFile(path, svg) for path, svg in handout_qr_files(site, lang)]
    if site.model.is_fork:  # what the fork changes, as data (its page is a page type)
        out.append(GeneratedFile(fork.CHANGES_JSON, fork.changes_json(site.model)))
    return out
