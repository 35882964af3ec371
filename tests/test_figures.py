"""Generated figures, principles overview and home routes: built from the model, in both languages."""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from macros.load.loader import load_model
from macros.render import figures
from macros.urls import scheme

from .conftest import edit_yaml, shared_model
from .html_tools import page_file, parse

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def model():
    return shared_model()


def href_of(kind: str, item_id: str) -> str:
    return f"/{kind}/{item_id}/"


def svg_links(svg: str) -> list[tuple[str, str, str]]:
    """(data-id, href, accessible name) of every link in an SVG string, in document order."""
    root = ET.fromstring(svg)
    return [(a.get("data-id"), a.get("href"), "".join(t.text for t in a.iter(f"{SVG}tspan"))) for a in root.iter(f"{SVG}a")]


def svg_text(svg: str) -> str:
    return " ".join(t.text or "" for t in ET.fromstring(svg).iter(f"{SVG}tspan"))


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("layout", [figures.WIDE, figures.TALL], ids=["wide", "tall"])
def test_model_svg_links_every_dimension_and_element_once(model, lang, layout):
    links = svg_links(figures.model_svg(model, lang, layout, href_of))
    expected = []
    for d in model.dimensions.values():
        expected.append((d.id, f"/dimension/{d.id}/", f"{d.id} {model.texts[lang]['dimensions'][d.id]['title']}"))
        expected += [(e, f"/element/{e}/", f"{e} {model.texts[lang]['elements'][e]['title']}") for e in d.element_ids]
    assert links == expected
    assert len([i for i, _h, _n in links if i in model.elements]) == len(model.elements) == 12


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_wrapped_lines_keep_every_word_and_fit_the_estimated_width(model, lang):
    for layout in (figures.WIDE, figures.TALL):
        boxes, height, _joints = figures.model_layout(model, lang, layout, href_of, model.ui(lang, "figures_centre"))
        for b in boxes:
            assert " ".join(b.lines) == b.label
            room = b.w - 2 * b.PAD - (2 * b.badge + b.PAD if b.badge else 0)
            assert all(figures.text_width(line, b.size, b.kind != "element") <= room for line in b.lines if " " in line), b.label
            assert b.y >= 0 and b.y + b.h <= height + 0.01
        assert len({b.item_id for b in boxes if b.kind == "element"}) == 12


def test_wrap_breaks_at_spaces_and_keeps_a_long_word_whole():
    assert figures.wrap("aaa bbb ccc", figures.text_width("aaa bbb", 10), 10) == ["aaa bbb", "ccc"]
    assert figures.wrap("klant-/burgerervaringen x", 5, 10) == ["klant-/burgerervaringen", "x"]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_pyramid_and_chain_follow_model_yml(model, lang):
    pyramid = ET.fromstring(figures.pyramid_svg(model, lang))
    assert pyramid.get("role") == "img"
    items = [g for g in pyramid.iter(f"{SVG}g") if g.get("data-id")]
    assert [g.get("data-id") for g in items] == [p["id"] for p in sorted(model.pyramid, key=lambda p: -p["level"])]
    for g, level in zip(items, sorted(model.pyramid, key=lambda p: -p["level"]), strict=True):
        rect = g.find(f"{SVG}rect")
        assert ("level-in" in rect.get("class")) == level["in_model"]
        text = " ".join(t.text for t in g.iter(f"{SVG}tspan"))
        for standard in level["covered_by"]:
            assert standard in text
    chain = ET.fromstring(figures.chain_svg(model, lang))
    steps = [g.get("data-id") for g in chain.iter(f"{SVG}g") if g.get("data-id")]
    assert steps == list(model.effect_chain)
    assert len(list(chain.iter(f"{SVG}path"))) == len(steps) - 1  # one arrow between each pair
    desc = chain.find(f"{SVG}desc").text
    assert all(model.texts[lang]["effect_chain"][c]["title"] in desc for c in model.effect_chain)


