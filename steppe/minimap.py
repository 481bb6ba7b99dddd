"""The home page's small map, drawn with Plotly (no iframe, no Leaflet), and the outlines it needs."""
from __future__ import annotations

import math

import pandas as pd

from . import config
from .escape import html_text
from .i18n import t
from .markers import marker_positions


def outline_xy(shapes, tolerance: float = 0.08) -> tuple[list, list]:
    """Country outlines (shapely polygons) as one line trace (None between rings), simplified for a small picture."""
    xs: list = []
    ys: list = []
    for shape in shapes:
        shape = shape.simplify(tolerance)
        polygons = [shape] if shape.geom_type == "Polygon" else list(getattr(shape, "geoms", []))
        for polygon in polygons:
            ring = polygon.exterior.coords
            xs += [round(x, 2) for x, _ in ring] + [None]
            ys += [round(y, 2) for _, y in ring] + [None]
    return xs, ys


def build_compact_map(events: pd.DataFrame, outline: tuple[list, list], *, lang: str, height: int = 320):
    """A small map for the home page drawn with Plotly (no iframe, no Leaflet): modern outlines (from
    outline_xy) for orientation and one circle per place and thread. The full map is on the Map page."""
    import plotly.graph_objects as go

    fig = go.Figure()
    xs, ys = outline
    fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", line=dict(color=config.BORDER_COLOR, width=0.8), hoverinfo="skip",
                             fill="toself", fillcolor=config.LAND_COLOR, name=t("map.layer.countries", lang)))
    markers = marker_positions(events, lang)
    for thread in config.THREADS:
        group = markers[markers["thread"] == thread]
        if group.empty:
            continue
        fig.add_trace(go.Scatter(
            x=group["lon"], y=group["lat"], mode="markers", name=t(f"thread.{thread}", lang),
            marker=dict(color=config.THREAD_COLORS[thread], size=(5 + 2.2 * group["count"] ** 0.5).clip(upper=22),
                        line=dict(color="#ffffff", width=1), opacity=0.9),
            hovertext=[html_text(tip, quote=False) for tip in group["tip"]],  # Plotly: escaped once, quotes as is
            hovertemplate="%{hovertext}<extra></extra>"))
    (lat0, lon0), (lat1, lon1) = config.MAP_BOUNDS
    fig.update_layout(
        height=height, margin=dict(l=0, r=0, t=0, b=0), showlegend=False, dragmode=False,
        plot_bgcolor=config.WATER_COLOR, paper_bgcolor="rgba(0,0,0,0)", hoverlabel=dict(bgcolor="#fffdf7"),
        xaxis=dict(range=[lon0, lon1], visible=False, fixedrange=True),
        # one degree of latitude is longer on the ground than one of longitude at 45 N: keep shapes true
        yaxis=dict(range=[lat0, lat1], visible=False, fixedrange=True, scaleanchor="x",
                   scaleratio=1 / math.cos(math.radians(45))))
    return fig
