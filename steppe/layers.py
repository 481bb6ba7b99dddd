"""What one map shows, chosen from the atlas for a view (the Map page) or a slide (a story): pure selection."""
from __future__ import annotations

from dataclasses import dataclass

import math

import folium
import pandas as pd

from . import config
from .basemap import base_map
from .filters import filter_events, filter_routes, region_date, regions_on
from .frames import make_frames
from .maps import event_groups, layer_control
from .markers import marker_positions
from .model import split_ids
from .urlstate import View, with_changes


@dataclass(frozen=True, eq=False)
class MapLayers:
    """The frames of the view's window, the marker index and the folium.Map. For the Map page, `fmap` is the
    basemap alone and `groups` (and `control`) go on top of it in the browser; a slide's `fmap` has everything."""
    events: pd.DataFrame
    routes: pd.DataFrame
    regions: dict
    markers: pd.DataFrame
    fmap: folium.Map
    groups: tuple = ()
    control: folium.LayerControl | None = None
    date: pd.Timestamp | None = None          # the regions are those valid on this day
    focus: tuple | None = None                 # (lat, lon) of the selected event, when it has a single place

    @property
    def aggregated(self) -> bool:
        return bool(self.markers["place_id"].str.startswith("cell:").any())

    @property
    def unplaced(self) -> int:
        return len(self.events) - int(self.events["lat"].notna().sum())


def sources_short(atlas) -> dict:
    return dict(zip(atlas.sources["source_id"], atlas.sources["short"]))


def people_names(atlas) -> dict:
    return dict(zip(atlas.people["person_id"], atlas.people["name"]))


def basemap_layers(atlas) -> dict:
    return {"land": atlas.land, "water": atlas.water, "rivers": atlas.rivers}


def focus_of(events: pd.DataFrame, event_id: str) -> tuple | None:
    """Where the selected event happened, if it has a single place."""
    if not event_id:
        return None
    hit = events[events["event_id"] == event_id]
    if hit.empty or pd.isna(hit["lat"].iloc[0]):
        return None
    return float(hit["lat"].iloc[0]), float(hit["lon"].iloc[0])


def map_layers(atlas, view: View, height: int = 620) -> MapLayers:
    """The Map page: events, routes and regions of the view's filters. The map carries every year of them, so
    that Play can step through the years in the browser; it opens on the view's window, with the regions valid
    on its last day (see filters.region_date)."""
    every_year = with_changes(view, year_from=config.YEAR_MIN, year_to=config.YEAR_MAX)
    all_events, all_routes = filter_events(atlas.events, every_year, atlas.search), filter_routes(atlas.routes, every_year)
    events, routes = filter_events(all_events, view), filter_routes(all_routes, view)
    date = region_date(view.year_to, atlas.region_bounds)
    fmap = base_map(atlas.countries, basemap_layers(atlas), view.lang, height=height)
    groups = event_groups(all_events, all_routes, atlas.regions, atlas.region_bounds,
                          make_frames(view.year_from, view.year_to), lang=view.lang, sources_short=sources_short(atlas),
                          people=people_names(atlas), selected=view.event,
                          # names as they were on the frame's date (dated_names are written in English);
                          # other languages label places with their name in that language
                          place_names=dict(zip(atlas.places["place_id"], atlas.places["dated_names"]))
                          if view.lang == "en" else None)
    return MapLayers(events, routes, regions_on(atlas.regions, atlas.region_bounds, date),
                     marker_positions(events, view.lang), fmap, tuple(groups), layer_control(height), date,
                     focus_of(atlas.events, view.event))


MIN_SPAN_DEG = (6.0, 9.0)   # (lat, lon): a lone place is shown with the land around it, not at street level
# A place's point stands for an area when its precision says so: the map shows that much around it, in degrees of
# (lat, lon) either side ('Kazakhstan' is a point in its middle; zooming onto that point would show nothing).
AREA_DEG = {"region-approximate": (6.0, 10.0), "district-approximate": (1.5, 2.5), "town-approximate": (0.5, 0.8)}
MAX_LABELS = 8              # a title slide names at most this many places; more labels would cover the map


@dataclass(frozen=True)
class Label:
    """A place name written on a slide's map (beside its point, towards the map's centre)."""
    lat: float
    lon: float
    text: str
    main: bool             # the slide's own place: drawn larger
    approximate: bool      # a representative point of a region or district, not a town: drawn in italics
    side: str              # "right" or "left" of the point


@dataclass(frozen=True, eq=False)
class SlideLayers:
    """What a story slide's map shows and where it looks."""
    events: pd.DataFrame        # every event of the story: the slide's one emphasised, the others faded
    selected: str               # the slide's event ("" on the title slide)
    routes: pd.DataFrame        # the thread's routes up to the slide's year: context, faded
    slide_routes: pd.DataFrame  # routes joining the slide's places in the slide's time: drawn strong
    regions: dict
    markers: pd.DataFrame
    labels: tuple               # Label, ...
    bounds: list                # [[south, west], [north, east]]: the map fits these (plus padding in pixels)
    shows: str                  # "places": the slide's places; "story": the source gives none, the story's are shown


