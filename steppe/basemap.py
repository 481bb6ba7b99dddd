"""The basemap of the period, the same for every view in one language: land, the seas and lakes of the 1920s-30s
(the Aral Sea as before 1960), main rivers, today's borders as thin lines, the attribution; and the legend.

Layers sit in panes, bottom to top: land, historical regions, water, rivers, modern borders; routes and markers
above them; place labels above those. Everything here is escaped text from data or the catalogue."""
from __future__ import annotations

import math

import folium
from branca.element import MacroElement
from jinja2 import Template

from . import config
from .assets import MAP_JS, LEAFLET_CSS
from .escape import html_text
from .i18n import t
from .placelabels import project

PANES = (("atlas-outside", 205), ("atlas-land", 210), ("atlas-regions", 220), ("atlas-water", 230),
         ("atlas-rivers", 235), ("atlas-borders", 240), ("atlas-labels", 450))
MAP_CSS = f"""<style>
.leaflet-container{{background:{config.SEA_COLOR};font-family:Georgia,serif}}
.leaflet-tooltip,.leaflet-popup-content{{font-size:14px;line-height:1.35}}
.leaflet-tooltip{{max-width:360px;white-space:normal}}
.leaflet-control-layers{{font-size:13px}}
.leaflet-control-attribution{{font-size:10px}}
.atlas-popup ul{{list-style:none;padding:0;margin:4px 0;max-height:240px;overflow:auto}}
.atlas-popup li{{margin:2px 0}}
.atlas-popup .atlas-popup-hint{{margin:2px 0 4px;font-size:12px;color:#564e43}}
.atlas-event{{all:unset;cursor:pointer;display:block;padding:3px 4px;border-radius:3px;color:#1f3b5a;
  text-decoration:underline;text-underline-offset:2px}}
.atlas-event:hover,.atlas-event:focus-visible{{background:#efe9dc;outline:2px solid #8C3B12}}
.atlas-event.is-chosen{{font-weight:bold;text-decoration:none}}
.atlas-label{{position:absolute;font:bold {config.LABEL_FONT_PX}px/1 Georgia,"DejaVu Serif",serif;
  color:{config.LABEL_COLOR};white-space:nowrap;pointer-events:none;
  text-shadow:0 0 3px {config.LABEL_HALO},0 0 3px {config.LABEL_HALO},0 0 2px {config.LABEL_HALO}}}
.atlas-control{{background:rgba(255,253,247,.94);border:1px solid #b9b09c;border-radius:4px;padding:4px 8px;
  font-size:12px;line-height:1.25;color:{config.TEXT_COLOR};max-width:270px}}
.atlas-play{{display:flex;flex-wrap:wrap;align-items:center;gap:4px 8px}}
.atlas-play button{{font:inherit;padding:3px 10px;cursor:pointer;border:1px solid #8C3B12;border-radius:4px;
  background:#8C3B12;color:#fff}}
.atlas-play .atlas-year{{font-size:20px;font-weight:bold;min-width:3ch}}
.atlas-play .atlas-date{{flex-basis:100%;font-size:12px}}
</style>"""


def water_tip(properties: dict, lang: str) -> str:
    """'Aral Sea' and what its outline is: the pre-1960 sea, or today's shore; the note says what differs."""
    name = html_text(properties.get("name"))
    extent = t("map.water.pre_1960" if properties.get("extent") == "pre-1960" else "map.water.modern", lang)
    note = html_text(properties.get("note"))
    return f"<b>{name}</b><br><i>{html_text(extent)}</i>" + (f"<br><small>{note}</small>" if note else "")


def tipped(collection: dict, tip) -> dict:
    """The collection with one escaped `tip` property per feature (tooltips read it), geometry as it is."""
    return {"type": "FeatureCollection",
            "features": [{"type": "Feature", "geometry": f["geometry"], "properties": {"tip": tip(f.get("properties") or {})}}
                         for f in collection.get("features", [])]}


def country_collection(countries: dict, lang: str) -> dict:
    """Modern outlines with an escaped tooltip: a country's name from data is text, never markup."""
    label = html_text(t("map.modern_border", lang))
    return tipped(countries, lambda p: f"{label}: {html_text(p.get('name'))}")


def outside_collection() -> dict:
    """A grey veil beyond the basemap's box: there the map has no data, and it is not sea."""
    (south, west), (north, east) = config.BASEMAP_BOX
    world = [[-180, -85], [180, -85], [180, 85], [-180, 85], [-180, -85]]
    box = [[west, south], [west, north], [east, north], [east, south], [west, south]]
    return {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [world, box]}}]}


def legend_swatch(entry: dict) -> str:
    """A small SVG of a legend entry (no image, no network)."""
    color, kind = entry["color"], entry["kind"]
    dash = f' stroke-dasharray="{entry["dash"]}"' if entry.get("dash") else ""
    if kind == "marker":
        hollow = entry.get("hollow")
        fill = f'fill="{color}" fill-opacity="{0.3 if hollow else 0.9}"'
        stroke = f'stroke="{color if hollow else "#ffffff"}" stroke-width="{2 if hollow else 1}"{dash}'
        shape = f'<circle cx="11" cy="8" r="6" {fill} {stroke}/>'
    elif kind == "line":
        shape = f'<line x1="1" y1="8" x2="21" y2="8" stroke="{color}" stroke-width="3" stroke-linecap="round"{dash}/>'
    elif kind == "arrow":
        fill = "#ffffff" if entry.get("hollow") else color
        shape = (f'<line x1="1" y1="8" x2="13" y2="8" stroke="{color}" stroke-width="2.5"/>'
                 f'<path d="M21 8 L12 3 L12 13 Z" fill="{fill}" stroke="{color}" stroke-width="1.5"/>')
    else:
        fill = entry.get("fill", "none")
        shape = f'<rect x="2" y="2" width="18" height="12" fill="{fill}" stroke="{color}" stroke-width="1.5"{dash}/>'
    return f'<svg width="22" height="16" viewBox="0 0 22 16" aria-hidden="true">{shape}</svg>'


