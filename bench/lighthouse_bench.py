"""Lighthouse on a built site: eight page types, two throttling modes; prints a Markdown table (asserts nothing).

Offline and local only: the site is served from 127.0.0.1 (on the port of the configured site_url when it is
free, so canonical and hreflang addresses match what is served) and Lighthouse drives Debian's Chromium.
Install Lighthouse once, apart from the test tools: `npm ci --prefix bench` (bench/package.json).

Served as a static host serves it: GitHub Pages, Netlify and nginx with `gzip on` send text gzip-compressed
(Content-Encoding: gzip) to a browser that accepts it, so this server does the same for HTML, CSS, JavaScript,
JSON, SVG and XML (gzip level 6; binary files such as XLSX as they are). `--uncompressed` serves every file as
it is on disk, as Python's http.server does, which no real host does for text.

Usage: python bench/lighthouse_bench.py [--site site] [--lang en] [--modes simulate,provided] [--port 8000]
                                        [--uncompressed] [--pages catalogue,checklist] [--runs 1]
  simulate  Lighthouse's default: a mid-range phone on a slow 4G line, simulated from an unthrottled load
  provided  the same phone viewport without throttling (what this machine does)
  --runs N  run each page N times and print the median run (by performance score): simulated scores move by a
            few points with the machine's load
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
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


COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".csv", ".map"}


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class Compressing(Quiet):
    """Text files gzip-compressed when the browser accepts gzip, as a static host does; the rest as on disk."""

    cache: dict[Path, bytes] = {}

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        wants = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants and path.suffix in COMPRESSED and path.is_file()):
            return super().send_head()
        if path not in self.cache:
            self.cache[path] = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        body = self.cache[path]
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def serve(folder: Path, port: int, compress: bool = True) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(Compressing if compress else Quiet, directory=str(folder))
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
        "fcp": audits["first-contentful-paint"]["numericValue"] / 1000,
        "lcp": audits["largest-contentful-paint"]["numericValue"] / 1000,
        "tbt": audits["total-blocking-time"]["numericValue"],
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "kib": audits["total-byte-weight"]["numericValue"] / 1024,
    }


def median_run(url: str, mode: str, out: Path, runs: int) -> dict:
    results = sorted((run(url, mode, out) for _ in range(runs)), key=lambda r: r["performance"])
    return results[len(results) // 2]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--site", default=str(PROJECT / "site"))
    ap.add_argument("--lang", default="en")
    ap.add_argument("--modes", default="simulate,provided")
    ap.add_argument("--port", type=int, default=8000)
    ap.add_argument("--uncompressed", action="store_true", help="serve every file as on disk (no gzip)")
    ap.add_argument("--pages", default=",".join(PAGES), help="comma-separated page names (default: all eight)")
    ap.add_argument("--runs", type=int, default=1, help="runs per page; the median (by performance) is printed")
    args = ap.parse_args()
    if not LIGHTHOUSE.exists():
        sys.exit("Lighthouse is not installed: npm ci --prefix bench")
    server, root = serve(Path(args.site), args.port, compress=not args.uncompressed)
    prefix = "" if args.lang == "en" else f"{args.lang}/"
    served = "uncompressed" if args.uncompressed else "text gzip-compressed"
    load = os.getloadavg()[0]
    print(f"site {args.site}, served at {root} ({served}), language {args.lang}, load {load:.1f}, runs {args.runs}\n")
    print("| page | mode | performance | accessibility | best practices | SEO | FCP (s) | LCP (s) | TBT (ms) | CLS | transfer (KiB) |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for mode in args.modes.split(","):
            for name in args.pages.split(","):
                r = median_run(root + prefix + PAGES[name], mode, Path(tmp) / "report.json", args.runs)
                print(
                    f"| {name} | {mode} | {r['performance']} | {r['accessibility']} | {r['best-practices']} | {r['seo']} "
                    f"| {r['fcp']:.1f} | {r['lcp']:.1f} | {r['tbt']:.0f} | {r['cls']:.3f} | {r['kib']:.0f} |",
                    flush=True,
                )
    server.shutdown()


if __name__ == "__main__":
    main()
