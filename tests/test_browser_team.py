"""The team self-assessment in headless Chromium: five crafted exports with known answers give the
hand-computed medians, ranges, tick shares and disagreement list; anonymous mode hides every label; a bad
file among good ones is refused alone; a baseline gives the right changes; the printed report fits its
pages; axe finds nothing. Screenshots of the team view, the comparison and the report go to test-artifacts/."""

from __future__ import annotations

import csv
import io
import json
import random
import re

import openpyxl
import pytest

from .browser import run_axe
from .conftest import PROJECT

pytestmark = pytest.mark.browser
ARTIFACTS = PROJECT / "test-artifacts"
LABELS = ("front office", "back office", "team manager", "policy adviser", "IT desk")
REASON = "We have no counter for walk-in visitors"


@pytest.fixture(scope="module")
def ids(real_model):
    """Three sub-elements of the first element that has three (A, B, C), A's first two expectations."""
    element = next(e for e in real_model.elements.values() if len(e.subelement_ids) >= 3)
    a, b, c = element.subelement_ids[:3]
    return {
        "element": element.id,
        "a": a,
        "b": b,
        "c": c,
        "a1": real_model.subelements[a].expectation_ids[0],
        "a2": real_model.subelements[a].expectation_ids[1],
        "version": real_model.version,
    }


def export(ids, label, ratings, ticks=(), na=None, plan=(), updated="2026-03-02T10:00:00Z", version=None):
    """An assessment as the checklists export it. ``ratings`` maps "a"/"b"/"c" to a step or None."""
    subs = {}
    for key, value in ratings.items():
        if value is not None:
            subs[ids[key]] = {"rating": value, "na": False, "justification": "", "notes": ""}
    if na:
        subs[ids[na]] = {"rating": None, "na": True, "justification": REASON, "notes": ""}
    data = {
        "schema": 1,
        "model_version": version or ids["version"],
        "updated": updated,
        "subelements": subs,
        "expectations": {ids[t]: True for t in ticks},
        "plan": list(plan),
    }
    if label:
        data["respondent"] = label
    return data


def five(ids):
    """Ratings of A, B, C: A 0 1 3 4 N/A (median 2, 0-4, spread 4), B 2 2 3 2 2 (median 2, spread 1),
    C 1 3 - 1 2 (median 1.5, 1-3, spread 2). A's e1 ticked by 3 of the 4 who did not mark it N/A, e2 by 1."""
    return [
        export(ids, LABELS[0], {"a": 0, "b": 2, "c": 1}, ticks=["a1"]),
        export(ids, LABELS[1], {"a": 1, "b": 2, "c": 3}, ticks=["a1"]),
        export(ids, LABELS[2], {"a": 3, "b": 3}, ticks=["a1"], updated="2026-03-05T09:00:00Z"),
        export(ids, LABELS[3], {"a": 4, "b": 2, "c": 1}, ticks=["a2"]),
        export(ids, LABELS[4], {"b": 2, "c": 2}, ticks=["a1", "a2"], na="a"),  # N/A: its ticks do not count
    ]


def files(exports, prefix="answers"):
    return [
        {"name": f"{prefix}-{i + 1}.json", "mimeType": "application/json", "buffer": json.dumps(e).encode()} for i, e in enumerate(exports)
    ]


def open_team(page, site_url, lang=""):
    page.goto(f"{site_url}{lang}checklists/team/", wait_until="networkidle")
    assert page.is_visible("[data-portal-team]")


def load(page, selector, payload):
    page.set_input_files(selector, payload)
    page.wait_for_selector("[data-team-busy]", state="hidden")
    page.wait_for_function("document.querySelector('[data-team-messages]').children.length > 0")


def cells(page, selector) -> list[str]:
    return [c.strip() for c in page.eval_on_selector_all(f"{selector} > *", "cs => cs.map(c => c.textContent)")]


def messages(page, kind):
    return page.eval_on_selector_all(f"[data-team-message={kind}]", "ls => ls.map(l => l.innerText)")


