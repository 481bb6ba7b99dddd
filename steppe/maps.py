"""Build the Folium map from filtered frames: our own basemap, no tiles, Leaflet served locally."""
from __future__ import annotations

import html
import math
from urllib.parse import urlencode

import folium
import pandas as pd

from . import config
from .assets import LEAFLET_CSS, LEAFLET_JS
from .i18n import t
from .load import parse_figures

MAX_POPUP_EVENTS = 25     # a popup lists at most this many events; the rest are counted ("and 40 more")
MARKER_OFFSET_DEG = 0.18  # markers of several threads at one place sit on a small ring around it
VOLUME_KEYS = ("farms", "households", "people", "families")  # what a route's width follows, in this order
ARROW_LENGTH_DEG = 0.45
MAP_CSS = ("<style>.leaflet-container{background:#dfe8ec;font-family:Georgia,serif}"
           ".leaflet-tooltip,.leaflet-popup-content{font-size:14px;line-height:1.35}</style>")


def esc(value) -> str:
    """Text from data, escaped for HTML (popups, tooltips)."""
    return html.escape("" if value is None or (isinstance(value, float) and math.isnan(value)) else str(value))


def marker_positions(events: pd.DataFrame) -> pd.DataFrame:
    """One row per (place, thread): where its circle marker goes and which events it stands for."""
    located = events[events["lat"].notna() & (events["place_id"] != "")]
    rows = []
    for place_id, at_place in located.groupby("place_id", sort=True):
        threads = [th for th in config.THREADS if th in set(at_place["thread"])]
        lat0, lon0 = float(at_place["lat"].iloc[0]), float(at_place["lon"].iloc[0])
        for index, thread in enumerate(threads):
            if len(threads) == 1:
                lat, lon = lat0, lon0
            else:
                angle = 2 * math.pi * index / len(threads)
                lat = lat0 + MARKER_OFFSET_DEG * math.sin(angle)
                lon = lon0 + MARKER_OFFSET_DEG * math.cos(angle) / math.cos(math.radians(lat0))
            ids = list(at_place.loc[at_place["thread"] == thread, "event_id"])
            rows.append({"place_id": place_id, "thread": thread, "lat": round(lat, 5), "lon": round(lon, 5),
                         "event_ids": ids, "count": len(ids)})
    return pd.DataFrame(rows, columns=["place_id", "thread", "lat", "lon", "event_ids", "count"])


def find_marker(markers: pd.DataFrame, lat: float, lon: float) -> pd.Series | None:
    """The marker at a clicked position (within 1e-4 degrees), or None."""
    if markers.empty or lat is None or lon is None:
        return None
    distance = (markers["lat"] - lat).abs() + (markers["lon"] - lon).abs()
    best = distance.idxmin()
    return markers.loc[best] if distance[best] < 1e-4 else None


def popup_html(place_name: str, at_place: pd.DataFrame, lang: str, link_params: dict | None = None) -> str:
    """Every event at a place, oldest first, each a link that selects it (keeping the filters); all escaped."""
    items = []
    for _, row in at_place.head(MAX_POPUP_EVENTS).iterrows():
        color = config.THREAD_COLORS.get(row["thread"], "#555")
        query = urlencode({**(link_params or {}), "event": row["event_id"]}, doseq=True)
        items.append(f'<li><span style="color:{color}">&#9679;</span> {esc(row["date_label"])}: '
                     f'<a href="?{esc(query)}" target="_top">{esc(row["title"])}</a></li>')
    more = len(at_place) - MAX_POPUP_EVENTS
    if more > 0:
        items.append(f"<li>{esc(t('map.more_events', lang, n=more))}</li>")
    return (f'<div class="atlas-popup" style="font-size:14px;max-height:260px;overflow:auto">'
            f"<b>{esc(place_name)}</b><ul style='padding-left:16px;margin:4px 0'>{''.join(items)}</ul></div>")


def route_volume(figures: str) -> tuple[str, int] | None:
    """'farms=3436;livestock=187909' -> ('farms', 3436); None if the source gives no volume."""
    values = parse_figures(figures)
    for key in VOLUME_KEYS:
        for name, value in values.items():
            if name == key or name.startswith(key + "_"):
                return name, value
    return None


def route_weight(figures: str) -> float:
    """Line width in pixels: 2.5 without a volume, growing with the square root of the volume."""
    volume = route_volume(figures)
    if not volume:
        return 2.5
    return round(min(12.0, 2.5 + math.sqrt(volume[1]) / 12), 2)


def arrowhead(a: tuple[float, float], b: tuple[float, float], size: float = ARROW_LENGTH_DEG) -> list:
    """A small triangle (lat, lon) at b pointing away from a: direction without a plugin."""
    (lat1, lon1), (lat2, lon2) = a, b
    scale = math.cos(math.radians((lat1 + lat2) / 2))
    dx, dy = (lon2 - lon1) * scale, lat2 - lat1
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    back_x, back_y = -ux * size, -uy * size
    left = (lat2 + back_y + ux * size * 0.45, lon2 + (back_x - uy * size * 0.45) / scale)
    right = (lat2 + back_y - ux * size * 0.45, lon2 + (back_x + uy * size * 0.45) / scale)
    return [(lat2, lon2), left, right]


def route_tooltip(row: pd.Series, sources_short: dict, lang: str) -> str:
    """Route tooltip: who, when, figures, source and locator; schematic routes say so."""
    figures = parse_figures(row.get("figures", ""))
    figure_text = ", ".join(f"{esc(k.replace('_', ' '))}: {v:,}" for k, v in figures.items())
    parts = [f"<b>{esc(t('route.kind.' + str(row['kind']), lang))}</b>: {esc(row.get('who', ''))}",
             esc(row.get("date_label") or row.get("date", ""))]
    if figure_text:
        parts.append(figure_text)
    parts.append(f"{esc(sources_short.get(row['source_id'], row['source_id']))}, {esc(row.get('locator', ''))}")
    if str(row.get("schematic", "")).lower() in ("true", "1"):
        parts.append(f"<i>{esc(t('map.schematic', lang))}</i>")
    return "<br>".join(parts)


