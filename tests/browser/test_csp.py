"""Every page kind loads under its Content-Security-Policy with no violation report, no console error
and no request to another host; the search (Pagefind, WebAssembly) and the timeline work under it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.test_search import search, search_url  # noqa: F401 - the Pagefind index fixture

_RECORD = """
window.__csp = [];
document.addEventListener("securitypolicyviolation",
  e => window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
"""


def _first(site: Path, folder: str) -> str:
    return next(p.parent.relative_to(site).as_posix() + "/" for p in sorted((site / folder).glob("*/index.html"))
                if not p.parent.name.isdigit())


def _kinds(site: Path) -> list[str]:
    pages = ["", "methodology/", "data/", "sources/", "events/", "timeline/", "disputes/"]
    pages += [_first(site, folder) for folder in ("sources", "actors", "places", "operations", "events")]
    pages += [p.parent.relative_to(site).as_posix() + "/" for p in sorted((site / "events").glob("[0-9]*/index.html"))][:1]
    redirects = [p for p in sorted(site.rglob("index.html")) if "<title>Moved:" in p.read_text(encoding="utf-8")]
    pages += [redirects[0].parent.relative_to(site).as_posix() + "/"] if redirects else []
    return pages


def _violations(page) -> list[str]:
    return page.evaluate("window.__csp || []")


def test_every_page_kind_loads_without_a_policy_violation(page, site_dir: Path, site_server: str):
    page.add_init_script(_RECORD)
    csp_console: list[str] = []
    page.on("console", lambda m: csp_console.append(m.text) if "Content Security Policy" in m.text else None)
    kinds = _kinds(site_dir)
    assert len(kinds) >= 13
    for path in kinds:
        page.goto(site_server + path)
        page.wait_for_load_state("networkidle")
        assert _violations(page) == [], path
    assert csp_console == []
    # The search index (pagefind/) is built only by `make site` and the search tests' fixture: its 404s aside.
    errors = [e for e in page.probe.errors if "Failed to load resource" not in e]
    assert errors == [], errors
    assert page.probe.offsite == []


@pytest.mark.usefixtures("search_url")
def test_search_runs_under_the_policy(page, site_server: str):
    page.add_init_script(_RECORD)
    assert search(page, site_server + "methodology/", "Derna")
    assert _violations(page) == []
