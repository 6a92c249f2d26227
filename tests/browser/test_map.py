"""The maps in Chromium, without JavaScript: every located place has a marker linking to its page; no other host."""
from __future__ import annotations

import yaml

from conftest import ROOT


def _places() -> list[dict]:
    return yaml.safe_load((ROOT / "data/places/places.yaml").read_text(encoding="utf-8"))


def test_every_located_place_has_a_marker_that_links_to_its_page(browser, site_server):
    context = browser.new_context(java_script_enabled=False, service_workers="block")
    offsite: list[str] = []

    def route(r):
        if r.request.url.startswith(site_server) or r.request.url.startswith("data:"):
            r.continue_()
        else:
            offsite.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.goto(site_server + "map/")
    located = [p for p in _places() if p.get("coordinates")]
    unlocated = [p for p in _places() if not p.get("coordinates")]
    for place in located:
        marker = page.locator(f"#map-main a.map-marker[data-place='{place['id']}']")
        assert marker.count() == 1, place["id"]
        assert place["name"] in marker.get_attribute("aria-label")
        assert marker.locator("circle").first.is_visible()
        href = marker.get_attribute("xlink:href")
        assert page.evaluate("h => new URL(h, location.href).href", href) == f"{site_server}places/{place['id']}/"
    for place in unlocated:  # listed under the map, not dropped
        assert page.locator(f"#not-located ~ ul a[href$='places/{place['id']}/']").count() == 1
    box = page.locator("#map-main").bounding_box()
    assert box and box["width"] > 300 and box["height"] > 150
    page.locator("#map-main a.map-marker[data-place='sirte']").click(force=True)
    page.wait_for_url(f"{site_server}places/sirte/")
    locator = page.locator("figure.map-locator svg a.map-marker[data-place='sirte']")
    assert locator.count() == 1 and locator.locator("circle").first.is_visible()
    assert offsite == []
    context.close()
