"""Routes on the map: schematic lines between documented places, width by volume, an arrowhead, a tooltip."""
from __future__ import annotations

import math

import pandas as pd

from . import config
from .escape import html_text
from .i18n import t
from .model import parse_figures

VOLUME_KEYS = ("farms", "households", "people", "families")  # what a route's width follows, in this order
ARROW_LENGTH_DEG = 0.45


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
    figure_text = ", ".join(f"{html_text(k.replace('_', ' '))}: {v:,}" for k, v in figures.items())
    parts = [f"<b>{html_text(t('route.kind.' + str(row['kind']), lang))}</b>: {html_text(row.get('who', ''))}",
             html_text(row.get("date_label") or row.get("date", ""))]
    if figure_text:
        parts.append(figure_text)
    parts.append(f"{html_text(sources_short.get(row['source_id'], row['source_id']))}, {html_text(row.get('locator', ''))}")
    if str(row.get("schematic", "")).lower() in ("true", "1"):
        parts.append(f"<i>{html_text(t('map.schematic', lang))}</i>")
    return "<br>".join(parts)


def routes_to_draw(routes: pd.DataFrame) -> pd.DataFrame:
    """At most config.MAX_MAP_ROUTES routes: those with the largest volume the sources give, then the earliest."""
    if len(routes) <= config.MAX_MAP_ROUTES:
        return routes
    volume = routes["figures"].astype(str).map(lambda f: (route_volume(f) or ("", 0))[1])
    return routes.assign(_volume=volume).sort_values(["_volume", "start"], ascending=[False, True]).head(
        config.MAX_MAP_ROUTES).drop(columns="_volume")


def route_feature_collection(routes: pd.DataFrame, sources_short: dict, lang: str) -> dict:
    """Routes as GeoJSON: each line (dashed when schematic) and an arrowhead at its end, with style and tooltip."""
    features = []
    for _, row in routes_to_draw(routes).iterrows():
        color = config.ROUTE_COLORS["forced" if row["kind"] in config.FORCED_ROUTE_KINDS else "migration"]
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
