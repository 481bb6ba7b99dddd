"""Which features a map shows: the view's filters (every year, for Play) and its window for the Map page, the story
so far for a slide; the regions of one date in both."""
import pandas as pd

from steppe.layers import map_layers, slide_layers
from steppe.stories import get_slide
from steppe.urlstate import View


def test_map_layers_follow_the_view(fixture_atlas):
    everything = map_layers(fixture_atlas, View())
    some = map_layers(fixture_atlas, View(threads=("migration",)))
    assert len(some.events) < len(everything.events) and set(some.events["thread"]) == {"migration"}
    assert everything.unplaced == 1 and not everything.aggregated
    assert [g.layer_name for g in everything.groups] == ["Historical regions (approximate)", "Routes (schematic)",
                                                         "Events"]


def test_regions_are_those_of_the_last_day_of_the_window(fixture_atlas):
    early = map_layers(fixture_atlas, View(year_from=1920, year_to=1921))
    late = map_layers(fixture_atlas, View(year_from=1920, year_to=1935))
    assert early.date == pd.Timestamp(1921, 12, 31)
    assert [f["properties"]["region_id"] for f in early.regions["features"]] == ["turkestan-asrr"]
    assert [f["properties"]["region_id"] for f in late.regions["features"]] == ["kazakh-asrr"]  # not both periods


def test_a_selected_event_with_a_place_is_where_the_map_goes(fixture_atlas):
    assert map_layers(fixture_atlas, View(event="1930-spring")).focus == (42.3, 69.6)
    assert map_layers(fixture_atlas, View(event="1931-1933-famine")).focus is None  # no single place
    assert map_layers(fixture_atlas, View()).focus is None


def test_a_slide_shows_the_story_so_far_with_its_event_selected(fixture_atlas):
    slide = get_slide(fixture_atlas.stories, fixture_atlas.events, "test", 1)
    layers = slide_layers(fixture_atlas, slide, "en")
    assert set(layers.events["event_id"]) == set(slide.story_event_ids)
    html = layers.fmap.get_root().render()
    assert "#111111" in html  # the selected event's ring
    # the fixture's regions start in April 1918: the slide shows those of that first day, and says so
    assert layers.date == pd.Timestamp(1918, 4, 1) and len(layers.regions["features"]) == 1
