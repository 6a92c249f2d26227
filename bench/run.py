"""The scale benchmark: synthetic records of N events, built end to end and measured.

    make bench                                   # N = 100, 1,000 and 10,000; rewrites BENCHMARKS.md's results
    .venv/bin/python bench/run.py --sizes 100,1000 --no-lunr --no-write

For each N it writes a synthetic record (bench/synthetic_record.py) into a temporary copy of the site
(mkdocs.yml, overrides/, the hand-written docs/), then measures

- each generator stage, called as library functions in a fresh process: load, validate (with quote
  verification), link, render (pages and data exports) and write; the process's wall time and peak RSS;
- `mkdocs build --strict`, and the search indexer when the site uses Pagefind: wall time, peak RSS;
- the output: bytes and files, the median and largest page HTML, the timeline JSON;
- an edit of one event's title, rebuilt with `python -m build_site build`: how many files it rewrote;
- the floor: a bare mkdocs-material build of as many plain pages (default search plugin; the pages kept
  out of the navigation, as ours are, so that neither build is quadratic), and our total over it;
- at the largest N (unless `--no-search`): the time from typing a query in the header search box of the
  home page to the first result, in headless Chromium, and what the search fetched; with `--lunr` (the
  default), the same for a build with Material's own lunr search instead of Pagefind.

Timings vary from run to run by 10–20 % on a shared machine; nothing here is asserted (tests/test_scale.py is the
CI smoke run). Not run in CI.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import http.server
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from build_site.layout import GENERATED_DIRS as GENERATED  # noqa: E402
from synthetic_record import write_record  # noqa: E402

ENV = {**os.environ, "DISABLE_MKDOCS_2_WARNING": "true", "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
RESULTS_START, RESULTS_END = "<!-- bench:results:start -->", "<!-- bench:results:end -->"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


# --------------------------------------------------------------------------- workspaces


def make_workspace(dest: Path, events: int, seed: int) -> Path:
    """The site's configuration and hand-written pages, with a synthetic record."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy2(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", dest / "overrides", ignore=shutil.ignore_patterns("__pycache__"))
    ignore = shutil.ignore_patterns(*GENERATED)
    shutil.copytree(ROOT / "docs", dest / "docs", ignore=lambda folder, names: ignore(folder, names)
                    if Path(folder) == ROOT / "docs" else set())
    write_record(dest, events, seed)
    return dest


def make_floor(dest: Path, pages: int) -> Path:
    """A bare mkdocs-material site of `pages` plain pages, out of the navigation like our entity pages."""
    docs = dest / "docs" / "pages"
    docs.mkdir(parents=True)
    (dest / "docs" / "index.md").write_text("# Floor\n\nA bare mkdocs-material site.\n", encoding="utf-8")
    paragraph = ("Plain text of a plain page, long enough to look like a short record page, with a few "
                 "sentences that the search plugin indexes like any other. ") * 4
    for i in range(pages - 1):
        (docs / f"page-{i:05d}.md").write_text(f"# Plain page {i}\n\n{paragraph}\n\n## Section\n\n{paragraph}\n",
                                               encoding="utf-8")
    (dest / "mkdocs.yml").write_text("site_name: Floor\ntheme:\n  name: material\nnav:\n  - index.md\n"
                                     "not_in_nav: |\n  /pages/*\n", encoding="utf-8")
    return dest


def make_floor_with_our_pages(dest: Path, root: Path) -> Path:
    """Bare mkdocs-material (default search plugin) on our generated pages, with our Markdown extensions:
    what the pages themselves cost, without our theme overrides, hooks and search."""
    shutil.copytree(root / "docs", dest / "docs")
    (dest / "mkdocs.yml").write_text(
        "site_name: Floor\ntheme:\n  name: material\nmarkdown_extensions:\n  - attr_list\n  - tables\n"
        "  - admonition\n  - toc:\n      permalink: true\nnav:\n  - index.md\nnot_in_nav: |\n  /*\n",
        encoding="utf-8")
    return dest


def uses_pagefind(root: Path) -> bool:
    """Whether the site's search is Pagefind (indexed after mkdocs) rather than Material's lunr plugin."""
    return (root / "overrides" / "assets" / "search.js").exists()


def use_material_search(root: Path) -> None:
    """Turn a workspace back to Material's own (lunr) search, to compare it with Pagefind."""
    for ours in ("partials/header.html", "partials/search.html", "assets/search.js"):
        (root / "overrides" / ours).unlink(missing_ok=True)
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("plugins: []", "plugins: [search]"), encoding="utf-8")


