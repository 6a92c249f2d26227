"""The header search (Pagefind) in Chromium, against the real record built and indexed as `make site` does.

A name's other spellings are aliases on the record's page ("Also written: …"): typing any of them finds
the page. The search loads everything it needs from the site itself; no request leaves 127.0.0.1.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import serve

from .conftest import PHONE

ROOT = Path(__file__).resolve().parents[2]
QUERY = "[data-site-search-query]"
RESULT = ".md-search-result__item a"


@pytest.fixture(scope="module")
def search_url(site_dir: Path, site_server: str) -> str:
    """The built site with its Pagefind index, made by the same command as `make site` (reads pagefind.yml)."""
    result = subprocess.run([sys.executable, "-m", "build_site.search_index", str(site_dir)],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (site_dir / "pagefind" / "pagefind.js").is_file()
    return site_server


def search(page, url: str, query: str) -> list[tuple[str, str]]:
    """Type a query into the header search of `url`: (title, href) of each result shown."""
    page.goto(url)
    if page.viewport_size["width"] < 960:  # on a phone, the search opens from the header's magnifier
        page.click("label.md-header__button[for='__search']")
    page.locator(QUERY).click()
    page.locator(QUERY).press_sequentially(query)
    page.wait_for_selector(RESULT, timeout=20_000)
    results = [(link.inner_text().strip().splitlines()[0], link.get_attribute("href"))
               for link in page.locator(RESULT).all()]
    assert page.probe.errors == []
    assert page.probe.offsite == []
    return results


@pytest.mark.parametrize("spelling", ["Jathran", "Jadhran"])
def test_every_spelling_finds_the_actor(page, search_url, spelling):
    results = search(page, search_url, spelling)
    assert results[0] == ("Ibrahim Jadhran", "/actors/ibrahim-jadhran/"), results


def test_search_works_from_a_nested_page_and_on_a_phone(make_page, search_url):
    phone = make_page(viewport=PHONE, mobile=True)
    results = search(phone, search_url + "actors/ibrahim-jadhran/", "Jathran")
    assert results[0][1] == "/actors/ibrahim-jadhran/"


def test_a_result_opens_its_page_and_closes_the_search(page, search_url):
    search(page, search_url, "Jathran")
    page.locator(RESULT).first.click()
    page.wait_for_url("**/actors/ibrahim-jadhran/")
    assert page.evaluate("document.getElementById('__search').checked") is False


def test_generated_listings_are_not_indexed(page, search_url):
    hrefs = [href for _, href in search(page, search_url, "Jadhran")]
    for listing in ("/actors/", "/events/", "/timeline/", "/disputes/", "/places/", "/operations/", "/sources/"):
        assert listing not in hrefs



def index_hits(page, url: str, query: str) -> list[str]:
    """The URL of every page Pagefind's own API finds for a query, best first (no result is an empty list)."""
    page.goto(url)
    return page.evaluate("""async (q) => {
        const pagefind = await import(new URL("pagefind/pagefind.js", document.baseURI).href);
        const found = await pagefind.search(q);
        return Promise.all(found.results.map(async (r) => (await r.data()).url));
    }""", query)


def test_blocks_repeated_on_every_page_are_not_indexed(page, search_url):
    """Cite boxes, change lists and edit links are on every record page: none is searchable (pagefind.yml)."""
    assert index_hits(page, search_url, "Jadhran"), "the index answers at all"
    records = ("/events/", "/actors/", "/places/", "/operations/", "/sources/")
    for phrase in ("Download the reference", "Record last changed", "Edit this record", "Changes to this record"):
        hits = index_hits(page, search_url, f'"{phrase}"')
        assert not [hit for hit in hits if hit.startswith(records)], (phrase, hits)
    # An event's title is found on its own page, not again on the pages that only list it.
    hrefs = index_hits(page, search_url, "MiG-23 lost near Derna")
    assert hrefs and hrefs[0] == "/events/mig-23-downed-derna/", hrefs
    assert "/actors/abdulkarim-sabra/" not in hrefs, hrefs


def all_hits(page, url: str, query: str) -> list[str]:
    """Every page a query finds through Pagefind's API, with the index's shards merged as the header search does."""
    page.goto(url)
    return page.evaluate("""async (q) => {
        const bundle = new URL("pagefind/", document.baseURI).href;
        const pagefind = await import(bundle + "pagefind.js");
        const shards = await (await fetch(bundle + "shards.json")).json();
        for (const name of shards) {
            await pagefind.mergeIndex(new URL(name, bundle).href, {baseUrl: new URL("../", bundle).pathname});
        }
        const found = await pagefind.search(q);
        return Promise.all(found.results.map(async (r) => (await r.data()).url));
    }""", query)


@pytest.fixture(scope="module")
def sharded_url(site_dir: Path, search_url: str, tmp_path_factory):
    """The same site indexed in shards of 40 pages (a large site's index: build_site/search_index.py)."""
    from build_site import search_index  # noqa: PLC0415

    copy = tmp_path_factory.mktemp("sharded") / "site"
    shutil.copytree(site_dir, copy, ignore=shutil.ignore_patterns("pagefind"))
    shards, pages = search_index.index(copy, shard_pages=40, cwd=ROOT)
    assert pages > 150
    assert shards >= 4
    assert json.loads((copy / "pagefind" / "shards.json").read_text()) == [f"shard-{n}/" for n in range(2, shards + 1)]
    with serve(copy) as base:
        yield base


def test_an_index_in_shards_finds_what_one_index_finds(page, search_url, sharded_url):
    for query in ("Derna", "Jadhran", "Sirte", '"Shura Council"'):
        one = all_hits(page, search_url, query)
        sharded = all_hits(page, sharded_url, query)
        assert one and sorted(sharded) == sorted(one), (query, set(one) - set(sharded), set(sharded) - set(one))


@pytest.mark.parametrize("spelling", ["Jathran", "Jadhran"])
def test_the_header_search_merges_the_shards(page, sharded_url, spelling):
    results = search(page, sharded_url, spelling)
    assert results[0] == ("Ibrahim Jadhran", "/actors/ibrahim-jadhran/"), results