def test_five_exports_give_the_hand_computed_figures(page, site_url, ids, real_model):
    open_team(page, site_url)
    load(page, "#team-current", files(five(ids)))
    assert messages(page, "error") == []
    a, b, c = ids["a"], ids["b"], ids["c"]
    # sub-element, answered, median, lowest, highest, spread, agreement, N/A
    assert cells(page, f"[data-team-sub='{a}']")[1:] == ["5", "2", "0", "4", "4", "50%", "1"]
    assert cells(page, f"[data-team-sub='{b}']")[1:] == ["5", "2", "2", "3", "1", "100%", "0"]
    assert cells(page, f"[data-team-sub='{c}']")[1:] == ["4", "1.5", "1", "3", "2", "75%", "0"]
    # every sub-element of the model has its row: the page follows the model
    assert page.locator("[data-team-sub]").count() == len(real_model.subelements)
    # disagreements first: widest spread first
    assert page.eval_on_selector_all("[data-team-results] [data-team-agenda]", "rs => rs.map(r => r.dataset.teamAgenda)") == [a, c]
    assert cells(page, f"[data-team-results] [data-team-agenda='{a}']")[1:] == ["0, 1, 3, 4", "0", "4", "2", "4"]
    # tick shares: the N/A respondent is not counted
    assert cells(page, f"[data-team-tick='{ids['a1']}']")[1] == "3 of 4 (75%)"
    assert cells(page, f"[data-team-tick='{ids['a2']}']")[1] == "1 of 4 (25%)"
    # element: each person's mean 1, 2, 3, 7/3, 2 -> median 2, lowest 1, highest 3, spread 2 (dashed in the figure)
    assert cells(page, f"[data-team-element='{ids['element']}']")[2:6] == ["2", "1–3", "2", "5"]
    link = page.locator(f"[data-team-figure] svg.portal-fig--wide .portal-fig__link--element[data-id='{ids['element']}']")
    assert link.get_attribute("data-level") == "2" and link.get_attribute("data-spread") == "wide"
    # N/A reasons with who gave them
    assert page.eval_on_selector_all(f"[data-team-na='{a}']", "ls => ls.map(l => l.textContent)") == [f"{LABELS[4]}: {REASON}"]
    assert page.eval_on_selector_all(".portal-team-respondents tbody th", "t => t.map(x => x.textContent)") == list(LABELS)
    ARTIFACTS.mkdir(exist_ok=True)
    page.set_viewport_size({"width": 1280, "height": 1000})
    page.evaluate("document.getElementById('agenda').scrollIntoView()")
    page.wait_for_timeout(400)  # the header's title swap settles
    page.screenshot(path=str(ARTIFACTS / "team-view.png"))
    page.locator("[data-team-figure]").screenshot(path=str(ARTIFACTS / "team-figure.png"))
    assert run_axe(page) == []


def test_anonymous_round_hides_every_label_on_the_page_and_in_the_report(page, site_url, ids):
    open_team(page, site_url)
    load(page, "#team-current", files(five(ids)))
    page.check("#team-anonymous")
    text = page.inner_text("main") + page.text_content("[data-team-report]")
    for label in LABELS:
        assert label not in text
    assert "answers-1.json" not in page.inner_text("main")  # file names can be names too
    assert page.eval_on_selector_all(f"[data-team-na='{ids['a']}']", "ls => ls.map(l => l.textContent)") == [REASON]
    with page.expect_download() as info:
        page.click("[data-team-action=export-json]")
    exported = open(info.value.path(), encoding="utf-8").read()
    for label in LABELS:
        assert label not in exported
    assert json.loads(exported)["anonymous"] is True


