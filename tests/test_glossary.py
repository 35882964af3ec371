"""The bilingual glossary: data rules, pages, term lookup, inline definitions and the CSV/TBX exports."""

from __future__ import annotations

import csv
import io
import re
import xml.etree.ElementTree as ET
from collections import Counter

import pytest

from macros.cli.build import build_site
from macros.load.loader import load_model
from macros.model import glossary
from macros.model.problems import ModelInvalid
from macros.outputs import glossary_files as glossary_export
from macros.render.term_marks import TermIndex, mark_terms
from macros.urls.site import Site

from .conftest import edit_yaml, shared_model
from .html_tools import page_file, parse

MODEL = shared_model()
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
MARK = re.compile(
    r'<span class="portal-term"><a class="portal-term__link" href="([^"]*)#([^"]+)" aria-describedby="([^"]+)">'
    r'([^<]*)</a><span class="portal-term__tip" role="tooltip" id="([^"]+)">([^<]*)</span></span>'
)


# -- the data ------------------------------------------------------------------------


def test_every_clause_3_term_of_the_standard_is_in_the_glossary_exactly_once():
    clauses = sorted((t.clause for t in MODEL.terms.values() if t.status == "standard"), key=lambda c: int(c.split(".")[1]))
    # ISO/FDIS 11367 clause 3 defines 3.1 to 3.21; the draft has no 3.18.
    assert clauses == [
        "3.1",
        "3.2",
        "3.3",
        "3.4",
        "3.5",
        "3.6",
        "3.7",
        "3.8",
        "3.9",
        "3.10",
        "3.11",
        "3.12",
        "3.13",
        "3.14",
        "3.15",
        "3.16",
        "3.17",
        "3.19",
        "3.20",
        "3.21",
    ]
    assert all(MODEL.terms[t].source == "ISO 11367" for t in MODEL.terms if MODEL.terms[t].status == "standard")


def test_glossary_covers_the_model_vocabulary_abbreviations_and_dutch_public_sector_terms():
    assert len(MODEL.terms) >= 60
    statuses = Counter(t.status for t in MODEL.terms.values())
    assert statuses["model"] >= 15 and statuses["management"] >= 8 and statuses["public-sector"] >= 5, statuses
    abbreviations = {f.get("abbreviation") for f in MODEL.texts["en"]["terms"].values()}
    assert {"KPI", "NPS", "BSC", "SMART", "SLA", "RIA", "GRP", "SEP"} <= abbreviations
    for term_id in (
        "dimension",
        "element",
        "sub-element",
        "principle",
        "practice",
        "expectation",
        "excellence-pyramid",
        "effect-chain",
        "service-promise",
        "service-recovery",
        "touch-point",
        "persona",
        "journey-map",
        "service-delivery",
        "public-accountability",
        "public-professional",
        "basic-service-concept",
    ):
        assert term_id in MODEL.terms, term_id
    nl = MODEL.texts["nl"]["terms"]
    assert (nl["service-delivery"]["term"], nl["public-accountability"]["term"]) == ("dienstverlening", "publieke verantwoording")
    assert "ambtenaar" in nl["public-professional"]["synonyms"] and nl["basic-service-concept"]["term"] == "Basisconcept Dienstverlening"


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_every_term_is_complete_in_both_languages(lang):
    texts = MODEL.texts[lang]["terms"]
    assert set(texts) == set(MODEL.terms)
    for term_id, fields in texts.items():
        assert fields["term"].strip() and len(fields["definition"].split()) >= 6, (lang, term_id)
        for optional in ("abbreviation", "note"):
            assert (optional in fields) == (optional in MODEL.texts["en"]["terms"][term_id]), (lang, term_id, optional)


def test_every_related_term_and_model_reference_resolves():
    for t in MODEL.terms.values():
        assert set(t.related) <= set(MODEL.terms) - {t.id}, t.id
        assert set(t.elements) <= set(MODEL.elements) and set(t.subelements) <= set(MODEL.subelements), t.id


