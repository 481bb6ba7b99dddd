import pytest

from steppe.filters import filter_events, filter_routes, find_discrepancies, regions_valid_in
from steppe.urlstate import View


def ids(frame):
    return set(frame["event_id"])


@pytest.mark.parametrize("year_from, year_to, expected", [
    (1917, 1917, {"1917-12-05-congress"}),          # Julian 5 Dec 1917 = 18 Dec 1917, still 1917
    (1932, 1932, {"1931-1933-famine"}),             # a span across 1931-33 overlaps 1932
    (1930, 1930, {"1929-12-span", "1930-spring"}),
    (1925, 1925, {"1925-approx"}),                  # strict bounds: "1925~" is not drawn into 1924
    (1924, 1924, {"1924-10-delimitation"}),
])
def test_filter_keeps_events_overlapping_window(fixture_atlas, year_from, year_to, expected):
    assert ids(filter_events(fixture_atlas.events, View(year_from=year_from, year_to=year_to))) == expected


def test_filter_by_thread_person_place_source_certainty(fixture_atlas):
    events = fixture_atlas.events
    assert ids(filter_events(events, View(threads=("alash",)))) == {"1917-12-05-congress"}
    assert ids(filter_events(events, View(people=("stalin",)))) == {"1925-approx"}
    assert ids(filter_events(events, View(places=("moscow",)))) == {"1922-arrest", "1925-approx"}
    assert ids(filter_events(events, View(sources=("src-b",)))) == {"1924-10-delimitation", "1925-approx",
                                                                    "1926-script"}
    assert ids(filter_events(events, View(certainties=("claim",)))) == {"1926-script"}


def test_text_search_is_case_insensitive_and_literal(fixture_atlas):
    assert ids(filter_events(fixture_atlas.events, View(q="DECREE"))) == {"1928-08-27-decree"}
    # "кзыл" is in the title of one and in the Russian name of the other one's place
    assert ids(filter_events(fixture_atlas.events, View(q="кзыл"))) == {"1935-exile", "1928-08-27-decree"}
    assert ids(filter_events(fixture_atlas.events, View(q=".*"))) == set()


def test_routes_and_regions_follow_the_years(fixture_atlas):
    assert set(filter_routes(fixture_atlas.routes, View(year_from=1930, year_to=1930))["route_id"]) == {
        "1930-chimkent-stalinabad"}
    regions = regions_valid_in(fixture_atlas.regions, fixture_atlas.region_bounds, View(year_from=1920, year_to=1921))
    assert [f["properties"]["region_id"] for f in regions["features"]] == ["turkestan-asrr"]


def test_discrepancies_list_disputed_events(fixture_atlas):
    assert "1928-08-27-decree" in ids(find_discrepancies(fixture_atlas.events))
