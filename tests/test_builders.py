"""Pure builders: the timeline figure and the Folium map, checked for content (the browser checks drawing)."""
import re

import pandas as pd
import pytest
from streamlit_folium import _get_map_string

from steppe.dates import parse_date
from steppe.filters import filter_events, filter_routes, regions_valid_in
from steppe.maps import (arrowhead, build_event_map, find_marker, marker_feature_collection, marker_positions,
                         popup_html, route_volume, route_weight)
from steppe.timeline import build_timeline, pack_slots
from steppe.urlstate import View, step_window


def event_markers(fig):
    return [tr for tr in fig.data if tr.mode == "markers" and tr.customdata is not None]


def test_timeline_has_one_marker_per_event_carrying_its_id(fixture_atlas):
    fig = build_timeline(fixture_atlas.events)
    ids = [row[0] for tr in event_markers(fig) for row in tr.customdata]
    assert sorted(ids) == sorted(fixture_atlas.events["event_id"])


def test_julian_event_is_placed_at_its_gregorian_date_and_hover_says_both(fixture_atlas):
    fig = build_timeline(fixture_atlas.events)
    alash = next(tr for tr in event_markers(fig) if tr.customdata[0][0] == "1917-12-05-congress")
    assert pd.Timestamp(alash.x[0]) == pd.Timestamp("1917-12-18")
    assert "5 Dec 1917 O.S. = 18 Dec 1917 N.S." in alash.hovertext[0]


def test_timeline_escapes_titles_and_shades_eras(fixture_atlas):
    fig = build_timeline(fixture_atlas.events, fixture_atlas.eras)
    hovers = " ".join(h for tr in event_markers(fig) for h in tr.hovertext)
    assert "&lt;script&gt;" in hovers and "<script>" not in hovers
    assert len(fig.layout.shapes) == len(fixture_atlas.eras)


def test_approximate_dates_get_a_fuzzy_band_and_selection_a_ring(fixture_atlas):
    fig = build_timeline(fixture_atlas.events, selected="1925-approx")
    assert any("approximate range" in (tr.name or "") for tr in fig.data)
    assert any(tr.name == "selected" for tr in fig.data)


def test_pack_slots_separates_overlapping_events():
    day = pd.Timestamp
    slots = pack_slots([day("1925-01-01"), day("1925-01-02"), day("1930-01-01")],
                       [day("1925-12-31"), day("1925-06-01"), day("1930-01-01")])
    assert slots[0] != slots[1] and slots[2] == 0


def _map_html(atlas, view):
    events = filter_events(atlas.events, view)
    fmap = build_event_map(events, filter_routes(atlas.routes, view),
                           regions_valid_in(atlas.regions, view, parse_date), atlas.countries, {"src-a": "A"})
    fmap.get_root().render()
    return fmap, fmap.get_root().render()


def test_map_for_a_filter_holds_exactly_the_expected_markers(fixture_atlas):
    markers = marker_positions(filter_events(fixture_atlas.events, View(threads=("migration",))))
    assert set(markers["place_id"]) == {"chimkent", "faraway"}
    assert markers.set_index("place_id").loc["chimkent", "count"] == 2


