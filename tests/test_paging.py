"""Long lists are paged so that no page grows without bound (issue: no page over 500 KB at 10,000 events).

A synthetic record with the limits lowered, so that every kind of paging happens at a size a test can
build: an actor's, place's and operation's events by year (`<page>/<year>/`), the timeline's list by
year (`timeline/<year>/`), "who says what" by year and part, the disputes index in its one-line form.
Every event is still listed, every old anchor is still there, and every link of the built site resolves.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin

import pytest
from test_links import _Links

from conftest import FIXTURE, ROOT, make_workspace, run_mkdocs

sys.path.insert(0, str(ROOT / "bench"))
from build_site import pipeline, views  # noqa: E402
from build_site.link import link  # noqa: E402
from synthetic_record import write_record  # noqa: E402


@pytest.fixture(scope="module")
def paged(tmp_path_factory) -> Path:
    root = make_workspace(tmp_path_factory.mktemp("paged") / "repo", FIXTURE)
    write_record(root, 80, seed=5)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(views, "LIST_LIMIT", 6)
        patch.setattr(views, "TIMELINE_LIST_LIMIT", 20)
        patch.setattr(views, "MATRIX_PAGE_LIMIT", 3)
        patch.setattr(views, "DISPUTES_INDEX_LIMIT", 4)
        patch.setattr(views, "CLAIMS_MADE_LIMIT", 3)
        pipeline.build(root)
    built = run_mkdocs(root, root / "site")
    assert built.returncode == 0 and "WARNING" not in built.stderr, built.stderr
    return root


def _events_linked(html: str) -> set[str]:
    return set(re.findall(r'href="(?:\.\./)+events/([a-z0-9-]+)/"', html))


def test_a_long_list_of_events_is_paged_by_year_and_loses_none(paged: Path):
    docs = paged / "docs"
    paged_pages = [p.parent for p in docs.glob("*/*/[0-9][0-9][0-9][0-9]/index.md")
                   if p.parts[-4] in ("actors", "places", "operations")]
    kinds = {page.parent.parent.name for page in paged_pages}
    assert {"actors", "places"} <= kinds, kinds
    for record_page in {p.parent for p in paged_pages}:
        main = (record_page / "index.md").read_text(encoding="utf-8")
        assert '<ul class="year-list"' in main and '<ul class="event-list">' not in main
        years = sorted(record_page.glob("[0-9][0-9][0-9][0-9]/index.md"))
        for year_link in re.findall(r"<a href=\"(\d{4})/#([a-z0-9-]+)\">", main):  # each year link lands on its list
            year_page = (record_page / year_link[0] / "index.md").read_text(encoding="utf-8")
            assert "{#" + year_link[1] + "}" in year_page
        listed = set().union(*(_events_linked(y.read_text(encoding="utf-8")) for y in years))
        kind, record_id = record_page.parent.name, record_page.name
        record = link(pipeline.check(paged))
        by = {"actors": {a: [r.event for r in roles] for a, roles in record.roles_by_actor.items()},
              "places": record.events_by_place, "operations": record.events_by_operation}[kind]
        expected = {e.id for e in by[record_id]}
        assert listed == expected, (record_page, expected ^ listed)


def test_the_timeline_list_is_paged_by_year(paged: Path):
    main = (paged / "docs" / "timeline" / "index.md").read_text(encoding="utf-8")
    assert "{#list}" in main and 'class="tl-list"' not in main and 'class="tl-app"' in main
    years = sorted((paged / "docs" / "timeline").glob("[0-9][0-9][0-9][0-9]/index.md"))
    assert len(years) > 1
    listed = [e for y in years for e in re.findall(r'data-event-id="([^"]+)"', y.read_text(encoding="utf-8"))]
    assert sorted(listed) == sorted(e for e in pipeline.check(paged).events)


def test_who_says_what_is_paged_by_year_and_part(paged: Path):
    folder = paged / "docs" / "disputes" / "who-says-what"
    parts = list(folder.glob("[0-9][0-9][0-9][0-9]/[0-9]*/index.md"))
    assert parts, "a year of more disputes than the limit is cut into parts"
    columns = [t for p in folder.rglob("index.md") for t in re.findall(r'<th scope="colgroup"[^>]*><a href="[^"]*events/([^/]+)/',
                                                                        p.read_text(encoding="utf-8"))]
    disputed = [e.id for e in pipeline.check(paged).events.values() if e.dispute is not None]
    assert sorted(columns) == sorted(disputed)


def test_the_disputes_index_keeps_every_anchor(paged: Path):
    index = (paged / "docs" / "disputes" / "index.md").read_text(encoding="utf-8")
    assert 'class="index-list dispute-list"' in index
    for event in pipeline.check(paged).events.values():
        if event.status == "disputed":
            assert f'<li id="{event.id}">' in index


def test_every_link_of_the_paged_site_resolves(paged: Path):
    site = paged / "site"
    pages: dict[Path, _Links] = {}

    def parsed(path: Path) -> _Links:
        if path not in pages:
            pages[path] = _Links()
            pages[path].feed(path.read_text(encoding="utf-8"))
        return pages[path]

    broken = []
    for page in site.rglob("*.html"):
        base = "file://" + str(page)
        for _tag, href in parsed(page).links:
            target, anchor = urldefrag(urljoin(base, href))
            target = target.split("?", 1)[0]
            if not target.startswith("file://" + str(site)):
                continue
            path = Path(unquote(target[len("file://"):]))
            path = path / "index.html" if path.is_dir() else path
            if not path.exists():
                broken.append(f"{page.relative_to(site)}: {href}")
            elif anchor and path.suffix == ".html" and anchor not in parsed(path).ids:
                broken.append(f"{page.relative_to(site)}: {href} (no anchor)")
    assert broken == []


def test_a_long_list_of_claims_made_is_one_line_each(paged: Path):
    record = link(pipeline.check(paged))
    speaker, made = max(((actor, [c for c in claims if c.about != actor]) for actor, claims in
                         record.claims_by_speaker.items()), key=lambda found: len(found[1]))
    assert len(made) > 3
    page = (paged / "docs" / "actors" / speaker / "index.md").read_text(encoding="utf-8")
    section = page[page.index("{#claims-made}"):]
    assert 'class="relayed claim-lines"' in section and '<div class="claim ' not in section.split("\n## ")[0]
    for claim in made:  # each links to its card, on the page of what it is about
        assert f'#claim-{claim.id}"' in section
