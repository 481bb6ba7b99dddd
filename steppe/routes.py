"""Routes on the map: schematic lines between documented places or region outlines, coloured by how people moved,
dashed by how certain the movement is, width by volume, an arrowhead, a tooltip.

An end on a region's outline is not a place: where the source gives no place there (`origin_unspecified`,
`destination_unspecified`), the arrowhead is hollow and its tooltip says "destination unspecified: <label>"."""
from __future__ import annotations

import math

import pandas as pd

from . import config
from .escape import html_text
from .i18n import t
from .model import parse_figures, split_ids

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


def _flag(value) -> bool:
    return str(value).strip().lower() in ("true", "1")


def route_color(kind: str) -> str:
    """Migration, relocation/recall, or forced (deportation, exile, escort): never relocation in migration's colour."""
    return config.ROUTE_COLORS[config.ROUTE_GROUPS.get(str(kind), "migration")]


def route_dash(certainty: str, schematic) -> str | None:
    """Dashes by certainty for schematic lines (all the atlas has); a traced path, if one is ever added, is solid."""
    if not _flag(schematic):
        return None
    return config.ROUTE_DASHES.get(str(certainty), config.ROUTE_DASHES["approximate"])


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


def end_text(row, side: str, lang: str) -> str:
    """One end in words: the place, or 'destination unspecified: <label>' on a region's outline."""
    label = str(row.get(f"{side}_label") or "")
    unspecified = _flag(row.get("origin_unspecified" if side == "from" else "destination_unspecified"))
    if unspecified:
        return t(f"route.{side}_unspecified", lang, label=label)
    if str(row.get(f"{side}_region_id") or ""):
        return t(f"route.{side}_region", lang, label=label)
    return label


def route_tooltip(row, sources_short: dict, lang: str, people: dict | None = None) -> str:
    """Route tooltip, every data text escaped: kind and certainty, who (and the people's names), when, from and to,
    figures, source and locator, the note; schematic routes say so."""
    figures = parse_figures(row.get("figures", ""))
    figure_text = ", ".join(f"{html_text(k.replace('_', ' '))}: {v:,}" for k, v in figures.items())
    kind = t("route.kind." + str(row["kind"]), lang)
    certainty = t("certainty." + str(row.get("certainty") or "approximate"), lang)
    parts = [f"<b>{html_text(kind)}</b> ({html_text(certainty)}): {html_text(row.get('who', ''))}"]
    names = [(people or {}).get(pid, pid) for pid in split_ids(str(row.get("people") or ""))]
    if names:
        parts.append(f"{html_text(t('route.people', lang))}: {html_text(', '.join(names))}")
    parts.append(html_text(row.get("date_label") or row.get("date", "")))
    parts.append(f"{html_text(t('route.from', lang))}: {html_text(end_text(row, 'from', lang))}")
    parts.append(f"{html_text(t('route.to', lang))}: {html_text(end_text(row, 'to', lang))}")
    if figure_text:
        parts.append(figure_text)
    parts.append(f"{html_text(sources_short.get(row['source_id'], row['source_id']))}, {html_text(row.get('locator', ''))}")
    if str(row.get("note") or "").strip():
        parts.append(f"<small>{html_text(row['note'])}</small>")
    if _flag(row.get("schematic", "")):
        parts.append(f"<i>{html_text(t('map.schematic', lang))}</i>")
    return "<br>".join(parts)


def head_tooltip(row, lang: str) -> str:
    """The arrowhead's tooltip: where the route ends (a region end says the destination is not given)."""
    kind = t("route.kind." + str(row["kind"]), lang)
    return f"<b>{html_text(kind)}</b>: {html_text(row.get('who', ''))}<br>{html_text(end_text(row, 'to', lang))}"


def routes_to_draw(routes: pd.DataFrame) -> pd.DataFrame:
    """At most config.MAX_MAP_ROUTES routes: those with the largest volume the sources give, then the earliest."""
    if len(routes) <= config.MAX_MAP_ROUTES:
        return routes
    volume = routes["figures"].astype(str).map(lambda f: (route_volume(f) or ("", 0))[1])
    return routes.assign(_volume=volume).sort_values(["_volume", "start"], ascending=[False, True]).head(
        config.MAX_MAP_ROUTES).drop(columns="_volume")


def route_features(row, sources_short: dict, lang: str, people: dict | None = None) -> list[dict]:
    """One route as GeoJSON features: each line and an arrowhead at its end (hollow where the destination is a
    region's outline and no place is given; a small open ring at a start on an outline with no place given)."""
    color = route_color(row["kind"])
    line_style = {"color": color, "weight": route_weight(str(row.get("figures", ""))), "opacity": 0.9,
                  "dashArray": route_dash(row.get("certainty"), row.get("schematic")), "lineCap": "round"}
    open_end = _flag(row.get("destination_unspecified"))
    head_style = {"color": color, "weight": 2 if open_end else 1, "fillColor": "#ffffff" if open_end else color,
                  "fillOpacity": 0.95, "opacity": 0.95}
    tip, head_tip = route_tooltip(row, sources_short, lang, people), head_tooltip(row, lang)
    features = []
    for line in row["coords"]:
        features.append({"type": "Feature", "properties": {"tip": tip, "style": line_style},
                         "geometry": {"type": "LineString", "coordinates": [[lon, lat] for lat, lon in line]}})
        head = arrowhead(line[-2], line[-1])
        features.append({"type": "Feature", "properties": {"tip": head_tip, "style": head_style},
                         "geometry": {"type": "Polygon",
                                      "coordinates": [[[lon, lat] for lat, lon in head + [head[0]]]]}})
    if row["coords"] and _flag(row.get("origin_unspecified")):
        lat, lon = row["coords"][0][0]
        start_tip = f"{html_text(t('route.from', lang))}: {html_text(end_text(row, 'from', lang))}"
        features.append({"type": "Feature", "properties": {"tip": start_tip, "start": True,
                                                           "style": {**head_style, "fillColor": "#ffffff",
                                                                     "radius": 5, "weight": 2}},
                         "geometry": {"type": "Point", "coordinates": [lon, lat]}})
    return features


def route_feature_collection(routes: pd.DataFrame, sources_short: dict, lang: str,
                             people: dict | None = None) -> dict:
    """The routes to draw (see routes_to_draw) as one GeoJSON FeatureCollection."""
    features = []
    for _, row in routes_to_draw(routes).iterrows():
        features += route_features(row, sources_short, lang, people)
    return {"type": "FeatureCollection", "features": features}
