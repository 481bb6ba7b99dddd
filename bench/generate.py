"""Write a synthetic Steppe Atlas dataset of any size, for benchmarks.

    python bench/generate.py OUT_DIR --events N [--seed S] [--check] [--app-dir DIR]

OUT_DIR/data holds events.csv (N synthetic events), sources.csv, people.csv, eras.csv (and stories.csv when
the app has one); OUT_DIR/geo holds places.geojson (~N/50 synthetic places, at most 2000), routes.geojson
(~N/200 synthetic routes), regions.geojson and countries.geojson. Sources, people, eras, regions and
countries are copied from the curated data of the app in --app-dir (default: this repository), so every
reference resolves; the stories keep their title slides and point their event slides at synthetic events. Events are spread over Central Asia (lon 50-85, lat 36-55) and
1916-1937 with the EDTF forms the curators use (day, month, year, season, interval, ~ and ?).

Synthetic rows are NOT history: every title starts with "Synthetic", and quotes are placeholders (they are
not checked against the seed texts). Use them for timing only. Same seed and size -> same files.
"""
from __future__ import annotations

import argparse
import calendar
import csv
import json
import random
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _app_dir_from_argv(argv: list[str]) -> Path:
    """The app whose steppe package and curated files the data must match (read before importing steppe)."""
    for index, arg in enumerate(argv):
        if arg == "--app-dir" and index + 1 < len(argv):
            return Path(argv[index + 1]).resolve()
        if arg.startswith("--app-dir="):
            return Path(arg.split("=", 1)[1]).resolve()
    return ROOT


APP_DIR = _app_dir_from_argv(sys.argv[1:]) if __name__ == "__main__" else ROOT
sys.path.insert(0, str(APP_DIR))

from steppe import config, schema  # noqa: E402

REAL_DATA, REAL_GEO = APP_DIR / "data", APP_DIR / "geo"
LON_RANGE, LAT_RANGE = (50.0, 85.0), (36.0, 55.0)
YEARS = (config.YEAR_MIN, config.YEAR_MAX)
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
SEASONS = {21: "spring", 22: "summer", 23: "autumn", 24: "winter"}
EVENT_TYPES = config.EVENT_TYPES
# share of each date form (the curated data has mostly years, days and months, some spans and seasons)
DATE_FORMS = (("day", 30), ("month", 20), ("year", 20), ("season", 8), ("interval", 12), ("approx", 7),
              ("uncertain", 3))
WORDS = ("steppe", "aul", "congress", "decree", "migration", "herd", "district", "caravan", "committee",
         "brigade", "winter", "pasture", "railway", "river", "archive", "report", "survey", "letter")
PLACE_STEMS = ("Ak", "Kara", "Kzyl", "Sary", "Kok", "Tas", "Uzun", "Bes", "Jana", "Ulken", "Kishi", "Shu")
PLACE_ENDS = ("-Su", "-Tobe", "-Kul", "-Agash", "-Kum", "-Bulak", "-Tau", "-Uzek", "-Kala", "-Say")


def date_cell(rng: random.Random) -> tuple[str, str, str]:
    """(edtf, label in words, calendar) for one random date in the atlas' years."""
    form = rng.choices([f for f, _ in DATE_FORMS], weights=[w for _, w in DATE_FORMS])[0]
    year = rng.randint(*YEARS)
    month = rng.randint(1, 12)
    day = rng.randint(1, calendar.monthrange(year, month)[1])
    if form == "day":
        # Old Style only before the calendar change (curated data keeps Julian dates in 1916-1917)
        cal = "julian" if year <= 1917 and rng.random() < 0.3 else "gregorian"
        return f"{year}-{month:02d}-{day:02d}", f"{day} {MONTHS[month - 1]} {year}", cal
    if form == "month":
        return f"{year}-{month:02d}", f"{MONTHS[month - 1]} {year}", "gregorian"
    if form == "year":
        return f"{year}", f"{year}", "gregorian"
    if form == "season":
        season = rng.choice((21, 22, 23, 24))
        return f"{year}-{season}", f"{SEASONS[season].capitalize()} {year}", "gregorian"
    if form == "interval":
        if rng.random() < 0.5:  # months, possibly across a year end
            end_year = min(YEARS[1], year + rng.randint(0, 1))
            end_month = rng.randint(1, 12) if end_year > year else rng.randint(month, 12)
            return (f"{year}-{month:02d}/{end_year}-{end_month:02d}",
                    f"{MONTHS[month - 1]} {year} - {MONTHS[end_month - 1]} {end_year}", "gregorian")
        end_year = min(YEARS[1], year + rng.randint(1, 3))
        return f"{year}/{end_year}", f"{year} - {end_year}", "gregorian"
    if form == "approx":
        if rng.random() < 0.6:
            return f"{year}~", f"about {year}", "gregorian"
        return f"{year}-{month:02d}~", f"about {MONTHS[month - 1]} {year}", "gregorian"
    return f"{year}-{month:02d}?", f"{MONTHS[month - 1]} {year} (uncertain)", "gregorian"


