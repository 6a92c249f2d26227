#!/usr/bin/env python3
"""Benchmark: the timeline app rendering synthetic timelines in Chromium.

For 1,000, 5,000 and 10,000 items, with vis-timeline's clustering forced on and
forced off, it loads a plain page with the site's real assets (loader.js ->
vendored vis-timeline + timeline.js/css) and records:

* render: ms from `new vis.Timeline(...)` to vis-timeline's onInitialDrawComplete
  (includes vis-timeline's fixed 200 ms debounce before its first "rangechanged");
* total: ms from the app's start (before fetching the JSON) to that point;
* page: ms from navigation start to the app being ready (script loading too);
* DOM: elements inside the timeline, and .vis-item elements (items + clusters);
* pan: ms for one "Move later" step to be drawn (two animation frames).

Each case runs --repeat times in a fresh page; the median is reported.

Usage (from the repository root, after `npm ci && python3 scripts/vendor_assets.py`):

    .venv/bin/python bench/timeline_bench.py                 # print the table
    .venv/bin/python bench/timeline_bench.py --write-docs    # also update docs/benchmarks.md

Everything is served on 127.0.0.1; the page has no other origin.
"""
from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import functools
import http.server
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import synthetic_timeline  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM_PATH") or os.environ.get("CHROMIUM") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
SIZES = (1000, 5000, 10000)
DOCS = ROOT / "docs" / "benchmarks.md"
START, END = "<!-- timeline-bench:start -->", "<!-- timeline-bench:end -->"

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>timeline bench</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: sans-serif; margin: 1rem; max-width: 1200px">
<div class="tl-app" data-timeline-src="data/{name}.json" data-site-root="./" data-cluster-threshold="{threshold}"></div>
<script src="assets/timeline/loader.js"></script>
</body></html>
"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(directory: Path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def machine() -> dict:
    cpu = "unknown"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem = "unknown"
    with contextlib.suppress(OSError, ValueError, IndexError):
        kb = int(Path("/proc/meminfo").read_text().split("MemTotal:")[1].split()[0])
        mem = f"{kb / 1024 / 1024:.0f} GiB"
    try:
        chromium = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True, timeout=30).stdout.strip()
    except OSError:
        chromium = "not found"
    vis = (ROOT / "docs/assets/vendor/vis-timeline/VERSION").read_text().splitlines()[0]
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "memory": mem,
        "os": f"{platform.system()} {platform.release()}",
        "chromium": chromium,
        "vis": vis,
        "date": dt.date.today().isoformat(),
    }


def prepare(work: Path, sizes) -> None:
    for sub in ("timeline", "vendor"):
        src = ROOT / "docs" / "assets" / sub
        if not src.is_dir():
            sys.exit(f"{src} is missing: run `npm ci && python3 scripts/vendor_assets.py` first")
        shutil.copytree(src, work / "assets" / sub)
    (work / "data").mkdir()
    for n in sizes:
        (work / "data" / f"items-{n}.json").write_text(json.dumps(synthetic_timeline(n, seed=n)), encoding="utf-8")
        for mode, threshold in (("cluster", 0), ("plain", 10**9)):
            (work / f"{mode}-{n}.html").write_text(PAGE.format(name=f"items-{n}", threshold=threshold), encoding="utf-8")


MEASURE = """async () => {
  const root = document.querySelector('.tl-app');
  const app = root.__tlApp;
  const nav = performance.getEntriesByType('navigation')[0];
  const page = app.tDraw - (nav ? nav.startTime : 0);
  const dom = root.querySelectorAll('.vis-timeline *').length;
  const items = root.querySelectorAll('.vis-item').length;
  const clusters = root.querySelectorAll('.vis-cluster').length;
  const frame = () => new Promise(r => requestAnimationFrame(() => r()));
  const t0 = performance.now();
  app.act('later');
  await frame(); await frame();
  const pan = performance.now() - t0;
  return { render: app.tDraw - app.tCreate, total: app.tDraw - app.t0, page, dom, items, clusters, pan,
           shown: Number(root.dataset.tlCount) };
}"""


