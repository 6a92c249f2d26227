"""Browser fixtures: the real built site over HTTP on 127.0.0.1, driven by Debian's Chromium.

Playwright cannot download its own browser here, so it launches /usr/bin/chromium (override with
CHROMIUM_PATH=/path, as the Makefile names it, or CHROMIUM=/path). A missing browser fails the tests with a message; nothing is skipped.

The site is the lead's session fixture `built_site` (generator + `mkdocs build --strict` on the real
record). For working on the browser side alone, TIMELINE_TEST_SITE=/path/to/site serves an existing
build instead (it must be a build of this repository's docs with the vendored assets).
"""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import serve  # tests/conftest.py: one loopback server helper for every test

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
# Timeline pages are at most 75% of the viewport tall; a tall viewport shows every row at once.
TALL = {"width": 1280, "height": 3000}
READY = ".tl-app[data-tl-state=ready]"
VENDOR_JS = Path("assets/vendor/vis-timeline/vis-timeline-graph2d.min.js")


@pytest.fixture(scope="session")
def site_dir(request) -> Path:
    override = os.environ.get("TIMELINE_TEST_SITE")
    site = Path(override) if override else request.getfixturevalue("built_site")
    site = Path(site)
    assert (site / "index.html").is_file(), f"{site} is not a built site (no index.html)"
    assert (site / VENDOR_JS).is_file(), (
        f"{site / VENDOR_JS} is missing: the vendored vis-timeline was not in docs/ when the site was "
        "built. Run `npm ci && python3 scripts/vendor_assets.py` before building."
    )
    return site


@pytest.fixture(scope="session")
def site_server(site_dir):
    """Base URL of the built site served over HTTP on 127.0.0.1 (stopped at the end of the session)."""
    with serve(site_dir) as base:  # tests/conftest.py
        yield base


@pytest.fixture(scope="session")
def timeline_data(site_dir) -> dict:
    return json.loads((site_dir / "data" / "timeline.json").read_text(encoding="utf-8"))


# `playwright_instance` and `browser` are session fixtures in tests/conftest.py, shared with tests/test_pages.py:
# one Playwright per test session.


class PageProbe:
    """Console errors, page errors and off-site requests seen by one browser context."""

    def __init__(self):
        self.errors: list[str] = []
        self.offsite: list[str] = []
        self.dialogs: list[str] = []


def _new_page(browser, viewport, mobile=False):
    context = browser.new_context(
        viewport=viewport, has_touch=mobile, is_mobile=mobile, device_scale_factor=1,
        service_workers="block",
    )
    probe = PageProbe()

    def route(r):
        host = urlsplit(r.request.url).hostname
        if r.request.url.startswith(("data:", "blob:")) or host == "127.0.0.1":
            r.continue_()
        else:
            probe.offsite.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("console", lambda m: probe.errors.append(f"console.{m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: probe.errors.append(f"pageerror: {e}"))

    def on_dialog(d):
        probe.dialogs.append(d.message)
        d.dismiss()

    page.on("dialog", on_dialog)
    page.probe = probe
    page.set_default_timeout(15000)
    return context, page


@pytest.fixture
def page(browser):
    context, page = _new_page(browser, DESKTOP)
    yield page
    context.close()


@pytest.fixture
def make_page(browser):
    """make_page(viewport=..., mobile=...) -> a fresh page in its own context."""
    contexts = []

    def make(viewport=DESKTOP, mobile=False):
        context, page = _new_page(browser, viewport, mobile)
        contexts.append(context)
        return page

    yield make
    for c in contexts:
        c.close()


@pytest.fixture(scope="session")
def xss_site(site_dir, tmp_path_factory):
    """A copy of the built site whose timeline.json has hostile titles (and a javascript: URL)."""
    dest = tmp_path_factory.mktemp("xss") / "site"
    shutil.copytree(site_dir, dest)
    path = dest / "data" / "timeline.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    events = [it for it in data["items"] if it.get("kind") == "event"]
    assert len(events) >= 2, "the real data needs at least two events for the XSS test"
    events[0]["title"] = '<img src=x onerror="window.__xss=1">'
    events[1]["title"] = '<script>window.__xss=2</script>"><b>bold</b>'
    events[1]["url"] = "javascript:window.__xss=3"
    if data.get("groups"):
        data["groups"][0]["label"] = '<img src=y onerror="window.__xss=4">'
    path.write_text(json.dumps(data), encoding="utf-8")
    return dest, events[0]["id"], events[1]["id"]