def test_bad_terms_stop_the_build_with_file_and_line(fixture_project):
    model = fixture_project / "model"
    edit_yaml(
        model / "glossary" / "scenario.yml",
        lambda s: s.replace("related: [practice, ledger]", "related: [practice, ledgr]").replace(
            'subelements: ["7.1.1.a"]', 'subelements: ["7.1.1.z"]'
        ),
    )
    (model / "glossary" / "audit.yml").write_text('id: audit\nstatus: standard\nsource: ISO 11367\nclause: "3.1"\n')
    edit_yaml(model / "text" / "en" / "glossary.yml", lambda s: s + "  audit:\n    term: Ledger\n    definition: Audit EN.\n")
    edit_yaml(
        model / "text" / "nl" / "glossary.yml",
        lambda s: (
            s.replace("    note: Voorbeeldgeval toelichting NL.\n", "") + "  audit:\n    term: controle\n    definition: Controle NL.\n"
        ),
    )
    with pytest.raises(ModelInvalid) as err:
        load_model(model)
    text = str(err.value)
    assert "model/glossary/scenario.yml:4: term scenario refers to unknown related term 'ledgr' — did you mean 'ledger'?" in text
    assert "model/glossary/scenario.yml:5: term scenario refers to unknown sub-element '7.1.1.z'" in text
    assert "model/glossary/ledger.yml:4: ISO 11367 3.1 is already the source of term 'audit'" in text
    assert re.search(r"model/text/nl/glossary\.yml:\d+: term 'scenario' has a note in en but not in nl", text)
    assert "names both" not in text  # case matters: 'Ledger' (a name) and 'ledger' (a word) are different labels


def test_two_terms_sharing_a_word_are_refused(fixture_project):
    model = fixture_project / "model"
    edit_yaml(
        model / "text" / "nl" / "glossary.yml",
        lambda s: s.replace("term: grootboek", "term: grootboek\n    synonyms: [Werkwijze, werkwijze]"),
    )
    with pytest.raises(ModelInvalid) as err:
        load_model(model)
    assert re.search(r"model/text/nl/glossary\.yml:\d+: 'werkwijze' names both term 'practice' and term 'ledger' \(nl\)", str(err.value))
    assert "'Werkwijze' names both" not in str(err.value)  # a capitalised label is a different, case-sensitive word


def test_letters_and_order_follow_each_language():
    assert glossary.initial("(co)creatie") == "C" and glossary.initial("één loket") == "E" and glossary.initial("3D-print") == "#"
    en = [MODEL.texts["en"]["terms"][t]["term"] for t in glossary.ordered(MODEL, "en")]
    assert en.index("accessibility") < en.index("co-creation") < en.index("customer/citizen") < en.index("dimension")
    nl = [MODEL.texts["nl"]["terms"][t]["term"] for t in glossary.ordered(MODEL, "nl")]
    assert nl.index("dienstverlening") < nl.index("één loket") < nl.index("effectketen")  # accents ignored


# -- inline definitions (the pure function) ------------------------------------------------

INDEX = TermIndex(
    [
        ("element", "element", "Element def."),
        ("sub-element", "sub-element", "Sub <def> & more."),
        ("KPI", "key-performance-indicator", "KPI def."),
        ("public service", "public-service", "PS def."),
        ("public service excellence", "public-service-excellence", "PSE def."),
    ],
    "en",
)


def marks(html: str, index: TermIndex = INDEX) -> list[tuple[str, str]]:
    return [(m.group(2), m.group(4)) for m in MARK.finditer(mark_terms(html, index, "../glossary/", scope=None))]


def test_first_use_of_a_term_is_linked_and_defined_in_place():
    out = mark_terms("<p>Each element has sub-elements. Another element.</p>", INDEX, "../glossary/", scope=None)
    m = MARK.search(out)
    assert m and m.group(1) == "../glossary/" and m.group(2) == "element" and m.group(4) == "element"
    assert m.group(3) == m.group(5) == "portal-term-element" and m.group(6) == "Element def."
    assert out.count("portal-term-element") == 2  # once as the tooltip id, once in aria-describedby: only the first use
    assert marks("<p>Each sub-element matters.</p>") == [("sub-element", "sub-element")]
    assert "Sub &lt;def&gt; &amp; more." in mark_terms("<p>a sub-element</p>", INDEX, "g/", scope=None)


def test_matching_respects_word_boundaries_case_and_plurals():
    assert marks("<p>elementary, subelement, element-wise</p>") == []
    assert marks("<p>Elements first</p>") == [("element", "Elements")]
    assert marks("<p>two KPIs and a kpi</p>") == [("key-performance-indicator", "KPIs")]
    assert marks("<p>kpi</p>") == []
    assert marks("<p>public service excellence and public service</p>") == [
        ("public-service-excellence", "public service excellence"),
        ("public-service", "public service"),
    ]
    nl = TermIndex([("werkwijze", "practice", "Def."), ("KPI", "kpi", "Def.")], "nl")
    assert marks("<p>Twee werkwijzen en drie KPI's</p>", nl) == [("practice", "werkwijzen"), ("kpi", "KPI's")]