def test_a_bad_file_is_refused_alone_and_duplicates_are_noticed(page, site_url, ids):
    open_team(page, site_url)
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    good = files(five(ids))
    bad = {"name": "broken.json", "mimeType": "application/json", "buffer": b'{"schema": 1, "model_vers'}
    load(page, "#team-current", good[:2] + [bad] + good[2:])
    errors = messages(page, "error")
    assert len(errors) == 1 and "broken.json" in errors[0]
    assert page.locator(".portal-team-respondents").first.locator("tbody tr").count() == 5
    load(page, "#team-current", [dict(good[0], name="again.json")])
    errors = messages(page, "error")
    assert len(errors) == 1 and "again.json" in errors[0] and "answers-1.json" in errors[0]
    # an older model version is mapped: unknown IDs dropped and named, the rest kept
    older = export(ids, "", {"a": 2}, version="0.0.1")
    older["subelements"]["9.9.9"] = {"rating": 1}
    newer = export(ids, "", {"a": 2}, version="99.0.0")
    load(page, "#team-current", files([older, newer], prefix="round"))
    infos, errors = messages(page, "info"), messages(page, "error")
    assert any("round-1.json" in m and "9.9.9" in m for m in infos)
    assert len(errors) == 1 and "round-2.json" in errors[0] and "99.0.0" in errors[0]
    assert page.locator(".portal-team-respondents").first.locator("tbody tr").count() == 6
    # the page's own summary download is not an assessment: refused with a message that says what it is
    load(
        page,
        "#team-current",
        [{"name": "summary.json", "mimeType": "application/json", "buffer": b'{"kind": "portal-team-summary", "schema": 1}'}],
    )
    errors = messages(page, "error")
    assert len(errors) == 1 and "summary.json" in errors[0] and "team summary" in errors[0]
    # sizes are bounded: a file far larger than any assessment is not even read
    load(page, "#team-current", [{"name": "huge.json", "mimeType": "application/json", "buffer": b" " * (3 * 1024 * 1024)}])
    errors = messages(page, "error")
    assert len(errors) == 1 and "huge.json" in errors[0] and "2 MB" in errors[0]
    assert requests == []  # every file was read in the browser: nothing was sent or fetched


def test_baseline_and_follow_up_show_the_right_changes(page, site_url, ids):
    open_team(page, site_url)
    load(page, "#team-current", files(five(ids)))
    baseline = [
        export(ids, "front office", {"a": 1, "b": 3}, updated="2025-03-01T10:00:00Z"),
        export(ids, "back office", {"a": 1, "b": 3}, updated="2025-03-02T10:00:00Z", plan=[]),
    ]
    load(page, "#team-baseline", files(baseline, prefix="last-year"))
    assert page.is_visible("[data-team-progress]")
    a, b, c = ids["a"], ids["b"], ids["c"]
    row = page.locator(f"[data-team-change='{a}']")
    assert row.get_attribute("data-direction") == "up" and cells(page, f"[data-team-change='{a}']")[1:] == ["1", "2", "up 1"]
    assert page.get_attribute(f"[data-team-change='{b}']", "data-direction") == "down"
    assert cells(page, f"[data-team-change='{b}']")[1:] == ["3", "2", "down 1"]
    assert page.get_attribute(f"[data-team-change='{c}']", "data-direction") == "none"
    # element: baseline means 2, 2 -> 2; follow-up 2 -> no change
    assert cells(page, f"[data-team-element='{ids['element']}']")[6:] == ["2", "no change"]
    page.locator("[data-team-progress]").screenshot(path=str(ARTIFACTS / "team-comparison.png"))
    assert run_axe(page) == []


def test_the_report_prints_on_two_to_four_a4_pages(page, site_url, ids):
    open_team(page, site_url)
    load(page, "#team-current", files(five(ids)))
    baseline = [export(ids, "x", {"a": 1, "b": 3}, updated="2025-03-01T10:00:00Z")]
    load(page, "#team-baseline", files(baseline, prefix="last-year"))
    pdf = page.pdf(format="A4")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert 2 <= pages <= 4, pages
    page.emulate_media(media="print")
    report = page.locator("[data-team-report]")
    assert report.is_visible() and not page.is_visible("[data-team-results]")
    text = report.inner_text()
    assert ids["version"] in text and "respondents: 5" in text
    assert LABELS[4] in text  # N/A reasons are attributed when the round is not anonymous
    page.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 dpi
    page.screenshot(path=str(ARTIFACTS / "team-report-page1.png"))


