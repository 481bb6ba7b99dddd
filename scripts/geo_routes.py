#!/usr/bin/env python3
"""Build geo/routes.geojson (schematic LineStrings) from the historian-editable table geo/routes_source.csv.

usage: .venv/bin/python scripts/geo_routes.py

Run it after scripts/geo_places.py and scripts/geo_regions.py: it reads geo/places.geojson and
geo/regions.geojson. Curation time only; the app reads geo/routes.geojson. No route is traced: a line
joins the documented ends (and via places) of a movement in a straight line.

Each end of a route is EITHER a place (from_place / to_place, a place_id of places.geojson) OR a region
(from_region_id / to_region_id, a region_id of regions.geojson) when the source names no place there:
- a place end is the place's point; a place of precision `country` (a whole republic) is refused;
- a region end lies ON THE REGION'S OUTLINE, never on an invented point inside it: where the straight
  line between the other end (a place, or the centroid of the other region) and this region's centroid
  crosses the outline (the last crossing when the route leaves the region, the first when it enters);
- if both ends are regions and the stretch between the two outlines is shorter than MIN_REGION_LINE_DEG
  (the regions touch or nearly), the line is drawn MIN_REGION_LINE_DEG long along the same straight line,
  centred on the gap, or, where the regions touch, on the point where the line last leaves the origin
  region, so that the arrow can be seen; its ends then lie a little inside the regions and are no places
  either (`origin_unspecified` / `destination_unspecified` say so).
Every row is checked (ids, enums, EDTF dates, the region's validity against the route's dates) and
nothing is written if any row is wrong. Output is deterministic: same inputs -> byte-identical file.
"""
import csv
import json
import os
import re
import sys

import shapely
from shapely.geometry import LineString, Point, shape

HERE = os.path.dirname(os.path.abspath(__file__))
GEO = os.path.join(HERE, "..", "geo")
SRC = os.path.join(GEO, "routes_source.csv")
OUT = os.path.join(GEO, "routes.geojson")
PLACES = os.path.join(GEO, "places.geojson")
REGIONS = os.path.join(GEO, "regions.geojson")
HEADER = ["route_id", "kind", "certainty", "from_place", "from_region_id", "origin_unspecified", "from_label",
          "via_places", "to_place", "to_region_id", "destination_unspecified", "to_label", "date", "date_label",
          "who", "people", "thread", "figures", "source_id", "locator", "quote", "schematic", "note"]
REQUIRED = ["route_id", "kind", "certainty", "date", "date_label", "who", "thread", "source_id", "locator", "quote",
            "schematic"]
KINDS = {
    "migration": "people (households, farms) leaving their homes to settle elsewhere",
    "deportation": "people removed by the authorities",
    "exile": "a person sent into exile or to a camp",
    "escort": "a person taken under guard",
    "relocation": "an institution or a person moving its seat or home by its own decision",
    "recall": "an official summoned away from his post by the party or state",
}
CERTAINTY = {
    "certain": "the source states the movement, its ends and its date plainly",
    "approximate": "an end or the date is approximate, or was inferred by the curators from the context (see note)",
    "disputed": "sources, or one source in two places, disagree about it",
    "claim": "asserted by the author as a conjecture, or known only from one party's words",
}
BOOLS = {"true": True, "false": False, "": False}
END_TOLERANCE_DEG = 0.005  # an end this close to its region counts as on it (steppe/load.py allows 0.01)
MIN_REGION_LINE_DEG = 1.5  # ~150 km: shorter region-to-region arrows are lengthened, centred on the border
DECIMALS = 5
SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


def load_rows():
    with open(SRC, newline="", encoding="utf-8") as f:
        rd = csv.DictReader(f)
        if rd.fieldnames != HEADER:
            sys.exit(f"{SRC}: header must be exactly {','.join(HEADER)}\n got: {rd.fieldnames}")
        return list(rd)


def features_by(path, key):
    with open(path, encoding="utf-8") as f:
        return {ft["properties"][key]: ft for ft in json.load(f)["features"]}


