"""The interactive timeline in a real Chromium, against the real built site served on 127.0.0.1.

Run: .venv/bin/python -m pytest tests/browser -q
"""
from __future__ import annotations

import json
import re
import shutil
import sys
import unicodedata
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from playwright.sync_api import expect

from .conftest import PHONE, TALL, serve

ROOT = Path(__file__).resolve().parents[2]
MAIN = ".tl-app:not([data-scope])"
MAIN_READY = MAIN + "[data-tl-state=ready]"


# ----------------------------------------------------------------- helpers

def norm(s: str) -> str:
    """Python twin of timeline.js normalise(): case-, accent- and punctuation-insensitive."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = re.sub(r"['\u2018\u2019\u02bb\u02bc\u02be\u02bf`\u00b4\u0640]", "", s).lower()
    return " ".join(re.sub(r"[^\w]+|_", " ", s).split())


def open_timeline(page, base: str, query: str = ""):
    page.goto(base + "timeline/" + query)
    page.wait_for_selector(MAIN_READY)
    return page


def app_state(page) -> dict:
    return page.evaluate(
        """(sel) => {
            const root = document.querySelector(sel);
            const app = root.__tlApp;
            const w = app.timeline.getWindow();
            const iso = d => d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0');
            return {
                count: Number(root.dataset.tlCount),
                visible: app.visibleItems.map(i => i.id),
                start: iso(w.start), end: iso(w.end),
                state: Object.assign({}, app.state),
                selection: app.timeline.getSelection().map(String),
            };
        }""",
        MAIN,
    )


def rendered_ids(page, scope: str = MAIN) -> set[str]:
    """Ids of the items drawn as DOM elements, scrolling the timeline vertically through every row."""
    ids: set[str] = set()
    center = page.locator(scope + " .vis-panel.vis-center").first
    box = center.bounding_box()
    last_top = None
    for _ in range(200):
        ids |= set(page.eval_on_selector_all(scope + " .vis-item[data-id]", "els => els.map(e => e.dataset.id)"))
        top = page.eval_on_selector(scope + " .vis-panel.vis-center .vis-content", "e => e.style.top")
        if top == last_top:
            break
        last_top = top
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + min(box["height"] / 2, 200))
        page.mouse.wheel(0, 300)
        page.wait_for_timeout(60)
    return ids


def event_page_path(item: dict) -> str:
    return "/" + item["url"].strip("/") + "/"


def wait_for_page_of(page, item: dict):
    """Wait until the browser shows the item's own page (full load or instant navigation)."""
    path = event_page_path(item)
    page.wait_for_function(
        """(path) => location.pathname.endsWith(path) && document.querySelector('h1')
                   && !document.querySelector('.tl-app:not([data-scope])')""",
        arg=path,
    )
    h1 = page.locator("h1").first.inner_text()
    assert norm(item["title"])[:40] in norm(h1), (h1, item["title"])


def drawn_item(page, item_id: str, scope: str = MAIN):
    return page.locator(f'{scope} .vis-item[data-id="{item_id}"]').first


def drawn_events(page, data) -> list[dict]:
    """Events whose link is drawn in the current view (rows can be scrolled out of view), day-precise first."""
    drawn = set(page.eval_on_selector_all(MAIN + " .vis-item[data-id] a.tl-link", "els => els.map(e => e.dataset.tlId)"))
    events = [it for it in data["items"] if it["kind"] == "event"]
    found = [it for it in sorted(events, key=lambda it: bool(it.get("end"))) if it["id"] in drawn]
    assert found, "no event is drawn in the default view"
    return found


def facet_with_partial_coverage(data, field: str):
    total = len(data["items"])
    best = None
    for entity in data[field]:
        n = sum(1 for it in data["items"] if entity["id"] in it[field])
        if 0 < n < total and (best is None or n > best[1]):
            best = (entity, n)
    assert best, f"no {field[:-1]} covers some but not all items"
    return best


# ------------------------------------------------------------------- tests