def test_dutch_page_and_axe_before_loading(page, site_url, ids):
    open_team(page, site_url, "nl/")
    assert page.inner_text("h1").startswith("Zelfevaluatie met je team")
    assert "Alles blijft in je browser" in page.inner_text("main")
    assert run_axe(page) == []
    load(page, "#team-current", files(five(ids)))
    assert cells(page, f"[data-team-sub='{ids['c']}']")[2] == "1,5"  # Dutch decimal comma
    assert run_axe(page) == []


@pytest.mark.parametrize("width", [320, 1280])
def test_loaded_results_stay_inside_the_column_and_scroll_on_their_own(page, site_url, ids, width):
    """Review: with files loaded, the eight-column tables made a 390 px page 979 px wide and ran into the table of
    contents at 1280 px. Each table now scrolls in its own labelled, focusable box, as Material's tables do."""
    page.set_viewport_size({"width": width, "height": 900})
    open_team(page, site_url, "nl/")
    load(page, "#team-current", files(five(ids)))
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    # Material's table boxes bleed .8rem into the article's padding, never beyond the content column
    column = page.evaluate("document.querySelector('.md-content').getBoundingClientRect().right")
    boxes = page.eval_on_selector_all(
        "[data-team-results] .md-typeset__scrollwrap",
        "ws => ws.map(w => [w.getBoundingClientRect().right, w.tabIndex, w.getAttribute('role'), w.getAttribute('aria-label')])",
    )
    assert len(boxes) >= 4
    for right, tab_index, role, label in boxes:
        assert right <= column + 1 and tab_index == 0 and role == "region" and label
    assert run_axe(page) == []


def test_heading_link_buttons_look_like_everywhere_else_and_the_dashed_border_means_only_spread(page, site_url, ids):
    """Review: the team page's button style boxed the headings' copy-link buttons; and the figure kept the model
    page's dashed outline for elements ISO 11367 adds, which on this page means 'answers far apart'."""
    open_team(page, site_url)
    load(page, "#team-current", files(five(ids)))
    border = page.eval_on_selector("#load .portal-copy, #load + .portal-copy", "b => getComputedStyle(b).borderTopStyle")
    assert border == "none"
    added = page.eval_on_selector_all(
        "[data-team-figure] svg.portal-fig--wide .portal-fig__link--element:not([data-spread=wide]) .portal-fig__box--added",
        "bs => bs.map(b => getComputedStyle(b).strokeDasharray)",
    )
    assert added and set(added) == {"none"}
    page.emulate_media(media="print")  # the management report draws its own copy of the figure: the same rule
    printed = page.eval_on_selector_all(
        ".portal-team-report__figure .portal-fig__link--element:not([data-spread=wide]) .portal-fig__box--added",
        "bs => bs.map(b => getComputedStyle(b).strokeDasharray)",
    )
    assert printed and set(printed) == {"none"}
    page.emulate_media(media="screen")
    wide = page.eval_on_selector(
        f"[data-team-figure] svg.portal-fig--wide .portal-fig__link--element[data-id='{ids['element']}'] .portal-fig__box",
        "b => getComputedStyle(b).strokeDasharray",
    )
    assert wide != "none"


def test_the_respondent_label_set_in_the_checklist_travels_in_the_export(browser, site_url):
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    page.goto(f"{site_url}checklists/", wait_until="networkidle")
    page.fill("[data-respondent]", "  front office ")
    with page.expect_download() as info:
        page.click("[data-action=export-json]")
    assert json.load(open(info.value.path(), encoding="utf-8"))["respondent"] == "front office"
    page.reload(wait_until="networkidle")
    assert page.input_value("[data-respondent]") == "front office"
    context.close()


