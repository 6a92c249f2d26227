"""Inputs that are not one record's text (paths, links, the repository's history, the command line):
each refused with its exact message and a non-zero exit, docs/ untouched. Record-level failures are
in tests/cases/."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from build_site.errors import Location, Problem
from build_site.render import _edit_url
from build_site.settings import Settings
from conftest import FIXTURE, make_workspace, run_cli, tree_digest


@pytest.fixture(scope="module")
def good(tmp_path_factory) -> Path:
    root = make_workspace(tmp_path_factory.mktemp("good") / "repo", FIXTURE)
    assert run_cli(root, "build").returncode == 0
    return root


def _refused(good: Path, tmp_path: Path, edit, *args: str) -> str:
    root = tmp_path / "repo"
    shutil.copytree(good, root, symlinks=True)
    before = tree_digest(root / "docs")
    edit(root)
    result = run_cli(root, "build", *args)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert tree_digest(root / "docs") == before, "a failed build changed docs/"
    return result.stderr


def _create(rel: str, text: str = "- id: x\n"):
    def edit(root: Path) -> None:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)
    return edit


FILES = {
    "subfolder": (_create("data/events/extra/more.yaml"),
                  "data/events/extra: expected files of records directly in data/events/, got a folder, whose files "
                  "would not be read (move them up into data/events/)"),
    "file-beside-the-folders": (_create("data/events.yaml"),
                                "data/events.yaml: expected records in the folder data/events/, got the file "
                                "'events.yaml' beside it, which is not read (move it to data/events/events.yaml)"),
    "unknown-extension": (_create("data/events/2019.yml.txt"),
                          "data/events/2019.yml.txt: expected a file of records named with lowercase letters, digits "
                          "and hyphens and ending in `.yaml`, got '2019.yml.txt', which is not read (rename it to "
                          "'2019.yaml', or move it out of data/)"),
    "markup-in-a-file-name": (_create('data/actors/x"><img src=x onerror=alert(1)>.yaml'),
                              "data/actors/x\"><img src=x onerror=alert(1)>.yaml: expected a file of records named "
                              "with lowercase letters, digits and hyphens and ending in `.yaml`, got "
                              "'x\"><img src=x onerror=alert(1)>.yaml', which is not read (rename it to "
                              "'x-img-src-x-onerror-alert-1.yaml', or move it out of data/)"),
    "stray-file": (_create("data/notes.txt", "todo\n"),
                   "data/notes.txt: expected only the folders ['actors', 'claims', 'events', 'operations', 'places', "
                   "'sources'] and published-urls.txt in data/, got 'notes.txt', which is not read (move it out of "
                   "data/, or delete it)"),
    "symlink-out-of-the-repository": (lambda root: (root / "data/events/outside.yaml").symlink_to("/etc/hostname"),
                                      "data/events/outside.yaml: expected a file inside the repository, got a "
                                      "symbolic link to a file outside it: replace the link with the file itself"),
    "symlink-loop": (lambda root: (root / "data/events/loop.yaml").symlink_to("loop.yaml"),
                     "data/events/loop.yaml: expected a file, got a symbolic link that leads back to itself (a "
                     "loop): replace the link with the file itself"),
    "a-data-file-that-is-a-folder": (lambda root: (root / "data/events/more.yaml").mkdir(),
                                     "data/events/more.yaml: expected files of records directly in data/events/, got "
                                     "a folder, whose files would not be read (move them up into data/events/)"),
    "registry-deleted": (lambda root: (root / "data/published-urls.txt").unlink(),
                         "data/published-urls.txt: expected the list of every URL ever published, got no such file "
                         "(restore it: `git checkout HEAD -- data/published-urls.txt`; it is never rebuilt from the "
                         "current records, which would forget the URLs of removed ones)"),
}


@pytest.mark.parametrize("name", sorted(FILES))
def test_every_entry_under_data_is_read_or_refused(name: str, good: Path, tmp_path: Path):
    edit, message = FILES[name]
    stderr = _refused(good, tmp_path, edit)
    assert stderr.splitlines() == [message, "build failed: 1 error, 0 warnings; docs/ was left as it was."]


def test_a_deleted_registry_is_refused_by_register_too(good: Path, tmp_path: Path):
    root = tmp_path / "repo"
    shutil.copytree(good, root)
    (root / "data/published-urls.txt").unlink()
    result = run_cli(root, "register")
    assert result.returncode == 1
    assert not (root / "data/published-urls.txt").exists(), "register rebuilt the registry from current records"


@pytest.mark.parametrize("folder", ["missing", "empty"])
def test_a_missing_or_empty_root_is_an_error(folder: str, tmp_path: Path):
    root = tmp_path / folder
    if folder == "empty":
        root.mkdir()
    for command in ("check", "build"):
        result = run_cli(root, command)
        assert result.returncode == 1, result.stdout
        first = result.stderr.splitlines()[0]
        if folder == "missing":
            assert first == (f"{root}: expected the repository's folder, got no such folder (pass --root the folder "
                             f"that holds data/ and seeds/)")
        else:
            assert first == (f"data: expected the record's folder data/ in '{root}', got none (run from the "
                             f"repository's root, or pass --root)")
    assert not (root / "docs").exists()


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
                        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"})


def test_a_record_removed_with_its_registry_line_still_fails(good: Path, tmp_path: Path):
    root = tmp_path / "repo"
    shutil.copytree(good, root)
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "data", "seeds")
    _git(root, "commit", "-q", "-m", "record")
    places = root / "data/places/places.yaml"
    places.write_text(places.read_text().replace("- id: coast-road\n  name: Coast Road\n  kind: road\n  within: town-x\n",
                                                 ""))
    events = root / "data/events/events.yaml"
    events.write_text(events.read_text().replace("places: [coast-road]", "places: [town-x]"))
    registry = root / "data/published-urls.txt"
    registry.write_text(registry.read_text().replace("places/coast-road/\n", ""))
    _git(root, "commit", "-q", "-am", "remove coast-road and its line")
    commit = subprocess.run(["git", "-C", str(root), "log", "-1", "--format=%h"], capture_output=True,
                            text=True).stdout.strip()
    message = ("data/published-urls.txt: published URL 'places/coast-road/': expected every URL ever listed here to "
               f"stay listed, got it missing, removed in commit {commit} (a published URL never disappears: put the "
               "line back, and restore its record, or add `former_ids: [coast-road]` to the record that replaces it)")
    for args in ((), ("--strict",)):
        result = run_cli(root, "check", *args)
        assert result.returncode == 1, result.stdout + result.stderr
        assert result.stderr.splitlines()[0] == message
    before = tree_digest(root / "docs")
    assert run_cli(root, "build").returncode == 1
    assert run_cli(root, "register").returncode == 1
    assert tree_digest(root / "docs") == before


def test_github_annotation_properties_are_escaped():
    problem = Problem(Location("data/events/a,b:c\n::warning file=x::forged.yaml", 3, 1), "bad 100%\nvalue")
    assert problem.github() == ("::error file=data/events/a%2Cb%3Ac%0A%3A%3Awarning file=x%3A%3Aforged.yaml,line=3,"
                                "col=1::bad 100%25%0Avalue")


def test_the_edit_link_is_percent_encoded():
    class _Record:
        locations = {"x": Location('data/actors/x"><img src=x onerror=alert(1)>.yaml', 2, 1)}

    url = _edit_url(_Record(), Settings(), "x")  # type: ignore[arg-type]
    assert url == ("https://github.com/derna-sirte-record/record/blob/main/data/actors/"
                   "x%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E.yaml#L2")


def test_the_hook_drops_an_edit_link_that_could_break_out_of_its_attribute():
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "overrides"))
    import hooks  # type: ignore[import-not-found]

    class _File:
        src_uri = "events/x/index.md"

    class _Page:
        meta = {"edit_url": 'https://github.com/o/r/blob/main/x"><script>alert(1)</script>'}
        file = _File()
        edit_url = "https://github.com/o/r/edit/main/docs/events/x/index.md"

    page = _Page()
    hooks.on_page_markdown("", page, {}, None)
    assert page.edit_url is None
