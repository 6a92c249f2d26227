"""`serve` survives: a broken record is printed and the last good site stays served; SIGTERM stops the
mkdocs child too; an address in use is a clear error with a non-zero exit."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from conftest import ENV, FIXTURE, ROOT, free_port, make_workspace


def _serve(root: Path, port: int) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "build_site", "--root", str(root), "serve", "--dev-addr",
                             f"127.0.0.1:{port}"], env=ENV, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def _get(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status
    except OSError:
        return 0


def test_an_address_in_use_is_a_clear_error(tmp_path: Path):
    root = make_workspace(tmp_path / "repo", FIXTURE)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run([sys.executable, "-m", "build_site", "--root", str(root), "serve", "--dev-addr",
                                 f"127.0.0.1:{port}"], env=ENV, cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr == (f"serve: cannot listen on 127.0.0.1:{port}: the address is in use or invalid (stop the "
                             f"other server, or pass another one: --dev-addr 127.0.0.1:8001)\n")
    assert not (root / "docs/events").exists()


def test_serve_keeps_the_last_good_site_and_stops_its_child_on_sigterm(tmp_path: Path):
    root = make_workspace(tmp_path / "repo", FIXTURE)
    port = free_port()
    server = _serve(root, port)
    page = f"http://127.0.0.1:{port}/record/events/checkpoint-attack/"
    try:
        deadline = time.monotonic() + 90
        while _get(page) != 200:
            assert server.poll() is None, server.communicate()
            assert time.monotonic() < deadline, "serve never served the site"
            time.sleep(0.5)
        events = root / "data/events/events.yaml"
        events.write_bytes(events.read_bytes().replace(b"title: Attack on the checkpoint", b"title: [\x00"))
        time.sleep(4)
        assert server.poll() is None, "a broken record stopped serve"
        assert _get(page) == 200, "the last good site is no longer served"
    finally:
        server.send_signal(signal.SIGTERM)
        out, err = server.communicate(timeout=30)
    assert "expected visible text, got U+0000 NULL" in err
    assert "serve: fix the errors above; serving the last good output meanwhile." in err
    assert "Traceback" not in err
    assert server.returncode == 0
    time.sleep(1)
    assert _get(page) == 0, "the mkdocs child is still serving after SIGTERM"
