"""Pages every reader can use (issue 13), in the browser: axe-core (node_modules, pinned in package.json) on
every page type at desktop and phone width in both colour schemes; no page or dispute scrolls sideways on a
phone; entity pages make no request for vis-timeline; keyboard paths through the search and the timeline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from subpath import serve_under_subpath

from tests.browser.conftest import DESKTOP, PHONE, READY

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = ("serious", "critical")
MAIN = ".tl-app:not(.tl-scoped)"


@pytest.fixture(scope="session")
def axe_source() -> str:
    assert AXE.is_file(), f"{AXE} is missing: run `npm ci`"
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def record_base(site_dir):
    """The site under /record/, with its 404 page for missing URLs (as GitHub Pages serves it)."""
    with serve_under_subpath(site_dir) as base:
        yield base


def _events(site_dir: Path, status: str) -> list[str]:
    items = json.loads((site_dir / "data" / "timeline.json").read_text(encoding="utf-8"))["items"]
    return [it["id"] for it in items if it["kind"] == "event" and it["status"] == status]


def _first(site_dir: Path, kind: str) -> str:
    return sorted(p.parent.name for p in (site_dir / kind).glob("*/index.html"))[0]


@pytest.fixture(scope="session")
def page_types(site_dir) -> dict[str, str]:
    """Every page type, by name → path under the site."""
    pages = {"home": "", "methodology": "methodology/", "timeline": "timeline/", "events index": "events/",
             "year": "events/2016/", "disputes index": "disputes/", "who says what": "disputes/who-says-what/",
             "actors index": "actors/", "places index": "places/", "operations index": "operations/",
             "sources index": "sources/", "actor": "actors/khalifa-haftar/", "place": "places/derna/",
             "operation": f"operations/{_first(site_dir, 'operations')}/",
             "source": f"sources/{_first(site_dir, 'sources')}/",
             "established event": f"events/{_events(site_dir, 'established')[0]}/",
             "single-source event": f"events/{_events(site_dir, 'single-source')[0]}/",
             "disputed event": f"events/{_events(site_dir, 'disputed')[0]}/",
             "404": "no-such-page/"}
    for name, path in pages.items():
        assert name == "404" or (site_dir / path / "index.html").is_file(), path
    return pages


def _open(page, url: str, scheme: str) -> None:
    page.goto(url)
    if page.locator(".tl-app").count():
        page.wait_for_selector(READY)
    if scheme == "slate":
        page.evaluate("""() => { document.body.setAttribute('data-md-color-scheme', 'slate');
                                 document.body.setAttribute('data-md-color-primary', 'blue-grey');
                                 document.body.setAttribute('data-md-color-accent', 'deep-orange'); }""")
    page.wait_for_timeout(150)  # Material's colour transitions


def _violations(page, axe_source: str) -> list[str]:
    page.evaluate(axe_source)  # by evaluation, not a <script> tag: a Content-Security-Policy would refuse that
    found = page.evaluate("""async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
        .filter(v => ['serious', 'critical'].includes(v.impact))
        .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' — '
             + (n.failureSummary || '').split('\\n').slice(1, 2).join('')).join(' | '))""")
    return found


@pytest.mark.parametrize("scheme", ["default", "slate"])
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_axe_finds_no_serious_violation_on_any_page_type(make_page, record_base, page_types, axe_source, viewport,
                                                         scheme):
    page = make_page(viewport=viewport, mobile=viewport is PHONE)
    page.emulate_media(reduced_motion="reduce")
    problems = {}
    for name, path in page_types.items():
        _open(page, record_base + path, scheme)
        found = _violations(page, axe_source)
        if found:
            problems[name] = found
    # The header search open with a result (drawn as search.js draws one: the test site has no Pagefind
    # index), its highlight and an Arabic run included.
    _open(page, record_base + "methodology/", scheme)
    page.evaluate("""() => { document.getElementById('__search').checked = true;
        document.querySelector('[data-site-search-results]').innerHTML =
          '<li class="md-search-result__item"><a class="md-search-result__link" href="#" tabindex="-1">'
          + '<article class="md-search-result__article md-typeset"><h1 dir="auto">Khalifa Haftar</h1>'
          + '<p dir="ltr">Kind Armed group. Arabic <bdi lang="ar" dir="rtl">خليفة حفتر</bdi> <mark>Haftar</mark> led the'
          + ' LNA</p></article></a></li>'; }""")
    page.wait_for_timeout(300)
    found = _violations(page, axe_source)
    if found:
        problems["search results"] = found
    assert problems == {}, json.dumps(problems, indent=1, ensure_ascii=False)
    assert page.probe.offsite == []


def test_no_page_type_and_no_dispute_scrolls_sideways_on_a_phone(make_page, record_base, page_types, site_dir):
    page = make_page(viewport=PHONE, mobile=True)
    paths = dict(page_types)
    paths.update({f"dispute {i}": f"events/{i}/" for i in _events(site_dir, "disputed")})
    wide = {}
    for name, path in paths.items():
        page.goto(record_base + path)
        if page.locator(".tl-app").count():
            page.wait_for_selector(READY)
        width = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
        if width[0] > width[1]:
            wide[name] = width
        dispute = page.evaluate("""() => { const d = document.querySelector('.dispute-points');
            if (!d) return null;
            const over = [...d.querySelectorAll('*')].filter(e => e.scrollWidth > e.clientWidth + 1
                                                       || e.getBoundingClientRect().right > window.innerWidth + 0.5);
            return over.map(e => e.className || e.tagName); }""")
        if dispute:
            wide[name + " (dispute)"] = dispute
    assert wide == {}


def test_a_dispute_uses_the_full_width_and_keeps_point_labels_in_view(make_page, record_base, site_dir):
    page = make_page(viewport={"width": 1920, "height": 1000})
    disputed = _events(site_dir, "disputed")
    most = max(disputed, key=lambda i: (site_dir / "events" / i / "index.html").read_text(encoding="utf-8")
               .count('class="position'))
    page.goto(record_base + f"events/{most}/")
    box = page.locator(".dispute-points").bounding_box()
    assert box["width"] > 1400, "wider than Material's 61rem column"
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 1920
    label = page.locator(".point-label").first
    assert page.evaluate("e => getComputedStyle(e).position", label.element_handle()) == "sticky"
    page.emulate_media(media="print")
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    page.emulate_media(media="screen")


def test_entity_pages_make_no_request_for_vis_timeline(make_page, record_base, page_types):
    page = make_page()
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    for name in ("actor", "place", "operation"):
        requested.clear()
        page.goto(record_base + page_types[name])
        page.wait_for_load_state("networkidle")
        assert page.locator(".mini-timeline").count() == 1, name
        assert not [u for u in requested if "vis-timeline" in u or "/timeline/timeline.js" in u], name
        link = page.locator(".mini-timeline figcaption a")
        assert "timeline/?" in link.get_attribute("href")
    link.click()
    page.wait_for_selector(READY)
    assert [u for u in requested if "vis-timeline" in u], "the timeline page loads it"
    count = int(page.get_attribute(MAIN, "data-tl-count"))
    assert 0 < count < len(json.loads(page.evaluate("() => JSON.stringify([...document.querySelectorAll('ol.tl-list > li')].map(l => l.hidden))")))


def test_tabbing_past_the_header_search_closes_its_overlay(make_page, record_base):
    page = make_page()
    page.goto(record_base + "methodology/")
    page.keyboard.press("/")
    assert page.evaluate("() => document.getElementById('__search').checked")
    for _ in range(6):
        page.keyboard.press("Tab")
        if not page.evaluate("() => document.querySelector('[data-site-search]').contains(document.activeElement)"):
            break
    assert not page.evaluate("() => document.querySelector('[data-site-search]').contains(document.activeElement)")
    assert not page.evaluate("() => document.getElementById('__search').checked"), "the overlay closed"


def test_arrow_keys_walk_the_timeline_on_a_phone_with_each_item_in_view(make_page, site_server):
    page = make_page(viewport=PHONE, mobile=True)
    page.goto(site_server + "timeline/")
    page.wait_for_selector(MAIN + "[data-tl-state=ready]")
    first = page.locator(MAIN + " .tl-link").first
    first.focus()
    seen = [page.evaluate("() => document.activeElement.getAttribute('data-tl-id')")]
    for _ in range(8):
        page.keyboard.press("ArrowRight")
        page.wait_for_function("""last => { const a = document.activeElement;
            return a && a.getAttribute('data-tl-id') && a.getAttribute('data-tl-id') !== last; }""",
                               arg=seen[-1], timeout=3000)
        page.wait_for_timeout(100)
        state = page.evaluate("""() => { const a = document.activeElement, c = a.closest('.tl-canvas');
            const p = c && c.querySelector('.vis-panel.vis-center');
            const b = a.getBoundingClientRect(), f = p ? p.getBoundingClientRect() : null;
            return { id: a.getAttribute('data-tl-id'), inCanvas: !!c,
                     inView: !!f && b.left >= f.left - 1 && b.left <= f.right - 24
                             && b.top >= 0 && b.bottom <= window.innerHeight }; }""")
        assert state["inCanvas"] and state["id"], f"focus left the timeline after {len(seen)} steps"
        assert state["inView"], f"item {state['id']} is focused off-screen"
        assert state["id"] not in seen, "each step moves on"
        seen.append(state["id"])


def test_the_404_page_search_box_opens_the_search(make_page, record_base):
    page = make_page()
    page.goto(record_base + "no/such/page/")
    page.fill("#not-found-query", "Derna")
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.getElementById('__search').checked")
    assert page.input_value("[data-site-search-query]") == "Derna"


def test_in_print_no_dispute_and_no_table_is_cut(make_page, record_base, site_dir):
    page = make_page(viewport={"width": 794, "height": 1123})  # A4 at 96 dpi
    page.emulate_media(media="print")
    disputed = _events(site_dir, "disputed")
    for path in ["disputes/who-says-what/", "sources/", "places/", "operations/", f"events/{disputed[0]}/"]:
        page.goto(record_base + path)
        cut = page.evaluate("""() => [...document.querySelectorAll('.md-content table, .md-content table *, .dispute-points *')]
            .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).map(e => e.tagName + '.' + e.className)""")
        assert cut == [], path
        assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"), path


def test_timeline_labels_are_not_clipped_at_the_right_edge(make_page, site_server):
    for viewport in (DESKTOP, PHONE):
        page = make_page(viewport=viewport, mobile=viewport is PHONE)
        page.goto(site_server + "timeline/")
        page.wait_for_selector(MAIN + "[data-tl-state=ready]")
        page.wait_for_timeout(300)
        clipped = page.evaluate("""sel => { const panel = document.querySelector(sel + ' .vis-panel.vis-center');
            const frame = panel.getBoundingClientRect();
            return [...panel.querySelectorAll('.vis-item:not(.vis-cluster) .vis-item-content')].filter(c => {
                const b = c.getBoundingClientRect();
                const visible = b.right > frame.left && b.left < frame.right && b.bottom > frame.top && b.top < frame.bottom;
                return visible && b.width < frame.width - 4 && b.right > frame.right + 1; }).map(c => c.textContent); }""", MAIN)
        assert clipped == [], viewport
