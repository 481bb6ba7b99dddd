#!/usr/bin/env python3
"""Build the physical basemap of the period: geo/land.geojson, geo/water.geojson and geo/rivers.geojson.

usage: .venv/bin/python scripts/geo_basemap.py [DIR]   # DIR holds the Natural Earth files (default below)

Inputs are Natural Earth 1:50m physical layers (public domain), as GeoJSON in /work/shared/geodata/
(from the CC0 repository martynafford/natural-earth-geojson, folder 50m/physical/; see the README there):
ne_50m_land.json, ne_50m_lakes.json, ne_50m_lakes_historic.json, ne_50m_rivers_lake_centerlines.json.
Curation time only: the app reads the three committed files and needs none of this.

What is kept, and why (each feature says so in its properties):
- land: every land polygon meeting BOX, clipped to it, so that Moscow, Leningrad and Orenburg sit on land;
  islands under MIN_ISLAND_DEG2 are dropped.
- water: the Aral Sea at its pre-1960 extent (Natural Earth "Historic Aral Sea", the sea of 1917-1936), the
  Caspian Sea (the hole it leaves in Natural Earth's land, today's coastline), and the natural lakes in LAKES.
  Reservoirs and lakes shaped by dams built after 1936 are left out on purpose (EXCLUDED_LAKES; the test
  tests/test_geo_data.py checks that no reservoir name slips in), as is today's shrunken Aral Sea.
- rivers: the main rivers in RIVERS, their Natural Earth river and lake-centre lines (where a dam built later
  made a reservoir, the centre line of the reservoir follows the old river course), cut where they cross the
  water polygons (the delta channels of today's dried Aral bed are under the 1920s sea).
Geometry is simplified (SIMPLIFY_DEG, topology kept) and rounded to DECIMALS; output is deterministic.
"""
import json
import os
import sys

import shapely
from shapely.geometry import MultiLineString, MultiPolygon, Point, Polygon, box, mapping, shape

HERE = os.path.dirname(os.path.abspath(__file__))
GEO = os.path.join(HERE, "..", "geo")
DEFAULT_INPUT = "/work/shared/geodata"
BOX = (20.0, 25.0, 100.0, 68.0)  # lon_min, lat_min, lon_max, lat_max: Leningrad and Moscow to the Altai
SIMPLIFY_DEG = 0.02  # ~2 km; shapes stay recognisable at the atlas' zooms
DECIMALS = 3  # ~100 m, finer than the simplification
MIN_ISLAND_DEG2 = 0.02  # ~200 km2; smaller islands are invisible at the atlas' zooms
SOURCE = "Natural Earth 1:50m physical (public domain), via martynafford/natural-earth-geojson (CC0)"