def region_tooltip_properties(feature: dict, lang: str) -> dict:
    """Escaped tooltip text for a region, with its period and the basis of the outline."""
    p = feature["properties"]
    text = (f"<b>{esc(p.get('name'))}</b><br>{esc(p.get('valid_from'))} - {esc(p.get('valid_to'))}"
            f"<br><i>{esc(t('map.approximate_boundary', lang))}</i> (±{esc(p.get('est_error_km'))} km)"
            f"<br>{esc(p.get('basis'))}")
    return {"tip": text}


def build_event_map(events: pd.DataFrame, routes: pd.DataFrame, regions: dict, countries: dict,
                    sources_short: dict, *, lang: str = "en", selected: str = "", link_params: dict | None = None,
                    height: int = 620) -> folium.Map:
    """Filtered events, routes and regions -> a folium.Map that needs no network."""
    fmap = folium.Map(location=config.MAP_CENTER, zoom_start=4, tiles=None, control_scale=True,
                      height=height)  # SVG, not canvas: each feature is an element the tests can find
    fmap.default_js = list(LEAFLET_JS)
    fmap.default_css = list(LEAFLET_CSS)
    fmap.fit_bounds(config.MAP_BOUNDS)
    fmap.get_root().header.add_child(folium.Element(MAP_CSS))

    folium.GeoJson(countries, name=t("map.layer.countries", lang),
                   style_function=lambda f: {"fillColor": "#efe9dc", "color": "#8c8577", "weight": 1,
                                             "fillOpacity": 1.0},
                   tooltip=folium.GeoJsonTooltip(fields=["name"], aliases=[t("map.modern_border", lang)]),
                   ).add_to(fmap)

    region_layer = folium.FeatureGroup(name=t("map.layer.regions", lang), show=True)
    if regions.get("features"):
        tipped = {"type": "FeatureCollection",
                  "features": [{"type": "Feature", "geometry": f["geometry"],
                                "properties": region_tooltip_properties(f, lang)} for f in regions["features"]]}
        folium.GeoJson(tipped, style_function=lambda f: {"fillColor": "#7a6a4f", "color": "#5b4c33", "weight": 1.5,
                                                         "dashArray": "6 4", "fillOpacity": 0.12},
                       tooltip=folium.GeoJsonTooltip(fields=["tip"], labels=False)).add_to(region_layer)
    region_layer.add_to(fmap)

    route_layer = folium.FeatureGroup(name=t("map.layer.routes", lang), show=True)
    for _, row in routes.iterrows():
        color = "#7b3294" if row["kind"] in ("deportation", "exile", "escort") else "#b35806"
        weight = route_weight(str(row.get("figures", "")))
        dashed = str(row.get("schematic", "")).lower() in ("true", "1")
        tip = route_tooltip(row, sources_short, lang)
        for line in row["coords"]:
            folium.PolyLine(line, color=color, weight=weight, opacity=0.85, dash_array="8 6" if dashed else None,
                            tooltip=folium.Tooltip(tip)).add_to(route_layer)
            if len(line) >= 2:
                folium.Polygon(arrowhead(line[-2], line[-1]), color=color, fill=True, fill_color=color,
                               fill_opacity=0.9, weight=1, tooltip=folium.Tooltip(tip)).add_to(route_layer)
    route_layer.add_to(fmap)

    event_layer = folium.FeatureGroup(name=t("map.layer.events", lang), show=True)
    markers = marker_positions(events)
    by_place = {pid: grp for pid, grp in events.groupby("place_id")}
    for _, marker in markers.iterrows():
        at_place = by_place[marker["place_id"]]
        place_name = at_place["place_name"].iloc[0] or marker["place_id"]
        is_selected = selected in marker["event_ids"]
        folium.CircleMarker(
            location=(marker["lat"], marker["lon"]), radius=min(22, 6 + 2.2 * math.sqrt(marker["count"])),
            color="#111" if is_selected else "#ffffff", weight=3 if is_selected else 1.5,
            fill=True, fill_color=config.THREAD_COLORS[marker["thread"]], fill_opacity=0.9,
            tooltip=folium.Tooltip(f"{esc(place_name)}: {esc(t('map.n_events', lang, n=marker['count']))} "
                                   f"({esc(t('thread.' + marker['thread'], lang))})"),
            popup=folium.Popup(popup_html(place_name, at_place, lang, link_params), max_width=360),
        ).add_to(event_layer)
    event_layer.add_to(fmap)
    folium.LayerControl(collapsed=False).add_to(fmap)
    return fmap


def legend_entries(lang: str = "en") -> list[dict]:
    """What the map legend shows: thread colours, line styles and what 'approximate' means."""
    entries = [{"kind": "marker", "color": color, "label": t(f"thread.{thread}", lang)}
               for thread, color in config.THREAD_COLORS.items()]
    entries += [
        {"kind": "line", "color": "#b35806", "dash": True, "label": t("legend.migration_route", lang)},
        {"kind": "line", "color": "#7b3294", "dash": True, "label": t("legend.forced_route", lang)},
        {"kind": "area", "color": "#7a6a4f", "dash": True, "label": t("legend.region", lang)},
        {"kind": "area", "color": "#8c8577", "dash": False, "label": t("legend.modern", lang)},
    ]
    return entries