def test_items_render_and_count_matches_data(make_page, site_server, timeline_data, site_dir):
    page = make_page(TALL)
    open_timeline(page, site_server)
    items = timeline_data["items"]
    assert items, "timeline.json has no items"
    st = app_state(page)
    assert st["count"] == len(items)
    assert sorted(st["visible"]) == sorted(it["id"] for it in items)
    threshold = page.evaluate("SiteTimeline.CLUSTER_THRESHOLD")
    drawn = rendered_ids(page)
    if len(items) <= threshold:
        # The default view shows every item, each as its own element.
        assert drawn == {it["id"] for it in items}
        assert page.locator(MAIN + " .vis-cluster").count() == 0
    else:
        clustered = sum(int(t) for t in page.locator(MAIN + " .vis-cluster .tl-cluster-btn").all_inner_texts())
        assert len(drawn) + clustered >= len(items) * 0.9
    # Every group the data uses is a labelled row, and the legend names it.
    used = {it["group"] for it in items}
    labels = {g["id"]: g["label"] for g in timeline_data["groups"]}
    legend = page.locator(MAIN + " .tl-legend-groups").inner_text()
    for gid in used:
        assert labels.get(gid, gid) in legend
    assert page.locator(MAIN + " .vis-label").count() == len(used)
    # The generator's list is still there, whole.
    html = (site_dir / "timeline" / "index.html").read_text(encoding="utf-8")
    list_html = html[html.index('<ol class="tl-list"'):]
    assert page.locator("ol.tl-list > li").count() == list_html[: list_html.index("</ol>")].count("<li")
    assert page.probe.errors == []


def test_click_item_opens_its_page(page, site_server, timeline_data):
    open_timeline(page, site_server)
    target = drawn_events(page, timeline_data)[0]
    drawn_item(page, target["id"]).locator("a.tl-link").click()
    wait_for_page_of(page, target)
    assert page.probe.errors == []


def test_dragging_from_an_item_pans_without_opening_it(page, site_server, timeline_data):
    open_timeline(page, site_server)
    target = drawn_events(page, timeline_data)[0]
    before = app_state(page)
    link = drawn_item(page, target["id"]).locator("a.tl-link")
    link.scroll_into_view_if_needed()
    box = link.bounding_box()
    x, y = box["x"] + 10, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    for step in range(1, 11):
        page.mouse.move(x - 12 * step, y)
    page.mouse.up()
    page.wait_for_timeout(500)
    assert urlsplit(page.url).path.endswith("/timeline/")
    after = app_state(page)
    assert (after["start"], after["end"]) != (before["start"], before["end"])
    assert "start" in parse_qs(urlsplit(page.url).query)


def test_enter_on_focused_item_opens_its_page(page, site_server, timeline_data):
    open_timeline(page, site_server)
    # Tab from the timeline area lands on an item link.
    page.focus(MAIN + " .tl-canvas")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.matches('.tl-app .vis-item a.tl-link')")
    target = drawn_events(page, timeline_data)[-1]
    link = drawn_item(page, target["id"]).locator("a.tl-link")
    link.focus()
    label = link.get_attribute("aria-label")
    assert target["date_label"] in label and target["title"] in label
    page.keyboard.press("Enter")
    wait_for_page_of(page, target)
    # Back restores the timeline with the item selected (kept in the URL).
    page.go_back()
    page.wait_for_selector(MAIN_READY)
    st = app_state(page)
    assert st["selection"] == [target["id"]]
    assert parse_qs(urlsplit(page.url).query)["selected"] == [target["id"]]
    assert page.probe.errors == []


def test_arrow_keys_move_between_items(page, site_server, timeline_data):
    open_timeline(page, site_server)
    st = app_state(page)
    drawn = set(page.eval_on_selector_all(MAIN + " .vis-item[data-id] a.tl-link", "els => els.map(e => e.dataset.tlId)"))
    # In time order; the next item may be in a row scrolled out of view.
    i = next(k for k, x in enumerate(st["visible"][:-1]) if x in drawn)
    first, second = st["visible"][i], st["visible"][i + 1]
    page.locator(f'{MAIN} a.tl-link[data-tl-id="{first}"]').focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("(id) => document.activeElement && document.activeElement.dataset.tlId === id", arg=second)
    page.keyboard.press("ArrowLeft")
    page.wait_for_function("(id) => document.activeElement && document.activeElement.dataset.tlId === id", arg=first)