@pytest.mark.parametrize("tag", ["a", "h1", "h2", "h3", "h6", "code", "pre", "button", "label", "summary", "strong", "th", "legend"])
def test_text_inside_links_headings_code_and_controls_is_never_touched(tag):
    html = f'<{tag} class="x">An element here<span> and an element</span></{tag}>'
    assert mark_terms(html, INDEX, "g/", scope=None) == html
    assert marks(html + "<p>element</p>") == [("element", "element")]


def test_labels_and_figure_text_alternatives_are_left_alone():
    html = (
        '<p>An <span class="portal-badge">element</span></p><details class="portal-model-figure__list"><p>element</p>'
        '<ul><li>element<li>element</ul></details><div class="x portal-no-terms"><p>element<br>element</div>'
    )
    assert mark_terms(html, INDEX, "g/", scope=None) == html
    assert marks(html + "<p>an element</p>") == [("element", "element")]
    assert marks("<ul><li>x<li>y</ul></p><p>an element</p>") == [("element", "element")]  # stray and implied end tags


def test_only_text_changes_and_only_inside_the_scope():
    html = (
        "<html><head><title>element</title></head><body><nav>element</nav>"
        '<article class="md-content__inner"><!-- element --><p title="element">Q&amp;A &#169; an <em>element</em>.</p>'
        "<br/></article><footer>element</footer></body></html>"
    )
    out = mark_terms(html, INDEX, "g/")
    assert out.count('class="portal-term"') == 1 and '<em><span class="portal-term">' in out
    assert re.sub(r'<span class="portal-term">.*?</a><span[^>]*>[^<]*</span></span>', "element", out) == html
    assert mark_terms(html, TermIndex([], "en"), "g/") == html


# -- the built site -------------------------------------------------------------------------


def test_fixture_pages_define_terms_in_their_own_language_only(fixture_site):
    en = page_file(fixture_site, "en", "practices/river-walk/index.md").read_text(encoding="utf-8")
    found = {m.group(2): m for m in MARK.finditer(en)}
    assert set(found) == {"scenario"}  # 'practice' only appears in the H1 and in a link, 'ledger' only in 'open-ledger'
    assert found["scenario"].group(1) == "../../glossary/" and found["scenario"].group(4) == "Scenario"
    assert found["scenario"].group(6) == "Scenario definition EN."
    nl = page_file(fixture_site, "nl", "practices/river-walk/index.md").read_text(encoding="utf-8")
    assert "Scenario river-walk NL." in nl and not MARK.search(nl)  # English words are not Dutch terms
    nl_principles = page_file(fixture_site, "nl", "principles/index.md").read_text(encoding="utf-8")
    assert [(m.group(2), m.group(6)) for m in MARK.finditer(nl_principles)] == [("practice", "Werkwijze definitie NL.")]
    for lang in ("en", "nl"):
        for src in ("glossary/index.md", "glossary/lookup/index.md"):
            assert 'class="portal-term"' not in page_file(fixture_site, lang, src).read_text(encoding="utf-8"), (lang, src)


