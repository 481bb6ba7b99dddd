"""Load and validate the atlas data once, at the edge; everything after trusts the types.

`load_atlas` raises nothing but DataError: every file is read defensively (missing, a folder, not UTF-8, not CSV,
not GeoJSON, wrong shapes and types) and every problem names its file, row or feature and column."""
from __future__ import annotations

import csv
import hashlib
import io
import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import shapely.geometry
from shapely.validation import explain_validity

from . import config, schema
from .checks import (DataError, Problem, check_date, check_enum, check_events, check_figures, check_ids,
                     check_quote, check_refs, check_route_ends, check_stories, shown)
from .minimap import outline_xy
from .search import SearchIndex, build_index
from .urlstate import Known


@dataclass(frozen=True, eq=False)
class Atlas:
    """The validated data, read-only; every index the app needs is computed here, at load."""
    events: pd.DataFrame
    sources: pd.DataFrame
    people: pd.DataFrame
    places: pd.DataFrame
    eras: pd.DataFrame            # shaded periods on the timeline, each with its source
    stories: pd.DataFrame         # guided stories: a title slide (step 0) and event slides
    routes: pd.DataFrame          # one row per route, geometry as a list of (lat, lon)
    regions: dict                 # GeoJSON FeatureCollection (validated)
    region_bounds: tuple          # ((start, end), ...) per region feature: validity parsed once
    countries: dict               # GeoJSON FeatureCollection, modern borders
    redirects: dict               # merged event id -> the kept event id
    known: Known                  # the ids a link may name
    outline: tuple                # simplified country outlines for the home page's small map
    version: str                  # digest of every file read: keys the figure caches
    search: SearchIndex           # every spelling of every person and place (steppe/search.py)


def _read_bytes(path: Path, problems: list[Problem]) -> bytes | None:
    name = f"{path.parent.name}/{path.name}"
    if not path.exists():
        problems.append(Problem(name, "-", "-", "file is missing"))
    elif not path.is_file():
        problems.append(Problem(name, "-", "-", "is not a file (a folder or something else has its name)"))
    else:
        try:
            return path.read_bytes()
        except OSError as exc:
            problems.append(Problem(name, "-", "-", f"could not be read ({exc.strerror or exc})"))
    return None


def parse_csv(name: str, data: bytes, columns: tuple[schema.Column, ...], problems: list[Problem],
              text: str | None = None, delimiter: str = ",") -> pd.DataFrame | None:
    """CSV bytes -> a frame of stripped text cells with a `_row` column; None (with problems) if unreadable."""
    if text is None:
        try:
            text = data.decode("utf-8-sig")  # a BOM from a spreadsheet export is fine
        except UnicodeDecodeError as exc:
            problems.append(Problem(name, "-", "-", f"not UTF-8 text ({exc.reason} at byte {exc.start})"))
            return None
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
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
    frame = pd.DataFrame(records, columns=list(dict.fromkeys(header + ["_row"])))
    for col in columns:
        if col.required:
            for rec in frame.loc[frame[col.name] == "", ["_row"]].to_dict("records"):
                problems.append(Problem(name, f"row {rec['_row']}", col.name, "is empty but required"))
    return frame


def _read_csv(path: Path, columns, problems: list[Problem], optional: bool = False) -> pd.DataFrame | None:
    if optional and not path.exists():
        return pd.DataFrame(columns=[c.name for c in columns] + ["_row"])
    data = _read_bytes(path, problems)
    return None if data is None else parse_csv(f"{path.parent.name}/{path.name}", data, columns, problems)


