"""The generated bilingual site, built from the tiny fixture model."""

from __future__ import annotations

import posixpath
from pathlib import Path

from macros.load.loader import load_model
from macros.urls import scheme

from .html_tools import page_file, parse, search_docs


def test_every_generated_page_exists_in_both_languages_with_lang(fixture_site):
    model = load_model(fixture_site.parent / "model")
    expected = list(scheme.all_pages(model))
    # model, dims, elements, subs (7.1.3 is its element), principles + 2, practices + 2, status;
    # checklists: index, one per dimension and per element, the plan, the team view;
    # trainers: downloads, changelog, print view, a handout per element; glossary + lookup; crosswalks overview
    assert len(expected) == 1 + 2 + 3 + 3 + 1 + 2 + 1 + 2 + 1 + 1 + 2 + 3 + 1 + 1 + 1 + 1 + 1 + 3 + 2 + 1
    for lang in ("en", "nl"):
        for _t, _id, src in expected:
            page = parse(page_file(fixture_site, lang, src))
            assert page.lang == lang, (lang, src)


def test_subelement_page_shows_its_text_expectations_and_practices(fixture_site):
    en = parse(page_file(fixture_site, "en", "model/7.1.1.a/index.md"))
    nl = parse(page_file(fixture_site, "nl", "model/7.1.1.a/index.md"))
    assert {"7.1.1.a-e1", "7.1.1.a-e2", "river-walk"} <= en.ids and {"7.1.1.a-e1", "7.1.1.a-e2", "river-walk"} <= nl.ids
    assert "Sub711a summary EN." in "".join(en.text) and "Sub711a summary NL." in "".join(nl.text)
    assert "Sub711a summary EN." not in "".join(nl.text)


def test_element_without_subelements_carries_its_own_content(fixture_site):
    page = parse(page_file(fixture_site, "en", "model/7.1.3/index.md"))
    assert {"7.1.3-e1", "open-ledger"} <= page.ids
    # it is its own single sub-element: no second page for the same content
    assert not (fixture_site / "model" / "7.1.3" / "7.1.3").exists()
    kinds = {kind for kind, item_id, _src in scheme.all_pages(load_model(fixture_site.parent / "model")) if item_id == "7.1.3"}
    assert kinds == {"element", "checklist_element", "handout"}  # no sub-element page of its own


def test_language_switch_lands_on_the_same_page(fixture_site):
    for lang, other in (("en", "nl"), ("nl", "en")):
        for src in ("index.md", "model/7.1.1.a/index.md", "principles/5.2.1/index.md", "practices/river-walk/index.md"):
            here = page_file(fixture_site, lang, src)
            switch = [a for href, a in parse(here).links if a.get("hreflang") == other and "md-select__link" in a.get("class", "")]
            assert len(switch) == 1, (lang, src)
            target = Path(posixpath.normpath(posixpath.join(str(here.parent), switch[0]["href"]))) / "index.html"
            assert target == page_file(fixture_site, other, src), (lang, src, switch[0]["href"])
            assert parse(target).lang == other


def test_search_index_per_language(fixture_site):
    en = " ".join(d["text"] + d["title"] for d in search_docs(fixture_site))
    nl = " ".join(d["text"] + d["title"] for d in search_docs(fixture_site / "nl"))
    assert "Sub711a summary EN." in en and "Sub711a summary NL." not in en
    assert "Sub711a summary NL." in nl and "Sub711a summary EN." not in nl
    assert (fixture_site / "nl" / "search" / "search_index.json").read_text().count('"lang":["nl"]') == 1


def test_navigation_is_generated_from_the_model(fixture_site):
    """The menu comes from the model. With navigation.prune a page carries only its open branch of the menu,
    so the model's items are looked for from a sub-element page and the principles from a principle page."""
    for src, targets in (
        ("model/7.1.1.a/index.md", ("model/7.1/", "model/7.1.1/", "model/7.1.1.a/", "model/7.1.3/")),
        ("principles/5.2.1/index.md", ("principles/5.1.1/", "principles/5.2.1/")),
    ):
        here = posixpath.dirname(src)
        hrefs = {posixpath.normpath(posixpath.join(here, h)) + "/" for h, _ in parse(page_file(fixture_site, "en", src)).links}
        for target in targets:
            assert target in hrefs, (src, target)


def test_a_partial_third_language_builds_with_english_fallback(fixture_project):
    """A fork adds a language with files plus one config entry; untranslated text falls back to English."""
    from macros.cli.build import build_site

    (fixture_project / "model/text/de").mkdir()
    (fixture_project / "model/text/de/ui.yml").write_text("ui:\n  language_name: Deutsch\n  nav_model: Das Modell\n")
    config = fixture_project / "mkdocs.yml"
    config.write_text(config.read_text().replace("    languages: [en, nl] ", "    languages: [en, nl, de] "))
    site = build_site(config)
    page = parse(page_file(site, "de", "model/7.1.1.a/index.md"))
    assert page.lang == "de"
    assert "Sub711a summary EN." in "".join(page.text)
    raw = page_file(site, "de", "model/7.1.1.a/index.md").read_text(encoding="utf-8")
    assert '<span lang="en">Sub711a summary EN.</span>' in raw and "portal-fallback" in raw  # marked, with a notice
    assert "portal-fallback" not in page_file(site, "nl", "model/7.1.1.a/index.md").read_text(encoding="utf-8")
    home = parse(page_file(site, "de", "index.md"))  # no docs/de yet: the English prose is used
    assert home.lang == "de" and "Das Modell" in "".join(home.text)
