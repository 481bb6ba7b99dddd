"""Which features a map shows: the view's filters and years for the Map page; for a story slide, the story's events,
the slide's own routes, its place names and the bounds its map fits (checked over every curated slide)."""
import pandas as pd
import pytest

from steppe.layers import area_corners, fit_bounds, map_layers, short_name, slide_layers
from steppe.model import split_ids
from steppe.stories import Slide, get_slide, story_slides
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


def test_a_slide_shows_every_event_of_its_story_with_its_own_selected(fixture_atlas):
    slide = get_slide(fixture_atlas.stories, fixture_atlas.events, "test", 1)
    layers = slide_layers(fixture_atlas, slide, "en")
    assert set(layers.events["event_id"]) == set(slide.all_event_ids) == {"1917-12-05-congress", "1930-spring"}
    assert layers.selected == "1917-12-05-congress"
    assert [label.text for label in layers.labels] == ["Orenburg"] and layers.labels[0].main


def test_fit_bounds_holds_every_point_and_is_never_a_street_map():
    assert fit_bounds([]) is None
    (south, west), (north, east) = fit_bounds([(55.75, 37.62)])
    assert north - south == pytest.approx(6.0) and east - west == pytest.approx(9.0)
    assert south < 55.75 < north and west < 37.62 < east
    (south, west), (north, east) = fit_bounds([(40.0, 60.0), (56.0, 93.0)])
    assert (south, west, north, east) == (40.0, 60.0, 56.0, 93.0)


def test_an_approximate_point_brings_the_area_it_stands_for():
    assert area_corners(48.2, 67.3, "city") == [(48.2, 67.3)]
    (s, w), (n, e) = area_corners(48.2, 67.3, "region-approximate")
    assert n - s > 10 and e - w > 15


def test_labels_are_short_and_places_at_one_point_share_a_label(real_atlas):
    assert short_name("Zarechnaya Slobodka ('the city of Alash')") == "Zarechnaya Slobodka"
    arrest = get_slide(real_atlas.stories, real_atlas.events, "bukeikhan", 1)  # Karkaraly, and Jeltau 140 km away
    labels = slide_layers(real_atlas, arrest, "en").labels
    assert [(label.text, label.main) for label in labels] == [("Karkaralinsk", True), ("Jeltau", False)]


def test_a_slide_draws_its_own_route_strongly(real_atlas):
    escort = get_slide(real_atlas.stories, real_atlas.events, "bukeikhan", 2)  # Karkaraly -> Moscow, Nov 1922
    layers = slide_layers(real_atlas, escort, "en")
    assert list(layers.slide_routes["route_id"]) == ["1922-bukeikhan-karkaraly-moscow-escort"]
    assert "1922-bukeikhan-karkaraly-moscow-escort" not in set(layers.routes["route_id"])


def test_an_event_without_a_place_shows_the_story_and_says_so(real_atlas):
    slide = get_slide(real_atlas.stories, real_atlas.events, "alash", 5)  # 1919: no place in the source
    assert slide.event["place_id"] == "" and slide.event["other_place_ids"] == ""
    layers = slide_layers(real_atlas, slide, "en")
    assert layers.shows == "story" and layers.labels == ()
    (south, west), (north, east) = layers.bounds
    for lat, lon in zip(layers.events["lat"].dropna(), layers.events["lon"].dropna()):
        assert south <= lat <= north and west <= lon <= east


def _all_curated_slides(atlas):
    for story_id in dict.fromkeys(atlas.stories["story_id"]):
        yield from story_slides(atlas.stories, atlas.events, story_id)


def test_every_curated_slide_map_holds_its_places(real_atlas):
    """The issue: 7 of 44 slides put their place off the map (every Moscow slide). Now every place of every slide
    (its own and the others its event names) lies inside the bounds the map fits."""
    places = real_atlas.places.set_index("place_id")
    checked, moscow = 0, 0
    for slide in _all_curated_slides(real_atlas):
        layers = slide_layers(real_atlas, slide, "en")
        (south, west), (north, east) = layers.bounds
        assert north - south >= 6.0 - 1e-6 and east - west >= 9.0 - 1e-6, (slide.story_id, slide.step)
        ids = ([slide.event["place_id"], *split_ids(slide.event["other_place_ids"])] if slide.event
               else list(layers.events["place_id"]))
        for place_id in filter(None, ids):
            if places.loc[place_id, "precision"] == "country":
                continue  # a whole country is "no single place": not drawn as a point, so not framed
            lat, lon = places.loc[place_id, ["lat", "lon"]]
            assert south <= lat <= north and west <= lon <= east, (slide.story_id, slide.step, place_id, layers.bounds)
            checked += 1
            moscow += place_id == "moscow"
    assert checked > 50 and moscow >= 7


def test_a_hostile_place_name_stays_text_on_the_map(fixture_atlas):
    from steppe.storymap import label_html
    event = fixture_atlas.events[fixture_atlas.events["place_id"] == "faraway"].iloc[0].to_dict()
    slide = Slide("x", 1, 1, "h", "t", event, (event["event_id"],), "X", "", (event["event_id"],))
    label = slide_layers(fixture_atlas, slide, "en").labels[0]
    assert label.text == "<b>Far</b> & away"
    assert label_html(label).endswith(">&lt;b&gt;Far&lt;/b&gt; &amp; away</span>")


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
