"""A throwaway fork, end to end: a third language, a local practice, a hidden practice, own branding.

The "upstream" is a git repository of this project around the tiny fixture model. The fork is a clone that
only adds files, pulls an upstream change to an English text, and must then report that translation as stale.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml

from macros.cli.build import build_site
from macros.load.settings import from_config_file

from .conftest import FIXTURE_MODEL, PROJECT, shared_model
from .fork_data import GERMAN_TEXT
from .html_tools import page_file, parse, search_docs

ARTIFACTS = PROJECT / "test-artifacts"

HIDDEN, LOCAL = "open-ledger", "local-buddy-visits"
REPO = "https://git.example.org/stadt/portal"
SITE = "https://service.example.org/"

LOCAL_FILES = {
    "local/portal.yml": f"""\
organisation: Stadt Beispiel
site_name: {{de: Exzellenter Service in Beispielstadt}}
languages: [en, nl, de]
colours: {{primary: "#0b5394", accent: "#8a3b00"}}
logo: assets/logo.svg
contact: {{email: service@example.org}}
repo_url: {REPO}
site_url: {SITE}
""",
    "local/assets/logo.svg": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>\n',
    "local/hide.yml": f"practices:\n  {HIDDEN}: We publish our accounts through the regional portal.\n"
    + "not_applicable:\n  7.1.1.b: {en: We run no service desk., nl: We hebben geen servicebalie.}\n",
    f"local/practices/{LOCAL}.yml": f"""\
id: {LOCAL}
subelements: ["7.1.1.a"]
principles: ["5.1.1"]
roles: [front-line]
effort: low
level: 3
tags: [listening]
""",
    "local/text/en/local.yml": f"""\
practices:
  {LOCAL}:
    title: Buddy visits EN
    summary: New staff visit residents with a colleague EN.
    why: Because buddies help EN.
    steps: [Pair new staff with a colleague EN.]
    evidence: [Every new colleague had a buddy EN.]
    example: "Buddy visits EN."
""",
    "local/text/nl/local.yml": f"""\
practices:
  {LOCAL}:
    title: Samen op bezoek NL
    summary: Nieuwe medewerkers gaan samen met een collega op bezoek NL.
    why: Omdat het helpt NL.
    steps: [Koppel nieuwe medewerkers aan een collega NL.]
    evidence: [Elke nieuwe collega had een maatje NL.]
    example: "Samen op bezoek NL."
