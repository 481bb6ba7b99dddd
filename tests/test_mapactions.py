"""What the map reports is read defensively: only a known event or a year of the atlas, each report once."""
import pytest

from steppe.mapactions import MapAction, read_action

KNOWN = frozenset({"1930-spring"})


def test_an_event_chosen_in_a_popup_and_the_year_where_play_stopped_are_read():
    assert read_action({"steppe": {"kind": "event", "event": "1930-spring", "n": 17}}, KNOWN) == MapAction(
        "event", "17", event="1930-spring")
    assert read_action({"steppe": {"kind": "year", "year": 1925, "n": 18}}, KNOWN) == MapAction("year", "18", year=1925)


@pytest.mark.parametrize("value", [None, {}, [], "x", {"steppe": None}, {"steppe": {"kind": "event", "event": "1930-spring"}},
                                   {"steppe": {"kind": "event", "event": "<img src=x>", "n": 1}},
                                   {"steppe": {"kind": "year", "year": 1850, "n": 1}},
                                   {"steppe": {"kind": "year", "year": "1925", "n": 1}},
                                   {"steppe": {"kind": "year", "year": True, "n": 1}},
                                   {"steppe": {"kind": "zoom", "n": 1}},
                                   {"last_object_clicked": {"lat": 1, "lng": 2}}])
def test_anything_else_is_ignored(value):
    assert read_action(value, KNOWN) is None
