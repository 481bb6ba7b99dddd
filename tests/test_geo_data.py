"""The curated map data keeps the geography rules (docs/CURATION.md, "Geography pass (Dec 2026)").

Pure checks of the committed files in geo/ (json + shapely + edtf only; no Streamlit, no app code)."""
import csv
import json

import pytest
from edtf import parse_edtf
from shapely.geometry import Point, shape
from shapely.ops import unary_union

from conftest import ROOT

GEO = ROOT / "geo"
MOVEMENTS = {"migration", "relocation", "deportation", "recall"}  # recalls are relocations ordered by the party
CERTAINTIES = {"certain", "approximate", "disputed", "claim"}
RESERVOIR_WORDS = ("reservoir", "res.", "vodokhranilishche", "vdkhr", "bögeni", "kapchagay", "kapshagay",
                   "bukhtarma", "shardara", "chardara", "toktogul", "kayrakkum", "nurek", "iriklinsk", "rybinsk",
                   "kuybyshev", "samara reservoir", "tuyamuyun")


def load(name):
    return json.loads((GEO / name).read_text(encoding="utf-8"))


def day(value):
    """First day of an EDTF date, as a sortable tuple; regions are valid on [valid_from, valid_to)."""
    t = parse_edtf(value).lower_strict()
    return (t.tm_year, t.tm_mon, t.tm_mday)


def last_day(value):
    t = parse_edtf(value).upper_strict()
    return (t.tm_year, t.tm_mon, t.tm_mday)


@pytest.fixture(scope="module")
def places():
    return {f["properties"]["place_id"]: f for f in load("places.geojson")["features"]}


@pytest.fixture(scope="module")
def routes():
    return load("routes.geojson")["features"]


@pytest.fixture(scope="module")
def regions():
    return load("regions.geojson")["features"]


@pytest.fixture(scope="module")
def water():
    return load("water.geojson")["features"]


def test_country_level_places_are_marked(places):
    for pid in ("kazakhstan", "tajikistan", "uzbekistan", "kyrgyzstan", "turkmenistan", "ussr", "afghanistan"):
        assert places[pid]["properties"]["precision"] == "country", pid


def test_no_movement_begins_or_ends_at_a_country_level_place(routes, places):
    bad = []
    for f in routes:
        p = f["properties"]
        if p["kind"] not in MOVEMENTS:
            continue
        for column in ("from_place", "to_place"):
            pid = p.get(column) or ""
            if pid and places[pid]["properties"]["precision"] == "country":
                bad.append(f"{p['route_id']}: {column} {pid}")
    assert not bad, bad


def test_no_route_at_all_touches_a_country_level_place(routes, places):
    """Stricter than the rule for movements: escorts and exiles too, and via places."""
    for f in routes:
        p = f["properties"]
        stops = [p.get("from_place"), p.get("to_place")] + (p.get("via_places") or "").split(";")
        for pid in filter(None, stops):
            assert places[pid]["properties"]["precision"] != "country", (p["route_id"], pid)


def test_route_ends_lie_on_their_places_or_regions(routes, places, regions):
    shapes = {f["properties"]["region_id"]: shape(f["geometry"]) for f in regions}
    for f in routes:
        p, coords = f["properties"], f["geometry"]["coordinates"]
        for side, point in (("from", coords[0]), ("to", coords[-1])):
            pid, rid = p.get(f"{side}_place") or "", p.get(f"{side}_region_id") or ""
            assert bool(pid) != bool(rid), (p["route_id"], side)
            if pid:
                assert Point(point).distance(shape(places[pid]["geometry"])) < 0.01, (p["route_id"], side)
            else:
                assert shapes[rid].distance(Point(point)) < 0.01, (p["route_id"], side)
                unspecified = p["origin_unspecified" if side == "from" else "destination_unspecified"]
                assert isinstance(unspecified, bool)


def test_region_ends_are_valid_during_the_route(routes, regions):
    valid = {f["properties"]["region_id"]: f["properties"] for f in regions}
    for f in routes:
        p = f["properties"]
        for column in ("from_region_id", "to_region_id"):
            if p.get(column):
                r = valid[p[column]]
                assert day(r["valid_from"]) <= last_day(p["date"]) and day(p["date"]) < day(r["valid_to"]), \
                    (p["route_id"], column)


def test_every_route_has_certainty_date_label_and_words_for_tooltips(routes):
    for f in routes:
        p = f["properties"]
        assert p["certainty"] in CERTAINTIES, p["route_id"]
        assert p["date_label"].strip(), p["route_id"]
        assert p["from_label"].strip() and p["to_label"].strip(), p["route_id"]
        assert p["who"].strip() and p["who"] != p.get("people"), p["route_id"]  # a name, not an id
        assert ".." not in p["date"], p["route_id"]  # a span the source describes, not an open end


