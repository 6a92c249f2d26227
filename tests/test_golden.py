"""Golden output: the fixture record's generated pages and data, byte for byte. `make goldens` rewrites them."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import FIXTURE, GENERATED, ROOT, UPDATE_GOLDENS, make_workspace, run_cli, tree_digest

GOLDEN = ROOT / "tests" / "golden"


def test_fixture_pages_match_the_goldens(tmp_path: Path):
    root = make_workspace(tmp_path / "repo", FIXTURE)
    result = run_cli(root, "build", "--strict")
    assert result.returncode == 0, result.stderr
    generated = tmp_path / "generated"
    for folder in GENERATED:
        shutil.copytree(root / "docs" / folder, generated / folder)
    if UPDATE_GOLDENS:
        shutil.rmtree(GOLDEN, ignore_errors=True)
        shutil.copytree(generated, GOLDEN)
    expected, actual = tree_digest(GOLDEN), tree_digest(generated)
    assert sorted(actual) == sorted(expected), "generated files differ from tests/golden (run `make goldens`)"
    for path in expected:
        assert (generated / path).read_bytes() == (GOLDEN / path).read_bytes(), f"{path} differs (run `make goldens`)"
