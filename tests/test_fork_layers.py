"""A fork of a fork, as a federal agency and then a regional office would run it, following the fork guide.

Upstream is a git repository of this project around the tiny fixture model. The federal fork puts German at
the root (``languages: [de, en, nl]``), adds a practice, hides one, and overrides single fields; a regional
office adds a second layer on top (``regional/``, ``above: local``). Every command runs in the fork, and after
each one ``git status`` must show that no upstream file changed. Then upstream makes two realistic edits (an
English text the fork overrides, and a new practice); ``git pull`` must merge without a conflict, and
``status`` must show the override that drifted, with the old and the new upstream text.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from macros.cli.build import build_site

from .conftest import PROJECT
from .fork_data import GERMAN_TEXT
from .html_tools import parse
from .test_fork import git, make_upstream

ARTIFACTS = PROJECT / "test-artifacts"

FEDERAL = {
    "local/portal.yml": """\
organisation: Bundesamt für Beispiele
publisher: Bundesamt für Beispiele, Referat Service
version: "2026.1"
site_name: {de: Exzellenter Service im Bund, en: Service excellence in the federation}
languages: [de, en, nl]
""",
    **GERMAN_TEXT,
    # one field of an upstream practice, in English; the other fields stay upstream's
    "local/text/en/overrides.yml": """\
practices:
  river-walk:
    summary: Walk the river with residents, the federal way.
""",
    "local/practices/local-buddy-visits.yml": """\
id: local-buddy-visits
subelements: ["7.1.1.a"]
principles: ["5.1.1"]
roles: [front-line]
effort: low
level: 3
tags: [listening]
""",
    # the fork's own practice needs text only in the fork's language (German), not in upstream's Dutch
    "local/text/de/local.yml": """\
practices:
  local-buddy-visits:
    title: Besuche zu zweit DE
    summary: Neue Mitarbeitende besuchen Bürger mit einer Kollegin DE.
    why: Weil es hilft DE.
    steps: [Neue Mitarbeitende einer Kollegin zuordnen DE.]
    evidence: [Jede neue Kollegin hatte eine Begleitung DE.]
    example: Besuche zu zweit im Bürgeramt DE.
""",
    "local/hide.yml": """\
practices:
  open-ledger: Wir veröffentlichen unsere Konten über das Landesportal.
expectations:
  7.1.1.a-e2: {en: Covered by the federal service charter., de: Durch die Servicecharta des Bundes abgedeckt.}
not_applicable:
  7.2.1.2: {en: We have no front office., de: Wir haben keinen Publikumsverkehr.}
""",
    "docs/de/index.md": "# Willkommen\n\nDeutsche Startseite DE.\n",
    # a term of the fork's own, in its own language only
    "local/glossary/local-citizens-office.yml": "id: local-citizens-office\nstatus: public-sector\nsource: portal\n",
    "local/text/de/glossary.yml": """\
terms:
  local-citizens-office:
    term: Bürgeramt
    definition: Die Stelle, an der Bürger ihre Anliegen an einem Ort erledigen DE.
""",
}

REGIONAL = {
    "regional/portal.yml": "above: local\norganisation: Region Nord\nversion: 2026.1-nord\n",
    # one field of an upstream expectation, overridden one layer up
    "regional/text/en/overrides.yml": """\
expectations:
  7.1.1.a-e1:
    text: Expectation 7.1.1.a-e1, as the region checks it.
""",
    "regional/practices/local-nord-desk.yml": """\
id: local-nord-desk
subelements: ["7.1.3"]
principles: ["5.1.1"]
roles: [front-line]
effort: low
level: 3
tags: [listening]
""",
    # in English too, but not in Dutch: Dutch is complete upstream, yet the fork's own items need only the fork's language
    "regional/text/en/nord.yml": """\
practices:
  local-nord-desk:
    title: North service desk EN
    summary: One desk for every request EN.
    why: Short ways EN.
    steps: [Set up the desk EN.]
    evidence: [The desk is staffed EN.]
    example: The desk in the north town hall EN.
