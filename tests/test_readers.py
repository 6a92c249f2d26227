"""Pages every reader can use, and links that preview well (issue 13): link previews read back with a real
Open Graph parser on every page kind, no raw front matter, a 404 page that works under the site's sub-path,
index pages with titles, the no-JavaScript timeline with operations."""

from __future__ import annotations

import html
import json
import re
import struct
import urllib.error
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import extruct
import pytest
from subpath import PREFIX, serve_under_subpath

from build_site import previews
from build_site.settings import DEFAULT_REPO_URL, DEFAULT_SITE_URL, Settings

SITE_NAME = Settings().site_name
RECORD_KINDS = ("sources", "actors", "places", "operations", "events")


def _pages(site: Path) -> dict[str, Path]:
    """One page of every kind: hand-written, index, year, matrix, each record kind, and the 404 page."""
    def first(kind: str) -> str:
        return sorted(p.parent.name for p in (site / kind).glob("*/index.html") if not p.parent.name.isdigit())[0]
    paths = ["", "methodology/", "data/", "benchmarks/", "timeline/", "events/", "events/2016/", "disputes/",
             "disputes/who-says-what/", "actors/", "places/", "operations/", "sources/"]
    paths += [f"{kind}/{first(kind)}/" for kind in RECORD_KINDS]
    found = {path: site / path / "index.html" for path in paths}
    found["404.html"] = site / "404.html"
    return found


def _open_graph(page: Path) -> dict[str, list[str]]:
    data = extruct.extract(page.read_text(encoding="utf-8"), syntaxes=["opengraph"], uniform=False)
    properties: dict[str, list[str]] = {}
    for block in data["opengraph"]:
        for key, value in block["properties"]:
            properties.setdefault(key, []).append(value)
    return properties


def _meta(page: str, name: str) -> str:
    found = re.search(rf'<meta name="{re.escape(name)}" content="([^"]*)"', page)
    assert found, f"no {name}"
    return html.unescape(found.group(1))


def _whole_words(text: str) -> bool:
    """Within the limit, and either whole or cut after a word with an ellipsis."""
    return len(text) <= previews.DESCRIPTION_LIMIT and (not text.endswith("…") or text[-2].isalnum()
                                                        or text[-2] in ".)”’\"'")


def test_link_previews_on_every_page_kind(built_site: Path):
    image = built_site / previews.IMAGE_PATH
    assert image.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", image.read_bytes()[16:24]) == previews.IMAGE_SIZE, "the image is 1200×630"
    for path, file in _pages(built_site).items():
        og = _open_graph(file)
        text = file.read_text(encoding="utf-8")
        record = path.split("/")[0] in RECORD_KINDS and path.count("/") == 2 and not path.split("/")[1].isdigit()
        assert og["og:type"] == ["article" if record else "website"], path
        assert og["og:site_name"] == [SITE_NAME] and og["og:locale"] == ["en_GB"], path
        assert og["og:image"] == [DEFAULT_SITE_URL + previews.IMAGE_PATH], path
        assert og["og:image:width"] == ["1200"] and og["og:image:height"] == ["630"], path
        assert og["og:image:alt"] == [previews.IMAGE_ALT] and og["og:image:type"] == ["image/png"], path
        assert og["og:title"][0].strip() and og["og:description"][0].strip(), path
        assert _whole_words(og["og:description"][0]), (path, og["og:description"][0])
        assert _meta(text, "twitter:card") == "summary_large_image", path
        assert _meta(text, "twitter:image") == og["og:image"][0] and _meta(text, "twitter:image:alt"), path
        assert _meta(text, "twitter:description") == og["og:description"][0], path
        if path != "404.html":
            assert og["og:url"] == [DEFAULT_SITE_URL + path], path
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert f"<title>{html.escape(SITE_NAME, quote=False)}</title>" in home, "the home page is titled with the site's name"
    assert _open_graph(built_site / "index.html")["og:title"] == [SITE_NAME]


def test_every_description_ends_on_a_whole_word_within_160_characters(built_site: Path):
    checked = 0
    for page in built_site.rglob("*.html"):
        found = re.search(r'<meta name="description" content="([^"]*)"', page.read_text(encoding="utf-8"))
        if found:
            text = html.unescape(found.group(1))
            assert _whole_words(text), (page, text)
            checked += 1
    assert checked > 100


@pytest.mark.parametrize(("text", "expected"), [
    ("Short enough.", "Short enough."),
    ("word " * 40, ("word " * 32).strip() + "…"),
    ("x" * 200, "x" * 159 + "…"),
    ("  spaced\n\nout  ", "spaced out"),
    ("a" * 150 + " bb, cccccccccccccc", "a" * 150 + " bb…"),
])
def test_description_helper(text: str, expected: str):
    assert previews.description(text) == expected
    assert len(previews.description(text)) <= 160