""",
    "docs/de/index.md": "# Willkommen\n\nDeutsche Startseite DE.\n",
    **GERMAN_TEXT,
}
DE_ITEMS = {"dimensions": 1, "subelements": 1, "ui": 4}  # what the files above translate into German


def git(cwd: Path, *args: str) -> str:
    run = subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args], cwd=cwd, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    return run.stdout


def status(project: Path, *args: str) -> subprocess.CompletedProcess:
    """The status command of the project's own copy of the code, as a fork's maintainer runs it."""
    return subprocess.run(
        [sys.executable, "-m", "macros", "status", "--config", str(project / "mkdocs.yml"), *args],
        cwd=project,
        capture_output=True,
        text=True,
    )


# When this suite runs in a fork, its own layers (local/, and any layer above it) are not part of the "upstream" copy.
FORK_FOLDERS = ("model/", "local/", *(f"{p.relative_to(PROJECT).as_posix()}/" for p in from_config_file(PROJECT / "mkdocs.yml").layers))


def make_upstream(dest: Path) -> Path:
    """This project (working tree) as a git repository, around the fixture model, with NL fingerprints recorded."""
    listed = git(PROJECT, "ls-files", "--cached", "--others", "--exclude-standard").splitlines()
    for rel in listed:
        src = PROJECT / rel
        if rel.startswith(FORK_FOLDERS) or not src.is_file():
            continue
        (dest / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, dest / rel)
    shutil.copytree(FIXTURE_MODEL, dest / "model")
    shutil.copytree(PROJECT / "model" / "schemas", dest / "model" / "schemas")
    for lang in ("en", "nl"):
        for ui in (PROJECT / "model" / "text" / lang).glob("ui*.yml"):
            shutil.copy(ui, dest / "model" / "text" / lang / ui.name)
    git(dest, "init", "-q", "-b", "main")
    assert status(dest, "--accept", "nl").returncode == 0
    published = subprocess.run(
        [sys.executable, "-m", "macros", "urls", "--config", str(dest / "mkdocs.yml")], cwd=dest, capture_output=True, text=True
    )
    assert published.returncode == 0, published.stdout + published.stderr  # upstream's list of published URLs
    git(dest, "add", "-A")
    git(dest, "commit", "-qm", "upstream")
    return dest


PROBE = "probe-practices.txt"


def build_with_probe_download(config: Path) -> Path:
    """Build with one extra registered download listing the model's practices, besides the real ones.

    It shows that what exports receive is the model after hiding, whatever downloads the portal registers.
    """
    from macros.outputs import downloads

    probe = downloads.Download(
        "probe", lambda lang: PROBE, lambda site, lang: "\n".join(site.model.practices).encode(), "text/plain", "probe"
    )
    saved = downloads.DOWNLOADS
    downloads.DOWNLOADS = (*saved, probe)
    try:
        return build_site(config)
    finally:
        downloads.DOWNLOADS = saved


def make_fork(base: Path) -> dict:
    """Upstream repo, a fork that adds files, an upstream change the fork pulls; then the fork's build and status."""
    upstream = make_upstream(base / "upstream")
    fork = base / "fork"
    git(base, "clone", "-q", str(upstream), str(fork))
    for rel, text in LOCAL_FILES.items():
        (fork / rel).parent.mkdir(parents=True, exist_ok=True)
        (fork / rel).write_text(text, encoding="utf-8")
    assert status(fork, "--accept", "nl").returncode == 0  # the Dutch of the local practice, checked
    accepted = status(fork, "--accept", "de")
    assert accepted.returncode == 0, accepted.stderr
    urls = subprocess.run(
        [sys.executable, "-m", "macros", "urls", "--config", str(fork / "mkdocs.yml")], cwd=fork, capture_output=True, text=True
    )
    assert urls.returncode == 0 and urls.stdout.startswith("local/published-urls.txt: "), urls.stdout + urls.stderr
    assert [line for line in git(fork, "status", "--porcelain").splitlines() if not line.startswith("?? ")] == []  # upstream untouched
    git(fork, "add", "-A")
    git(fork, "commit", "-qm", "fork: German, a local practice, a hidden practice, branding")
    # Upstream improves an English text (and its Dutch, as upstream must); the fork pulls it.
    english = upstream / "model/text/en/model.yml"
    english.write_text(english.read_text().replace("Dim71 summary EN.", "Dim71 summary EN, improved."))
    dutch = upstream / "model/text/nl/model.yml"
    dutch.write_text(dutch.read_text().replace("Dim71 summary NL.", "Dim71 summary NL, verbeterd."))
    assert status(upstream, "--accept", "nl").returncode == 0
    git(upstream, "commit", "-qam", "upstream: better summary of 7.1")
    upstream_tip = git(upstream, "rev-parse", "HEAD").strip()
    git(fork, "pull", "-q", "--no-rebase", "--no-edit", "origin", "main")
    site = build_with_probe_download(fork / "mkdocs.yml")
    return {"root": fork, "site": site, "upstream_tip": upstream_tip, "status": status(fork)}


@pytest.fixture(scope="module")
def fork(tmp_path_factory) -> dict:
    return make_fork(tmp_path_factory.mktemp("fork"))


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_the_fork_only_added_files_and_pulled_upstream_without_conflict(fork):
    root = fork["root"]
    assert git(root, "status", "--porcelain") == ""  # the build wrote only ignored output
    changed = git(root, "diff", "--name-status", fork["upstream_tip"], "HEAD").splitlines()
    assert changed and [line for line in changed if not line.startswith("A\t")] == []
    bookkeeping = {"local/fingerprints/de.yml", "local/fingerprints/nl.yml", "local/published-urls.txt"}
    assert {line.split("\t")[1] for line in changed} == set(LOCAL_FILES) | bookkeeping