def test_fixture_glossary_entries_are_anchored_by_id_in_both_languages(fixture_site):
    letters = {"en": {"letter-l", "letter-p", "letter-s"}, "nl": {"letter-g", "letter-v", "letter-w"}}
    for lang in ("en", "nl"):
        ids = parse(page_file(fixture_site, lang, "glossary/index.md")).ids
        assert {"practice", "scenario", "ledger"} | letters[lang] <= ids
        assert not {i for i in ids if i.startswith("letter-")} - letters[lang]
    nl = page_file(fixture_site, "nl", "glossary/index.md").read_text(encoding="utf-8")
    assert '<span lang="en"><strong>English:</strong> scenario (SCN)</span>' in nl
    assert 'href="#letter-g"' in nl and "Voorbeeldgeval toelichting NL." in nl and "dit portaal" in nl


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_real_glossary_page_lists_every_term_with_its_links(real_site, lang):
    path = page_file(real_site, lang, "glossary/index.md")
    page = parse(path)
    html = path.read_text(encoding="utf-8")
    assert set(MODEL.terms) <= page.ids
    letters = re.findall(r'<h2 id="(letter-[a-z]+)"', html)
    assert letters == sorted(letters) and set(re.findall(r'href="#(letter-[a-z]+)"', html)) == set(letters)
    for href, _ in page.links:
        if href.startswith("#") and not href.startswith("#letter-"):
            assert href[1:] in page.ids, href
    other = "nl" if lang == "en" else "en"
    name = MODEL.ui(other, "language_name")
    for fields in MODEL.texts[other]["terms"].values():
        assert f'<span lang="{other}"><strong>{name}:</strong> {fields["term"]}' in html, fields["term"]
    block = html[html.index('id="service-recovery"') : html.index('id="service-standard"')]
    assert 'href="../model/7.3.2.5/"' in block and 'href="#service-promise"' in block
    for term_id, fields in MODEL.texts[lang]["terms"].items():  # the words writers must not use, per language
        if fields.get("avoid"):
            entry = html[html.index(f'id="{term_id}"') :]
            entry = entry[: entry.index("</ul>")]
            assert f"<strong>{MODEL.ui(lang, 'glossary_avoid')}</strong> {', '.join(fields['avoid'])}" in entry, term_id


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_each_language_shows_only_its_own_synonyms_and_a_complete_glossary_says_so(real_site, lang):
    """Review: six Dutch entries showed the English synonyms ("Ook wel: service excellence mission"), and so the
    whole Dutch glossary carried a "not yet translated" notice while /nl/status/ said 100%. Synonyms are the words
    readers of one language use: a language without its own shows none."""
    html = page_file(real_site, lang, "glossary/index.md").read_text(encoding="utf-8")
    label = MODEL.ui(lang, "glossary_synonyms")
    for term_id in MODEL.terms:
        entry = html[html.index(f'id="{term_id}"') :]
        entry = entry[: entry.index("</ul>")]
        own = MODEL.texts[lang]["terms"][term_id].get("synonyms", [])
        if own:
            assert f"<strong>{label}</strong> {', '.join(own)}" in entry, term_id
        else:
            assert label not in entry, term_id
    assert MODEL.ui(lang, "localise_fallback_notice") not in html


def test_a_clause_named_by_a_word_is_named_in_the_pages_language(real_site):
    """Review: five Dutch entries read 'Bron: ISO 11367, Introduction'; the standard's introduction is 'Inleiding'."""
    nl = page_file(real_site, "nl", "glossary/index.md").read_text(encoding="utf-8")
    en = page_file(real_site, "en", "glossary/index.md").read_text(encoding="utf-8")
    named = [t for t in MODEL.terms.values() if t.clause and not t.clause[0].isdigit()]
    assert named
    assert "Introduction" not in nl and nl.count("ISO 11367, Inleiding") == len(named)
    assert en.count("ISO 11367, Introduction") == len(named)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_lookup_table_has_every_term_both_ways(real_site, lang):
    html = page_file(real_site, lang, "glossary/lookup/index.md").read_text(encoding="utf-8")
    rows = re.findall(r'<tr data-term="([^"]+)">\s*<td lang="en">(.*?)</td>\s*<td lang="nl">(.*?)</td>', html, re.S)
    assert sorted(r[0] for r in rows) == sorted(MODEL.terms)
    strip = re.compile(r"<[^>]+>")
    for term_id, en, nl in rows:
        assert strip.sub("", en).startswith(MODEL.texts["en"]["terms"][term_id]["term"].replace("&", "&amp;")), term_id
        assert strip.sub("", nl).startswith(MODEL.texts["nl"]["terms"][term_id]["term"].replace("&", "&amp;")), term_id
    assert [r[0] for r in rows] == glossary.ordered(MODEL, lang)  # sorted by the page's language without JavaScript
    assert re.search(rf'<th scope="col" lang="{lang}" aria-sort="ascending">', html)
    assert "<button" not in html.split("<table", 1)[1].split("</table>", 1)[0]  # buttons come with the script only


# -- downloads ------------------------------------------------------------------------------


def test_csv_reads_back_with_every_term_in_both_languages(real_site):
    for root in (real_site, real_site / "nl"):
        rows = list(csv.DictReader(io.StringIO((root / "downloads" / "glossary.csv").read_bytes().decode("utf-8-sig"))))
        assert [r["id"] for r in rows] == list(MODEL.terms)
        for r in rows:
            t = MODEL.terms[r["id"]]
            assert (r["status"], r["source"], r["clause"], r["related"].split()) == (t.status, t.source, t.clause, list(t.related))
            for lang in ("en", "nl"):
                fields = MODEL.texts[lang]["terms"][r["id"]]
                assert r[f"term_{lang}"] == fields["term"] and r[f"definition_{lang}"] == fields["definition"]
                assert r[f"synonyms_{lang}"].split("; ") == (fields.get("synonyms") or [""])
                assert r[f"avoid_{lang}"].split("; ") == (fields.get("avoid") or [""])


