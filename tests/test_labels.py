"""How values are shown: Old Style dates with both calendars in one format everywhere, names for ids."""
from steppe.i18n import translator
from steppe.labels import display_date, julian_equivalence, names_of

EN = translator("en")


def test_a_day_precise_old_style_date_shows_both_calendars():
    assert julian_equivalence("1917-12-05", EN) == "5 Dec 1917 O.S. = 18 Dec 1917 N.S."
    assert display_date("5 December 1917", "1917-12-05", "julian", EN) == \
        "5 December 1917 (5 Dec 1917 O.S. = 18 Dec 1917 N.S.)"


def test_coarser_old_style_dates_are_not_shifted_but_labelled():
    assert julian_equivalence("1917-12", EN) == ""
    assert display_date("December 1917", "1917-12", "julian", EN) == "December 1917 (Old Style)"


def test_new_style_dates_are_shown_as_labelled():
    assert display_date("27 August 1928", "1928-08-27", "gregorian", EN) == "27 August 1928"


def test_names_replace_ids():
    assert names_of("a;b; c", {"a": "Alikhan", "b": "Nazir"}) == ["Alikhan", "Nazir", "c"]