def test_the_third_language_is_built_with_its_own_text(fork):
    site = fork["site"]
    page = parse(page_file(site, "de", "model/7.1.1.a/index.md"))
    assert page.lang == "de"
    assert "Zusammenfassung 7.1.1.a DE." in "".join(page.text)
    assert "Exzellenter Service in Beispielstadt" in page.title
    assert (site / "de" / "search" / "search_index.json").exists()
    for _src in ("index.md", "practices/index.md", "status/index.md", f"practices/{LOCAL}/index.md"):
        assert parse(page_file(site, "de", _src)).lang == "de", _src


def test_untranslated_text_is_marked_english_with_a_translated_notice(fork):
    site = fork["site"]
    raw = page_file(site, "de", "practices/river-walk/index.md").read_text(encoding="utf-8")
    assert "Noch nicht übersetzt" in raw and "portal-fallback" in raw
    assert re.search(r'<h1[^>]*><span lang="en">Practice river-walk EN</span>', raw)
    assert '<span lang="en">Do river-walk EN.</span>' in raw
    # the German sub-element page: German text is not marked, the English practice on it is
    sub = page_file(site, "de", "model/7.1.1.a/index.md").read_text(encoding="utf-8")
    assert "Zusammenfassung 7.1.1.a DE." in sub and '<span lang="en">Zusammenfassung' not in sub
    assert '<span lang="en">Practice river-walk EN</span>' in sub
    # the menu too: an untranslated section label is marked English, a translated one is not
    assert '<span lang="en">7.2 Dim72 title EN</span>' in sub and "7.1 Dimension 7.1 DE" in sub
    assert '<span lang="en">7.1 Dimension' not in sub
    # prose: the German home page as written; the guide, not yet in docs/de/, in English, marked, with the notice
    home = page_file(site, "de", "index.md").read_text(encoding="utf-8")
    assert "Deutsche Startseite DE." in home and "portal-fallback" not in home and 'lang="en"><h1' not in home
    guide = page_file(site, "de", "fork/index.md").read_text(encoding="utf-8")
    assert re.search(r'<div lang="en"><h1 id="fork-and-localise">Fork and localise', guide)
    assert "Noch nicht übersetzt" in guide and re.search(r'portal-fallback.*</div>\s*<div lang="en">\s*<p>Publish this portal', guide, re.S)
    # complete languages never show the notice
    for lang in ("en", "nl"):
        for path in html_files(site if lang == "en" else site / "nl"):
            if "/de/" in path.as_posix() or (lang == "en" and "/nl/" in path.as_posix()):
                continue
            assert "portal-fallback" not in path.read_text(encoding="utf-8"), path


def test_the_local_practice_appears_marked_local(fork):
    site = fork["site"]
    for lang, title, badge in (
        ("en", "Buddy visits EN", "Local practice"),
        ("nl", "Samen op bezoek NL", "Eigen werkwijze"),
        ("de", "Buddy visits EN", "Local practice"),
    ):
        page = page_file(site, lang, f"practices/{LOCAL}/index.md").read_text(encoding="utf-8")
        assert title in page and '<span class="portal-badge">' in page and badge in page, lang
        sub = parse(page_file(site, lang, "model/7.1.1.a/index.md"))
        assert LOCAL in sub.ids, lang
        catalogue = parse(page_file(site, lang, "practices/index.md"))
        assert f"p-{LOCAL}" in catalogue.ids, lang
    upstream_page = page_file(site, "en", "practices/river-walk/index.md").read_text(encoding="utf-8")
    assert "portal-badge" not in upstream_page