def test_a_heavy_round_still_prints_on_at_most_four_pages(page, site_url, real_model):
    """40 people, every sub-element answered, many not-applicable reasons and plan picks, and a baseline:
    the report shortens its lists and still fits (Dutch, the longer language)."""
    rng = random.Random(11)
    practices = list(real_model.practices)

    def person(i: int, updated: str) -> dict:
        subs, ticks = {}, {}
        for sub in real_model.subelements.values():
            if rng.random() < 0.15:
                subs[sub.id] = {
                    "rating": None,
                    "na": True,
                    "justification": f"Reden {i}: deze dienst bieden wij hier helemaal niet aan",
                    "notes": "",
                }
            else:
                subs[sub.id] = {"rating": rng.randint(0, 4), "na": False, "justification": "", "notes": "aantekening " * 15}
            ticks.update({e: True for e in sub.expectation_ids if rng.random() < 0.5})
        return {
            "schema": 1,
            "model_version": real_model.version,
            "updated": updated,
            "respondent": f"Deelnemer {i} met een lange rolnaam",
            "subelements": subs,
            "expectations": ticks,
            "plan": rng.sample(practices, 8),
        }

    open_team(page, site_url, "nl/")
    load(page, "#team-current", files([person(i, "2026-03-02T10:00:00Z") for i in range(40)]))
    load(page, "#team-baseline", files([person(i, "2025-03-02T10:00:00Z") for i in range(40)], prefix="vorig-jaar"))
    assert messages(page, "error") == []
    pdf = page.pdf(format="A4")
    assert 2 <= len(re.findall(rb"/Type\s*/Page[^s]", pdf)) <= 4


def test_the_workshop_sheet_matches_the_page_and_never_holds_a_formula(page, site_url, ids):
    open_team(page, site_url)
    crafted = five(ids)
    crafted[4]["subelements"][ids["a"]]["justification"] = '=HYPERLINK("http://example.invalid","x")'
    load(page, "#team-current", files(crafted))
    page.check("#team-anonymous")
    with page.expect_download() as info:
        page.click("[data-team-action=export-csv]")
    rows = list(csv.reader(io.StringIO(open(info.value.path(), encoding="utf-8-sig").read())))
    header, by_id = rows[0], {r[1]: r for r in rows[1:]}
    assert len(header) == 18 and header[6] == "Median"
    a, c = by_id[ids["a"]], by_id[ids["c"]]
    assert a[5:11] == ["5", "2", "0", "4", "4", "50%"] and a[11] == "yes" and a[12] == "1"
    assert a[17] == "'" + crafted[4]["subelements"][ids["a"]]["justification"]  # shown as text, never run
    assert c[6] == "1.5" and c[11] == "yes"
    assert by_id[ids["a1"]][13:15] == ["3", "75%"]
    assert not any(cell.startswith(("=", "+", "@")) for row in rows for cell in row)
    # the workshop spreadsheet: the agenda to fill in, then the same rows as the CSV; a formula-like text stays text
    with page.expect_download() as info:
        page.click("[data-team-action=export-xlsx]")
    book = openpyxl.load_workbook(io.BytesIO(info.value.path().read_bytes()))
    assert book.sheetnames == ["Workshop agenda", "Team results"]
    agenda = [[c.value for c in row] for row in book["Workshop agenda"].iter_rows()]
    assert [r[0] for r in agenda[1:]] == [ids["a"], ids["c"]]
    assert agenda[1][2:7] == ["0, 1, 3, 4", 0, 4, 2, 4] and agenda[0][7:] == ["Agreed rating", "Action, owner, date"]
    sheet = [["" if c.value is None else c.value for c in row] for row in book["Team results"].iter_rows()]
    assert [str(v) for v in sheet[0]] == header
    xa = next(r for r in sheet if r[1] == ids["a"])
    assert xa[5:10] == [5, 2, 0, 4, 4] and xa[17] == crafted[4]["subelements"][ids["a"]]["justification"]
    assert all(c.data_type != "f" for row in book["Team results"].iter_rows() for c in row)
