"""People and places cards: every spelling, what the sources give, names through time, the same events as a search."""
from steppe.cards import card_filter, card_for, card_keys, parse_dated_names
from steppe.search import matches
from steppe.urlstate import View


def test_a_person_card_has_every_spelling_the_dates_and_roles_and_the_events(fixture_atlas):
    card = card_for(fixture_atlas, "person:bukeikhan")
    assert card.name == "Alikhan Bukeikhan" and card.kind == "person"
    assert card.spellings == ("Alikhan Bukeikhan", "Bokeikhan", "Bukeikhanov", "Алихан Букейханов", "Әлихан Бөкейхан")
    assert card.facts == (("card.born", "1866"), ("card.died", "1937"), ("card.role", "leader of Alash-Orda"))
    assert list(card.events["event_id"]) == ["1917-12-05-congress", "1922-arrest"]


def test_a_place_card_has_its_names_through_time_in_three_scripts(fixture_atlas):
    card = card_for(fixture_atlas, "place:kzyl-orda")
    assert card.names_in_time == (("Perovsk", "1867~", "1922~"), ("Ak-Mechet", "1922~", "1925"), ("Kzyl-Orda", "1925", ".."))
    assert ("card.name_ru", "Кзыл-Орда") in card.facts and ("card.name_kk", "Қызылорда") in card.facts
    assert ("card.precision", "city") in card.facts
    assert set(card.events["event_id"]) == {"1928-08-27-decree", "1935-exile"}


def test_a_card_lists_what_a_search_by_any_spelling_finds(real_atlas):
    for key, spelling in (("person:bukeikhan", "Бөкейхан"), ("place:kzyl-orda", "Perovsk")):
        found = set(real_atlas.events.loc[matches(real_atlas.events, spelling, real_atlas.search), "event_id"])
        assert set(card_for(real_atlas, key).events["event_id"]) == found


def test_unknown_cards_and_helpers(fixture_atlas):
    assert card_for(fixture_atlas, "person:nobody") is None and card_for(fixture_atlas, "thing:x") is None
    assert parse_dated_names("") == []
    event = fixture_atlas.events.set_index("event_id", drop=False).loc["1922-arrest"]
    assert card_keys(event) == ["person:bukeikhan", "place:semipalatinsk", "place:moscow"]
    assert card_filter(View(threads=("alash",)), "place:moscow") == View(threads=("alash",), places=("moscow",))
