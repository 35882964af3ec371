"""The catalogue as data: exports read back with their libraries, match the model, validate against the
published schema; the Downloads page lists every registered download with its real size."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import posixpath
import re
import struct
import xml.etree.ElementTree as ET

import pytest
from jsonschema import Draft202012Validator

from macros.cli.build import configured_languages
from macros.model.changelog import parse as parse_changelog
from macros.outputs import downloads, figure_files
from macros.outputs.downloads import Download
from macros.urls.redirects import release_anchor
from macros.urls.site import Site
from macros.views.registry import render_page
from macros.views.trainers import human_size

from .conftest import PROJECT, shared_model
from .html_tools import parse


@pytest.fixture(scope="module")
def model():
    return shared_model()


def files(real_site):
    return {"en": real_site / "downloads", "nl": real_site / "nl" / "downloads", "all": real_site / "downloads"}


@pytest.mark.parametrize("lang,name", [("en", "catalogue-en.json"), ("nl", "catalogue-nl.json"), ("all", "catalogue.json")])
def test_json_validates_against_the_published_schema_and_matches_the_model(real_site, model, lang, name):
    schema = json.loads((real_site / "downloads" / "catalogue.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    data = json.loads((files(real_site)[lang] / name).read_text(encoding="utf-8"))
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in Draft202012Validator(schema).iter_errors(data)]
    assert errors == [], errors[:10]
    assert data["model_version"] == model.version
    langs = ["en", *sorted(x for x in model.texts if x != "en")] if lang == "all" else [lang]  # every language with text
    assert data["languages"] == langs
    for kind in ("dimensions", "elements", "subelements", "principles", "practices"):
        assert [x["id"] for x in data[kind]] == list(getattr(model, kind)), kind
    assert [x["id"] for x in data["expectations"]] == list(model.expectations)
    practice = data["practices"][0]
    p_id = practice["id"]
    for x in langs:
        shown, actual = model.text(x, "practices", p_id)  # a language without the text shows another one, and says so
        assert practice["title"][x] == shown["title"] and practice["steps"][x] == shown["steps"]
        assert practice.get("fallback", {}).get(x, x) == actual
        assert practice["url"][x] == ("" if x == configured_languages(PROJECT / "mkdocs.yml")[0] else f"/{x}") + f"/practices/{p_id}/"
    assert data["expectations"][0]["url"]["en" if lang != "nl" else "nl"].endswith(f"/#{data['expectations'][0]['id']}")


def test_schema_rejects_a_broken_catalogue(real_site):
    schema = json.loads((real_site / "downloads" / "catalogue.schema.json").read_text(encoding="utf-8"))
    data = json.loads((real_site / "downloads" / "catalogue-en.json").read_text(encoding="utf-8"))
    del data["practices"][0]["title"]
    data["practices"][1]["level"] = 7
    assert len(list(Draft202012Validator(schema).iter_errors(data))) == 2


def _csv(path):
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


@pytest.mark.parametrize("lang,suffix", [("en", "-en"), ("nl", "-nl"), ("all", "")])
def test_csv_has_one_row_per_practice_and_per_expectation(real_site, model, lang, suffix):
    folder = files(real_site)[lang]
    practices = _csv(folder / f"practices{suffix}.csv")
    expectations = _csv(folder / f"expectations{suffix}.csv")
    assert [r["id"] for r in practices] == list(model.practices)
    assert [r["id"] for r in expectations] == list(model.expectations)
    assert {r["model_version"] for r in practices + expectations} == {model.version}
    first = practices[0]
    text_lang = "nl" if lang == "nl" else "en"
    title = first["title_en"] if lang == "all" else first["title"]
    assert title == model.texts[text_lang]["practices"][first["id"]]["title"]
    if lang == "all":
        assert first["title_nl"] == model.texts["nl"]["practices"][first["id"]]["title"]
    steps = first["steps_en" if lang == "all" else "steps"].split("\n")
    assert steps == model.texts[text_lang]["practices"][first["id"]]["steps"]
    sub = expectations[0]["subelement"]
    assert sub == model.expectations[expectations[0]["id"]]


@pytest.mark.parametrize("lang,name", [("en", "catalogue-en.xlsx"), ("nl", "catalogue-nl.xlsx"), ("all", "catalogue.xlsx")])
def test_xlsx_reads_back_with_openpyxl(real_site, model, lang, name):
    from openpyxl import load_workbook

    wb = load_workbook(files(real_site)[lang] / name, read_only=True)
    assert wb.sheetnames == ["about", "practices", "expectations"]
    about = {row[0]: row[1] for row in wb["about"].iter_rows(values_only=True)}
    assert about["model_version"] == model.version
    practices = list(wb["practices"].iter_rows(values_only=True))
    expectations = list(wb["expectations"].iter_rows(values_only=True))
    assert [r[1] for r in practices[1:]] == list(model.practices)
    assert [r[1] for r in expectations[1:]] == list(model.expectations)
    header = practices[0]
    col = header.index("title_nl" if lang == "all" else "title")
    text_lang = "en" if lang == "en" else "nl"
    assert practices[1][col] == model.texts[text_lang]["practices"][practices[1][1]]["title"]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_downloads_page_lists_every_registered_download_with_its_size(real_site, model, lang):
    root = real_site / ("nl/" if lang == "nl" else "")
    page_file = root / "downloads" / "index.html"
    html = page_file.read_text(encoding="utf-8")
    info = parse(page_file)
    hrefs = {h for h, _a in info.links}
    for d in downloads.DOWNLOADS:
        built = (root if d.per_language else real_site) / downloads.site_path(d, lang)
        assert built.exists(), built
        href = ("../" if d.per_language or lang == "en" else "../../") + downloads.site_path(d, lang)
        assert href in hrefs, (d.key, href)
        size = human_size(built.stat().st_size, lang)
        shown = re.search(
            rf'<a href="{re.escape(href)}" download>.*?</span>([^<]*)</a> <span class="portal-download__size">([^<]*)</span>', html
        )
        assert shown and shown[2] == size, (d.key, size, shown and shown[2])  # the size of the file beside its own link
        language = {"one": model.ui(lang, "language_name"), "all": model.ui(lang, "trainers_all_languages"), "none": None}[d.languages]
        assert shown[1] == d.filename(lang).rsplit(".", 1)[1].upper() + (f", {language}" if language else ""), (d.key, shown[1])
        section = html[: html.index(href)].rsplit("<h2", 1)[1]
        assert section.startswith(f' id="{d.group}"'), (d.key, section[:40])  # under its group's heading
    glossary = [d for d in downloads.DOWNLOADS if d.key.startswith("glossary-")]
    assert glossary and all(d.languages == "all" for d in glossary)  # both languages inside: not labelled as one
    for name in figure_files.FIGURES:  # one entry per figure: a preview, both formats, the text alternative once
        entry = re.search(
            rf'<li class="portal-download portal-download--figure">\s*<img [^>]*src="[./]*downloads/figure-{name}-{lang}.svg".*?</details>',
            html,
            re.S,
        )
        assert entry and entry[0].count("download>") == 2 and entry[0].count("<details") == 1, name


def test_a_newly_registered_download_appears_on_the_page_without_template_edits(model, monkeypatch):
    extra = Download(
        "glossary_tbx", lambda lang: f"terms-{lang}.tbx", lambda site, lang: b"x" * 3000, "application/x-tbx", "download_catalogue_json"
    )
    monkeypatch.setattr(downloads, "DOWNLOADS", (*downloads.DOWNLOADS, extra))
    text = render_page(Site(model, ("en", "nl")), "en", "downloads", "downloads")
    assert re.search(r'<a href="../downloads/terms-en.tbx" download>.*?</a> <span class="portal-download__size">3 KiB</span>', text)


def test_a_forks_own_releases_come_first_on_the_changelog_apart_from_upstreams(model):
    practice = next(iter(model.practices))
    data = {
        "releases": [
            {"version": "2026.2.0", "date": "2026-11-29", "retired": [{"kind": "practice", "id": "local-old", "replaced_by": practice}]}
        ]
    }
    forked = dataclasses.replace(model, fork_releases=tuple(parse_changelog(data)))
    text = render_page(Site(forked, ("en", "nl")), "en", "changelog", "changelog")
    upstream = "{ #" + release_anchor(model.releases[-1].version) + " }"
    order = ["{ #local-releases }", "{ #local-release-2026-2-0 }", "local-old", "{ #upstream-releases }", upstream]
    assert all(a in text for a in order) and [text.index(a) for a in order] == sorted(text.index(a) for a in order)
    plain = render_page(Site(model, ("en", "nl")), "en", "changelog", "changelog")  # without a fork: one list, as before
    assert "local-releases" not in plain and f"\n## {model.ui('en', 'trainers_release').format(version=model.version)} " in plain


def test_changelog_page_and_version_in_every_footer(real_site, model):
    changelog = parse(real_site / "changelog" / "index.html")
    assert "release-" + model.version.replace(".", "-") in changelog.ids
    for lang, root in (("en", real_site), ("nl", real_site / "nl")):
        for page in (root / "index.html", root / "model" / "7.2.2.4" / "index.html", root / "practices" / "index.html"):
            text = page.read_text(encoding="utf-8")
            assert f'<p class="portal-version"><span>{model.ui(lang, "trainers_version").format(version=model.version)}' in text


def configured_site_url() -> str:
    """site_url from mkdocs.yml: what paper, QR codes and spreadsheets put in front of every path."""
    text = (PROJECT / "mkdocs.yml").read_text(encoding="utf-8")
    return re.search(r"^site_url: (\S+)$", text, re.M).group(1).rstrip("/")


def test_print_view_and_handouts_hold_every_item_with_id_anchors_and_full_urls(real_site, model):
    root = configured_site_url()
    for prefix in ("", "nl/"):
        page = parse(real_site / prefix / "print" / "index.html")
        whole = "".join(page.text)
        for s in model.subelements:
            assert f"{root}/{prefix}model/{s}/" in whole
            assert s in page.ids  # the same language-neutral anchors as the item pages
        for d in model.dimensions:
            assert d in page.ids
        for e in model.expectations:
            assert e in whole and e in page.ids
        for p in model.practices:
            assert f"{root}/{prefix}practices/{p}/" in whole
            assert p in page.ids
        handout_file = real_site / prefix / "print" / "7.2.2" / "index.html"
        handout_page = parse(handout_file)
        handout = "".join(handout_page.text)
        subs = model.elements["7.2.2"].subelement_ids
        assert handout_file.read_text(encoding="utf-8").count("<h2 ") == len(subs)  # one section per sub-element
        assert "7.2.2" in handout_page.ids
        for s in model.elements["7.2.2"].subelement_ids:
            assert f"{root}/{prefix}model/{s}/" in handout and s in handout_page.ids
            for e in model.subelements[s].expectation_ids:
                assert e in handout and e in handout_page.ids
            for p in model.practices_for(s):
                assert f"{root}/{prefix}practices/{p.id}/" in handout and p.id in handout_page.ids
        assert not [i for i in handout_page.ids | page.ids if re.match(r"\d+-", i)], "title-derived anchors differ per language"


@pytest.mark.parametrize("prefix", ["", "nl/"])
def test_every_handout_has_a_qr_code_of_its_element_page(real_site, model, prefix):
    root = configured_site_url()
    for el in model.elements:
        folder = real_site / prefix / "print" / el
        svg = (folder / "qr.svg").read_text(encoding="utf-8")
        assert svg.startswith("<svg") and f"<title>{root}/{prefix}model/{el}/</title>" in svg
        images = [a for tag, a in parse(folder / "index.html").images if a.get("src") == "qr.svg"]
        assert len(images) == 1 and f"{root}/{prefix}model/{el}/" in images[0]["alt"]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_figures_download_as_standalone_svg_and_png_with_their_text_alternative(real_site, model, lang):
    root = real_site / ("nl" if lang == "nl" else "")
    page = (root / "downloads" / "index.html").read_text(encoding="utf-8")
    words = " ".join("".join(parse(root / "downloads" / "index.html").text).split())  # what a reader reads
    ns = {"s": "http://www.w3.org/2000/svg"}
    for name in ("model", "pyramid", "chain"):
        file = root / "downloads" / f"figure-{name}-{lang}.svg"
        svg = ET.parse(file).getroot()  # well-formed XML, opens outside the site
        assert svg.get("width") and svg.get("height") and svg.find("s:style", ns) is not None  # own size and colours
        alt = figure_files.figure_alt(model, lang, name)
        assert " ".join(svg.find("s:desc", ns).text.split()) == alt
        assert f"figure-{name}-{lang}.svg" in page and alt in words  # listed with its text alternative
        png = (root / "downloads" / f"figure-{name}-{lang}.png").read_bytes()  # and as PNG (its drawing: test_browser_figures)
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        width, height = struct.unpack(">II", png[16:24])  # the IHDR chunk
        assert abs(width - 2 * float(svg.get("width"))) <= 1 and abs(height - 2 * float(svg.get("height"))) <= 1, name
        assert f"figure-{name}-{lang}.png" in page
    overview = parse(root / "model" / "index.html")  # each figure of the model page links to its files
    files = {posixpath.normpath(posixpath.join("model", h)) for h, _a in overview.links if "downloads/figure-" in h}
    assert files == {f"downloads/figure-{n}-{lang}.{ext}" for n in figure_files.FIGURES for ext in ("svg", "png")}
    model_svg = ET.parse(root / "downloads" / f"figure-model-{lang}.svg")
    legend = " ".join("".join(model_svg.find(".//s:g[@class='portal-fig__legend']", ns).itertext()).split())
    assert legend == model.ui(lang, "figures_added_legend")  # on a slide, no caption says what a dashed outline means
    links = [a.get("href") for a in model_svg.iter("{http://www.w3.org/2000/svg}a")]
    prefix = "nl/" if lang == "nl" else ""
    assert f"{configured_site_url()}/{prefix}model/7.3.2/" in links
