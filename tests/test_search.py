"""Search by every spelling: folding, the index of people and places, and the same events for every spelling."""
import pytest

from steppe.filters import filter_events
from steppe.search import compact, matches, fold, label_with_spellings, person_spellings, place_spellings
from steppe.urlstate import View


def found(atlas, query):
    return set(atlas.events.loc[matches(atlas.events, query, atlas.search), "event_id"])


@pytest.mark.parametrize("a, b", [
    ("Kzyl-Orda", "kzyl orda"), ("Kzyl Orda", "KZYLORDA"), ("Бөкейхан", "бокеихан"), ("Қызылорда", "Кызылорда"),
    ("Ğ.B.", "gb"), ("Baitursynuly", "Baitursynulý"), ("Йосиф Сталин", "иосиф сталин"), ("Әуезов", "Ауезов"),
    ("Һ і ү ұ ң", "х и у у н"),
])
def test_folding_ignores_case_accents_hyphens_spaces_and_kazakh_letters(a, b):
    assert compact(a) == compact(b)


def test_fold_keeps_words_between_single_spaces():
    assert fold("Kzyl-Orda (1925), p. 4") == " kzyl orda 1925 p 4 "
    assert fold(None) == " " and compact("...") == ""


def entities(atlas):
    for row in atlas.people.to_dict("records"):
        yield f"person:{row['person_id']}", person_spellings(row)
    for row in atlas.places.to_dict("records"):
        yield f"place:{row['place_id']}", place_spellings(row)


def check_every_spelling_finds_the_same_events(atlas):
    checked = 0
    for key, spellings in entities(atlas):
        unique = [s for s in spellings if atlas.search.named(s) == {key}]
        sets = {s: found(atlas, s) for s in unique}
        if sets:
            first = next(iter(sets.values()))
            assert all(v == first for v in sets.values()), (key, {s: len(v) for s, v in sets.items()})
            checked += len(sets)
        for shared in (s for s in spellings if s not in unique):
            # a spelling two entities share (two rows for one man, Frunze the man and the city) finds both
            assert key in atlas.search.named(shared)
            assert found(atlas, shared) >= (first if sets else set()), (key, shared)
    return checked


def test_every_spelling_of_a_fixture_person_or_place_finds_the_same_events(fixture_atlas):
    assert check_every_spelling_finds_the_same_events(fixture_atlas) >= 10
    bukeikhan = {"1917-12-05-congress", "1922-arrest"}
    for spelling in ("Alikhan Bukeikhan", "Bokeikhan", "Bukeikhanov", "Алихан Букейханов", "Әлихан Бөкейхан",
                     "Бөкейхан", "bokeikhan"):
        assert found(fixture_atlas, spelling) == bukeikhan, spelling
    kzyl_orda = {"1928-08-27-decree", "1935-exile"}  # one placed there, one that names it in its title
    for spelling in ("Kzyl-Orda", "Kzyl Orda", "kzylorda", "Kyzylorda", "Perovsk", "Ak-Mechet", "Кзыл-Орда",
                     "Қызылорда", "Kyzylorda (Kazakhstan)"):
        assert found(fixture_atlas, spelling) == kzyl_orda, spelling


def test_every_spelling_of_a_curated_person_or_place_finds_the_same_events(real_atlas):
    assert check_every_spelling_finds_the_same_events(real_atlas) > 300
    # the bare "Букейханов" is also his son Oktay's surname (a shared spelling finds both): use the full name
    people = [found(real_atlas, s) for s in ("Bukeikhan", "Bokeikhan", "Бөкейхан", "Алихан Букейханов")]
    places = [found(real_atlas, s) for s in ("Kzyl-Orda", "Kyzylorda", "Perovsk", "Қызылорда", "kzyl orda")]
    assert people[0] and all(p == people[0] for p in people)
    assert places[0] and all(p == places[0] for p in places)


def test_the_filter_uses_the_index(fixture_atlas):
    assert set(filter_events(fixture_atlas.events, View(q="Perovsk", year_from=1935), fixture_atlas.search)[
        "event_id"]) == {"1935-exile"}


def test_other_queries_are_folded_substrings_and_punctuation_finds_nothing(fixture_atlas):
    assert found(fixture_atlas, "DECREE") == {"1928-08-27-decree"}
    assert found(fixture_atlas, "кзыл") == {"1935-exile", "1928-08-27-decree"}  # the place's Russian name
    assert found(fixture_atlas, "arrest") == {"1922-arrest"}
    assert found(fixture_atlas, ".*") == set() and found(fixture_atlas, "no such words") == set()


def test_without_the_index_a_query_still_finds_the_names_of_linked_people(fixture_atlas):
    assert set(filter_events(fixture_atlas.events, View(q="Бөкейхан"))["event_id"]) == {"1917-12-05-congress",
                                                                                       "1922-arrest"}


def test_a_picker_label_carries_the_other_spellings():
    label = label_with_spellings("Alikhan Bukeikhan", ["Alikhan Bukeikhan", "Bukeikhan", "Bokeikhan", "Әлихан Бөкейхан"])
    assert label == "Alikhan Bukeikhan — Bokeikhan, Әлихан Бөкейхан"
    assert label_with_spellings("Moscow", ["Moscow"]) == "Moscow"
