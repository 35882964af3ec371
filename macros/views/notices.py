"""Notices: the "not yet translated" box, and the pages at old addresses whose item left (retired, hidden by a fork)."""

from __future__ import annotations

from ..render.markup import ENV
from ..render.pages import page_source
from ..urls.redirects import OldAddress, release_anchor
from .base import View


def fallback_notice(v: View) -> str:
    """The "not yet translated" notice (raw HTML), for generated and prose pages alike."""
    return ENV.get_template("_fallback_notice.md.j2").render(v=v)


def old_address_page(v: View, old: OldAddress) -> str:
    """A short page at an old address saying what happened to the item, with one link on (not in search)."""
    m, lang = v.m, v.lang
    reason, after = "", ""
    if old.change is not None:  # retired in a release
        kind, title = "retired", m.ui(lang, "trainers_retired_title")
        text = m.ui(lang, "trainers_retired_text").format(
            kind=m.ui(lang, f"trainers_kind_{old.kind}"), id=old.old_id, version=old.change.version
        )
        link = (m.ui(lang, "trainers_changelog_link"), v.link("changelog", "changelog", release_anchor(old.change.version)))
    else:  # an upstream practice the fork hides: the fork's reason
        kind, title = "hidden", m.ui(lang, "localise_hidden_title")
        text, _, after = m.ui(lang, "localise_hidden_text").format(id=old.old_id, reason="\0").partition("\0")
        reason = v.reason(m.hidden[old.old_id])
        link = (m.ui(lang, "catalogue_title"), v.link("practices", "practices"))
    body = ENV.get_template("notice.md.j2").render(title=title, text=text, reason=reason, after=after, link_label=link[0], link=link[1])
    return page_source(f"{old.old_id}: {title}", kind, old.old_id, body, in_search=False)
