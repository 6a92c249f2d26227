"""Scale smoke test: the synthetic benchmark record at small N, end to end. No timings are asserted here;
`make bench` measures them (BENCHMARKS.md)."""

from __future__ import annotations

import datetime as dt
import random
import re
import sys
from pathlib import Path
from unittest import mock

import pytest

from conftest import FIXTURE, ROOT, build_all, make_workspace, run_cli, run_mkdocs

sys.path.insert(0, str(ROOT / "bench"))
from synthetic_record import generate, write_record  # noqa: E402

EVENTS = 60


@pytest.fixture(scope="module")
def synthetic_site(tmp_path_factory) -> Path:
    """A workspace holding the synthetic record of 60 events, built (generator + `mkdocs build --strict`)."""
    root = make_workspace(tmp_path_factory.mktemp("synthetic") / "repo", FIXTURE)
    write_record(root, EVENTS, seed=7)
    build_all(root)
    return root


def _written(stdout: str) -> tuple[int, int]:
    found = re.search(r"build: (\d+) file\(s\) written, (\d+) unchanged", stdout)
    assert found, stdout
    return int(found.group(1)), int(found.group(2))


def test_the_same_seed_gives_the_same_record():
    first, again, other = generate(EVENTS, seed=3), generate(EVENTS, seed=3), generate(EVENTS, seed=4)
    assert first == again
    assert first != other
    assert all(path.startswith(("data/", "seeds/")) for path in first)


def test_the_record_is_synthetic_complete_and_valid(synthetic_site: Path):
    result = run_cli(synthetic_site, "check", "--strict")
    assert result.returncode == 0, result.stderr
    counts = re.search(r"(\d+) events, (\d+) claims", result.stdout)
    assert int(counts.group(1)) == EVENTS and int(counts.group(2)) > EVENTS
    events = "".join(p.read_text(encoding="utf-8") for p in (synthetic_site / "data" / "events").glob("*.yaml"))
    assert events.count("status: disputed") >= EVENTS // 10
    assert "syn-event-00042" in events
    ids = re.findall(r"^- id: (\S+)", events, flags=re.M)
    assert ids and all(i.startswith("syn-") for i in ids)
    assert (synthetic_site / "site" / "events" / "syn-event-00042" / "index.html").is_file()


def test_editing_one_event_rewrites_only_what_shows_it(synthetic_site: Path):
    docs = synthetic_site / "docs"
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in docs.rglob("*") if p.is_file()}
    events = synthetic_site / "data" / "events"
    target = sorted(events.glob("*.yaml"))[0]
    text = target.read_text(encoding="utf-8")
    title = re.search(r"title: '?(Synthetic event \d+)", text).group(1)
    target.write_text(text.replace(title, title + " (edited)", 1), encoding="utf-8")

    result = run_cli(synthetic_site, "build", "--strict")
    assert result.returncode == 0, result.stderr
    written, unchanged = _written(result.stdout)
    after = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in docs.rglob("*") if p.is_file()}
    changed = sorted(p for p in after if p in before and after[p][0] != before[p][0])
    touched = sorted(p for p in after if p in before and after[p][1] != before[p][1])
    assert touched == changed, "a file was rewritten with the same content"
    assert 0 < written == len(changed)
    showing = sorted(p for p in after if (title + " (edited)").encode("utf-8") in after[p][0])
    assert changed == showing, "rewritten: exactly the files that show the edited title"
    assert written < (written + unchanged) / 5

    again = run_cli(synthetic_site, "build", "--strict")
    assert _written(again.stdout)[0] == 0


def test_a_preview_renders_one_year_and_what_it_refers_to(synthetic_site: Path, tmp_path: Path):
    result = run_cli(synthetic_site, "build", "--only", "year=2015")
    assert result.returncode == 0, result.stderr
    assert "a preview of part of the record (year=2015)" in result.stdout
    pages = sorted(p.parent.name for p in (synthetic_site / "docs" / "events").glob("*/index.md"))
    assert "2015" in pages, "the year's own page"
    pages.remove("2015")
    years = {}
    for file in (synthetic_site / "data" / "events").glob("*.yaml"):
        for event_id in re.findall(r"^- id: (\S+)", file.read_text(encoding="utf-8"), flags=re.M):
            years[event_id] = file.stem
    assert pages and len(pages) < EVENTS
    assert {years[p] for p in pages} == {"2015"}
    built = run_mkdocs(synthetic_site, tmp_path / "site")
    assert built.returncode == 0, built.stderr

    wrong = run_cli(synthetic_site, "build", "--only", "actor=nobody")
    assert wrong.returncode == 1
    assert "--only: expected the id of an actor, got 'nobody', which does not exist" in wrong.stderr
    restored = run_cli(synthetic_site, "build", "--strict")
    assert restored.returncode == 0 and _written(restored.stdout)[0] > 0


def test_plain_dates_are_described_as_the_edtf_library_describes_them():
    """dates.describe() reads plain dates itself (the library takes milliseconds each); same answers."""
    from build_site import dates

    def described(text: str):
        try:
            return dates.describe(text)
        except Exception as error:  # the error, too, must be the same
            return type(error).__name__, str(error)

    rnd = random.Random(5)
    singles = []
    for _ in range(60):
        day = dt.date(2011, 1, 1) + dt.timedelta(days=rnd.randrange(3000))
        singles += [day.isoformat(), day.strftime("%Y-%m"), str(day.year)]
    qualified = [text + rnd.choice(["", "~", "?", "%"]) for text in singles]
    samples = qualified[:80] + [f"{rnd.choice(qualified)}/{rnd.choice(qualified)}" for _ in range(60)]
    samples += [f"{rnd.choice(qualified)}/.." for _ in range(10)]
    samples += ["2016-02-29", "2015-02-29", "2016-04-31", "2016-13", "2016-00", "2016-21", "2016/2015",
                "2019-05-01/..", "../2016", "2016-04-20T10:00", "16"]
    for text in samples:
        fast = described(text)
        with mock.patch.object(dates, "_describe_plain", lambda _: None):
            slow = described(text)
        assert fast == slow, text