def test_a_renamed_element_changes_the_figure_and_stays_inert_text(fixture_project):
    before = figures.model_svg(load_model(fixture_project / "model"), "en", figures.WIDE, href_of)
    assert "El711 title EN" in svg_text(before)
    edit_yaml(
        fixture_project / "model/text/en/model.yml", lambda t: t.replace("title: El711 title EN", "title: 'Rates & fees < \"5\" > 4'")
    )
    after = figures.model_svg(load_model(fixture_project / "model"), "en", figures.WIDE, href_of)
    assert "El711 title EN" not in svg_text(after) and "Rates & fees" in svg_text(after)
    assert '7.1.1 Rates & fees < "5" > 4' in [n for _i, _h, n in svg_links(after)]
    assert "&amp; fees &lt; &#34;5&#34; &gt; 4" in after  # escaped: text, never markup


class FigureLinks(HTMLParser):
    """(id, href) of the links in the model figure's wide SVG, tall SVG and text alternative."""

    def __init__(self):
        super().__init__()
        self.where: str | None = None
        self.found: dict[str, list[tuple[str, str]]] = {"wide": [], "tall": [], "list": []}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "svg" and "portal-fig--model" in a.get("class", ""):
            self.where = "wide" if "portal-fig--wide" in a["class"] else "tall"
        elif tag == "details" and "portal-model-figure__list" in a.get("class", ""):
            self.where = "list"
        elif tag == "a" and self.where:
            self.found[self.where].append((a.get("data-id"), a.get("href")))

    def handle_endtag(self, tag):
        if tag in ("svg", "details"):
            self.where = None


def figure_of(html_file: Path) -> dict[str, list[tuple[str, str]]]:
    parser = FigureLinks()
    parser.feed(html_file.read_text(encoding="utf-8"))
    return parser.found


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_built_overview_figure_and_text_alternative_hold_the_same_working_links(real_site, model, lang):
    html_file = page_file(real_site, lang, "model/index.md")
    found = figure_of(html_file)
    wide, tall, listed = found["wide"], found["tall"], found["list"]
    assert wide == tall == listed
    assert [i for i, _h in wide if i in model.elements] == list(model.elements)
    assert [i for i, _h in wide if i in model.dimensions] == list(model.dimensions)
    for item_id, href in wide:
        kind = "element" if item_id in model.elements else "dimension"
        target = Path(posixpath.normpath(posixpath.join(str(html_file.parent), href))) / "index.html"
        assert target == page_file(real_site, lang, scheme.src_of(model, kind, item_id)), (item_id, href)
    page = parse(html_file)
    assert {"portal-fig-pyramid-title", "portal-fig-chain-title", "pyramid", "effect-chain"} <= page.ids


def test_built_fixture_figure_follows_a_renamed_element(fixture_project):
    from macros.cli.build import build_site

    edit_yaml(fixture_project / "model/text/nl/model.yml", lambda t: t.replace("El721 title NL", "Hernoemd element"))
    site = build_site(fixture_project / "mkdocs.yml")
    html_text = page_file(site, "nl", "model/index.md").read_text(encoding="utf-8")
    figure = html_text[html_text.index('<div class="portal-model-figure"') :]
    assert 'data-id="7.2.1"' in figure and ">7.2.1 Hernoemd element</tspan>" in figure and "El721 title NL" not in figure


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_principles_overview_lists_serving_elements_and_practices(real_site, model, lang):
    html_file = page_file(real_site, lang, "principles/index.md")
    text = html_file.read_text(encoding="utf-8")
    for pid in model.principles:
        start = text.index(f'id="{pid}"')
        section = text[start : text.find("<h3", start + 1) if text.find("<h3", start + 1) > 0 else len(text)]
        serving = model.practices_serving(pid)
        for p in serving:
            assert f'href="../practices/{p.id}/"' in section, (pid, p.id)
        assert section.count('href="../practices/') == len(serving), pid
        homes = {model.subelements[p.home_id].element_id for p in serving}
        for e in model.elements:
            count = sum(1 for p in serving if model.subelements[p.home_id].element_id == e)
            linked = f'href="../model/{e}/"' in section
            assert linked == (e in homes), (pid, e)
            if linked:
                assert f"{e} " in section and f"({count})" in section


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_home_page_routes_four_readers_and_lists_every_element(real_site, model, lang):
    home = parse(page_file(real_site, lang, "index.md"))
    assert {"improve", "lead", "teach", "own-version"} <= home.ids
    hrefs = [h for h, _a in home.links]
    for e in model.elements:
        assert f"model/{e}/" in hrefs, e
    for target in ("principles/", "practices/", "model/", "model/#pyramid"):
        assert target in hrefs, target