def test_no_page_shows_raw_front_matter(built_site: Path):
    for page in built_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        article = re.search(r"<article[^>]*>(.*?)</article>", text, flags=re.S)
        if not article:
            continue
        assert not re.search(r"(^|>)\s*(title|description|hide|edit_url|preview_type):\s", article.group(1), re.M), page


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []
        self.forms = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in ("a", "link") and attributes.get("href"):
            self.hrefs.append(attributes["href"])
        if tag == "script" and attributes.get("src"):
            self.hrefs.append(attributes["src"])
        if tag == "form" and "data-site-search-elsewhere" in attributes:
            self.forms += 1


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_the_404_page_helps_and_works_under_the_sub_path(built_site: Path):
    with serve_under_subpath(built_site) as base:
        missing = base + "events/no-such-event/deeper/"
        with pytest.raises(urllib.error.HTTPError) as raised:
            urllib.request.urlopen(missing, timeout=10)
        assert raised.value.code == 404
        body = raised.value.read().decode("utf-8")
        assert "URLs are permanent" in body and f'href="{DEFAULT_REPO_URL}/issues' in body
        links = _Links()
        links.feed(body)
        assert links.forms == 1, "a search box"
        local = [urljoin(missing, href) for href in links.hrefs if urlsplit(urljoin(missing, href)).hostname == "127.0.0.1"]
        assert len(local) > 15
        for index in ("events/", "actors/", "places/", "operations/", "sources/", "disputes/", "timeline/"):
            assert base + index in local, index
        broken = [url for url in dict.fromkeys(local) if _status(url.split("#")[0]) != 200]
        assert broken == [], "every link of the 404 page resolves under the sub-path"
        assert all(urlsplit(url).path.startswith(PREFIX) for url in local)


def test_events_index_and_year_pages_list_titles_and_keep_month_anchors(built_site: Path):
    events = json.loads((built_site / "data" / "timeline.json").read_text(encoding="utf-8"))["items"]
    index = (built_site / "events" / "index.html").read_text(encoding="utf-8")
    year = (built_site / "events" / "2016" / "index.html").read_text(encoding="utf-8")
    for item in events:
        if item["kind"] == "event":
            assert f'events/{item["id"]}/">{html.escape(item["title"])}</a>' in index.replace("&#39;", "&#x27;").replace("&#34;", "&quot;"), item["id"]
    assert 'id="m2016-04"' in index and 'id="m2016-04"' in year
    unknown = re.search(r'<h2 id="m2016-unknown">2016, month not known', year)
    assert unknown, "year-only events sit under a heading that says the month is not known"
    january = year.find('id="m2016-01"')
    assert january == -1 or unknown.start() < january
    year_only = [it for it in events if it["kind"] == "event" and it["precision"] == "year" and it["date"].startswith("2016")]
    assert year_only, "the record has year-only events in 2016"
    section = year[unknown.start():january if january != -1 else None]
    for item in year_only:
        assert f'events/{item["id"]}/"' in section, item["id"]


def test_the_timeline_without_javascript_lists_events_and_operations_in_order(built_site: Path):
    data = json.loads((built_site / "data" / "timeline.json").read_text(encoding="utf-8"))
    page = (built_site / "timeline" / "index.html").read_text(encoding="utf-8")
    listed = re.findall(r'<li data-(event|operation)-id="([^"]+)">', page)
    operations = [it["id"] for it in data["items"] if it["kind"] == "operation"]
    assert {i for k, i in listed if k == "operation"} == set(operations) and operations
    assert {i for k, i in listed if k == "event"} == {it["id"] for it in data["items"] if it["kind"] == "event"}
    starts = {it["id"]: it["start"] for it in data["items"]}
    order = [starts[i] for _, i in listed]
    assert order == sorted(order), "in time order"


def test_entity_pages_draw_their_timeline_without_the_library(built_site: Path):
    checked = 0
    for kind, facet in (("actors", "actor"), ("places", "place"), ("operations", "operation")):
        for page in (built_site / kind).glob("*/index.html"):
            text = page.read_text(encoding="utf-8")
            assert "tl-app" not in text and "data-timeline-src" not in text, page
            if "mini-timeline" in text:
                assert f'href="../../timeline/?{facet}={page.parent.name}"' in text, page
                assert "<svg" in text
                checked += 1
    assert checked >= 10


@pytest.mark.parametrize(("edtf", "known"), [
    ("2016-04", True), ("2016-04-18", True), ("2016-04~", True), ("2016", False), ("2016?", False),
    ("2016~", False), ("2015/2016", False), ("2016-05/2016-12", True), ("2016-21", True),
])
def test_which_dates_say_their_month(edtf: str, known: bool):
    from build_site.dates import describe
    from build_site.views import month_known

    assert month_known(describe(edtf)) is known
