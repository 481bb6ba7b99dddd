import pandas as pd
import pytest

from steppe.filters import (filter_events, filter_routes, find_discrepancies, name_on, region_date, regions_on,
                            regions_valid_in)
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


def every_day_a_region_changes(atlas):
    days = {start for start, _ in atlas.region_bounds} | {end for _, end in atlas.region_bounds}
    days |= {pd.Timestamp(y, m, 1) for y in range(1917, 1937) for m in range(1, 13)}
    return sorted(d for d in days if pd.Timestamp(1917, 1, 1) <= d <= pd.Timestamp(1936, 12, 31))


def test_regions_on_a_date_show_each_unit_once_and_drop_nothing(real_atlas):
    for day in every_day_a_region_changes(real_atlas):
        shown = regions_on(real_atlas.regions, real_atlas.region_bounds, day)["features"]
        units = [f["properties"]["unit_id"] for f in shown]
        assert len(units) == len(set(units)), (day, units)
        valid = sum(start <= day < end for start, end in real_atlas.region_bounds)
        assert len(shown) == valid, day  # the data itself never has two configurations of a unit on one day


def test_on_the_delimitation_day_the_new_units_replace_the_old(real_atlas):
    def ids(day):
        return {f["properties"]["region_id"] for f in regions_on(real_atlas.regions, real_atlas.region_bounds,
                                                                  pd.Timestamp(day))["features"]}
    before, after = ids("1924-10-26"), ids("1924-10-27")
    assert {"turkestan-asrr", "kirgiz-asrr", "bukhara-psr"} <= before and not {"kazakh-assr-1924"} & before
    assert {"kazakh-assr-1924", "uzbek-ssr-1924", "tajik-assr"} <= after and not {"turkestan-asrr"} & after


def test_the_map_date_is_the_last_day_of_the_window_within_the_region_data(real_atlas):
    bounds = real_atlas.region_bounds
    assert region_date(1925, bounds) == pd.Timestamp(1925, 12, 31)
    assert region_date(1937, bounds) == pd.Timestamp(1936, 12, 31)  # the areas and Afghanistan end with 1936
    assert region_date(1916, bounds) == pd.Timestamp(1917, 1, 1)   # nothing is drawn before 1917


def test_a_region_is_named_as_on_the_date(real_atlas):
    kazakh = next(f["properties"] for f in real_atlas.regions["features"]
                  if f["properties"]["region_id"] == "kazakh-assr-1924")
    assert name_on(kazakh, pd.Timestamp(1924, 12, 31)) == "Kirgiz ASSR"
    assert name_on(kazakh, pd.Timestamp(1925, 12, 31)) == "Kazak ASSR"
    assert name_on({"name": "Plain", "names": None}, pd.Timestamp(1925, 1, 1)) == "Plain"
    shown = regions_on(real_atlas.regions, real_atlas.region_bounds, pd.Timestamp(1924, 12, 31))["features"]
    assert "Kirgiz ASSR" in {f["properties"]["name_on_date"] for f in shown}
