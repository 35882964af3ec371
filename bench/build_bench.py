"""Build benchmark: prints figures, asserts nothing (speed is measured, not tested).

Measures, in one run:
  a) the full strict build of both languages with the real catalogue;
  b) plain Material building the same Markdown without our macros/hooks (the baseline);
  c) the heaviest page, the first-visit transfer of a sub-element page, the search index per language;
  d) the same build with a synthetic catalogue of ten times as many practices.
Usage: python bench/build_bench.py
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

import yaml

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from macros.cli.build import build_site  # noqa: E402
from macros.load.loader import load_model  # noqa: E402
from macros.urls.scheme import all_pages  # noqa: E402
from macros.urls.site import Site  # noqa: E402
from macros.views.registry import render_page  # noqa: E402
from tests.conftest import make_project  # noqa: E402

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def timed(fn) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


class _NoAliases(yaml.SafeDumper):
    """The copies share their lists (steps, tags); plain dumping would write YAML anchors, which the portal refuses."""

    def ignore_aliases(self, data) -> bool:
        return True


def _dump(data) -> str:
    return yaml.dump(data, Dumper=_NoAliases, allow_unicode=True)


def scaled_model(dest: Path, factor: int) -> Path:
    """A copy of model/ where every practice appears `factor` times (new IDs, same text)."""
    shutil.copytree(PROJECT / "model", dest)
    ids = sorted(f.stem for f in (dest / "practices").glob("*.yml"))
    copy_id = {(pid, i): f"bench-{k:04d}-x{i}" for k, pid in enumerate(ids) for i in range(2, factor + 1)}
    for lang_dir in (dest / "text").iterdir():
        for f in lang_dir.glob("catalogue-*.yml"):
            data = yaml.safe_load(f.read_text())
            practices = data.get("practices", {})
            for pid, text in list(practices.items()):
                for i in range(2, factor + 1):
                    practices[copy_id[pid, i]] = {**text, "title": f"{text['title']} ({i})", "summary": f"{text['summary']} ({i})"}
            f.write_text(_dump(data))
    for f in list((dest / "practices").glob("*.yml")):
        data = yaml.safe_load(f.read_text())
        for i in range(2, factor + 1):
            new_id = copy_id[data["id"], i]
            (f.parent / f"{new_id}.yml").write_text(_dump({**data, "id": new_id}))
    return dest


def baseline_project(dest: Path, site: Path) -> Path:
    """The built site's Markdown, as plain files, with a config that has no macros plugin or hooks."""
    model = load_model(PROJECT / "model")
    portal = Site(model, ("en", "nl"))
    for lang in ("en", "nl"):
        docs = dest / lang
        for _t, item_id, src in all_pages(model):
            target = docs / src
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(render_page(portal, lang, _t, item_id))
        (docs / "index.md").write_text((PROJECT / "docs" / lang / "index.md").read_text().replace("{{", "").replace("}}", ""))
        extensions = ["attr_list", "md_in_html", "admonition", {"toc": {"permalink": True}}]
        cfg = {
            "site_name": "baseline",
            "docs_dir": str(docs),
            "site_dir": str(site / lang),
            "theme": {"name": "material", "font": False, "language": lang},
            "markdown_extensions": extensions,
            "plugins": ["search"],
        }
        (dest / f"mkdocs.{lang}.yml").write_text(yaml.safe_dump(cfg))
    return dest


def build_baseline(project: Path) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    for lang in ("en", "nl"):
        build(load_config(str(project / f"mkdocs.{lang}.yml")))


def first_visit_bytes(site: Path, page: Path) -> int:
    html = page.read_text()
    total = len(html.encode())
    for ref in set(re.findall(r'(?:href|src)="([^"#?]+\.(?:css|js|svg|png|woff2?))"', html)):
        f = (page.parent / ref).resolve()
        if f.exists():
            total += f.stat().st_size
    return total


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="bench-"))
    try:
        t_real, site = timed(lambda: build_site(PROJECT / "mkdocs.yml", work / "site"))
        base = baseline_project(work / "baseline", work / "baseline-site")
        t_base, _ = timed(lambda: build_baseline(base))
        x10 = make_project(work / "x10", scaled_model(work / "model-x10", 10))
        t_x10, _ = timed(lambda: build_site(x10 / "mkdocs.yml"))
        n1 = len(load_model(PROJECT / "model").practices)
        n10 = len(list((x10 / "model" / "practices").glob("*.yml")))
        html = sorted(site.rglob("*.html"), key=lambda f: f.stat().st_size)
        sub = next(iter(load_model(PROJECT / "model").subelements))
        print(f"practices: x1 = {n1}, x10 = {n10}")
        print(f"(a) full strict build, both languages (x1):        {t_real:6.2f} s")
        print(f"(b) plain Material, same Markdown, both languages:  {t_base:6.2f} s")
        print(f"    overhead vs baseline:                           {t_real / t_base:6.2f}x  (target <= 1.3x)")
        print(f"(d) full strict build, both languages (x10):       {t_x10:6.2f} s")
        print(f"    x10 vs x1:                                      {t_x10 / t_real:6.2f}x  (target <= 11x)")
        print(f"(c) heaviest page: {html[-1].relative_to(site)} {html[-1].stat().st_size / 1024:.1f} KiB")
        print(f"    first visit, sub-element page {sub}: {first_visit_bytes(site, site / 'model' / sub / 'index.html') / 1024:.1f} KiB")
        for lang, root in (("en", site), ("nl", site / "nl")):
            print(f"    search index {lang}: {(root / 'search' / 'search_index.json').stat().st_size / 1024:.1f} KiB")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
