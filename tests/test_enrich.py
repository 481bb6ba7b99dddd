"""Derived columns at load: date bounds, coordinates, names, search text; events sorted by date."""


def test_events_are_sorted_and_carry_bounds_places_and_search_text(fixture_atlas):
    events = fixture_atlas.events
    assert events["start"].is_monotonic_increasing and (events["start"] <= events["end"]).all()
    placed = events[events["place_id"] != ""]
    assert placed["lat"].notna().all() and (placed["place_name"] != "").all()
    assert (events["search_text"] == events["search_text"].str.casefold()).all()
    assert (events["source_short"] != "").all()