def bounds(value, parse_edtf):
    """(first day, last day) of an EDTF date or interval, as sortable tuples."""
    d = parse_edtf(value)
    lo, hi = d.lower_strict(), d.upper_strict()
    return (lo.tm_year, lo.tm_mon, lo.tm_mday), (hi.tm_year, hi.tm_mon, hi.tm_mday)


def anchor(geom):
    """Where a region 'is' for drawing directions: its centroid, or a point surely inside it."""
    c = geom.centroid
    return c if geom.contains(c) else geom.representative_point()


def crossing(region, inner, outer):
    """Where the straight segment between `outer` (the route's other end) and `inner` (the region's anchor)
    meets the region's outline, taking the crossing nearest to `outer`: the last one when the route leaves
    the region, the first one when it enters it. The drawn line thus stays outside the region."""
    seg = LineString([outer.coords[0], inner.coords[0]])
    hits = seg.intersection(region.boundary)
    pts = [Point(c) for g in getattr(hits, "geoms", [hits]) if not g.is_empty for c in g.coords]
    if not pts:
        raise ValueError("the straight line never meets the region's outline (is the other end inside it?)")
    return min(pts, key=lambda p: (seg.project(p), p.x, p.y))


def region_name_at(region, day_tuple, parse_edtf):
    """The region's name valid on a day (its dated `names`), else its `name`."""
    for n in region["properties"].get("names") or []:
        lo, _ = bounds(n["from"], parse_edtf)
        hi, _ = bounds(n["to"], parse_edtf)
        if lo <= day_tuple < hi:
            return n["name"]
    return region["properties"]["name"]


def build(rows):
    from edtf import parse_edtf
    places = features_by(PLACES, "place_id")
    regions = features_by(REGIONS, "region_id")
    errs, features, seen = [], [], set()
    for i, r in enumerate(rows, start=2):
        where = f"{os.path.basename(SRC)} row {i} ({r['route_id']})"
        rid = r["route_id"]
        for col in REQUIRED:
            if not r[col].strip():
                errs.append(f"{where}: empty {col}")
        if not SLUG.fullmatch(rid) or rid in seen:
            errs.append(f"{where}: route_id not a slug or duplicate")
        seen.add(rid)
        if r["kind"] not in KINDS:
            errs.append(f"{where}: kind {r['kind']!r} not in {sorted(KINDS)}")
        if r["certainty"] not in CERTAINTY:
            errs.append(f"{where}: certainty {r['certainty']!r} not in {sorted(CERTAINTY)}")
        for col in ("origin_unspecified", "destination_unspecified", "schematic"):
            if r[col] not in BOOLS:
                errs.append(f"{where}: {col} must be true, false or blank")
        try:
            start, _ = bounds(r["date"], parse_edtf)
            _, end = bounds(r["date"], parse_edtf)
        except Exception:
            errs.append(f"{where}: date {r['date']!r} is not EDTF (open ends '..' are not allowed for routes: "
                        f"give the span the source describes)")
            continue
        ends = {}
        for side, pcol, rcol, flag in (("from", "from_place", "from_region_id", "origin_unspecified"),
                                       ("to", "to_place", "to_region_id", "destination_unspecified")):
            pid, reg = r[pcol].strip(), r[rcol].strip()
            if bool(pid) == bool(reg):
                errs.append(f"{where}: give exactly one of {pcol} and {rcol}")
                continue
            if pid:
                if pid not in places:
                    errs.append(f"{where}: {pcol} {pid!r} is not in places.geojson")
                    continue
                if places[pid]["properties"]["precision"] == "country":
                    errs.append(f"{where}: {pcol} {pid!r} is a whole country (precision 'country'): use {rcol}")
                    continue
                if BOOLS.get(r[flag]):
                    errs.append(f"{where}: {flag} is only for region ends")
                ends[side] = ("place", pid, Point(places[pid]["geometry"]["coordinates"]))
            else:
                if reg not in regions:
                    errs.append(f"{where}: {rcol} {reg!r} is not in regions.geojson")
                    continue
                p = regions[reg]["properties"]
                vf, _ = bounds(p["valid_from"], parse_edtf)
                vt, _ = bounds(p["valid_to"], parse_edtf)
                if not (vf <= end and start < vt):
                    errs.append(f"{where}: region {reg!r} ({p['valid_from']} to {p['valid_to']}) is not valid "
                                f"during the route ({r['date']})")
                ends[side] = ("region", reg, shape(regions[reg]["geometry"]))
        vias = []
        for pid in filter(None, (v.strip() for v in r["via_places"].split(";"))):
            if pid not in places or places[pid]["properties"]["precision"] == "country":
                errs.append(f"{where}: via place {pid!r} unknown or a whole country")
            else:
                vias.append(Point(places[pid]["geometry"]["coordinates"]))
        if len(ends) != 2:
            continue
        try:
            coords = line_coords(ends["from"], vias, ends["to"])
        except ValueError as e:
            errs.append(f"{where}: {e}")
            continue
        labels = {}
        for side, day_t in (("from", start), ("to", end)):
            kind_, ident, _ = ends[side]
            if r[f"{side}_label"].strip():
                labels[side] = r[f"{side}_label"].strip()
            elif kind_ == "place":
                labels[side] = places[ident]["properties"]["period_name"]
            else:
                unspecified = BOOLS.get(r["origin_unspecified" if side == "from" else "destination_unspecified"])
                name = region_name_at(regions[ident], day_t, parse_edtf)
                labels[side] = f"{name} ({'place not given' if unspecified else 'area'})"
        props = {k: r[k].strip() for k in HEADER}
        props.update(origin_unspecified=BOOLS[r["origin_unspecified"]],
                     destination_unspecified=BOOLS[r["destination_unspecified"]],
                     schematic=BOOLS[r["schematic"]], from_label=labels["from"], to_label=labels["to"])
        features.append({"type": "Feature", "id": rid, "properties": props,
                         "geometry": {"type": "LineString",
                                      "coordinates": [[round(x, DECIMALS), round(y, DECIMALS)] for x, y in coords]}})
    return {"type": "FeatureCollection", "name": "routes", "features": features}, errs


