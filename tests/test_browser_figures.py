"""The generated figures in Chromium: geometry at desktop and mobile widths, self-assessment colouring, print.

Screenshots go to test-artifacts/ (git-ignored) so a person can look at what the test measured.
"""

from __future__ import annotations

import json

import pytest

from .browser import run_axe
from .conftest import PROJECT, shared_model

pytestmark = pytest.mark.browser

ARTIFACTS = PROJECT / "test-artifacts"
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "mobile": {"width": 375, "height": 812}}

# Boxes of the visible figures, in CSS pixels: the link (or static) box and, for each, its text's box.
MEASURE = """figSelector => {
  const out = [];
  document.querySelectorAll(figSelector).forEach(svg => {
    if (svg.getBoundingClientRect().width === 0) return;  // the hidden variant
    svg.querySelectorAll('rect.portal-fig__box').forEach(rect => {
      const r = rect.getBoundingClientRect();
      const t = rect.parentNode.querySelector('text.portal-fig__text').getBoundingClientRect();
      const px = parseFloat(getComputedStyle(rect.parentNode.querySelector('text.portal-fig__text')).fontSize)
        * svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      out.push({id: rect.parentNode.getAttribute('data-id') || 'centre', svg: svg.getAttribute('class'),
                box: [r.left, r.top, r.right, r.bottom], text: [t.left, t.top, t.right, t.bottom], px: px});
    });
  });
  return out;
}"""


# Contrast of every figure text against its own box, in the page's palette (axe does not look inside SVG).
CONTRASTS = """() => {
  const probe = document.createElement('div');
  probe.style.background = 'var(--md-default-bg-color)';
  document.body.appendChild(probe);
  const page = getComputedStyle(probe).backgroundColor;
  probe.remove();
  const parse = c => { const m = c.match(/[\\d.]+/g).map(Number); return [m[0], m[1], m[2], m.length > 3 ? m[3] : 1]; };
  const over = (top, under) => { const [r, g, b, a] = parse(top); const u = parse(under);
    return `rgb(${r * a + u[0] * (1 - a)}, ${g * a + u[1] * (1 - a)}, ${b * a + u[2] * (1 - a)})`; };
  const lum = c => { const v = parse(c).slice(0, 3).map(x => { x /= 255; return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]; };
  const out = [];
  document.querySelectorAll('svg.portal-fig').forEach(svg => {
    if (svg.getBoundingClientRect().width === 0) return;
    svg.querySelectorAll('rect.portal-fig__box').forEach(rect => {
      const box = over(getComputedStyle(rect).fill, page);
      const text = over(getComputedStyle(rect.parentNode.querySelector('text')).fill, box);
      const [a, b] = [lum(box), lum(text)].sort((x, y) => y - x);
      out.push({id: rect.parentNode.getAttribute('data-id') || 'centre', ratio: (a + 0.05) / (b + 0.05)});
    });
  });
  return out;
}"""


