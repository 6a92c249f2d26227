"""Broken datasets, one per failure mode: the exact message, its line, a non-zero exit, docs/ untouched.

Each folder under tests/cases/ holds files that replace (or add to) the fixture record, and
`expected.txt`, the exact error output. `make goldens` rewrites the expected files; review the diff.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import FIXTURE, ROOT, UPDATE_GOLDENS, make_workspace, run_cli, tree_digest

CASES = sorted(p for p in (ROOT / "tests" / "cases").iterdir() if p.is_dir())


@pytest.fixture(scope="module")
def good_build(tmp_path_factory) -> Path:
    """A workspace with a previous good build in docs/."""
    root = make_workspace(tmp_path_factory.mktemp("good"), FIXTURE)
    result = run_cli(root, "build", "--strict")
    assert result.returncode == 0, result.stderr
    return root


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_broken_input_is_reported_and_leaves_docs_untouched(case: Path, good_build: Path, tmp_path: Path):
    root = tmp_path / "repo"
    shutil.copytree(good_build, root)
    before = tree_digest(root / "docs")
    for file in sorted((case / "files").rglob("*")):
        if file.is_file():
            target = root / file.relative_to(case / "files")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(file, target)

    result = run_cli(root, "build")

    expected_file = case / "expected.txt"
    if UPDATE_GOLDENS:
        expected_file.write_text(result.stderr, encoding="utf-8")
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stderr == expected_file.read_text(encoding="utf-8")
    assert tree_digest(root / "docs") == before, "a failed build changed docs/"


def test_every_error_names_a_file_and_line():
    for case in CASES:
        lines = (case / "expected.txt").read_text(encoding="utf-8").splitlines()
        errors = [line for line in lines[:-1] if ": warning: " not in line]
        assert errors, case.name
        for error in errors:
            path, line, column = error.split(":")[:3]
            assert (FIXTURE / path).exists() or (case / "files" / path).exists(), error
            assert line.isdigit() and int(line) > 0 and column.isdigit(), error


def test_github_format_annotates_the_line(tmp_path: Path):
    root = make_workspace(tmp_path / "repo", FIXTURE)
    events = root / "data/events/events.yaml"
    events.write_text(events.read_text().replace("role: attacker", "role: atacker"))
    result = run_cli(root, "check", "--format", "github")
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        "::error file=data/events/events.yaml,line=7,col=34::event 'checkpoint-attack', actors[0].role: "
        "expected one of [attacker, target, claimed-responsibility, accused, denied, mediator, participant, "
        "defender, victim, commander, spokesperson, condemned, reported], got 'atacker' (did you mean 'attacker'?)")


def test_warnings_fail_only_when_strict(tmp_path: Path):
    root = make_workspace(tmp_path / "repo", FIXTURE)
    places = root / "data/places/places.yaml"
    places.write_text(places.read_text() + "- id: lonely-hill\n  name: Lonely Hill\n  kind: mountain\n")
    relaxed = run_cli(root, "check")
    assert relaxed.returncode == 0
    assert "place 'lonely-hill', id: expected the place to be referred to" in relaxed.stderr
    strict = run_cli(root, "check", "--strict")
    assert strict.returncode == 1
    assert "run `make register`" in strict.stderr
