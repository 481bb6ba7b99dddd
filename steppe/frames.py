"""The years one map can show without asking the server: the view's window and, for Play, each year of the atlas.

Each shown state is a *frame* with a key: "w" for the view's window (or the year itself when the window is one
year) and "1917" ... "1936" for Play. Every event marker, route and region drawn carries the keys of the frames it
belongs to (`f`); the map's script (static/atlas-map.js) shows one frame at a time. A marker's count and popup
depend on the years, so markers are made per frame and identical ones merged; a route belongs to the frames whose
years it overlaps; a region to the frames on whose date (see filters.region_date) it is valid, with its name on
that date."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from . import config
from .filters import day_of, name_on, region_date
from .model import split_ids
from .markers import MARKER_OFFSET_DEG, located_records, marker_radius, marker_rows
from .placelabels import LabelPoint, min_zooms, short_label


@dataclass(frozen=True)
class Frames:
    window: str                       # the frame the map opens on
    years: dict                       # frame key -> (first year, last year), the window's first
    playable: bool                    # Play's year frames are included

    @property
    def keys(self) -> list[str]:
        return list(self.years)


def make_frames(year_from: int, year_to: int, play: bool = True) -> Frames:
    """The window's frame and, with `play`, one per year of config.PLAY_YEARS."""
    window = str(year_from) if year_from == year_to else "w"
    years = {window: (year_from, year_to)}
    if play:
        first, last = config.PLAY_YEARS
        for year in range(first, last + 1):
            years.setdefault(str(year), (year, year))
    return Frames(window, years, play)


def framed_markers(events: pd.DataFrame, frames: Frames, lang: str) -> list[tuple[list[str], list, list]]:
    """[(frame keys, marker rows, the event records they stand for)]: markers per frame (an event belongs to the
    frames whose years its strict bounds meet, the rule of filters.overlaps); frames with the same events share."""
    records = located_records(events)
    by_events: dict[tuple, list] = {}
    for key, (first, last) in frames.years.items():
        part = [r for r in records if r["start_year"] <= last and r["end_year"] >= first]
        if not part:
            continue
        signature = tuple(r["event_id"] for r in part)
        if signature in by_events:
            by_events[signature][0].append(key)
        else:
            by_events[signature] = [[key], part]
    return [(keys, marker_rows(part, lang), part) for keys, part in by_events.values()]


def play_size(groups: list) -> int:
    return sum(len(rows) for _, rows, _ in groups)


def drawn(properties: dict) -> bool:
    """A historical region the map draws (not an area or a foreign state that only routes end on)."""
    return properties.get("kind") not in config.ROUTE_END_ONLY_KINDS


def region_frames(regions: dict, bounds: tuple, frames: Frames, lang_dates) -> tuple[list[dict], dict]:
    """The region features valid on some frame's date, each with `f` (its frames), its name by frame and whether
    it lies inside another region drawn on that date (a guberniya in its republic: drawn as a subdivision), and
    {frame: the date in words}. `lang_dates(day)` gives a date in words."""
    dates = {key: region_date(last, bounds) for key, (_, last) in frames.years.items()}
    spans = {(f.get("properties") or {}).get("region_id"): span for f, span in zip(regions.get("features", []), bounds)}
    chosen = []
    for feature, (start, end) in zip(regions.get("features", []), bounds):
        properties = feature.get("properties") or {}
        keys = [key for key, day in dates.items() if start <= day < end]
        if not keys or not drawn(properties):
            continue
        parents = [spans[p] for p in split_ids(str(properties.get("part_of") or "")) if p in spans]
        chosen.append({"feature": feature, "f": keys,
                       "name_by_frame": {key: name_on(properties, dates[key]) for key in keys},
                       "nested_by_frame": {key: any(a <= dates[key] < b for a, b in parents) for key in keys}})
    return chosen, {key: lang_dates(day) for key, day in dates.items()}


def route_frames(routes: pd.DataFrame, frames: Frames) -> list[list[str]]:
    """Per route row, the frames whose years it overlaps."""
    result = []
    for start, end in zip(routes["start"], routes["end"]):
        result.append([key for key, (first, last) in frames.years.items()
                       if start <= pd.Timestamp(last, 12, 31) and end >= pd.Timestamp(first, 1, 1)])
    return result


def place_name_on(dated_names: str, day: pd.Timestamp, default: str) -> str:
    """The name a place had on a day, from its `dated_names` (`name@from/to;...`, read as [from, to); an open
    start is 'before'); `default` (its period name) when none is dated then."""
    for part in str(dated_names or "").split(";"):
        name, _, span = part.partition("@")
        first, _, last = span.partition("/")
        if name.strip() and day_of(first, pd.Timestamp.min) <= day < day_of(last, pd.Timestamp.max):
            return name.strip()
    return default


def frame_labels(groups: list, frames: Frames, dated_names: dict | None = None) -> list[dict]:
    """Place labels: per place, its point and, per frame, [the minimum zoom from which it is labelled, the marker
    radius, 1 if its markers sit on a ring, the label's position, the place's events (its priority), its name on
    the frame's last day]: what the map's script needs to set the label beside the markers."""
    labels: dict[str, dict] = {}
    for keys, rows, records in groups:
        if not rows or any(str(row["place_id"]).startswith("cell:") for row in rows):
            continue  # grid cells are not places
        count: dict[str, int] = {}
        first: dict[str, dict] = {}
        for record in records:
            count[record["place_id"]] = count.get(record["place_id"], 0) + 1
            first.setdefault(record["place_id"], record)
        radius: dict[str, float] = {}
        ring: dict[str, bool] = {}
        for row in rows:
            radius[row["place_id"]] = max(radius.get(row["place_id"], 0.0), marker_radius(row["count"]))
            ring[row["place_id"]] = ring.get(row["place_id"], False) or bool(row["ring"])
        placed: dict[tuple, dict] = {}  # frames whose places have the same names share one placement
        for key in keys:
            day = pd.Timestamp(frames.years[key][1], 12, 31)
            texts = {pid: short_label(place_name_on((dated_names or {}).get(pid, ""), day, rec["place_name"] or pid))
                     for pid, rec in first.items()}
            signature = tuple(sorted(texts.items()))
            if signature not in placed:
                points = [LabelPoint(pid, texts[pid], float(rec["lat"]), float(rec["lon"]), count[pid], radius[pid],
                                     ring[pid]) for pid, rec in first.items()]
                spots = min_zooms(points, ring_deg=MARKER_OFFSET_DEG)
                placed[signature] = {p.key: (p, spots[p.key]) for p in points if p.key in spots}
            for pid, (point, (zoom, position)) in placed[signature].items():
                label = labels.setdefault(pid, {"lat": point.lat, "lon": point.lon, "z": {}})
                label["z"][key] = [zoom, point.radius, 1 if point.ring else 0, position, point.priority, point.text]
    return list(labels.values())
