"""A researcher's own events beside the atlas': a lane on the timeline, a layer on the map, rows in the table."""
import pytest

from conftest import FIXTURE_DATA
from steppe.layers import map_layers
from steppe.overlay import MARKER_CLASS, add_to_map, overlay_layer, table_with_overlay, timeline_with_overlay
from steppe.timeline import build_timeline
from steppe.upload import check_events_file
from steppe.urlstate import View

OWN = (FIXTURE_DATA / "events.csv").read_text(encoding="utf-8").replace("Arrest,He was arrested.",
                                                                       "<b>My</b> arrest,He was arrested.", 1)


@pytest.fixture
def own(fixture_atlas):
    result = check_events_file("mine.csv", OWN.encode(), fixture_atlas)
    assert result.problems == []
    return result.events


def test_the_timeline_gets_a_lane_marked_your_data(fixture_atlas, own):
    figure = build_timeline(fixture_atlas.events, lang="en").to_dict()
    mixed = timeline_with_overlay(figure, own, "en")
    assert len(mixed["data"]) == len(figure["data"]) + 1 and figure is not mixed
    trace = mixed["data"][-1]
    assert trace["name"] == "Your data" and len(trace["x"]) == len(own) and trace["marker"]["symbol"] == "star"
    assert mixed["layout"]["yaxis"]["ticktext"][-1] == "Your data"
    assert all(c == [""] for c in trace["customdata"])    # a click on your data selects no atlas event
    assert any("&lt;b&gt;My&lt;/b&gt; arrest" in h for h in trace["hovertext"])


def test_the_map_gets_a_layer_of_your_data_with_escaped_text(fixture_atlas, own):
    layer = overlay_layer(own, "en")   # the Map page sends it over the basemap beside the view's own layers
    assert layer.layer_name == "Your data (this session only)"
    fmap = map_layers(fixture_atlas, View()).fmap
    html = add_to_map(fmap, own, "en").get_root().render()
    assert html.count(f'"className": "{MARKER_CLASS}"') == int(own["lat"].notna().sum())
    assert "&lt;b&gt;My&lt;/b&gt; arrest" in html and "<b>My</b> arrest" not in html


def test_the_table_says_whose_each_row_is(fixture_atlas, own):
    table = table_with_overlay(fixture_atlas.events.head(3), own, "en")
    assert list(table["data"]) == ["Steppe Atlas"] * 3 + ["Your data"] * len(own)
    assert table_with_overlay(fixture_atlas.events.head(3), None, "en")["data"].tolist() == ["Steppe Atlas"] * 3


def test_your_data_comes_before_the_layer_control_that_names_it(fixture_atlas, own):
    import folium
    whole = folium.Map(tiles=None)   # a whole map with its layer control (as a story slide's)
    folium.LayerControl().add_to(whole)
    fmap = add_to_map(whole, own, "en")
    kinds = [type(child).__name__ for child in fmap._children.values()]
    assert kinds[-1] == "LayerControl" and kinds[-2] == "FeatureGroup"
    html = fmap.get_root().render()
    assert html.index("Your data (this session only)") > html.index(f'"className": "{MARKER_CLASS}"')
    assert isinstance(fmap, folium.Map)