# --------------------------------------------------------------------------- measuring


def _tree_rss_kib(pid: int) -> int:
    """The resident memory of a process and all its descendants together, now (from /proc)."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        child = int(stat.parent.name)
        parents[child] = int(fields[1])
        rss[child] = int(fields[21]) * (os.sysconf("SC_PAGE_SIZE") // 1024)
    tree, grew = {pid}, True
    while grew:
        grew = False
        for child, parent in parents.items():
            if parent in tree and child not in tree:
                tree.add(child)
                grew = True
    return sum(rss.get(member, 0) for member in tree)


def run_measured(command: list[str], cwd: Path) -> dict:
    """Run a command; its wall time, its peak RSS (from wait4: the largest single process of it), the peak of
    all its processes at once (sampled every 0.2 s from /proc: a build on two cores is two processes), and
    its output. The disk is quiet first, as the processor is before each size (`quiet`): the files the
    steps before wrote or deleted are on disk (`os.sync`), so that their writeback, on two cores, is not
    timed as part of this step (measured by hand: a generator run with a deletion of its previous output
    still in flight, 43.9 s; after a sync, 35.7 s)."""
    os.sync()
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=out, stderr=err, text=True)
        together = [0]
        done = threading.Event()

        def sample() -> None:
            while not done.wait(0.2):
                together[0] = max(together[0], _tree_rss_kib(process.pid))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        done.set()
        sampler.join()
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0), err.seek(0)
        stdout, stderr = out.read(), err.read()
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}):\n{stderr[-4000:]}")
    return {"seconds": seconds, "peak_kib": usage.ru_maxrss, "together_kib": max(together[0], usage.ru_maxrss),
            "stdout": stdout, "stderr": stderr}


def worker(root: Path) -> None:
    """Run the generator (the real pipeline, as a library call) and print its stage timings as JSON."""
    started = time.perf_counter()
    from build_site.pipeline import build
    from build_site.settings import Settings

    imported = time.perf_counter() - started
    result = build(root, settings=Settings())
    print(json.dumps({"stages": {"import": imported, **result.stages}, "written": result.written.written,
                      "outputs": result.outputs, "pages": result.pages,
                      "peak_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}), flush=True)
    os._exit(0)  # as `python -m build_site build` does: the record is not freed object by object at exit


def site_sizes(site: Path) -> dict:
    html = [(p.stat().st_size, p.relative_to(site).as_posix()) for p in site.rglob("*.html")]
    pages = [size_path for size_path in html if not size_path[1].startswith("assets/")]
    files = [p for p in site.rglob("*") if p.is_file()]
    largest = max(pages)
    timeline = site / "data" / "timeline.json"
    map_page = site / "map" / "index.html"
    search = [p for p in files if p.relative_to(site).parts[0] in ("search", "pagefind")]
    return {
        "bytes": sum(p.stat().st_size for p in files), "files": len(files), "html_pages": len(pages),
        "median_html": statistics.median(size for size, _ in pages), "largest_html": largest[0],
        "largest_page": largest[1], "timeline_json": timeline.stat().st_size if timeline.exists() else 0,
        "search_bytes": sum(p.stat().st_size for p in search),
        "map_html": map_page.stat().st_size if map_page.exists() else 0,
    }


def edit_one_event(root: Path) -> str:
    """Change the title of one event in the middle of the record; return its id."""
    files = sorted((root / "data" / "events").glob("*.yaml"))
    target = files[len(files) // 2]
    text = target.read_text(encoding="utf-8")
    match = re.search(r"^- id: (\S+)\n  title: '?(Synthetic event \d+)", text, flags=re.M)
    assert match, target
    target.write_text(text.replace(match.group(2), match.group(2) + " (edited)", 1), encoding="utf-8")
    return match.group(1)


def quiet(below: float = 1.0, patience_s: float = 300) -> float:
    """Wait (up to `patience_s`) until the 1-minute load average is below `below`, as the figures need a quiet
    machine; the load average then."""
    waited = time.perf_counter()
    while os.getloadavg()[0] >= below and time.perf_counter() - waited < patience_s:
        time.sleep(5)
    return os.getloadavg()[0]


def measure(size: int, seed: int, scratch: Path, keep: bool, lunr: bool = False, preview: bool = False) -> dict:
    root = make_workspace(scratch / f"record-{size}{'-lunr' if lunr else ''}", size, seed)
    if lunr:
        use_material_search(root)
    python = sys.executable
    result: dict = {"events": size, "load_before": quiet()}

    generator = run_measured([python, str(Path(__file__).resolve()), "--worker", str(root)], ROOT)
    report = json.loads(generator["stdout"].strip().splitlines()[-1])
    result.update(stages=report["stages"], generator_s=generator["seconds"], generator_peak_kib=report["peak_kib"],
                  outputs=report["outputs"], md_pages=report["pages"])

    mkdocs = run_measured([python, "-m", "mkdocs", "build", "--strict", "--site-dir", "site"], root)
    result.update(mkdocs_s=mkdocs["seconds"], mkdocs_peak_kib=mkdocs["peak_kib"], mkdocs_together_kib=mkdocs["together_kib"])
    result["pagefind_s"] = 0.0
    if uses_pagefind(root):
        indexed = run_measured([python, "-m", "build_site.search_index", str(root / "site")], ROOT)  # ROOT: pagefind.yml
        result.update(pagefind_s=indexed["seconds"], pagefind_peak_kib=indexed["peak_kib"],
                      pagefind_together_kib=indexed["together_kib"])
    result["total_s"] = result["generator_s"] + result["mkdocs_s"] + result["pagefind_s"]
    result["peak_kib"] = max(result["generator_peak_kib"], result["mkdocs_peak_kib"], result.get("pagefind_peak_kib", 0))
    result.update(site_sizes(root / "site"))
    result["root"] = str(root)
    if lunr:  # only the build and its search are compared
        return result

    edited = edit_one_event(root)
    rebuild = run_measured([python, "-m", "build_site", "--root", str(root), "build", "--strict"], ROOT)
    counts = re.search(r"(\d+) file\(s\) written, (\d+) unchanged, (\d+) removed", rebuild["stdout"])
    result.update(edit_event=edited, edit_written=int(counts.group(1)), edit_unchanged=int(counts.group(2)),
                  edit_s=rebuild["seconds"])

    pages = len([p for p in (root / "docs").rglob("*.md")])
    floor = make_floor(scratch / f"floor-{size}", pages)
    bare = run_measured([python, "-m", "mkdocs", "build", "--site-dir", "site"], floor)
    result.update(floor_pages=pages, floor_s=bare["seconds"], floor_peak_kib=bare["peak_kib"],
                  floor_bytes=sum(p.stat().st_size for p in (floor / "site").rglob("*") if p.is_file()))
    ours = make_floor_with_our_pages(scratch / f"floor-ours-{size}", root)
    bare_ours = run_measured([python, "-m", "mkdocs", "build", "--site-dir", "site"], ours)
    result.update(floor_ours_s=bare_ours["seconds"])
    if not keep:
        shutil.rmtree(floor)
        shutil.rmtree(ours)
    if preview:
        result.update(time_preview(root))
    return result


# --------------------------------------------------------------------------- the resident preview


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _page_text(url: str) -> str:
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, OSError):
        return ""


def time_preview(root: Path, edits: int = 3, timeout_s: float = 900) -> dict:
    """`make serve` (build_site serve: the resident preview and `mkdocs serve --dirty`): save an edit to one
    event's title, time until its page as served holds the new title; the median of `edits` edits."""
    port = _free_port()
    served = subprocess.Popen([sys.executable, "-m", "build_site", "--root", str(root), "serve", "--dev-addr",
                               f"127.0.0.1:{port}"], cwd=ROOT, env=ENV, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True)
    lines: list[str] = []
    threading.Thread(target=lambda: lines.extend(served.stdout or []), daemon=True).start()
    try:
        files = sorted((root / "data" / "events").glob("*.yaml"))
        target = files[len(files) // 2]
        match = re.search(r"^- id: (\S+)\n  title: '?(Synthetic event \d+[^'\n]*)", target.read_text(encoding="utf-8"),
                          flags=re.M)
        assert match, target
        event, title = match.group(1), match.group(2)
        started = time.perf_counter()
        url = ""
        while not url or title not in _page_text(url):
            serving = next((found for line in lines for found in re.findall(r"Serving on (http://\S+)", line)), None)
            url = f"{serving.rstrip('/')}/events/{event}/" if serving else ""
            if time.perf_counter() - started > timeout_s or served.poll() is not None:
                raise SystemExit("bench: the preview did not come up:\n" + "".join(lines[-40:]))
            time.sleep(0.5)
        startup = time.perf_counter() - started
        times = []
        for n in range(1, edits + 1):
            time.sleep(3)  # the server settled
            new = f"{title} (preview edit {n})"
            text = target.read_text(encoding="utf-8")
            target.write_text(text.replace(f"title: {title}", f"title: {new}", 1).replace(
                f"title: '{title}", f"title: '{new}", 1), encoding="utf-8")
            saved = time.perf_counter()
            while new not in _page_text(url):
                if time.perf_counter() - saved > timeout_s:
                    raise SystemExit("bench: the edit never reached the page:\n" + "".join(lines[-40:]))
                time.sleep(0.05)
            times.append(time.perf_counter() - saved)
            title = new
        refreshes = [line.strip() for line in lines if line.startswith("serve: ")]
        if os.environ.get("BENCH_PREVIEW_LOG"):
            print("\n".join(line[:300] for line in refreshes[-3 * edits:]), file=sys.stderr)
        accounts = [line for line in refreshes if "record(s) changed" in line]  # not the later rounds' lines
        return {"preview_startup_s": startup, "preview_edit_s": statistics.median(times), "preview_edits_s": times,
                "preview_log": accounts[-1] if accounts else (refreshes[-1] if refreshes else "")}
    finally:
        served.terminate()
        try:
            served.wait(timeout=20)
        except subprocess.TimeoutExpired:
            served.kill()


# --------------------------------------------------------------------------- search in a browser


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(site: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


def time_search(site: Path, queries: list[str], timeout_s: float = 180) -> list[dict]:
    """For each query, in a fresh browser context: open the home page, type the query into the header
    search as soon as the page has loaded, and time until the first result shows."""
    from playwright.sync_api import sync_playwright

    url, server = serve(site)
    results = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for query in queries:
                context = browser.new_context()
                page = context.new_page()
                fetched = {"bytes": 0, "requests": 0, "foreign": []}

                def on_response(response, fetched=fetched):
                    if not response.url.startswith(url):
                        fetched["foreign"].append(response.url)
                        return
                    path = response.url[len(url):]
                    if path.startswith(("search/", "pagefind/")) or "search" in path:
                        # http.server sends Content-Length with every file: no need to read bodies here.
                        fetched["bytes"] += int(response.headers.get("content-length", 0))
                        fetched["requests"] += 1

                page.on("response", on_response)
                page.goto(url, wait_until="load")
                loaded = time.perf_counter()
                # Material's search box and ours (overrides/partials/search.html) share Material's markup.
                box, result = page.locator("input.md-search__input").first, ".md-search-result__item"
                box.click(timeout=10_000)
                typed = time.perf_counter()
                box.press_sequentially(query)
                page.wait_for_selector(result, timeout=timeout_s * 1000)
                done = time.perf_counter()
                first = page.locator(result).first.inner_text().strip().splitlines()[0]
                results.append({"query": query, "from_typing_s": done - typed, "from_load_s": done - loaded,
                                "search_bytes": fetched["bytes"], "search_requests": fetched["requests"],
                                "foreign_requests": len(fetched["foreign"]), "first_result": first})
                context.close()
            browser.close()
    finally:
        server.shutdown()
    return results


# --------------------------------------------------------------------------- report


def machine() -> dict:
    cpu = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    memory = "unknown"
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal"):
            memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    from importlib.metadata import version

    versions = {name: version(name) for name in ("mkdocs", "mkdocs-material")}
    try:
        versions["pagefind"] = version("pagefind")
    except Exception:
        pass
    return {"date": dt.date.today().isoformat(), "cores": os.cpu_count(), "cpu": cpu, "memory": memory,
            "python": platform.python_version(), "system": f"{platform.system()} {platform.release()}", **versions}


def _mib(value: float) -> str:
    return f"{value / 1024 / 1024:.1f} MiB" if value >= 1024 * 1024 else f"{value / 1024:.0f} KiB"


def markdown(results: list[dict], search: list[dict], about: dict) -> str:
    columns = [f"{r['events']:,} events" for r in results]

    def row(label: str, cells: list[str]) -> str:
        return f"| {label} | " + " | ".join(cells) + " |"

    lines = [
        f"Run on {about['date']}: {about['cores']} cores ({about['cpu']}), {about['memory']} RAM, {about['system']}; "
        f"Python {about['python']}, mkdocs {about['mkdocs']}, mkdocs-material {about['mkdocs-material']}"
        + (f", pagefind {about['pagefind']}" if "pagefind" in about else "") + ".",
        "",
        "| | " + " | ".join(columns) + " |",
        "|---|" + "---:|" * len(results),
        row("records (sources / actors / places / operations / claims)",
            [r.get("counts", "") for r in results]),
        row("generated Markdown pages", [f"{r['md_pages']:,}" for r in results]),
        row("generator: import", [f"{r['stages']['import']:.2f} s" for r in results]),
        row("generator: load", [f"{r['stages']['load']:.2f} s" for r in results]),
        row("generator: validate (with quote verification)", [f"{r['stages']['validate']:.2f} s" for r in results]),
        row("generator: link", [f"{r['stages']['link']:.2f} s" for r in results]),
        row("generator: render (pages, and the data exports beside them)",
            [f"{r['stages']['render']:.2f} s" for r in results]),
        row("generator: write", [f"{r['stages']['write']:.2f} s" for r in results]),
        row("**generator, whole process**", [f"**{r['generator_s']:.1f} s**" for r in results]),
        row("`mkdocs build --strict`", [f"{r['mkdocs_s']:.1f} s" for r in results]),
        row("**`mkdocs build` / floor** (target ≤ 1.3× at 10,000)", [f"**{r['mkdocs_s'] / r['floor_s']:.2f}×**"
                                                                    for r in results]),
    ]
    if any(r["pagefind_s"] for r in results):
        lines.append(row("Pagefind index", [f"{r['pagefind_s']:.1f} s" for r in results]))
    lines += [
        row("**total wall time**", [f"**{r['total_s']:.1f} s**" for r in results]),
        row("generator share of the total", [f"{100 * r['generator_s'] / r['total_s']:.0f} %" for r in results]),
        row("peak memory: generator / mkdocs / Pagefind",
            [f"{r['generator_peak_kib'] / 1024:.0f} / {r['mkdocs_peak_kib'] / 1024:.0f} / "
             f"{r.get('pagefind_peak_kib', 0) / 1024:.0f} MiB" for r in results]),
        row("peak memory of all processes at once: mkdocs / Pagefind (target Pagefind ≤ 1 GB)",
            [f"{r.get('mkdocs_together_kib', 0) / 1024:.0f} / {r.get('pagefind_together_kib', 0) / 1024:.0f} MiB"
             for r in results]),
        row("output: site/ size, files", [f"{_mib(r['bytes'])}, {r['files']:,}" for r in results]),
        row("page HTML: median", [_mib(r["median_html"]) for r in results]),
        row("page HTML: largest", [f"{_mib(r['largest_html'])} (`{r['largest_page']}`)" for r in results]),
        row("timeline JSON", [_mib(r["timeline_json"]) for r in results]),
        row("map page HTML (`map/`)", [_mib(r.get("map_html", 0)) for r in results]),
        row("search index on disk", [_mib(r["search_bytes"]) for r in results]),
        row("edit one event's title, rebuild: files rewritten", [f"{r['edit_written']} of {r['edit_written'] + r['edit_unchanged']:,} ({r['edit_s']:.1f} s)" for r in results]),
        row("floor: bare mkdocs-material, same number of plain pages", [f"{r['floor_s']:.1f} s ({r['floor_pages']:,} pages)" for r in results]),
        row("**total / floor** (targets ≤ 2× at 10,000, ≤ 2.5× at 1,000)", [f"**{r['total_s'] / r['floor_s']:.2f}×**"
                                                                           for r in results]),
        row("diagnostic: bare mkdocs-material on our generated pages (default search)",
            [f"{r['floor_ours_s']:.1f} s" for r in results]),
        row("`make serve`: start-up until pages are served", [f"{r['preview_startup_s']:.0f} s" if "preview_startup_s" in r
                                                              else "" for r in results]),
        row("**`make serve`: save an event's title → its page served with it** (median of 3; target ≤ 3 s at 10,000)",
            [f"**{r['preview_edit_s']:.2f} s** ({', '.join(f'{t:.2f}' for t in r['preview_edits_s'])})"
             if "preview_edit_s" in r else "" for r in results]),
        row("`make serve`: the preview's own account of the last refresh", [f"{r['preview_log'][:120]}"
                                                                           if r.get("preview_log") else "" for r in results]),
        row("machine load before the run (1-minute average)", [f"{r['load_before']:.1f}" for r in results]),
    ]
    if search:
        lines += ["", f"Search in headless Chromium at {results[-1]['events']:,} events: the home page loaded, the query "
                  "typed into the header search box, timed until the first result shows; a fresh browser context "
                  "(empty cache) per query.", "",
                  "| search | query | first result | time to first result | fetched for the search (requests) | requests to other hosts |",
                  "|---|---|---|---:|---:|---:|"]
        for s in search:
            lines.append(f"| {s['engine']} | `{s['query']}` | {s['first_result'][:60]} | {s['from_typing_s']:.2f} s | "
                         f"{_mib(s['search_bytes'])} ({s['search_requests']}) | {s['foreign_requests']} |")
    return "\n".join(lines) + "\n"


def record_counts(root: Path) -> str:
    out = subprocess.run([sys.executable, "-m", "build_site", "--root", str(root), "check"], cwd=ROOT, env=ENV,
                         capture_output=True, text=True).stdout
    found = re.search(r"(\d+) sources, (\d+) actors, (\d+) places, (\d+) operations, \d+ events, (\d+) claims", out)
    return " / ".join(f"{int(n):,}" for n in found.groups()) if found else ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build synthetic records of N events and measure every stage.")
    parser.add_argument("--sizes", default="100,1000,10000", help="comma-separated event counts (default 100,1000,10000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--search", action=argparse.BooleanOptionalAction, default=True,
                        help="time the search in Chromium at the largest size (default: on)")
    parser.add_argument("--lunr", action=argparse.BooleanOptionalAction, default=True,
                        help="also build the largest size with Material's own lunr search and time it, to "
                             "compare (default: on)")
    parser.add_argument("--preview", action=argparse.BooleanOptionalAction, default=True,
                        help="time an edit in `make serve` until its page is served again (default: on)")
    parser.add_argument("--write", type=Path, default=ROOT / "BENCHMARKS.md",
                        help="the file whose results block is replaced (default BENCHMARKS.md)")
    parser.add_argument("--no-write", dest="write", action="store_const", const=None, help="only print the results")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it (default: a temporary folder)")
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        worker(args.worker)
        return 0

    sizes = [int(size) for size in args.sizes.split(",")]
    scratch = args.keep or Path(tempfile.mkdtemp(prefix="bench-"))
    scratch.mkdir(parents=True, exist_ok=True)
    results, search = [], []
    try:
        for size in sizes:
            print(f"bench: {size:,} events …", file=sys.stderr, flush=True)
            result = measure(size, args.seed, scratch, keep=bool(args.keep), preview=args.preview)
            result["counts"] = record_counts(Path(result["root"]))
            results.append(result)
            print(json.dumps({k: v for k, v in result.items() if k != "stages"} | result["stages"]), file=sys.stderr)
        if args.search:
            largest = Path(results[-1]["root"])
            queries = [f"Synthetic event {sizes[-1] * 42 // 100}", search_alias(largest)]
            engine = "Pagefind" if uses_pagefind(largest) else "Material (lunr)"
            search = [{"engine": engine, **found} for found in time_search(largest / "site", queries)]
            if args.lunr and engine == "Pagefind":
                print(f"bench: {sizes[-1]:,} events with Material's lunr search, to compare …", file=sys.stderr, flush=True)
                lunr = measure(sizes[-1], args.seed, scratch, keep=bool(args.keep), lunr=True)
                search += [{"engine": "Material (lunr)", "mkdocs_s": lunr["mkdocs_s"], "index_bytes": lunr["search_bytes"],
                            **found} for found in time_search(Path(lunr["root"]) / "site", queries)]
    finally:
        if not args.keep:
            shutil.rmtree(scratch, ignore_errors=True)
    text = markdown(results, search, machine())
    print(text)
    if args.write:
        current = args.write.read_text(encoding="utf-8") if args.write.exists() else f"{RESULTS_START}\n{RESULTS_END}\n"
        before, _, rest = current.partition(RESULTS_START)
        _, _, after = rest.partition(RESULTS_END)
        args.write.write_text(f"{before}{RESULTS_START}\n{text}{RESULTS_END}{after}", encoding="utf-8")
        print(f"bench: results written to {args.write}", file=sys.stderr)
    return 0


def search_alias(root: Path) -> str:
    """A spelling variant (alias) of the first person in the synthetic record, to search for."""
    text = (root / "data" / "actors" / "actors.yaml").read_text(encoding="utf-8")
    match = re.search(r"- id: syn-person-0000\n  name: .*\n  aliases:\n  - (.*)\n", text)
    return match.group(1).strip("'\"") if match else "Synthetic"


if __name__ == "__main__":
    sys.exit(main())
