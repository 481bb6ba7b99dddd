"""Frames: the years one map carries for Play, every marker, route and region stamped with the frames it shows in."""
import pandas as pd

from factories import many_events

from steppe import config
from steppe.frames import frame_labels, framed_markers, make_frames, place_name_on, region_frames, route_frames


def test_the_window_opens_the_map_and_play_adds_each_year_of_the_atlas():
    frames = make_frames(1928, 1930)
    assert frames.window == "w" and frames.years["w"] == (1928, 1930)
    first, last = config.PLAY_YEARS
    assert [k for k in frames.keys if k != "w"] == [str(y) for y in range(first, last + 1)]
    one = make_frames(1925, 1925)
    assert one.window == "1925" and one.keys.count("1925") == 1  # a one-year window is that year's frame
    assert make_frames(1925, 1925, play=False).keys == ["1925"]


def test_markers_are_made_per_frame_and_frames_with_the_same_events_share(fixture_atlas):
    frames = make_frames(1916, 1937)
    groups = framed_markers(fixture_atlas.events, frames, "en")
    keys_of = {key: i for i, (keys, _, _) in enumerate(groups) for key in keys}
    assert "1927" not in keys_of  # no event in 1927: nothing to show
    assert "1932" not in keys_of  # the famine has no single place: no marker
    spring = next(rows for keys, rows, _ in groups if "1930" in keys)
    chimkent = [r for r in spring if r["place_id"] == "chimkent"]
    assert chimkent and chimkent[0]["count"] == 2  # the Dec 1929 - Feb 1930 span and spring 1930
    everything = next(rows for keys, rows, _ in groups if "w" in keys)
    assert sum(r["count"] for r in everything) == int(fixture_atlas.events["lat"].notna().sum())


def test_years_with_the_same_events_share_their_markers():
    events = many_events(2, 1).assign(end=pd.Timestamp("1931-06-30"))  # 1930 to mid-1931
    groups = framed_markers(events, make_frames(1930, 1930), "en")
    assert [keys for keys, _, _ in groups] == [["1930", "1931"]]


def test_routes_belong_to_the_frames_whose_years_they_overlap(fixture_atlas):
    frames = make_frames(1930, 1930)
    routes = fixture_atlas.routes.set_index("route_id")
    stamped = dict(zip(routes.index, route_frames(routes, frames)))
    assert stamped["1930-chimkent-stalinabad"] == ["1930", "1931"]
    assert stamped["1922-escort"] == ["1922"]


def test_each_frame_shows_one_set_of_regions_named_on_its_date(real_atlas):
    frames = make_frames(1924, 1925)
    items, dates = region_frames(real_atlas.regions, real_atlas.region_bounds, frames, lambda d: d.strftime("%Y-%m-%d"))
    assert dates["w"] == "1925-12-31" and dates["1924"] == "1924-12-31"
    for key in frames.keys:
        units = [i["feature"]["properties"]["unit_id"] for i in items if key in i["f"]]
        assert units and len(units) == len(set(units)), key
    kazakh = next(i for i in items if i["feature"]["properties"]["region_id"] == "kazakh-assr-1924")
    assert kazakh["name_by_frame"]["1924"] == "Kirgiz ASSR" and kazakh["name_by_frame"]["w"] == "Kazak ASSR"
    kinds = {i["feature"]["properties"]["kind"] for i in items}
    assert not kinds & set(config.ROUTE_END_ONLY_KINDS)  # areas and Afghanistan are only route ends
    guberniya = next(i for i in items if i["feature"]["properties"]["region_id"] == "zhetysu-guberniya")
    assert guberniya["nested_by_frame"]["w"] and not kazakh["nested_by_frame"]["w"]


def test_play_years_never_mix_two_periods_of_one_unit(real_atlas):
    frames = make_frames(config.YEAR_MIN, config.YEAR_MAX)
    items, _ = region_frames(real_atlas.regions, real_atlas.region_bounds, frames, str)
    for key in frames.keys:
        units = [i["feature"]["properties"]["unit_id"] for i in items if key in i["f"]]
        assert len(units) == len(set(units)), key


def test_a_place_is_labelled_with_its_name_on_the_frames_date(real_atlas):
    dated = dict(zip(real_atlas.places["place_id"], real_atlas.places["dated_names"]))
    assert place_name_on(dated["karshi"], pd.Timestamp(1925, 12, 31), "Karshi") == "Karshi"
    assert place_name_on(dated["karshi"], pd.Timestamp(1932, 12, 31), "Karshi") == "Bek-Budi"
    assert place_name_on("", pd.Timestamp(1932, 12, 31), "Tashkent") == "Tashkent"
    frames = make_frames(1925, 1925)
    labels = frame_labels(framed_markers(real_atlas.events, frames, "en"), frames, dated)
    names = {entry[5] for label in labels for key, entry in label["z"].items() if key in ("1925", "1932")}
    assert {"Moscow", "Kzyl-Orda"} <= names