# Natural lakes drawn as they are in Natural Earth today (name in the file -> name shown, note).
LAKES = {
    "Lake Balkhash": ("Lake Balkhash", "today's outline; the level of the 1920s-30s is not reconstructed "
                                      "(the Kapchagay reservoir on the Ili, 1970, later lowered it)"),
    "Issyk-Kul": ("Issyk-Kul", "today's outline; the lake level has varied by a few metres since the 1920s"),
    "Alaköl": ("Alakol", "today's outline"),
    "Tengiz Köli": ("Lake Tengiz", "today's outline; a shallow salt lake whose extent varies from year to year"),
    "Lake Ladoga": ("Lake Ladoga", "today's outline; near Leningrad"),
    "Lake Onega": ("Lake Onega", "today's outline"),
}
# Lakes of the source file inside BOX that are left out, with the reason (documentation; also tested).
EXCLUDED_LAKES = {
    "Aral Sea": "today's shrunken Aral Sea; the sea of 1917-1936 is the 'Historic Aral Sea' feature",
    "Sarygamysh Köli": "filled by irrigation drainage water from the 1960s; in the 1920s-30s a mostly dry depression",
    "L. Zaysan": "outline raised by the Bukhtarma reservoir (dam of 1960); the 1920s lake was smaller",
    "Shardara Bögeni": "reservoir (dam of 1965)",
    "Toktogul Res.": "reservoir (dam of 1975)",
    "Rybinsk Res.": "reservoir (1941)",
    "Samara Reservoir": "reservoir (Kuybyshev dam, 1955-57)",
    "Kakhovka Reservoir": "reservoir (1956)",
    "Kremenchuk Reservoir": "reservoir (1961)",
}
# Rivers: name shown -> (names in the source file, note). Ili and Chu are not in the 1:50m layer.
RIVERS = {
    "Syr Darya": (["Syr Darya"], "through the Kayrakkum (1956) and Shardara (1965) reservoirs the line follows the "
                                 "reservoirs' centre; the Syr Darya reached the Aral Sea in the period"),
    "Amu Darya": (["Amu  Darya"], "the delta channels are cut at the pre-1960 shore of the Aral Sea"),
    "Panj": (["Panj"], "upper course of the Amu Darya; the Soviet-Afghan border"),
    "Naryn": (["Naryn"], "upper course of the Syr Darya; through the Toktogul reservoir (1975) the line follows "
                         "the reservoir's centre"),
    "Ural": (["Ural"], "through the Iriklinsk reservoir (1958) the line follows the reservoir's centre"),
    "Irtysh": (["Ertix", "Ertis", "Irtysh"], "through Lake Zaysan and the Bukhtarma reservoir (1960) the line "
                                             "follows their centre"),
    "Tobol": (["Tobol"], ""),
    "Volga": (["Volga"], "through the reservoirs built from 1937 on, the line follows their centre"),
}
CASPIAN_POINT = (51.0, 42.0)  # lon, lat: a point of the open Caspian, to find its hole in the land layer
RESERVOIR_WORDS = ("reservoir", "res.", "bögeni", "vodokhranilishche", "vdkhr")


def read(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)["features"]


def rounded(coords):
    """Round nested coordinate lists to DECIMALS places."""
    if isinstance(coords[0], (int, float)):
        return [round(c, DECIMALS) for c in coords]
    return [rounded(c) for c in coords]


def polygons(geom, min_area=0.0):
    """The polygons of a geometry, largest first, dropping those under min_area."""
    parts = [g for g in getattr(geom, "geoms", [geom]) if g.geom_type == "Polygon" and g.area >= min_area]
    return sorted(parts, key=lambda p: (-p.area, p.representative_point().x))


def as_polygonal(parts):
    return MultiPolygon(parts) if len(parts) > 1 else parts[0]


def feature(geom, props):
    geom = shapely.normalize(geom) if geom.geom_type != "MultiLineString" else geom
    gj = mapping(geom)
    return {"type": "Feature", "properties": props,
            "geometry": {"type": gj["type"], "coordinates": rounded(json.loads(json.dumps(gj["coordinates"])))}}


def simplify_polygonal(geom):
    geom = shapely.make_valid(geom.simplify(SIMPLIFY_DEG, preserve_topology=True))
    return as_polygonal(polygons(geom))


def build_land(src):
    clip = box(*BOX)
    land = shapely.union_all([shape(f["geometry"]) for f in read(os.path.join(src, "ne_50m_land.json"))
                              if f["geometry"] and shape(f["geometry"]).intersects(clip)])
    caspian = None
    for poly in polygons(land):
        for ring in poly.interiors:
            if Polygon(ring).contains(Point(CASPIAN_POINT)):
                caspian = Polygon(ring)
    land = land.intersection(clip)
    parts = [simplify_polygonal(p) for p in polygons(land, MIN_ISLAND_DEG2)]
    parts = [p for part in parts for p in polygons(part)]
    props = {"name": "land", "source": SOURCE,
             "note": "Natural Earth 1:50m land, clipped to lon {} to {}, lat {} to {}; islands under ~200 km2 "
                     "dropped; today's coastlines".format(BOX[0], BOX[2], BOX[1], BOX[3])}
    fc = {"type": "FeatureCollection", "name": "land", "features": [feature(as_polygonal(parts), props)]}
    return fc, caspian


