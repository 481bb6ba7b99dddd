"""Downloads real tools read: the CSV loads back through the atlas' loader, GeoJSON opens in geopandas, the
TimelineJS JSON has one slide per event dated as precisely as the source."""
import io
import json
import shutil

import geopandas
import pandas as pd
import pytest

from conftest import FIXTURE_DATA, FIXTURE_GEO
from steppe.downloads import EVENT_COLUMNS, events_csv, events_geojson, timeline_dates, timelinejs
from steppe.load import load_atlas


def test_the_csv_export_loads_back_through_the_loader_unchanged(fixture_atlas, tmp_path):
    # the fixture has no formula-like cell, so nothing is neutralised and the round trip is exact
    shutil.copytree(FIXTURE_DATA, tmp_path / "data")
    (tmp_path / "data" / "events.csv").write_bytes(events_csv(fixture_atlas.events))
    again = load_atlas(tmp_path / "data", FIXTURE_GEO)
    assert again.events[EVENT_COLUMNS].equals(fixture_atlas.events[EVENT_COLUMNS])
    original = pd.read_csv(FIXTURE_DATA / "events.csv", dtype=str, keep_default_na=False)
    exported = pd.read_csv(io.BytesIO(events_csv(fixture_atlas.events)), dtype=str, keep_default_na=False)
    assert list(exported.columns) == list(original.columns)
    key = "event_id"
    assert exported.sort_values(key).reset_index(drop=True).equals(original.sort_values(key).reset_index(drop=True))


def test_formula_cells_come_out_prefixed(fixture_atlas):
    events = fixture_atlas.events.copy()
    events.loc[0, "title"] = "=HYPERLINK(\"http://x\",\"y\")"
    events.loc[1, "note"] = "@SUM(1)"
    back = pd.read_csv(io.BytesIO(events_csv(events)), dtype=str, keep_default_na=False)
    assert back.loc[0, "title"] == "'=HYPERLINK(\"http://x\",\"y\")" and back.loc[1, "note"] == "'@SUM(1)"


def test_the_geojson_opens_in_geopandas_with_the_placed_events(fixture_atlas, tmp_path):
    path = tmp_path / "events.geojson"
    path.write_bytes(events_geojson(fixture_atlas.events, "en"))
    frame = geopandas.read_file(path)
    placed = fixture_atlas.events[fixture_atlas.events["lat"].notna()]
    assert sorted(frame["event_id"]) == sorted(placed["event_id"])
    row = frame.set_index("event_id").loc["1922-arrest"]
    assert (round(row.geometry.x, 2), round(row.geometry.y, 2)) == (80.23, 50.41)  # Semipalatinsk in the fixture
    assert row["people_names"] == "Alikhan Bukeikhan" and row["thread_label"] == "Bukeikhan"
    assert frame.crs.to_epsg() == 4326


@pytest.mark.parametrize("edtf, calendar, start, end", [
    ("1928-08-27", "gregorian", {"year": "1928", "month": "8", "day": "27"}, None),
    ("1917-12-05", "julian", {"year": "1917", "month": "12", "day": "18"}, None),   # placed at its Gregorian day
    ("1922-12", "gregorian", {"year": "1922", "month": "12"}, None),
    ("1925~", "gregorian", {"year": "1925"}, None),
    ("1930-21", "gregorian", {"year": "1930", "month": "3"}, {"year": "1930", "month": "5"}),
    ("1929-12/1930-02", "gregorian", {"year": "1929", "month": "12"}, {"year": "1930", "month": "2"}),
    ("1931/1933", "gregorian", {"year": "1931"}, {"year": "1933"}),
    ("1932/..", "gregorian", {"year": "1932"}, None),
])
def test_timeline_dates_are_as_precise_as_the_source(edtf, calendar, start, end):
    assert timeline_dates(edtf, calendar) == (start, end)


def test_timelinejs_has_one_escaped_slide_per_event_with_its_credit(fixture_atlas):
    data = json.loads(timelinejs(fixture_atlas.events, fixture_atlas.sources, "en", "Steppe Atlas"))
    assert [s["unique_id"] for s in data["events"]] == list(fixture_atlas.events["event_id"])
    slide = {s["unique_id"]: s for s in data["events"]}
    assert slide["1926-script"]["text"]["headline"] == "&lt;script&gt;alert(1)&lt;/script&gt; title"
    assert slide["1922-arrest"]["group"] == "Bukeikhan"
    assert slide["1922-arrest"]["media"]["credit"] == "Author A. A test article. 2024., p. 3"
    assert "O.S." in slide["1917-12-05-congress"]["display_date"]
