"""Event markers on the map: one circle per place and thread (grid cells above the limit), tooltips and popups."""
from __future__ import annotations

import math
from urllib.parse import urlencode

import pandas as pd

from . import config
from .escape import html_text
from .i18n import t

MARKER_OFFSET_DEG = 0.18  # markers of several threads at one place sit on a small ring around it
POPUP_COLUMNS = ["event_id", "place_id", "thread", "date_label", "title", "place_name", "lat", "lon"]
GRID_STEPS_DEG = (0.5, 1.0, 2.0, 4.0, 8.0)  # cell sizes tried in turn until the markers fit
MARKER_COLUMNS = ["place_id", "thread", "lat", "lon", "event_ids", "count", "tip", "places"]
CLICK_TOLERANCE_DEG = 1.0  # Leaflet reports where the mouse hit a circle, not its centre


def _located(events: pd.DataFrame) -> pd.DataFrame:
    return events[events["lat"].notna() & (events["place_id"] != "")]


def popup_records(events: pd.DataFrame) -> dict[str, list[dict]]:
    """{place_id: the first config.MAX_POPUP_EVENTS event records there, in date order} for the popups."""
    head = _located(events).groupby("place_id", sort=False).head(config.MAX_POPUP_EVENTS)
    grouped: dict[str, list[dict]] = {}
    for record in head[POPUP_COLUMNS].to_dict("records"):  # plain dicts: pandas per-row access is slow
        grouped.setdefault(record["place_id"], []).append(record)
    return grouped


def marker_positions(events: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One row per (place, thread): where its circle marker goes, its tooltip and which events it stands for.
    Above config.MAX_MAP_MARKERS the rows are (grid cell, thread) aggregates with no event list."""
    located = _located(events)
    if located.empty:
        return pd.DataFrame(columns=MARKER_COLUMNS)
    groups = located.groupby(["place_id", "thread"], sort=False)
    table = groups.agg(lat=("lat", "first"), lon=("lon", "first"), name=("place_name", "first"),
                       count=("event_id", "size")).reset_index()
    if len(table) > config.MAX_MAP_MARKERS:
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
        if len(grouped) <= config.MAX_MAP_MARKERS or step == GRID_STEPS_DEG[-1]:
            break
    grouped = grouped.reset_index()
    rows = []
    for row in grouped.itertuples(index=False):
        tip = t("map.cell_tip", lang, n=int(row.count), places=int(row.places), thread=t("thread." + row.thread, lang))
        rows.append({"place_id": f"cell:{step}:{row.cy}:{row.cx}", "thread": row.thread,
                     "lat": round(row.wlat / row.count, 5), "lon": round(row.wlon / row.count, 5),
                     "event_ids": [], "count": int(row.count), "tip": tip, "places": int(row.places)})
    return pd.DataFrame(rows, columns=MARKER_COLUMNS)


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
    for row in at_place[:config.MAX_POPUP_EVENTS]:
        color = config.THREAD_COLORS.get(row["thread"], "#555")
        query = (base + "&" if base else "") + urlencode({"event": row["event_id"]})
        items.append(f'<li><span style="color:{color}">&#9679;</span> {html_text(row["date_label"])}: '
                     f'<a href="?{html_text(query)}" target="_top">{html_text(row["title"])}</a></li>')
    more = (len(at_place) if total is None else total) - min(len(at_place), config.MAX_POPUP_EVENTS)
    if more > 0:
        items.append(f"<li>{html_text(t('map.more_events', lang, n=more))}</li>")
    return (f'<div class="atlas-popup" style="font-size:14px;max-height:260px;overflow:auto">'
            f"<b>{html_text(place_name)}</b><ul style='padding-left:16px;margin:4px 0'>{''.join(items)}</ul></div>")


def marker_feature_collection(markers: pd.DataFrame, events: pd.DataFrame, lang: str,
                              link_params: dict | None, selected: str = "") -> dict:
    """Circle markers as GeoJSON points: colour by thread, radius by count, escaped tooltip and popup."""
    aggregated = markers["place_id"].str.startswith("cell:").any() if not markers.empty else False
    by_place = {} if aggregated else popup_records(events)
    totals = {} if aggregated else markers.groupby("place_id")["count"].sum().to_dict()
    features = []
    for marker in markers.itertuples(index=False):
        chosen = selected in marker.event_ids
        style = {"fillColor": config.THREAD_COLORS[marker.thread], "color": config.SELECTED_EDGE if chosen else "#ffffff",
                 "weight": 3 if chosen else 1.5, "fillOpacity": 0.9,
                 "radius": round(min(22, 6 + 2.2 * math.sqrt(marker.count)), 1)}
        if aggregated:
            popup = f'<div class="atlas-popup">{html_text(marker.tip)}<br>{html_text(t("map.cell_hint", lang))}</div>'
        else:
            at_place = by_place[marker.place_id]
            popup = popup_html(at_place[0]["place_name"] or marker.place_id, at_place, lang, link_params,
                               total=totals[marker.place_id])
        features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [marker.lon, marker.lat]},
                         "properties": {"tip": html_text(marker.tip), "style": style, "popup": popup}})
    return {"type": "FeatureCollection", "features": features}