def overlaps(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.fixture(scope="module")
def model():
    return shared_model()


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_figures_render_without_overlap_and_text_stays_in_its_box(browser, site_url, model, lang, viewport):
    context = browser.new_context(viewport=VIEWPORTS[viewport])
    page = context.new_page()
    page.goto(site_url + ("nl/" if lang == "nl" else "") + "model/", wait_until="networkidle")
    ARTIFACTS.mkdir(exist_ok=True)
    page.add_style_tag(content=".md-header { position: relative !important; }")  # keep it out of the screenshots
    for name, selector in (("model", "svg.portal-fig--model"), ("pyramid", "svg.portal-fig--pyramid"), ("chain", "svg.portal-fig--chain")):
        boxes = page.evaluate(MEASURE, selector)
        assert len({b["svg"] for b in boxes}) == 1, f"exactly one {name} figure is visible"
        if name == "model":
            visible = boxes[0]["svg"]
            assert ("portal-fig--wide" in visible) == (viewport == "desktop"), visible
            assert [b["id"] for b in boxes if b["id"] in model.elements] == list(model.elements)
        for i, a in enumerate(boxes):
            assert a["box"][2] - a["box"][0] > 20 and a["box"][3] - a["box"][1] > 10, a
            inside = (
                a["text"][0] >= a["box"][0] and a["text"][1] >= a["box"][1] and a["text"][2] <= a["box"][2] and a["text"][3] <= a["box"][3]
            )
            assert inside, f"{name} {a['id']}: text {a['text']} spills out of its box {a['box']}"
            assert a["px"] >= 10.5, f"{name} {a['id']}: text renders at {a['px']:.1f}px"
            for b in boxes[i + 1 :]:
                assert not overlaps(a["box"], b["box"]), f"{name}: {a['id']} overlaps {b['id']}"
        page.locator(f"{selector} >> visible=true").screenshot(path=str(ARTIFACTS / f"figure-{name}-{lang}-{viewport}.png"))
    context.close()


ASSESSMENT = {
    "schema": 1,
    "model_version": "0.1.0",
    "updated": "2026-01-01T00:00:00Z",
    "subelements": {
        "7.1.1.a": {"rating": 4, "na": False, "justification": "", "notes": ""},
        "7.1.1.b": {"rating": 2, "na": False, "justification": "", "notes": ""},
        "7.1.1.c": {"rating": 0, "na": True, "justification": "", "notes": ""},
        "7.1.3": {"rating": 1, "na": False, "justification": "", "notes": ""},
        "7.2.1.2": {"rating": None, "na": False, "justification": "", "notes": ""},
    },
    "expectations": {},
    "plan": [],
}


def open_with_storage(browser, url: str, stored: str | None, viewport: str = "desktop"):
    context = browser.new_context(viewport=VIEWPORTS[viewport])
    if stored is not None:
        context.add_init_script(f"window.localStorage.setItem('portal-assessment', {json.dumps(stored)});")
    page = context.new_page()
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(url, wait_until="networkidle")
    return context, page, requests


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_figure_text_contrast_meets_aa_in_light_and_dark_palettes(browser, site_url, scheme):
    context, page, _requests = open_with_storage(browser, site_url + "model/", json.dumps(ASSESSMENT))
    page.evaluate("s => document.body.setAttribute('data-md-color-scheme', s)", scheme)
    ratios = page.evaluate(CONTRASTS)
    assert len(ratios) > 12 + 4 + 1
    low = [r for r in ratios if r["ratio"] < 4.5]
    assert low == [], low
    context.close()


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_saved_self_assessment_colours_elements_with_numbers_and_words(browser, site_url, model, lang):
    url = site_url + ("nl/" if lang == "nl" else "") + "model/"
    context, page, requests = open_with_storage(browser, url, json.dumps(ASSESSMENT))
    wide = page.locator("svg.portal-fig--wide")
    levels = {a.get_attribute("data-id"): a.get_attribute("data-level") for a in wide.locator("a.portal-fig__link--element").all()}
    # 7.1.1: (4 + 2) / 2 = 3, the "na" one ignored; 7.1.3: 1; 7.2.1 has only an unrated sub-element.
    assert levels == {e: {"7.1.1": "3", "7.1.3": "1"}.get(e) for e in model.elements}
    assert wide.locator('[data-badge-for="7.1.1"] text').text_content() == "3"
    assert wide.locator('[data-badge-for="7.1.1"]').is_visible()
    assert not wide.locator('[data-badge-for="7.2.1"]').is_visible()
    names = [a.evaluate("a => a.textContent.trim()") for a in wide.locator("a.portal-fig__link--element").all()]
    assert names[0] == "7.1.1 " + model.texts[lang]["elements"]["7.1.1"]["title"]  # the badge is not part of the link's name
    view = page.locator("[data-portal-assessment-view]")
    assert view.is_visible()
    lines = view.locator(".portal-assessment-view__lines li").all_text_contents()
    assert len(lines) == len(model.elements)
    title = model.texts[lang]["elements"]["7.1.1"]["title"]
    level_3 = model.texts[lang]["assessment_scale"][model.assessment_scale[3]["id"]]["label"]
    assert lines[0] == model.ui(lang, "figures_assessment_line").format(id="7.1.1", title=title, avg="3", level=level_3, rated=2, total=3)
    assert lines[1].startswith("7.1.2 ") and lines[1] == model.ui(lang, "figures_assessment_none").format(
        id="7.1.2", title=model.texts[lang]["elements"]["7.1.2"]["title"]
    )
    assert view.locator(".portal-assessment-view__legend li").count() == 5
    fill = page.evaluate("getComputedStyle(document.querySelector('svg.portal-fig--wide a[data-id=\"7.1.1\"] rect')).fill")
    plain = page.evaluate("getComputedStyle(document.querySelector('svg.portal-fig--wide a[data-id=\"7.2.1\"] rect')).fill")
    assert fill != plain
    assert run_axe(page) == []
    assert {r.split("/")[2] for r in requests} == {site_url.split("/")[2]}  # nothing sent anywhere
    ARTIFACTS.mkdir(exist_ok=True)
    page.add_style_tag(content=".md-header { position: relative !important; }")
    page.locator("div.portal-model-figure").screenshot(path=str(ARTIFACTS / f"figure-assessment-{lang}.png"))
    context.close()


@pytest.mark.parametrize(
    "stored",
    [
        None,
        "not json",
        json.dumps({"schema": 2, "subelements": {"7.1.3": {"rating": 4}}}),
        json.dumps({**ASSESSMENT, "subelements": {"7.1.3": {"rating": 4, "na": True}}}),
    ],
    ids=["none", "broken", "other-schema", "only-na"],
)
def test_without_usable_assessment_nothing_is_coloured_or_shown(browser, site_url, stored):
    context, page, _requests = open_with_storage(browser, site_url + "model/", stored)
    assert page.locator("a.portal-fig__link[data-level]").count() == 0
    assert not page.locator("[data-portal-assessment-view]").is_visible()
    context.close()


def test_figure_links_are_reachable_by_keyboard(browser, site_url, model):
    context = browser.new_context(viewport=VIEWPORTS["desktop"])
    page = context.new_page()
    page.goto(site_url + "model/", wait_until="networkidle")
    page.locator('svg.portal-fig--wide a[data-id="7.1"]').focus()
    reached = []
    for _ in range(len(model.elements) + len(model.dimensions) - 1):
        page.keyboard.press("Tab")
        reached.append(page.evaluate("document.activeElement.getAttribute('data-id')"))
    assert reached == [i for d in model.dimensions.values() for i in (d.id, *d.element_ids)][1:]
    page.keyboard.press("Enter")
    page.wait_for_url("**/model/7.4.3/")
    context.close()


def test_print_is_black_on_white_and_uses_the_wide_figure(browser, site_url):
    context = browser.new_context(viewport=VIEWPORTS["mobile"])
    page = context.new_page()
    page.goto(site_url + "model/", wait_until="networkidle")
    page.emulate_media(media="print")
    assert page.locator("svg.portal-fig--wide").is_visible() and not page.locator("svg.portal-fig--tall").is_visible()
    styles = page.evaluate("""() => [...document.querySelectorAll('svg.portal-fig--wide .portal-fig__box')].map(r => {
        const t = r.parentNode.querySelector('text'); return [getComputedStyle(r).fill, getComputedStyle(t).fill]; })""")
    assert styles and all(s == ["rgb(255, 255, 255)", "rgb(0, 0, 0)"] for s in styles), styles[:3]
    ARTIFACTS.mkdir(exist_ok=True)
    page.pdf(path=str(ARTIFACTS / "model-print.pdf"))
    context.close()


# Text pixels: where a drawing differs from Chromium's drawing of the same SVG file with its text taken out. Counted
# for the PNG file and for Chromium's drawing of the whole SVG file, at the PNG's size, and where both have them.
TEXT_PIXELS = """async ([png, svg]) => {
  const load = src => new Promise((ok, fail) => { const i = new Image(); i.onload = () => ok(i); i.onerror = fail; i.src = src; });
  const source = await (await fetch(svg)).text();
  const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
  doc.querySelectorAll('text').forEach(t => t.remove());
  const blank = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(doc)], {type: 'image/svg+xml'}));
  const [a, b, c] = await Promise.all([load(png), load(svg), load(blank)]);
  const w = a.naturalWidth, h = a.naturalHeight;
  const pixels = img => { const cv = document.createElement('canvas'); cv.width = w; cv.height = h;
    const g = cv.getContext('2d'); g.fillStyle = '#fff'; g.fillRect(0, 0, w, h); g.drawImage(img, 0, 0, w, h);
    return g.getImageData(0, 0, w, h).data; };
  const [p, s, n] = [pixels(a), pixels(b), pixels(c)];
  const differs = (x, i) => Math.abs(x[i] - n[i]) + Math.abs(x[i + 1] - n[i + 1]) + Math.abs(x[i + 2] - n[i + 2]) > 150;
  let np = 0, ns = 0, both = 0;
  for (let i = 0; i < 4 * w * h; i += 4) { const tp = differs(p, i), ts = differs(s, i); np += tp; ns += ts; both += tp && ts; }
  return {w, h, svgW: b.naturalWidth, png: np, svg: ns, both};
}"""


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_png_figures_show_the_text_of_their_svg(page, site_url, lang):
    """The PNG files are drawn with the font the package carries: a missing font would leave empty boxes,
    so the PNG's text must cover the same spots as Chromium's drawing of the SVG file, at twice its size."""
    prefix = "nl/" if lang == "nl" else ""
    page.goto(f"{site_url}{prefix}downloads/")
    for name in ("model", "pyramid", "chain"):
        base = f"{site_url}{prefix}downloads/figure-{name}-{lang}"
        n = page.evaluate(TEXT_PIXELS, [base + ".png", base + ".svg"])
        assert n["w"] == 2 * n["svgW"], (name, n)  # sharp enough for a projector
        assert n["png"] > 0.005 * n["w"] * n["h"], (name, n)  # text is drawn
        assert n["both"] > 0.7 * max(n["png"], n["svg"]), (name, n)  # and in the same places as in the SVG
