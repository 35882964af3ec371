"""Serve the built site, both languages, and rebuild when a source changes.

``mkdocs serve`` shows one language at a time; trainers and translators
need to switch languages while they work, so we serve the combined build.
"""

from __future__ import annotations

import functools
import http.server
import sys
import threading
import time
from pathlib import Path

from .build import BuildFailed, build_site

WATCHED = ("model", "docs", "overrides", "macros", "mkdocs.yml", "local")  # local/: a fork's own layer


def _snapshot(project: Path) -> tuple:
    files = []
    for name in WATCHED:
        path = project / name
        candidates = [path] if path.is_file() else path.rglob("*") if path.exists() else []
        files += [(str(p), p.stat().st_mtime_ns) for p in candidates if p.is_file() and "__pycache__" not in p.parts]
    return tuple(sorted(files))


def _watch(project: Path, config: Path, site: Path) -> None:
    seen = _snapshot(project)
    while True:
        time.sleep(1)
        now = _snapshot(project)
        if now != seen:
            seen = now
            try:
                build_site(config, site)
                print("rebuilt", flush=True)
            except BuildFailed as err:
                print(f"build failed, still serving the last good site:\n{err}", file=sys.stderr, flush=True)


def run(args) -> int:
    config = Path(args.config).resolve()
    project = config.parent
    site = project / "site"
    try:
        build_site(config, site)
    except BuildFailed as err:
        print(err, file=sys.stderr)
        return 1
    threading.Thread(target=_watch, args=(project, config, site), daemon=True).start()
    handler = functools.partial(_Handler, directory=str(site))
    with http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler) as server:
        print(f"Serving on http://127.0.0.1:{args.port}/ (English) and http://127.0.0.1:{args.port}/nl/ (Nederlands)", flush=True)
        server.serve_forever()
    return 0


class _Handler(http.server.SimpleHTTPRequestHandler):
    def translate_path(self, path: str) -> str:
        # The site folder is replaced on every rebuild: resolve it per request.
        self.directory = str(Path(self.directory).resolve())
        return super().translate_path(path)

    def log_message(self, *args) -> None:
        pass
