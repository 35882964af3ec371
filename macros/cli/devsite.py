"""A language build kept alive between edits, so a text edit re-renders only the pages it changes.

A full MkDocs build of one language renders every page through the theme. While a writer works, most
edits change one field of one item: the model is reloaded (only the YAML files that changed are parsed
again, see :mod:`macros.load.yaml_source`), every generated file is rendered to Markdown again (cheap),
and only the pages whose Markdown differs go through MkDocs and the theme again. Anything that can
change other pages too — a new or removed page, a changed page title (titles are in every page's menu),
prose, code, theme or configuration — gets a full build of that language instead.

Uses MkDocs' own build steps (``_populate_page``, ``_build_page``) on the objects of the last full
build; the search index is refreshed by the next full build.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass, replace
from pathlib import Path

from mkdocs.commands.build import _build_page, _populate_page
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from ..plugin.files import generated_files
from ..plugin.plugin import PortalPlugin
from ..urls.languages import ENV_VAR


@dataclass(frozen=True)
class Update:
    lang: str
    pages: int  # pages rendered again; -1 for a full build
    files: int  # other generated files written again
    seconds: float

    def __str__(self) -> str:
        what = "full build" if self.pages < 0 else f"{self.pages} page(s), {self.files} file(s)"
        return f"[{self.lang}] {what} in {self.seconds:.1f} s"


def _title(markdown: str) -> str:
    """The front matter title of a generated page (its second line)."""
    line = markdown.split("\n", 2)[1]
    return json.loads(line.split(": ", 1)[1]) if line.startswith("title: ") else ""


class LiveLanguage:
    """One language of the site, built once in full, then updated page by page."""

    def __init__(self, config_file: Path, lang: str, site_dir: Path):
        self.config_file, self.lang, self.site_dir = config_file, lang, site_dir
        self.config = None
        self.generated: dict[str, str | bytes] = {}

    def _with_lang(self, work):
        previous = os.environ.get(ENV_VAR)
        os.environ[ENV_VAR] = self.lang
        try:
            return work()
        finally:
            if previous is None:
                os.environ.pop(ENV_VAR, None)
            else:
                os.environ[ENV_VAR] = previous

    @property
    def plugin(self) -> PortalPlugin:
        return self.config.plugins["portal"]

    def full(self) -> Update:
        started = time.perf_counter()

        def build():
            config = load_config(str(self.config_file), site_dir=str(self.site_dir))
            config.plugins.on_startup(command="build", dirty=False)
            mkdocs_build(config)
            return config

        self.config = self._with_lang(build)
        self.generated = {g.path: g.content for g in generated_files(self.plugin.site, self.lang)}
        return Update(self.lang, -1, 0, time.perf_counter() - started)

    def update(self) -> Update:
        """Render again what the current model changes; a full build where a partial one would be wrong."""
        if self.config is None:
            return self.full()
        started = time.perf_counter()
        plugin, config = self.plugin, self.config
        model = plugin.current_model()
        if model is plugin.site.model:
            return Update(self.lang, 0, 0, time.perf_counter() - started)
        # The same site as the full build (languages, root URL, ...) with the new model and a fresh memo, except the
        # downloads (spreadsheets, JSON): they are refreshed by the next full build, not on every keystroke.
        downloads = {k: v for k, v in plugin.site.memo.items() if isinstance(k, tuple) and k[0] == "download"}
        site = replace(plugin.site, model=model, memo=downloads)
        fresh = {g.path: g.content for g in generated_files(site, self.lang)}
        changed = [p for p in fresh if fresh[p] != self.generated.get(p)]
        pages = [p for p in changed if p.endswith(".md")]
        if set(fresh) != set(self.generated) or any(_title(fresh[p]) != _title(self.generated[p]) for p in pages):
            return self.full()
        plugin.site, plugin.term_index = site, None
        files = self._files
        for path in changed:
            file = files.get_file_from_path(path)
            content = fresh[path]
            if isinstance(content, bytes):
                file.content_bytes = content
            else:
                file.content_string = content
            if not path.endswith(".md"):
                file.copy_file()

        def render():
            for path in pages:
                _populate_page(files.get_file_from_path(path).page, config, files)
            doc_files = files.documentation_pages()
            for path in pages:
                _build_page(files.get_file_from_path(path).page, config, doc_files, self._nav, self._env)

        self._with_lang(render)
        self.generated = fresh
        return Update(self.lang, len(pages), len(changed) - len(pages), time.perf_counter() - started)

    # The files, navigation and theme environment of the last full build, kept by the plugin.
    @property
    def _files(self):
        return self.plugin.files

    @property
    def _nav(self):
        return self.plugin.nav

    @property
    def _env(self):
        return self.plugin.env
