"""Filter events and routes by a View; count them. Pure functions on frames."""
from __future__ import annotations

import pandas as pd

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
    """The region features whose validity (parsed at load into `bounds`) overlaps the view's years."""
    lo, hi = year_window(view)
    features = [feature for feature, (start, end) in zip(regions.get("features", []), bounds)
                if start <= hi and end >= lo]
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
