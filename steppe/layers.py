"""What one map shows, chosen from the atlas for a view (the Map page) or a slide (a story): pure selection."""
from __future__ import annotations

from dataclasses import dataclass

import folium
import pandas as pd

from . import config
from .filters import filter_events, filter_routes, regions_valid_in
from .maps import build_event_map
from .markers import marker_positions
from .urlstate import View, view_to_params, with_changes


@dataclass(frozen=True, eq=False)
class MapLayers:
    """The filtered frames, the marker index (for clicks) and the folium.Map."""
    events: pd.DataFrame
    routes: pd.DataFrame
    regions: dict
    markers: pd.DataFrame
    fmap: folium.Map

    @property
    def aggregated(self) -> bool:
        return bool(self.markers["place_id"].str.startswith("cell:").any())

    @property
    def unplaced(self) -> int:
        return len(self.events) - int(self.events["lat"].notna().sum())


def sources_short(atlas) -> dict:
    return dict(zip(atlas.sources["source_id"], atlas.sources["short"]))


def map_layers(atlas, view: View, height: int = 620) -> MapLayers:
    """The Map page: events, routes and regions of the view's filters and years."""
    events = filter_events(atlas.events, view, atlas.search)
    routes = filter_routes(atlas.routes, view)
    regions = regions_valid_in(atlas.regions, atlas.region_bounds, view)
    markers = marker_positions(events, view.lang)
    fmap = build_event_map(events, routes, regions, atlas.countries, sources_short(atlas), lang=view.lang,
                           markers=markers, link_params=view_to_params(with_changes(view, event="")), height=height)
    return MapLayers(events, routes, regions, markers, fmap)


def slide_layers(atlas, slide, lang: str, height: int = 440) -> MapLayers:
    """A story slide: the story's events so far, the slide's event selected, its thread's routes up to its year
    and the regions valid in that year."""
    event = slide.event
    shown = atlas.events[atlas.events["event_id"].isin(slide.story_event_ids)]
    year = int(pd.Timestamp(event["end"]).year)
    routes = filter_routes(atlas.routes, View(year_from=config.YEAR_MIN, year_to=year, threads=(event["thread"],)))
    regions = regions_valid_in(atlas.regions, atlas.region_bounds, View(year_from=year, year_to=year))
    markers = marker_positions(shown, lang)
    fmap = build_event_map(shown, routes, regions, atlas.countries, sources_short(atlas), lang=lang,
                           selected=event["event_id"], markers=markers, height=height)
    return MapLayers(shown, routes, regions, markers, fmap)
