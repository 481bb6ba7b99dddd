"""The columns of every data file: name, required, meaning, example. data/README.md documents each one (tested)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    name: str
    required: bool
    meaning: str
    example: str = ""
    text: bool = True      # GeoJSON properties: must be a string when present (CSV cells always are)
    optional: bool = False  # may be absent from a file's header (translations; a researcher's upload lacks them)
    vocabulary: str = ""   # name of the steppe.config tuple of allowed values, if any (datapackage.json enums)
    type: str = "string"   # Frictionless Table Schema type (datapackage.json)


EVENTS = (
    Column("event_id", True, "stable slug, used in links and stories", "1928-08-27-confiscation-decree"),
    Column("date", True, "EDTF date as the source gives it", "1929-12/1930-02"),
    Column("date_label", True, "the date in words, as shown to readers", "December 1929 - February 1930"),
    Column("calendar", True, "gregorian or julian (Old Style, Russian dates before 14 Feb 1918)", "julian",
           vocabulary="CALENDARS"),
    Column("title", True, "short headline", "Decree on confiscating bai property"),
    Column("summary", True, "1-3 sentences in the curators' words", ""),
    Column("thread", True, "one of the atlas threads", "confiscation", vocabulary="THREADS"),
    Column("event_type", True, "kind of event", "decree", vocabulary="EVENT_TYPES"),
    Column("place_id", False, "where it happened (geo/places.geojson); blank = no single place", "kzyl-orda"),
    Column("other_place_ids", False, "further places, ;-separated", "tashkent;stalinabad"),
    Column("people", False, "person ids (data/people.csv), ;-separated", "bukeikhan;goloshchekin"),
    Column("source_id", True, "source (data/sources.csv)", "ohayon2013"),
    Column("locator", True, "printed page, archive reference or section heading", "p. 287 n. 2"),
    Column("quote", True, "verbatim from the source, at most 50 words, ... for omissions", ""),
    Column("certainty", True, "certain, approximate, disputed or claim", "approximate", vocabulary="CERTAINTIES"),
    Column("note", False, "other readings, misprints, what was chosen and why", ""),
    Column("figures", False, "numbers the source gives, key=value;key=value", "farms=3436;livestock=187909"),
    Column("title_ru", False, "the title in Russian (the atlas' translation)", "Декрет о конфискации байских хозяйств",
           optional=True),
    Column("title_kk", False, "the title in Kazakh (the atlas' translation)", "Байлардың мал-мүлкін кәмпескелеу туралы декрет",
           optional=True),
    Column("summary_ru", False, "the summary in Russian (the atlas' translation)", "", optional=True),
    Column("summary_kk", False, "the summary in Kazakh (the atlas' translation)", "", optional=True),
)

SOURCES = (
    Column("source_id", True, "stable id", "carr1959"),
    Column("citation", True, "full citation", ""),
    Column("short", True, "short citation for hovers", "Carr 1959"),
    Column("kind", True, "monograph, article, essay, ...", "monograph"),
    Column("language", True, "language of the text used", "en"),
    Column("seed_file", False, "file name in shared/seeds; blank for other sources", "003_fdcbf072c6e85cc0.txt"),
    Column("reliability_note", True, "what the source is and how far to trust it", ""),
)

PEOPLE = (
    Column("person_id", True, "stable id", "bukeikhan"),
    Column("name", True, "canonical name", "Alikhan Bukeikhan"),
    Column("variants", False, "every spelling the sources use, ;-separated", "Bokeikhan;Bukeikhanov"),
    Column("name_ru", False, "name in Russian", "Алихан Букейханов"),
    Column("name_kk", False, "name in Kazakh", "Әлихан Бөкейхан"),
    Column("born", False, "as the sources give it (EDTF)", "1866"),
    Column("died", False, "as the sources give it (EDTF)", "1937-09-27"),
    Column("roles", False, "roles, ;-separated", "leader of Alash-Orda"),
)

PLACES = (
    Column("place_id", True, "stable id", "kzyl-orda"),
    Column("period_name", True, "name the sources use", "Kzyl-Orda"),
    Column("modern_name", True, "name today", "Kyzylorda"),
    Column("dated_names", False, "names with their years", "Ak-Mechet@/1853;Perovsk@1853/1925;Kzyl-Orda@1925/"),
    Column("name_ru", False, "name in Russian", "Кзыл-Орда"),
    Column("name_kk", False, "name in Kazakh", "Қызылорда"),
    Column("geonameid", False, "GeoNames id the coordinates come from", "1522751", text=False),
    Column("precision", True, "city, town-approximate, district-approximate, region-approximate or country", "city"),
)

ROUTES = (
    Column("route_id", True, "stable id", "1930-south-kazakhstan-to-tajikistan"),
    Column("kind", True, "migration, deportation, exile, escort, relocation or recall", "migration"),
    Column("certainty", True, "certain, approximate, disputed or claim, for the movement as drawn", "approximate"),
    Column("from_place", False, "place id where it starts; blank when it starts on a region (from_region_id)", "chimkent"),
    Column("from_region_id", False, "region id (geo/regions.geojson) when the source names no place of departure",
           "kazakh-assr-1930"),
    Column("origin_unspecified", False, "true: the source gives no place of departure inside the region", "true", text=False),
    Column("from_label", False, "the start in words, for tooltips", "Kazak ASSR (place not given)"),
    Column("via_places", False, "place ids on the way, ;-separated", "tashkent"),
    Column("to_place", False, "place id where it ends; blank when it ends on a region (to_region_id)", "kurgan-tyube"),
    Column("to_region_id", False, "region id (geo/regions.geojson) when the source names no place of arrival",
           "tajik-ssr"),
    Column("destination_unspecified", False, "true: the source gives no place of arrival inside the region", "true", text=False),
    Column("to_label", False, "the end in words, for tooltips", "Tajik SSR (place not given)"),
    Column("date", True, "EDTF", "1930/1931"),
    Column("date_label", True, "the date in words, as shown to readers", "1930 - 5 August 1931"),
    Column("who", True, "who moved, in words", "Kazakh households"),
    Column("people", False, "person ids (data/people.csv), ;-separated", "bukeikhan"),
    Column("thread", True, "the thread whose story the route belongs to", "migration"),
    Column("figures", False, "numbers the source gives, key=value;...", "farms=3436"),
    Column("source_id", True, "source", "kabyl2024"),
    Column("locator", True, "where in the source", ""),
    Column("quote", True, "verbatim, at most 50 words", ""),
    Column("schematic", True, "true: the line joins documented places, not a traced path", "true", text=False),
    Column("note", False, "how the ends and the date were read, other readings", ""),
)

REGIONS = (
    Column("region_id", True, "stable id", "kazakh-asrr-1925"),
    Column("name", True, "period name", "Kazakh ASSR"),
    Column("kind", True, "asrr, ssr, ao, okrug, district, country, ...", "asrr"),
    Column("valid_from", True, "EDTF", "1925-04"),
    Column("valid_to", True, "EDTF", "1936-12-05"),
    Column("capital", False, "place id", "kzyl-orda"),
    Column("unit_id", False, "the unit this feature is one configuration of; one feature per unit on a date", "kazakhstan"),
    Column("names", False, "dated names: a list of {name, from, to, source}", "", text=False),
    Column("approximate", True, "true for every drawn historical boundary", "true", text=False),
    Column("basis", True, "how the shape was made and from what", "union of modern admin-1 units ..."),
    Column("est_error_km", True, "estimated error of the outline, km", "50", text=False),
)

ERAS = (
    Column("era_id", True, "stable id", "anti-bai-drive"),
    Column("label", True, "what the timeline shows over the shaded band", "Anti-bai drive"),
    Column("date", True, "EDTF interval", "1928-09/1929-04"),
    Column("source_id", True, "source that supports the era", "ohayon2013"),
    Column("locator", True, "where in the source", ""),
    Column("quote", True, "verbatim, at most 50 words", ""),
    Column("note", False, "how the bounds were read", ""),
    Column("label_ru", False, "the label in Russian", "Кампания против баев", optional=True),
    Column("label_kk", False, "the label in Kazakh", "Байларға қарсы науқан", optional=True),
)

STORIES = (
    Column("story_id", True, "stable id, used in links (?story=alash)", "alash"),
    Column("step", True, "0 for the title slide, then 1, 2, ... in the order shown", "1", type="integer"),
    Column("event_id", False, "the event a slide shows; blank on the title slide", "1917-12-13-orenburg-congress-alash-capital"),
    Column("heading", False, "title slide: the story's title; event slides: blank = the event's title", ""),
    Column("text", False, "title slide: the introduction; event slides: blank = the event's summary", ""),
    Column("question", False, "a discussion question the slide's event answers (shown in presenter mode and the handout)",
           "Where did the congress meet?", optional=True),
    Column("heading_ru", False, "the heading in Russian (the atlas' translation)", "", optional=True),
    Column("heading_kk", False, "the heading in Kazakh (the atlas' translation)", "", optional=True),
    Column("text_ru", False, "the text in Russian", "", optional=True),
    Column("text_kk", False, "the text in Kazakh", "", optional=True),
    Column("question_ru", False, "the question in Russian", "", optional=True),
    Column("question_kk", False, "the question in Kazakh", "", optional=True),
)

REDIRECTS = (
    Column("old_id", True, "the retired event id, as used in old links", "1928-01-14-politburo-circular-arrest-speculators"),
    Column("new_id", True, "the event that now tells it (in data/events.csv)", "1928-01-14-politburo-circular-arrest-kulaks"),
    Column("reason", True, "why: merged duplicate (the kept row's note keeps every reading), or not an event", ""),
)

COUNTRIES = (
    Column("name", True, "modern country name (Natural Earth), shown for orientation only", "Kazakhstan"),
)

ALL = {"data/redirects.csv": REDIRECTS, "geo/countries.geojson": COUNTRIES, "data/stories.csv": STORIES, "data/eras.csv": ERAS, "data/events.csv": EVENTS, "data/sources.csv": SOURCES, "data/people.csv": PEOPLE,
       "geo/places.geojson": PLACES, "geo/routes.geojson": ROUTES, "geo/regions.geojson": REGIONS}

# Keys, for datapackage.json (scripts/make_datapackage.py) and for readers: file -> its primary key columns, and
# (file, column, referenced file, referenced column) for single-id references between CSV files. (;-separated id
# lists and references to the GeoJSON files are checked by the loader, not declared here.)
PRIMARY_KEYS = {"data/events.csv": ("event_id",), "data/sources.csv": ("source_id",), "data/people.csv": ("person_id",),
                "data/eras.csv": ("era_id",), "data/stories.csv": ("story_id", "step"), "data/redirects.csv": ("old_id",)}
FOREIGN_KEYS = (("data/events.csv", "source_id", "data/sources.csv", "source_id"),
                ("data/eras.csv", "source_id", "data/sources.csv", "source_id"),
                ("data/stories.csv", "event_id", "data/events.csv", "event_id"),
                ("data/redirects.csv", "new_id", "data/events.csv", "event_id"))