def run(sizes, repeat: int) -> list[dict]:
    from playwright.sync_api import sync_playwright

    if not os.access(CHROMIUM, os.X_OK):
        sys.exit(f"Chromium not found at {CHROMIUM} (apt-get install -y chromium, or CHROMIUM=...)")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        prepare(work, sizes)
        with serve(work) as base, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            # Warm the HTTP server and the browser's code cache once.
            ctx = browser.new_context(viewport={"width": 1280, "height": 800})
            pg = ctx.new_page()
            pg.goto(base + f"plain-{sizes[0]}.html")
            pg.wait_for_selector(".tl-app[data-tl-state=ready]", timeout=120000)
            ctx.close()
            for n in sizes:
                for mode in ("plain", "cluster"):
                    samples = []
                    for _ in range(repeat):
                        ctx = browser.new_context(viewport={"width": 1280, "height": 800})
                        pg = ctx.new_page()
                        errors = []
                        pg.on("pageerror", lambda e: errors.append(str(e)))
                        pg.goto(base + f"{mode}-{n}.html")
                        pg.wait_for_selector(".tl-app[data-tl-state=ready]", timeout=120000)
                        samples.append(pg.evaluate(MEASURE))
                        ctx.close()
                        if errors:
                            sys.exit(f"page errors in {mode}-{n}: {errors}")
                    row = {"n": n, "mode": mode}
                    for key in samples[0]:
                        row[key] = statistics.median(s[key] for s in samples)
                    rows.append(row)
                    print(f"{n:>6} {mode:8} render {row['render']:7.0f} ms  total {row['total']:7.0f} ms  "
                          f"page {row['page']:7.0f} ms  DOM {row['dom']:7.0f}  items {row['items']:6.0f}  "
                          f"clusters {row['clusters']:4.0f}  pan {row['pan']:6.0f} ms", flush=True)
            browser.close()
    return rows


def markdown(rows: list[dict], info: dict, repeat: int) -> str:
    out = [
        START,
        "",
        "Measured with `bench/timeline_bench.py` (synthetic data from `bench/synthetic.py`, five rows,",
        "2011–2019; 1280×800 viewport; median of "
        f"{repeat} fresh page loads; default view = every item in the window).",
        "",
        f"Machine: {info['nproc']} CPUs ({info['cpu']}), {info['memory']} RAM, {info['os']}; "
        f"{info['chromium']}, headless, `--disable-gpu`; {info['vis']}; measured {info['date']}.",
        "",
        "| items | clustering | first render (s) | app start → drawn (s) | navigation → drawn (s) "
        "| DOM elements | `.vis-item` elements | clusters | one pan step (ms) |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        out.append(
            f"| {r['n']:,} | {'on' if r['mode'] == 'cluster' else 'off'} | {r['render'] / 1000:.2f} | "
            f"{r['total'] / 1000:.2f} | {r['page'] / 1000:.2f} | {r['dom']:,.0f} | {r['items']:,.0f} | "
            f"{r['clusters']:,.0f} | {r['pan']:,.0f} |"
        )
    out += [
        "",
        "*First render* is from `new vis.Timeline(…)` to vis-timeline's `onInitialDrawComplete`; it",
        "includes a fixed 200 ms that vis-timeline waits before its first `rangechanged` event.",
        "*App start → drawn* adds fetching and parsing the JSON and building the filters;",
        "*navigation → drawn* adds loading the scripts.",
        "",
        END,
    ]
    return "\n".join(out)


def write_docs(section: str) -> None:
    header = "# Benchmarks\n\n## Timeline rendering\n\n"
    if DOCS.exists():
        text = DOCS.read_text(encoding="utf-8")
        if START in text and END in text:
            before, rest = text.split(START, 1)
            after = rest.split(END, 1)[1]
            DOCS.write_text(before + section + after, encoding="utf-8")
            return
        DOCS.write_text(text.rstrip("\n") + "\n\n## Timeline rendering\n\n" + section + "\n", encoding="utf-8")
    else:
        DOCS.write_text(header + section + "\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--write-docs", action="store_true", help=f"update the section between the markers in {DOCS.relative_to(ROOT)}")
    args = parser.parse_args()
    info = machine()
    print(json.dumps(info))
    rows = run(args.sizes, args.repeat)
    section = markdown(rows, info, args.repeat)
    print(section)
    if args.write_docs:
        write_docs(section)
        print(f"updated {DOCS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