def test_filters_reduce_items(page, site_server, timeline_data):
    open_timeline(page, site_server)
    items = timeline_data["items"]
    total = len(items)

    actor, n = facet_with_partial_coverage(timeline_data, "actors")
    page.select_option(MAIN + " select[name=actor]", actor["id"])
    st = app_state(page)
    assert st["count"] == n < total
    assert set(st["visible"]) == {it["id"] for it in items if actor["id"] in it["actors"]}
    drawn = set(page.eval_on_selector_all(MAIN + " .vis-item[data-id]", "els => els.map(e => e.dataset.id)"))
    assert drawn <= set(st["visible"])
    assert parse_qs(urlsplit(page.url).query).get("actor") == [actor["id"]]
    # The generator's list follows the filter.
    hidden = page.eval_on_selector_all("ol.tl-list li[hidden]", "els => els.map(e => e.dataset.eventId)")
    assert set(hidden).isdisjoint(st["visible"])

    page.click(MAIN + " .tl-reset")
    assert app_state(page)["count"] == total

    disputed = [it["id"] for it in items if it["status"] == "disputed"]
    page.check(MAIN + " input[name=disputed]")
    st = app_state(page)
    assert sorted(st["visible"]) == sorted(disputed)
    assert parse_qs(urlsplit(page.url).query).get("disputed") == ["1"]
    page.click(MAIN + " .tl-reset")

    for field, name in (("operations", "operation"), ("places", "place")):
        entity, n = facet_with_partial_coverage(timeline_data, field)
        page.select_option(f"{MAIN} select[name={name}]", entity["id"])
        assert app_state(page)["count"] == n
        page.click(MAIN + " .tl-reset")
    assert page.probe.errors == []


def test_text_filter_matches_aliases_case_and_accent_insensitively(page, site_server, timeline_data):
    open_timeline(page, site_server)
    items = timeline_data["items"]
    actors = [a for a in timeline_data["actors"] if a.get("aliases") and any(a["id"] in it["actors"] for it in items)]
    assert actors, "no actor with an alias is linked to an item"
    # The contract's example first ("Jathran"), else any alias.
    actor = next((a for a in actors if any("jathran" in norm(x) for x in a["aliases"])), actors[0])
    alias = next((x for x in actor["aliases"] if "jathran" in norm(x)), actor["aliases"][0])
    # Type it folded to ASCII and upper case: matching ignores case and diacritics.
    typed = "".join(c for c in unicodedata.normalize("NFKD", alias) if not unicodedata.combining(c)).upper()
    page.fill(MAIN + " input[name=text]", typed)
    page.wait_for_function("(q) => new URLSearchParams(location.search).get('text') === q", arg=typed)
    st = app_state(page)
    linked = {it["id"] for it in items if actor["id"] in it["actors"]}
    assert linked <= set(st["visible"]), f"{alias!r} should find every item of {actor['id']}"
    assert set(st["visible"]) == {it["id"] for it in items if norm(alias) in norm(it["terms"] + " " + it["title"] + " " + it["date_label"])}

    page.fill(MAIN + " input[name=text]", "zzqx-no-such-thing")
    page.wait_for_function(f"() => document.querySelector('{MAIN}').dataset.tlCount === '0'")
    assert page.locator(MAIN + " .tl-empty").is_visible()


