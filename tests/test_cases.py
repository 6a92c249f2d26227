"""Broken datasets, one per failure mode: the exact message, its line, a non-zero exit, docs/ untouched.

Each case is one file, `tests/cases/<name>.yaml`: what it shows (`intent`), the edits that break the
fixture record (`edits`: `replace` text found exactly once in `file` `with` other text, or `with_latin1`
for bytes that are not UTF-8, or `create` a new file), and the exact error output (`expected`).
`make goldens` rewrites every `expected`; review the diff.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from conftest import FIXTURE, ROOT, UPDATE_GOLDENS, make_workspace, run_cli, tree_digest

CASES = sorted((ROOT / "tests" / "cases").glob("*.yaml"))


class _Block(str):
    """A multi-line string, written back as a YAML block scalar."""


yaml.add_representer(_Block, lambda dumper, data: dumper.represent_scalar("tag:yaml.org,2002:str", data, style="|"),
                     Dumper=yaml.SafeDumper)


def load_case(path: Path) -> dict:
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert set(case) == {"intent", "edits", "expected"}, f"{path.name}: expected intent, edits and expected"
    return case


def apply_edits(root: Path, case: dict, name: str) -> None:
    """Break the record in `root` as the case says."""
    for edit in case["edits"]:
        target = root / edit["file"]
        if "create" in edit:
            assert not target.exists(), f"{name}: {edit['file']} exists; use `replace`"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(edit["create"].encode("utf-8"))
            continue
        content = target.read_bytes()
        old = edit["replace"].encode("utf-8")
        new = edit["with_latin1"].encode("latin-1") if "with_latin1" in edit else edit["with"].encode("utf-8")
        assert content.count(old) == 1, f"{name}: the text to replace must occur once in {edit['file']}"
        target.write_bytes(content.replace(old, new))


@pytest.fixture(scope="module")
def good_build(tmp_path_factory) -> Path:
    """A workspace with a previous good build in docs/."""
    root = make_workspace(tmp_path_factory.mktemp("good"), FIXTURE)
    result = run_cli(root, "build", "--strict")
    assert result.returncode == 0, result.stderr
    return root


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_broken_input_is_reported_and_leaves_docs_untouched(path: Path, good_build: Path, tmp_path: Path):
    case = load_case(path)
    root = tmp_path / "repo"
    shutil.copytree(good_build, root)
    before = tree_digest(root / "docs")
    apply_edits(root, case, path.stem)

    result = run_cli(root, "build")

    if UPDATE_GOLDENS:
        case["expected"] = _Block(result.stderr)
        case["edits"] = [{key: _Block(value) if isinstance(value, str) and "\n" in value else value
                          for key, value in edit.items()} for edit in case["edits"]]
        path.write_text(yaml.safe_dump(case, sort_keys=False, allow_unicode=True, width=1000), encoding="utf-8")
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stderr == case["expected"]
    assert tree_digest(root / "docs") == before, "a failed build changed docs/"


def test_every_error_names_a_file_and_line():
    for path in CASES:
        case = load_case(path)
        lines = case["expected"].splitlines()
        errors = [line for line in lines[:-1] if ": warning: " not in line]
        assert errors, path.name
        created = {edit["file"] for edit in case["edits"] if "create" in edit}
        for error in errors:
            file, line, column = error.split(":")[:3]
            assert (FIXTURE / file).exists() or file in created, error
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
