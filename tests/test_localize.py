"""The reader's language applied to data: dates written from EDTF with Babel, translated text marked."""
import pytest

from steppe.localize import date_words, localized_atlas


@pytest.mark.parametrize("edtf, ru, kk", [
    ("1917-12-05/1917-12-13", "5–13 декабря 1917", "5–13 желтоқсан 1917"),
    ("1917-12", "декабрь 1917", "желтоқсан 1917"),
    ("1928-08-27", "27 августа 1928", "27 тамыз 1928"),
    ("1930-21", "весна 1930", "1930 жылғы көктем"),
    ("1931/1933", "1931–1933", "1931–1933"),
    ("1925~", "приблизительно 1925", "шамамен 1925"),
    ("192X", "1920–1929", "1920–1929"),
])
def test_dates_in_russian_and_kazakh_follow_the_edtf_precision(edtf, ru, kk):
    assert date_words(edtf, "label", "ru") == ru and date_words(edtf, "label", "kk") == kk


def test_english_keeps_the_curators_label():
    assert date_words("1917-12", "December 1917", "en") == "December 1917"


def test_the_localized_atlas_marks_translations_and_falls_back_to_english(fixture_atlas):
    ru = localized_atlas(fixture_atlas, "ru")
    assert list(ru.events["event_id"]) == list(fixture_atlas.events["event_id"])
    assert not ru.events["translated"].any()  # the fixture has no translations: English is shown, unmarked
    assert (ru.events["title"] == fixture_atlas.events["title"]).all()
    assert localized_atlas(fixture_atlas, "en") is fixture_atlas


def test_the_curated_data_reads_in_kazakh(real_atlas):
    kk = localized_atlas(real_atlas, "kk")
    assert kk.events["translated"].all()
    row = kk.events.set_index("event_id").loc[kk.events["event_id"].iloc[0]]
    assert any(ch in row["title"] + row["summary"] for ch in "әғқңөұүі")
