"""Load and validate the atlas data once, at the edge; everything after trusts the types."""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import shapely.geometry
from shapely.validation import explain_validity

from . import config, schema
from .dates import DateError, parse_date

SLUG = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")
FIGURE = re.compile(r"^[a-z][a-z0-9_]*=\d+$")
OLD_STYLE_END = pd.Timestamp("1918-02-14")  # Soviet Russia adopted the Gregorian calendar on this day
EMPTY_FC = {"type": "FeatureCollection", "features": []}
BASEMAP = {"land.geojson": ("Polygon", "MultiPolygon"), "water.geojson": ("Polygon", "MultiPolygon"),
           "rivers.geojson": ("LineString", "MultiLineString")}


@dataclass
class Problem:
    file: str
    row: str      # "row 14" (spreadsheet numbering, header is row 1) or "feature 3"
    column: str
    message: str

    def __str__(self) -> str:
        if self.row == "-":
            return f"{self.file}: {self.message}"
        if self.column == "-":
            return f"{self.file} {self.row}: {self.message}"
        return f"{self.file} {self.row}, column {self.column}: {self.message}"


class DataError(Exception):
    """Every problem found in the data, listed at once."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass
class Atlas:
    events: pd.DataFrame
    sources: pd.DataFrame
    people: pd.DataFrame
    places: pd.DataFrame
    eras: pd.DataFrame            # shaded periods on the timeline, each with its source
    stories: pd.DataFrame         # guided stories: a title slide (step 0) and event slides
    routes: pd.DataFrame          # one row per route, geometry as a list of (lat, lon)
    regions: dict                 # GeoJSON FeatureCollection (validated)
    countries: dict               # GeoJSON FeatureCollection, modern borders
    warnings: list[str] = field(default_factory=list)
    # basemap of the period (scripts/geo_basemap.py); optional files, empty collections when absent
    land: dict = field(default_factory=lambda: dict(EMPTY_FC))
    water: dict = field(default_factory=lambda: dict(EMPTY_FC))
    rivers: dict = field(default_factory=lambda: dict(EMPTY_FC))


def split_ids(cell: str) -> list[str]:
    """'a; b;;c' -> ['a', 'b', 'c']"""
    return [part.strip() for part in (cell or "").split(";") if part.strip()]


def parse_figures(cell: str) -> dict[str, int]:
    """'farms=3436;livestock=187909' -> {'farms': 3436, 'livestock': 187909}"""
    out = {}
    for part in split_ids(cell):
        key, _, value = part.partition("=")
        out[key.strip()] = int(value)
    return out


def _read_csv(path: Path, columns: tuple[schema.Column, ...], problems: list[Problem]) -> pd.DataFrame | None:
    name = f"{path.parent.name}/{path.name}"
    if not path.exists():
        problems.append(Problem(name, "-", "-", "file is missing"))
        return None
    return _parse_csv(name, path.read_bytes(), columns, problems)


def _parse_csv(name: str, data: bytes, columns: tuple[schema.Column, ...], problems: list[Problem]) -> pd.DataFrame | None:
    try:
        text = data.decode("utf-8-sig")  # a BOM from a spreadsheet export is fine
    except UnicodeDecodeError as exc:
        problems.append(Problem(name, "-", "-", f"not UTF-8 text ({exc.reason} at byte {exc.start})"))
        return None
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as exc:
        problems.append(Problem(name, "-", "-", f"not a readable CSV file ({exc})"))
        return None
    if not rows:
        problems.append(Problem(name, "row 1", "-", "file is empty: the header row is missing"))
        return None
    header = [h.strip() for h in rows[0]]
    missing = [c.name for c in columns if c.name not in header]
    for col in missing:
        problems.append(Problem(name, "row 1", col, "column is missing from the header"))
    if missing:
        return None
    records = []
    for number, values in enumerate(rows[1:], start=2):
        if not any(v.strip() for v in values):
            continue  # blank line in a spreadsheet export
        if len(values) != len(header):
            problems.append(Problem(name, f"row {number}", "-",
                                    f"has {len(values)} cells, the header has {len(header)} (a stray comma or quote?)"))
            continue
        record = {h: v.strip() for h, v in zip(header, values)}
        record["_row"] = number
        records.append(record)
    frame = pd.DataFrame(records, columns=header + ["_row"])
    for col in columns:
        if col.required:
            for _, rec in frame[frame[col.name] == ""].iterrows():
                problems.append(Problem(name, f"row {rec['_row']}", col.name, "is empty but required"))
    return frame


def _check_ids(frame: pd.DataFrame, file: str, column: str, problems: list[Problem], where=lambda r: f"row {r['_row']}"):
    seen = {}
    for rec in frame.to_dict("records"):  # plain dicts: iterrows is ~50x slower at 100,000 rows
        value = rec[column]
        if value and not SLUG.match(value):
            problems.append(Problem(file, where(rec), column, f"not a lowercase slug (a-z, 0-9, - or _): {value!r}"))
        if value in seen:
            problems.append(Problem(file, where(rec), column, f"duplicate id {value!r} (first at {seen[value]})"))
        seen.setdefault(value, where(rec))


def _check_enum(value: str, allowed, file, row, column, problems):
    if value and value not in allowed:
        problems.append(Problem(file, row, column, f"{value!r} is not one of: {', '.join(allowed)}"))


def _check_refs(value: str, known, file: str, row: str, column: str, kind: str, problems: list[Problem]) -> None:
    for ref in split_ids(value):
        if ref not in known:
            problems.append(Problem(file, row, column, f"unknown {kind} {ref!r}"))


def _check_figures(value: str, file, row, column, problems):
    for part in split_ids(value):
        if not FIGURE.match(part.replace(" ", "")):
            problems.append(Problem(file, row, column, f"figure {part!r} is not key=whole_number"))


def _check_quote(value: str, file, row, problems):
    words = len(value.split())
    if words > config.MAX_QUOTE_WORDS:
        problems.append(Problem(file, row, "quote", f"has {words} words; at most {config.MAX_QUOTE_WORDS}"))


def _date_columns(edtf: str, calendar: str, file: str, row: str, column: str, problems: list[Problem]):
    try:
        span = parse_date(edtf, calendar)
    except DateError as exc:
        problems.append(Problem(file, row, column, str(exc)))
        return None
    return span


ROUTE_END_TOLERANCE_DEG = 0.01  # a route must start and end on its places (about 1 km)


def _check_route_ends(rec, places: pd.DataFrame, regions: dict, file: str, row: str, problems: list[Problem]) -> None:
    """A schematic route joins documented places: its ends must sit on from_place and to_place, or, where the
    source names no place, on (or just inside) the outline of from_region_id / to_region_id; never on a place
    that stands for a whole country."""
    if rec["_shape"].geom_type != "LineString":
        return
    by_id = places.set_index("place_id") if not places.empty else pd.DataFrame()
    coords = list(rec["_shape"].coords)
    for side, point in (("from", coords[0]), ("to", coords[-1])):
        column, region_column = f"{side}_place", f"{side}_region_id"
        pid, rid = str(rec.get(column, "") or "").strip(), str(rec.get(region_column, "") or "").strip()
        if bool(pid) == bool(rid):
            problems.append(Problem(file, row, column, f"give exactly one of {column} and {region_column}"))
            continue
        if rid:
            if rid not in regions:
                problems.append(Problem(file, row, region_column, f"unknown region {rid!r}"))
            elif regions[rid].distance(shapely.geometry.Point(point)) > ROUTE_END_TOLERANCE_DEG:
                problems.append(Problem(file, row, region_column, f"the line does not end on region {rid!r}; "
                                        f"redraw it with scripts/geo_routes.py"))
            continue
        if pid in by_id.index and by_id.loc[pid].get("precision") == "country":
            problems.append(Problem(file, row, column, f"{pid!r} stands for a whole country, not a place: "
                                    f"use {region_column}"))
            continue
        if pid in by_id.index:
            place = by_id.loc[pid]
            if abs(place["lon"] - point[0]) > ROUTE_END_TOLERANCE_DEG or abs(place["lat"] - point[1]) > ROUTE_END_TOLERANCE_DEG:
                problems.append(Problem(file, row, column, f"the line does not end at {pid!r} "
                                        f"({place['lat']:.3f}, {place['lon']:.3f}); redraw it from the place coordinates"))


def _read_geojson(path: Path, problems: list[Problem]) -> dict | None:
    name = f"{path.parent.name}/{path.name}"
    if not path.exists():
        problems.append(Problem(name, "-", "-", "file is missing"))
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        problems.append(Problem(name, "-", "-", f"not valid GeoJSON text: {exc}"))
        return None
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        problems.append(Problem(name, "-", "-", "not a GeoJSON FeatureCollection"))
        return None
    return data


def _geojson_frame(data: dict, file: str, columns, geom_types: tuple[str, ...], problems: list[Problem]):
    records = []
    for number, feature in enumerate(data.get("features", []), start=1):
        props = dict(feature.get("properties") or {})
        where = f"feature {number}"
        geometry = feature.get("geometry")
        try:
            shape = shapely.geometry.shape(geometry)
        except Exception as exc:  # shapely raises several types for malformed geometry
            problems.append(Problem(file, where, "geometry", f"unreadable geometry: {exc}"))
            continue
        if shape.geom_type not in geom_types:
            problems.append(Problem(file, where, "geometry", f"{shape.geom_type}, expected {' or '.join(geom_types)}"))
            continue
        if not shape.is_valid:
            problems.append(Problem(file, where, "geometry", f"invalid geometry: {explain_validity(shape)}"))
            continue
        for col in columns:
            value = props.get(col.name)
            if col.required and (value is None or str(value).strip() == ""):
                problems.append(Problem(file, where, col.name, "is empty but required"))
        props = {k: ("" if v is None else v) for k, v in props.items()}
        props["_row"] = number
        props["_shape"] = shape
        records.append(props)
    return pd.DataFrame(records)


def _check_events(events: pd.DataFrame, file: str, place_ids, person_ids, source_ids, problems: list[Problem]):
    """Every rule for event rows; returns their date spans (None where the date is bad)."""
    _check_ids(events, file, "event_id", problems)
    spans = []
    for rec in events.to_dict("records"):
        row = f"row {rec['_row']}"
        _check_enum(rec["calendar"], config.CALENDARS, file, row, "calendar", problems)
        _check_enum(rec["thread"], config.THREADS, file, row, "thread", problems)
        _check_enum(rec["event_type"], config.EVENT_TYPES, file, row, "event_type", problems)
        _check_enum(rec["certainty"], config.CERTAINTIES, file, row, "certainty", problems)
        _check_refs(rec["place_id"], place_ids, file, row, "place_id", "place", problems)
        _check_refs(rec["other_place_ids"], place_ids, file, row, "other_place_ids", "place", problems)
        _check_refs(rec["people"], person_ids, file, row, "people", "person", problems)
        _check_refs(rec["source_id"], source_ids, file, row, "source_id", "source", problems)
        _check_figures(rec["figures"], file, row, "figures", problems)
        _check_quote(rec["quote"], file, row, problems)
        span = _date_columns(rec["date"], rec["calendar"], file, row, "date", problems) if rec["date"] else None
        if span and rec["calendar"] == "julian" and pd.Timestamp(span.start) >= OLD_STYLE_END:
            problems.append(Problem(file, row, "calendar",
                                    f"julian date {rec['date']!r} falls after 14 Feb 1918, when Old Style ended"))
        spans.append(span)
    return spans


MAX_UPLOAD_BYTES = 5 * 1024 * 1024  # an events file of ~20,000 rows; larger ones belong in a data folder


def check_events_file(name: str, data: bytes, atlas: "Atlas") -> tuple[pd.DataFrame | None, list[Problem]]:
    """An uploaded events CSV, checked by the same rules as data/events.csv against the atlas' ids."""
    problems: list[Problem] = []
    if len(data) > MAX_UPLOAD_BYTES:
        return None, [Problem(name, "-", "-", f"is {len(data) // 1024} KB; at most {MAX_UPLOAD_BYTES // 1024} KB")]
    events = _parse_csv(name, data, schema.EVENTS, problems)
    if events is None:
        return None, problems
    spans = _check_events(events, name, set(atlas.places["place_id"]), set(atlas.people["person_id"]),
                          set(atlas.sources["source_id"]), problems)
    if problems:
        return None, problems
    return _enrich_events(events, spans, atlas.places, atlas.sources), []


