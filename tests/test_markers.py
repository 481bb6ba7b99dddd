"""Event markers: popups and their limits, grid cells above the limit, finding the clicked marker."""
from factories import many_events
from steppe import config
from steppe.markers import find_marker, marker_feature_collection, marker_positions, popup_html


def test_popup_counts_what_it_leaves_out():
    records = [{"event_id": f"e{i}", "thread": "migration", "date_label": "1930", "title": f"t{i}"} for i in range(30)]
    assert "and 5 more events" in popup_html("X", records, "en")


def test_find_marker_by_tooltip_or_nearest_centre(fixture_atlas):
    markers = marker_positions(fixture_atlas.events, "en")
    orenburg = markers[markers["place_id"] == "orenburg"].iloc[0]
    assert find_marker(markers, None, None, orenburg["tip"])["place_id"] == "orenburg"
    assert find_marker(markers, orenburg["lat"] + 0.2, orenburg["lon"] - 0.2)["place_id"] == "orenburg"
    assert find_marker(markers, 0.0, 0.0) is None


def test_map_groups_markers_into_cells_above_the_limit_and_stays_small():
    events = many_events(config.MAX_MAP_MARKERS + 100, 3)
    markers = marker_positions(events, "en")
    assert len(markers) <= config.MAX_MAP_MARKERS and markers["place_id"].str.startswith("cell:").all()
    assert markers["count"].sum() == len(events)
    collection = marker_feature_collection(markers, events, "en", {})
    assert "narrow the years" in collection["features"][0]["properties"]["popup"]


def test_popups_list_at_most_the_limit_and_count_the_rest():
    events = many_events(1, 40)
    collection = marker_feature_collection(marker_positions(events, "en"), events, "en", {})
    popup = collection["features"][0]["properties"]["popup"]
    assert popup.count("<li>") == 26 and "and 15 more events" in popup
