"""A story slide's map: the slide's own event emphasised, the others faded, its routes strong, fitted and labelled,
the layer control folded, and nothing from the network."""
import json
import re

from streamlit_folium import _get_map_string

from steppe import config
from steppe.layers import slide_layers, sources_short
from steppe.stories import get_slide
from steppe.storymap import build_slide_map, map_spec


def _layers(atlas, story, step):
    return slide_layers(atlas, get_slide(atlas.stories, atlas.events, story, step), "en")


def test_the_slides_event_is_emphasised_and_the_others_faded(real_atlas):
    spec = map_spec(_layers(real_atlas, "bukeikhan", 3), sources_short(real_atlas), "en")
    features = spec["markers"]["features"]
    own = features[-1]["properties"]["style"]  # drawn last: on top
    assert own["color"] == config.SELECTED_EDGE and own["fillOpacity"] == 1.0
    assert all(f["properties"]["style"]["fillOpacity"] < 0.5 for f in features[:-1]) and len(features) > 2
    assert not any("popup" in f["properties"] for f in features)  # a slide is presented, not browsed


def test_the_slides_route_is_strong_and_the_earlier_ones_faded(real_atlas):
    spec = map_spec(_layers(real_atlas, "bukeikhan", 2), sources_short(real_atlas), "en")
    opacities = sorted({f["properties"]["style"]["opacity"] for f in spec["routes"]["features"]})
    assert opacities[0] <= 0.3 and opacities[-1] >= 0.9


def test_the_map_fits_the_slide_names_its_places_and_folds_its_layer_control(real_atlas):
    layers = _layers(real_atlas, "bukeikhan", 6)  # Moscow
    fmap = build_slide_map(layers, real_atlas.countries, sources_short(real_atlas), lang="en", note="<i>no</i>")
    html = fmap.get_root().render()
    script = _get_map_string(fmap)
    assert "fitBounds" in script and json.dumps(layers.bounds) in script
    assert '"collapsed": true' in script
    assert 'slide-label right main' in script and "Moscow" in script
    assert "steppeDeclutter" in script
    assert "&lt;i&gt;no&lt;/i&gt;" in html and "<i>no</i>" not in html
    assert fmap.get_bounds() == layers.bounds
    urls = re.findall(r"""(?:src|href)=["']([^"']+)""", html)
    assert urls and all(u.startswith("/app/static/") for u in urls), urls