def test_map_text_from_data_arrives_escaped(fixture_atlas):
    events = filter_events(fixture_atlas.events, View(q="alert"))
    collection = marker_feature_collection(marker_positions(events), events, "en", {"thread": ["alash"]})
    popup = collection["features"][0]["properties"]["popup"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt; title" in popup and "<script>" not in popup
    assert "?thread=alash&amp;event=1926-script" in popup  # links keep the filters
    fmap, html = _map_html(fixture_atlas, View())
    assert "<b>Far</b>" not in _get_map_string(fmap)


def test_map_needs_no_network(fixture_atlas):
    fmap, html = _map_html(fixture_atlas, View())
    urls = re.findall(r"""(?:src|href)=["']([^"']+)""", html)
    assert urls and all(u.startswith("/app/static/") for u in urls), urls
    assert "tile" not in html.lower() or "tileLayer" not in html


def test_popup_counts_what_it_leaves_out():
    records = [{"event_id": f"e{i}", "thread": "migration", "date_label": "1930", "title": f"t{i}"} for i in range(30)]
    assert "and 5 more events" in popup_html("X", records, "en")


@pytest.mark.parametrize("figures, expected", [("", None), ("farms=3436;livestock=187909", ("farms", 3436)),
                                               ("people_min=110000;people_max=115000", ("people_min", 110000))])
def test_route_volume_reads_the_sources_figures(figures, expected):
    assert route_volume(figures) == expected


def test_route_width_grows_with_volume_and_is_capped():
    assert route_weight("") < route_weight("farms=100") < route_weight("farms=3436") <= 12


def test_arrowhead_points_at_the_destination():
    tip, left, right = arrowhead((40.0, 60.0), (40.0, 70.0))
    assert tip == (40.0, 70.0) and left[1] < 70.0 and right[1] < 70.0


def test_find_marker_by_tooltip_or_nearest_centre(fixture_atlas):
    markers = marker_positions(fixture_atlas.events)
    orenburg = markers[markers["place_id"] == "orenburg"].iloc[0]
    assert find_marker(markers, None, None, orenburg["tip"])["place_id"] == "orenburg"
    assert find_marker(markers, orenburg["lat"] + 0.2, orenburg["lon"] - 0.2)["place_id"] == "orenburg"
    assert find_marker(markers, 0.0, 0.0) is None


@pytest.mark.parametrize("window, expected", [((1916, 1916), (1917, 1917)), ((1928, 1930), (1929, 1931)),
                                              ((1930, 1937), None)])
def test_play_steps_the_window_one_year_and_stops_at_the_end(window, expected):
    step = step_window(View(year_from=window[0], year_to=window[1]))
    assert (None if step is None else (step.year_from, step.year_to)) == expected


def _many_events(n_places: int, per_place: int) -> pd.DataFrame:
    rows = []
    for p in range(n_places):
        for k in range(per_place):
            rows.append({"event_id": f"e{p}-{k}", "place_id": f"p{p}", "thread": "migration", "lat": 40 + p * 0.01,
                         "lon": 60 + p * 0.013, "place_name": f"P{p}", "date_label": "1930", "title": "t",
                         "start": pd.Timestamp("1930-01-01"), "end": pd.Timestamp("1930-12-31")})
    return pd.DataFrame(rows)


def test_map_groups_markers_into_cells_above_the_limit_and_stays_small():
    from steppe.maps import MAX_MAP_MARKERS
    events = _many_events(MAX_MAP_MARKERS + 100, 3)
    markers = marker_positions(events)
    assert len(markers) <= MAX_MAP_MARKERS and markers["place_id"].str.startswith("cell:").all()
    assert markers["count"].sum() == len(events)
    collection = marker_feature_collection(markers, events, "en", {})
    assert "narrow the years" in collection["features"][0]["properties"]["popup"]


def test_popups_list_at_most_the_limit_and_count_the_rest():
    events = _many_events(1, 40)
    collection = marker_feature_collection(marker_positions(events), events, "en", {})
    popup = collection["features"][0]["properties"]["popup"]
    assert popup.count("<li>") == 26 and "and 15 more events" in popup


def test_timeline_counts_per_month_above_the_limit():
    from steppe.timeline import MAX_TIMELINE_EVENTS, is_aggregated
    events = _many_events(1, MAX_TIMELINE_EVENTS + 1).assign(
        certainty="certain", qualified=False, precision="year", calendar="gregorian", date="1930",
        source_short="S", locator="p. 1", quote="q")
    assert is_aggregated(events)
    fig = build_timeline(events)
    assert sum(len(tr.x) for tr in fig.data) == 1 and all(tr.customdata is None for tr in fig.data)
    assert fig.data[0].hovertext[0].startswith(f"{MAX_TIMELINE_EVENTS + 1} events · Jul 1930")


def test_compact_map_has_one_circle_per_place_and_thread_and_outlines(fixture_atlas):
    from steppe.maps import build_compact_map, outline_xy
    fig = build_compact_map(fixture_atlas.events, outline_xy(fixture_atlas.countries))
    circles = sum(len(tr.x) for tr in fig.data if tr.mode == "markers")
    assert circles == len(marker_positions(fixture_atlas.events))
    assert fig.data[0].mode == "lines" and None in fig.data[0].x
    assert all("<script>" not in h for tr in fig.data if tr.hovertext for h in tr.hovertext)
