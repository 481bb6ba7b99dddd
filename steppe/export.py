"""The events table researchers read (names, not ids; dates that sort by the real date) and safe CSV cells."""
from __future__ import annotations

import pandas as pd

from .i18n import t, translator
from .labels import display_date

TABLE_COLUMNS = ["start", "date_label", "title", "thread", "event_type", "places", "people", "source_short", "locator",
                 "certainty", "quote", "note", "date", "event_id"]
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # a spreadsheet runs these as formulas (OWASP: CSV injection)


def events_table(events: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The columns researchers read, in reading order, with names and labels instead of ids. `start` is the
    earliest day the EDTF date allows (a real date, so the column sorts by time); `date_label` is the date in
    words (both calendars for Old Style days); `date` the EDTF. Rows come sorted by `start`."""
    tr = translator(lang)
    ordered = events.sort_values(["start", "event_id"], kind="stable") if len(events) else events
    return pd.DataFrame({
        "start": ordered["start"].dt.date,
        "date_label": [display_date(label, edtf, cal, tr)
                 for label, edtf, cal in zip(ordered["date_label"], ordered["date"], ordered["calendar"])],
        "title": ordered["title"],
        "thread": ordered["thread"].map(lambda th: t(f"thread.{th}", lang)),
        "event_type": ordered["event_type"],
        "places": ordered["place_names"],
        "people": ordered["people_names"],
        "source_short": ordered["source_short"],
        "locator": ordered["locator"],
        "certainty": ordered["certainty"].map(lambda c: t(f"certainty.{c}", lang)),
        "quote": ordered["quote"],
        "note": ordered["note"],
        "date": ordered["date"],
        "event_id": ordered["event_id"],
    }, index=ordered.index, columns=TABLE_COLUMNS)


def column_titles(lang: str) -> dict[str, str]:
    """Readable headers for the events table."""
    return {col: t(f"col.{col}", lang) for col in TABLE_COLUMNS}


def neutralise_formula(value):
    """A cell a spreadsheet would run as a formula gets a leading apostrophe (shown as text, as OWASP advises)."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def to_csv_bytes(table: pd.DataFrame) -> bytes:
    """UTF-8 CSV with every formula-like cell neutralised."""
    safe = table.copy()
    for column in safe.columns:
        safe[column] = safe[column].map(neutralise_formula)
    return safe.to_csv(index=False).encode("utf-8")
