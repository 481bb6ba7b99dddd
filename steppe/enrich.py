"""Typed, derived columns added to validated frames at load (date bounds, coordinates, names, search text)."""
from __future__ import annotations

import pandas as pd

from . import schema
from .model import split_ids
from .search import SearchIndex, search_columns


def enrich_events(events: pd.DataFrame, spans, places: pd.DataFrame, sources: pd.DataFrame,
                  people: pd.DataFrame, index: SearchIndex) -> pd.DataFrame:
    out = events.drop(columns="_row").copy()
    out["start"] = pd.to_datetime([s.start for s in spans])
    out["end"] = pd.to_datetime([s.end for s in spans])
    out["fuzzy_start"] = pd.to_datetime([s.fuzzy_start for s in spans])
    out["fuzzy_end"] = pd.to_datetime([s.fuzzy_end for s in spans])
    out["precision"] = [s.precision for s in spans]
    out["qualified"] = [s.qualified for s in spans]
    by_place = places.set_index("place_id")
    out["place_precision"] = out["place_id"].map(by_place["precision"]).fillna("")
    out["place_note"] = out["place_id"].map(by_place["note"]).fillna("") if "note" in by_place else ""
    # a place of precision `country` stands for a whole country: its events have no single place and no dot
    single = out["place_precision"] != "country"
    out["lat"] = out["place_id"].map(by_place["lat"]).where(single)
    out["lon"] = out["place_id"].map(by_place["lon"]).where(single)
    out["place_name"] = out["place_id"].map(by_place["period_name"]).fillna("")
    out["source_short"] = out["source_id"].map(sources.set_index("source_id")["short"]).fillna("")
    # names instead of ids, for the table and the downloads ("; " between names, as in the data)
    person_names = dict(zip(people["person_id"], people["name"]))
    place_names = dict(zip(places["place_id"], places["period_name"]))
    out["people_names"] = out["people"].map(lambda cell: "; ".join(person_names.get(p, p) for p in split_ids(cell)))
    out["place_names"] = (out["place_id"] + ";" + out["other_place_ids"]).map(
        lambda cell: "; ".join(place_names.get(p, p) for p in split_ids(cell)))
    # what the search box looks in, folded once here rather than on every keystroke (steppe/search.py)
    for name, column in search_columns(out, index).items():
        out[name] = column
    return out.sort_values(["start", "event_id"]).reset_index(drop=True)


def sorted_stories(stories: pd.DataFrame) -> pd.DataFrame:
    out = stories.drop(columns="_row").copy()
    out["step"] = out["step"].astype(int)
    order = {sid: i for i, sid in enumerate(dict.fromkeys(out["story_id"]))}  # stories in file order
    out["_order"] = out["story_id"].map(order)
    return out.sort_values(["_order", "step"]).drop(columns="_order").reset_index(drop=True)


def with_bounds(frame: pd.DataFrame, spans) -> pd.DataFrame:
    out = frame.drop(columns="_row").copy()
    out["start"] = pd.to_datetime([s.start for s in spans]) if spans else pd.Series(dtype="datetime64[ns]")
    out["end"] = pd.to_datetime([s.end for s in spans]) if spans else pd.Series(dtype="datetime64[ns]")
    return out


def enrich_routes(routes: pd.DataFrame, spans) -> pd.DataFrame:
    if routes.empty:
        return pd.DataFrame(columns=[c.name for c in schema.ROUTES] + ["start", "end", "coords"])
    out = routes.drop(columns="_row").copy()
    out["start"] = pd.to_datetime([s.start for s in spans])
    out["end"] = pd.to_datetime([s.end for s in spans])

    def latlon(shape):
        lines = [shape] if shape.geom_type == "LineString" else list(shape.geoms)
        return [[(y, x) for x, y in line.coords] for line in lines]
    out["coords"] = out["_shape"].map(latlon)
    return out.drop(columns="_shape")
