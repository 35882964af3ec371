"""``assets/item-ids.json``: every live item's ID -> its URL and title, for "type an ID in search, land on it".

The search engine splits practice IDs at hyphens, so an exact ID match is looked up here instead.
"""

from __future__ import annotations

import json

from ..urls.inventory import LINK_KINDS
from ..urls.site import Site

ID_INDEX = "assets/item-ids.json"


def id_index(site: Site, lang: str) -> str:
    model = site.model
    index: dict[str, dict[str, str]] = {}
    places = site.places()
    for kind in LINK_KINDS:  # registry order: an element that is its own sub-element is found as the element
        for (k, item_id), link in places.items():
            if k != kind.name or item_id.lower() in index:
                continue
            fields = model.text(lang, k + "s", item_id)[0]
            url = link.path().lstrip("/")  # from the language's own root
            title = fields.get("title") or fields.get("term") or fields.get("text", "")
            index[item_id.lower()] = {"id": item_id, "url": url, "title": title if len(title) <= 80 else title[:79] + "…"}
    return json.dumps(index, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
