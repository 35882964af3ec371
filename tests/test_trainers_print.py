"""Paper a trainer can hand out: Chromium's own PDF printing of the handout and the checklist of element 7.3.2.

Before round two the checklist printed on 9 pages (page 1 only the title, three pages with 1-2 lines) and
handouts on US Letter. Now A4 comes from the stylesheet and blocks split at their parts, not pushed whole.
"""

from __future__ import annotations

import re

import pytest

from .test_trainers_exports import configured_site_url

pytestmark = pytest.mark.browser

A4_POINTS = (595, 842)
# page -> most pages allowed (the model text can grow a little); counts measured when written: 5 in both languages
MOST_PAGES = {"print/7.3.2/": 5, "checklists/7.3.2/": 5}


def pdf_pages(pdf: bytes) -> list[tuple[int, int]]:
    """Media box (width, height in points, rounded) of every page of a PDF made by Chromium."""
    boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    return [(round(float(w)), round(float(h))) for w, h in boxes]


@pytest.mark.parametrize("prefix", ["", "nl/"])
@pytest.mark.parametrize("path", list(MOST_PAGES))
def test_handout_and_checklist_print_on_few_a4_pages(page, site_url, prefix, path):
    page.goto(site_url + prefix + path, wait_until="networkidle")
    pages = pdf_pages(page.pdf(prefer_css_page_size=True, print_background=False))
    print(f"\n{prefix}{path}: {len(pages)} A4 pages")
    assert pages and set(pages) == {A4_POINTS}, f"{prefix}{path} is not A4 by default: {set(pages)}"
    assert len(pages) <= MOST_PAGES[path], f"{prefix}{path} prints on {len(pages)} pages"


def test_print_keeps_headings_with_what_follows_and_prints_full_addresses(page, site_url):
    page.goto(site_url + "print/7.3.2/", wait_until="networkidle")
    page.emulate_media(media="print")
    rules = page.evaluate(
        """() => ['h1', 'h2', '.portal-keep'].map(s => getComputedStyle(document.querySelector('article ' + s)).breakAfter)"""
    )
    assert set(rules) == {"avoid"}
    qr = page.locator("article img.portal-qr")
    assert qr.count() == 1 and qr.evaluate("img => img.complete && img.naturalWidth > 0")
    assert qr.get_attribute("alt").endswith("/model/7.3.2/")


@pytest.mark.parametrize("prefix", ["", "nl/"])
def test_checklist_prints_its_configured_address_without_the_screen_controls(page, site_url, prefix):
    page.goto(f"{site_url}{prefix}checklists/7.3.2/", wait_until="networkidle")
    page.emulate_media(media="print")
    assert page.text_content(".portal-cl-shorturl a") == f"{configured_site_url()}/{prefix}checklists/7.3.2/"
    assert not page.is_visible(".portal-cl-filter") and not page.is_visible(".portal-cl-scale")
    assert page.is_visible(".portal-cl-rating")  # each sub-element's rating lists every step of the scale
