"""The events table researchers read and download: chosen columns, readable headers, safe CSV cells."""
from __future__ import annotations

import pandas as pd

from .i18n import t

EXPORT_COLUMNS = ["date_label", "title", "thread", "place_name", "people", "source_short", "locator", "certainty",
                  "quote", "note", "event_id", "date", "calendar"]
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # a spreadsheet runs these as formulas (OWASP: CSV injection)


def events_table(events: pd.DataFrame) -> pd.DataFrame:
    """The columns researchers read and export, in reading order."""
    return events[EXPORT_COLUMNS]


def column_titles(lang: str) -> dict[str, str]:
    """Readable headers for the events table."""
    return {col: t(f"col.{col}", lang) for col in EXPORT_COLUMNS}


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