def real_ids(path: Path, column: str) -> list[str]:
    with path.open(newline="", encoding="utf-8") as handle:
        return [row[column] for row in csv.DictReader(handle)]


def make_places(n_places: int, rng: random.Random) -> list[dict]:
    places = []
    for index in range(n_places):
        name = f"{rng.choice(PLACE_STEMS)}{rng.choice(PLACE_ENDS).lower()} {index + 1}"
        lon = round(rng.uniform(*LON_RANGE), 5)
        lat = round(rng.uniform(*LAT_RANGE), 5)
        places.append({
            "type": "Feature",
            "id": f"synth-place-{index + 1:04d}",
            "properties": {"place_id": f"synth-place-{index + 1:04d}", "period_name": name,
                           "modern_name": f"{name} (synthetic)", "dated_names": "", "name_ru": "", "name_kk": "",
                           "geonameid": None, "precision": "city", "kind": "town", "approximate": False,
                           "lat": lat, "lon": lon, "note": "synthetic place for benchmarks"},
            "geometry": {"type": "Point", "coordinates": [lon, lat]},
        })
    return places


def make_routes(n_routes: int, places: list[dict], sources: list[str], rng: random.Random) -> list[dict]:
    routes = []
    kinds = config.ROUTE_KINDS
    for index in range(n_routes):
        stops = rng.sample(places, 3 if len(places) >= 3 and rng.random() < 0.4 else 2)
        first, last, via = stops[0], stops[-1], stops[1:-1]
        edtf, label, _ = date_cell(rng)
        while "?" in edtf or "~" in edtf:  # routes carry plain dates in the curated data
            edtf, label, _ = date_cell(rng)
        kind = rng.choice(kinds)
        figures = f"households={rng.randint(50, 20000)}" if rng.random() < 0.5 else ""
        routes.append({
            "type": "Feature",
            "properties": {
                "route_id": f"synth-route-{index + 1:04d}", "kind": kind,
                "from_place": first["properties"]["place_id"],
                "via_places": ";".join(p["properties"]["place_id"] for p in via),
                "to_place": last["properties"]["place_id"], "date": edtf, "date_label": label,
                "certainty": "certain",
                "who": "synthetic group of households", "thread": rng.choice(("migration", "collectivization",
                                                                               "bukeikhan")),
                "figures": figures, "source_id": rng.choice(sources), "locator": f"p. {rng.randint(1, 400)}",
                "quote": "synthetic quote, not from a source", "schematic": True, "note": "",
            },
            "geometry": {"type": "LineString", "coordinates": [p["geometry"]["coordinates"] for p in stops]},
        })
    return routes