def test_recalls_and_relocations_are_not_migrations(routes):
    kinds = {f["properties"]["route_id"]: f["properties"]["kind"] for f in routes}
    assert kinds["1928-sadvakasov-recalled-moscow"] == "recall"
    assert kinds["1929-04-nurmakov-recalled-moscow"] == "recall"
    assert kinds["1918-03-eastern-alash-orda-orenburg-zarechnaya"] == "relocation"


def test_route_people_are_known(routes):
    with open(ROOT / "data" / "people.csv", newline="", encoding="utf-8") as fh:
        people = {r["person_id"] for r in csv.DictReader(fh)}
    for f in routes:
        for pid in filter(None, (f["properties"].get("people") or "").split(";")):
            assert pid in people, (f["properties"]["route_id"], pid)


def test_no_two_features_of_one_unit_overlap_in_time(regions):
    by_unit = {}
    for f in regions:
        p = f["properties"]
        by_unit.setdefault(p["unit_id"], []).append((day(p["valid_from"]), day(p["valid_to"]), p["region_id"]))
    for unit, spans in by_unit.items():
        spans.sort()
        for (_, end1, a), (start2, _, b) in zip(spans, spans[1:]):
            assert start2 >= end1, f"{unit}: {a} and {b} overlap in time"


def test_units_that_replaced_each_other_share_one_day(regions):
    """Top-level units (not parts, not geographic areas) that cover the same ground never coexist: one day
    ends the old unit and starts the new one (no 13-day overlap at the 1924 delimitation)."""
    top = [f for f in regions if not f["properties"]["part_of"] and f["properties"]["kind"] != "district"]
    for i, a in enumerate(top):
        ga, pa = shape(a["geometry"]), a["properties"]
        for b in top[i + 1:]:
            gb, pb = shape(b["geometry"]), b["properties"]
            if ga.intersection(gb).area <= 0.01 * min(ga.area, gb.area):
                continue
            overlap = day(pa["valid_from"]) < day(pb["valid_to"]) and day(pb["valid_from"]) < day(pa["valid_to"])
            assert not overlap, (pa["region_id"], pb["region_id"])


def test_dated_names_cover_each_region(regions):
    for f in regions:
        p = f["properties"]
        names = p["names"]
        assert names[0]["from"] == p["valid_from"] and names[-1]["to"] == p["valid_to"], p["region_id"]
        for n1, n2 in zip(names, names[1:]):
            assert n1["to"] == n2["from"], p["region_id"]
        assert all(n["name"] and n["source"] for n in names), p["region_id"]


def test_kazakh_republic_is_named_kirgiz_until_the_1925_renaming(regions):
    p = next(f["properties"] for f in regions if f["properties"]["region_id"] == "kazakh-assr-1924")
    first, second = p["names"]
    assert first["name"] == "Kirgiz ASSR" and second["name"] == "Kazak ASSR" and first["to"].startswith("1925")
    assert "p. 270" in first["source"]


def test_orenburg_joins_the_kirgiz_assr_on_22_september_1920(regions):
    by_id = {f["properties"]["region_id"]: f for f in regions}
    assert by_id["orenburg-guberniya"]["properties"]["valid_from"] == "1920-09-22"
    assert "Orenburg" not in by_id["kirgiz-asrr"]["properties"]["basis"].split("Known differences")[0]


def test_the_1920s_aral_sea_is_water(water):
    point = Point(59.5, 45.0)
    assert any(shape(f["geometry"]).contains(point) for f in water)


def test_lakes_of_the_period_are_there(water):
    names = {f["properties"]["name"] for f in water}
    assert {"Aral Sea", "Caspian Sea", "Lake Balkhash", "Issyk-Kul"} <= names
    aral = next(f for f in water if f["properties"]["name"] == "Aral Sea")
    assert aral["properties"]["extent"] == "pre-1960"


def test_no_reservoir_in_water(water):
    for f in water:
        text = " ".join(str(v) for k, v in f["properties"].items() if k in ("name", "kind")).lower()
        assert not any(w in text for w in RESERVOIR_WORDS), f["properties"]["name"]


def test_moscow_leningrad_orenburg_are_on_land(places):
    land = unary_union([shape(f["geometry"]) for f in load("land.geojson")["features"]])
    for pid in ("moscow", "leningrad", "orenburg"):
        assert land.contains(shape(places[pid]["geometry"])), pid


def test_main_rivers_are_there():
    names = {f["properties"]["name"] for f in load("rivers.geojson")["features"]}
    assert {"Syr Darya", "Amu Darya", "Ural", "Irtysh"} <= names


def test_basemap_files_are_small():
    for name in ("land.geojson", "water.geojson", "rivers.geojson", "countries.geojson"):
        assert (GEO / name).stat().st_size < 400_000, name


def test_every_place_has_precision_and_a_note(places):
    for pid, f in places.items():
        p = f["properties"]
        assert p["precision"] in {"city", "town-approximate", "district-approximate", "region-approximate",
                                  "country"}, pid
        assert p["note"].strip(), pid
