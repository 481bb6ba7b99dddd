"""Constants in one place, each with its reason."""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
GEO_DIR = ROOT / "geo"
STATIC_DIR = ROOT / "static"

YEAR_MIN, YEAR_MAX = 1916, 1937  # the atlas covers 1917-1936, with a year of margin on each side

# Thread id -> colour. Colours from the Okabe-Ito palette: distinguishable with colour blindness.
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

EVENT_TYPES = ("congress", "decree", "resolution", "arrest", "exile", "release", "death", "execution",
               "trial", "sentence", "migration", "return", "deportation", "campaign", "statistic",
               "appointment", "dismissal", "publication", "speech", "letter", "meeting", "founding",
               "boundary", "famine", "uprising", "election", "other")
CERTAINTIES = ("certain", "approximate", "disputed", "claim")
CALENDARS = ("gregorian", "julian")
PLACE_PRECISIONS = ("city", "town-approximate", "district-approximate", "region-approximate", "country")
ROUTE_KINDS = ("migration", "deportation", "exile", "escort", "relocation", "recall")
LANGUAGES = ("en",)  # catalogues in steppe/locales/; kk and ru can be added without touching pages

MAX_QUOTE_WORDS = 50  # a quote is evidence, not a reproduction of the source
MAX_QUERY_LENGTH = 200  # longer ?q= values are cut: nobody types more, and it bounds the work
MAP_CENTER = (45.0, 66.0)  # Central Asia, between the Caspian and the Altai
MAP_BOUNDS = [[35.0, 46.0], [56.0, 88.0]]  # what the map fits to at first (south-west, north-east)
ASSET_PREFIX = "/app/static/vendor"  # Streamlit serves ./static at /app/static (server.enableStaticServing)
