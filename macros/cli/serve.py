"""``python -m macros serve``: every language on one local server, updated in seconds, the browser reloading itself.

The writer's loop: the model and each language's MkDocs build stay in this process (:mod:`.devsite`).
An edit under ``model/`` or ``local/`` re-renders only the pages it changes, the edited language first;
prose, theme, code or configuration edits rebuild every language in full. MkDocs' own live-reload server
serves the site and reloads the open page when an update is done. What is rebuilt, and how long it took,
is printed for every edit.
"""

from __future__ import annotations

import logging
import os
import re
import sys
import time
from pathlib import Path

from mkdocs.exceptions import Abort, PluginError
from mkdocs.livereload import LiveReloadServer

from ..model.problems import ModelInvalid
from .build import BuildFailed, configured_languages
from .devsite import LiveLanguage

WATCHED = ("model", "local", "docs", "overrides", "macros", "mkdocs.yml")
_TEXT = re.compile(r"^(?:model|local)/text/([a-z]{2,3})/|^docs/([a-z]{2,3})/")


def snapshot(project: Path) -> dict[str, int]:
    """Every watched file with its modification time."""
    out = {}
    for name in WATCHED:
        path = project / name
        for p in [path] if path.is_file() else path.rglob("*") if path.exists() else []:
            if p.is_file() and "__pycache__" not in p.parts:
                out[p.relative_to(project).as_posix()] = p.stat().st_mtime_ns
    return out


def plan_update(changed: list[str], languages: list[str]) -> tuple[bool, list[str]]:
    """(full rebuild needed, languages in the order to update them: the edited ones first)."""
    full = any(not path.startswith(("model/", "local/")) for path in changed)
    if full:  # the root language first: its full build empties site/
        return True, list(languages)
    edited = [m.group(1) or m.group(2) for m in map(_TEXT.match, changed) if m]
    return False, [x for x in languages if x in edited] + [x for x in languages if x not in edited]


class DevServer:
    def __init__(self, config_file: Path, port: int):
        self.project = config_file.parent
        self.languages = configured_languages(config_file)
        self.site = self.project / "site"
        self.live = {lang: LiveLanguage(config_file, lang, self.site) for lang in self.languages}
        self.seen = snapshot(self.project)
        self.server = LiveReloadServer(builder=self.rebuild, host="127.0.0.1", port=port, root=str(self.site))
        self.server.error_handler = self._error_page

    def _error_page(self, code: int) -> bytes | None:
        page = self.site / f"{code}.html"
        return page.read_bytes() if code == 404 and page.is_file() else None

    def start(self) -> None:
        started = time.perf_counter()
        for lang in self.languages:
            self.live[lang].full()
        print(f"built {', '.join(self.languages)} in {time.perf_counter() - started:.1f} s", flush=True)
        for name in WATCHED:
            if (self.project / name).exists():
                self.server.watch(str(self.project / name))
        roots = " and ".join(f"{self.server.url}{'' if i == 0 else lang + '/'} ({lang})" for i, lang in enumerate(self.languages))
        print(f"Serving {roots}; edits reload the open page. Stop with Ctrl+C.", flush=True)
        try:
            self.server.serve()
        except KeyboardInterrupt:
            print("stopped", flush=True)
        finally:
            self.server.shutdown()

    def rebuild(self) -> None:
        """Called by the live-reload server after files changed."""
        now = snapshot(self.project)
        changed = sorted(p for p in set(now) | set(self.seen) if now.get(p) != self.seen.get(p))
        self.seen = now
        if not changed:
            return
        full, order = plan_update(changed, self.languages)
        print(f"changed: {', '.join(changed[:5])}{' …' if len(changed) > 5 else ''}", flush=True)
        default, done = self.languages[0], []
        for lang in order:
            try:
                update = self.live[lang].full() if full else self.live[lang].update()
                print(f"  {update}", flush=True)
                if lang == default and update.pages < 0 and done:
                    # A full build of the root language empties site/ first: the languages below it are built again.
                    for other in done:
                        print(f"  {self.live[other].full()}", flush=True)
            except (ModelInvalid, BuildFailed, Abort, PluginError) as err:
                print(f"not updated, still serving the last good site:\n{err}", file=sys.stderr, flush=True)
                return
            done.append(lang)
            if len(done) == 1 and len(order) > 1:
                self._show_now()

    def _show_now(self) -> None:
        """Reload the browsers after the edited language, before the others are updated.

        MkDocs' server reloads when the builder returns; this tells it early (its epoch, as it does itself).
        """
        with self.server._epoch_cond:
            self.server._visible_epoch = self.server._wanted_epoch
            self.server._epoch_cond.notify_all()


def run(args) -> int:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    try:
        DevServer(Path(args.config).resolve(), args.port).start()
    except (ModelInvalid, BuildFailed, Abort, PluginError) as err:
        print(err, file=sys.stderr)
        return 1
    return 0
