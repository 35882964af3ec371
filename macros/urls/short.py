"""Short links for slides and paper: ``/7.3.2.2/``, ``/7.3.2.2-e4/``, ``/5.2.4/``, ``/<practice-id>/`` in every language.

Each is a small redirect page at the site root (``/nl/7.3.2.2/`` in Dutch) that sends the reader on to the
item's page and anchor, so a slide can carry the shortest address that still names the item. Glossary terms
keep ``/glossary/#<term>``: already short, and a term ID could one day take a page's name.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..model.changelog import model_changes
from ..model.types import Model
from .inventory import LINK_KIND, Link, primaries
from .scheme import PAGES

SHORT_KINDS = ("dimension", "element", "subelement", "expectation", "principle", "practice")
# top-level names that are not generated pages but must stay free
_OTHER_ROOTS = frozenset({"assets", "search", "fork", "sitemap.xml", "404.html", "index.md", "versions.json"})


@dataclass(frozen=True)
class ShortLink:
    src: str  # the redirect page's source path: ``7.3.2.2/index.md``
    to: Link  # where it leads


def reserved(languages: Iterable[str]) -> frozenset[str]:
    """Names at the site root that a short link may never take: page folders, assets, language roots."""
    return frozenset({p.src("x").split("/")[0] for p in PAGES}) | _OTHER_ROOTS | frozenset(languages)


def short_links(model: Model, languages: Iterable[str]) -> list[ShortLink]:
    """One short link per live item of the kinds in ``SHORT_KINDS``; raises ValueError when an ID takes a reserved name."""
    taken = reserved(languages)
    out = []
    for (kind, item_id), link in primaries(model).items():
        if kind not in SHORT_KINDS:
            continue
        if item_id in taken:
            raise ValueError(
                f"{kind} {item_id!r}: its short link /{item_id}/ would take the place of the portal's /{item_id}/ — choose another ID"
            )
        out.append(ShortLink(f"{item_id}/index.md", link))
    # A short link once published keeps working: an item that left the model (or that a fork hides) leads to
    # its old address, which redirects on or says what happened.
    gone = [(c.kind, c.old) for c in model_changes(model)] + [("practice", p) for p in model.hidden]
    gone += [("expectation", e) for e in model.hidden_expectations]  # its sub-element page says why it is left out
    for kind, old in gone:
        if kind in SHORT_KINDS and old not in taken:
            out.append(ShortLink(f"{old}/index.md", LINK_KIND[kind].home(old)))
    first = {}  # one link per ID: 7.1.3 is an element and its own single sub-element, on one page
    for short in out:
        first.setdefault(short.src, short)
    return sorted(first.values(), key=lambda s: s.src)
