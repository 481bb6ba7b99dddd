"""The reader's language applied to data: translated titles and summaries (marked as the atlas' translation),
names of people and places in three scripts, and dates in words written from the EDTF date with Babel.

English shows the curators' own `date_label`; Russian and Kazakh write the date from the EDTF value, which is
exactly as precise as the source (a day, a month, a season, a year, a span), so no nuance is invented."""
from __future__ import annotations

import datetime as dt

from babel.dates import format_date

from .dates import DateError, parse_date
from .i18n import translator
from .model import split_ids

SEASONS = {"21": "spring", "22": "summer", "23": "autumn", "24": "winter"}


def _side(part: str, lang: str) -> tuple[dt.date, dt.date, str]:
    span = parse_date(part, "gregorian")
    core = part.rstrip("~?%")
    if "X" in core.upper():  # unspecified digits ('192X'): the range they allow
        return span.start, span.end, "span"
    if len(core) == 7 and core[5:] in SEASONS:
        return span.start, span.end, "season:" + SEASONS[core[5:]]
    return span.start, span.end, span.precision


def _one(start: dt.date, precision: str, lang: str) -> str:
    tr = translator(lang)
    if precision == "day":
        return format_date(start, "d MMMM y", locale=tr.locale)
    if precision == "month":
        return format_date(start, "LLLL y", locale=tr.locale).lower()  # months are not capitalised in ru/kk
    if precision.startswith("season:"):
        return tr("season." + precision.split(":")[1], year=str(start.year))
    return str(start.year)


def date_words(edtf: str, date_label: str, lang: str) -> str:
    """The date in the reader's words: the curators' label in English, written from EDTF in other languages."""
    if lang == "en":
        return date_label
    tr = translator(lang)
    try:
        if "/" not in edtf:
            start, end, precision = _side(edtf, lang)
            if precision == "span":  # a decade ('192X') and other unspecified digits
                text = f"{start.year}–{end.year}"
            else:
                text = _one(start, precision, lang)
        else:
            left, right = edtf.split("/", 1)
            if left == "..":
                return tr("date.until", date=date_words(right, right, lang))
            if right == "..":
                return tr("date.from", date=date_words(left, left, lang))
            (s1, _, p1), (s2, _, p2) = _side(left, lang), _side(right, lang)
            if left[-1:] in "~%?" and right[-1:] not in "~%?":  # only the start is approximate
                return f"{_qualified(_one(s1, p1, lang), left, tr)} – {_one(s2, p2, lang)}"
            if p1 == p2 == "day" and (s1.year, s1.month) == (s2.year, s2.month):
                text = f"{s1.day}–{s2.day} {format_date(s2, 'MMMM y', locale=tr.locale)}"
            elif p1 == p2 == "year" or (p1 == "year" and p2 == "year"):
                text = f"{s1.year}–{s2.year}"
            else:
                text = f"{_one(s1, p1, lang)} – {_one(s2, p2, lang)}"
    except DateError:
        return date_label
    return _qualified(text, edtf, tr)


def _qualified(text: str, edtf: str, tr) -> str:
    if edtf.endswith(("~", "%")):
        return tr("date.about", date=text)
    if edtf.endswith("?"):
        return tr("date.uncertain", date=text)
    return text


def _column_in(frame, column: str, lang: str, other: str | None = None):
    """frame[<other>] (default `<column>_<lang>`) where it is filled, else frame[column]; and where it was used."""
    other = other or f"{column}_{lang}"
    if other not in frame.columns:
        return frame[column], frame[column].map(lambda _: False)
    filled = frame[other].fillna("").astype(str).str.strip() != ""
    return frame[other].where(filled, frame[column]), filled


def localized_atlas(atlas, lang: str):
    """The atlas as a reader of `lang` sees it: the same rows and ids, with titles, summaries, names, dates in
    words, era labels and story texts in that language where the data has them (English otherwise).
    `translated` marks the events whose title and summary are the atlas' translation."""
    from dataclasses import replace

    if lang == "en":
        return atlas
    events = atlas.events.copy()
    events["title"], title_done = _column_in(events, "title", lang)
    events["summary"], summary_done = _column_in(events, "summary", lang)
    events["translated"] = title_done | summary_done
    events["date_label"] = [date_words(e, label, lang) for e, label in zip(events["date"], events["date_label"])]
    places = atlas.places.copy()
    places["period_name"], _ = _column_in(places, "period_name", lang, other=f"name_{lang}")
    events["place_name"] = events["place_id"].map(dict(zip(places["place_id"], places["period_name"]))).fillna("")
    people = atlas.people.copy()
    people["name"], _ = _column_in(people, "name", lang, other=f"name_{lang}")
    person_names = dict(zip(people["person_id"], people["name"]))
    place_names = dict(zip(places["place_id"], places["period_name"]))
    events["people_names"] = events["people"].map(lambda c: "; ".join(person_names.get(p, p) for p in split_ids(c)))
    events["place_names"] = (events["place_id"] + ";" + events["other_place_ids"]).map(
        lambda c: "; ".join(place_names.get(p, p) for p in split_ids(c)))
    eras = atlas.eras.copy()
    eras["label"], _ = _column_in(eras, "label", lang)
    stories = atlas.stories.copy()
    stories["heading"], _ = _column_in(stories, "heading", lang)
    stories["text"], _ = _column_in(stories, "text", lang)
    if "question" in stories.columns:
        stories["question"], _ = _column_in(stories, "question", lang)
    return replace(atlas, events=events, places=places, people=people, eras=eras, stories=stories)
