"""The translator: plural forms, locale numbers and dates from Babel, English fallback, every catalogue key used."""
import datetime as dt

from steppe.i18n import Translator, catalogue, t, translator


def test_plural_forms_follow_the_count():
    assert t("timeline.count", "en", n=1) == "1 event shown"
    assert t("timeline.count", "en", n=3436) == "3,436 events shown"


def test_dates_and_months_are_formatted_for_the_locale():
    tr = translator("en")
    assert tr.date(dt.date(1917, 12, 5)) == "5 Dec 1917"
    assert tr.month(dt.date(1930, 7, 1)) == "Jul 1930"


def test_russian_plural_rules_are_babels():
    # the catalogue is not there yet; the rules are: 1 one, 2-4 few, 5-20 many (CLDR, via Babel)
    from babel import Locale
    ru = Locale.parse("ru")
    assert [ru.plural_form(n) for n in (1, 3, 5, 21, 22, 25)] == ["one", "few", "many", "one", "few", "many"]


def test_unknown_keys_and_languages_fall_back():
    assert t("no.such.key", "en") == "no.such.key"
    assert Translator("xx").lang == "en"


def test_plural_entries_have_one_and_other():
    for key, entry in catalogue("en").items():
        if isinstance(entry, dict):
            assert {"one", "other"} <= set(entry), key
