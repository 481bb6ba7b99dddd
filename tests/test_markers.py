"""Event markers: popups that select events, their limits, grid cells above the limit, country-level places
counted as having no single place, approximate points drawn and described as such."""
import pandas as pd

from factories import many_events
from steppe import config
from steppe.markers import (event_items, located_records, marker_feature_collection, marker_positions, marker_style,
                            popup_html)


def test_popup_counts_what_it_leaves_out():
    items = [f"<li>e{i}</li>" for i in range(30)]
    assert "and 5 more events" in popup_html("X", items, "en")


def test_popup_lines_are_buttons_that_name_their_event_escaped():
    events = many_events(1, 1).assign(event_id='x"><script>y', title="<b>t</b>")
    item = event_items(located_records(events))['x"><script>y']
    assert 'data-event="x&quot;&gt;&lt;script&gt;y"' in item and "<b>t</b>" not in item
    assert item.startswith('<li><button type="button" class="atlas-event"')


def test_map_groups_markers_into_cells_above_the_limit_and_stays_small():
    events = many_events(config.MAX_MAP_MARKERS + 100, 3)
    markers = marker_positions(events, "en")
    assert len(markers) <= config.MAX_MAP_MARKERS and markers["place_id"].str.startswith("cell:").all()
    assert markers["count"].sum() == len(events)
    collection = marker_feature_collection(markers, events, "en")
    assert "narrow the years" in collection["features"][0]["properties"]["popup"]


def test_popups_list_at_most_the_limit_and_count_the_rest():
    events = many_events(1, 40)
    collection = marker_feature_collection(marker_positions(events, "en"), events, "en")
    popup = collection["features"][0]["properties"]["popup"]
    assert popup.count("<li>") == 26 and "and 15 more events" in popup
    assert popup.count("data-event=") == config.MAX_POPUP_EVENTS


def test_country_level_events_are_counted_as_having_no_single_place(real_atlas):
    events = real_atlas.events
    country = events[events["place_precision"] == "country"]
    assert len(country) > 0 and country["lat"].isna().all()  # no dot for "Kazakhstan" or "the USSR"
    markers = marker_positions(events, "en")
    countries = set(real_atlas.places.loc[real_atlas.places["precision"] == "country", "place_id"])
    assert not countries & set(markers["place_id"])
    from steppe.layers import map_layers
    from steppe.urlstate import View
    layers = map_layers(real_atlas, View())
    no_place = (layers.events["place_id"] == "") | (layers.events["place_precision"] == "country")
    assert layers.unplaced == int(no_place.sum())


def test_approximate_points_are_hollow_dashed_and_say_what_they_stand_for():
    events = many_events(1, 2).assign(place_precision="district-approximate",
                                      place_note="Centroid of the <district>, rounded to 0.1 deg")
    feature = marker_feature_collection(marker_positions(events, "en"), events, "en")["features"][0]
    style, tip = feature["properties"]["style"], feature["properties"]["tip"]
    assert style["dashArray"] and style["fillOpacity"] < 0.5
    assert "standing for a district" in tip and "Centroid of the &lt;district&gt;" in tip
    city = marker_style("migration", 2, "city", False)
    assert "dashArray" not in city and city["fillOpacity"] > 0.5
    assert marker_style("migration", 2, "city", True)["color"] == config.SELECTED_EDGE


def test_markers_keep_the_event_order_and_ring_threads_at_one_place():
    events = pd.concat([many_events(1, 2), many_events(1, 1).assign(thread="alash", event_id="a")])
    markers = marker_positions(events, "en")
    assert list(markers["thread"]) == ["alash", "migration"]  # the threads' order
    assert markers["ring"].all() and len(set(zip(markers["lat"], markers["lon"]))) == 2