def test_tbx_is_well_formed_tbx_basic_with_both_languages(real_site):
    root = ET.fromstring((real_site / "downloads" / "glossary.tbx").read_bytes())
    assert root.tag == "martif" and root.get("type") == "TBX-Basic" and root.get(XML_LANG) == "en"
    assert root.find("martifHeader/fileDesc/titleStmt/title").text
    entries = root.findall("text/body/termEntry")
    assert [e.get("id") for e in entries] == list(MODEL.terms)
    ids = {e.get("id") for e in entries}
    for entry in entries:
        term_id = entry.get("id")
        assert [r.get("target") for r in entry.findall("ref[@type='crossReference']")] == list(MODEL.terms[term_id].related)
        assert all(r.get("target") in ids for r in entry.findall("ref"))
        lang_sets = {ls.get(XML_LANG): ls for ls in entry.findall("langSet")}
        assert set(lang_sets) == {"en", "nl"}, term_id
        for lang, ls in lang_sets.items():
            fields = MODEL.texts[lang]["terms"][term_id]
            assert ls.find("descrip[@type='definition']").text == fields["definition"]
            words = [
                (t.find("term").text, t.find("termNote[@type='termType']").text, t.find("termNote[@type='administrativeStatus']").text)
                for t in ls.findall("tig")
            ]
            avoid = fields.get("avoid", [])
            assert words == (
                [(fields["term"], "fullForm", "preferredTerm-admn-sts")]
                + [(fields[k], "abbreviation", "admittedTerm-admn-sts") for k in ("abbreviation",) if k in fields]
                + [(w, "fullForm", "admittedTerm-admn-sts") for w in fields.get("synonyms", []) if w not in avoid]
                + [(w, "fullForm", "deprecatedTerm-admn-sts") for w in avoid]
            ), (lang, term_id)


def test_exports_are_reproducible_from_the_model():
    """Two separate builds of the same model give byte-identical files (no timestamps, no set order)."""
    first, second = Site(MODEL, ("en", "nl")), Site(MODEL, ("en", "nl"))
    assert glossary_export.csv_bytes(first).startswith(b"\xef\xbb\xbfid,status,source,clause,term_en,")
    assert glossary_export.tbx_bytes(first) == glossary_export.tbx_bytes(second)
    assert glossary_export.csv_bytes(first) == glossary_export.csv_bytes(second)


def test_a_term_added_in_yaml_appears_everywhere(fixture_project):
    model = fixture_project / "model"
    (model / "glossary" / "river.yml").write_text('id: river\nstatus: model\nsource: portal\nsubelements: ["7.1.1.a"]\n')
    edit_yaml(model / "text" / "en" / "glossary.yml", lambda s: s + "  river:\n    term: river\n    definition: River def EN.\n")
    edit_yaml(model / "text" / "nl" / "glossary.yml", lambda s: s + "  river:\n    term: rivier\n    definition: Rivier def NL.\n")
    site = build_site(fixture_project / "mkdocs.yml")
    assert "river" in parse(page_file(site, "en", "glossary/index.md")).ids
    assert 'data-term="river"' in page_file(site, "nl", "glossary/lookup/index.md").read_text(encoding="utf-8")
    assert b"river,model,portal" in (site / "downloads" / "glossary.csv").read_bytes()
    assert b'<termEntry id="river">' in (site / "nl" / "downloads" / "glossary.tbx").read_bytes()


def test_no_inline_definitions_in_forms_print_views_or_the_glossary(real_site):
    marked = page_file(real_site, "nl", "model/7.1.1.a/index.md").read_text(encoding="utf-8")
    assert MARK.search(marked)  # the same run does mark an ordinary page
    for lang in ("en", "nl"):
        for src in (
            "checklists/index.md",
            "checklists/7.1.1/index.md",
            "print/index.md",
            "print/7.1.1/index.md",
            "glossary/index.md",
            "glossary/lookup/index.md",
        ):
            assert 'class="portal-term"' not in page_file(real_site, lang, src).read_text(encoding="utf-8"), (lang, src)