def test_url_state_round_trips(make_page, site_server, timeline_data):
    items = timeline_data["items"]
    actor, _ = facet_with_partial_coverage(timeline_data, "actors")
    chosen = next(it for it in items if actor["id"] in it["actors"])
    word = max(norm(chosen["title"]).split(), key=len)
    query = {"start": "2015-01-01", "end": "2016-12-31", "actor": actor["id"], "text": word, "selected": chosen["id"]}
    page = make_page()
    open_timeline(page, site_server, "?" + urlencode(query))
    st = app_state(page)
    assert (st["start"], st["end"]) == ("2015-01-01", "2016-12-31")
    assert st["state"]["actor"] == actor["id"] and st["state"]["q"] == word
    assert page.input_value(MAIN + " select[name=actor]") == actor["id"]
    assert page.input_value(MAIN + " input[name=text]") == word
    expected = {it["id"] for it in items if actor["id"] in it["actors"] and norm(word) in norm(it["terms"] + " " + it["title"] + " " + it["date_label"])}
    assert set(st["visible"]) == expected and chosen["id"] in expected
    assert st["selection"] == [chosen["id"]]
    # Restoring did not change the address.
    assert {k: v[0] for k, v in parse_qs(urlsplit(page.url).query).items()} == query

    # Change the view, then open the address in a fresh browser context: same view.
    page.check(MAIN + " input[name=disputed]")
    page.click(MAIN + " button[data-act=zoom-in]")
    page.wait_for_function("() => new URLSearchParams(location.search).get('disputed') === '1'")
    page.wait_for_timeout(400)  # the window is written to the URL after a short debounce
    shared = page.url
    before = app_state(page)
    other = make_page()
    other.goto(shared)
    other.wait_for_selector(MAIN_READY)
    after = app_state(other)
    for key in ("count", "visible", "start", "end"):
        assert after[key] == before[key], key
    assert after["state"]["disputed"] is True
    assert other.is_checked(MAIN + " input[name=disputed]")
    assert page.probe.errors == [] and other.probe.errors == []


def test_no_console_errors_and_no_offsite_requests(make_page, site_server, timeline_data, site_dir):
    target = next(it for it in timeline_data["items"] if it["kind"] == "event")
    scoped = sorted(p for p in site_dir.rglob("index.html") if 'data-scope="' in p.read_text(encoding="utf-8"))
    pages = ["", "timeline/", event_page_path(target).lstrip("/")]
    if scoped:
        pages.append(scoped[0].parent.relative_to(site_dir).as_posix() + "/")
    for path in pages:
        page = make_page()
        page.goto(site_server + path, wait_until="networkidle")
        if page.locator(".tl-app").count():
            page.wait_for_selector(".tl-app[data-tl-state=ready]")
            page.wait_for_timeout(300)
        assert page.probe.errors == [], (path, page.probe.errors)
        assert page.probe.offsite == [], (path, page.probe.offsite)


def test_entity_pages_link_to_the_timeline_filtered_to_them(page, site_server, site_dir, timeline_data):
    # Issue 13 changed this: entity pages no longer embed a scoped interactive timeline (they draw their
    # items at build time, without vis-timeline); their link opens the full timeline filtered to them.
    assert not [p for p in site_dir.rglob("index.html") if 'data-scope="' in p.read_text(encoding="utf-8")]
    checked = 0
    for kind in ("actor", "place", "operation"):
        html = sorted((site_dir / (kind + "s")).glob("*/index.html"),
                      key=lambda p: -p.read_text(encoding="utf-8").count('class="mini-tl-'))[0]
        ident = html.parent.name
        expected = {it["id"] for it in timeline_data["items"] if ident in it[kind + "s"]}
        page.goto(site_server + f"{kind}s/{ident}/")
        page.click(".mini-timeline figcaption a")
        page.wait_for_selector(MAIN + "[data-tl-state=ready]")
        assert parse_qs(urlsplit(page.url).query).get(kind) == [ident]
        assert set(app_state(page)["visible"]) == expected
        checked += 1
    assert checked == 3
    assert page.probe.errors == []


def test_xss_titles_render_as_text(make_page, xss_site):
    site, img_id, script_id = xss_site
    with serve(site) as base:
        page = make_page(TALL)
        open_timeline(page, base)
        title = page.locator(f'{MAIN} .vis-item[data-id="{img_id}"] .tl-title').inner_text()
        assert title == '<img src=x onerror="window.__xss=1">'
        second = page.locator(f'{MAIN} .vis-item[data-id="{script_id}"]')
        assert second.locator(".tl-title").inner_text() == '<script>window.__xss=2</script>"><b>bold</b>'
        assert second.locator("a").count() == 0, "a javascript: URL must not become a link"
        second.locator(".tl-title").click()
        page.locator(f'{MAIN} .vis-item[data-id="{img_id}"] .tl-title').hover()
        page.wait_for_selector(MAIN + " .vis-tooltip", state="visible")
        assert '<img src=x onerror="window.__xss=1">' in page.locator(MAIN + " .vis-tooltip").inner_text()
        assert '<img src=y onerror="window.__xss=4">' in page.locator(MAIN + " .vis-labelset").inner_text()
        page.wait_for_timeout(300)
        assert page.evaluate("window.__xss") is None
        assert page.locator(f"{MAIN} img, {MAIN} script, {MAIN} .vis-timeline b").count() == 0
        assert page.probe.dialogs == []
        assert page.probe.errors == []


