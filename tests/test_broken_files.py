"""Every fault an editor was seen to make gives a DataError naming the file, the row or feature and the column —
never another exception (the faults the audit listed, one case each)."""
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


def edit_geojson(path, change):
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")


def stories(text):
    return lambda root: (root / "data" / "stories.csv").write_text(text, encoding="utf-8")


def geo(name, change):
    return lambda root: edit_geojson(root / "geo" / f"{name}.geojson", change)


def folder(name):
    def make(root):
        (root / name).unlink()
        (root / name).mkdir()
    return make


HEADER = "story_id,step,event_id,heading,text\n"
CASES = {
    "a gap in a story's steps": (stories(HEADER + "test,0,,T,x\ntest,2,1930-spring,,\n"),
                                 "data/stories.csv, column step: story 'test' skips step(s) 1"),
    "a story without its title slide": (stories(HEADER + "test,1,1930-spring,,\n"),
                                        "story 'test' has no title slide (step 0)"),
    "a numeric place_id": (geo("places", lambda d: d["features"][0]["properties"].update(place_id=7)),
                           "geo/places.geojson feature 1, column place_id: must be text"),
    "a feature that is a string": (geo("routes", lambda d: d["features"].__setitem__(0, "oops")),
                                   "geo/routes.geojson feature 1: not a GeoJSON Feature"),
    "a numeric region valid_from": (geo("regions", lambda d: d["features"][0]["properties"].update(valid_from=1920)),
                                    "geo/regions.geojson feature 1, column valid_from: must be text"),
    "a country with no geometry": (geo("countries", lambda d: d["features"][0].update(geometry=None)),
                                   "geo/countries.geojson feature 1, column geometry"),
    "a two-point outline": (geo("countries", lambda d: d["features"][0].update(
        geometry={"type": "Polygon", "coordinates": [[[50, 40], [60, 45]]]})),
        "geo/countries.geojson feature 1, column geometry"),
    "features as an object": (geo("places", lambda d: d.update(features={"a": 1})),
                              "geo/places.geojson, column features: must be a list of features"),
    "a data file replaced by a folder": (folder("data/events.csv"),
                                         "data/events.csv: is not a file"),
    "a geo file replaced by a folder": (folder("geo/regions.geojson"), "geo/regions.geojson: is not a file"),
}


@pytest.mark.parametrize("case", CASES)
def test_each_fault_is_named(dataset, case):
    break_it, message = CASES[case]
    break_it(dataset)
    with pytest.raises(DataError) as info:
        load_atlas(dataset / "data", dataset / "geo")
    text = "\n".join(map(str, info.value.problems))
    assert message in text, text


def test_a_list_where_an_id_belongs_is_named_not_a_crash(dataset):
    # found by hypothesis (tests/test_fuzz.py): a place_id that is a JSON list
    geo("places", lambda d: d["features"][0]["properties"].update(place_id=[]))(dataset)
    with pytest.raises(DataError) as info:
        load_atlas(dataset / "data", dataset / "geo")
    assert "geo/places.geojson feature 1, column place_id: must be text, not '[]'" in map(str, info.value.problems)