""",
    "regional/text/de/nord.yml": """\
practices:
  local-nord-desk:
    title: Servicetheke Nord DE
    summary: Eine Theke für alle Anliegen DE.
    why: Kurze Wege DE.
    steps: [Theke einrichten DE.]
    evidence: [Die Theke ist besetzt DE.]
    example: Die Theke im Rathaus Nord DE.
""",
}

UPSTREAM_PRACTICE = """\
id: harbour-talk
subelements: ["7.1.1.b"]
principles: ["5.1.1"]
roles: [front-line]
effort: low
level: 3
tags: [listening]
"""


def macros(project: Path, *args: str) -> subprocess.CompletedProcess:
    """A command of the project's own copy of the code, as the fork's web team runs it."""
    return subprocess.run(
        [sys.executable, "-m", "macros", *args, "--config", str(project / "mkdocs.yml")], cwd=project, capture_output=True, text=True
    )


FORK_OWN = ("local/", "regional/", "docs/de/")


def changed_upstream_files(project: Path) -> list[str]:
    """Upstream files a command changed or deleted (a fork only ever changes files of its own layers)."""
    lines = git(project, "status", "--porcelain", "--untracked-files=all").splitlines()
    return [line for line in lines if not line.startswith("?? ") and not line[3:].startswith(FORK_OWN)]


def new_files(project: Path) -> set[str]:
    return {line[3:] for line in git(project, "status", "--porcelain", "--untracked-files=all").splitlines() if line.startswith("?? ")}


def write(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")


def run_every_command(project: Path, log: list[str]) -> None:
    """validate, status --accept for every language, status, urls: none may touch a tracked file."""
    for args in (
        ("validate",),
        ("status", "--accept", "en"),
        ("status", "--accept", "nl"),
        ("status", "--accept", "de"),
        ("status",),
        ("urls",),
    ):
        run = macros(project, *args)
        log.append(f"$ python -m macros {' '.join(args)}  -> exit {run.returncode}\n{run.stdout}{run.stderr}")
        assert run.returncode == 0, (args, run.stdout, run.stderr)
        assert changed_upstream_files(project) == [], args


def upstream_edits(upstream: Path) -> None:
    """Two realistic upstream commits: an English text the fork overrides (with its Dutch), and a new practice."""
    english = upstream / "model/text/en/model.yml"
    english.write_text(english.read_text().replace("summary: Do river-walk EN.", "summary: Do river-walk EN, now with a map."))
    dutch = upstream / "model/text/nl/model.yml"
    dutch.write_text(dutch.read_text().replace("summary: Do river-walk NL.", "summary: Do river-walk NL, nu met een kaart."))
    assert macros(upstream, "status", "--accept", "nl").returncode == 0
    git(upstream, "commit", "-qam", "upstream: river-walk summary mentions the map")
    (upstream / "model/practices/harbour-talk.yml").write_text(UPSTREAM_PRACTICE)
    for lang in ("en", "nl"):
        (upstream / f"model/text/{lang}/harbour.yml").write_text(
            "practices:\n  harbour-talk:\n"
            + "".join(f"    {f}: Harbour {f} {lang.upper()}.\n" for f in ("title", "summary", "why", "example"))
            + "".join(f"    {f}: [Harbour {f} {lang.upper()}.]\n" for f in ("steps", "evidence"))
        )
    assert macros(upstream, "status", "--accept", "nl").returncode == 0
    assert macros(upstream, "urls").returncode == 0
    git(upstream, "add", "-A")
    git(upstream, "commit", "-qm", "upstream: new practice harbour-talk")


@pytest.fixture(scope="module")
def fork(tmp_path_factory) -> dict:
    base = tmp_path_factory.mktemp("layers")
    upstream = make_upstream(base / "upstream")
    root = base / "fork"
    git(base, "clone", "-q", str(upstream), str(root))
    log: list[str] = []
    write(root, FEDERAL)
    run_every_command(root, log)
    federal_files = new_files(root)
    git(root, "add", "-A")
    git(root, "commit", "-qm", "federal layer")
    write(root, REGIONAL)
    run_every_command(root, log)
    regional_files = new_files(root)
    git(root, "add", "-A")
    git(root, "commit", "-qm", "regional layer")
    upstream_edits(upstream)
    pull = subprocess.run(["git", "pull", "--no-rebase", "--no-edit", "origin", "main"], cwd=root, capture_output=True, text=True)
    drifted = macros(root, "status")
    return {
        "root": root,
        "upstream": upstream,
        "log": log,
        "federal_files": federal_files,
        "regional_files": regional_files,
        "pull": pull,
        "drifted": drifted,
    }


@pytest.fixture(scope="module")
def site(fork) -> Path:
    accepted = macros(fork["root"], "status", "--accept", "en")
    assert accepted.returncode == 0, accepted.stderr
    return build_site(fork["root"] / "mkdocs.yml")


def test_every_command_writes_only_the_forks_own_layer(fork):
    assert all(f.startswith(("local/", "docs/de/")) for f in fork["federal_files"]), fork["federal_files"]
    assert not (fork["root"] / "local/fingerprints/nl.yml").exists()  # the fork has no Dutch of its own to record
    assert {"local/fingerprints/de.yml", "local/replaced/en.yml", "local/published-urls.txt"} <= fork["federal_files"]
    assert all(f.startswith("regional/") for f in fork["regional_files"]), fork["regional_files"]
    assert {"regional/replaced/en.yml", "regional/published-urls.txt"} <= fork["regional_files"]


def test_pulling_two_upstream_edits_merges_without_conflict(fork):
    pull = fork["pull"]
    assert pull.returncode == 0, pull.stdout + pull.stderr
    assert "CONFLICT" not in pull.stdout + pull.stderr
    root = fork["root"]
    assert changed_upstream_files(root) == []
    assert (root / "model/practices/harbour-talk.yml").is_file()
    assert "now with a map" in (root / "model/text/en/model.yml").read_text()


def test_status_flags_the_override_whose_upstream_text_changed(fork):
    run = fork["drifted"]
    assert run.returncode == 1
    assert re.search(
        r"^not OK: en practices river-walk\.summary: your override in local/text/en/overrides\.yml:3 has drifted", run.stderr, re.M
    ), run.stderr
    assert "  drifted: practices river-walk.summary (local/text/en/overrides.yml:3)" in run.stdout
    assert '    was: "Do river-walk EN."' in run.stdout
    assert '    now: "Do river-walk EN, now with a map."' in run.stdout
    # upstream's Dutch follows upstream's English: the fork's English override does not make it stale
    nl = run.stdout.split("\nnl (", 1)[1].split("\nde (", 1)[0]
    assert "stale" not in nl.replace(" stale ", "") and "drifted" not in nl
    assert [line for line in run.stderr.splitlines() if line.startswith("not OK:")] == [
        line for line in run.stderr.splitlines() if "river-walk.summary" in line
    ]
    # the status page says the same, for people who do not read the command's output
    from macros.load.loader import load_model
    from macros.load.settings import from_config_file
    from macros.urls.site import Site
    from macros.views.registry import render_page

    cfg = from_config_file(fork["root"] / "mkdocs.yml")
    model = load_model(cfg.model_dir, cfg.complete_languages, list(cfg.layers), cfg.fork_languages)
    page = render_page(Site(model, cfg.languages), "en", "status", "status")
    assert "Own texts to check" in page and "practices river-walk.summary: it was “Do river-walk EN.”" in page


def test_accepting_the_drift_records_it_in_the_top_layer_only(fork, site):
    root = fork["root"]
    assert changed_upstream_files(root) == [] and new_files(root) == set()
    assert git(root, "status", "--porcelain").split() == ["M", "regional/replaced/en.yml"]  # the top layer's own record
    record = (root / "regional/replaced/en.yml").read_text()
    assert "Do river-walk EN, now with a map." in record
    assert macros(root, "status").returncode == 0


def test_german_at_the_root_english_prose_for_untranslated_pages(site):
    home = (site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="de"' in home and "Deutsche Startseite DE." in home
    guide = (site / "fork" / "index.html").read_text(encoding="utf-8")
    assert '<div lang="en"><h1 id="fork-and-localise">' in guide and "Noch nicht übersetzt" in guide
    assert '<html lang="en"' in (site / "en" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="nl"' in (site / "nl" / "index.html").read_text(encoding="utf-8")


def test_field_overrides_change_one_field_and_keep_the_rest(site):
    en = (site / "en" / "practices" / "river-walk" / "index.html").read_text(encoding="utf-8")
    assert "Walk the river with residents, the federal way." in en and "Practice river-walk EN" in en and "Because river-walk EN." in en
    nl = (site / "nl" / "practices" / "river-walk" / "index.html").read_text(encoding="utf-8")
    assert "Do river-walk NL, nu met een kaart." in nl  # the Dutch is upstream's, not overridden
    sub = (site / "en" / "model" / "7.1.1.a" / "index.html").read_text(encoding="utf-8")
    assert "Expectation 7.1.1.a-e1, as the region checks it." in sub


def test_the_layers_own_practices_need_only_the_forks_language(site):
    de = (site / "practices" / "local-nord-desk" / "index.html").read_text(encoding="utf-8")
    assert "Servicetheke Nord DE" in de
    nl = (site / "nl" / "practices" / "local-buddy-visits" / "index.html").read_text(encoding="utf-8")
    assert '<span lang="de">Besuche zu zweit DE</span>' in nl  # shown in the fork's language, marked as German


def test_settings_merge_up_the_layers(site):
    page = (site / "index.html").read_text(encoding="utf-8")
    assert "Region Nord" in page and "Exzellenter Service im Bund" in page


def test_a_language_code_the_theme_does_not_know_is_a_clear_message(fork, tmp_path):
    project = tmp_path / "typo"
    git(tmp_path, "clone", "-q", str(fork["root"]), str(project))
    portal = project / "local/portal.yml"
    portal.write_text(portal.read_text().replace("languages: [de, en, nl]", "languages: [ge, en, nl]"))
    run = macros(project, "validate")
    assert run.returncode == 1
    assert "local/portal.yml:5: 'ge' in languages is not a language code the theme knows" in run.stderr
    assert "did you mean" in run.stderr and "Traceback" not in run.stderr


def test_the_command_log_is_kept_for_people_to_read(fork):
    out = ARTIFACTS
    out.mkdir(exist_ok=True)
    text = "\n".join(fork["log"]) + "\n$ git pull\n" + fork["pull"].stdout + fork["pull"].stderr
    text += "\n$ python -m macros status\n" + fork["drifted"].stdout + fork["drifted"].stderr
    (out / "fork-layers-log.txt").write_text(text, encoding="utf-8")
    assert json.dumps(text)


def test_a_hidden_expectation_keeps_its_anchor_and_says_why(site):
    for lang, reason in (("", "Durch die Servicecharta des Bundes abgedeckt."), ("en", "Covered by the federal service charter.")):
        sub = (site / lang / "model" / "7.1.1.a" / "index.html").read_text(encoding="utf-8")
        assert 'id="7.1.1.a-e2"' in sub and reason in sub and "Expectation 7.1.1.a-e2 EN." not in sub, lang
    nl = (site / "nl" / "model" / "7.1.1.a" / "index.html").read_text(encoding="utf-8")
    assert '<span lang="en">Covered by the federal service charter.</span>' in nl  # no Dutch reason: English, marked
    for lang in ("", "en", "nl"):
        checklist = (site / lang / "checklists" / "7.1.1" / "index.html").read_text(encoding="utf-8")
        assert 'value="7.1.1.a-e1"' in checklist and "7.1.1.a-e2" not in checklist, lang
        data = json.loads((site / lang / "downloads" / f"catalogue-{lang or 'de'}.json").read_text(encoding="utf-8"))
        assert "7.1.1.a-e2" not in [e["id"] for e in data["expectations"]]
        assert {"kind": "expectation", "id": "7.1.1.a-e2"}.items() <= next(h for h in data["hidden"] if h["id"] == "7.1.1.a-e2").items()


def test_a_sub_element_not_applicable_shows_the_reason_in_page_checklist_and_export(site):
    page = (site / "model" / "7.2.1.2" / "index.html").read_text(encoding="utf-8")
    assert 'id="not-applicable"' in page and "Wir haben keinen Publikumsverkehr." in page
    en = (site / "en" / "model" / "7.2.1.2" / "index.html").read_text(encoding="utf-8")
    assert "Not applicable to this organisation" in en and "We have no front office." in en
    checklist = (site / "en" / "checklists" / "7.2.1" / "index.html").read_text(encoding="utf-8")
    assert 'data-na-for="7.2.1.2" checked' in checklist and ">We have no front office.</textarea>" in checklist
    data = json.loads((site / "en" / "downloads" / "catalogue-en.json").read_text(encoding="utf-8"))
    sub = next(s for s in data["subelements"] if s["id"] == "7.2.1.2")
    assert sub["not_applicable"] == {"en": "We have no front office."}


def test_downloads_carry_the_forks_name_version_publisher_and_origins(site):
    from jsonschema import Draft202012Validator

    data = json.loads((site / "downloads" / "catalogue.json").read_text(encoding="utf-8"))
    Draft202012Validator(json.loads((site / "downloads" / "catalogue.schema.json").read_text())).validate(data)
    assert data["portal"] == "Service excellence in the federation"  # all languages: named in the first, English
    assert json.loads((site / "downloads" / "catalogue-de.json").read_text(encoding="utf-8"))["portal"] == "Exzellenter Service im Bund"
    assert (data["portal_version"], data["publisher"]) == ("2026.1-nord", "Bundesamt für Beispiele, Referat Service")
    origin = {p["id"]: p["origin"] for p in data["practices"]}
    assert origin == {"river-walk": "overridden", "harbour-talk": "upstream", "local-buddy-visits": "local", "local-nord-desk": "local"}
    assert "open-ledger" not in origin and {"kind": "practice", "id": "open-ledger"}.items() <= data["hidden"][0].items()
    de = json.loads((site / "downloads" / "catalogue-de.json").read_text(encoding="utf-8"))
    river = next(p for p in de["practices"] if p["id"] == "river-walk")
    assert river["fallback"] == {"de": "en"}  # English text shown in German: said so, not passed off as German
    local = next(p for p in de["practices"] if p["id"] == "local-buddy-visits")
    assert "fallback" not in local


def test_the_what_changed_page_and_json_list_every_deviation(site, fork):
    data = json.loads((site / "downloads" / "fork-changes.json").read_text(encoding="utf-8"))
    listed = {(c["kind"], c["id"], c["change"], c["layer"]) for c in data["changes"]}
    assert listed == {
        ("practice", "local-buddy-visits", "local", "local"),
        ("term", "local-citizens-office", "local", "local"),
        ("practice", "local-nord-desk", "local", "regional"),
        ("practice", "river-walk", "overridden", "local"),
        ("expectation", "7.1.1.a-e1", "overridden", "regional"),
        ("practice", "open-ledger", "hidden", "local"),
        ("expectation", "7.1.1.a-e2", "hidden", "local"),
        ("subelement", "7.2.1.2", "not_applicable", "local"),
    }
    assert data["layers"] == ["model", "local", "regional"]
    page = (site / "fork-changes" / "index.html").read_text(encoding="utf-8")
    assert "Wir haben keinen Publikumsverkehr." in page and 'href="../practices/river-walk/"' in page
    assert "/fork-changes/" in (fork["root"] / "local" / "published-urls.txt").read_text()  # the fork's own page, in its own list
    (ARTIFACTS / "fork-changes.json").write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def test_fallback_markup_never_lands_inside_an_attribute(site):
    bad = []
    for path in sorted(site.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        if re.search(r'="[^"<>]*<span lang=', text) or "&lt;span lang=" in text or re.search(r"\[[A-Z]\]\(#letter-", text):
            bad.append(str(path.relative_to(site)))
    assert bad == []


def test_hidden_pages_are_left_out_of_the_sitemap(site):
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "/practices/river-walk/" in sitemap and "/practices/open-ledger/" not in sitemap


def test_a_forks_own_term_is_in_the_glossary(site):
    glossary = (site / "glossary" / "index.html").read_text(encoding="utf-8")
    assert 'id="local-citizens-office"' in glossary and "Bürgeramt" in glossary
    data = json.loads((site / "downloads" / "fork-changes.json").read_text(encoding="utf-8"))
    assert {"kind": "term", "id": "local-citizens-office", "change": "local", "layer": "local"} in data["changes"]


@pytest.mark.browser
@pytest.mark.parametrize("path", ["", "model/7.2.1.2/", "model/7.1.1.a/", "fork-changes/", "en/practices/river-walk/", "nl/glossary/"])
def test_the_german_rooted_fork_passes_axe(site, page, path):
    """German at the root, English and Dutch below it: notices, lang-marked fallback text and the fork's tailoring keep WCAG 2.1 AA."""
    from .browser import run_axe, serve

    server, url = serve(site)
    try:
        assert page.goto(url + path, wait_until="networkidle").status == 200
        assert run_axe(page) == [], path
    finally:
        server.shutdown()


