"""The rules every data file keeps. Each broken rule is a Problem naming file, row or feature, column and value;
the loader collects them all and raises one DataError, so an editor sees every problem at once."""
from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd
import shapely.geometry

from . import config
from .dates import DateError, DateSpan, parse_date
from .model import split_ids

SLUG = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")
FIGURE = re.compile(r"^[a-z][a-z0-9_]*=\d{1,15}$")
OLD_STYLE_END = pd.Timestamp("1918-02-14")  # Soviet Russia adopted the Gregorian calendar on this day
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # what a spreadsheet runs as a formula (OWASP: CSV injection)
SHOWN = 60  # characters of a bad value quoted in a message
ROUTE_END_TOLERANCE_DEG = 0.01  # a route must start and end on its places (about 1 km)


@dataclass
class Problem:
    file: str
    row: str      # "row 14" (spreadsheet numbering, header is row 1) or "feature 3"
    column: str
    message: str

    def __str__(self) -> str:
        if self.row == "-":
            return f"{self.file}: {self.message}" if self.column == "-" else \
                f"{self.file}, column {self.column}: {self.message}"
        if self.column == "-":
            return f"{self.file} {self.row}: {self.message}"
        return f"{self.file} {self.row}, column {self.column}: {self.message}"


class DataError(Exception):
    """Every problem found in the data, listed at once."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def shown(value) -> str:
    """A value quoted in a message, cut to a readable length."""
    text = str(value)
    return repr(text if len(text) <= SHOWN else text[:SHOWN] + "…")


def check_ids(records: list[dict], file: str, column: str, problems: list[Problem], where) -> None:
    seen = {}
    for rec in records:
        value = rec.get(column, "")
        if not isinstance(value, str):
            problems.append(Problem(file, where(rec), column, f"must be text, not {type(value).__name__} {shown(value)}"))
            continue
        if value and not SLUG.match(value):
            problems.append(Problem(file, where(rec), column, f"not a lowercase slug (a-z, 0-9, - or _): {shown(value)}"))
        if value in seen:
            problems.append(Problem(file, where(rec), column, f"duplicate id {shown(value)} (first at {seen[value]})"))
        seen.setdefault(value, where(rec))


def check_enum(value, allowed, file, row, column, problems) -> None:
    if value and value not in allowed:
        problems.append(Problem(file, row, column, f"{shown(value)} is not one of: {', '.join(allowed)}"))


def check_refs(value, known, file: str, row: str, column: str, kind: str, problems: list[Problem]) -> None:
    if not isinstance(value, str):
        problems.append(Problem(file, row, column, f"must be text (ids separated by ;), not {shown(value)}"))
        return
    for ref in split_ids(value):
        if ref not in known:
            problems.append(Problem(file, row, column, f"unknown {kind} {shown(ref)}"))


def check_figures(value, file, row, column, problems) -> None:
    for part in split_ids(str(value)):
        if not FIGURE.match(part.replace(" ", "")):
            problems.append(Problem(file, row, column, f"figure {shown(part)} is not key=whole_number"))


def check_quote(value, file, row, problems) -> None:
    words = len(str(value).split())
    if words > config.MAX_QUOTE_WORDS:
        problems.append(Problem(file, row, "quote", f"has {words} words; at most {config.MAX_QUOTE_WORDS}"))


def check_date(edtf, calendar: str, file: str, row: str, column: str, problems: list[Problem]) -> DateSpan | None:
    """The span of an EDTF cell inside the atlas period, or None with a problem."""
    if not isinstance(edtf, str):
        problems.append(Problem(file, row, column, f"must be an EDTF date written as text, not {shown(edtf)}"))
        return None
    try:
        span = parse_date(edtf, calendar)
    except DateError as exc:
        problems.append(Problem(file, row, column, str(exc)))
        return None
    if span.end.year < config.YEAR_MIN - 100 or span.start.year > config.YEAR_MAX + 100:
        problems.append(Problem(file, row, column, f"{shown(edtf)} is far outside the atlas period "
                                f"{config.YEAR_MIN}-{config.YEAR_MAX}"))
        return None
    return span


def check_formula(value, file, row, column, problems) -> None:
    if isinstance(value, str) and value.startswith(FORMULA_START):
        problems.append(Problem(file, row, column, f"starts like a spreadsheet formula: {shown(value)}"))


def check_events(events: pd.DataFrame, file: str, place_ids, person_ids, source_ids, problems: list[Problem]):
    """Every rule for event rows; returns their date spans (None where the date is bad)."""
    records = events.to_dict("records")  # plain dicts: iterrows is ~50x slower at 100,000 rows
    check_ids(records, file, "event_id", problems, lambda r: f"row {r['_row']}")
    spans = []
    for rec in records:
        row = f"row {rec['_row']}"
        check_enum(rec["calendar"], config.CALENDARS, file, row, "calendar", problems)
        check_enum(rec["thread"], config.THREADS, file, row, "thread", problems)
        check_enum(rec["event_type"], config.EVENT_TYPES, file, row, "event_type", problems)
        check_enum(rec["certainty"], config.CERTAINTIES, file, row, "certainty", problems)
        check_refs(rec["place_id"], place_ids, file, row, "place_id", "place", problems)
        check_refs(rec["other_place_ids"], place_ids, file, row, "other_place_ids", "place", problems)
        check_refs(rec["people"], person_ids, file, row, "people", "person", problems)
        check_refs(rec["source_id"], source_ids, file, row, "source_id", "source", problems)
        check_figures(rec["figures"], file, row, "figures", problems)
        check_quote(rec["quote"], file, row, problems)
        span = check_date(rec["date"], rec["calendar"], file, row, "date", problems) if rec["date"] else None
        if span and rec["calendar"] == "julian" and pd.Timestamp(span.start) >= OLD_STYLE_END:
            problems.append(Problem(file, row, "calendar",
                                    f"julian date {shown(rec['date'])} falls after 14 Feb 1918, when Old Style ended"))
        spans.append(span)
    return spans


def check_stories(stories: pd.DataFrame, event_ids: set, file: str, problems: list[Problem]) -> None:
    """Each story: a title slide (step 0) with a heading, then steps 1, 2, ... without gaps, each a known event."""
    steps: dict[str, list[int]] = {}
    for rec in stories.to_dict("records"):
        row = f"row {rec['_row']}"
        if not re.fullmatch(r"[0-9]{1,4}", rec["step"]):
            problems.append(Problem(file, row, "step", f"not a whole number: {shown(rec['step'])}"))
            continue
        step = int(rec["step"])
        if step in steps.setdefault(rec["story_id"], []):
            problems.append(Problem(file, row, "step", f"story {shown(rec['story_id'])} has step {step} twice"))
        steps[rec["story_id"]].append(step)
        if step == 0 and not rec["heading"]:
            problems.append(Problem(file, row, "heading", "the title slide (step 0) needs a heading"))
        if step > 0 and rec["event_id"] not in event_ids:
            problems.append(Problem(file, row, "event_id", f"unknown event {shown(rec['event_id'])}"))
    for story, found in steps.items():
        if 0 not in found:
            problems.append(Problem(file, "-", "step", f"story {shown(story)} has no title slide (step 0)"))
        missing = sorted(set(range(max(found) + 1)) - set(found))
        if missing:
            problems.append(Problem(file, "-", "step", f"story {shown(story)} skips step(s) "
                                    f"{', '.join(map(str, missing[:10]))}: steps must run 0, 1, 2, ... without gaps"))


def check_route_ends(rec, by_place: pd.DataFrame, regions: dict, file: str, row: str, problems: list[Problem]) -> None:
    """A schematic route joins documented places: its ends must sit on from_place and to_place, or, where the
    source names no place, on (or just inside) the outline of from_region_id / to_region_id; never on a place
    that stands for a whole country."""
    if rec["_shape"].geom_type != "LineString":
        return
    coords = list(rec["_shape"].coords)
    for side, point in (("from", coords[0]), ("to", coords[-1])):
        column, region_column = f"{side}_place", f"{side}_region_id"
        pid, rid = str(rec.get(column, "") or "").strip(), str(rec.get(region_column, "") or "").strip()
        if bool(pid) == bool(rid):
            problems.append(Problem(file, row, column, f"give exactly one of {column} and {region_column}"))
            continue
        if rid:
            if rid not in regions:
                problems.append(Problem(file, row, region_column, f"unknown region {shown(rid)}"))
            elif regions[rid].distance(shapely.geometry.Point(point)) > ROUTE_END_TOLERANCE_DEG:
                problems.append(Problem(file, row, region_column, f"the line does not end on region {shown(rid)}; "
                                        f"redraw it with scripts/geo_routes.py"))
            continue
        if pid not in by_place.index:
            continue
        place = by_place.loc[pid]
        if place["precision"] == "country":
            problems.append(Problem(file, row, column, f"{shown(pid)} stands for a whole country, not a place: "
                                    f"use {region_column}"))
        elif abs(place["lon"] - point[0]) > ROUTE_END_TOLERANCE_DEG or abs(place["lat"] - point[1]) > ROUTE_END_TOLERANCE_DEG:
            problems.append(Problem(file, row, column, f"the line does not end at {shown(pid)} "
                                    f"({place['lat']:.3f}, {place['lon']:.3f}); redraw it from the place coordinates"))
