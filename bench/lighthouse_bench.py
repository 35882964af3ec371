"""Lighthouse on a built site: eight page types, two throttling modes; prints a Markdown table (asserts nothing).

Offline and local only: the site is served from 127.0.0.1 (on the port of the configured site_url when it is
free, so canonical and hreflang addresses match what is served) and Lighthouse drives Debian's Chromium.
Install Lighthouse once, apart from the test tools: `npm ci --prefix bench` (bench/package.json).

Usage: python bench/lighthouse_bench.py [--site site] [--lang en] [--modes simulate,provided]
  simulate  Lighthouse's default: a mid-range phone on a slow 4G line, simulated from an unthrottled load
  provided  the same phone viewport without throttling (what this machine does)
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = PROJECT / "bench" / "node_modules" / "lighthouse" / "cli" / "index.js"
PAGES = {
    "home": "",
    "model overview": "model/",
    "element": "model/7.2.2/",
    "sub-element": "model/7.2.2.4/",
    "practice": "practices/ask-residents-for-personal-feedback/",
    "catalogue": "practices/",
    "checklist": "checklists/7.2.2/",
    "glossary": "glossary/",
}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder: Path, port: int) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(Quiet, directory=str(folder))
    try:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    except OSError:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def run(url: str, mode: str, out: Path) -> dict:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    cmd = [
        "node",
        str(LIGHTHOUSE),
        url,
        f"--throttling-method={mode}",
        "--only-categories=" + ",".join(CATEGORIES),
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking",
        "--output=json",
        f"--output-path={out}",
        "--quiet",
    ]
    subprocess.run(cmd, check=True, env={**os.environ, "CHROME_PATH": chromium or ""}, timeout=300)
    report = json.loads(out.read_text(encoding="utf-8"))
    audits = report["audits"]
    return {
        **{c: round(100 * (report["categories"][c]["score"] or 0)) for c in CATEGORIES},
        "lcp": audits["largest-contentful-paint"]["numericValue"] / 1000,
        "kib": audits["total-byte-weight"]["numericValue"] / 1024,
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--site", default=str(PROJECT / "site"))
    ap.add_argument("--lang", default="en")
    ap.add_argument("--modes", default="simulate,provided")
    ap.add_argument("--port", type=int, default=8000)
    args = ap.parse_args()
    if not LIGHTHOUSE.exists():
        sys.exit("Lighthouse is not installed: npm ci --prefix bench")
    server, root = serve(Path(args.site), args.port)
    prefix = "" if args.lang == "en" else f"{args.lang}/"
    print(f"site {args.site}, served at {root}, language {args.lang}\n")
    print("| page | mode | performance | accessibility | best practices | SEO | LCP (s) | transfer (KiB) |")
    print("|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for mode in args.modes.split(","):
            for name, path in PAGES.items():
                r = run(root + prefix + path, mode, Path(tmp) / "report.json")
                print(
                    f"| {name} | {mode} | {r['performance']} | {r['accessibility']} | {r['best-practices']} | {r['seo']} "
                    f"| {r['lcp']:.1f} | {r['kib']:.0f} |",
                    flush=True,
                )
    server.shutdown()


if __name__ == "__main__":
    main()
