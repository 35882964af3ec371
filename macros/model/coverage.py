"""How well the catalogue covers the model (``python -m macros coverage`` prints it).

Prints expectations and practices per sub-element (grouped by element), where the
expectations come from (the standard's requirements and examples, the portal's advice) per
element, and practices per principle, and flags anything under the catalogue's floor
(3 expectations and 6 practices per sub-element, 3 practices per principle).
"""

from __future__ import annotations

from .types import PROVENANCE_SOURCES, Model

MIN_EXPECTATIONS, MIN_PRACTICES, MIN_PER_PRINCIPLE = 3, 6, 3


def shortfalls(model: Model) -> list[str]:
    """Every place the catalogue is thinner than its floor, as readable lines."""
    out = []
    for s in model.subelements.values():
        if len(s.expectation_ids) < MIN_EXPECTATIONS:
            out.append(f"sub-element {s.id}: {len(s.expectation_ids)} expectations (at least {MIN_EXPECTATIONS})")
        if len(model.practices_for(s.id)) < MIN_PRACTICES:
            out.append(f"sub-element {s.id}: {len(model.practices_for(s.id))} practices (at least {MIN_PRACTICES})")
    for p in model.principles:
        if len(model.practices_serving(p)) < MIN_PER_PRINCIPLE:
            out.append(f"principle {p}: {len(model.practices_serving(p))} practices (at least {MIN_PER_PRINCIPLE})")
    return out


def report(model: Model, lang: str = "en") -> str:
    lines = [f"{'element / sub-element':<58} {'expect.':>7} {'practices':>9}"]
    for e in model.elements.values():
        subs = [model.subelements[s] for s in e.subelement_ids]
        total_p = len({p.id for s in subs for p in model.practices_for(s.id)})
        lines.append(
            f"{e.id + ' ' + model.text(lang, 'elements', e.id)[0].get('title', ''):<58.58} "
            f"{sum(len(s.expectation_ids) for s in subs):>7} {total_p:>9}"
        )
        for s in subs:
            if s.id != e.id:
                title = model.text(lang, "subelements", s.id)[0].get("title", "")
                lines.append(f"  {s.id + ' ' + title:<56.56} {len(s.expectation_ids):>7} {len(model.practices_for(s.id)):>9}")
    lines.append("")
    lines += provenance_table(model, lang)
    lines.append("")
    lines.append(f"{'principle':<58} {'practices':>17}")
    for p in model.principles:
        title = model.text(lang, "principles", p)[0].get("title", "")
        lines.append(f"{p + ' ' + title:<58.58} {len(model.practices_serving(p)):>17}")
    lines.append("")
    whole = len(model.subelements) - model.standard_subelement_count
    lines.append(
        f"total: {model.standard_subelement_count} sub-elements and {whole} element assessed as a whole, "
        f"{len(model.expectations)} expectations, {len(model.practices)} practices"
    )
    return "\n".join(lines)


def provenance_counts(model: Model) -> dict[str, dict[str, int]]:
    """Per element, how many expectations are requirements of the clause, examples it offers, or the portal's advice."""
    counts = {e: dict.fromkeys(PROVENANCE_SOURCES, 0) for e in model.elements}
    for e, s in model.expectations.items():
        counts[model.subelements[s].element_id][model.provenance_of(e).source] += 1
    return counts


def provenance_table(model: Model, lang: str = "en") -> list[str]:
    counts = provenance_counts(model)
    lines = [f"{'where the expectations come from':<40} {'requirement':>11} {'example':>8} {'advice':>7}"]
    total = {s: sum(c[s] for c in counts.values()) for s in PROVENANCE_SOURCES}
    rows = [(e + " " + model.text(lang, "elements", e)[0].get("title", ""), c) for e, c in counts.items()] + [("total", total)]
    for name, c in rows:
        lines.append(f"{name:<40.40} {c['requirement']:>11} {c['example']:>8} {c['advice']:>7}")
    return lines
