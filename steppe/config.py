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
ROUTE_COLORS = {"migration": "#b35806", "forced": "#7b3294", "relocation": "#1b7837"}
FORCED_ROUTE_KINDS = ("deportation", "exile", "escort")
REGION_COLOR, REGION_EDGE = "#7a6a4f", "#5b4c33"
LAND_COLOR, BORDER_COLOR = "#efe9dc", "#8c8577"
WATER_COLOR = "#9ec5dc"      # sea and lakes: clearly blue, never the land's cream
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

# --- map ---------------------------------------------------------------------------------------------------------
MAP_CENTER = (45.0, 66.0)    # Central Asia, between the Caspian and the Altai
MAP_BOUNDS = [[35.0, 46.0], [56.0, 88.0]]  # what the map fits to at first (south-west, north-east)
ASSET_PREFIX = "/app/static/vendor"  # Streamlit serves ./static at /app/static (server.enableStaticServing)
