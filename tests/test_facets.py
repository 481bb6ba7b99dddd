"""Facets with counts: the filtered events' values, each a view that adds (or removes) the filter; events per year."""
from steppe.facets import events_per_year, facet_counts, year_histogram
from steppe.filters import filter_events
from steppe.urlstate import View, parse_view, view_to_params


def test_counts_follow_the_filtered_events_and_each_value_adds_its_filter(fixture_atlas):
    view = View(threads=("migration",))
    events = filter_events(fixture_atlas.events, view)
    facets = facet_counts(events, fixture_atlas, view)
    places = {v.value: v for v in facets["places"]}
    assert places["chimkent"].count == 2 and places["chimkent"].label == "Chimkent"
    assert places["stalinabad"].count == 1 and places["faraway"].count == 1
    assert places["chimkent"].view == View(threads=("migration",), places=("chimkent",))
    assert {v.value: v.count for v in facets["event_types"]} == {"migration": 2, "sentence": 1}
    thread = facets["threads"][0]
    assert (thread.value, thread.count, thread.selected, thread.view) == ("migration", 3, True, View())
    assert sum(v.count for v in facets["certainties"]) == len(events)


def test_an_event_counts_once_per_place_and_people_are_names(fixture_atlas):
    events = fixture_atlas.events.copy()
    events.loc[events["event_id"] == "1922-arrest", "other_place_ids"] = "moscow;semipalatinsk"
    facets = facet_counts(events, fixture_atlas, View())
    assert {v.value: v.count for v in facets["places"]}["semipalatinsk"] == 1
    assert {v.value: v.label for v in facets["people"]}["bukeikhan"] == "Alikhan Bukeikhan"


def test_the_event_type_filter_is_one_line_in_the_filter_table(fixture_atlas):
    view, notices = parse_view({"event_type": ["decree", "nonsense"]})
    assert view.event_types == ("decree",) and [n.key for n in notices] == ["url.unknown_values"]
    assert view_to_params(view) == {"event_type": ["decree"]}
    assert set(filter_events(fixture_atlas.events, view)["event_id"]) == {"1928-08-27-decree"}


def test_events_per_year_counts_by_start_year_with_zeros(fixture_atlas):
    counts = events_per_year(fixture_atlas.events)
    assert counts.index[0] == 1916 and counts.index[-1] == 1937 and counts.sum() == len(fixture_atlas.events)
    assert counts[1917] == 1 and counts[1918] == 0 and counts[1929] == 1
    assert events_per_year(fixture_atlas.events.iloc[0:0]).sum() == 0
    assert len(year_histogram(fixture_atlas.events, "en").data[0].x) == 22
