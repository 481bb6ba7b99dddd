"""What one map shows, chosen from the atlas for a view (the Map page) or a slide (a story): pure selection."""
from __future__ import annotations

from dataclasses import dataclass

import folium
import pandas as pd

from . import config
from .basemap import base_map
from .filters import filter_events, filter_routes, region_date, regions_on
from .frames import make_frames
from .maps import build_event_map, event_groups, layer_control
from .markers import marker_positions
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
    all_events, all_routes = filter_events(atlas.events, every_year), filter_routes(atlas.routes, every_year)
    events, routes = filter_events(all_events, view), filter_routes(all_routes, view)
    date = region_date(view.year_to, atlas.region_bounds)
    fmap = base_map(atlas.countries, basemap_layers(atlas), view.lang, height=height)
    groups = event_groups(all_events, all_routes, atlas.regions, atlas.region_bounds,
                          make_frames(view.year_from, view.year_to), lang=view.lang, sources_short=sources_short(atlas),
                          people=people_names(atlas), selected=view.event,
                          place_names=dict(zip(atlas.places["place_id"], atlas.places["dated_names"])))
    return MapLayers(events, routes, regions_on(atlas.regions, atlas.region_bounds, date),
                     marker_positions(events, view.lang), fmap, tuple(groups), layer_control(height), date,
                     focus_of(atlas.events, view.event))


def slide_layers(atlas, slide, lang: str, height: int = 440) -> MapLayers:
    """A story slide: the story's events so far, the slide's event selected, its thread's routes up to its year
    and the regions valid at the end of that year."""
    event = slide.event
    shown = atlas.events[atlas.events["event_id"].isin(slide.story_event_ids)]
    year = int(pd.Timestamp(event["end"]).year)
    routes = filter_routes(atlas.routes, View(year_from=config.YEAR_MIN, year_to=year, threads=(event["thread"],)))
    date = region_date(year, atlas.region_bounds)
    regions = regions_on(atlas.regions, atlas.region_bounds, date)
    markers = marker_positions(shown, lang)
    fmap = build_event_map(shown, routes, regions, atlas.countries, sources_short(atlas), lang=lang,
                           selected=event["event_id"], markers=markers, height=height, basemap=basemap_layers(atlas),
                           people=people_names(atlas), date=date)
    return MapLayers(shown, routes, regions, markers, fmap, date=date)