def build_water(src, caspian):
    feats = []
    historic = [f for f in read(os.path.join(src, "ne_50m_lakes_historic.json"))
                if f["properties"].get("name") == "Historic Aral Sea"]
    if len(historic) != 1:
        sys.exit("ne_50m_lakes_historic.json: no single 'Historic Aral Sea' feature")
    feats.append(("Aral Sea", "sea", "pre-1960", simplify_polygonal(shape(historic[0]["geometry"])),
                  "Natural Earth 'Historic Aral Sea': the sea before its shrinking from the 1960s on, i.e. as it "
                  "was in 1917-1936"))
    if caspian is None:
        sys.exit("ne_50m_land.json: the Caspian hole was not found")
    feats.append(("Caspian Sea", "sea", "modern", simplify_polygonal(caspian),
                  "the hole the Caspian leaves in Natural Earth's land layer: today's coastline; the sea's level "
                  "has changed since the 1920s-30s and its flat northern shore moved with it (not reconstructed); "
                  "Kara-Bogaz-Gol is included"))
    clip = box(*BOX)
    found = set()
    for f in read(os.path.join(src, "ne_50m_lakes.json")):
        name = (f["properties"].get("name") or "").strip()
        if name in LAKES and f["geometry"]:
            geom = shape(f["geometry"])
            if geom.intersects(clip):
                shown, note = LAKES[name]
                feats.append((shown, "lake", "modern", simplify_polygonal(geom.intersection(clip)), note))
                found.add(name)
    if found != set(LAKES):
        sys.exit(f"ne_50m_lakes.json: lakes not found: {sorted(set(LAKES) - found)}")
    out = []
    for name, kind, extent, geom, note in feats:
        if any(w in name.lower() for w in RESERVOIR_WORDS):
            sys.exit(f"{name}: a reservoir; reservoirs are not part of the period's map")
        out.append(feature(geom, {"name": name, "kind": kind, "extent": extent, "note": note, "source": SOURCE}))
    return {"type": "FeatureCollection", "name": "water", "features": out}


def build_rivers(src, water):
    clip = box(*BOX)
    wet = shapely.union_all([shape(f["geometry"]) for f in water["features"]])
    by_name = {}
    for f in read(os.path.join(src, "ne_50m_rivers_lake_centerlines.json")):
        name = (f["properties"].get("name") or "").strip()
        for shown, (names, _) in RIVERS.items():
            if name in [n.strip() for n in names] and f["geometry"]:
                by_name.setdefault(shown, []).append((f["properties"]["featurecla"], shape(f["geometry"])))
    out = []
    for shown, (names, note) in RIVERS.items():
        if shown not in by_name:
            sys.exit(f"ne_50m_rivers_lake_centerlines.json: river {shown!r} not found")
        lines = [g for _, g in sorted(by_name[shown], key=lambda x: (x[0], x[1].bounds))]
        geom = shapely.line_merge(shapely.union_all(lines)).intersection(clip).difference(wet)
        geom = geom.simplify(SIMPLIFY_DEG, preserve_topology=False)
        parts = [g for g in getattr(geom, "geoms", [geom]) if g.geom_type == "LineString"
                 and len({tuple(rounded(list(c))) for c in g.coords}) > 1]  # no line that rounding collapses
        parts.sort(key=lambda g: (-g.length, g.coords[0]))
        out.append(feature(MultiLineString(parts), {"name": shown, "note": note, "source": SOURCE}))
    return {"type": "FeatureCollection", "name": "rivers", "features": out}


def write(fc, name):
    path = os.path.join(GEO, name)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(fc, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {os.path.normpath(path)}: {len(fc['features'])} features, {os.path.getsize(path)} bytes")


def main(argv):
    src = argv[1] if len(argv) > 1 else DEFAULT_INPUT
    if not os.path.isdir(src):
        sys.exit(f"{src}: not found; see /work/shared/geodata/README.md")
    land, caspian = build_land(src)
    water = build_water(src, caspian)
    rivers = build_rivers(src, water)
    write(land, "land.geojson")
    write(water, "water.geojson")
    write(rivers, "rivers.geojson")


if __name__ == "__main__":
    main(sys.argv)
