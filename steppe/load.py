"""Load and validate the atlas data once, at the edge; everything after trusts the types.

`load_atlas` raises nothing but DataError: every file is read defensively (missing, a folder, not UTF-8, not CSV,
not GeoJSON, wrong shapes and types) and every problem names its file, row or feature and column."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import config, schema
from .checks import (DataError, Problem, check_date, check_enum, check_events, check_figures, check_ids,
                     check_quote, check_refs, check_route_ends, check_stories, shown)
from .minimap import outline_xy
from .readers import geojson_frame, read_csv, read_geojson
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
    region_bounds: tuple          # ((start, end), ...) per region feature, read as [start, end): the first day of
                                  #   valid_from and of valid_to, parsed once (the next unit starts on `end`)
    countries: dict               # GeoJSON FeatureCollection, modern borders
    land: dict                    # basemap of the period (scripts/geo_basemap.py): land, seas and lakes, rivers;
    water: dict                   #   optional files, empty collections when absent
    rivers: dict
    redirects: dict               # merged event id -> the kept event id
    known: Known                  # the ids a link may name
    outline: tuple                # simplified country outlines for the home page's small map
    version: str                  # digest of every file read: keys the figure caches
    search: SearchIndex           # every spelling of every person and place (steppe/search.py)


EMPTY_FC = {"type": "FeatureCollection", "features": []}
BASEMAP = {"land": ("Polygon", "MultiPolygon"), "water": ("Polygon", "MultiPolygon"),
           "rivers": ("LineString", "MultiLineString")}


def _read_basemap(geo_dir: Path, problems: list[Problem]) -> dict:
    layers = {}
    for name, geom_types in BASEMAP.items():
        path = geo_dir / f"{name}.geojson"
        collection = read_geojson(path, problems) if path.exists() else dict(EMPTY_FC)
        if collection is not None:
            geojson_frame(collection, f"geo/{name}.geojson", (), geom_types, problems)
        layers[name] = collection or dict(EMPTY_FC)
    return layers


def _region_shapes(regions: pd.DataFrame) -> dict:
    return dict(zip(regions["region_id"], regions["_shape"]))


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

    sources = read_csv(data_dir / "sources.csv", schema.SOURCES, problems)
    people = read_csv(data_dir / "people.csv", schema.PEOPLE, problems)
    events = read_csv(data_dir / "events.csv", schema.EVENTS, problems)
    eras = read_csv(data_dir / "eras.csv", schema.ERAS, problems)
    stories = read_csv(data_dir / "stories.csv", schema.STORIES, problems)
    redirects = read_csv(data_dir / "redirects.csv", schema.REDIRECTS, problems, optional=True)
    collections = {name: read_geojson(geo_dir / f"{name}.geojson", problems)
                   for name in ("places", "routes", "regions", "countries")}
    if any(x is None for x in (sources, people, events, eras, stories, redirects, *collections.values())):
        raise DataError(problems)

    check_ids(sources.to_dict("records"), "data/sources.csv", "source_id", problems, lambda r: f"row {r['_row']}")
    check_ids(people.to_dict("records"), "data/people.csv", "person_id", problems, lambda r: f"row {r['_row']}")
    feature = lambda r: f"feature {r['_row']}"  # noqa: E731
    places = geojson_frame(collections["places"], "geo/places.geojson", schema.PLACES, ("Point",), problems)
    check_ids(places.to_dict("records"), "geo/places.geojson", "place_id", problems, feature)
    places["lon"] = places["_shape"].map(lambda s: s.x)
    places["lat"] = places["_shape"].map(lambda s: s.y)
    for rec in places.to_dict("records"):
        check_enum(rec["precision"], config.PLACE_PRECISIONS, "geo/places.geojson", feature(rec), "precision", problems)
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

    file = "geo/regions.geojson"
    regions = geojson_frame(collections["regions"], file, schema.REGIONS, ("Polygon", "MultiPolygon"), problems)
    check_ids(regions.to_dict("records"), file, "region_id", problems, feature)
    region_bounds = []
    for rec in regions.to_dict("records"):
        row = f"feature {rec['_row']}"
        found = [check_date(rec[c], "gregorian", file, row, c, problems) for c in ("valid_from", "valid_to")]
        if all(found):
            region_bounds.append((pd.Timestamp(found[0].start), pd.Timestamp(found[1].start)))
        if rec["approximate"] is not True:
            problems.append(Problem(file, row, "approximate", "historical outlines must say approximate: true"))

    file = "geo/routes.geojson"
    routes = geojson_frame(collections["routes"], file, schema.ROUTES, ("LineString", "MultiLineString"), problems)
    check_ids(routes.to_dict("records"), file, "route_id", problems, feature)
    by_place = places.set_index("place_id") if not places.empty else pd.DataFrame()
    region_shapes = _region_shapes(regions)
    route_spans = []
    for rec in routes.to_dict("records"):
        row = f"feature {rec['_row']}"
        check_enum(rec["kind"], config.ROUTE_KINDS, file, row, "kind", problems)
        check_enum(rec["certainty"], config.CERTAINTIES, file, row, "certainty", problems)
        check_refs(rec["people"], person_ids, file, row, "people", "person", problems)
        check_enum(rec["thread"], config.THREADS, file, row, "thread", problems)
        for column in ("from_place", "via_places", "to_place"):
            check_refs(rec[column], place_ids, file, row, column, "place", problems)
        check_refs(rec["source_id"], source_ids, file, row, "source_id", "source", problems)
        check_figures(rec["figures"], file, row, "figures", problems)
        check_quote(rec["quote"], file, row, problems)
        route_spans.append(check_date(rec["date"], "gregorian", file, row, "date", problems))
        check_route_ends(rec, by_place, region_shapes, file, row, problems)

    countries = geojson_frame(collections["countries"], "geo/countries.geojson", schema.COUNTRIES,
                               ("Polygon", "MultiPolygon"), problems)
    basemap = _read_basemap(geo_dir, problems)
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
                 countries=collections["countries"], **basemap, redirects=redirect_map, known=known,
                 outline=outline_xy(countries["_shape"]), version=_digest(data_dir, geo_dir),
                 search=search)
