"""Lighthouse on each page type of a built site, at Lighthouse's mobile settings (its default: a mid-range
phone, simulated slow 4G, 4× CPU slowdown), served with gzip from 127.0.0.1 under /record/ as on GitHub Pages.

    make site && .venv/bin/python bench/lighthouse.py            # measures site/, rewrites docs/benchmarks.md
    .venv/bin/python bench/lighthouse.py --site /tmp/site --no-write --runs 1

Lighthouse is the npm package pinned in package.json (node_modules/.bin/lighthouse), driving Debian's
Chromium (CHROME_PATH, default /usr/bin/chromium). Every request stays on 127.0.0.1: the browser is started
without its background networking, and the site loads nothing from another host. For each page type it
records the performance and accessibility scores (the median of --runs runs), the first and largest
contentful paint, total blocking time, and the bytes transferred (gzip) with the number of requests; and
the machine's load average before the run, since Lighthouse's simulated timings follow the CPU it gets.
Nothing is asserted; targets are in docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROME = os.environ.get("CHROME_PATH") or os.environ.get("CHROMIUM_PATH") or "/usr/bin/chromium"
CHROME_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync",
                "--disable-background-networking", "--disable-component-update", "--disable-default-apps",
                "--disable-domain-reliability", "--disable-client-side-phishing-detection"]
PREFIX = "/record/"
START, END = "<!-- lighthouse:start -->", "<!-- lighthouse:end -->"
COMPRESSIBLE = (".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt", ".pf_meta", ".map")


class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    """The site under /record/, gzip-compressed where the client accepts it, 404.html for what is not there."""

    def log_message(self, *args):
        pass

    def do_GET(self):
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        if not path.startswith(PREFIX):
            return self._send(404, (Path(self.directory) / "404.html").read_bytes(), "text/html; charset=utf-8")
        self.path = "/" + self.path[len(PREFIX):]
        target = Path(self.translate_path(self.path))
        if target.is_dir():
            if not path.endswith("/"):
                self.send_response(301)
                self.send_header("Location", path + "/")
                self.end_headers()
                return None
            target = target / "index.html"
        if not target.is_file():
            return self._send(404, (Path(self.directory) / "404.html").read_bytes(), "text/html; charset=utf-8")
        return self._send(200, target.read_bytes(), self.guess_type(str(target)), target.suffix in COMPRESSIBLE)

    def _send(self, status, body, media, compress=True):
        gzipped = compress and "gzip" in self.headers.get("Accept-Encoding", "")
        if gzipped:
            body = gzip.compress(body, compresslevel=6, mtime=0)
        self.send_response(status)
        self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")  # as GitHub Pages serves it
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        self.wfile.write(body)
        return None


@contextlib.contextmanager
def serve(site: Path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_GzipHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
    finally:
        server.shutdown()
        server.server_close()


def page_types(site: Path) -> dict[str, str]:
    """Each page type → its path, picked from the built site (the first of each kind, by name)."""
    items = json.loads((site / "data" / "timeline.json").read_text(encoding="utf-8"))["items"]

    def event(status: str) -> str:
        return "events/" + next(it["id"] for it in items if it["kind"] == "event" and it["status"] == status) + "/"

    def first(kind: str) -> str:
        return f"{kind}/" + sorted(p.parent.name for p in (site / kind).glob("*/index.html")
                                   if not p.parent.name.isdigit())[0] + "/"

    busiest_actor = max((site / "actors").glob("*/index.html"),
                        key=lambda p: p.read_text(encoding="utf-8").count('class="mini-tl-')).parent.name
    return {"home": "", "methodology": "methodology/", "timeline": "timeline/", "events index": "events/",
            "year page": "events/2016/", "disputes index": "disputes/", "who says what": "disputes/who-says-what/",
            "actors index": "actors/", "places index": "places/", "operations index": "operations/",
            "sources index": "sources/", "actor (most events)": f"actors/{busiest_actor}/", "place": first("places"),
            "operation": first("operations"), "source": first("sources"),
            "established event": event("established"), "single-source event": event("single-source"),
            "disputed event": event("disputed"),
            # Lighthouse refuses a page whose status is 404 (ERRORED_DOCUMENT_REQUEST): the same page at its own URL.
            "404 (as 404.html)": "404.html"}


def lighthouse(url: str) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "report.json"  # a file: a report on stdout may be cut short at exit
        command = ["node", str(LIGHTHOUSE), url, "--output=json", f"--output-path={output}", "--quiet",
                   "--only-categories=performance,accessibility", "--chrome-flags=" + " ".join(CHROME_FLAGS)]
        done = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "CHROME_PATH": CHROME},
                              timeout=300, check=False)
        if not output.is_file():
            raise RuntimeError(f"lighthouse failed on {url}: {done.stderr[-2000:]}")
        report = json.loads(output.read_text(encoding="utf-8"))
    audits = report["audits"]
    failing = sorted(a_id for a_id, audit in audits.items()
                     if audit.get("score") is not None and audit["score"] < 1 and audit.get("scoreDisplayMode") == "binary"
                     and a_id in {ref["id"] for ref in report["categories"]["accessibility"]["auditRefs"]})
    requests = audits["network-requests"]["details"]["items"]
    return {"performance": round(report["categories"]["performance"]["score"] * 100),
            "accessibility": round(report["categories"]["accessibility"]["score"] * 100),
            "fcp": audits["first-contentful-paint"]["numericValue"], "lcp": audits["largest-contentful-paint"]["numericValue"],
            "tbt": audits["total-blocking-time"]["numericValue"], "cls": audits["cumulative-layout-shift"]["numericValue"],
            "bytes": sum(r.get("transferSize", 0) for r in requests), "requests": len(requests),
            "offsite": [r["url"] for r in requests if "127.0.0.1" not in r["url"] and not r["url"].startswith("data:")],
            "a11y_failing": failing}


def measure(site: Path, runs: int) -> tuple[list[tuple[str, dict]], tuple[float, ...]]:
    """Every page type's figures, and the load average (1, 5, 15 minutes) before and after the run."""
    load = os.getloadavg()
    rows = []
    with serve(site) as base:
        for name, path in page_types(site).items():
            results = [lighthouse(base + path) for _ in range(runs)]
            best = sorted(results, key=lambda r: r["performance"])[len(results) // 2]  # the median run
            best["performance_runs"] = [r["performance"] for r in results]
            rows.append((name, best))
            print(f"{name:24} perf {best['performance']:3} a11y {best['accessibility']:3} "
                  f"LCP {best['lcp'] / 1000:.2f} s  {best['bytes'] / 1024:.1f} KiB in {best['requests']} requests"
                  + (f"  failing: {', '.join(best['a11y_failing'])}" if best["a11y_failing"] else ""), file=sys.stderr)
            assert not best["offsite"], f"requests to other hosts: {best['offsite']}"
    return rows, load + os.getloadavg()


def table(rows: list[tuple[str, dict]], load: tuple[float, ...], runs: int) -> str:
    lines = [f"Measured with `bench/lighthouse.py` (Lighthouse {_version()}, mobile settings: simulated slow 4G and "
             f"4× CPU slowdown; the site served with gzip from 127.0.0.1), the median of {runs} run{'s' if runs > 1 else ''} per "
             f"page type. Load average before the run: {load[0]:.2f}, {load[1]:.2f}, {load[2]:.2f}; after it: {load[3]:.2f}, "
             f"{load[4]:.2f}, {load[5]:.2f} (1, 5 and 15 minutes, {os.cpu_count()} cores).",
             "", "| Page type | Performance | Accessibility | FCP | LCP | TBT | Transferred (gzip) | Requests |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for name, r in rows:
        lines.append(f"| {name} | {r['performance']} | {r['accessibility']} | {r['fcp'] / 1000:.1f} s | "
                     f"{r['lcp'] / 1000:.1f} s | {r['tbt']:.0f} ms | {r['bytes'] / 1024:.1f} KiB | {r['requests']} |")
    return "\n".join(lines)


def _version() -> str:
    return json.loads((ROOT / "node_modules" / "lighthouse" / "package.json").read_text(encoding="utf-8"))["version"]


def write_docs(text: str) -> None:
    docs = ROOT / "docs" / "benchmarks.md"
    current = docs.read_text(encoding="utf-8")
    block = f"{START}\n\n{text}\n\n{END}"
    if START in current:
        head, rest = current.split(START, 1)
        current = head + block + rest.split(END, 1)[1]
    else:
        current = current.rstrip("\n") + "\n\n## Lighthouse, each page type on a phone\n\n" + block + "\n"
    docs.write_text(current, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="a built site (make site)")
    parser.add_argument("--runs", type=int, default=3, help="runs per page type; the median is kept")
    parser.add_argument("--no-write", action="store_true", help="print the table, leave docs/benchmarks.md alone")
    parser.add_argument("--json", type=Path, help="also write every figure to this file")
    args = parser.parse_args()
    if not (args.site / "index.html").is_file():
        sys.exit(f"{args.site} is not a built site: run `make site` first")
    if not LIGHTHOUSE.is_file():
        sys.exit(f"{LIGHTHOUSE} is missing: run `npm ci`")
    rows, load = measure(args.site, args.runs)
    text = table(rows, load, args.runs)
    print(text)
    if args.json:
        args.json.write_text(json.dumps({"load": load, "rows": rows}, indent=1), encoding="utf-8")
    if not args.no_write:
        write_docs(text)


if __name__ == "__main__":
    main()
