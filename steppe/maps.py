"""Build the Folium map from filtered frames: our own basemap, no tiles, Leaflet served locally."""
from __future__ import annotations

import folium
import pandas as pd

from . import config
from .assets import LEAFLET_CSS, LEAFLET_JS
from .escape import html_text
from .i18n import t
from .markers import marker_feature_collection, marker_positions
from .routes import route_feature_collection

MAP_CSS = ("<style>.leaflet-container{background:%s;font-family:Georgia,serif}"
           ".leaflet-tooltip,.leaflet-popup-content{font-size:14px;line-height:1.35}</style>" % config.WATER_COLOR)


def region_tooltip_properties(feature: dict, lang: str) -> dict:
    """Escaped tooltip text for a region, with its period and the basis of the outline."""
    p = feature["properties"]
    text = (f"<b>{html_text(p.get('name'))}</b><br>{html_text(p.get('valid_from'))} - {html_text(p.get('valid_to'))}"
            f"<br><i>{html_text(t('map.approximate_boundary', lang))}</i> (±{html_text(p.get('est_error_km'))} km)"
            f"<br>{html_text(p.get('basis'))}")
    return {"tip": text}


class AtlasMap(folium.Map):
    """folium.Map whose bounds are the fitted view: streamlit-folium asks for them on every rerun, and walking
    every outline coordinate for an answer we already know cost ~70 ms."""

    def get_bounds(self):
        return [list(corner) for corner in config.MAP_BOUNDS]


def build_event_map(events: pd.DataFrame, routes: pd.DataFrame, regions: dict, countries: dict,
                    sources_short: dict, *, lang: str, selected: str = "", link_params: dict | None = None,
                    height: int = 620, markers: pd.DataFrame | None = None) -> folium.Map:
    """Filtered events, routes and regions -> a folium.Map that needs no network."""
    fmap = AtlasMap(location=config.MAP_CENTER, zoom_start=4, tiles=None, control_scale=True,
                      height=height)  # SVG, not canvas: each feature is an element the tests can find
    fmap.default_js = list(LEAFLET_JS)
    fmap.default_css = list(LEAFLET_CSS)
    fmap.fit_bounds(config.MAP_BOUNDS)
    fmap.get_root().header.add_child(folium.Element(MAP_CSS))

    folium.GeoJson(country_collection(countries, lang), name=t("map.layer.countries", lang),
                   style_function=lambda f: {"fillColor": config.LAND_COLOR, "color": config.BORDER_COLOR,
                                             "weight": 1, "fillOpacity": 1.0},
                   tooltip=folium.GeoJsonTooltip(fields=["tip"], labels=False),
                   ).add_to(fmap)

    region_layer = folium.FeatureGroup(name=t("map.layer.regions", lang), show=True)
    if regions.get("features"):
        tipped = {"type": "FeatureCollection",
                  "features": [{"type": "Feature", "geometry": f["geometry"],
                                "properties": region_tooltip_properties(f, lang)} for f in regions["features"]]}
        folium.GeoJson(tipped, style_function=lambda f: {"fillColor": config.REGION_COLOR, "color": config.REGION_EDGE, "weight": 1.5,
                                                         "dashArray": "6 4", "fillOpacity": 0.12},
                       tooltip=folium.GeoJsonTooltip(fields=["tip"], labels=False)).add_to(region_layer)
    region_layer.add_to(fmap)

    route_features = route_feature_collection(routes, sources_short, lang)
    route_layer = folium.FeatureGroup(name=t("map.layer.routes", lang), show=True)
    if route_features["features"]:
        folium.GeoJson(route_features, style_function=lambda f: f["properties"]["style"],
                       tooltip=folium.GeoJsonTooltip(fields=["tip"], labels=False)).add_to(route_layer)
    route_layer.add_to(fmap)

    markers = marker_positions(events, lang) if markers is None else markers
    event_layer = folium.FeatureGroup(name=t("map.layer.events", lang), show=True)
    if not markers.empty:
        folium.GeoJson(marker_feature_collection(markers, events, lang, link_params, selected),
                       marker=folium.CircleMarker(radius=8, fill=True),
                       style_function=lambda f: f["properties"]["style"],
                       tooltip=folium.GeoJsonTooltip(fields=["tip"], labels=False),
                       popup=folium.GeoJsonPopup(fields=["popup"], labels=False, max_width=380),
                       ).add_to(event_layer)
    event_layer.add_to(fmap)
    folium.LayerControl(collapsed=height < 500).add_to(fmap)  # small maps keep the control folded
    return fmap


def country_collection(countries: dict, lang: str) -> dict:
    """Modern outlines with an escaped tooltip: a country's name from data is text, never markup."""
    label = t("map.modern_border", lang)
    return {"type": "FeatureCollection",
            "features": [{"type": "Feature", "geometry": f["geometry"],
                          "properties": {"tip": f"{html_text(label)}: {html_text((f.get('properties') or {}).get('name'))}"}}
                         for f in countries.get("features", [])]}


def legend_entries(lang: str) -> list[dict]:
    """What the map legend shows: thread colours, line styles and what 'approximate' means."""
    entries = [{"kind": "marker", "color": color, "label": t(f"thread.{thread}", lang)}
               for thread, color in config.THREAD_COLORS.items()]
    entries += [
        {"kind": "line", "color": config.ROUTE_COLORS["migration"], "dash": True,
         "label": t("legend.migration_route", lang)},
        {"kind": "line", "color": config.ROUTE_COLORS["forced"], "dash": True, "label": t("legend.forced_route", lang)},
        {"kind": "area", "color": config.REGION_COLOR, "dash": True, "label": t("legend.region", lang)},
        {"kind": "area", "color": config.BORDER_COLOR, "dash": False, "label": t("legend.modern", lang)},
    ]
    return entries