def _read_geojson(path: Path, problems: list[Problem]) -> dict | None:
    name = f"{path.parent.name}/{path.name}"
    data = _read_bytes(path, problems)
    if data is None:
        return None
    try:
        collection = json.loads(data.decode("utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError, RecursionError) as exc:
        problems.append(Problem(name, "-", "-", f"not valid GeoJSON text: {str(exc)[:120]}"))
        return None
    if not isinstance(collection, dict) or collection.get("type") != "FeatureCollection":
        problems.append(Problem(name, "-", "-", "not a GeoJSON FeatureCollection"))
        return None
    if not isinstance(collection.get("features"), list):
        problems.append(Problem(name, "-", "features", "must be a list of features"))
        return None
    return collection


def _shape(feature, file: str, where: str, geom_types: tuple[str, ...], problems: list[Problem]):
    if not isinstance(feature, dict) or feature.get("type") != "Feature":
        problems.append(Problem(file, where, "-", f"not a GeoJSON Feature: {shown(feature)}"))
        return None
    try:
        shape = shapely.geometry.shape(feature.get("geometry"))
    except Exception as exc:  # shapely raises several types (and AttributeError on None) for malformed geometry
        problems.append(Problem(file, where, "geometry", f"unreadable geometry: {str(exc)[:120] or type(exc).__name__}"))
        return None
    if shape.geom_type not in geom_types:
        problems.append(Problem(file, where, "geometry", f"{shape.geom_type}, expected {' or '.join(geom_types)}"))
        return None
    if shape.is_empty or not shape.is_valid:
        problems.append(Problem(file, where, "geometry",
                                f"invalid geometry: {'empty' if shape.is_empty else explain_validity(shape)}"))
        return None
    return shape


def _geojson_frame(data: dict, file: str, columns, geom_types: tuple[str, ...], problems: list[Problem]):
    records = []
    for number, feature in enumerate(data["features"], start=1):
        where = f"feature {number}"
        shape = _shape(feature, file, where, geom_types, problems)
        if shape is None:
            continue
        props = feature.get("properties")
        if props is not None and not isinstance(props, dict):
            problems.append(Problem(file, where, "properties", f"must be an object, not {shown(props)}"))
            continue
        props = dict(props or {})
        for col in columns:
            value = props.get(col.name)
            if col.required and (value is None or str(value).strip() == ""):
                problems.append(Problem(file, where, col.name, "is empty but required"))
            elif col.text and value is not None and not isinstance(value, str):
                problems.append(Problem(file, where, col.name, f"must be text, not {shown(value)}"))
        props = {k: ("" if v is None else v) for k, v in props.items()}
        props["_row"] = number
        props["_shape"] = shape
        records.append(props)
    return pd.DataFrame(records, columns=list(dict.fromkeys([c.name for c in columns] + list(
        records[0] if records else []) + ["_row", "_shape"]))).fillna("")


def _digest(*dirs: Path) -> str:
    h = hashlib.sha1()
    for directory in dirs:
        for path in sorted(directory.glob("*")) if directory.is_dir() else ():
            if path.is_file():
                h.update(path.name.encode())
                h.update(path.read_bytes())
    return h.hexdigest()[:16]


def load_atlas(data_dir: Path = config.DATA_DIR, geo_dir: Path = config.GEO_DIR) -> Atlas:
    """Read every file, check it, and return typed frames; raise DataError listing every problem."""
    data_dir, geo_dir = Path(data_dir), Path(geo_dir)
    problems: list[Problem] = []
    try:
        return _load(data_dir, geo_dir, problems)
    except DataError:
        raise
    except Exception as exc:  # a shape no rule foresaw: still a message naming what was being read, never a stack
        problems.append(Problem(f"{data_dir.name}/ or {geo_dir.name}/", "-", "-",
                                f"the data could not be read ({type(exc).__name__}: {str(exc)[:160]})"))
        raise DataError(problems) from exc


def _load(data_dir: Path, geo_dir: Path, problems: list[Problem]) -> Atlas:
    from .enrich import enrich_events, enrich_routes, sorted_stories, with_bounds

    sources = _read_csv(data_dir / "sources.csv", schema.SOURCES, problems)
    people = _read_csv(data_dir / "people.csv", schema.PEOPLE, problems)
    events = _read_csv(data_dir / "events.csv", schema.EVENTS, problems)
    eras = _read_csv(data_dir / "eras.csv", schema.ERAS, problems)
    stories = _read_csv(data_dir / "stories.csv", schema.STORIES, problems)
    redirects = _read_csv(data_dir / "redirects.csv", schema.REDIRECTS, problems, optional=True)
    collections = {name: _read_geojson(geo_dir / f"{name}.geojson", problems)
                   for name in ("places", "routes", "regions", "countries")}
    if any(x is None for x in (sources, people, events, eras, stories, redirects, *collections.values())):
        raise DataError(problems)

    check_ids(sources.to_dict("records"), "data/sources.csv", "source_id", problems, lambda r: f"row {r['_row']}")
    check_ids(people.to_dict("records"), "data/people.csv", "person_id", problems, lambda r: f"row {r['_row']}")
    feature = lambda r: f"feature {r['_row']}"  # noqa: E731
    places = _geojson_frame(collections["places"], "geo/places.geojson", schema.PLACES, ("Point",), problems)
    check_ids(places.to_dict("records"), "geo/places.geojson", "place_id", problems, feature)
    places["lon"] = places["_shape"].map(lambda s: s.x)
    places["lat"] = places["_shape"].map(lambda s: s.y)
    place_ids = set(places["place_id"])
    person_ids, source_ids = set(people["person_id"]), set(sources["source_id"])

    spans = check_events(events, "data/events.csv", place_ids, person_ids, source_ids, problems)
    event_ids = set(events["event_id"])

    file = "data/eras.csv"
    check_ids(eras.to_dict("records"), file, "era_id", problems, lambda r: f"row {r['_row']}")
    era_spans = []
    for rec in eras.to_dict("records"):
        row = f"row {rec['_row']}"
        check_refs(rec["source_id"], source_ids, file, row, "source_id", "source", problems)
        check_quote(rec["quote"], file, row, problems)
        era_spans.append(check_date(rec["date"], "gregorian", file, row, "date", problems) if rec["date"] else None)

    check_stories(stories, event_ids, "data/stories.csv", problems)
    for rec in redirects.to_dict("records"):
        row = f"row {rec['_row']}"
        if rec["old_id"] in event_ids:
            problems.append(Problem("data/redirects.csv", row, "old_id", f"{shown(rec['old_id'])} is still an event"))
        if rec["new_id"] not in event_ids:
            problems.append(Problem("data/redirects.csv", row, "new_id", f"unknown event {shown(rec['new_id'])}"))

    file = "geo/routes.geojson"
    routes = _geojson_frame(collections["routes"], file, schema.ROUTES, ("LineString", "MultiLineString"), problems)
    check_ids(routes.to_dict("records"), file, "route_id", problems, feature)
    by_place = places.set_index("place_id") if not places.empty else pd.DataFrame()
    route_spans = []
    for rec in routes.to_dict("records"):
        row = f"feature {rec['_row']}"
        check_enum(rec["kind"], config.ROUTE_KINDS, file, row, "kind", problems)
        check_enum(rec["thread"], config.THREADS, file, row, "thread", problems)
        for column in ("from_place", "via_places", "to_place"):
            check_refs(rec[column], place_ids, file, row, column, "place", problems)
        check_refs(rec["source_id"], source_ids, file, row, "source_id", "source", problems)
        check_figures(rec["figures"], file, row, "figures", problems)
        check_quote(rec["quote"], file, row, problems)
        route_spans.append(check_date(rec["date"], "gregorian", file, row, "date", problems))
        check_route_ends(rec, by_place, file, row, problems)

    file = "geo/regions.geojson"
    regions = _geojson_frame(collections["regions"], file, schema.REGIONS, ("Polygon", "MultiPolygon"), problems)
    check_ids(regions.to_dict("records"), file, "region_id", problems, feature)
    region_bounds = []
    for rec in regions.to_dict("records"):
        row = f"feature {rec['_row']}"
        found = [check_date(rec[c], "gregorian", file, row, c, problems) for c in ("valid_from", "valid_to")]
        if all(found):
            region_bounds.append((pd.Timestamp(found[0].start), pd.Timestamp(found[1].end)))
        if rec["approximate"] is not True:
            problems.append(Problem(file, row, "approximate", "historical outlines must say approximate: true"))

    countries = _geojson_frame(collections["countries"], "geo/countries.geojson", schema.COUNTRIES,
                               ("Polygon", "MultiPolygon"), problems)
    if problems:
        raise DataError(problems)
    redirect_map = dict(zip(redirects["old_id"], redirects["new_id"]))
    last_steps = stories.assign(step=stories["step"].astype(int)).groupby("story_id", sort=False)["step"].max()
    known = Known(people=frozenset(person_ids), places=frozenset(place_ids), sources=frozenset(source_ids),
                  events=frozenset(event_ids), stories=tuple((s, int(n)) for s, n in last_steps.items()),
                  redirects=tuple(redirect_map.items()))
    people, places = people.drop(columns="_row"), places.drop(columns=["_row", "_shape"])
    search = build_index(people, places)
    return Atlas(events=enrich_events(events, spans, places, sources, people, search),
                 eras=with_bounds(eras, era_spans),
                 stories=sorted_stories(stories),
                 sources=sources.drop(columns="_row"), people=people, places=places,
                 routes=enrich_routes(routes, route_spans),
                 regions=collections["regions"], region_bounds=tuple(region_bounds),
                 countries=collections["countries"], redirects=redirect_map, known=known,
                 outline=outline_xy(countries["_shape"]), version=_digest(data_dir, geo_dir),
                 search=search)
