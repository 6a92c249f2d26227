"""A build is all or nothing: killed in its write phase, docs/ is the old or the new output (a committed
journal completes it to the new), the next build repairs it; two builds in one clone never interleave;
a write error is a message, not a traceback, and leaves docs/ as it was."""

from __future__ import annotations

import random
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from build_site import writer
from conftest import ENV, FIXTURE, ROOT, make_workspace, run_cli, run_mkdocs, tree_digest

KILLS = 5


def _change_everything(root: Path) -> None:
    """An edit that changes most pages (an actor's name shows everywhere) and removes one."""
    actors = root / "data/actors/actors.yaml"
    actors.write_text(actors.read_text().replace("name: Group Alpha", "name: Group Alpha Renamed"))
    places = root / "data/places/places.yaml"
    places.write_text(places.read_text().replace("name: Town X", "name: Town Ex"))


def _start_build(root: Path, delay: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "build_site", "--root", str(root), "build"],
                            env={**ENV, "BUILD_SITE_TEST_WRITE_DELAY": delay}, cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_a_build_killed_while_writing_leaves_the_old_or_the_new_output(tmp_path: Path):
    root = make_workspace(tmp_path / "repo", FIXTURE)
    assert run_cli(root, "build").returncode == 0
    old_docs = tmp_path / "old-docs"
    shutil.copytree(root / "docs", old_docs)
    old = tree_digest(old_docs)
    _change_everything(root)
    expected = make_workspace(tmp_path / "expected", root)
    assert run_cli(expected, "build").returncode == 0
    new = tree_digest(expected / "docs")
    assert old != new

    rng = random.Random(17)
    outcomes: set[str] = set()
    for _ in range(KILLS):
        shutil.rmtree(root / "docs")
        shutil.copytree(old_docs, root / "docs")
        build = _start_build(root, "0.04")
        while not (root / writer.STAGING).exists() and build.poll() is None:
            time.sleep(0.005)
        time.sleep(rng.uniform(0, 1.4))  # 17 files staged, then moved, 0.04 s each
        build.send_signal(signal.SIGKILL)
        build.wait()
        journal = root / writer.JOURNAL
        if journal.exists():
            outcome = "committed"
            if outcome not in outcomes:
                assert run_mkdocs(root, tmp_path / "site").returncode == 1, "MkDocs built a half-moved docs/"
        else:
            state = tree_digest(root / "docs")
            assert state in (old, new), "a killed build left docs/ a mix of old and new files"
            outcome = "old" if state == old else "new"
        if outcome not in outcomes:  # the next build repairs whatever the kill left
            repaired = run_cli(root, "build")
            assert repaired.returncode == 0, repaired.stderr
            assert tree_digest(root / "docs") == new
        else:
            writer.recover(root / "docs")
            assert tree_digest(root / "docs") == (old if outcome == "old" else new)
        assert not (root / writer.STAGING).exists() and not journal.exists()
        outcomes.add(outcome)
    assert {"old", "committed"} <= outcomes, f"the kills did not land in both phases ({outcomes}): adjust the timing"


def test_a_second_build_waits_for_the_first(tmp_path: Path):
    root = make_workspace(tmp_path / "repo", FIXTURE)
    with writer.exclusive(root / "docs"):
        build = _start_build(root, "")
        guard = threading.Timer(60, build.kill)
        guard.start()
        first = build.stderr.readline().decode()
        time.sleep(0.5)
        assert build.poll() is None, "the second build did not wait for the lock"
    out, err = build.communicate(timeout=60)
    guard.cancel()
    assert first == "build: another build of this clone is writing docs/; waiting for it to finish\n"
    assert build.returncode == 0, err
    assert re.match(r"build: \d+ file\(s\) written", out.decode()), out.decode()


def test_a_write_error_is_a_message_and_leaves_docs_as_it_was(tmp_path: Path):
    root = make_workspace(tmp_path / "repo", FIXTURE)
    assert run_cli(root, "build").returncode == 0
    before = tree_digest(root / "docs")
    _change_everything(root)
    (root / writer.STAGING).write_text("in the way")
    result = run_cli(root, "build")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    where, message = result.stderr.splitlines()[0].split(": ", 1)
    assert where.startswith(".build-staging/")
    assert message == "could not write the new pages: Not a directory (docs/ was left as it was; fix it and build again)"
    assert tree_digest(root / "docs") == before
