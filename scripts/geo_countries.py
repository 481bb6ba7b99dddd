#!/usr/bin/env python3
"""Build geo/countries.geojson: modern country outlines for orientation (Natural Earth 1:50m).

usage: .venv/bin/python scripts/geo_countries.py [PATH/TO/countries-50m.json]

The input is the TopoJSON file of the npm package world-atlas (pinned below), installed at
curation time with `cd /work/scratch && npm install world-atlas@2.0.2`. The TopoJSON is decoded
here (quantised, delta-encoded arcs), every shared arc is simplified once (so neighbouring
countries keep identical borders), countries meeting the box lon 20..100, lat 25..68 are kept
and clipped to it. Output is deterministic: same input -> byte-identical file.
"""
import json
import os
import sys

from shapely import make_valid
from shapely.geometry import LineString, MultiPolygon, Polygon, box, mapping

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "geo", "countries.geojson")
DEFAULT_INPUT = "/work/scratch/node_modules/world-atlas/countries-50m.json"
WORLD_ATLAS_VERSION = "2.0.2"  # npm world-atlas; its package.json is checked against this
BBOX = (20.0, 25.0, 100.0, 68.0)  # lon_min, lat_min, lon_max, lat_max: Leningrad and Moscow to the Altai (as geo_basemap.py)
SIMPLIFY_DEG = 0.02  # ~2 km; enough for an orientation layer, keeps the file small
DECIMALS = 3  # ~100 m; finer than the simplification
LABEL = "modern borders, for orientation"
SOURCE = f"Natural Earth 1:50m via world-atlas {WORLD_ATLAS_VERSION} (public domain)"


def decode_arcs(topo):
    """Return the topology's arcs as lists of [lon, lat], undoing quantisation and delta encoding."""
    tr = topo.get("transform")
    arcs = []
    for arc in topo["arcs"]:
        if tr:
            (sx, sy), (tx, ty) = tr["scale"], tr["translate"]
            x = y = 0
            pts = []
            for dx, dy in arc:
                x += dx
                y += dy
                pts.append([x * sx + tx, y * sy + ty])
        else:
            pts = [list(p[:2]) for p in arc]
        arcs.append(pts)
    return arcs


def simplify_arcs(arcs, tol):
    """Simplify each arc once (endpoints kept), so shared borders stay identical on both sides."""
    out = []
    for pts in arcs:
        if len(pts) > 2:
            pts = [list(p) for p in LineString(pts).simplify(tol, preserve_topology=False).coords]
        out.append(pts)
    return out


def ring_from(arc_ids, arcs):
    """Stitch a TopoJSON ring (list of arc indices; ~i means arc i reversed)."""
    ring = []
    for i in arc_ids:
        pts = arcs[i] if i >= 0 else arcs[~i][::-1]
        ring.extend(pts if not ring else pts[1:])
    return ring


def polygon_from(rings, arcs):
    """Build a shapely Polygon from TopoJSON rings; None if the outer ring collapsed."""
    coords = [ring_from(r, arcs) for r in rings]
    coords = [c for c in coords if len(c) >= 4]
    if not coords:
        return None
    return Polygon(coords[0], coords[1:])


def geometry_from(obj, arcs):
    """Decode one TopoJSON Polygon/MultiPolygon geometry object to a valid shapely geometry."""
    if obj.get("type") == "Polygon":
        polys = [polygon_from(obj["arcs"], arcs)]
    elif obj.get("type") == "MultiPolygon":
        polys = [polygon_from(p, arcs) for p in obj["arcs"]]
    else:
        return None
    polys = [p for p in polys if p is not None]
    if not polys:
        return None
    return make_valid(MultiPolygon(polys) if len(polys) > 1 else polys[0])


def polygonal(geom):
    """Keep only the polygon parts of a geometry (clipping can leave lines or points)."""
    if geom.is_empty:
        return None
    if geom.geom_type in ("Polygon", "MultiPolygon"):
        return geom
    if hasattr(geom, "geoms"):
        parts = []
        for g in geom.geoms:
            g = polygonal(g)
            if g is not None:
                parts.extend(g.geoms if g.geom_type == "MultiPolygon" else [g])
        return MultiPolygon(parts) if parts else None
    return None


def rounded(coords):
    """Round nested coordinate lists to DECIMALS places."""
    if isinstance(coords[0], (int, float)):
        return [round(c, DECIMALS) for c in coords]
    return [rounded(c) for c in coords]


def check_version(path):
    """Refuse an input whose world-atlas package.json names another version than the pinned one."""
    pkg = os.path.join(os.path.dirname(path), "package.json")
    if os.path.exists(pkg):
        with open(pkg, encoding="utf-8") as f:
            version = json.load(f).get("version")
        if version != WORLD_ATLAS_VERSION:
            sys.exit(f"{pkg}: world-atlas version {version!r}, expected {WORLD_ATLAS_VERSION!r}")


def build(path):
    """Return the FeatureCollection dict for the countries meeting BBOX."""
    with open(path, encoding="utf-8") as f:
        topo = json.load(f)
    arcs = simplify_arcs(decode_arcs(topo), SIMPLIFY_DEG)
    clip = box(*BBOX)
    features = []
    for obj in topo["objects"]["countries"]["geometries"]:
        geom = geometry_from(obj, arcs)
        if geom is None or not geom.intersects(clip):
            continue
        geom = polygonal(make_valid(geom.intersection(clip)))
        if geom is None or geom.area < 1e-6:
            continue
        name = (obj.get("properties") or {}).get("name")
        gj = mapping(geom)
        features.append({
            "type": "Feature",
            "properties": {"name": name, "iso_n3": obj.get("id"), "label": LABEL, "source": SOURCE},
            "geometry": {"type": gj["type"], "coordinates": rounded(json.loads(json.dumps(gj["coordinates"])))},
        })
    features.sort(key=lambda ft: (ft["properties"]["name"] or "", ft["properties"]["iso_n3"] or ""))
    return {"type": "FeatureCollection", "name": "countries", "features": features}


def main(argv):
    path = argv[1] if len(argv) > 1 else DEFAULT_INPUT
    if not os.path.exists(path):
        sys.exit(f"{path}: not found; run `cd /work/scratch && npm install world-atlas@{WORLD_ATLAS_VERSION}`")
    check_version(path)
    fc = build(path)
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(fc, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
    names = ", ".join(ft["properties"]["name"] for ft in fc["features"])
    print(f"wrote {os.path.normpath(OUT)}: {len(fc['features'])} countries, {os.path.getsize(OUT)} bytes: {names}")


if __name__ == "__main__":
    main(sys.argv)