def test_a_fork_renames_its_own_practice_in_its_own_changelog(fork, site, tmp_path):
    """The fork's changelog lives in its layer: the old, published address of its own practice redirects; upstream's is untouched."""
    project = tmp_path / "renamed"
    git(tmp_path, "clone", "-q", str(fork["root"]), str(project))
    for rel in ("local/practices/local-buddy-visits.yml", "local/text/de/local.yml"):
        path = project / rel
        path.write_text(path.read_text(encoding="utf-8").replace("local-buddy-visits", "local-pair-visits"), encoding="utf-8")
    (project / "local/practices/local-buddy-visits.yml").rename(project / "local/practices/local-pair-visits.yml")
    (project / "local/changelog.yml").write_text(
        'releases:\n  - version: "2026.2.0"\n    date: "2026-11-29"\n'
        "    renamed:\n      - {kind: practice, from: local-buddy-visits, to: local-pair-visits}\n",
        encoding="utf-8",
    )
    assert macros(project, "validate").returncode == 0
    for args in (("status", "--accept", "en"), ("status", "--accept", "de"), ("urls",)):  # the clone has the fork's commits only
        assert macros(project, *args).returncode == 0, args
    assert changed_upstream_files(project) == []
    built = build_site(project / "mkdocs.yml")  # the published-URL check passes: the old address redirects
    old = (built / "practices" / "local-buddy-visits" / "index.html").read_text(encoding="utf-8")
    assert "local-pair-visits" in old and 'http-equiv="refresh"' in old
    changelog = parse(built / "en" / "changelog" / "index.html")  # the fork's release is on its changelog, apart from upstream's
    assert {"local-releases", "local-release-2026-2-0"} <= changelog.ids and "upstream-releases" not in changelog.ids  # none upstream
    words = " ".join("".join(changelog.text).split())
    assert "Release 2026.2.0" in words and "local-buddy-visits" in words
    assert "../practices/local-pair-visits/" in {h for h, _a in changelog.links}
    wrong = project / "local/changelog.yml"
    wrong.write_text(wrong.read_text(encoding="utf-8") + "      - {kind: practice, from: river-walk, to: local-pair-visits}\n")
    run = macros(project, "validate")
    assert (
        run.returncode == 1
        and "local/changelog.yml:" in run.stderr
        and "cannot rename or retire upstream's practice 'river-walk'" in run.stderr
    )