def line_coords(start, vias, end):
    """Coordinates of the schematic line between two ends (places or regions) through via places."""
    (k1, _, g1), (k2, _, g2) = start, end
    a = g1 if k1 == "place" else anchor(g1)
    b = g2 if k2 == "place" else anchor(g2)
    first_after = vias[0] if vias else b
    last_before = vias[-1] if vias else a
    p_start = a if k1 == "place" else crossing(g1, a, first_after)
    p_end = b if k2 == "place" else crossing(g2, b, last_before)
    if k1 == "place" and k2 == "place" or vias:
        return [p_start.coords[0]] + [v.coords[0] for v in vias] + [p_end.coords[0]]
    if k1 == "region" and k2 == "region":
        seg = LineString([a.coords[0], b.coords[0]])
        t_exit, t_entry = seg.project(p_start), seg.project(p_end)
        if t_exit >= t_entry:  # the regions touch: centre the arrow where the line last leaves the origin region
            centre = p_start
        elif t_entry - t_exit < MIN_REGION_LINE_DEG:  # a narrow gap: centre it in the gap
            centre = seg.interpolate((t_exit + t_entry) / 2)
        else:
            centre = None
        if centre is not None:
            ux, uy = (b.x - a.x) / seg.length, (b.y - a.y) / seg.length
            half = MIN_REGION_LINE_DEG / 2
            while True:  # shorten the arrow until its ends lie in their own regions (winding borders)
                p_start = Point(centre.x - ux * half, centre.y - uy * half)
                p_end = Point(centre.x + ux * half, centre.y + uy * half)
                if (g1.distance(p_start) <= END_TOLERANCE_DEG and g2.distance(p_end) <= END_TOLERANCE_DEG) or half < 0.1:
                    break
                half -= 0.05
    return [p_start.coords[0], p_end.coords[0]]


def main(argv):
    rows = load_rows()
    fc, errs = build(rows)
    if errs:
        print("\n".join(errs))
        sys.exit(f"{len(errs)} problems; {os.path.basename(OUT)} not written")
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(fc, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(f"wrote {os.path.normpath(OUT)}: {len(fc['features'])} routes, {os.path.getsize(OUT)} bytes")


if __name__ == "__main__":
    main(sys.argv)
