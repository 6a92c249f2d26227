"""Each record's own history (git blame of its lines) on pages, citations, exports, the sitemap and the feed."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import feedparser
import pytest

from build_site.errors import Location
from build_site.history import Commit, History, commit_date, parse_blame, record_commits
from conftest import FIXTURE, make_workspace, run_cli, run_mkdocs

FIRST, SECOND = "2020-01-15T12:00:00+00:00", "2021-06-30T23:30:00-02:00"  # the second is 1 July in UTC


def _git(root: Path, *args: str, when: str = FIRST) -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when, "GIT_AUTHOR_NAME": "Editor",
           "GIT_AUTHOR_EMAIL": "editor@example.org", "GIT_COMMITTER_NAME": "Editor",
           "GIT_COMMITTER_EMAIL": "editor@example.org", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=env)


def _front(root: Path, page: str) -> str:
    text = (root / "docs" / page).read_text(encoding="utf-8")
    found = re.search(r'^changed: "(.*)"$', text, flags=re.M)
    return found.group(1) if found else ""


@pytest.fixture(scope="module")
def edited(tmp_path_factory) -> Path:
    """The fixture record in a git repository: committed in 2020, then one event's title edited in 2021."""
    root = make_workspace(tmp_path_factory.mktemp("history") / "repo", FIXTURE)
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "data", "seeds")
    _git(root, "commit", "-q", "-m", "The record")
    events = root / "data/events/events.yaml"
    events.write_text(events.read_text(encoding="utf-8").replace("A convoy leaves Town X", "A convoy leaves Town X at dawn"),
                      encoding="utf-8")
    _git(root, "commit", "-q", "-am", "Convoy: the time of day", when=SECOND)
    result = run_cli(root, "build", "--strict")
    assert result.returncode == 0, result.stderr
    built = run_mkdocs(root, root / "site")
    assert built.returncode == 0, built.stderr
    return root


def test_only_the_edited_record_moved(edited: Path):
    assert _front(edited, "events/convoy-departure/index.md") == "2021-06-30"  # the committer's own day
    for page in ("events/checkpoint-attack/index.md", "places/town-x/index.md", "places/coast-road/index.md",
                 "actors/group-alpha/index.md", "operations/operation-one/index.md"):
        assert _front(edited, page) == "2020-01-15", page
    changed = (edited / "docs/events/convoy-departure/index.md").read_text(encoding="utf-8")
    assert "Record last changed 2021-06-30" in changed  # "cite this page"
    assert changed.index("Convoy: the time of day") < changed.index("The record</li>")  # newest first
    assert "/commits/main/data/events/events.yaml" in changed
    untouched = (edited / "docs/events/checkpoint-attack/index.md").read_text(encoding="utf-8")
    assert "Convoy: the time of day" not in untouched and "Record last changed 2020-01-15" in untouched


def test_exports_and_sitemap_carry_each_records_date(edited: Path):
    events = {e["id"]: e["last_changed"] for e in json.loads((edited / "docs/data/events.json").read_text())}
    assert events == {"checkpoint-attack": "2020-01-15", "convoy-departure": "2021-06-30"}
    places = json.loads((edited / "docs/data/places.geojson").read_text())["features"]
    assert {f["properties"]["last_changed"] for f in places} == {"2020-01-15"}
    sitemap = (edited / "site/sitemap.xml").read_text(encoding="utf-8")
    lastmod = dict(re.findall(r"<loc>[^<]*/record/([^<]*)</loc>\s*<lastmod>([^<]*)</lastmod>", sitemap))
    assert lastmod["events/convoy-departure/"] == "2021-06-30"
    assert lastmod["events/checkpoint-attack/"] == lastmod["places/town-x/"] == "2020-01-15"


def test_the_feed_lists_the_records_events_newest_first_with_pages_that_exist(edited: Path):
    feed = feedparser.parse((edited / "site/feeds/changes.atom").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert [e.link.rsplit("/", 2)[-2] for e in feed.entries] == ["convoy-departure", "checkpoint-attack"]
    assert feed.entries[0].updated.startswith("2021-06-30") and feed.entries[1].updated.startswith("2020-01-15")
    assert feed.entries[0].title == "A convoy leaves Town X at dawn (disputed)"
    for entry in feed.entries:
        path = entry.link.split("/record/", 1)[1]
        assert (edited / "site" / path / "index.html").is_file(), entry.link
    place_feed = feedparser.parse((edited / "site/feeds/places/coast-road.atom").read_bytes())
    assert [e.title for e in place_feed.entries] == ["A convoy leaves Town X at dawn (disputed)"]
    page = (edited / "site/events/convoy-departure/index.html").read_text(encoding="utf-8")
    assert 'rel="alternate feed" type="application/atom+xml"' in page and "feeds/changes.atom" in page


def test_the_feed_is_the_same_on_every_build(edited: Path):
    before = (edited / "docs/feeds/changes.atom").read_bytes()
    assert run_cli(edited, "build", "--strict").returncode == 0
    assert (edited / "docs/feeds/changes.atom").read_bytes() == before


def test_without_git_history_the_pages_say_so(tmp_path: Path):
    root = make_workspace(tmp_path / "archive", FIXTURE)
    assert run_cli(root, "build", "--strict").returncode == 0
    page = (root / "docs/events/convoy-departure/index.md").read_text(encoding="utf-8")
    assert "The history of this record is unavailable" in page and "changed:" not in page


# --------------------------------------------------------------------------- history.py, without git


def test_blame_porcelain_is_read_line_by_line():
    a, b, none = "a" * 40, "b" * 40, "0" * 40
    porcelain = "\n".join([
        f"{a} 1 1 2", "author X", "committer-time 1579089600", "committer-tz +0000", "summary First", "filename f",
        "\tline one", f"{a} 2 2", "\tline two",
        f"{b} 3 3 1", "committer-time 1625095800", "committer-tz -0200", "summary Second", "filename f", "\tline three",
        f"{none} 4 4 1", "committer-time 1900000000", "committer-tz +0000", "summary Not Committed Yet", "\tfour",
    ])
    lines, commits = parse_blame(porcelain)
    assert lines == (a, a, b, "")
    assert commits[b] == Commit(b, 1625095800, "2021-06-30", "Second") and none not in commits
    assert commit_date(1625095800, "+0000") == "2021-06-30" and commit_date(1625095800, "+0100") == "2021-07-01"


def test_a_record_owns_its_lines_up_to_the_next_record():
    old, new, doc = (Commit("o" * 40, 1, "2020-01-01", "old"), Commit("n" * 40, 2, "2021-01-01", "new"),
                     Commit("d" * 40, 3, "2022-01-01", "doc"))
    history = History({c.sha: c for c in (old, new, doc)}, {"f.yaml": (old.sha, old.sha, new.sha, old.sha)},
                      {"seeds/s.txt": (doc.sha,)})
    starts = {"first": Location("f.yaml", 1), "second": Location("f.yaml", 3), "source": Location("g.yaml", 1)}
    found = record_commits(history, starts, {"source": "seeds/s.txt"})
    assert found == {"first": (old,), "second": (new, old), "source": (doc,)}
