"""``python -m macros readability``: long sentences and words per sentence, per language and kind; exit 1 over a limit."""

from __future__ import annotations

import argparse
import sys

from ..model.problems import ModelInvalid
from ..model.readability import LIMITS, LONG, language_figures
from .project import load


def run(args: argparse.Namespace) -> int:
    try:
        _cfg, model = load(args)
    except ModelInvalid as err:
        print(err, file=sys.stderr)
        return 1
    over = 0
    for lang in args.lang or sorted(model.texts, key=lambda x: (x != model.source_language, x)):
        print(f"{lang} ({model.ui(lang, 'language_name')})")
        print(
            f"  {'kind':<14}{'sentences':>10}{'words/sentence':>16}{f'over {LONG} words':>16}{'longest':>9}{f'summaries over {LONG}':>22}"
        )
        for f in language_figures(model.texts.get(lang, {})):
            problems = f.over(LIMITS.get(lang, {}).get(f.kind))
            over += len(problems)
            summaries = f"{f.long_summaries}/{f.summaries} ({f.long_summary_share:.0f}%)" if f.summaries else "-"
            print(f"  {f.kind:<14}{f.sentences:>10}{f.average:>16.1f}{f'{f.long} ({f.long_share:.0f}%)':>16}{f.longest:>9}{summaries:>22}")
            for p in problems:
                print(f"    over the limit: {p}")
    if over:
        print(f"{over} figure(s) over the limits in macros/model/readability.py (LIMITS)", file=sys.stderr)
    return 1 if over else 0
