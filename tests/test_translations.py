"""Three languages: every catalogue key in each, the same placeholders, CLDR plural forms; every event, person,
place and era translated; translations use the glossary's forms for the names Kazakh readers know."""
import csv
import json
import string

import pytest
from babel import Locale

from conftest import ROOT
from steppe import config
from steppe.i18n import catalogue

LANGS = [lang for lang in config.LANGUAGES if lang != "en"]
GLOSSARY = list(csv.DictReader((ROOT / "steppe" / "locales" / "glossary.csv").open(encoding="utf-8")))
CHECKED_TERMS = ["Alikhan Bukeikhan", "Kzyl-Orda", "Orenburg", "Alash-Orda", "Ryskulov", "Goloshchekin", "Tashkent"]


def placeholders(text) -> set:
    texts = text.values() if isinstance(text, dict) else [text]
    return {name for t in texts for _, name, _, _ in string.Formatter().parse(t) if name}


def test_the_atlas_speaks_three_languages():
    assert config.LANGUAGES == ("en", "ru", "kk")


@pytest.mark.parametrize("lang", LANGS)
def test_every_key_exists_with_the_same_placeholders(lang):
    en, other = catalogue("en"), catalogue(lang)
    assert sorted(set(en) ^ set(other)) == []
    assert [k for k in en if placeholders(en[k]) != placeholders(other[k])] == []


@pytest.mark.parametrize("lang", LANGS)
def test_plural_entries_have_the_languages_categories(lang):
    wanted = set(Locale.parse(lang).plural_form.tags) | {"other"}
    for key, entry in catalogue(lang).items():
        if isinstance(catalogue("en")[key], dict):
            assert isinstance(entry, dict) and wanted <= set(entry), key


def test_kazakh_is_written_in_kazakh_cyrillic():
    text = json.dumps(catalogue("kk"), ensure_ascii=False)
    assert all(letter in text for letter in "әғқңөұүі")


@pytest.mark.parametrize("lang", LANGS)
def test_every_event_person_place_and_era_is_translated(real_atlas, lang):
    ev = real_atlas.events
    assert ev.loc[(ev[f"title_{lang}"] == "") | (ev[f"summary_{lang}"] == ""), "event_id"].tolist() == []
    assert real_atlas.people.loc[real_atlas.people[f"name_{lang}"] == "", "person_id"].tolist() == []
    assert real_atlas.places.loc[real_atlas.places[f"name_{lang}"] == "", "place_id"].tolist() == []
    assert real_atlas.eras.loc[real_atlas.eras[f"label_{lang}"] == "", "era_id"].tolist() == []


def _stem(form: str) -> str:
    first = form.split(";")[0].split(" (")[0].strip()
    return first[: max(4, len(first) - 2)]


@pytest.mark.parametrize("lang", LANGS)
def test_translations_use_the_glossarys_forms(real_atlas, lang):
    rows = [g for g in GLOSSARY if g["term"] in CHECKED_TERMS]
    assert len(rows) == len(CHECKED_TERMS)
    wrong = []
    for g in rows:
        english = g["en"].split()[-1].split("(")[0]  # "Bukeikhan", "Kzyl-Orda", ...
        stem = _stem(g[lang]).split()[-1] if " " in _stem(g[lang]) and g["term"] != "Alash-Orda" else _stem(g[lang])
        for row in real_atlas.events.to_dict("records"):
            for field in ("title", "summary"):
                if english in row[field] and stem.casefold() not in row[f"{field}_{lang}"].casefold():
                    wrong.append((row["event_id"], field, g["term"], stem))
    assert wrong == []


@pytest.mark.parametrize("lang", LANGS)
def test_every_story_step_is_translated(real_atlas, lang):
    stories = real_atlas.stories
    missing = [(r["story_id"], r["step"], column) for r in stories.to_dict("records")
               for column in ("heading", "text", "question") if r.get(column) and not r.get(f"{column}_{lang}")]
    assert missing == []
