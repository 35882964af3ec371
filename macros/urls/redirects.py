"""Old URLs keep working: which old addresses need a page, and the moved-anchors map, from the changelog.

For every ID that left the model (see :mod:`macros.model.changelog`) and every practice a fork hides:

- an item that had its own page keeps a page at that old address: a redirect to the item that took over,
  or a notice saying what happened (retired; hidden by the fork), rendered by :mod:`macros.views.notices`
  and :mod:`macros.render.redirect`;
- an item that lived at an anchor (an expectation, a practice on a sub-element page) is added to
  ``assets/moved-anchors.json``, which ``trainers.js`` reads when a page is opened on an anchor it
  does not have.

Pure data: this module decides where, never how a page looks.
"""

from __future__ import annotations

import json
import posixpath
from dataclasses import dataclass

from ..model.changelog import Change, final_target, model_changes
from ..model.types import Model
from .inventory import LINK_KIND, Link, primaries
from .scheme import page_dir

MOVED_ANCHORS = "assets/moved-anchors.json"


@dataclass(frozen=True)
class OldAddress:
    """A page source path whose item left the model, and what the reader finds there."""

    src: str
    kind: str
    old_id: str
    to: Link | None  # the live item that took over (a redirect), or None (a notice page)
    change: Change | None  # None: a practice the fork hides


def release_anchor(version: str) -> str:
    return "release-" + version.replace(".", "-")


def relative(from_src: str, to: Link) -> str:
    """Relative URL from one page to a link's page and anchor."""
    rel = posixpath.relpath(page_dir(to.src) or ".", page_dir(from_src) or ".")
    return ("./" if rel == "." else rel + "/") + (f"#{to.anchor}" if to.anchor else "")


def _target(model: Model, places: dict, change: Change) -> Link | None:
    kind, target = final_target(model, change)
    return places[(kind, target)] if target else None


def old_addresses(model: Model) -> list[OldAddress]:
    """Every old address that needs a page of its own (the item had a page, not only an anchor)."""
    places = primaries(model)
    out = []
    for change in model_changes(model):
        if change.kind not in LINK_KIND:
            continue
        home = LINK_KIND[change.kind].home(change.old)
        if not home.anchor:
            out.append(OldAddress(home.src, change.kind, change.old, _target(model, places, change), change))
    for practice_id in model.hidden:  # a fork's hidden practices: their addresses explain, they never 404
        out.append(OldAddress(LINK_KIND["practice"].home(practice_id).src, "practice", practice_id, None, None))
    return out


def moved_anchors(model: Model) -> dict[str, dict[str, str]]:
    """Old anchor -> {"to": the anchor to try on the page the reader opened, "page": where to go when it is not there}."""
    places = primaries(model)
    anchors: dict[str, dict[str, str]] = {}
    for change in model_changes(model):
        if change.kind not in ("expectation", "practice"):  # kinds also shown at an anchor on other pages
            continue
        to = _target(model, places, change)
        home = LINK_KIND[change.kind].home(change.old)
        if to:
            anchors[change.old] = {"to": to.id, "page": page_dir(to.src) + (f"#{to.anchor}" if to.anchor else "")}
        elif not home.anchor:
            anchors[change.old] = {"to": "", "page": page_dir(home.src)}
        else:
            anchors[change.old] = {"to": "", "page": f"changelog/#{release_anchor(change.version)}"}
    for practice_id in model.hidden:
        anchors[practice_id] = {"to": "", "page": page_dir(LINK_KIND["practice"].home(practice_id).src)}
    return anchors


def moved_anchors_json(model: Model) -> str:
    return json.dumps(moved_anchors(model), indent=1, sort_keys=True) + "\n"