def test_instant_navigation_initialises_once(page, site_server, timeline_data):
    page.goto(site_server)
    uses_instant = page.evaluate("typeof window.document$ !== 'undefined'")
    # Reach the timeline through a link on the home page (instant navigation when enabled).
    page.locator('a[href$="timeline/"]').filter(visible=True).first.click()
    page.wait_for_selector(MAIN_READY)
    assert page.locator(MAIN + " .vis-timeline").count() == 1
    page.evaluate("SiteTimeline.initAll(document)")
    page.wait_for_timeout(200)
    assert page.locator(MAIN + " .vis-timeline").count() == 1
    assert page.locator(MAIN + " .tl-controls").count() == 1
    candidates = drawn_events(page, timeline_data)
    target = candidates[1 % len(candidates)]
    drawn_item(page, target["id"]).locator("a.tl-link").click()
    wait_for_page_of(page, target)
    page.go_back()
    page.wait_for_selector(MAIN_READY)
    assert page.locator(MAIN + " .vis-timeline").count() == 1
    assert app_state(page)["selection"] == [target["id"]]
    if uses_instant:
        # Stylesheets survive instant navigation (Material drops unknown <head> children).
        assert page.locator("link[data-tl-asset]").count() == 2
        assert page.evaluate("SiteTimeline.instances().length") == 1
    assert page.probe.errors == []


def test_phone_layout_and_tap(make_page, site_server, timeline_data):
    page = make_page(PHONE, mobile=True)
    open_timeline(page, site_server)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    # Filters are folded away on a phone; the timeline comes first.
    assert not page.locator(MAIN + " select[name=actor]").is_visible()
    assert page.locator(MAIN + " .tl-canvas").bounding_box()["y"] < 2 * PHONE["height"]
    page.locator(MAIN + " .tl-filters-toggle").tap()
    for sel in (MAIN + " select[name=actor]", MAIN + " input[name=text]", MAIN + " button[data-act=fit]"):
        box = page.locator(sel).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"] + 1, sel
    target = drawn_events(page, timeline_data)[0]
    drawn_item(page, target["id"]).locator("a.tl-link").tap()
    wait_for_page_of(page, target)
    assert page.probe.errors == []


@pytest.fixture(scope="module")
def big_site(site_dir, tmp_path_factory):
    """The built site with 3,000 synthetic items: clustering must switch on, and off when filtered."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from synthetic import synthetic_timeline
    finally:
        sys.path.pop(0)
    dest = tmp_path_factory.mktemp("big") / "site"
    shutil.copytree(site_dir, dest)
    (dest / "data" / "timeline.json").write_text(json.dumps(synthetic_timeline(3000, seed=7)), encoding="utf-8")
    return dest


def test_large_timeline_clusters(make_page, big_site):
    with serve(big_site) as base:
        page = make_page()
        open_timeline(page, base)
        assert page.get_attribute(MAIN, "data-tl-count") == "3000"
        expect(page.locator(MAIN + " .vis-cluster").first).to_be_visible()
        assert page.locator(MAIN + " .vis-item").count() < 600
        # Zooming into a cluster through the keyboard works.
        page.locator(MAIN + " .tl-cluster-btn").first.focus()
        before = app_state(page)
        page.keyboard.press("Enter")
        after = app_state(page)
        assert (after["start"], after["end"]) != (before["start"], before["end"])
        # Few items: no clusters, each item drawn.
        page.fill(MAIN + " input[name=text]", "event 1234 ")
        page.wait_for_function(f"() => Number(document.querySelector('{MAIN}').dataset.tlCount) < 20")
        page.click(MAIN + " button[data-act=fit]")
        # vis-timeline redraws on the next animation frame: let the locators retry.
        expect(page.locator(MAIN + " .vis-cluster")).to_have_count(0)
        expect(page.locator(f'{MAIN} .vis-item[data-id="ev-1234"]')).to_have_count(1)
        assert page.probe.errors == []
