"""The filtered events as files other tools read: CSV in the schema of data/events.csv, GeoJSON, TimelineJS JSON.
Pure: frames in, bytes out. (The sources they cite, as BibTeX and CSL-JSON: steppe/cite.py.)"""
from __future__ import annotations

import csv
import io
import json

import pandas as pd

from . import schema
from .dates import parse_date
from .escape import html_text
from .export import neutralise_formula
from .i18n import t, translator
from .labels import display_date

EVENT_COLUMNS = [c.name for c in schema.EVENTS]


def events_csv(events: pd.DataFrame) -> bytes:
    """The events in exactly the columns of data/events.csv, so the file loads back through the atlas' loader.
    A cell that starts like a spreadsheet formula (=, +, -, @, tab, CR) gets a leading apostrophe, as in every
    download of the atlas: that cell then differs from the data by its first character."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(EVENT_COLUMNS)
    for row in events[EVENT_COLUMNS].itertuples(index=False):
        writer.writerow([neutralise_formula(value) for value in row])
    return out.getvalue().encode("utf-8")


def _properties(row: dict, lang: str) -> dict:
    tr = translator(lang)
    shown = {c: row[c] for c in EVENT_COLUMNS}
    shown.update(date_shown=display_date(row["date_label"], row["date"], row["calendar"], tr),
                 start=row["start"].date().isoformat(), end=row["end"].date().isoformat(),
                 thread_label=t(f"thread.{row['thread']}", lang), place_names=row["place_names"],
                 people_names=row["people_names"], source=row["source_short"])
    return shown


def events_geojson(events: pd.DataFrame, lang: str) -> bytes:
    """A FeatureCollection of the events that have a place (longitude, latitude of the place; WGS 84), with every
    column of data/events.csv and the names, as properties. Events without a single place are left out."""
    placed = events[events["lat"].notna() & events["lon"].notna()]
    features = [{"type": "Feature", "id": row["event_id"],
                 "geometry": {"type": "Point", "coordinates": [float(row["lon"]), float(row["lat"])]},
                 "properties": _properties(row, lang)} for row in placed.to_dict("records")]
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False, indent=1).encode()


def _tl_date(span_part: str, calendar: str, which: str) -> dict:
    """One end of a date for TimelineJS, only as precise as the source: {'year': '1928', 'month': '8', 'day': '27'}."""
    span = parse_date(span_part, calendar)
    day = span.start if which == "start" else span.end
    out = {"year": str(day.year)}
    if span.precision in ("day", "month", "season"):
        out["month"] = str(day.month)
    if span.precision == "day":
        out["day"] = str(day.day)
    return out


def timeline_dates(edtf: str, calendar: str) -> tuple[dict, dict | None]:
    """EDTF -> (start_date, end_date or None) for TimelineJS; an open end ('1932/..') has no end_date."""
    first, _, last = edtf.partition("/")
    if not last:
        start, end = _tl_date(edtf, calendar, "start"), _tl_date(edtf, calendar, "end")
        return start, (end if end != start else None)
    known_first = first not in ("", "..")
    start = _tl_date(first if known_first else last, calendar, "start")
    end = _tl_date(last, calendar, "end") if last not in ("", "..") else None
    return start, end


def timelinejs(events: pd.DataFrame, sources: pd.DataFrame, lang: str, title: str) -> bytes:
    """TimelineJS 3 JSON: one slide per event, dated as precisely as the source, grouped by thread, with the quote
    as a blockquote and the source's citation and locator as its credit. Text is HTML-escaped."""
    tr = translator(lang)
    citation = dict(zip(sources["source_id"], sources["citation"]))
    slides = []
    for row in events.to_dict("records"):
        start, end = timeline_dates(row["date"], row["calendar"])
        slide = {
            "unique_id": row["event_id"],
            "start_date": start,
            "display_date": html_text(display_date(row["date_label"], row["date"], row["calendar"], tr)),
            "text": {"headline": html_text(row["title"]), "text": "<p>" + html_text(row["summary"]) + "</p>"},
            "group": html_text(t(f"thread.{row['thread']}", lang)),
            "media": {"url": "<blockquote>" + html_text(row["quote"]) + "</blockquote>",
                      "credit": html_text(f"{citation.get(row['source_id'], row['source_short'])}, {row['locator']}"),
                      "caption": html_text(t(f"certainty.{row['certainty']}", lang))},
        }
        if end:
            slide["end_date"] = end
        slides.append(slide)
    return json.dumps({"title": {"text": {"headline": html_text(title)}}, "events": slides},
                      ensure_ascii=False, indent=1).encode()
