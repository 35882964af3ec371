"""House style the build enforces: one word per concept (the glossary's avoid lists) and readable sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.cli import main
from macros.load.loader import load_model
from macros.model import readability, terminology
from macros.model.problems import ModelInvalid

from .conftest import edit_yaml

KLANT = terminology.Variant("klant", "customer-citizen", "klant/burger")
KLANTREIS = terminology.Variant("klantreis", "customer-citizen-journey", "klant-/burgerreis")


def problems(project: Path) -> list[str]:
    with pytest.raises(ModelInvalid) as err:
        load_model(project / "model")
    return [str(p) for p in err.value.problems]


def test_whole_words_only_and_the_preferred_term_is_not_a_variant():
    found = terminology.find("De klant/burger, de klant-/burgerreis, klantenservice en één Klant.", [KLANT, KLANTREIS])
    assert [(h.found, h.variant.preferred) for h in found] == [("Klant", "klant/burger")]


def test_a_phrase_counts_once_not_also_as_its_words():
    phrase = terminology.Variant("aan de voorkant", "front-line-staff", "medewerker met publiekscontact")
    word = terminology.Variant("voorkant", "x", "y")
    found = terminology.find(
        "Medewerkers aan de voorkant helpen.", terminology.variants({"a": {"term": "t", "avoid": []}}) + (phrase, word)
    )
    assert [h.found for h in found] == ["aan de voorkant"]


def test_official_titles_synonyms_and_the_terms_own_entry_are_exempt():
    texts = {
        "terms": {"customer-citizen": {"term": "klant/burger", "avoid": ["klant"], "note": "Klant zegt dat iemand een dienst krijgt."}},
        "elements": {"7.3.1": {"title": "Wat klanten nodig hebben, klant", "summary": "Luister naar de klant."}},
        "practices": {"p": {"steps": ["Bel de klant.", "Bel iemand."]}},
    }
    found = [(kind, item_id, path, h.found) for kind, item_id, path, h in terminology.hits(texts)]
    assert found == [("elements", "7.3.1", ("summary",), "klant"), ("practices", "p", ("steps", 0), "klant")]


def test_real_model_uses_one_word_per_concept(real_model):
    for lang in ("en", "nl"):
        assert terminology.variants(real_model.texts[lang]["terms"]), f"{lang}: the glossary names no variants to avoid"
        assert terminology.hits(real_model.texts[lang]) == [], lang


def test_prose_pages_use_one_word_per_concept_too(real_model):
    """docs/<lang>/*.md are written by hand, next to the model text: the same avoid lists hold there."""
    docs = Path(__file__).resolve().parents[1] / "docs"
    found = []
    for lang in ("en", "nl"):
        avoid = terminology.variants(real_model.texts[lang]["terms"])
        for page in sorted((docs / lang).glob("*.md")):
            for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1):
                found += [
                    f"{page.relative_to(docs.parent)}:{number}: '{h.found}' -> '{h.variant.preferred}'"
                    for h in terminology.find(line, avoid)
                ]
    assert found == []


def test_a_variant_stops_the_build_with_file_line_and_the_word_to_use(fixture_project):
    glossary = fixture_project / "model/text/nl/glossary.yml"
    edit_yaml(glossary, lambda s: s.replace("    term: werkwijze\n", "    term: werkwijze\n    avoid: [handelwijze, goede praktijk]\n"))
    text = fixture_project / "model/text/nl/model.yml"
    edit_yaml(text, lambda s: s.replace("    example: Scenario river-walk NL.", "    example: Een goede praktijk van river-walk NL."))
    line = 1 + text.read_text(encoding="utf-8").splitlines().index("    example: Een goede praktijk van river-walk NL.")
    found = [p for p in problems(fixture_project) if "not this portal's word" in p]
    assert found == [
        f"model/text/nl/model.yml:{line}: 'goede praktijk' is not this portal's word (nl): glossary term 'practice' is written "
        "'werkwijze' — write 'werkwijze' or rephrase; the term's avoid: list in model/text/nl/ names the variants"
    ]


def test_avoid_lists_are_the_languages_own_and_need_no_fingerprint(fixture_project):
    edit_yaml(
        fixture_project / "model/text/en/glossary.yml",
        lambda s: s.replace("    term: practice\n", "    term: practice\n    avoid: [good practice]\n"),
    )
    load_model(fixture_project / "model")  # neither a stale nor an unrecorded translation: the Dutch has no avoid list


def test_an_example_may_not_repeat_the_label_the_page_shows(fixture_project):
    text = fixture_project / "model/text/nl/model.yml"
    edit_yaml(text, lambda s: s.replace("    example: Scenario open-ledger NL.", '    example: "Voorbeeld: open-ledger NL."'))
    line = 1 + text.read_text(encoding="utf-8").splitlines().index('    example: "Voorbeeld: open-ledger NL."')
    found = [p for p in problems(fixture_project) if "already shows" in p]
    assert len(found) == 1 and found[0].startswith(f"model/text/nl/model.yml:{line}: the example of practice 'open-ledger' (nl)"), found


def test_sentences_split_at_a_stop_before_a_capital_only():
    text = "Bel iemand, bijv. de aanvrager. Vraag: wat is er? 'Dank je.' Daarna 3 stappen."
    assert readability.sentences(text) == ["Bel iemand, bijv. de aanvrager.", "Vraag: wat is er?", "'Dank je.'", "Daarna 3 stappen."]
    assert readability.word_count("Eén – twee  drie (vier)") == 4


def test_prose_fields_only_and_list_items_count_apart():
    item = {"title": "Een heel lange titel telt niet mee", "summary": "Doe dit.", "steps": ["Stap een.", "Stap twee."]}
    f = readability.figures({"practices": {"p": item}}, "practices")
    assert (f.sentences, f.words, f.summaries, f.long_summaries) == (3, 6, 1, 0)


def test_real_text_stays_under_the_agreed_limits(real_model):
    over = {
        (lang, f.kind): f.over(readability.LIMITS[lang].get(f.kind))
        for lang in readability.LIMITS
        for f in readability.language_figures(real_model.texts[lang])
    }
    assert {k: v for k, v in over.items() if v} == {}


def test_readability_command_prints_figures_per_language_and_kind(capsys):
    assert main(["readability", "--lang", "nl"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("nl (Nederlands)") and "words/sentence" in out and "practices" in out and "expectations" in out


def test_english_ceilings_catch_long_expectations_coming_back(real_model):
    """The English ceilings sit just above today's figures: twenty expectations back at one 25-word sentence fail."""
    long_sentence = " ".join(["word"] * 25) + "."
    expectations = {
        key: {"text": long_sentence} if number < 20 else item
        for number, (key, item) in enumerate(real_model.texts["en"]["expectations"].items())
    }
    figures = readability.figures({"expectations": expectations}, "expectations")
    assert figures.over(readability.LIMITS["en"]["expectations"])
    assert readability.figures(real_model.texts["en"], "expectations").over(readability.LIMITS["en"]["expectations"]) == []