def load_atlas(data_dir: Path = config.DATA_DIR, geo_dir: Path = config.GEO_DIR) -> Atlas:
    """Read every file, check it, and return typed frames; raise DataError listing every problem."""
    data_dir, geo_dir = Path(data_dir), Path(geo_dir)
    problems: list[Problem] = []
    sources = _read_csv(data_dir / "sources.csv", schema.SOURCES, problems)
    people = _read_csv(data_dir / "people.csv", schema.PEOPLE, problems)
    events = _read_csv(data_dir / "events.csv", schema.EVENTS, problems)
    eras = _read_csv(data_dir / "eras.csv", schema.ERAS, problems)
    stories = _read_csv(data_dir / "stories.csv", schema.STORIES, problems)
    places_fc = _read_geojson(geo_dir / "places.geojson", problems)
    routes_fc = _read_geojson(geo_dir / "routes.geojson", problems)
    regions_fc = _read_geojson(geo_dir / "regions.geojson", problems)
    countries_fc = _read_geojson(geo_dir / "countries.geojson", problems)
    if any(x is None for x in (sources, people, events, eras, stories, places_fc, routes_fc, regions_fc, countries_fc)):
        raise DataError(problems)

    _check_ids(sources, "data/sources.csv", "source_id", problems)
    _check_ids(people, "data/people.csv", "person_id", problems)
    places = _geojson_frame(places_fc, "geo/places.geojson", schema.PLACES, ("Point",), problems)
    if not places.empty:
        _check_ids(places, "geo/places.geojson", "place_id", problems, where=lambda r: f"feature {r['_row']}")
        places["lon"] = places["_shape"].map(lambda s: s.x)
        places["lat"] = places["_shape"].map(lambda s: s.y)
        for rec in places.to_dict("records"):
            _check_enum(rec.get("precision", ""), config.PLACE_PRECISIONS, "geo/places.geojson",
                        f"feature {rec['_row']}", "precision", problems)
    place_ids = set(places.get("place_id", []))
    region_shapes = {}
    for feature in regions_fc.get("features", []):
        try:
            region_shapes[(feature.get("properties") or {}).get("region_id")] = shapely.geometry.shape(feature["geometry"])
        except Exception:  # reported with the regions below
            pass
    person_ids, source_ids = set(people["person_id"]), set(sources["source_id"])

    # events
    spans = _check_events(events, "data/events.csv", place_ids, person_ids, source_ids, problems)

    # eras
    file = "data/eras.csv"
    _check_ids(eras, file, "era_id", problems)
    era_spans = []
    for _, rec in eras.iterrows():
        row = f"row {rec['_row']}"
        _check_refs(rec["source_id"], source_ids, file, row, "source_id", "source", problems)
        _check_quote(rec["quote"], file, row, problems)
        era_spans.append(_date_columns(rec["date"], "gregorian", file, row, "date", problems) if rec["date"] else None)

    # stories
    file = "data/stories.csv"
    event_ids = set(events["event_id"])
    seen_steps = set()
    for _, rec in stories.iterrows():
        row = f"row {rec['_row']}"
        if not rec["step"].isdigit():
            problems.append(Problem(file, row, "step", f"not a whole number: {rec['step']!r}"))
            continue
        key = (rec["story_id"], int(rec["step"]))
        if key in seen_steps:
            problems.append(Problem(file, row, "step", f"story {rec['story_id']!r} has step {rec['step']} twice"))
        seen_steps.add(key)
        if int(rec["step"]) == 0 and not rec["heading"]:
            problems.append(Problem(file, row, "heading", "the title slide (step 0) needs a heading"))
        if int(rec["step"]) > 0 and rec["event_id"] not in event_ids:
            problems.append(Problem(file, row, "event_id", f"unknown event {rec['event_id']!r}"))

    # routes
    file = "geo/routes.geojson"
    routes = _geojson_frame(routes_fc, file, schema.ROUTES, ("LineString", "MultiLineString"), problems)
    route_spans = []
    if not routes.empty:
        _check_ids(routes, file, "route_id", problems, where=lambda r: f"feature {r['_row']}")
        for _, rec in routes.iterrows():
            row = f"feature {rec['_row']}"
            _check_enum(rec.get("kind", ""), config.ROUTE_KINDS, file, row, "kind", problems)
            _check_enum(rec.get("certainty", ""), config.CERTAINTIES, file, row, "certainty", problems)
            _check_refs(str(rec.get("people", "") or ""), person_ids, file, row, "people", "person", problems)
            _check_enum(rec.get("thread", ""), config.THREADS, file, row, "thread", problems)
            for column in ("from_place", "via_places", "to_place"):
                _check_refs(str(rec.get(column, "")), place_ids, file, row, column, "place", problems)
            _check_refs(str(rec.get("source_id", "")), source_ids, file, row, "source_id", "source", problems)
            _check_figures(str(rec.get("figures", "")), file, row, "figures", problems)
            _check_quote(str(rec.get("quote", "")), file, row, problems)
            route_spans.append(_date_columns(str(rec.get("date", "")), "gregorian", file, row, "date", problems))
            _check_route_ends(rec, places, region_shapes, file, row, problems)

    # regions
    file = "geo/regions.geojson"
    regions = _geojson_frame(regions_fc, file, schema.REGIONS, ("Polygon", "MultiPolygon"), problems)
    if not regions.empty:
        _check_ids(regions, file, "region_id", problems, where=lambda r: f"feature {r['_row']}")
        for _, rec in regions.iterrows():
            row = f"feature {rec['_row']}"
            for column in ("valid_from", "valid_to"):
                _date_columns(str(rec.get(column, "")), "gregorian", file, row, column, problems)
            if rec.get("approximate") is not True:
                problems.append(Problem(file, row, "approximate", "historical outlines must say approximate: true"))
    basemap = {}
    for name, geom_types in BASEMAP.items():
        path = geo_dir / name
        fc = _read_geojson(path, problems) if path.exists() else dict(EMPTY_FC)
        if fc is not None:
            _geojson_frame(fc, f"geo/{name}", (), geom_types, problems)
        basemap[name.split(".")[0]] = fc or dict(EMPTY_FC)
    if problems:
        raise DataError(problems)
    return Atlas(events=_enrich_events(events, spans, places, sources),
                 eras=_with_bounds(eras, era_spans),
                 stories=_sorted_stories(stories),
                 sources=sources.drop(columns="_row"), people=people.drop(columns="_row"),
                 places=places.drop(columns=["_row", "_shape"]),
                 routes=_enrich_routes(routes, route_spans),
                 regions=regions_fc, countries=countries_fc, **basemap)


