"""Property-based: any link gives a View and notices, never an exception; any mutation of a data file gives a
DataError naming the file, never another exception."""
import csv
import io
import json
import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import FIXTURE_DATA, FIXTURE_GEO
from steppe.i18n import catalogue
from steppe.load import DataError, load_atlas
from steppe.urlstate import FILTERS, Known, View, parse_view

KEYS = [k for f in FILTERS for k in f.keys] + ["event", "lang", "story", "step", "other"]
KNOWN = Known(people=frozenset({"bukeikhan"}), events=frozenset({"e1"}), stories=(("s", 3),),
              redirects=(("old", "e1"),))
values = st.text(max_size=30) | st.sampled_from(["²", "9" * 5000, "1930", "-1", "[x](http://e)", "alash,migration",
                                                   "\x00", "١٩٣٠", "1e3", " 1930 "])


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(st.sampled_from(KEYS), values | st.lists(values, max_size=4), max_size=8))
def test_any_query_gives_a_view_and_notices(params):
    view, notices = parse_view(params, KNOWN)
    assert isinstance(view, View) and view.year_from <= view.year_to
    assert all(n.key in catalogue("en") for n in notices)  # every notice has its text


FILES = ["data/events.csv", "data/people.csv", "data/stories.csv", "data/eras.csv", "data/sources.csv",
         "geo/places.geojson", "geo/routes.geojson", "geo/regions.geojson", "geo/countries.geojson"]
JUNK = st.one_of(st.none(), st.integers(), st.floats(allow_nan=True), st.text(max_size=12), st.booleans(),
                 st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=3), st.integers(), max_size=2))


def _mutate_geojson(data: dict, draw) -> object:
    kind = draw(st.sampled_from(["prop", "feature", "geometry", "features", "coords", "drop_key", "whole"]))
    features = data["features"]
    index = draw(st.integers(0, max(0, len(features) - 1)))
    if kind == "whole":
        return draw(JUNK)
    if kind == "features":
        data["features"] = draw(JUNK)
    elif not features:
        return data
    elif kind == "feature":
        features[index] = draw(JUNK)
    elif kind == "geometry":
        features[index]["geometry"] = draw(JUNK)
    elif kind == "coords":
        features[index]["geometry"]["coordinates"] = draw(JUNK)
    elif kind == "drop_key":
        props = features[index].get("properties") or {}
        if props:
            props.pop(draw(st.sampled_from(sorted(props))))
    else:
        props = features[index].get("properties") or {}
        key = draw(st.sampled_from(sorted(props) or ["x"]))
        props[key] = draw(JUNK)
    return data


def _mutate_csv(text: str, draw) -> str:
    rows = list(csv.reader(io.StringIO(text)))
    kind = draw(st.sampled_from(["cell", "drop_column", "extra_cell", "garbage", "empty"]))
    if kind == "garbage":
        return draw(st.text(max_size=60))
    if kind == "empty":
        return ""
    r = draw(st.integers(1, max(1, len(rows) - 1))) if len(rows) > 1 else 0
    c = draw(st.integers(0, len(rows[0]) - 1))
    if kind == "cell" and r < len(rows):
        rows[r][c] = draw(st.text(max_size=20) | st.sampled_from(["", "0", "-1", "²", "1930-13", "x;y"]))
    elif kind == "drop_column":
        rows = [row[:c] + row[c + 1:] for row in rows]
    elif r < len(rows):
        rows[r].append("extra")
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue()


@pytest.fixture(scope="module")
def pristine(tmp_path_factory):
    root = tmp_path_factory.mktemp("pristine")
    shutil.copytree(FIXTURE_DATA, root / "data")
    shutil.copytree(FIXTURE_GEO, root / "geo")
    return root


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(FILES), st.data())
def test_any_mutation_of_a_data_file_gives_a_data_error_or_loads(pristine, tmp_path_factory, file, data):
    root = tmp_path_factory.mktemp("mutant")
    shutil.copytree(pristine / "data", root / "data")
    shutil.copytree(pristine / "geo", root / "geo")
    path = root / file
    if file.endswith(".geojson"):
        mutated = _mutate_geojson(json.loads(path.read_text(encoding="utf-8")), data.draw)
        path.write_text(json.dumps(mutated), encoding="utf-8")
    else:
        path.write_text(_mutate_csv(path.read_text(encoding="utf-8"), data.draw), encoding="utf-8")
    try:
        load_atlas(root / "data", root / "geo")
    except DataError as exc:
        assert exc.problems and all(str(p) for p in exc.problems)
        assert not any("could not be read (" in str(p) for p in exc.problems), [str(p) for p in exc.problems]


def test_a_data_file_replaced_by_a_folder_is_named(pristine, tmp_path):
    shutil.copytree(pristine / "data", tmp_path / "data")
    shutil.copytree(pristine / "geo", tmp_path / "geo")
    (tmp_path / "data" / "people.csv").unlink()
    (tmp_path / "data" / "people.csv").mkdir()
    with pytest.raises(DataError) as info:
        load_atlas(tmp_path / "data", tmp_path / "geo")
    assert "data/people.csv: is not a file" in str(info.value)
