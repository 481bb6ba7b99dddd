"""The Folium map: exactly the expected features, escaped text, no network."""
import re

from streamlit_folium import _get_map_string

from steppe.filters import filter_events, filter_routes, regions_valid_in
from steppe.maps import build_event_map
from steppe.markers import marker_feature_collection, marker_positions
from steppe.urlstate import View


def _map_html(atlas, view):
    events = filter_events(atlas.events, view)
    fmap = build_event_map(events, filter_routes(atlas.routes, view),
                           regions_valid_in(atlas.regions, atlas.region_bounds, view), atlas.countries, {"src-a": "A"}, lang="en")
    fmap.get_root().render()
    return fmap, fmap.get_root().render()


def test_map_for_a_filter_holds_exactly_the_expected_markers(fixture_atlas):
    markers = marker_positions(filter_events(fixture_atlas.events, View(threads=("migration",))), "en")
    assert set(markers["place_id"]) == {"chimkent", "faraway"}
    assert markers.set_index("place_id").loc["chimkent", "count"] == 2


def test_map_text_from_data_arrives_escaped(fixture_atlas):
    events = filter_events(fixture_atlas.events, View(q="alert"))
    collection = marker_feature_collection(marker_positions(events, "en"), events, "en", {"thread": ["alash"]})
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