def _enrich_events(events: pd.DataFrame, spans, places: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    out = events.drop(columns="_row").copy()
    out["start"] = pd.to_datetime([s.start for s in spans])
    out["end"] = pd.to_datetime([s.end for s in spans])
    out["fuzzy_start"] = pd.to_datetime([s.fuzzy_start for s in spans])
    out["fuzzy_end"] = pd.to_datetime([s.fuzzy_end for s in spans])
    out["precision"] = [s.precision for s in spans]
    out["qualified"] = [s.qualified for s in spans]
    by_place = places.set_index("place_id") if not places.empty else pd.DataFrame()
    out["lat"] = out["place_id"].map(by_place["lat"]) if not by_place.empty else None
    out["lon"] = out["place_id"].map(by_place["lon"]) if not by_place.empty else None
    out["place_name"] = out["place_id"].map(by_place["period_name"]).fillna("") if not by_place.empty else ""
    out["source_short"] = out["source_id"].map(sources.set_index("source_id")["short"]).fillna("")
    # the text the search box looks in, folded once here rather than on every keystroke
    out["search_text"] = (out["title"] + " " + out["summary"] + " " + out["quote"] + " " + out["place_name"] + " "
                          + out["people"] + " " + out["note"]).str.casefold()
    return out.sort_values(["start", "event_id"]).reset_index(drop=True)


def _sorted_stories(stories: pd.DataFrame) -> pd.DataFrame:
    out = stories.drop(columns="_row").copy()
    out["step"] = out["step"].astype(int)
    order = {sid: i for i, sid in enumerate(dict.fromkeys(out["story_id"]))}  # stories in file order
    out["_order"] = out["story_id"].map(order)
    return out.sort_values(["_order", "step"]).drop(columns="_order").reset_index(drop=True)


def _with_bounds(frame: pd.DataFrame, spans) -> pd.DataFrame:
    out = frame.drop(columns="_row").copy()
    out["start"] = pd.to_datetime([s.start for s in spans]) if spans else pd.Series(dtype="datetime64[ns]")
    out["end"] = pd.to_datetime([s.end for s in spans]) if spans else pd.Series(dtype="datetime64[ns]")
    return out


def _enrich_routes(routes: pd.DataFrame, spans) -> pd.DataFrame:
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
