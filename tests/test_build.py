"""End to end on the real record: generator + real `mkdocs build --strict`, pages, anchors, exports."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import yaml

from conftest import ROOT, make_workspace, run_cli, tree_digest


def _sources() -> list[dict]:
    return yaml.safe_load((ROOT / "data/sources/sources.yaml").read_text(encoding="utf-8"))


def test_every_source_has_a_page_with_paragraph_anchors_metadata_and_raw_file(built_site: Path):
    for source in _sources():
        page = (built_site / "sources" / source["id"] / "index.html").read_text(encoding="utf-8")
        raw = (ROOT / source["file"]).read_bytes()
        paragraphs = [line for line in raw.decode("utf-8").splitlines() if line.strip()]
        for number in range(1, len(paragraphs) + 1):
            assert f'id="p{number}"' in page, (source["id"], number)
        assert f'id="p{len(paragraphs) + 1}"' not in page
        assert source["sha256"] in page and source["original_name"] in page and source["publisher"] in page
        published = built_site / "sources" / source["id"] / Path(source["file"]).name
        assert published.read_bytes() == raw
        assert hashlib.sha256(raw).hexdigest() == source["sha256"]
        for part in source.get("parts", []):
            assert f'id="{part["anchor"]}"' in page


def test_source_text_is_escaped_not_interpreted(built_site: Path):
    page = (built_site / "sources/blog-derna-airstrikes/index.html").read_text(encoding="utf-8")
    # The tweet text "#Libya @UNSMILibya…" would be a Markdown heading if it were interpreted.
    assert re.search(r"<p lang=\"en\"><a class=\"para-num\" href=\"#p16\"[^>]*>¶16</a> #Libya @UNSMILibyaHere", page)


def test_data_exports_are_documented_and_site_relative(built_site: Path):
    docs = (ROOT / "docs/data.md").read_text(encoding="utf-8")
    for name in ("sources.json", "events.json", "claims.json", "actors.json", "operations.json", "places.geojson",
                 "events.csv", "claims.csv", "timeline.json"):
        assert (built_site / "data" / name).exists(), name
        assert f"data/{name}" in docs, name
    sources = json.loads((built_site / "data/sources.json").read_text())
    assert {s["id"] for s in sources} == {s["id"] for s in _sources()}
    for source in sources:
        assert set(source) >= {"id", "url", "title", "publisher", "date", "file", "sha256"}
        assert source["url"] == f"sources/{source['id']}/" and (built_site / source["url"] / "index.html").exists()
        assert (built_site / source["file"]).exists()
    for claim in json.loads((built_site / "data/claims.json").read_text()):
        page = built_site / claim["url"].split("#")[0] / "index.html"
        assert f'id="{claim["url"].split("#")[1]}"' in page.read_text(encoding="utf-8")
        source_page = (built_site / claim["paragraph_url"].split("#")[0] / "index.html").read_text(encoding="utf-8")
        assert f'id="p{claim["paragraph"]}"' in source_page


def test_the_record_meets_the_curation_targets(built_site: Path):
    data = {name: json.loads((built_site / "data" / name).read_text()) for name in
            ("actors.json", "operations.json", "events.json", "claims.json", "sources.json")}
    places = json.loads((built_site / "data/places.geojson").read_text())["features"]
    assert len(data["actors.json"]) >= 25
    located = [f for f in places if f["geometry"]]
    assert len(located) >= 15 and all(f["properties"]["precision"] and f["properties"]["location_note"] for f in located)
    assert len(data["operations.json"]) >= 8
    assert any(o["parent"] for o in data["operations.json"])
    assert len(data["events.json"]) >= 40
    disputed = [e for e in data["events.json"] if e["status"] == "disputed"]
    assert len(disputed) >= 10
    claims = {c["id"]: c for c in data["claims.json"]}
    for event in disputed:
        speakers = {claims[c]["speaker"]["actor"] or claims[c]["speaker"]["name"]
                    for a in event["dispute"]["accounts"] for c in a["claims"]}
        assert len(event["dispute"]["accounts"]) >= 2 and len(speakers) >= 2, event["id"]
    assert len(claims) >= 120
    for source in data["sources.json"]:
        assert sum(1 for c in claims.values() if c["source"] == source["id"]) >= 5, source["id"]


def test_entity_pages_stay_out_of_the_navigation(built_site: Path):
    events = [p for p in (built_site / "events").iterdir() if (p / "index.html").exists() and not p.name.isdigit()]
    page = (events[0] / "index.html").read_text(encoding="utf-8")
    others = [p.name for p in events[1:]]
    assert sum(1 for name in others if f"events/{name}/" in page) <= 3  # previous/next links, not a nav of all
    index = (built_site / "events/index.html").read_text(encoding="utf-8")
    years = re.findall(r'<a href="([0-9]{4})/">Events of \1</a>', index)
    assert years == sorted(years) and len(years) >= 5, "the events index links to one page per year"
    listed = [re.findall(r'href="\.\./\.\./events/([a-z0-9-]+)/"', (built_site / "events" / year / "index.html")
                         .read_text(encoding="utf-8")) for year in years]
    on_year_pages = [name for names in listed for name in names if not name.isdigit()]  # not the next year
    assert sorted(on_year_pages) == sorted(p.name for p in events), "every event on exactly one year page"


def test_generator_output_is_byte_identical_across_runs(tmp_path: Path):
    first = make_workspace(tmp_path / "one")
    second = make_workspace(tmp_path / "two")
    for root in (first, second):
        result = run_cli(root, "build")
        assert result.returncode == 0, result.stderr
    assert tree_digest(first / "docs") == tree_digest(second / "docs")
    again = run_cli(first, "build")
    assert "0 file(s) written" in again.stdout and "0 removed" in again.stdout


def test_check_runs_fast_on_the_real_record():
    result = run_cli(ROOT, "check", "--strict")
    assert result.returncode == 0, result.stderr
    seconds = float(re.search(r"([0-9.]+) s\)", result.stdout).group(1))
    assert seconds < 5, result.stdout  # a generous bound against accidental quadratic work; the benchmark measures
