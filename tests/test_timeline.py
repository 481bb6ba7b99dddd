"""The timeline figure: one marker per event with its id, calendars, escaping, eras, counts above the limit."""
import pandas as pd

from factories import many_events
from steppe import config
from steppe.timeline import build_timeline, is_aggregated, pack_labelled, pack_slots, room_for_labels


def event_markers(fig):
    return [tr for tr in fig.data if tr.mode.startswith("markers") and tr.customdata is not None]


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


def test_an_event_is_named_only_where_its_sub_row_has_room_before_the_next():
    day = pd.Timestamp
    starts = [day("1925-01-01"), day("1925-02-01"), day("1925-09-01"), day("1925-01-15")]
    ends = [s + pd.Timedelta(days=100) for s in starts]
    room = room_for_labels(starts, [0, 0, 0, 1], ends, pd.Timedelta(days=5))
    assert room == [False, True, True, True]  # the first label would run into the second event
    assert room_for_labels(starts, [0, 0, 0, 1], ends, pd.Timedelta(days=5), limit=day("1925-06-01")) == [
        False, True, False, True]  # a label that would run off the chart's right edge is left out


def test_titles_take_room_on_a_sub_row_only_while_the_lane_does_not_overflow():
    day = pd.Timestamp
    starts = [day("1925-01-01"), day("1925-02-01"), day("1925-03-01")]
    label_ends = [s + pd.Timedelta(days=200) for s in starts]
    slots, named = pack_labelled(starts, starts, label_ends, 3, pd.Timedelta(days=5))
    assert slots == [0, 1, 2] and named == [True, True, True]
    short = [s + pd.Timedelta(days=40) for s in starts]
    slots, named = pack_labelled(starts, starts, short, 2, pd.Timedelta(days=5))
    assert slots == [0, 1, 0] and named == [True, True, True]  # the first title ends before the third event
    # two titles already fill both sub-rows when the third event comes: the caller falls back (room_for_labels)
    assert pack_labelled(starts, starts, label_ends, 2, pd.Timedelta(days=5)) is None


def labels_of(fig):
    return [text for tr in event_markers(fig) for text in (tr.text or ()) if text]


def test_a_zoomed_window_with_few_events_names_them_and_a_busy_one_does_not(real_atlas):
    from steppe.filters import filter_events
    from steppe.urlstate import View
    few = filter_events(real_atlas.events, View(year_from=1924, year_to=1926, threads=("confiscation",)))
    fig = build_timeline(few, lang="en", year_from=1924, year_to=1926)
    assert 0 < len(labels_of(fig)) <= len(few)
    assert all(len(text) <= config.TIMELINE_LABEL_CHARS for text in labels_of(fig))
    busy = filter_events(real_atlas.events, View(year_from=1924, year_to=1926, threads=("party_struggle",)))
    assert len(busy) > config.TIMELINE_LABEL_MAX and not labels_of(build_timeline(busy, lang="en", year_from=1924,
                                                                                   year_to=1926))


def test_hover_and_labels_are_escaped_once(real_atlas):
    events = real_atlas.events.head(3).assign(title=["Alash's \"congress\" & <b>", "x", "y"], thread="alash")
    fig = build_timeline(events, lang="en", year_from=1916, year_to=1937)
    text = " ".join(h for tr in event_markers(fig) for h in list(tr.hovertext) + list(tr.text or ()))
    assert "Alash's \"congress\" &amp; &lt;b&gt;" in text
    assert "&quot;" not in text and "&#x27;" not in text and "&amp;amp;" not in text


def test_timeline_counts_per_month_above_the_limit():
    events = many_events(1, config.MAX_TIMELINE_EVENTS + 1).assign(
        certainty="certain", qualified=False, precision="year", calendar="gregorian", date="1930",
        source_short="S", locator="p. 1", quote="q")
    assert is_aggregated(events)
    fig = build_timeline(events, lang="en")
    assert sum(len(tr.x) for tr in fig.data) == 1 and all(tr.customdata is None for tr in fig.data)
    assert fig.data[0].hovertext[0].startswith(f"{config.MAX_TIMELINE_EVENTS + 1:,} events · Jul 1930")


def test_zoomed_in_events_running_across_the_window_are_thin_lines_under_their_lane():
    events = many_events(1, 3).assign(certainty="certain", qualified=False, precision="span", calendar="gregorian",
                                      date="1917/1936", source_short="S", locator="p. 1", quote="q",
                                      start=pd.Timestamp("1917-01-01"), end=pd.Timestamp("1936-12-31"))
    events["event_id"] = ["a", "b", "c"]
    fig = build_timeline(events, lang="en", year_from=1924, year_to=1926)
    widths = [tr.line.width for tr in fig.data if tr.mode == "lines"]
    assert widths == [3]  # one trace of thin lines, not three full sub-rows of bars
    ys = sorted(y for tr in event_markers(fig) for y in tr.y)
    assert ys[1] - ys[0] < 0.5
