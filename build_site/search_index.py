"""The search index of a built site (Pagefind), in shards of at most SHARD_PAGES pages, merged in the browser.

Pagefind holds every page of a run, and its index, in memory at once: 1.4 GB for the 12,500 pages of a
10,000-event record (BENCHMARKS.md). A site of more than SHARD_PAGES HTML pages is therefore indexed in
several runs, each over a share of the pages (every n-th page in path order, so each share is a mix of
every kind of page), and each run's bundle is written beside the first: site/pagefind/ (the one the
header search loads) and site/pagefind/shard-2/, shard-3/ … The first bundle's `shards.json` lists the
others (none, for one run), and the header search merges them into one search (Pagefind's `mergeIndex`, its multisite
search), so a query finds a page whatever shard holds it. A site of SHARD_PAGES pages or fewer is one
run of `python -m pagefind --site site`, as before.

Each run reads pagefind.yml (the selectors left out of the index) from the repository root and indexes its
share of the site's pages in place, named in its `--glob` (`{a/index.html,b/index.html,…}`), so every
result's URL is the page's own; a share with a name a glob would misread is indexed from a folder of hard
links to its pages instead. The number of runs is a multiple of the cores. Standard library only, plus the `pagefind` package's binary (run as `python -m pagefind`).

    python -m build_site.search_index site            # what `make site` runs after `mkdocs build`
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from . import cores

SHARD_PAGES = 3000
"""The most pages one Pagefind run indexes (about 300 MB of its memory at 10,000 events); the number of runs
is then rounded up to a multiple of the cores, which run them two (or n) at a time."""
BUNDLE = "pagefind"
MANIFEST = "shards.json"
"""In the first bundle: the other bundles' folders, relative to it (`["shard-2/", …]`; `[]` with one shard)."""


def shard_name(number: int) -> str:
    return f"shard-{number}/"


def pages_of(site: Path) -> list[str]:
    """Every HTML page of the site but the index's own, relative to the site, in path order."""
    found: list[str] = []
    for folder, folders, names in os.walk(site):
        relative = os.path.relpath(folder, site)
        if relative == ".":
            folders[:] = [name for name in folders if name != BUNDLE]
            relative = ""
        else:
            relative = relative.replace(os.sep, "/") + "/"
        found.extend(relative + name for name in names if name.endswith(".html"))
    return sorted(found)


GLOB_CHARACTERS = 100_000
"""The longest list of pages given to one run (`--glob {a,b,…}`): one argument of a command may be 128 KiB."""
_PLAIN_PATH = re.compile(r"^[A-Za-z0-9._/-]+$")
"""A path that is the same as a glob: no character a glob gives a meaning to."""


def _pagefind(site: Path, output: Path, cwd: Path, share: list[str] | None = None) -> None:
    """One Pagefind run over the site, or over `share` of its pages (named in its glob)."""
    glob = ["--glob", "{" + ",".join(share) + "}"] if share is not None else []
    result = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site), "--output-path", str(output),
                             *glob, "--quiet"], cwd=cwd, capture_output=True, text=True)
    if result.returncode:
        raise SystemExit(f"search index: pagefind failed on {site}:\n{result.stdout}{result.stderr}")


def _link(site: Path, share: list[str], farm: Path) -> Path:
    """A folder of hard links to `share` (pages of `site`), each at its own path."""
    made: set[Path] = set()
    for relative in share:
        target = farm / relative
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        os.link(site / relative, target)
    return farm


def shard_count(pages: list[str], shard_pages: int = SHARD_PAGES) -> int:
    """How many runs: at most `shard_pages` pages and GLOB_CHARACTERS of their names each, and, for more
    than one, a multiple of the cores (which run them that many at a time): no run is left alone at the end."""
    shards = max(1, -(-len(pages) // shard_pages))
    if shards > 1:
        shards = max(shards, -(-sum(len(page) + 1 for page in pages) // GLOB_CHARACTERS))
        at_once = cores.usable()
        shards = -(-shards // at_once) * at_once
    return shards


def index(site: Path, shard_pages: int = SHARD_PAGES, cwd: Path | None = None) -> tuple[int, int]:
    """Write site/pagefind/ (and its shards); the number of shards and of pages indexed."""
    cwd = cwd or Path.cwd()
    site = site.resolve()
    pages = pages_of(site)
    shards = shard_count(pages, shard_pages)
    final = site / BUNDLE
    work = Path(tempfile.mkdtemp(prefix=".search-index-", dir=site.parent))
    try:
        bundles = [work / f"bundle-{number}" for number in range(1, shards + 1)]

        def run(number: int) -> None:
            if shards == 1:
                _pagefind(site, bundles[0], cwd)
                return
            share = pages[number::shards]
            if all(_PLAIN_PATH.match(page) for page in share):  # named in the run's glob
                _pagefind(site, bundles[number], cwd, share)
            else:  # a name a glob would misread: the pages linked into a folder of their own
                farm = _link(site, share, work / f"pages-{number + 1}")
                _pagefind(farm, bundles[number], cwd)
                shutil.rmtree(farm)

        # Two runs at a time on two cores (each run is partly serial): about twice one run's memory at once.
        with ThreadPoolExecutor(max_workers=min(shards, cores.usable())) as pool:
            list(pool.map(run, range(shards)))
        first = bundles[0]
        (first / MANIFEST).write_text(json.dumps([shard_name(n) for n in range(2, shards + 1)]) + "\n",
                                      encoding="utf-8")
        for number, bundle in enumerate(bundles[1:], start=2):
            bundle.rename(first / shard_name(number).rstrip("/"))
        if final.exists():
            shutil.rmtree(final)
        first.rename(final)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return shards, len(pages)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build_site.search_index", description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="the built site (site/)")
    parser.add_argument("--shard-pages", type=int, default=SHARD_PAGES, help="the most pages one run indexes")
    args = parser.parse_args(argv)
    shards, pages = index(args.site, args.shard_pages)
    print(f"search index: {pages} pages in {shards} shard(s), {args.site / BUNDLE}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
