"""House style that the build enforces on text: one word per concept, and no label the page already adds.

Both are checks on what writers type, so they report ``file:line`` of the very string, like every
other model problem, and name the word to write instead.
"""

from __future__ import annotations

from ..model import terminology
from ..model.problems import Problem
from ..model.types import Model
from .reader import Sources

# What an ``example`` once started with; the practice template prints the language's own label.
EXAMPLE_LABELS = ("Scenario:",)


def check(model: Model, src: Sources) -> list[Problem]:
    return check_terminology(model, src) + check_example_labels(model, src)


def variant_hits(model: Model, src: Sources, lang: str) -> list[tuple[str, int, terminology.Hit]]:
    """(file, line, hit) for every avoided word in ``lang``'s text, in file order."""
    out = []
    for kind, item_id, path, hit in terminology.hits(model.texts.get(lang, {})):
        doc = src.text_docs.get((lang, kind, item_id))
        if doc is not None:
            out.append((doc.rel, doc.line_of((kind, item_id, *path)), hit))
    return sorted(out, key=lambda x: (x[0], x[1], x[2].start))


def check_terminology(model: Model, src: Sources) -> list[Problem]:
    """A word the glossary's ``avoid:`` list names, anywhere in a language's text."""
    problems = []
    for lang in sorted(model.texts):
        for rel, line, hit in variant_hits(model, src, lang):
            v = hit.variant
            problems.append(
                Problem(
                    rel,
                    line,
                    f"'{hit.found}' is not this portal's word ({lang}): glossary term '{v.term_id}' is written '{v.preferred}'",
                    f"write '{v.preferred}' or rephrase; the term's avoid: list in model/text/{lang}/ names the variants",
                )
            )
    return problems


def check_example_labels(model: Model, src: Sources) -> list[Problem]:
    """A practice's ``example`` must not start with a label: the page prints 'Example:' before it."""
    labels = {str(t.get("ui", {}).get("example", "")).strip() for t in model.texts.values()} | set(EXAMPLE_LABELS)
    labels.discard("")
    problems = []
    for lang, kinds in sorted(model.texts.items()):
        for item_id, fields in kinds.get("practices", {}).items():
            example = str(fields.get("example", "")).lstrip()
            label = next((x for x in sorted(labels) if example.casefold().startswith(x.casefold())), None)
            doc = src.text_docs.get((lang, "practices", item_id))
            if label and doc is not None:
                problems.append(
                    Problem(
                        doc.rel,
                        doc.line_of(("practices", item_id, "example")),
                        f"the example of practice '{item_id}' ({lang}) starts with '{label}', which the page already shows",
                        "remove the label and start with the scenario itself",
                    )
                )
    return problems