def _download_texts(folder: Path) -> list[tuple[str, str]]:
    out = []
    for path in sorted(folder.rglob("*")) if folder.is_dir() else ():
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as z:
                out += [(f"{path}:{n}", z.read(n).decode("utf-8", "replace")) for n in z.namelist()]
        elif path.is_file():
            out.append((str(path), path.read_bytes().decode("utf-8", "replace")))
    return out


def test_the_hidden_practice_is_gone_everywhere(fork):
    site = fork["site"]
    explained = {
        page_file(site, lang, src) for lang in ("en", "nl", "de") for src in (f"practices/{HIDDEN}/index.md", "fork-changes/index.md")
    }
    # its short link (/open-ledger/, published upstream) leads to that explanation instead of a 404
    explained |= {page_file(site, lang, f"{HIDDEN}/index.md") for lang in ("en", "nl", "de")}
    for lang in ("en", "nl", "de"):
        root = site / ("" if lang == "en" else lang)
        docs = search_docs(root)
        assert not [d["location"] for d in docs if HIDDEN in d["location"] or "open-ledger EN" in d["text"]], lang
        exports = _download_texts(root / "downloads")
        assert [t for n, t in exports if n.endswith(PROBE)] == ["\n".join(sorted(["river-walk", LOCAL]))], lang
        for name, text in exports:
            if name.endswith("/fork-changes.json"):  # the list of what the fork changes: the hidden practice is on it
                assert f'"id": "{HIDDEN}"' in text
                continue
            if re.search(r"/catalogue(-[a-z]+)?\.json$", name):  # the catalogue says what the fork leaves out, and why
                data = json.loads(text)
                assert [h["id"] for h in data.pop("hidden")] == [HIDDEN], name
                text = json.dumps(data)
            assert HIDDEN not in text, name
    for path in html_files(site):
        if path in explained:
            continue
        text = path.read_text(encoding="utf-8")
        assert HIDDEN not in text and "Practice open-ledger" not in text, path


def test_the_hidden_practices_address_explains_with_the_forks_reason(fork):
    """Upstream published the practice's URL; in the fork it must not 404, and the build's URL check proves it."""
    listed = (fork["root"] / "model" / "published-urls.txt").read_text(encoding="utf-8")
    assert f"/practices/{HIDDEN}/" in listed and f"/nl/model/7.1.3/#{HIDDEN}" in listed
    for lang in ("en", "nl", "de"):
        text = " ".join(" ".join(parse(page_file(fork["site"], lang, f"practices/{HIDDEN}/index.md")).text).split())
        assert "We publish our accounts through the regional portal." in text, lang
        assert HIDDEN in text and "open-ledger EN" not in text, lang
    moved = json.loads((fork["site"] / "assets" / "moved-anchors.json").read_text(encoding="utf-8"))
    assert moved[HIDDEN] == {"to": "", "page": f"practices/{HIDDEN}/"}


def test_branding_and_edit_links_come_from_portal_yml(fork):
    site = fork["site"]
    page = page_file(site, "en", f"practices/{LOCAL}/index.md").read_text(encoding="utf-8")
    assert "--md-primary-fg-color: #0b5394" in page and "--md-accent-fg-color: #8a3b00" in page
    assert "Stadt Beispiel" in page and "mailto:service@example.org" in page
    assert re.search(r'<img src="[./]*assets/logo\.svg" alt="Stadt Beispiel"', page)
    assert (site / "assets" / "logo.svg").is_file() and (site / "de" / "assets" / "logo.svg").is_file()
    assert f'href="{REPO}/edit/main/local/practices/{LOCAL}.yml"' in page
    river = page_file(site, "nl", "practices/river-walk/index.md").read_text(encoding="utf-8")
    assert f'href="{REPO}/edit/main/model/practices/river-walk.yml"' in river
    sub = page_file(site, "de", "model/7.1.1.a/index.md").read_text(encoding="utf-8")
    assert f'href="{REPO}/edit/main/model/subelements/7.1.1.a.yml"' in sub
    home = page_file(site, "de", "index.md").read_text(encoding="utf-8")
    assert f'href="{REPO}/edit/main/docs/de/index.md"' in home
    guide = page_file(site, "de", "fork/index.md").read_text(encoding="utf-8")  # not in docs/de: the English page
    assert f'href="{REPO}/edit/main/docs/en/fork.md"' in guide
    assert "api.github.com" not in page and 'data-md-component="source"' not in page


