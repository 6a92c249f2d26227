"""Shared fixtures: real builds (generator + `mkdocs build --strict`) in temporary folders."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixture"
sys.path.insert(0, str(ROOT))
from build_site.layout import GENERATED_DIRS as GENERATED  # noqa: E402

ENV = {**os.environ, "DISABLE_MKDOCS_2_WARNING": "true", "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
UPDATE_GOLDENS = os.environ.get("UPDATE_GOLDENS") == "1"
CHROMIUM = os.environ.get("CHROMIUM_PATH") or os.environ.get("CHROMIUM") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def make_workspace(dest: Path, record: Path = ROOT) -> Path:
    """A copy of the site's configuration and hand-written pages, with the record (data/, seeds/) of `record`."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy2(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", dest / "overrides", ignore=shutil.ignore_patterns("__pycache__"))
    ignore_generated = shutil.ignore_patterns(*GENERATED)

    def ignore(folder: str, names: list[str]) -> set[str]:
        return ignore_generated(folder, names) if Path(folder) == ROOT / "docs" else set()

    shutil.copytree(ROOT / "docs", dest / "docs", ignore=ignore)
    shutil.copytree(record / "data", dest / "data")
    shutil.copytree(record / "seeds", dest / "seeds")
    return dest


def run_cli(root: Path, *args: str) -> subprocess.CompletedProcess:
    """`python -m build_site --root <root> <args>`, as a contributor runs it."""
    return subprocess.run([sys.executable, "-m", "build_site", "--root", str(root), *args],
                          capture_output=True, text=True, env=ENV, cwd=ROOT)


def run_mkdocs(root: Path, site: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                          capture_output=True, text=True, env=ENV, cwd=root)


def build_all(root: Path) -> Path:
    """Generator, then the real `mkdocs build --strict`; fail the test with their output otherwise."""
    generated = run_cli(root, "build", "--strict")
    assert generated.returncode == 0, generated.stderr
    site = root / "site"
    built = run_mkdocs(root, site)
    assert built.returncode == 0, built.stderr
    assert "WARNING" not in built.stderr, built.stderr
    return site


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def tree_digest(folder: Path) -> dict[str, str]:
    """Path → SHA-256 of every file under a folder."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real record, built into a temporary `site/`."""
    return build_all(make_workspace(tmp_path_factory.mktemp("real")))


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Path:
    """The small test record, built into a temporary `site/`."""
    return build_all(make_workspace(tmp_path_factory.mktemp("fixture"), FIXTURE))


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output clean
        pass


@contextlib.contextmanager
def serve(directory: Path, handler_class: type[http.server.SimpleHTTPRequestHandler] | None = None):
    """Serve a folder on 127.0.0.1 at a free port; yields the base URL (ending in /)."""
    handler = functools.partial(handler_class or _QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="session")
def site_url(built_site) -> str:
    """The real built site, served over HTTP on loopback."""
    with serve(built_site) as base:
        yield base


@pytest.fixture(scope="session")
def fixture_url(fixture_site) -> str:
    """The fixture record's built site, served over HTTP on loopback."""
    with serve(fixture_site) as base:
        yield base


# Browser tests drive Debian's Chromium (Playwright cannot download its own browser here). One Playwright
# per session: a second `sync_playwright()` in the same process fails.
@pytest.fixture(scope="session")
def playwright_instance():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:  # pragma: no cover - environment problem
        pytest.fail(f"the playwright Python package is not installed ({exc}); pip install -r requirements/test.txt")
    with sync_playwright() as pw:
        yield pw


@pytest.fixture(scope="session")
def browser(playwright_instance):
    if not os.path.isfile(CHROMIUM) or not os.access(CHROMIUM, os.X_OK):
        pytest.fail(
            f"Chromium not found at {CHROMIUM}: the browser tests need Debian's chromium "
            "(`apt-get install -y chromium`) or CHROMIUM_PATH=/path/to/chrome. They are not skipped.",
            pytrace=False,
        )
    browser = playwright_instance.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


