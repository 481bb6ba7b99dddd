"""The timeline figure: one marker per event with its id, calendars, escaping, eras, counts above the limit."""
import pandas as pd

from factories import many_events
from steppe import config
from steppe.timeline import build_timeline, is_aggregated, pack_slots


def event_markers(fig):
    return [tr for tr in fig.data if tr.mode == "markers" and tr.customdata is not None]


def test_timeline_has_one_marker_per_event_carrying_its_id(fixture_atlas):
    fig = build_timeline(fixture_atlas.events, lang="en")
    ids = [row[0] for tr in event_markers(fig) for row in tr.customdata]
    assert sorted(ids) == sorted(fixture_atlas.events["event_id"])


def test_julian_event_is_placed_at_its_gregorian_date_and_hover_says_both(fixture_atlas):
    fig = build_timeline(fixture_atlas.events, lang="en")
    alash = next(tr for tr in event_markers(fig) if tr.customdata[0][0] == "1917-12-05-congress")
    assert pd.Timestamp(alash.x[0]) == pd.Timestamp("1917-12-18")
    assert "5 Dec 1917 O.S. = 18 Dec 1917 N.S." in alash.hovertext[0]


def test_timeline_escapes_titles_and_shades_eras(fixture_atlas):
    fig = build_timeline(fixture_atlas.events, fixture_atlas.eras, lang="en")
    hovers = " ".join(h for tr in event_markers(fig) for h in tr.hovertext)
    assert "&lt;script&gt;" in hovers and "<script>" not in hovers
    assert len(fig.layout.shapes) == len(fixture_atlas.eras)


def test_approximate_dates_get_a_fuzzy_band_and_selection_a_ring(fixture_atlas):
    fig = build_timeline(fixture_atlas.events, lang="en", selected="1925-approx")
    assert any("approximate range" in (tr.name or "") for tr in fig.data)
    assert any(tr.name == "selected" for tr in fig.data)


def test_pack_slots_separates_overlapping_events():
    day = pd.Timestamp
    slots = pack_slots([day("1925-01-01"), day("1925-01-02"), day("1930-01-01")],
                       [day("1925-12-31"), day("1925-06-01"), day("1930-01-01")])
    assert slots[0] != slots[1] and slots[2] == 0


def test_timeline_counts_per_month_above_the_limit():
    events = many_events(1, config.MAX_TIMELINE_EVENTS + 1).assign(
        certainty="certain", qualified=False, precision="year", calendar="gregorian", date="1930",
        source_short="S", locator="p. 1", quote="q")
    assert is_aggregated(events)
    fig = build_timeline(events, lang="en")
    assert sum(len(tr.x) for tr in fig.data) == 1 and all(tr.customdata is None for tr in fig.data)
    assert fig.data[0].hovertext[0].startswith(f"{config.MAX_TIMELINE_EVENTS + 1:,} events · Jul 1930")
