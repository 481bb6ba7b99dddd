"""The Folium map: the basemap of the period, exactly the expected features, escaped text, no network."""
import json
import re

from streamlit_folium import _get_feature_group_string, _get_map_string

from steppe import config
from steppe.basemap import base_map, country_collection, legend_html, water_tip
from steppe.filters import filter_events, filter_routes, regions_valid_in
from steppe.layers import map_layers
from steppe.maps import build_event_map, legend_entries
from steppe.markers import marker_feature_collection, marker_positions
from steppe.urlstate import View


def _map_html(atlas, view):
    events = filter_events(atlas.events, view)
    fmap = build_event_map(events, filter_routes(atlas.routes, view),
                           regions_valid_in(atlas.regions, atlas.region_bounds, view), atlas.countries, {"src-a": "A"},
                           lang="en")
    return fmap, fmap.get_root().render()


def refresh_data(script: str) -> dict:
    """The data a map hands to static/atlas-map.js."""
    start = script.index("{", script.index("SteppeAtlas.refresh("))
    return json.JSONDecoder().raw_decode(script[start:])[0]


def test_map_for_a_filter_holds_exactly_the_expected_markers(fixture_atlas):
    markers = marker_positions(filter_events(fixture_atlas.events, View(threads=("migration",))), "en")
    assert set(markers["place_id"]) == {"chimkent", "faraway"}
    assert markers.set_index("place_id").loc["chimkent", "count"] == 2


def test_map_text_from_data_arrives_escaped(fixture_atlas):
    events = filter_events(fixture_atlas.events, View(q="alert"))
    collection = marker_feature_collection(marker_positions(events, "en"), events, "en")
    popup = collection["features"][0]["properties"]["popup"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt; title" in popup and "<script>" not in popup
    assert 'data-event="1926-script"' in popup  # a popup line selects its event
    fmap, html = _map_html(fixture_atlas, View())
    assert "<b>Far</b>" not in _get_map_string(fmap)


def test_map_needs_no_network(fixture_atlas):
    fmap, html = _map_html(fixture_atlas, View())
    urls = re.findall(r"""(?:src|href)=["']([^"']+)""", html)
    assert urls and all(u.startswith("/app/static/") for u in urls), urls
    assert "tileLayer" not in html and "atlas-map.js?v=" in html


def test_the_basemap_is_of_the_period_with_todays_borders_as_lines_only(real_atlas):
    basemap = {"land": real_atlas.land, "water": real_atlas.water, "rivers": real_atlas.rivers}
    fmap = base_map(real_atlas.countries, basemap, "en")
    fmap.render()  # as st_folium does: styles are collected when rendering
    script = _get_map_string(fmap)
    assert config.LAND_COLOR in script and config.WATER_COLOR in script and config.RIVER_COLOR in script
    aral = next(f["properties"] for f in real_atlas.water["features"] if f["properties"]["name"] == "Aral Sea")
    assert "the shore before 1960" in water_tip(aral, "en")
    assert "Aral Sea" in script and "the shore before 1960" in script and "Syr Darya" in script
    assert "Natural Earth (public domain)" in script
    borders = country_collection(real_atlas.countries, "en")["features"]
    assert borders[0]["properties"]["tip"].startswith("Modern border: ")
    assert '"fill": false' in script  # today's countries are outlines over the land, not filled land


def test_water_and_river_names_from_data_are_escaped():
    tip = water_tip({"name": "<img src=x>", "extent": "pre-1960", "note": "a & b"}, "en")
    assert "&lt;img src=x&gt;" in tip and "a &amp; b" in tip and "<img" not in tip


def test_the_map_page_sends_the_basemap_once_and_the_views_layers_apart(real_atlas):
    one, other = map_layers(real_atlas, View(year_from=1920, year_to=1920)), map_layers(real_atlas, View())
    one.fmap.render(), other.fmap.render()
    assert _get_map_string(one.fmap) == _get_map_string(other.fmap)  # streamlit-folium keeps one map for both
    events = _get_feature_group_string(one.groups[2], one.fmap, 2)
    assert "SteppeAtlas.refresh" in events and '"window": "1920"' in events


def test_every_feature_of_a_view_carries_its_frames(real_atlas):
    layers = map_layers(real_atlas, View(year_from=1925, year_to=1925))
    for group in layers.groups:
        for child in group._children.values():
            for feature in getattr(child, "data", {}).get("features", []):
                assert feature["properties"]["f"], feature["properties"].get("tip", "")[:80]


def test_the_legend_names_every_route_colour_and_dash_and_the_water(real_atlas):
    entries = legend_entries("en")
    colors = {e["color"] for e in entries if e["kind"] == "line"}
    assert set(config.ROUTE_COLORS.values()) <= colors
    dashes = {e.get("dash") for e in entries if e["section"] == "routes"}
    assert {config.ROUTE_DASHES["certain"], config.ROUTE_DASHES["approximate"], config.ROUTE_DASHES["disputed"]} <= dashes
    html = legend_html(entries, "en")
    assert "Aral Sea as before 1960" in html and "relocation or recall" in html and "<svg" in html
    assert "http" not in html.replace("http://www.w3.org", "")  # swatches are inline SVG, nothing to fetch


def test_a_slide_map_draws_regions_as_given_and_names_their_date(fixture_atlas):
    import pandas as pd
    fmap = build_event_map(fixture_atlas.events, fixture_atlas.routes, fixture_atlas.regions, fixture_atlas.countries,
                           {}, lang="en", date=pd.Timestamp(1925, 12, 31))
    html = fmap.get_root().render()
    data = refresh_data(html)
    assert data["text"]["regions"] == {"w": "Regions as on 31 December 1925"} and data["player"] is False
