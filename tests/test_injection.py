"""Model text is untrusted: markup and template syntax come out as inert text.

The validator refuses such text (see test_validation). These tests switch
that check off to prove the second wall: escaping in every place a title or
text lands (page body, navigation, <title>, search index).
"""

from __future__ import annotations

import json

import pytest

from macros.cli.build import build_site
from macros.load import reader as loader
from macros.render.markup import md_escape

from .conftest import edit_yaml
from .html_tools import parse

PAYLOAD = "<script>alert(1)</script> R&D {{ config.site_name }} {% if true %}x{% endif %} [link](javascript:alert(2)) *em*"


def test_md_escape_renders_text_as_is():
    import markdown

    html = markdown.markdown(md_escape(PAYLOAD), extensions=["attr_list"])
    assert "<script>" not in html and "<a " not in html and "<em>" not in html
    assert (
        html == "<p>&lt;script&gt;alert(1)&lt;/script&gt; R&amp;D {{ config.site_name }} {% if true %}x{% endif %} "
        "[link](javascript:alert(2)) *em*</p>"
    )


@pytest.fixture
def unsafe_site(fixture_project, monkeypatch):
    monkeypatch.setattr(loader, "unsafe_parts", lambda text: [])
    for field in ("El711 title EN", "Sub711a summary EN.", "Practice river-walk EN"):
        edit_yaml(fixture_project / "model/text/en/model.yml", lambda s, f=field: s.replace(f, json.dumps(PAYLOAD)))
    return build_site(fixture_project / "mkdocs.yml")


def test_payload_is_inert_everywhere(unsafe_site):
    for rel in ("model/7.1.1/index.html", "model/7.1.1.a/index.html", "practices/river-walk/index.html", "index.html"):
        html = (unsafe_site / rel).read_text()
        page = parse(unsafe_site / rel)
        assert "<script>alert" not in html, rel
        assert "javascript:alert" not in [h for h, _ in page.links], rel
        if rel != "index.html":
            assert "{{ config.site_name }} {% if true %}x{% endif %}" in "".join(page.text), f"{rel}: Jinja rendered the text"
    body = parse(unsafe_site / "model/7.1.1/index.html")
    assert "<script>alert(1)</script> R&D {{ config.site_name }}" in body.title  # shown as text in <title>
    assert PAYLOAD in "".join(body.text)  # and in the body/navigation, character for character
    index = (unsafe_site / "search" / "search_index.json").read_text()
    assert "<script>" not in index and "&lt;script&gt;alert(1)" in index
