"""`make serve` in Chromium: a page open in the browser reloads by itself after a save, under the site's
Content-Security-Policy (MkDocs's server puts an inline script in each page, which the policy refuses;
build_site/live.py serves it as a file instead), and the data exports follow the page."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from conftest import ENV, FIXTURE, ROOT, free_port, make_workspace


def _ready(url: str, server: subprocess.Popen, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            assert server.poll() is None, server.communicate()
            assert time.monotonic() < deadline, "serve never served the site"
            time.sleep(0.5)


def test_an_open_page_reloads_itself_after_a_save(browser, tmp_path: Path):
    root = make_workspace(tmp_path / "repo", FIXTURE)
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "build_site", "--root", str(root), "serve", "--dev-addr",
                               f"127.0.0.1:{port}"], env=ENV, cwd=ROOT, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}/record/"
    try:
        _ready(base + "events/checkpoint-attack/", server)
        context = browser.new_context()
        page = context.new_page()
        refused: list[str] = []
        page.on("console", lambda message: refused.append(message.text)
                if "Content Security Policy" in message.text else None)
        page.goto(base + "events/checkpoint-attack/")
        page.wait_for_load_state("load")
        listing = context.new_page()  # a page that lists the event: rebuilt after the event's own, reloaded too
        listing.goto(base + "timeline/")
        listing.wait_for_load_state("load")
        assert "Attack on the checkpoint" in (listing.locator("article").first.text_content() or "")
        time.sleep(1)  # the page is polling the server
        events = root / "data/events/events.yaml"
        text = events.read_text(encoding="utf-8")
        assert "title: Attack on the checkpoint\n" in text
        events.write_text(text.replace("title: Attack on the checkpoint\n", "title: Attack on the gate\n", 1),
                          encoding="utf-8")
        # Nothing but the page's own script reloads it (the test only reads the heading).
        deadline = time.monotonic() + 30
        while "Attack on the gate" not in (page.locator("h1").first.text_content(timeout=10_000) or ""):
            assert time.monotonic() < deadline, "the open page never reloaded"
            time.sleep(0.2)
        while "Attack on the gate" not in (listing.locator("article").first.text_content(timeout=10_000) or ""):
            assert time.monotonic() < deadline, "the open listing page never reloaded"
            time.sleep(0.2)
        assert refused == [], refused
        # The data exports follow (made after the page): the event's JSON has the new title.
        deadline = time.monotonic() + 30
        while True:
            with urllib.request.urlopen(base + "data/events.json", timeout=5) as response:
                titles = {e["id"]: e["title"] for e in json.loads(response.read())}
            if titles["checkpoint-attack"] == "Attack on the gate":
                break
            assert time.monotonic() < deadline, "the data export never followed the page"
            time.sleep(0.5)
        context.close()
    finally:
        server.send_signal(signal.SIGTERM)
        out, _ = server.communicate(timeout=60)
    assert server.returncode == 0, out
    assert "Traceback" not in out, out
