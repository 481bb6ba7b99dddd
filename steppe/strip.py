"""The timeline strip of a story slide: the story's events along its span, the slide's date marked.

`strip_data` is the pure layout; `build_strip` draws it with Plotly for the app and `strip_svg` as inline SVG for
the offline handout (no plotly.js needed there)."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from . import config
from .escape import html_text

STRIP_HEIGHT = 86           # px: a strip, not a chart
MIN_PAD = pd.Timedelta(days=60)
FADED = 0.35


@dataclass(frozen=True)
class StripData:
    lo: pd.Timestamp          # the strip's left edge (the story's first date, padded)
    hi: pd.Timestamp          # its right edge
    points: tuple             # (event_id, mid, start, end, thread, title, date_label, current), in date order
    current: tuple | None     # the slide's event point; None on the title slide
    years: tuple              # the whole years inside [lo, hi], for ticks


def strip_data(story_events: pd.DataFrame, selected: str = "") -> StripData:
    """The story's events (any order) -> positions along the story's span; `selected` is the slide's event."""
    events = story_events.sort_values("start")
    lo, hi = events["start"].min(), events["end"].max()
    pad = max(MIN_PAD, (hi - lo) * 0.04)
    lo, hi = lo - pad, hi + pad
    points = tuple((row.event_id, row.start + (row.end - row.start) / 2, row.start, row.end, row.thread, row.title,
                    row.date_label, row.event_id == selected)
                   for row in events.itertuples(index=False))
    current = next((p for p in points if p[-1]), None)
    years = tuple(range(lo.year + (lo.month > 1 or lo.day > 1), hi.year + 1))
    return StripData(lo, hi, points, current, years)


def _plain(value) -> str:
    return html_text(value, quote=False)  # Plotly's hover labels


def build_strip(data: StripData, lang: str, large: bool = False) -> go.Figure:
    """A small Plotly strip: every event of the story faded on one line, the slide's event large with its span.
    `large`: year labels for a projector."""
    fig = go.Figure()
    others = [p for p in data.points if not p[-1]]
    fig.add_trace(go.Scatter(
        x=[p[1] for p in others], y=[0] * len(others), mode="markers", showlegend=False,
        marker=dict(size=11, color=[config.THREAD_COLORS.get(p[4], "#555") for p in others], opacity=FADED,
                    line=dict(width=1, color="#ffffff")),
        hovertext=[f"{_plain(p[6])}<br>{_plain(p[5])}" for p in others], hovertemplate="%{hovertext}<extra></extra>"))
    if data.current:
        _, mid, start, end, thread, title, label, _ = data.current
        color = config.THREAD_COLORS.get(thread, "#555")
        if end - start > pd.Timedelta(days=2):
            fig.add_shape(type="rect", x0=start, x1=end, y0=-0.32, y1=0.32, fillcolor=color, opacity=0.35, line_width=0)
        fig.add_vline(x=mid, line=dict(color=config.SELECTED_EDGE, width=2))
        fig.add_trace(go.Scatter(x=[mid], y=[0], mode="markers", showlegend=False,
                                 marker=dict(size=20, color=color, line=dict(width=3, color=config.SELECTED_EDGE)),
                                 hovertext=[f"{_plain(label)}<br>{_plain(title)}"],
                                 hovertemplate="%{hovertext}<extra></extra>"))
    fig.update_layout(
        height=STRIP_HEIGHT, margin=dict(l=12, r=12, t=6, b=26), showlegend=False, hovermode="closest",
        plot_bgcolor=config.CHART_BACKGROUND, paper_bgcolor="rgba(0,0,0,0)", dragmode=False,
        font=dict(size=14, family="Georgia, serif", color=config.TEXT_COLOR),
        xaxis=dict(range=[data.lo, data.hi], type="date", fixedrange=True, gridcolor=config.GRID_COLOR,
                   tickformat="%Y", dtick="M12" if len(data.years) <= 12 else "M24", ticklabelmode="instant",
                   tickfont=dict(size=18 if large else 14, color=config.TEXT_COLOR)),
        yaxis=dict(visible=False, range=[-1, 1], fixedrange=True))
    return fig


def strip_svg(data: StripData, width: int = 500, height: int = 64, title: str = "") -> str:
    """The same strip as inline SVG (the handout works without plotly.js). `title` is its accessible name."""
    left, right, axis_y = 10, width - 10, 26

    def x(day: pd.Timestamp) -> float:
        span = (data.hi - data.lo) / pd.Timedelta(days=1) or 1.0
        return round(left + (right - left) * ((day - data.lo) / pd.Timedelta(days=1)) / span, 1)

    parts = [f'<svg class="strip" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" role="img" aria-label="{html_text(title)}">',
             f'<line x1="{left}" y1="{axis_y}" x2="{right}" y2="{axis_y}" stroke="{config.BORDER_COLOR}" '
             'stroke-width="1.5"/>']
    step = 1 if len(data.years) <= 12 else 2
    for year in data.years[::step]:
        tick = x(pd.Timestamp(year, 1, 1))
        parts.append(f'<line x1="{tick}" y1="{axis_y - 4}" x2="{tick}" y2="{axis_y + 4}" stroke="{config.BORDER_COLOR}"/>'
                     f'<text x="{tick}" y="{height - 6}" font-size="12" text-anchor="middle" '
                     f'fill="{config.TEXT_COLOR}">{year}</text>')
    for event_id, mid, start, end, thread, title_text, label, current in data.points:
        if current:
            continue
        parts.append(f'<circle cx="{x(mid)}" cy="{axis_y}" r="5" fill="{config.THREAD_COLORS.get(thread, "#555")}" '
                     f'fill-opacity="{FADED}"><title>{html_text(label)}: {html_text(title_text)}</title></circle>')
    if data.current:
        _, mid, start, end, thread, title_text, label, _ = data.current
        color = config.THREAD_COLORS.get(thread, "#555")
        if end - start > pd.Timedelta(days=2):
            parts.append(f'<rect x="{x(start)}" y="{axis_y - 7}" width="{max(1.0, x(end) - x(start))}" height="14" '
                         f'fill="{color}" fill-opacity="0.35"/>')
        parts.append(f'<line x1="{x(mid)}" y1="4" x2="{x(mid)}" y2="{axis_y + 10}" stroke="{config.SELECTED_EDGE}" '
                     f'stroke-width="2"/><circle cx="{x(mid)}" cy="{axis_y}" r="8" fill="{color}" '
                     f'stroke="{config.SELECTED_EDGE}" stroke-width="2.5"><title>{html_text(label)}: '
                     f'{html_text(title_text)}</title></circle>')
    parts.append("</svg>")
    return "".join(parts)
