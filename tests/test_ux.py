"""Issue 16, on the built real site: practice details read as lists with separators, pages start with what matters."""

from __future__ import annotations

import re

import pytest

from macros.urls import scheme

from .conftest import shared_model
from .html_tools import page_file

FACTS = re.compile(r'<dl class="portal-facts[^"]*">(.*?)</dl>', re.S)
TAG = re.compile(r"<[^>]+>")
LABELS = {
    "en": {
        "roles": "Who:",
        "effort": "Effort:",
        "level": "Aims at (as this portal reads the pyramid):",
        "principles": "Principles:",
        "tags": "Tags:",
    },
    "nl": {
        "roles": "Wie:",
        "effort": "Inspanning:",
        "level": "Mikt op (zoals dit portaal de piramide leest):",
        "principles": "Principes:",
        "tags": "Onderwerpen:",
    },
}


def facts_text(html: str) -> list[str]:
    """Each summary list as the words a reader reads, whitespace normalised."""
    return [" ".join(TAG.sub(" ", block).split()).replace(" ,", ",") for block in FACTS.findall(html)]


@pytest.fixture(scope="module")
def model():
    return shared_model()


def test_practice_cards_on_sub_element_pages_read_with_separators(real_site, model):
    for lang, labels in LABELS.items():
        roles = {r: model.texts[lang]["roles"][r]["label"] for r in model.roles}
        efforts = {e: model.texts[lang]["efforts"][e]["label"] for e in model.efforts}
        for s in model.subelements.values():
            html = page_file(real_site, lang, scheme.src_of(model, "subelement", s.id)).read_text(encoding="utf-8")
            cards = facts_text(html)
            practices = model.practices_for(s.id)
            assert len(cards) == len(practices), (lang, s.id)
            for p, text in zip(practices, cards, strict=True):
                who = ", ".join(roles[r] for r in p.roles)
                assert text == f"{labels['roles']} {who} {labels['effort']} {efforts[p.effort]}", (lang, s.id, p.id, text)


def test_practice_pages_start_with_the_sub_elements_they_serve_and_list_their_facts(real_site, model):
    for lang, labels in LABELS.items():
        for p in model.practices.values():
            html = page_file(real_site, lang, scheme.src_of(model, "practice", p.id)).read_text(encoding="utf-8")
            body = html[html.index("<h1") :]
            serves = body.index('class="portal-serves"')
            assert serves < body.index('class="portal-lead"') < body.index('class="portal-facts'), (lang, p.id)
            for s in p.subelement_ids:
                assert f">{s} " in body[serves : body.index("</p>", serves)], (lang, p.id, s)
            (text,) = facts_text(html)
            order = [labels[k] for k in ("roles", "effort", "level", "principles", "tags")]
            assert [text.index(label) for label in order] == sorted(text.index(label) for label in order), text
            assert not re.search(r"\w,\w|\w- ", text), (lang, p.id, text)  # "staff,Managers" or "staff- Effort" ran together
            for x in p.principle_ids:
                assert f"{x} {model.texts[lang]['principles'][x]['title']}" in text
            assert "Example: Example" not in html and "Voorbeeld: Voorbeeld" not in html