def expected_totals(fork_root: Path) -> dict[str, int]:
    """Items per kind the fork publishes, counted straight from the YAML files (not through the code under test)."""
    totals: dict[str, int] = {}
    for folder in (fork_root / "model/text/en", fork_root / "local/text/en"):
        for path in folder.glob("*.yml"):
            for kind, items in (yaml.safe_load(path.read_text()) or {}).items():
                totals[kind] = totals.get(kind, 0) + len(items)
    totals["practices"] -= 1  # the hidden one
    return totals


def test_status_reports_coverage_and_the_stale_string(fork):
    run = fork["status"]
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "fork-status.txt").write_text(run.stdout, encoding="utf-8")  # for people to read, not compared
    assert run.returncode == 0, run.stderr  # en and nl are complete and current; de only reports
    sections = dict(re.findall(r"^(\w+) \(.*?\n(.*?)(?=^\w+ \(|\Z)", run.stdout, re.S | re.M))
    assert set(sections) == {"en", "nl", "de"}
    totals = expected_totals(fork["root"])
    total = sum(totals.values())
    de_done = sum(DE_ITEMS.values())
    assert re.search(rf"^de \(Deutsch\): {de_done}/{total} items translated \({100 * de_done / total:.1f}%\)", run.stdout, re.M)
    assert re.search(rf"^nl \(Nederlands\): {total}/{total} items translated \(100.0%\)", run.stdout, re.M)
    for kind, n in totals.items():
        assert re.search(rf"^  {kind}\s+{DE_ITEMS.get(kind, 0)}/{n}\s", sections["de"], re.M), kind
        assert re.search(rf"^  {kind}\s+{n}/{n}\s+100.0\s+0\s+0$", sections["nl"], re.M), kind
    assert re.findall(r"stale: (.*)", sections["de"]) == ["dimensions 7.1.summary"]
    assert "stale:" not in sections["nl"] and "stale:" not in sections["en"]


def test_the_status_page_shows_the_same(fork):
    page = page_file(fork["site"], "nl", "status/index.md").read_text(encoding="utf-8")
    assert 'id="status-de"' in page and '<span lang="de">Deutsch</span>' in page
    de = page.split('id="status-de"', 1)[1]
    assert "dimensions 7.1.summary" in de


def test_status_fails_when_a_complete_language_is_stale(fork, tmp_path):
    """CI gate: after an English edit the shipped Dutch is stale until someone checks it and records that."""
    copy = tmp_path / "copy"
    shutil.copytree(fork["root"], copy, ignore=shutil.ignore_patterns("site", ".git"))
    english = copy / "model/text/en/model.yml"
    english.write_text(english.read_text().replace("Why 7.1.1.a EN.", "Why 7.1.1.a EN, reworded."))
    run = status(copy)
    assert run.returncode == 1
    assert "nl subelements 7.1.1.a.why: stale" in run.stderr
    assert status(copy, "--accept", "nl", "subelements/7.1.1.a").returncode == 0
    assert status(copy).returncode == 0


def test_the_real_portal_is_complete_and_current_in_english_and_dutch():
    """The shipped languages: every item translated, every translation checked against the current English."""
    from macros.load import translations as translation_status

    statuses = {s.lang: s for s in translation_status.report(shared_model())}
    for lang in ("en", "nl"):
        assert statuses[lang].required and statuses[lang].total > 600
        assert statuses[lang].problems() == [], (
            f"{lang}: {statuses[lang].problems()[:10]} — translate, then run: python -m macros status --accept {lang}"
        )


