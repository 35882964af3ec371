"""The real catalogue built in both languages: every item reachable, nothing from outside."""

from __future__ import annotations

import re

import pytest

from macros.urls import scheme

from .conftest import shared_model
from .html_tools import page_file, parse


@pytest.fixture(scope="module")
def model():
    return shared_model()


def test_every_page_in_both_languages(real_site, model):
    for lang in ("en", "nl"):
        for _t, _id, src in scheme.all_pages(model):
            page = parse(page_file(real_site, lang, src))
            assert page.lang == lang, src


def test_subelement_pages_show_every_expectation_and_practice(real_site, model):
    for lang in ("en", "nl"):
        for s in model.subelements.values():
            src = scheme.src_of(model, "subelement", s.id)
            page = parse(page_file(real_site, lang, src))
            wanted = set(s.expectation_ids) | {p.id for p in model.practices_for(s.id)}
            assert wanted <= page.ids, (lang, s.id, wanted - page.ids)
            text = "".join(page.text)  # inline elements (e.g. a defined term) must not add spaces
            for e in s.expectation_ids:
                assert " ".join(model.texts[lang]["expectations"][e]["text"].split()) in " ".join(text.split())


OUTSIDE = re.compile(r"""(?:src|href)\s*=\s*["'](?:https?:)?//|url\(\s*["']?(?:https?:)?//|@import\s+["']?(?:https?:)?//""")


def test_no_resource_from_an_outside_host(real_site):
    offenders = []
    for f in real_site.rglob("*"):
        if f.suffix in (".html", ".css"):
            text = f.read_text(encoding="utf-8", errors="replace")
            if f.suffix == ".html":
                for tag in re.findall(r"<(?:link|script|img|source|iframe|video|audio)\b[^>]*>", text):
                    if OUTSIDE.search(tag) and 'rel="alternate"' not in tag and 'rel="canonical"' not in tag:
                        offenders.append(f"{f.relative_to(real_site)}: {tag[:120]}")
            elif OUTSIDE.search(text):
                offenders.append(f"{f.relative_to(real_site)}: {OUTSIDE.search(text).group(0)}")
    assert offenders == []


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_37_sub_elements_and_7_1_3_is_an_element_assessed_as_a_whole(real_site, model, lang):
    """The standard has 37 sub-elements; element 7.1.3 has none and is not "part of" itself."""
    home = " ".join(" ".join(parse(page_file(real_site, lang, "index.md")).text).split())
    assert re.search(r"\b37 sub-?elementen\b" if lang == "nl" else r"\b37 sub-elements\b", home), home[:400]
    page = page_file(real_site, lang, scheme.src_of(model, "element", "7.1.3")).read_text(encoding="utf-8")
    crumb = re.search(r'<p class="portal-breadcrumb">(.*?)</p>', page, re.S).group(1)
    assert model.ui(lang, "assessed_whole").split(": ")[-1] in crumb  # glossary terms in the first half get their own marks
    assert model.ui(lang, "part_of") not in crumb
