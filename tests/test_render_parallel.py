"""Rendering on several cores (render.render, forked workers) gives the same pages, byte for byte, in the
same order, as rendering in one process: for the real record and for a synthetic one large enough that
a default build uses every core."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from conftest import FIXTURE, ROOT, make_workspace

sys.path.insert(0, str(ROOT / "bench"))
from build_site import render  # noqa: E402
from build_site.link import link  # noqa: E402
from build_site.pipeline import check  # noqa: E402
from build_site.settings import Settings  # noqa: E402
from synthetic_record import write_record  # noqa: E402


def _outputs(root: Path, workers: int) -> list[tuple[str, bytes]]:
    return [(o.path, o.content) for o in render.render(link(check(root)), Settings(), workers)]


@pytest.mark.parametrize("record", ["real", "synthetic"])
def test_several_processes_render_the_same_bytes(record: str, tmp_path: Path):
    root = make_workspace(tmp_path / "repo", ROOT if record == "real" else FIXTURE)
    if record == "synthetic":
        write_record(root, 400, seed=3)
    one = _outputs(root, 1)
    assert _outputs(root, 2) == one
    assert _outputs(root, 3) == one
    pages = sum(1 for path, _ in one if path.endswith(".md"))
    if record == "synthetic":
        assert render.worker_count(pages) == max(1, render.worker_count(10**6)), "a large record uses every core"
    assert render.worker_count(10) == 1, "a small record stays in one process"
