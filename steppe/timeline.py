"""Build the Plotly timeline: one lane per thread, markers for precise dates, bars for spans."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from . import config
from .escape import html_text
from .i18n import t, translator
from .labels import display_date

LANE_SLOTS = 5            # events that overlap in one lane are spread over this many sub-rows
LANE_SPREAD = 0.36        # half-height of a lane used by the sub-rows (lanes are 1.0 apart)
MIN_GAP = pd.Timedelta(days=75)  # closer than this on one sub-row and two markers would touch
CERTAINTY_SYMBOLS = {"certain": "circle", "approximate": "circle-open", "disputed": "diamond",
                     "claim": "square-open"}


HOVER_COLUMNS = ["date_label", "calendar", "date", "title", "place_name", "source_short", "locator", "certainty"]


def pack_slots(starts: list[pd.Timestamp], ends: list[pd.Timestamp]) -> list[int]:
    """Greedy interval packing: give each (sorted) event the first sub-row where it does not collide."""
    slot_end: list[pd.Timestamp] = []
    slots = []
    for start, end in zip(starts, ends):
        for index, last in enumerate(slot_end):
            if start > last + MIN_GAP:
                slot_end[index] = end
                slots.append(index)
                break
        else:
            if len(slot_end) < LANE_SLOTS:
                slot_end.append(end)
                slots.append(len(slot_end) - 1)
            else:  # lane full: reuse the sub-row that frees first
                index = min(range(len(slot_end)), key=lambda i: slot_end[i])
                slot_end[index] = max(slot_end[index], end)
                slots.append(index)
    return slots


def slot_offset(slot: int) -> float:
    """0 -> 0, 1 -> +d, 2 -> -d, 3 -> +2d, ... within +-LANE_SPREAD."""
    step = LANE_SPREAD / ((LANE_SLOTS - 1) / 2)
    return ((slot + 1) // 2) * step * (1 if slot % 2 else -1)


def _plain(value) -> str:
    return html_text(value, quote=False)  # Plotly's hover labels: tags neutralised, quotes left as they are


def hover_text(row, lang: str) -> str:
    """The hover box: date (both calendars for Old Style), title, place, short source and locator, escaped once."""
    tr = translator(lang)
    lines = [f"<b>{_plain(row['title'])}</b>",
             _plain(display_date(row["date_label"], row["date"], row["calendar"], tr))]
    if row["place_name"]:
        lines.append(_plain(row["place_name"]))
    lines.append(f"{_plain(row['source_short'])}, {_plain(row['locator'])}")
    lines.append(_plain(tr(f"certainty.{row['certainty']}")))
    return "<br>".join(lines)


def is_aggregated(events: pd.DataFrame) -> bool:
    """True when the timeline shows counts per month instead of single events."""
    return len(events) > config.MAX_TIMELINE_EVENTS


def build_timeline(events: pd.DataFrame, eras: pd.DataFrame | None = None, *, lang: str,
                   year_from: int = config.YEAR_MIN, year_to: int = config.YEAR_MAX,
                   selected: str = "", compact: bool = False) -> go.Figure:
    """Events -> a Plotly figure; each marker carries its event_id in customdata (counts above the limit)."""
    present = set(events["thread"].unique())
    threads = [th for th in config.THREADS if th in present] or list(config.THREADS)
    lane = {th: i for i, th in enumerate(reversed(threads))}
    fig = go.Figure()
    if is_aggregated(events):
        _add_monthly_counts(fig, events, threads, lane, lang)
    else:
        _add_events(fig, events, threads, lane, lang, selected, compact)
    _add_eras(fig, eras, compact)
    _apply_layout(fig, threads, lane, lang, year_from, year_to, compact)
    return fig


def _add_monthly_counts(fig: go.Figure, events: pd.DataFrame, threads: list[str], lane: dict, lang: str) -> None:
    mid = events["start"] + (events["end"] - events["start"]) / 2
    months = pd.DataFrame({"thread": events["thread"], "month": mid.dt.to_period("M").dt.to_timestamp()})
    counts = months.groupby(["thread", "month"]).size().reset_index(name="n")
    biggest = max(1, int(counts["n"].max()))
    for thread in threads:
        group = counts[counts["thread"] == thread]
        name = t(f"thread.{thread}", lang)
        fig.add_trace(go.Scatter(
            x=group["month"], y=[lane[thread]] * len(group), mode="markers", name=name,
            marker=dict(color=config.THREAD_COLORS[thread], opacity=0.75,
                        size=(6 + 22 * (group["n"] / biggest) ** 0.5).round(1)),
            hovertext=[_plain(t("timeline.month_count", lang, n=int(n), month=translator(lang).month(m), thread=name))
                       for m, n in zip(group["month"], group["n"])],
            hovertemplate="%{hovertext}<extra></extra>"))


def _add_events(fig: go.Figure, events: pd.DataFrame, threads: list[str], lane: dict, lang: str, selected: str,
                compact: bool) -> None:
    points = events.copy()
    points["mid"] = points["start"] + (points["end"] - points["start"]) / 2
    points["y"] = 0.0
    for thread, group in points.groupby("thread", sort=False):
        group = group.sort_values("start")
        slots = pack_slots(list(group["start"]), list(group["end"]))
        points.loc[group.index, "y"] = [lane[thread] + slot_offset(s) for s in slots]

    for thread in threads:
        group = points[points["thread"] == thread]
        color = config.THREAD_COLORS[thread]
        name = t(f"thread.{thread}", lang)
        fuzzy = group[group["qualified"]]
        spans = group[~group["precision"].isin(["day", "month"])]
        if not fuzzy.empty:
            fig.add_trace(_segments(fuzzy["fuzzy_start"], fuzzy["fuzzy_end"], fuzzy["y"], color, 12, 0.18,
                                    f"{name}: {t('timeline.fuzzy', lang)}"))
        if not spans.empty:
            fig.add_trace(_segments(spans["start"], spans["end"], spans["y"], color, 7, 0.55, name))
        fig.add_trace(go.Scatter(
            x=group["mid"], y=group["y"], mode="markers", name=name, legendgroup=thread,
            marker=dict(color=color, size=9 if compact else 12, line=dict(width=1.5, color=color),
                        symbol=[CERTAINTY_SYMBOLS[c] for c in group["certainty"]]),
            customdata=group[["event_id"]].to_numpy(),
            hovertext=[hover_text(row, lang) for row in group[HOVER_COLUMNS].to_dict("records")],
            hovertemplate="%{hovertext}<extra></extra>"))

    if selected and (points["event_id"] == selected).any():
        row = points[points["event_id"] == selected].iloc[0]
        fig.add_trace(go.Scatter(x=[row["mid"]], y=[row["y"]], mode="markers", name=t("timeline.selected", lang),
                                 marker=dict(size=24, color="rgba(0,0,0,0)", line=dict(width=3, color="#111")),
                                 hoverinfo="skip", showlegend=False))


def _add_eras(fig: go.Figure, eras: pd.DataFrame | None, compact: bool) -> None:
    for index, (_, era) in enumerate((eras if eras is not None else pd.DataFrame()).iterrows()):
        fig.add_vrect(x0=era["start"], x1=era["end"], fillcolor=config.ERA_COLOR, opacity=0.10, line_width=0,
                      layer="below")
        if not compact:
            fig.add_annotation(x=era["start"] + (era["end"] - era["start"]) / 2, y=1.0 if index % 2 == 0 else 1.045,
                               yref="paper",  # alternate heights so labels of neighbouring eras never collide
                               text=_plain(era["label"]), showarrow=False, yanchor="bottom",
                               font=dict(size=12, color="#4a4336"))


def _apply_layout(fig: go.Figure, threads: list[str], lane: dict, lang: str, year_from: int, year_to: int,
                  compact: bool) -> None:
    lo, hi = pd.Timestamp(year_from, 1, 1), pd.Timestamp(year_to, 12, 31)
    pad = (hi - lo) * 0.02
    fig.update_layout(
        height=260 if compact else 140 + 70 * len(threads),
        margin=dict(l=10, r=10, t=10 if compact else 56, b=10),
        plot_bgcolor=config.CHART_BACKGROUND, paper_bgcolor="rgba(0,0,0,0)",
        font=dict(size=13 if compact else 15, family="Source Sans Pro, sans-serif", color=config.TEXT_COLOR),
        showlegend=False, hovermode="closest", clickmode="event+select", dragmode="pan",
        hoverlabel=dict(font_size=15, bgcolor="#fffdf7", align="left"),
        xaxis=dict(range=[lo - pad, hi + pad], type="date", gridcolor=config.GRID_COLOR, dtick="M12" if year_to - year_from < 12 else "M24",
                   tickformat="%Y"),
        yaxis=dict(tickvals=list(lane.values()), ticktext=[t(f"thread.{th}", lang) for th in lane],
                   range=[-0.6, len(threads) - 0.4], gridcolor=config.GRID_COLOR, fixedrange=True, zeroline=False),
    )


def _segments(starts, ends, ys, color, width, opacity, name) -> go.Scatter:
    xs, yy = [], []
    for start, end, y in zip(starts, ends, ys):
        xs += [start, end, None]
        yy += [y, y, None]
    return go.Scatter(x=xs, y=yy, mode="lines", line=dict(color=color, width=width), opacity=opacity,
                      hoverinfo="skip", name=name, showlegend=False)
