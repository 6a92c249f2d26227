"""The resident site of `make serve` (build_site/live.py): after an edit, the pages MkDocs builds again one by
one are the bytes a full MkDocs build of the same docs/ makes, and what only a full build can do (a page
added or removed) is left to one."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from build_site.live import LiveSite
from build_site.preview import Resident
from conftest import FIXTURE, free_port, make_workspace


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture
def resident_site(tmp_path: Path):
    root = make_workspace(tmp_path / "repo", FIXTURE)
    resident = Resident(root)
    resident.refresh()
    site = LiveSite(root, f"127.0.0.1:{free_port()}", site_dir=tmp_path / "live")
    yield root, resident, site
    site.close()


def test_pages_updated_one_by_one_equal_a_full_build(resident_site, tmp_path: Path):
    root, resident, site = resident_site
    events = root / "data/events/events.yaml"
    events.write_text(events.read_text(encoding="utf-8").replace(
        "title: Attack on the checkpoint\n", "title: Attack on the gate\n", 1), encoding="utf-8")
    done = resident.refresh()
    pages = [path for path in done.paths if path.endswith(".md")]
    assert "events/checkpoint-attack/index.md" in pages and len(pages) > 3
    assert site.update(done.paths, done.gone)
    updated = _files(site.site_dir)
    assert b"Attack on the gate" in updated["events/checkpoint-attack/index.html"]
    full = LiveSite(root, site.dev_addr, site_dir=tmp_path / "full")
    try:
        reference = _files(full.site_dir)
    finally:
        full.config.plugins.on_shutdown()
    assert updated.keys() == reference.keys()
    differ = sorted(path for path in reference if updated[path] != reference[path])
    # The sitemap is a full build's: the preview leaves it as it was (no page was added or removed).
    assert differ in ([], ["sitemap.xml", "sitemap.xml.gz"], ["sitemap.xml.gz"]), differ
    for path in pages:
        html = path.removesuffix("index.md") + "index.html"
        assert updated[html] == reference[html], html


def test_a_page_added_or_removed_is_left_to_a_full_build(resident_site):
    root, resident, site = resident_site
    assert not site.update(("events/a-new-event/index.md",), ())
    assert not site.update((), ("events/checkpoint-attack/index.md",))
    # A data file is copied as MkDocs copies it.
    (root / "docs/data/events.json").write_bytes(b"[]")
    assert site.update(("data/events.json",), ())
    assert (site.site_dir / "data/events.json").read_bytes() == b"[]"
    assert site.update((), ("data/events.json",))
    assert not (site.site_dir / "data/events.json").exists()
    assert re.search(rb"<h1", (site.site_dir / "events/checkpoint-attack/index.html").read_bytes())
