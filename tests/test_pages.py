"""Pages people read, link to and cite: redirects, anchors, link previews, edit links, citations."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from urllib.parse import unquote


def test_former_id_redirects_keeping_the_fragment(fixture_url: str, browser):
    base = fixture_url
    page = browser.new_page()
    page.goto(base + "events/checkpoint-assault/#claim-alpha-attacked-checkpoint")
    page.wait_for_url(re.compile(r".*/events/checkpoint-attack/#claim-alpha-attacked-checkpoint$"))
    assert page.locator("#claim-alpha-attacked-checkpoint").is_visible()
    page.close()


def test_a_former_claim_id_still_anchors(fixture_site: Path):
    page = (fixture_site / "events/convoy-departure/index.html").read_text(encoding="utf-8")
    assert 'id="claim-beta-30-vehicles"' in page and 'id="claim-beta-thirty-vehicles"' in page


def test_link_previews_and_canonical(fixture_site: Path):
    page = (fixture_site / "events/convoy-departure/index.html").read_text(encoding="utf-8")
    assert '<meta property="og:title" content="A convoy leaves Town X">' in page
    assert re.search(r'<meta property="og:description" content="April 2016, approximate\. Disputed', page)
    assert '<meta property="og:url" content="https://derna-sirte-record.github.io/record/events/convoy-departure/">' in page
    assert '<meta name="twitter:card" content="summary_large_image">' in page  # issue 13: the site image
    assert '<link rel="canonical" href="https://derna-sirte-record.github.io/record/events/convoy-departure/">' in page


def test_edit_opens_the_yaml_record_at_its_line(fixture_site: Path):
    page = (fixture_site / "events/convoy-departure/index.html").read_text(encoding="utf-8")
    edit = "https://github.com/derna-sirte-record/record/blob/main/data/events/events.yaml#L12"
    assert f'href="{edit}" title="Edit this page"' in page, "Material's edit button points at the record"
    assert f'<a href="{edit}">Edit this record</a>' in page
    index = (fixture_site / "events/index.html").read_text(encoding="utf-8")
    assert 'title="Edit this page"' not in index, "generated index pages have no single record to edit"
    assert "docs/events/" not in index


def test_citation_text_and_downloads(fixture_site: Path):
    page = (fixture_site / "events/convoy-departure/index.html").read_text(encoding="utf-8")
    assert "“A convoy leaves Town X”. Derna and Sirte, 2012–2018: a record of the sources." in page
    downloads = dict((name, unquote(html.unescape(href))) for href, name in
                     re.findall(r'<a href="(data:[^"]*)" download="([^"]+)"', page))
    assert set(downloads) == {"convoy-departure.json", "convoy-departure.bib"}, "both downloads, in the page"
    media, csl = downloads["convoy-departure.json"].split(",", 1)
    assert media == "data:application/vnd.citationstyles.csl+json;charset=utf-8"
    assert json.loads(csl)[0]["URL"] == "https://derna-sirte-record.github.io/record/events/convoy-departure/"
    media, bib = downloads["convoy-departure.bib"].split(",", 1)
    assert media == "data:application/x-bibtex;charset=utf-8" and bib.startswith("@misc{convoy-departure,\n")
    assert not list(fixture_site.rglob("cite.*")), "no file per page for the downloads"


def test_claims_link_to_the_exact_paragraph_and_sources_link_back(fixture_site: Path):
    event = (fixture_site / "events/convoy-departure/index.html").read_text(encoding="utf-8")
    assert 'href="../../sources/alpha-report/#p3">Alpha Report, paragraph 3</a>' in event
    source = (fixture_site / "sources/alpha-report/index.html").read_text(encoding="utf-8")
    paragraph = source[source.index('id="p3"'):source.index('id="p4"')]
    assert 'href="../../events/convoy-departure/#claim-beta-thirty-vehicles"' in paragraph


def test_dispute_table_traces_each_cell_to_claims(fixture_site: Path):
    # Issue 13: the points in dispute are laid out point by point (a section per point), not as a table.
    page = (fixture_site / "events/convoy-departure/index.html").read_text(encoding="utf-8")
    row = re.search(r'<section class="point" id="point-vehicles".*?</section>', page, flags=re.S).group(0)
    assert "30" in row and "about 12" in row
    assert 'href="#claim-beta-thirty-vehicles"' in row and 'href="#claim-witnesses-twelve-trucks"' in row


def test_hidden_debris_is_recorded_not_silent(fixture_site: Path):
    source = (fixture_site / "sources/alpha-report/index.html").read_text(encoding="utf-8")
    assert re.search(r'<details class="para para-hidden" id="p6">\s*<summary>.*Hidden: A comment form', source)
    assert "Leave a Reply" in source


def test_each_entity_page_has_a_timeline_file_of_its_own_items_and_draws_them(fixture_site: Path):
    full = json.loads((fixture_site / "data/timeline.json").read_text(encoding="utf-8"))
    checked = 0
    for field in ("actors", "operations", "places"):
        for entity in full[field]:
            scoped = json.loads((fixture_site / f"data/timeline/{field}/{entity['id']}.json").read_text(encoding="utf-8"))
            expected = [{k: v for k, v in item.items() if k != "terms"} for item in full["items"]
                        if entity["id"] in item[field]]
            assert scoped["items"] == expected and scoped["version"] == full["version"]
            assert [g["id"] for g in scoped["groups"]] == [g["id"] for g in full["groups"]
                                                         if g["id"] in {item["group"] for item in expected}]
            # Issue 13: the page draws these items at build time and fetches nothing; the file stays as data.
            page = (fixture_site / field / entity["id"] / "index.html").read_text(encoding="utf-8")
            assert "data-timeline-src" not in page
            if expected:
                assert page.count('<li class="mini-tl-') == len(expected)
                checked += 1
    assert checked >= 3