def test_local_files_are_validated_with_file_and_line(fixture_project):
    from macros.load.loader import load_model
    from macros.load.settings import from_config_file
    from macros.model.problems import ModelInvalid

    local = fixture_project / "local"
    (local / "practices").mkdir(parents=True)
    (local / "practices/buddy.yml").write_text((FIXTURE_MODEL / "practices/river-walk.yml").read_text().replace("river-walk", "buddy"))
    (local / "hide.yml").write_text("practices:\n  river-walk: fine\n  no-such-practice: gone\n")
    (local / "portal.yml").write_text("organisation: X\ncolours:\n  primary: '#8ab4f8'\nlogo: assets/missing.svg\n")
    with pytest.raises(ModelInvalid) as err:
        load_model(fixture_project / "model")
    text = str(err.value)
    assert "local/practices/buddy.yml:1: id 'buddy' is in the wrong namespace" in text
    assert "local/hide.yml:3: cannot hide 'no-such-practice'" in text
    with pytest.raises(ModelInvalid) as err:
        from_config_file(fixture_project / "mkdocs.yml")
    text = str(err.value)
    assert re.search(r"local/portal.yml:3: colours.primary #8ab4f8 has contrast \d\.\d\d:1", text)
    assert "local/portal.yml:4: logo file local/assets/missing.svg does not exist" in text


def test_upstream_ids_may_not_use_the_local_namespace(fixture_project):
    from macros.load.loader import load_model
    from macros.model.problems import ModelInvalid

    src = fixture_project / "model/practices/river-walk.yml"
    (fixture_project / "model/practices/local-x.yml").write_text(src.read_text().replace("river-walk", "local-x"))
    with pytest.raises(ModelInvalid, match=r"model/practices/local-x.yml:1: id 'local-x' is in the wrong namespace"):
        load_model(fixture_project / "model")


def test_the_status_page_lists_every_language_from_the_model_data():
    from macros.urls.site import Site
    from macros.views.registry import render_page

    md = render_page(Site(shared_model(), ("en", "nl")), "nl", "status", "status")
    assert json.loads(md.split("\n")[1].split(": ", 1)[1]) == "Stand van de vertaling"
    assert "{ #status-en }" in md and "{ #status-nl }" in md


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_status_page_names_every_kind_of_text_in_words(lang):
    """Review: /nl/status/ listed 'assessment_scale' and 'terms' as raw keys, and four kinds in lower case among
    capitalised ones ('modellen', 'familie van normen')."""
    from macros.load import translations as ts
    from macros.urls.site import Site
    from macros.views.registry import render_page

    model = shared_model()
    md = render_page(Site(model, ("en", "nl")), lang, "status", "status")
    for kind in ts.text_kinds(model):
        label = model.ui(lang, f"localise_kind_{kind}")
        assert label != f"localise_kind_{kind}" and label[0].isupper(), (kind, label)
        assert f"| {label} |" in md or f">{label}<" in md, (kind, label)
        assert f"| {kind} |" not in md and f">{kind}<" not in md, kind


@pytest.mark.browser
@pytest.mark.parametrize(
    "path",
    [
        "de/practices/river-walk/",
        f"practices/{LOCAL}/",
        "de/status/",
        "nl/model/7.1.1.a/",
        "de/fork/",
        f"nl/practices/{HIDDEN}/",
        "de/fork-changes/",
        "de/model/7.1.1.b/",
        "nl/checklists/7.1.1/",
    ],
)
def test_the_forks_pages_pass_axe_with_its_colours_and_notices(fork, page, path):
    """Brand colours, the fallback notice, lang-marked English and the local badge keep WCAG 2.1 AA."""
    from urllib.parse import urlparse

    from .browser import run_axe, serve

    server, url = serve(fork["site"])
    try:
        requests = []
        page.on("request", lambda r: requests.append(r.url))
        assert page.goto(url + path, wait_until="networkidle").status == 200
        assert run_axe(page) == [], path
        primary = page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")
        assert primary == "rgb(11, 83, 148)"  # #0b5394 from local/portal.yml
        assert {urlparse(u).netloc for u in requests if u.startswith("http")} == {urlparse(url).netloc}
    finally:
        server.shutdown()


