"""The home page's small Plotly map."""
from steppe.markers import marker_positions
from steppe.minimap import build_compact_map


def test_compact_map_has_one_circle_per_place_and_thread_and_outlines(fixture_atlas):
    fig = build_compact_map(fixture_atlas.events, fixture_atlas.outline, lang="en")
    circles = sum(len(tr.x) for tr in fig.data if tr.mode == "markers")
    assert circles == len(marker_positions(fixture_atlas.events, "en"))
    assert fig.data[0].mode == "lines" and None in fig.data[0].x
    assert all("<script>" not in h for tr in fig.data if tr.hovertext for h in tr.hovertext)


def test_compact_map_hovers_are_escaped_once(fixture_atlas):
    events = fixture_atlas.events.assign(place_name="Alash's \"city\" & <b>")
    fig = build_compact_map(events, fixture_atlas.outline, lang="en")
    hovers = " ".join(h for tr in fig.data if tr.hovertext for h in tr.hovertext)
    assert "Alash's \"city\" &amp; &lt;b&gt;" in hovers and "&quot;" not in hovers and "&#x27;" not in hovers
