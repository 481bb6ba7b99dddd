"""Filter events and routes by a View; count them. Pure functions on frames."""
from __future__ import annotations

import pandas as pd

from . import config
from .dates import DateError, parse_date
from .model import split_ids
from .search import SearchIndex, matches
from .urlstate import View


def year_window(view: View) -> tuple[pd.Timestamp, pd.Timestamp]:
    """1928..1930 -> (1928-01-01, 1930-12-31)"""
    return pd.Timestamp(view.year_from, 1, 1), pd.Timestamp(view.year_to, 12, 31)


def overlaps(start: pd.Series, end: pd.Series, view: View) -> pd.Series:
    """True where [start, end] meets the view's year window (strict EDTF bounds)."""
    lo, hi = year_window(view)
    return (start <= hi) & (end >= lo)


def _any_of(cells: pd.Series, wanted: tuple[str, ...]) -> pd.Series:
    wanted_set = set(wanted)
    return cells.map(lambda cell: bool(wanted_set.intersection(split_ids(cell))))


def filter_events(events: pd.DataFrame, view: View, search: SearchIndex | None = None) -> pd.DataFrame:
    """Events that overlap the year window and match every facet and the text search. With the atlas' search
    index (`atlas.search`) a query that spells a person or a place finds that entity's events under any of its
    spellings; without it, the query is a folded substring search."""
    keep = overlaps(events["start"], events["end"], view)
    if view.threads:
        keep &= events["thread"].isin(view.threads)
    if view.sources:
        keep &= events["source_id"].isin(view.sources)
    if view.certainties:
        keep &= events["certainty"].isin(view.certainties)
    if view.event_types:
        keep &= events["event_type"].isin(view.event_types)
    if view.people:
        keep &= _any_of(events["people"], view.people)
    if view.places:
        keep &= _any_of(events["place_id"] + ";" + events["other_place_ids"], view.places)
    if view.q:
        keep &= matches(events, view.q, search)
    return events[keep]


def filter_routes(routes: pd.DataFrame, view: View) -> pd.DataFrame:
    """Routes that overlap the year window and match the thread, source and place facets."""
    if routes.empty:
        return routes
    keep = overlaps(routes["start"], routes["end"], view)
    if view.threads:
        keep &= routes["thread"].isin(view.threads)
    if view.sources:
        keep &= routes["source_id"].isin(view.sources)
    if view.places:
        stops = routes["from_place"] + ";" + routes["via_places"].astype(str) + ";" + routes["to_place"]
        keep &= _any_of(stops, view.places)
    return routes[keep]


def regions_valid_in(regions: dict, bounds: tuple, view: View) -> dict:
    """The region features whose validity [start, end) (parsed at load into `bounds`) overlaps the view's years.
    Several configurations of one unit may overlap a window: the map uses `regions_on` a single date instead."""
    lo, hi = year_window(view)
    features = [feature for feature, (start, end) in zip(regions.get("features", []), bounds)
                if start <= hi and end > lo]
    return {"type": "FeatureCollection", "features": features}


def region_date(year_to: int, bounds: tuple) -> pd.Timestamp:
    """The one date whose regions a map shows: 31 December of the window's last year, kept within the region data
    (not before the first day a region starts, not after the last day of the latest one to end in the atlas'
    years: outlines valid until 1991 only close the Soviet period)."""
    day = pd.Timestamp(year_to, 12, 31)
    if not bounds:
        return day
    first = min(start for start, _ in bounds)
    ends = [end for _, end in bounds if end.year <= config.YEAR_MAX]
    last = max(ends) - pd.Timedelta(days=1) if ends else day
    return max(min(day, last), first)


def day_of(edtf: str, default: pd.Timestamp) -> pd.Timestamp:
    """The first day of an EDTF date; `default` for an open or unreadable one."""
    text = str(edtf or "").strip()
    if not text or text == "..":
        return default
    try:
        return pd.Timestamp(parse_date(text).start)
    except DateError:
        return default


def name_on(properties: dict, date: pd.Timestamp) -> str:
    """The region's name on a date, from its dated `names` ([from, to)); its `name` when none is dated then."""
    for entry in properties.get("names") or ():
        if not isinstance(entry, dict):
            continue
        start, end = day_of(entry.get("from"), pd.Timestamp.min), day_of(entry.get("to"), pd.Timestamp.max)
        if start <= date < end and entry.get("name"):
            return str(entry["name"])
    return str(properties.get("name") or "")


def regions_on(regions: dict, bounds: tuple, date: pd.Timestamp) -> dict:
    """The region features valid on one date (at most one per `unit_id`), each with `name_on_date` set: the map
    never stacks two configurations of a unit, or two periods."""
    features, units = [], set()
    for feature, (start, end) in zip(regions.get("features", []), bounds):
        if not start <= date < end:
            continue
        properties = feature.get("properties") or {}
        unit = properties.get("unit_id") or properties.get("region_id")
        if unit in units:  # the loader's data never has this; a hand-edited file might
            continue
        units.add(unit)
        features.append({**feature, "properties": {**properties, "name_on_date": name_on(properties, date)}})
    return {"type": "FeatureCollection", "features": features}


DISCREPANCY_WORDS = ("misprint", "reading", "contradict", "disagree", "ocr", "differ", "both", "inconsisten")


def find_discrepancies(events: pd.DataFrame) -> pd.DataFrame:
    """Events that are disputed or whose note records another reading, a misprint or a contradiction."""
    note = events["note"].str.casefold()
    flagged = events["certainty"].eq("disputed") | note.map(lambda n: any(w in n for w in DISCREPANCY_WORDS))
    return events[flagged]


def atlas_events(atlas, view: View) -> pd.DataFrame:
    """The atlas' events a view shows, searched with the atlas' index: what every page lists."""
    return filter_events(atlas.events, view, atlas.search)
