"""The loader: the real data passes; each kind of broken cell yields a message naming file, row and column."""
import csv
import json
import shutil

import pytest

from conftest import FIXTURE_DATA, FIXTURE_GEO
from steppe.load import DataError, load_atlas


@pytest.fixture
def dataset(tmp_path):
    shutil.copytree(FIXTURE_DATA, tmp_path / "data")
    shutil.copytree(FIXTURE_GEO, tmp_path / "geo")
    return tmp_path


def set_cell(path, event_id, column, value):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    fields = list(rows[0].keys())
    for row in rows:
        if row[fields[0]] == event_id:
            row[column] = value
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)


def problems_of(dataset):
    with pytest.raises(DataError) as info:
        load_atlas(dataset / "data", dataset / "geo")
    return [str(p) for p in info.value.problems]


def test_fixture_data_loads(fixture_atlas):
    assert len(fixture_atlas.events) == 10
    assert fixture_atlas.events["start"].is_monotonic_increasing


def test_real_data_loads(real_atlas):
    assert len(real_atlas.events) > 0


@pytest.mark.parametrize("event_id, column, value, message", [
    ("1922-arrest", "date", "193O-05", "data/events.csv row 3, column date: not EDTF: '193O-05'"),
    ("1922-arrest", "thread", "famine", "data/events.csv row 3, column thread: 'famine' is not one of"),
    ("1922-arrest", "certainty", "sure", "column certainty: 'sure' is not one of"),
    ("1922-arrest", "calendar", "lunar", "column calendar: 'lunar' is not one of"),
    ("1922-arrest", "place_id", "atlantis", "column place_id: unknown place 'atlantis'"),
    ("1922-arrest", "people", "bukeikhan;nobody", "column people: unknown person 'nobody'"),
    ("1922-arrest", "source_id", "wikipedia", "column source_id: unknown source 'wikipedia'"),
    ("1922-arrest", "figures", "farms=many", "column figures: figure 'farms=many' is not key=whole_number"),
    ("1922-arrest", "quote", "word " * 51, "column quote: has 51 words; at most 50"),
    ("1922-arrest", "title", "", "data/events.csv row 3, column title: is empty but required"),
    ("1922-arrest", "event_id", "1917-12-05-congress", "duplicate id '1917-12-05-congress'"),
    ("1922-arrest", "event_id", "Bad Id", "not a lowercase slug"),
    ("1922-arrest", "calendar", "julian", "falls after 14 Feb 1918, when Old Style ended"),
])
def test_broken_event_cell_names_file_row_column(dataset, event_id, column, value, message):
    set_cell(dataset / "data" / "events.csv", event_id, column, value)
    problems = problems_of(dataset)
    assert any(message in p for p in problems), problems


def test_every_problem_is_listed_at_once(dataset):
    set_cell(dataset / "data" / "events.csv", "1922-arrest", "date", "soon")
    set_cell(dataset / "data" / "events.csv", "1930-spring", "thread", "x")
    assert len(problems_of(dataset)) == 2


def test_missing_column_and_missing_file(dataset):
    text = (dataset / "data" / "events.csv").read_text(encoding="utf-8").replace("certainty,", "certitude,", 1)
    (dataset / "data" / "events.csv").write_text(text, encoding="utf-8")
    (dataset / "data" / "people.csv").unlink()
    problems = problems_of(dataset)
    assert "data/events.csv row 1, column certainty: column is missing from the header" in problems
    assert "data/people.csv: file is missing" in problems


def test_stray_comma_row_and_non_utf8(dataset):
    with open(dataset / "data" / "events.csv", "a", encoding="utf-8") as f:
        f.write("extra,row,with,too,few,cells\n")
    (dataset / "data" / "sources.csv").write_bytes("source_id,citation\né".encode("latin-1"))
    problems = problems_of(dataset)
    assert any("data/sources.csv" in p and "not UTF-8" in p for p in problems)


def test_bad_geometry_and_unflagged_region(dataset):
    path = dataset / "geo" / "regions.geojson"
    regions = json.loads(path.read_text())
    regions["features"][0]["geometry"]["coordinates"] = [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]]  # bow-tie
    regions["features"][1]["properties"]["approximate"] = False
    path.write_text(json.dumps(regions))
    problems = problems_of(dataset)
    assert any("geo/regions.geojson feature 1, column geometry: invalid geometry" in p for p in problems)
    assert any("geo/regions.geojson feature 2, column approximate" in p for p in problems)


def test_route_with_unknown_place(dataset):
    path = dataset / "geo" / "routes.geojson"
    routes = json.loads(path.read_text())
    routes["features"][0]["properties"]["via_places"] = "tashkent;nowhere"
    path.write_text(json.dumps(routes))
    assert any("geo/routes.geojson feature 1, column via_places: unknown place 'nowhere'" in p
               for p in problems_of(dataset))


def test_home_key_figures_exist_in_the_curated_data(real_atlas):
    from steppe.highlights import KEY_FIGURES, key_figures
    assert len(key_figures(real_atlas.events)) == len(KEY_FIGURES)


def test_thread_coverage_of_the_curated_data(real_atlas):
    counts = real_atlas.events["thread"].value_counts()
    assert len(real_atlas.events) >= 180
    assert counts.min() >= 20, counts.to_dict()