def fit_bounds(points, min_span: tuple = MIN_SPAN_DEG) -> list | None:
    """[(lat, lon), ...] -> [[south, west], [north, east]] around all of them, at least `min_span` degrees wide
    and high (centred); None when there is no point."""
    points = [(float(lat), float(lon)) for lat, lon in points]
    if not points:
        return None
    lats, lons = [p[0] for p in points], [p[1] for p in points]
    box = [min(lats), min(lons), max(lats), max(lons)]
    for low, span in ((0, min_span[0]), (1, min_span[1])):
        if box[low + 2] - box[low] < span:
            middle = (box[low] + box[low + 2]) / 2
            box[low], box[low + 2] = middle - span / 2, middle + span / 2
    down, up = (lambda v: math.floor(v * 1e4) / 1e4), (lambda v: math.ceil(v * 1e4) / 1e4)  # rounded outwards
    return [[down(box[0]), down(box[1])], [up(box[2]), up(box[3])]]


def area_corners(lat: float, lon: float, precision: str) -> list:
    """The point itself, or the corners of the area an approximate point stands for (AREA_DEG)."""
    dlat, dlon = AREA_DEG.get(precision, (0.0, 0.0))
    return [(lat - dlat, lon - dlon), (lat + dlat, lon + dlon)] if dlat else [(lat, lon)]


def short_name(name: str) -> str:
    """A map label: the name without its explanation ('Zarechnaya Slobodka ('the city of Alash')' -> the name)."""
    return name.split(" (")[0].strip() or name


def _places(places: pd.DataFrame, ids) -> pd.DataFrame:
    wanted = [pid for pid in dict.fromkeys(ids) if pid]
    found = places[places["place_id"].isin(wanted)]
    return found.set_index("place_id").loc[[pid for pid in wanted if pid in set(found["place_id"])]].reset_index()


def _route_points(routes: pd.DataFrame) -> list:
    return [point for lines in routes["coords"] for line in lines for point in line]


def routes_between(routes: pd.DataFrame, place_ids, start, end) -> pd.DataFrame:
    """Routes whose two ends are among `place_ids` and whose dates overlap [start, end]: the slide's own routes."""
    ids = set(place_ids)
    return routes[routes["from_place"].isin(ids) & routes["to_place"].isin(ids)
                  & (routes["start"] <= end) & (routes["end"] >= start)]


def _labels(places: pd.DataFrame, main: str, bounds: list) -> tuple:
    """One label per point (places sharing a point share a label: 'Karkaralinsk, Jeltau'), written towards the
    map's centre so that it stays on the map."""
    middle = (bounds[0][1] + bounds[1][1]) / 2
    at: dict = {}
    for p in places.itertuples(index=False):
        names, is_main, approximate = at.get((p.lat, p.lon), ([], False, True))
        at[(p.lat, p.lon)] = (names + [short_name(p.period_name or p.place_id)], is_main or p.place_id == main,
                              approximate and p.precision != "city")
    return tuple(Label(float(lat), float(lon), ", ".join(dict.fromkeys(names)), is_main, approximate,
                       "left" if lon > middle + 0.01 else "right")
                 for (lat, lon), (names, is_main, approximate) in list(at.items())[:MAX_LABELS])


def slide_layers(atlas, slide, lang: str, markers: pd.DataFrame | None = None) -> SlideLayers:
    """A story slide's map: every event of the story (the slide's own emphasised), the routes between the slide's
    places in its time, the thread's earlier routes faded, the regions valid in its year, its places named, and
    bounds around its places and routes. An event without a place shows the story's places; the title slide
    shows the whole story. `markers` may be passed when known: they are the same on every slide of a story."""
    story = atlas.events[atlas.events["event_id"].isin(slide.all_event_ids)]
    event = slide.event
    located = story[story["lat"].notna() & (story["place_id"] != "")]
    if event is None:
        place_ids, main = list(located["place_id"]), ""
        start, end, threads = story["start"].min(), story["end"].max(), tuple(story["thread"].unique())
    else:
        place_ids, main = [event["place_id"], *split_ids(event["other_place_ids"])], event["place_id"]
        start, end, threads = event["start"], event["end"], (event["thread"],)
    places = _places(atlas.places, place_ids)
    own_routes = routes_between(atlas.routes, places["place_id"], start, end)
    year = int(pd.Timestamp(end if event is not None else start).year)
    context = filter_routes(atlas.routes, View(year_from=config.YEAR_MIN, year_to=year, threads=threads))
    context = context[~context["route_id"].isin(own_routes["route_id"])] if event is not None else context.iloc[0:0]
    points = [corner for p in places.itertuples(index=False) for corner in area_corners(p.lat, p.lon, p.precision)]
    points += _route_points(own_routes)
    shows = "places" if points else "story"
    bounds = (fit_bounds(points) or fit_bounds(zip(located["lat"], located["lon"]))
              or [list(corner) for corner in config.MAP_BOUNDS])
    regions = regions_on(atlas.regions, atlas.region_bounds, region_date(year, atlas.region_bounds))
    return SlideLayers(story, event["event_id"] if event is not None else "", context, own_routes, regions,
                       marker_positions(story, lang) if markers is None else markers, _labels(places, main, bounds), bounds, shows)
