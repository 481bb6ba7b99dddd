"""Which features a map shows: the view's filters and years for the Map page, the story so far for a slide."""
from steppe.layers import map_layers, slide_layers
from steppe.stories import get_slide
from steppe.urlstate import View


def test_map_layers_follow_the_view(fixture_atlas):
    everything = map_layers(fixture_atlas, View())
    some = map_layers(fixture_atlas, View(threads=("migration",)))
    assert len(some.events) < len(everything.events) and set(some.events["thread"]) == {"migration"}
    assert everything.unplaced == 1 and not everything.aggregated


def test_regions_are_those_valid_in_the_years(fixture_atlas):
    early = map_layers(fixture_atlas, View(year_from=1920, year_to=1921)).regions["features"]
    late = map_layers(fixture_atlas, View(year_from=1935, year_to=1936)).regions["features"]
    assert [f["properties"]["region_id"] for f in early] != [f["properties"]["region_id"] for f in late]


def test_a_slide_shows_the_story_so_far_with_its_event_selected(fixture_atlas):
    slide = get_slide(fixture_atlas.stories, fixture_atlas.events, "test", 1)
    layers = slide_layers(fixture_atlas, slide, "en")
    assert set(layers.events["event_id"]) == set(slide.story_event_ids)
    html = layers.fmap.get_root().render()
    assert "#111111" in html  # the selected event's ring
