"""A researcher's own events file, checked by the atlas' rules without being stored anywhere.

What is read is said: the encoding (UTF-8, or Windows-1251 from a Russian spreadsheet) and the delimiter
(`,` or `;`) are detected and reported; size and row limits are checked before parsing."""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from . import config, schema
from .checks import Problem, check_events, check_formula
from .enrich import enrich_events
from .readers import parse_csv

ENCODINGS = ("utf-8-sig", "cp1251")
TEXT_COLUMNS = ("title", "summary", "quote", "note", "locator", "date_label")


@dataclass
class UploadResult:
    events: pd.DataFrame | None
    problems: list[Problem]
    warnings: list[Problem] = field(default_factory=list)
    encoding: str = ""
    delimiter: str = ","


def _decode(data: bytes) -> tuple[str, str] | None:
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return None


def _delimiter(text: str) -> str:
    header = text.split("\n", 1)[0]
    return ";" if header.count(";") > header.count(",") else ","


def check_events_file(name: str, data: bytes, atlas) -> UploadResult:
    """An uploaded events CSV, checked by the same rules as data/events.csv against the atlas' ids."""
    if len(data) > config.MAX_UPLOAD_BYTES:
        return UploadResult(None, [Problem(name, "-", "-", f"is {len(data) // 1024:,} KB; at most "
                                                           f"{config.MAX_UPLOAD_BYTES // 1024:,} KB")])
    decoded = _decode(data)
    if decoded is None:
        return UploadResult(None, [Problem(name, "-", "-", "is neither UTF-8 nor Windows-1251 text: save it as "
                                                           "'CSV UTF-8' from your spreadsheet")])
    text, encoding = decoded
    delimiter = _delimiter(text)
    rows = text.count("\n")
    if rows > config.MAX_UPLOAD_ROWS + 1:
        return UploadResult(None, [Problem(name, "-", "-", f"has about {rows:,} rows; at most {config.MAX_UPLOAD_ROWS:,}")],
                            encoding=encoding, delimiter=delimiter)
    problems: list[Problem] = []
    events = parse_csv(name, data, schema.EVENTS, problems, text=text, delimiter=delimiter)
    if events is None:
        return UploadResult(None, problems, encoding=encoding, delimiter=delimiter)
    known = atlas.known
    spans = check_events(events, name, known.places, known.people, known.sources, problems)
    for rec, span in zip(events.to_dict("records"), spans):
        if span and (span.end.year < config.YEAR_MIN or span.start.year > config.YEAR_MAX):
            problems.append(Problem(name, f"row {rec['_row']}", "date", f"{rec['date']!r} is outside the atlas "
                                    f"period {config.YEAR_MIN}-{config.YEAR_MAX} and would not be shown"))
    warnings: list[Problem] = []
    for rec in events.to_dict("records"):
        for column in TEXT_COLUMNS:
            check_formula(rec.get(column), name, f"row {rec['_row']}", column, warnings)
    if problems:
        return UploadResult(None, problems, warnings, encoding, delimiter)
    return UploadResult(enrich_events(events, spans, atlas.places, atlas.sources,
                                                   atlas.people, atlas.search), [], warnings, encoding, delimiter)
