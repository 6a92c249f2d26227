"""The timeline against record ids that are Object.prototype property names, and the text normalisation twin.

Ids such as `constructor`, `__proto__` and `toString` are legal record ids. The timeline must keep them in
Maps and Sets (never as plain-object keys) and give vis-timeline ids it cannot confuse with object properties.
Before the ES-module rewrite a place `constructor` labelled its filter option
"Constructor City (function Object() { [native code] }1…)" and items with such ids stopped the timeline
("The timeline data could not be loaded").

Run: .venv/bin/python -m pytest tests/browser/test_timeline_hardening.py -q
"""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from .conftest import TALL, serve
from .test_timeline import MAIN, app_state, drawn_item, norm, open_timeline

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = ("constructor", "__proto__", "toString")


def test_python_norm_agrees_with_the_shared_normalise_cases():
    """tests/js/normalise-cases.json is checked against timeline.js normalise() by `node --test tests/js/`."""
    cases = json.loads((ROOT / "tests" / "js" / "normalise-cases.json").read_text(encoding="utf-8"))["cases"]
    assert len(cases) >= 20
    for text, expected in cases:
        assert norm(text) == expected, text


# ----------------------------------------------------------------- the hostile record

def _most_used(data: dict, field: str) -> dict:
    """The entity linked to the most items, but not to all of them (so filtering by it shows a change)."""
    items = data["items"]
    counts = {e["id"]: sum(e["id"] in it[field] for it in items) for e in data[field]}
    partial = [e for e in data[field] if 0 < counts[e["id"]] < len(items)]
    assert partial, f"no {field[:-1]} covers some but not all items"
    return max(partial, key=lambda e: counts[e["id"]])


def _rename(data: dict, renames: dict) -> None:
    """Apply {field: {old: new}} to a timeline file: entity lists, the items' links, ids and groups."""
    for field in ("actors", "places"):
        for entity in data.get(field) or []:
            entity["id"] = renames[field].get(entity["id"], entity["id"])
    for group in data.get("groups") or []:
        group["id"] = renames["groups"].get(group["id"], group["id"])
    for it in data["items"]:
        it["id"] = renames["items"].get(it["id"], it["id"])
        it["group"] = renames["groups"].get(it["group"], it["group"])
        for field in ("actors", "places"):
            it[field] = [renames[field].get(x, x) for x in it[field]]


@pytest.fixture(scope="module")
def hostile(site_dir, tmp_path_factory):
    """A copy of the built site whose timeline data names a place `constructor`, an actor `toString`, three
    events `constructor`, `__proto__` and `toString`, and a row `__proto__`; the place's own page is scoped to
    `place:constructor`."""
    dest = tmp_path_factory.mktemp("hostile") / "site"
    shutil.copytree(site_dir, dest)
    path = dest / "data" / "timeline.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    place, actor = _most_used(data, "places"), _most_used(data, "actors")
    events = [it for it in data["items"] if it["kind"] == "event"][:3]
    renames = {
        "places": {place["id"]: "constructor"},
        "actors": {actor["id"]: "toString"},
        "items": {it["id"]: new for it, new in zip(events, HOSTILE, strict=False)},
        "groups": {data["groups"][1]["id"]: "__proto__"},
    }
    old_place = place["id"]
    _rename(data, renames)
    place["name"], actor["name"] = "Constructor City", "To String Brigade"
    path.write_text(json.dumps(data), encoding="utf-8")

    # The place's page: scoped to place:constructor, reading its own (renamed) file.
    scoped = json.loads((dest / "data" / "timeline" / "places" / f"{old_place}.json").read_text(encoding="utf-8"))
    _rename(scoped, renames)
    scoped["scope"] = "place:constructor"
    (dest / "data" / "timeline" / "places" / "constructor.json").write_text(json.dumps(scoped), encoding="utf-8")
    # Entity pages draw their timeline at build time (issue 13); the app's scoped mode is still there for
    # any page that embeds one, so the place's page gets one here, scoped to place:constructor.
    page = dest / "places" / old_place / "index.html"
    html = page.read_text(encoding="utf-8")
    app = ('<div class="tl-app tl-scoped" data-timeline-src="../../data/timeline/places/constructor.json" '
           'data-site-root="../../" data-scope="place:constructor"></div>')
    assert '<figure class="mini-timeline">' in html, "the place page has no timeline to put the scoped one beside"
    page.write_text(html.replace('<figure class="mini-timeline">', app + '<figure class="mini-timeline">', 1),
                    encoding="utf-8")
    with serve(dest) as base:
        yield {"base": base, "data": data, "place_page": f"places/{old_place}/", "scoped_items": len(scoped["items"])}


def _count(data: dict, field: str, ident: str) -> int:
    return sum(ident in it[field] for it in data["items"])


def _options(page, name: str) -> list[str]:
    return page.eval_on_selector_all(f"{MAIN} select[name={name}] option", "els => els.map(e => e.textContent)")


# ----------------------------------------------------------------- tests

