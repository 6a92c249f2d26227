"""The public data files read by the tools people use: their published JSON Schemas (jsonschema), Python's csv
module as a spreadsheet would read the CSVs, and the `geojson` package for places.geojson (RFC 7946)."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import geojson
import jsonschema
import pytest

from build_site.export_model import EXPORTS
from build_site.schemas import EXPORT_SCHEMA_FOLDER
from conftest import FIXTURE, ROOT, make_workspace, run_cli

sys.path.insert(0, str(ROOT / "bench"))
from synthetic_record import write_record  # noqa: E402

BOM = b"\xef\xbb\xbf"
CSVS = ("events.csv", "claims.csv", "actors.csv", "places.csv")


def _generate(root: Path) -> Path:
    result = run_cli(root, "build", "--strict")
    assert result.returncode == 0, result.stderr
    return root / "docs" / "data"


@pytest.fixture(scope="module", params=["real", "fixture", "synthetic"])
def data(request, tmp_path_factory) -> Path:
    """docs/data/ generated from the real record, the test fixture and a synthetic record of 60 events."""
    root = tmp_path_factory.mktemp(request.param) / "repo"
    make_workspace(root, FIXTURE if request.param != "real" else ROOT)
    if request.param == "synthetic":
        write_record(root, 60, seed=11)
    return _generate(root)


def _files_of(data: Path, name: str) -> list[Path]:
    file = EXPORTS[name][0]
    return sorted(data.glob(file.replace("<kind>", "*").replace("<id>", "*")))


@pytest.mark.parametrize("name", sorted(EXPORTS))
def test_every_export_is_valid_against_its_published_schema(data: Path, name: str):
    schema = json.loads((data.parent / EXPORT_SCHEMA_FOLDER / f"{name}.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    files = _files_of(data, name)
    assert files, f"no {EXPORTS[name][0]}"
    for file in files:
        errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
                  for e in validator.iter_errors(json.loads(file.read_bytes()))]
        assert not errors, f"{file.name}: {errors[:5]}"


def test_the_schemas_say_what_is_wrong(data: Path):
    schema = json.loads((data.parent / EXPORT_SCHEMA_FOLDER / "events.schema.json").read_text(encoding="utf-8"))
    events = json.loads((data / "events.json").read_bytes())
    events[0]["status"], events[0]["extra"] = "rumoured", 1
    del events[0]["places"]
    messages = sorted(e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(events))
    assert any("'rumoured' is not one of" in message for message in messages), messages
    assert any("'places' is a required property" in message for message in messages), messages
    assert any("Additional properties are not allowed ('extra'" in message for message in messages), messages


def test_timeline_items_are_in_date_order(data: Path):
    timeline = json.loads((data / "timeline.json").read_bytes())
    starts = [item["start"] for item in timeline["items"]]
    assert starts == sorted(starts)
    assert {item["kind"] for item in timeline["items"]} >= {"event"}


@pytest.mark.parametrize("name", CSVS)
def test_csv_files_are_utf8_with_bom_and_crlf_and_parse(data: Path, name: str):
    raw = (data / name).read_bytes()
    assert raw.startswith(BOM), "a byte-order mark, so that spreadsheets read UTF-8"
    assert raw.count(b"\n") == raw.count(b"\r\n"), "CRLF line ends (RFC 4180)"
    with open(data / name, encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file, strict=True))
    assert len({len(row) for row in rows}) == 1, "every row has the header's fields"
    assert rows[0][:2] == ["id", "url"] and len(rows) > 1


@pytest.mark.parametrize("name, listed", [("actors.csv", "actors.json"), ("places.csv", "places.geojson")])
def test_arabic_names_round_trip_through_the_csv(data: Path, name: str, listed: str):
    parsed = json.loads((data / listed).read_bytes())
    records = [f["properties"] for f in parsed["features"]] if listed.endswith("geojson") else parsed
    expected = {r["id"]: r["name_ar"] or "" for r in records}
    with open(data / name, encoding="utf-8-sig", newline="") as file:
        got = {row["id"]: row["name_ar"] for row in csv.DictReader(file)}
    assert got == expected


def test_the_real_record_s_arabic_names_are_in_the_csv(tmp_path_factory):
    data = _generate(make_workspace(tmp_path_factory.mktemp("arabic") / "repo"))
    text = (data / "actors.csv").read_bytes().decode("utf-8-sig")
    arabic = [row["name_ar"] for row in csv.DictReader(io.StringIO(text, newline="")) if row["name_ar"]]
    assert arabic and all(any("\u0600" <= char <= "\u06ff" for char in name) for name in arabic)
    assert "â€" not in text and "’" in (data / "claims.csv").read_bytes().decode("utf-8-sig")


def test_places_geojson_is_valid_rfc_7946(data: Path):
    places = geojson.loads((data / "places.geojson").read_text(encoding="utf-8"))
    assert places.is_valid, places.errors()
    assert isinstance(places, geojson.FeatureCollection)
    for feature in places["features"]:
        geometry = feature["geometry"]
        assert geometry is None or (geometry["type"] == "Point" and -180 <= geometry["coordinates"][0] <= 180
                                    and -90 <= geometry["coordinates"][1] <= 90), "[longitude, latitude]"
        assert (feature["properties"]["precision"] is None) == (geometry is None), "precision null only without a point"
