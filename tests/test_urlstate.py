import pytest

from steppe import config
from steppe.urlstate import Known, View, parse_view, view_to_params

KNOWN = Known(people=frozenset({"bukeikhan"}), places=frozenset({"orenburg"}), sources=frozenset({"carr1959"}),
              events=frozenset({"1928-08-27-decree"}))


def test_empty_params_give_the_default_view():
    assert parse_view({}, KNOWN) == (View(), [])


def test_view_round_trips_through_params():
    view = View(year_from=1928, year_to=1931, threads=("migration", "alash"), people=("bukeikhan",),
                places=("orenburg",), sources=("carr1959",), certainties=("disputed",), q="bai",
                event="1928-08-27-decree")
    params = view_to_params(view)
    assert parse_view(params, KNOWN) == (view, [])


def test_repeated_and_comma_separated_threads_are_both_read():
    view, _ = parse_view({"thread": ["alash", "migration,confiscation"]}, KNOWN)
    assert view.threads == ("alash", "migration", "confiscation")


@pytest.mark.parametrize("params, expected_years, notice_key", [
    ({"from": "abc"}, (config.YEAR_MIN, config.YEAR_MAX), "url.not_a_year"),
    ({"to": "99999"}, (config.YEAR_MIN, config.YEAR_MAX), "url.year_outside"),
    ({"from": "1931", "to": "1925"}, (1925, 1931), "url.years_swapped"),
    ({"from": "1800"}, (config.YEAR_MIN, config.YEAR_MAX), "url.year_outside"),
    ({"from": "²"}, (config.YEAR_MIN, config.YEAR_MAX), "url.not_a_year"),
])
def test_bad_years_fall_back_with_a_notice(params, expected_years, notice_key):
    view, notices = parse_view(params, KNOWN)
    assert (view.year_from, view.year_to) == expected_years
    assert [n.key for n in notices] == [notice_key]


def test_hostile_values_are_ignored_with_a_notice():
    view, notices = parse_view({"thread": "<script>alert(1)</script>", "event": "nope", "lang": "xx",
                                "person": "' OR 1=1"}, KNOWN)
    assert view.threads == () and view.event == "" and view.lang == "en" and view.people == ()
    assert len(notices) == 4


def test_long_query_is_cut():
    view, _ = parse_view({"q": "x" * 5000}, KNOWN)
    assert len(view.q) == config.MAX_QUERY_LENGTH


def test_defaults_are_left_out_of_links():
    assert view_to_params(View()) == {}


STORIES = Known(stories=(("alash", 7),))


@pytest.mark.parametrize("params, story, step, notices", [
    ({"story": "alash", "step": "3"}, "alash", 3, 0),
    ({"story": "alash", "step": "99"}, "alash", 7, 1),
    ({"story": "alash", "step": "-1"}, "alash", 0, 1),
    ({"story": "alash", "step": "²"}, "alash", 0, 1),
    ({"story": "alash", "step": "9" * 5000}, "alash", 0, 1),
    ({"story": "nope", "step": "2"}, "", 0, 1),
    ({"step": "2"}, "", 0, 0),
])
def test_story_and_step_are_read_and_bounded(params, story, step, notices):
    view, found = parse_view(params, STORIES)
    assert (view.story, view.step, len(found)) == (story, step, notices)


def test_story_round_trips():
    view = View(story="alash", step=4)
    assert parse_view(view_to_params(view), STORIES) == (view, [])


def test_search_text_round_trips_with_its_comma():
    view, notices = parse_view({"q": "decree, 1928"}, KNOWN)
    assert view.q == "decree, 1928" and notices == []
    assert view_to_params(view) == {"q": "decree, 1928"}


def test_a_merged_event_id_opens_the_kept_event():
    known = Known(events=frozenset({"kept"}), redirects=(("old", "kept"),))
    assert parse_view({"event": "old"}, known) == (View(event="kept"), [])


def test_a_card_round_trips_and_an_unknown_one_is_dropped():
    from steppe.urlstate import Known, parse_view, view_to_params
    known = Known(people=frozenset({"bukeikhan"}), places=frozenset({"kzyl-orda"}))
    view, notices = parse_view({"card": "place:kzyl-orda"}, known)
    assert view.card == "place:kzyl-orda" and not notices and view_to_params(view) == {"card": "place:kzyl-orda"}
    for bad in ("person:kzyl-orda", "kzyl-orda", "event:x"):
        view, notices = parse_view({"card": bad}, known)
        assert view.card == "" and [n.key for n in notices] == ["url.unknown_card"]


def test_presenter_mode_is_in_the_link_only_with_a_story():
    known = Known(stories=(("alash", 7),))
    view, notices = parse_view({"story": "alash", "step": "3", "present": "1"}, known)
    assert view.present and view.step == 3 and notices == []
    assert view_to_params(view) == {"story": "alash", "step": "3", "present": "1"}
    assert parse_view(view_to_params(view), known) == (view, [])
    assert not parse_view({"present": "1"}, known)[0].present            # no story: nothing to present
    assert "present" not in view_to_params(View(story="alash", step=0))  # the title slide is in the link, present is not
    assert view_to_params(View(story="alash", step=0))["step"] == "0"
    view, notices = parse_view({"story": "alash", "present": "<b>yes</b>"}, known)
    assert not view.present and [n.key for n in notices] == ["present.bad_value"]