def test_hostile_ids_load_and_label_their_filters(page, hostile):
    data = hostile["data"]
    open_timeline(page, hostile["base"])
    st = app_state(page)
    assert st["count"] == len(data["items"])
    assert set(HOSTILE) <= set(st["visible"])
    assert f"Constructor City ({_count(data, 'places', 'constructor')})" in _options(page, "place")
    assert f"To String Brigade ({_count(data, 'actors', 'toString')})" in _options(page, "actor")
    for text in _options(page, "place")[1:] + _options(page, "actor")[1:]:  # after "All …"
        assert re.fullmatch(r".+ \(\d+\)", text), text
    # The renamed row keeps its label, in the legend and on the timeline.
    label = data["groups"][1]["label"]
    assert label in page.locator(MAIN + " .tl-legend-groups").inner_text()
    assert page.locator(f"{MAIN} .vis-label", has_text=label).count() == 1
    assert page.probe.errors == []


@pytest.mark.parametrize("item_id", HOSTILE)
def test_selected_hostile_id_is_restored(page, hostile, item_id):
    open_timeline(page, hostile["base"], f"?selected={item_id}")
    st = app_state(page)
    assert st["selection"] == [item_id]
    assert st["state"]["selected"] == item_id
    assert parse_qs(urlsplit(page.url).query)["selected"] == [item_id]
    assert page.probe.errors == []


def test_hostile_entity_filters_from_the_url_and_the_controls(page, hostile):
    data = hostile["data"]
    open_timeline(page, hostile["base"], "?actor=toString")
    st = app_state(page)
    assert st["count"] == _count(data, "actors", "toString") < len(data["items"])
    assert set(st["visible"]) == {it["id"] for it in data["items"] if "toString" in it["actors"]}
    assert page.input_value(MAIN + " select[name=actor]") == "toString"

    page.click(MAIN + " .tl-reset")
    page.select_option(MAIN + " select[name=place]", "constructor")
    st = app_state(page)
    assert st["count"] == _count(data, "places", "constructor")
    assert parse_qs(urlsplit(page.url).query).get("place") == ["constructor"]
    assert page.probe.errors == []


def test_hostile_item_is_drawn_with_its_record_id(make_page, hostile):
    page = make_page(TALL)
    open_timeline(page, hostile["base"])
    item = next(it for it in hostile["data"]["items"] if it["id"] == "constructor")
    link = drawn_item(page, "constructor").locator("a.tl-link")
    assert link.get_attribute("data-tl-id") == "constructor"
    assert item["title"] in link.get_attribute("aria-label")
    # vis-timeline's own ids are never record ids: no element says data-id="tl:…" either.
    assert page.locator(MAIN + ' .vis-item[data-id^="tl:"]').count() == 0
    assert page.probe.errors == []


def test_scoped_page_of_a_place_called_constructor(page, hostile):
    page.goto(hostile["base"] + hostile["place_page"])
    page.wait_for_selector('.tl-app[data-scope="place:constructor"][data-tl-state=ready]')
    count = int(page.get_attribute('.tl-app[data-scope="place:constructor"]', "data-tl-count"))
    assert count == hostile["scoped_items"] > 0
    assert page.probe.errors == []


@pytest.mark.parametrize("query", [
    "?selected=__proto__", "?selected=constructor", "?actor=toString",
    "?selected=hasOwnProperty&actor=valueOf&place=constructor&operation=__proto__",
])
def test_hostile_query_on_the_real_record_shows_everything(page, site_server, timeline_data, query):
    """On the real record none of these ids exists: the whole timeline is shown and the address cleaned."""
    ids = {it["id"] for it in timeline_data["items"]}
    assert not ids & {"__proto__", "constructor", "toString", "hasOwnProperty"}
    open_timeline(page, site_server, query)
    st = app_state(page)
    assert st["count"] == len(timeline_data["items"])
    assert st["selection"] == [] and st["state"]["selected"] == "" and st["state"]["actor"] == ""
    page.wait_for_function("() => !/selected=|actor=|place=|operation=/.test(location.search)")
    assert page.locator(MAIN + " .tl-error").count() == 0
    assert page.probe.errors == []


def test_timeline_modules_load_under_a_sub_path(page, site_dir, tmp_path_factory):
    """loader.js imports timeline.js from its own URL, and timeline.js its modules from its own: a site
    published under /project/record/ (a GitHub Pages project site) loads them from there."""
    root = tmp_path_factory.mktemp("subpath")
    shutil.copytree(site_dir, root / "project" / "record")
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    with serve(root) as base:
        open_timeline(page, base + "project/record/")
        modules = sorted(url for url in requested if "/assets/timeline/" in url and url.endswith(".js"))
        assert base + "project/record/assets/timeline/timeline.js" in modules
        assert base + "project/record/assets/timeline/filter.js" in modules
        assert all(url.startswith(base + "project/record/assets/timeline/") for url in modules), modules
        assert page.get_attribute(MAIN, "data-tl-count") == str(len(json.loads(
            (site_dir / "data" / "timeline.json").read_text(encoding="utf-8"))["items"]))
        assert page.probe.errors == []
