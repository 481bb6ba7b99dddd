"""Constants in one place, each with its reason: paths, the period, vocabularies, the palette and the limits."""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
GEO_DIR = ROOT / "geo"
STATIC_DIR = ROOT / "static"

YEAR_MIN, YEAR_MAX = 1916, 1937  # the atlas covers 1917-1936, with a year of margin on each side

# --- palette: shared by the map, its legend, the timeline and the home page's small map -------------------------
# Thread colours from the Okabe-Ito palette: distinguishable with colour blindness.
THREAD_COLORS = {
    "alash": "#0072B2",
    "bukeikhan": "#56B4E9",
    "party_struggle": "#CC79A7",
    "delimitation": "#009E73",
    "confiscation": "#D55E00",
    "migration": "#E69F00",
    "collectivization": "#6B4E16",
}
THREADS = tuple(THREAD_COLORS)
# Routes are coloured by how people moved: of their own accord (migration), moved or summoned by an institution
# (relocation, recall: never the migration colour), or under force (deportation, exile, escort).
ROUTE_COLORS = {"migration": "#b35806", "relocation": "#1b7837", "forced": "#7b3294"}
ROUTE_GROUPS = {"migration": "migration", "relocation": "relocation", "recall": "relocation",
                "deportation": "forced", "exile": "forced", "escort": "forced"}
# Line dashes by the certainty of the movement as drawn (every route is schematic: a line, not a traced path).
ROUTE_DASHES = {"certain": "12 5", "approximate": "6 6", "disputed": "1 7", "claim": "1 7"}
REGION_COLOR, REGION_EDGE = "#7a6a4f", "#5b4c33"
# Region features of these kinds exist only so that routes can end on them (a geographic area, a foreign state):
# the map does not draw them as historical regions.
ROUTE_END_ONLY_KINDS = ("district", "country")
LAND_COLOR, BORDER_COLOR = "#efe9dc", "#9a9488"
WATER_COLOR = "#8dbad8"      # lakes and seas drawn on the land: clearly blue, never the land's cream
SEA_COLOR = WATER_COLOR      # the map's background, where the land layer has none: the open sea
RIVER_COLOR = "#3d85c6"
LABEL_COLOR, LABEL_HALO = "#2b2620", "#fbf8f1"
SELECTED_EDGE = "#111111"
TEXT_COLOR, CHART_BACKGROUND, GRID_COLOR = "#2b2620", "#fbf8f1", "#e6dfcf"
ERA_COLOR = "#8a7f6a"

# --- vocabularies ----------------------------------------------------------------------------------------------
EVENT_TYPES = ("congress", "decree", "resolution", "arrest", "exile", "release", "death", "execution",
               "trial", "sentence", "migration", "return", "deportation", "campaign", "statistic",
               "appointment", "dismissal", "publication", "speech", "letter", "meeting", "founding",
               "boundary", "famine", "uprising", "election", "other")
CERTAINTIES = ("certain", "approximate", "disputed", "claim")
CALENDARS = ("gregorian", "julian")
PLACE_PRECISIONS = ("city", "town-approximate", "district-approximate", "region-approximate", "country")
ROUTE_KINDS = ("migration", "deportation", "exile", "escort", "relocation", "recall")
LANGUAGES = ("en", "ru", "kk")  # catalogues in steppe/locales/<lang>.json; a language is added there and here

# --- limits, each with its reason --------------------------------------------------------------------------------
MAX_QUOTE_WORDS = 50         # a quote is evidence, not a reproduction of the source
MAX_QUERY_LENGTH = 200       # longer ?q= values are cut: nobody types more, and it bounds the work
MAX_PARAM_VALUES = 50        # values read per repeated URL key: more is a crafted link, not a user
MAX_TIMELINE_EVENTS = 1500   # above this, one marker per thread and month: 100,000 markers are ~28 MB of JSON
MAX_MAP_MARKERS = 400        # above this the map groups markers into grid cells: 100,000 popups would be ~100 MB
MAX_POPUP_EVENTS = 25        # a popup lists at most this many events; the rest are counted
MAX_MAP_ROUTES = 150         # more lines are unreadable and heavy; the largest volumes are kept
MAX_UPLOAD_BYTES = 5 * 1024 * 1024  # an events file of ~20,000 rows; larger ones belong in a data folder
MAX_UPLOAD_ROWS = 20_000     # what 5 MB holds; checked before the rows are parsed
MAX_PROBLEMS_SHOWN = 50      # a data error page lists this many problems, then counts the rest
MAX_PLAY_MARKERS = 3000      # Play ships every year's markers with the map; above this (~1 MB) Play is off: narrow the filters
TIMELINE_LABEL_MAX = 40      # a lane names its events (where there is room) when it shows at most this many
TIMELINE_LABEL_CHARS = 30    # a timeline label is the title cut to this many characters (the hover has it all)
TIMELINE_ZOOMED_YEARS = 8    # a window shorter than this is "zoomed in": lanes may grow to TIMELINE_MAX_ROWS sub-rows
TIMELINE_MAX_ROWS = 8        # so that close events stand apart; wider windows keep 5 sub-rows a lane (a short chart)

# --- map ---------------------------------------------------------------------------------------------------------
MAP_CENTER = (45.0, 62.0)    # Central Asia, between the Caspian and the Altai
# What the map fits to at first (south-west, north-east): Central Asia, with Moscow and Orenburg at its western
# edge, where routes of recall and escort end; zoomed out, Leningrad too lies on the basemap's land.
MAP_BOUNDS = [[35.0, 34.0], [58.0, 88.0]]
BASEMAP_BOX = [[25.0, 20.0], [68.0, 100.0]]  # what geo/land.geojson covers: the map cannot be panned beyond it
MAP_MIN_ZOOM, MAP_MAX_ZOOM = 3, 9  # labels are placed for these zooms; a map may not zoom out beyond its basemap
LABEL_FONT_PX, LABEL_CHAR_PX, LABEL_HEIGHT_PX = 12, 7.2, 15  # place labels: size used to keep them apart
LABEL_MAX_CHARS = 24         # a place label is its name cut to this (the marker's tooltip has the whole name)
PLAY_YEARS = (YEAR_MIN + 1, YEAR_MAX - 1)  # Play steps through the atlas' own period, 1917-1936
ASSET_PREFIX = "/app/static/vendor"  # Streamlit serves ./static at /app/static (server.enableStaticServing)
