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


POPUP_COLUMNS = ["event_id", "place_id", "thread", "date_label", "title", "place_name", "lat", "lon"]
MAX_MAP_MARKERS = 400  # above this the map groups markers into grid cells: 100,000 popups would be ~100 MB
GRID_STEPS_DEG = (0.5, 1.0, 2.0, 4.0, 8.0)  # cell sizes tried in turn until the markers fit
MARKER_COLUMNS = ["place_id", "thread", "lat", "lon", "event_ids", "count", "tip", "places"]


def _located(events: pd.DataFrame) -> pd.DataFrame:
    return events[events["lat"].notna() & (events["place_id"] != "")]


def popup_records(events: pd.DataFrame) -> dict[str, list[dict]]:
    """{place_id: the first MAX_POPUP_EVENTS event records there, in date order} for the popups."""
    head = _located(events).groupby("place_id", sort=False).head(MAX_POPUP_EVENTS)
    grouped: dict[str, list[dict]] = {}
    for record in head[POPUP_COLUMNS].to_dict("records"):  # plain dicts: pandas per-row access is slow
        grouped.setdefault(record["place_id"], []).append(record)
    return grouped


def marker_positions(events: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """One row per (place, thread): where its circle marker goes, its tooltip and which events it stands for.
    Above MAX_MAP_MARKERS the rows are (grid cell, thread) aggregates with no event list."""
    located = _located(events)
    if located.empty:
        return pd.DataFrame(columns=MARKER_COLUMNS)
    groups = located.groupby(["place_id", "thread"], sort=False)
    table = groups.agg(lat=("lat", "first"), lon=("lon", "first"), name=("place_name", "first"),
                       count=("event_id", "size")).reset_index()
    if len(table) > MAX_MAP_MARKERS:
        return _grid_markers(table, lang)
    ids = groups["event_id"].agg(list)
    order = {th: i for i, th in enumerate(config.THREADS)}
    table["rank"] = table["thread"].map(order)
    table = table.sort_values(["place_id", "rank"]).reset_index(drop=True)
    table["index"] = table.groupby("place_id").cumcount()
    table["n"] = table.groupby("place_id")["thread"].transform("size")
    rows = []
    for row in table.itertuples(index=False):
        lat, lon = float(row.lat), float(row.lon)
        if row.n > 1:  # several threads at one place: a small ring around it
            angle = 2 * math.pi * row.index / row.n
            lat, lon = (lat + MARKER_OFFSET_DEG * math.sin(angle),
                        lon + MARKER_OFFSET_DEG * math.cos(angle) / math.cos(math.radians(float(row.lat)))) 
        name = row.name or row.place_id
        tip = f"{name}: {t('map.n_events', lang, n=row.count)} ({t('thread.' + row.thread, lang)})"
        rows.append({"place_id": row.place_id, "thread": row.thread, "lat": round(lat, 5), "lon": round(lon, 5),
                     "event_ids": ids[(row.place_id, row.thread)], "count": int(row.count), "tip": tip, "places": 1})
    return pd.DataFrame(rows, columns=MARKER_COLUMNS)


def _grid_markers(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    """(place, thread) counts -> (grid cell, thread) counts at the count-weighted centre of their places."""
    for step in GRID_STEPS_DEG:
        cells = table.assign(cy=(table["lat"] // step).astype(int), cx=(table["lon"] // step).astype(int),
                             wlat=table["lat"] * table["count"], wlon=table["lon"] * table["count"])
        grouped = cells.groupby(["cy", "cx", "thread"]).agg(count=("count", "sum"), wlat=("wlat", "sum"),
                                                           wlon=("wlon", "sum"), places=("place_id", "size"))
        if len(grouped) <= MAX_MAP_MARKERS or step == GRID_STEPS_DEG[-1]:
            break
    grouped = grouped.reset_index()
    rows = []
    for row in grouped.itertuples(index=False):
        tip = t("map.cell_tip", lang, n=int(row.count), places=int(row.places), thread=t("thread." + row.thread, lang))
        rows.append({"place_id": f"cell:{step}:{row.cy}:{row.cx}", "thread": row.thread,
                     "lat": round(row.wlat / row.count, 5), "lon": round(row.wlon / row.count, 5),
                     "event_ids": [], "count": int(row.count), "tip": tip, "places": int(row.places)})
    return pd.DataFrame(rows, columns=MARKER_COLUMNS)


CLICK_TOLERANCE_DEG = 1.0  # Leaflet reports where the mouse hit a circle, not its centre


def find_marker(markers: pd.DataFrame, lat: float | None, lon: float | None, tooltip: str | None = None):
    """The marker a click landed on: by its tooltip text, else the nearest centre within tolerance."""
    if markers.empty:
        return None
    if tooltip:
        hit = markers[markers["tip"] == tooltip.strip()]
        if len(hit) == 1:
            return hit.iloc[0]
    if lat is None or lon is None:
        return None
    distance = (markers["lat"] - lat).abs() + (markers["lon"] - lon).abs()
    best = distance.idxmin()
    return markers.loc[best] if distance[best] < CLICK_TOLERANCE_DEG else None


def popup_html(place_name: str, at_place: list[dict], lang: str, link_params: dict | None = None,
               total: int | None = None) -> str:
    """The events at a place (records in date order), each a link that selects it, keeping the filters; escaped.
    `total` is how many there are in all, when `at_place` holds only the first ones."""
    items = []
    base = urlencode(link_params or {}, doseq=True)
    for row in at_place[:MAX_POPUP_EVENTS]:
        color = config.THREAD_COLORS.get(row["thread"], "#555")
        query = (base + "&" if base else "") + urlencode({"event": row["event_id"]})
        items.append(f'<li><span style="color:{color}">&#9679;</span> {esc(row["date_label"])}: '
                     f'<a href="?{esc(query)}" target="_top">{esc(row["title"])}</a></li>')
    more = (len(at_place) if total is None else total) - min(len(at_place), MAX_POPUP_EVENTS)
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


class AtlasMap(folium.Map):
    """folium.Map whose bounds are the fitted view: streamlit-folium asks for them on every rerun, and walking
    every outline coordinate for an answer we already know cost ~70 ms."""

    def get_bounds(self):
        return [list(corner) for corner in config.MAP_BOUNDS]


def build_event_map(events: pd.DataFrame, routes: pd.DataFrame, regions: dict, countries: dict,
                    sources_short: dict, *, lang: str = "en", selected: str = "", link_params: dict | None = None,
                    height: int = 620, markers: pd.DataFrame | None = None) -> folium.Map:
    """Filtered events, routes and regions -> a folium.Map that needs no network."""
    fmap = AtlasMap(location=config.MAP_CENTER, zoom_start=4, tiles=None, control_scale=True,
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


MAX_MAP_ROUTES = 150  # more lines than this are unreadable and heavy; the largest volumes are kept


def routes_to_draw(routes: pd.DataFrame) -> pd.DataFrame:
    """At most MAX_MAP_ROUTES routes: those with the largest volume the sources give, then the earliest."""
    if len(routes) <= MAX_MAP_ROUTES:
        return routes
    volume = routes["figures"].astype(str).map(lambda f: (route_volume(f) or ("", 0))[1])
    return routes.assign(_volume=volume).sort_values(["_volume", "start"], ascending=[False, True]).head(
        MAX_MAP_ROUTES).drop(columns="_volume")


def route_feature_collection(routes: pd.DataFrame, sources_short: dict, lang: str) -> dict:
    """Routes as GeoJSON: each line (dashed when schematic) and an arrowhead at its end, with style and tooltip."""
    features = []
    for _, row in routes_to_draw(routes).iterrows():
        color = "#7b3294" if row["kind"] in ("deportation", "exile", "escort") else "#b35806"
        dashed = str(row.get("schematic", "")).lower() in ("true", "1")
        line_style = {"color": color, "weight": route_weight(str(row.get("figures", ""))), "opacity": 0.85,
                      "dashArray": "8 6" if dashed else None}
        head_style = {"color": color, "weight": 1, "fillColor": color, "fillOpacity": 0.9, "opacity": 0.9}
        tip = route_tooltip(row, sources_short, lang)
        for line in row["coords"]:
            features.append({"type": "Feature", "properties": {"tip": tip, "style": line_style},
                             "geometry": {"type": "LineString", "coordinates": [[lon, lat] for lat, lon in line]}})
            head = arrowhead(line[-2], line[-1])
            features.append({"type": "Feature", "properties": {"tip": "", "style": head_style},
                             "geometry": {"type": "Polygon",
                                          "coordinates": [[[lon, lat] for lat, lon in head + [head[0]]]]}})
    return {"type": "FeatureCollection", "features": features}


def marker_feature_collection(markers: pd.DataFrame, events: pd.DataFrame, lang: str,
                              link_params: dict | None, selected: str = "") -> dict:
    """Circle markers as GeoJSON points: colour by thread, radius by count, escaped tooltip and popup."""
    aggregated = markers["place_id"].str.startswith("cell:").any() if not markers.empty else False
    by_place = {} if aggregated else popup_records(events)
    totals = {} if aggregated else markers.groupby("place_id")["count"].sum().to_dict()
    features = []
    for marker in markers.itertuples(index=False):
        chosen = selected in marker.event_ids
        style = {"fillColor": config.THREAD_COLORS[marker.thread], "color": "#111111" if chosen else "#ffffff",
                 "weight": 3 if chosen else 1.5, "fillOpacity": 0.9,
                 "radius": round(min(22, 6 + 2.2 * math.sqrt(marker.count)), 1)}
        if aggregated:
            popup = f'<div class="atlas-popup">{esc(marker.tip)}<br>{esc(t("map.cell_hint", lang))}</div>'
        else:
            at_place = by_place[marker.place_id]
            popup = popup_html(at_place[0]["place_name"] or marker.place_id, at_place, lang, link_params,
                               total=totals[marker.place_id])
        features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [marker.lon, marker.lat]},
                         "properties": {"tip": esc(marker.tip), "style": style, "popup": popup}})
    return {"type": "FeatureCollection", "features": features}


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


def outline_xy(geojson: dict, tolerance: float = 0.08) -> tuple[list, list]:
    """Country outlines as one line trace (None between rings), simplified for a small picture."""
    import shapely.geometry

    xs: list = []
    ys: list = []
    for feature in geojson.get("features", []):
        shape = shapely.geometry.shape(feature["geometry"]).simplify(tolerance)
        polygons = [shape] if shape.geom_type == "Polygon" else list(getattr(shape, "geoms", []))
        for polygon in polygons:
            ring = polygon.exterior.coords
            xs += [round(x, 2) for x, _ in ring] + [None]
            ys += [round(y, 2) for _, y in ring] + [None]
    return xs, ys


def build_compact_map(events: pd.DataFrame, outline: tuple[list, list], *, lang: str = "en", height: int = 320):
    """A small map for the home page drawn with Plotly (no iframe, no Leaflet): modern outlines (from
    outline_xy) for orientation and one circle per place and thread. The full map is on the Map page."""
    import plotly.graph_objects as go

    fig = go.Figure()
    xs, ys = outline
    fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", line=dict(color="#8c8577", width=0.8), hoverinfo="skip",
                             fill="toself", fillcolor="#efe9dc", name=t("map.layer.countries", lang)))
    markers = marker_positions(events, lang)
    for thread in config.THREADS:
        group = markers[markers["thread"] == thread]
        if group.empty:
            continue
        fig.add_trace(go.Scatter(
            x=group["lon"], y=group["lat"], mode="markers", name=t(f"thread.{thread}", lang),
            marker=dict(color=config.THREAD_COLORS[thread], size=(5 + 2.2 * group["count"] ** 0.5).clip(upper=22),
                        line=dict(color="#ffffff", width=1), opacity=0.9),
            hovertext=list(group["tip"].map(esc)), hovertemplate="%{hovertext}<extra></extra>"))
    (lat0, lon0), (lat1, lon1) = config.MAP_BOUNDS
    fig.update_layout(
        height=height, margin=dict(l=0, r=0, t=0, b=0), showlegend=False, dragmode=False,
        plot_bgcolor="#dfe8ec", paper_bgcolor="rgba(0,0,0,0)", hoverlabel=dict(bgcolor="#fffdf7"),
        xaxis=dict(range=[lon0, lon1], visible=False, fixedrange=True),
        # one degree of latitude is longer on the ground than one of longitude at 45 N: keep shapes true
        yaxis=dict(range=[lat0, lat1], visible=False, fixedrange=True, scaleanchor="x",
                   scaleratio=1 / math.cos(math.radians(45))))
    return fig
