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
            entry = {"id": item_id, "url": url, "title": title if len(title) <= 80 else title[:79] + "…"}
            if k == "framework_item":  # 'CAF 3.2' is what a reader types; the file ID 'caf-2020:3.2' works too
                fw_id, _, own = item_id.partition(":")
                entry["id"] = model.crosswalks[fw_id].search_id(own)
                index.setdefault(entry["id"].lower(), entry)
            index[item_id.lower()] = entry
    for fw in model.crosswalks.values():  # 'CAF 3': a group, on its framework's page
        for group_id, _items in fw.groups if fw.abbreviation else ():
            title = model.text(lang, "framework_items", f"{fw.id}:{group_id}")[0].get("title", "")
            url = site.place("framework", fw.id).path().lstrip("/") + f"#group-{group_id}"
            index.setdefault(fw.search_id(group_id).lower(), {"id": fw.search_id(group_id), "url": url, "title": title})
    return json.dumps(index, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