def legend_html(entries: list[dict], lang: str) -> str:
    """The legend's sections (threads in two columns), every label escaped."""
    sections: dict[str, list[str]] = {}
    for entry in entries:
        sections.setdefault(entry.get("section", "map"), []).append(
            f"<li>{legend_swatch(entry)}<span>{html_text(entry['label'])}</span></li>")
    parts = [f'<p class="atlas-legend-head">{html_text(t("legend." + name, lang))}</p>'
             f'<ul class="atlas-legend-{name}">{"".join(items)}</ul>' for name, items in sections.items()]
    return "".join(parts) + f"<small>{html_text(t('legend.dashed', lang))}</small>"


class MapSetup(MacroElement):
    """Runs static/atlas-map.js's setup on the map: attribution, popup clicks, labels by zoom. Its data is the
    same for every view of a language, so the basemap's script never changes."""
    _template = Template("""{% macro script(this, kwargs) %}
        SteppeAtlas.setup({{ this._parent.get_name() }}, {{ this.data|tojson }});
    {% endmacro %}""")

    def __init__(self, data: dict):
        super().__init__()
        self._name = "SteppeAtlasSetup"
        self.data = data


class AtlasMap(folium.Map):
    """folium.Map whose bounds are the fitted view: streamlit-folium asks for them on every rerun, and walking
    every outline coordinate for an answer we already know cost ~70 ms."""

    def get_bounds(self):
        return [list(corner) for corner in config.MAP_BOUNDS]


def min_zoom(height: int) -> float:
    """The lowest zoom at which the basemap's box is as high as the map: zoomed out further, the map would show
    more grey than land and sea (in quarter steps, as the map zooms)."""
    (south, west), (north, east) = config.BASEMAP_BOX
    box_px = project(south, west, 0)[1] - project(north, west, 0)[1]
    return max(config.MAP_MIN_ZOOM, math.ceil(4 * math.log2(height / box_px)) / 4)


def base_map(countries: dict, basemap: dict | None, lang: str, height: int = 620) -> AtlasMap:
    """The basemap alone: no event, route or region (those are added on top, see maps.event_groups)."""
    (south, west), (north, east) = config.BASEMAP_BOX
    fmap = AtlasMap(location=config.MAP_CENTER, zoom_start=4, tiles=None, control_scale=True, height=height,
                    zoom_snap=0.25, zoom_delta=0.5, max_bounds=True, min_lat=south, max_lat=north, min_lon=west,
                    max_lon=east, max_bounds_viscosity=0.8)  # SVG, not canvas: each feature is an element tests find
    fmap.options.update(minZoom=min_zoom(height), maxZoom=config.MAP_MAX_ZOOM)  # (folium gives these to tiles)
    fmap.default_js = list(MAP_JS)
    fmap.default_css = list(LEAFLET_CSS)
    fmap.fit_bounds(config.MAP_BOUNDS)
    fmap.get_root().header.add_child(folium.Element(MAP_CSS))
    for name, z_index in PANES:
        folium.map.CustomPane(name, z_index=z_index, pointer_events=name not in ("atlas-outside", "atlas-land",
                                                                              "atlas-labels")).add_to(fmap)
    layers = basemap or {}
    folium.GeoJson(outside_collection(), control=False, pane="atlas-outside", interactive=False,
                   style_function=lambda f: {"fillColor": "#d8d4cc", "fillOpacity": 1, "stroke": False}).add_to(fmap)
    if (layers.get("land") or {}).get("features"):
        folium.GeoJson(layers["land"], control=False, pane="atlas-land", interactive=False,
                       style_function=lambda f: {"fillColor": config.LAND_COLOR, "fillOpacity": 1,
                                                 "color": "#7a98ad", "weight": 0.7}).add_to(fmap)
    if (layers.get("water") or {}).get("features"):
        folium.GeoJson(tipped(layers["water"], lambda p: water_tip(p, lang)), control=False, pane="atlas-water",
                       style_function=lambda f: {"fillColor": config.WATER_COLOR, "fillOpacity": 1,
                                                 "color": "#5a8db3", "weight": 0.8},
                       tooltip=folium.GeoJsonTooltip(fields=["tip"], labels=False)).add_to(fmap)
    if (layers.get("rivers") or {}).get("features"):
        folium.GeoJson(tipped(layers["rivers"], lambda p: f"<b>{html_text(p.get('name'))}</b>"), control=False,
                       pane="atlas-rivers", style_function=lambda f: {"color": config.RIVER_COLOR, "weight": 1.6,
                                                                       "opacity": 0.9, "fill": False},
                       tooltip=folium.GeoJsonTooltip(fields=["tip"], labels=False)).add_to(fmap)
    folium.GeoJson(country_collection(countries, lang), name=t("map.layer.countries", lang), pane="atlas-borders",
                   style_function=lambda f: {"color": config.BORDER_COLOR, "weight": 1, "fill": False,
                                             "dashArray": "4 3"},
                   tooltip=folium.GeoJsonTooltip(fields=["tip"], labels=False)).add_to(fmap)
    MapSetup({"attribution": html_text(t("map.attribution", lang))}).add_to(fmap)
    return fmap