def make_events(n_events: int, places: list[str], people: list[str], sources: list[str],
                rng: random.Random):
    header = [c.name for c in schema.EVENTS]
    threads = config.THREADS
    certainties = ("certain",) * 7 + ("approximate", "approximate", "disputed", "claim")
    for index in range(n_events):
        edtf, label, cal = date_cell(rng)
        place = rng.choice(places) if rng.random() < 0.85 else ""
        others = ";".join(rng.sample(places, min(len(places), rng.randint(1, 2)))) if rng.random() < 0.3 else ""
        who = ";".join(rng.sample(people, rng.randint(1, 3))) if rng.random() < 0.7 else ""
        thread = rng.choice(threads)
        words = " ".join(rng.sample(WORDS, 3))
        certainty = rng.choice(certainties)
        figures = f"households={rng.randint(1, 50000)}" if rng.random() < 0.1 else ""
        note = "synthetic: another reading differs" if certainty == "disputed" else ""
        row = {
            "event_id": f"synth-{index + 1:06d}",
            "date": edtf, "date_label": label, "calendar": cal,
            "title": f"Synthetic event {index + 1}: {words}",
            "summary": f"A synthetic {thread.replace('_', ' ')} event about the {words}, made for benchmarks.",
            "thread": thread, "event_type": rng.choice(EVENT_TYPES),
            "place_id": place, "other_place_ids": others, "people": who,
            "source_id": rng.choice(sources), "locator": f"p. {rng.randint(1, 600)}",
            "quote": f"the {words} in the year", "certainty": certainty, "note": note, "figures": figures,
        }
        yield [row.get(h, "") for h in header]


def generate(out_dir: Path, n_events: int, seed: int = 0) -> dict:
    """Write the dataset; return counts. Existing files in OUT/data and OUT/geo are replaced."""
    rng = random.Random(seed)
    data_dir, geo_dir = Path(out_dir) / "data", Path(out_dir) / "geo"
    data_dir.mkdir(parents=True, exist_ok=True)
    geo_dir.mkdir(parents=True, exist_ok=True)
    for path in sorted(REAL_DATA.glob("*.csv")):  # sources, people, eras, and whatever the app adds later
        if path.name not in ("events.csv", "stories.csv", "redirects.csv"):  # redirects name real event ids
            shutil.copyfile(path, data_dir / path.name)
    for name in ("regions.geojson", "countries.geojson", "land.geojson", "water.geojson", "rivers.geojson"):
        if (REAL_GEO / name).exists():
            shutil.copyfile(REAL_GEO / name, geo_dir / name)
    sources = real_ids(REAL_DATA / "sources.csv", "source_id")
    people = real_ids(REAL_DATA / "people.csv", "person_id")

    n_places = max(5, min(2000, round(n_events / 50)))
    n_routes = max(1, round(n_events / 200))
    places = make_places(n_places, rng)
    routes = make_routes(n_routes, places, sources, rng)
    for name, features in (("places.geojson", places), ("routes.geojson", routes)):
        (geo_dir / name).write_text(json.dumps({"type": "FeatureCollection", "features": features},
                                               ensure_ascii=False), encoding="utf-8")
    place_ids = [p["properties"]["place_id"] for p in places]
    with (data_dir / "events.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow([c.name for c in schema.EVENTS])
        writer.writerows(make_events(n_events, place_ids, people, sources, rng))
    if (REAL_DATA / "stories.csv").exists():
        write_stories(REAL_DATA / "stories.csv", data_dir / "stories.csv", n_events, rng)
    return {"events": n_events, "places": n_places, "routes": n_routes}


def write_stories(real: Path, out: Path, n_events: int, rng: random.Random) -> None:
    """The curated stories, their event slides pointing at synthetic events (same steps, same headings)."""
    with real.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        header, rows = reader.fieldnames, list(reader)
    for row in rows:
        if row.get("event_id"):
            row["event_id"] = f"synth-{rng.randint(1, n_events):06d}"
    with out.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=header)
        writer.writeheader()
        writer.writerows(rows)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--events", type=int, required=True, help="number of synthetic events")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--check", action="store_true", help="load the result with steppe.load.load_atlas")
    parser.add_argument("--app-dir", type=Path, default=ROOT,
                        help="the app whose curated files and steppe package to follow (default: this repository)")
    args = parser.parse_args(argv)
    if args.events < 1:
        parser.error("--events must be at least 1")
    started = time.perf_counter()
    counts = generate(args.out_dir, args.events, args.seed)
    print(f"wrote {counts['events']} events, {counts['places']} places, {counts['routes']} routes "
          f"to {args.out_dir} in {time.perf_counter() - started:.1f} s")
    if args.check:
        from steppe.load import load_atlas
        started = time.perf_counter()
        atlas = load_atlas(args.out_dir / "data", args.out_dir / "geo")
        print(f"load_atlas: {len(atlas.events)} events valid in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
