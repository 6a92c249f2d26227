"""The resident preview (build_site/preview.py) re-reads only what changed and re-renders only the pages
that can differ, yet after every kind of edit docs/ is byte-identical to a full build of the same files;
a bad edit raises its error and leaves the last good docs/ untouched."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from build_site.errors import BuildError  # noqa: E402
from build_site.layout import GENERATED_DIRS as GENERATED  # noqa: E402
from build_site.preview import Resident  # noqa: E402
from build_site.settings import Settings  # noqa: E402
from conftest import make_workspace, run_cli, tree_digest


def _edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def _full_build_digest(root: Path, tmp: Path) -> dict[str, str]:
    other = tmp / "full"
    shutil.rmtree(other, ignore_errors=True)
    shutil.copytree(root, other)
    for folder in GENERATED:
        shutil.rmtree(other / "docs" / folder, ignore_errors=True)
    result = run_cli(other, "build")
    assert result.returncode == 0, result.stderr
    return tree_digest(other / "docs")


EDITS = {
    "event title": ("data/events/2016.yaml", "- id: mig-23-downed-derna\n  title: ",
                    "- id: mig-23-downed-derna\n  title: Edited, "),
    "actor name": ("data/actors/actors.yaml", "name: Abdulkarim Sabra", "name: Abdul-Karim Sabra"),
    "lines added above other records": ("data/places/places.yaml", "- id: derna\n",
                                        "# a comment line\n# and another\n- id: derna\n"),
    "event moved in time": ("data/events/2016.yaml", 'MiG-23 lost near Derna\n  date: "2016"',
                            'MiG-23 lost near Derna\n  date: "2015"'),
    "claim wording": ("data/claims/blog-derna-airstrikes.yaml", "asserts: ", "asserts: Reportedly, "),
}


@pytest.fixture(scope="module")
def resident(tmp_path_factory):
    root = make_workspace(tmp_path_factory.mktemp("preview") / "repo")
    preview = Resident(root, Settings())
    first = preview.refresh()
    assert first.pages_rendered > 100
    return root, preview


@pytest.mark.parametrize("edit", list(EDITS))
def test_a_refresh_after_an_edit_equals_a_full_build(resident, edit: str, tmp_path: Path):
    root, preview = resident
    file, old, new = EDITS[edit]
    _edit(root / file, old, new)
    done = preview.refresh()
    assert done.changed_files == [file]
    assert 0 < done.pages_rendered < 200, done  # not every page
    assert tree_digest(root / "docs") == _full_build_digest(root, tmp_path)
    again = preview.refresh()
    assert again.changed_files == [] and again.pages_rendered == 0


def test_an_actor_dropped_from_an_event_leaves_its_page(resident, tmp_path: Path):
    root, preview = resident
    events = root / "data" / "events" / "2016.yaml"
    text = events.read_text(encoding="utf-8")
    block = re.search(r"- id: mig-23-downed-derna\n(?:  .*\n|\n)*?", text)
    assert block
    actors = re.search(r"  actors:\n((?:    - .*\n(?:      .*\n)*)+)", text[block.start():])
    assert actors
    first = re.match(r"    - .*\n(?:      .*\n)*", actors.group(1))
    assert first and first.end() < len(actors.group(1)), "the event has more than one participant"
    start = block.start() + actors.start(1)
    events.write_text(text[:start] + text[start + first.end():], encoding="utf-8")
    preview.refresh()
    assert tree_digest(root / "docs") == _full_build_digest(root, tmp_path)


def test_a_bad_edit_raises_and_leaves_the_last_good_preview(resident):
    root, preview = resident
    before = tree_digest(root / "docs")
    actors = root / "data" / "actors" / "actors.yaml"
    good = actors.read_text(encoding="utf-8")
    _edit(actors, "- id: lna-general-command\n", "- id: lna-general-command\n  kind: no-such-kind\n")
    with pytest.raises(BuildError) as error:
        preview.refresh()
    assert "actors.yaml" in str(error.value.problems[0])
    assert tree_digest(root / "docs") == before
    actors.write_text(good, encoding="utf-8")
    preview.refresh()
    assert tree_digest(root / "docs") == before


def test_the_edited_page_first_then_the_rest_equals_a_full_build(resident, tmp_path: Path):
    """`make serve` writes the edited record's own page first (`later`), the pages that list or name it after
    (`finish`), the exports last; a second save before `finish` is taken in too."""
    root, preview = resident
    events = root / "data" / "events" / "2016.yaml"
    _edit(events, "- id: mig-23-downed-derna\n  title: ", "- id: mig-23-downed-derna\n  title: First, ")
    first = preview.refresh(later=True)
    pages = [path for path in first.paths if path.endswith(".md")]
    assert pages == ["events/mig-23-downed-derna/index.md"], first.paths
    assert first.gone == (), "the first round removes nothing it does not render again"
    assert preview.pages_due and preview.exports_due
    _edit(root / "data/claims/blog-derna-airstrikes.yaml", "asserts: ", "asserts: Again, ")
    second = preview.refresh(later=True)
    assert second.changed_files == ["data/claims/blog-derna-airstrikes.yaml"]
    rest = preview.finish()
    assert rest.pages_rendered > 3 and not preview.pages_due
    assert any(re.fullmatch(r"events/\d{4}/index.md", path) for path in rest.paths)  # its year names its new title
    preview.export()
    assert tree_digest(root / "docs") == _full_build_digest(root, tmp_path)


def test_a_first_round_with_no_page_of_its_own_writes_and_removes_nothing(resident, tmp_path: Path):
    """A claim has no page: the first round renders nothing, and the second brings every page up to date."""
    root, preview = resident
    before = tree_digest(root / "docs")
    _edit(root / "data/claims/blog-derna-airstrikes.yaml", "asserts: ", "asserts: Once more, ")
    first = preview.refresh(later=True)
    assert first.changed_files == ["data/claims/blog-derna-airstrikes.yaml"]
    assert first.paths == () and first.gone == ()
    assert tree_digest(root / "docs") == before
    preview.finish()
    preview.export()
    assert tree_digest(root / "docs") == _full_build_digest(root, tmp_path)