def test_status_counts_whatever_kinds_the_english_text_holds():
    """Kinds are read from the data: a new kind (say, glossary terms) is counted with no code change."""
    from macros.load import translations as ts
    from macros.load.loader import load_model

    model = load_model(FIXTURE_MODEL)
    model.texts["en"]["terms"] = {"t1": {"term": "Term one"}, "t2": {"term": "Term two"}}
    model.texts["nl"]["terms"] = {"t1": {"term": "Term een"}}
    nl = {k.kind: k for k in ts.language_status(model, "nl").kinds}
    assert (nl["terms"].translated, nl["terms"].total, nl["terms"].missing) == (1, 2, ["t2"])
    assert nl["terms"].unrecorded == ["t1.term"]
    assert ts.text_kinds(model)[-2:] == ["tags", "terms"]  # after the model's own kinds (this fixture has no ui text)


def test_citations_name_the_forks_publisher(fork):
    """Cite this page names whoever publishes the fork (local/portal.yml publisher, else organisation)."""
    for lang in ("en", "nl", "de"):
        text = page_file(fork["site"], lang, "model/7.1/index.md").read_text(encoding="utf-8")
        data = json.loads(re.search(r'<script type="application/json" id="portal-trainers">(.*?)</script>', text).group(1))
        assert data["publisher"] == "Stadt Beispiel", lang
        assert data["clause_title"] == "Dim71 title EN", lang  # the clause title stays in the source language


@pytest.mark.browser
def test_the_language_switch_keeps_the_anchor_in_every_language_a_fork_adds(fork, page):
    """en -> de -> nl -> en on an expectation's anchor: the switch works for languages upstream never had."""
    from .browser import serve

    server, url = serve(fork["site"])
    try:
        page.goto(url + "model/7.1.1.a/#7.1.1.a-e1", wait_until="networkidle")
        for lang, prefix in (("de", "de/"), ("nl", "nl/"), ("en", "")):
            page.hover(".md-header__option .md-select")
            page.click(f'a.md-select__link[hreflang="{lang}"]')
            page.wait_for_load_state("networkidle")
            assert page.url == f"{url}{prefix}model/7.1.1.a/#7.1.1.a-e1"
            assert page.evaluate("document.documentElement.lang") == lang
            assert page.evaluate("!!document.getElementById('7.1.1.a-e1')")
    finally:
        server.shutdown()


def test_a_fork_publishes_under_its_own_site_url(fork):
    """local/portal.yml site_url: canonical, per-page hreflang alternates (every language) and the sitemap use it."""
    site = fork["site"]
    for lang, root in (("en", ""), ("nl", "nl/"), ("de", "de/")):
        html = (site / root / "model" / "7.1.1" / "index.html").read_text(encoding="utf-8")
        assert f'<link rel="canonical" href="{SITE}{root}model/7.1.1/">' in html
        for other, other_root in (("en", ""), ("nl", "nl/"), ("de", "de/")):
            assert f'<link rel="alternate" href="{SITE}{other_root}model/7.1.1/" hreflang="{other}">' in html, (lang, other)
        assert f"<loc>{SITE}{root}model/7.1.1/</loc>" in (site / root / "sitemap.xml").read_text(encoding="utf-8")


@pytest.mark.browser
def test_a_sub_element_not_applicable_starts_ticked_with_the_reason_in_the_checklist(fork, page):
    """The checklist script keeps the fork's tailoring until the user changes it (it repaints from saved state)."""
    from .browser import serve

    server, url = serve(fork["site"])
    try:
        page.goto(url + "nl/checklists/7.1.1/", wait_until="networkidle")
        assert page.is_checked("#na-7\\.1\\.1\\.b")
        assert page.input_value("#why-7\\.1\\.1\\.b") == "We hebben geen servicebalie."
        assert not page.is_checked("#na-7\\.1\\.1\\.a") and page.input_value("#why-7\\.1\\.1\\.a") == ""
    finally:
        server.shutdown()
