"""Build the Plotly timeline: one lane per thread, markers for precise dates, bars for spans."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from . import config
from .escape import html_text
from .i18n import t, translator
from .labels import display_date

LANE_SLOTS = 5            # sub-rows of a lane in the compact chart (home page); the full chart: config limits
LANE_GAP, PLOT_PX = 1.4, 900  # the gap between lanes (in sub-rows); the plot's width assumed when keeping markers
                              # and labels apart (a narrow screen)
CONTEXT_ROW = 0.3             # the spacing of the thin lines of events that run across the whole window
MARKER_GAP_PX, LABEL_CHAR_PX = 16, 7.0   # markers closer than this on one sub-row would touch; a label's letters
CERTAINTY_SYMBOLS = {"certain": "circle", "approximate": "circle-open", "disputed": "diamond",
                     "claim": "square-open"}


HOVER_COLUMNS = ["date_label", "calendar", "date", "title", "place_name", "source_short", "locator", "certainty"]


def pack_slots(starts: list, ends: list, max_slots: int = LANE_SLOTS, gap=pd.Timedelta(days=75)) -> list[int]:
    """Greedy interval packing: give each (sorted) event the first sub-row where it does not collide."""
    slot_end: list = []
    slots = []
    for start, end in zip(starts, ends):
        for index, last in enumerate(slot_end):
            if start > last + gap:
                slot_end[index] = end
                slots.append(index)
                break
        else:
            if len(slot_end) < max_slots:
                slot_end.append(end)
                slots.append(len(slot_end) - 1)
            else:  # lane full: reuse the sub-row that frees first
                index = min(range(len(slot_end)), key=lambda i: slot_end[i])
                slot_end[index] = max(slot_end[index], end)
                slots.append(index)
    return slots


def pack_labelled(starts: list, ends: list, label_ends: list, max_slots: int, gap) -> tuple[list, list] | None:
    """Packing that keeps a sub-row free up to the end of an event's title where a sub-row has room (the event is
    then named), else up to the event's end; None if the lane would overflow (some events would touch)."""
    slot_end: list = []
    slots, named = [], []
    for start, end, label_end in zip(starts, ends, label_ends):
        for want, name in ((label_end, True), (end, False)):
            free = next((i for i, last in enumerate(slot_end) if start > last + gap), None)
            if free is None and len(slot_end) < max_slots:
                slot_end.append(want)
                free = len(slot_end) - 1
            if free is not None:
                slot_end[free] = want
                slots.append(free)
                named.append(name)
                break
        else:
            return None
    return slots, named


def room_for_labels(starts: list, slots: list[int], label_ends: list, gap, limit=pd.Timestamp.max) -> list[bool]:
    """An event is named on the chart when, on its sub-row, the next event starts after its label ends, and the
    label ends before `limit` (the chart's right edge)."""
    following: dict[int, list] = {}
    for index in sorted(range(len(starts)), key=lambda i: starts[i], reverse=True):
        following.setdefault(slots[index], []).append(index)
    room = [False] * len(starts)
    for row in following.values():
        row.reverse()  # in date order
        for here, after in zip(row, row[1:] + [None]):
            room[here] = label_ends[here] <= limit and (after is None or starts[after] > label_ends[here] + gap)
    return room


def short_title(title: str) -> str:
    """A title cut for a label on the chart (the hover has it whole)."""
    text = " ".join(str(title).split())
    limit = config.TIMELINE_LABEL_CHARS
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


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


@dataclass
class Lanes:
    """Where each thread's lane lies: the y of its top sub-row and of its centre, and the chart's height in rows."""
    top: dict
    centre: dict
    span: float
    row_px: int


def lanes_for(threads: list[str], rows: dict, row_px: int, context: dict | None = None) -> Lanes:
    """Lanes stacked from the bottom (the first thread on top), each as tall as its sub-rows and, under them,
    thin lines for its events that run across the whole window (`context`: how many)."""
    top, centre, y = {}, {}, 0.0
    for thread in reversed(threads):
        n = max(1, rows.get(thread, 1))
        below = CONTEXT_ROW * (context or {}).get(thread, 0)
        top[thread], centre[thread] = y + below + n - 1, y + (below + n - 1) / 2
        y += below + n - 1 + LANE_GAP
    return Lanes(top, centre, y - LANE_GAP, row_px)


def build_timeline(events: pd.DataFrame, eras: pd.DataFrame | None = None, *, lang: str,
                   year_from: int = config.YEAR_MIN, year_to: int = config.YEAR_MAX,
                   selected: str = "", compact: bool = False) -> go.Figure:
    """Events -> a Plotly figure; each marker carries its event_id in customdata (counts above the limit)."""
    present = set(events["thread"].unique())
    threads = [th for th in config.THREADS if th in present] or list(config.THREADS)
    fig = go.Figure()
    if is_aggregated(events):
        lanes = lanes_for(threads, {}, 40)
        _add_monthly_counts(fig, events, threads, lanes, lang)
    else:
        lanes = _add_events(fig, events, threads, lang, selected, compact, (year_from, year_to))
    _add_eras(fig, eras, compact)
    _apply_layout(fig, threads, lanes, lang, year_from, year_to, compact)
    return fig


def _add_monthly_counts(fig: go.Figure, events: pd.DataFrame, threads: list[str], lanes: Lanes, lang: str) -> None:
    mid = events["start"] + (events["end"] - events["start"]) / 2
    months = pd.DataFrame({"thread": events["thread"], "month": mid.dt.to_period("M").dt.to_timestamp()})
    counts = months.groupby(["thread", "month"]).size().reset_index(name="n")
    biggest = max(1, int(counts["n"].max()))
    for thread in threads:
        group = counts[counts["thread"] == thread]
        name = t(f"thread.{thread}", lang)
        fig.add_trace(go.Scatter(
            x=group["month"], y=[lanes.centre[thread]] * len(group), mode="markers", name=name,
            marker=dict(color=config.THREAD_COLORS[thread], opacity=0.75,
                        size=(6 + 22 * (group["n"] / biggest) ** 0.5).round(1)),
            hovertext=[_plain(t("timeline.month_count", lang, n=int(n), month=translator(lang).month(m), thread=name))
                       for m, n in zip(group["month"], group["n"])],
            hovertemplate="%{hovertext}<extra></extra>"))


def _place(points: pd.DataFrame, threads: list[str], compact: bool, window: tuple[int, int]) -> Lanes:
    """Sub-rows for every event, and which are named: markers keep MARKER_GAP_PX apart at the window's scale; in a
    lane with at most config.TIMELINE_LABEL_MAX events in the window, an event is named where its sub-row has
    room for the title. Zoomed in, events that run across the whole window (their marker outside it) are thin
    lines under their lane."""
    lo, hi = pd.Timestamp(window[0], 1, 1), pd.Timestamp(window[1], 12, 31)
    per_px, gap = (hi - lo) / PLOT_PX, (hi - lo) / PLOT_PX * MARKER_GAP_PX
    zoomed = not compact and window[1] - window[0] < config.TIMELINE_ZOOMED_YEARS
    max_rows = config.TIMELINE_MAX_ROWS if zoomed else LANE_SLOTS
    points["slot"], points["label"] = 0.0, ""
    # events running across the whole window whose marker (at the middle of their span) lies outside it
    across = zoomed & (points["start"] < lo) & (points["end"] > hi) & ((points["mid"] < lo) | (points["mid"] > hi))
    rows, context = {}, {}
    for thread, group in points[~across].groupby("thread", sort=False):
        group = group.sort_values("start")
        starts = list(group["start"])
        slots = pack_slots(starts, list(group["end"]), max_rows, gap)
        if not compact and ((group["end"] >= lo) & (group["start"] <= hi)).sum() <= config.TIMELINE_LABEL_MAX:
            titles = [short_title(title) for title in group["title"]]
            edge = hi + (hi - lo) * 0.02
            label_ends = [max(end, mid + per_px * (MARKER_GAP_PX + LABEL_CHAR_PX * len(text)))
                          for mid, end, text in zip(group["mid"], group["end"], titles)]
            # room for titles: up to three sub-rows more than the markers need, unless the lane would overflow
            usable = [e if e <= edge else end for e, end in zip(label_ends, group["end"])]
            packed = pack_labelled(starts, list(group["end"]), usable, min(max_rows, max(slots) + 3), gap)
            if packed is not None:
                slots, named = packed
                room = [ok and e <= edge for ok, e in zip(named, label_ends)]
            else:
                room = room_for_labels(starts, slots, label_ends, gap, limit=edge)
            points.loc[group.index, "label"] = [text if ok else "" for text, ok in zip(titles, room)]
        points.loc[group.index, "slot"] = slots
        rows[thread] = max(slots) + 1
    for thread, group in points[across].groupby("thread", sort=False):
        order = group.sort_values("start").index
        points.loc[order, "slot"] = [rows.get(thread, 1) - 1 + LANE_GAP / 2 + CONTEXT_ROW * k for k in range(len(order))]
        context[thread] = len(order)
    labels = bool((points["label"] != "").any())
    lanes = lanes_for(threads, rows, 16 if compact else (22 if labels else 15), context)
    points["y"] = [lanes.top[th] - slot for th, slot in zip(points["thread"], points["slot"])]
    points["across"] = across
    return lanes


def _add_events(fig: go.Figure, events: pd.DataFrame, threads: list[str], lang: str, selected: str,
                compact: bool, window: tuple[int, int]) -> Lanes:
    points = events.copy()
    points["mid"] = points["start"] + (points["end"] - points["start"]) / 2
    lanes = _place(points, threads, compact, window)
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
            wide = spans[spans["across"]]
            if not wide.empty:  # context: events running across the whole window, thin
                fig.add_trace(_segments(wide["start"], wide["end"], wide["y"], color, 3, 0.5, name))
            spans = spans[~spans["across"]]
            if not spans.empty:
                fig.add_trace(_segments(spans["start"], spans["end"], spans["y"], color, 7, 0.55, name))
        labelled = (group["label"] != "").any()
        fig.add_trace(go.Scatter(
            x=group["mid"], y=group["y"], mode="markers+text" if labelled else "markers", name=name,
            legendgroup=thread, text=[_plain(text) for text in group["label"]] if labelled else None,
            textposition="middle right", textfont=dict(size=12, color=config.TEXT_COLOR),
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
    return lanes


def _add_eras(fig: go.Figure, eras: pd.DataFrame | None, compact: bool) -> None:
    for index, (_, era) in enumerate((eras if eras is not None else pd.DataFrame()).iterrows()):
        fig.add_vrect(x0=era["start"], x1=era["end"], fillcolor=config.ERA_COLOR, opacity=0.10, line_width=0,
                      layer="below")
        if not compact:
            fig.add_annotation(x=era["start"] + (era["end"] - era["start"]) / 2, y=1.0 if index % 2 == 0 else 1.045,
                               yref="paper",  # alternate heights so labels of neighbouring eras never collide
                               text=_plain(era["label"]), showarrow=False, yanchor="bottom",
                               font=dict(size=12, color="#4a4336"))


def _apply_layout(fig: go.Figure, threads: list[str], lanes: Lanes, lang: str, year_from: int, year_to: int,
                  compact: bool) -> None:
    lo, hi = pd.Timestamp(year_from, 1, 1), pd.Timestamp(year_to, 12, 31)
    pad = (hi - lo) * 0.02
    top = 10 if compact else 56
    fig.update_layout(
        height=260 if compact else int(top + 40 + lanes.row_px * (lanes.span + 1.2)),
        margin=dict(l=10, r=10, t=top, b=10),
        plot_bgcolor=config.CHART_BACKGROUND, paper_bgcolor="rgba(0,0,0,0)",
        font=dict(size=13 if compact else 15, family="Source Sans Pro, sans-serif", color=config.TEXT_COLOR),
        showlegend=False, hovermode="closest", clickmode="event+select", dragmode="pan",
        hoverlabel=dict(font_size=15, bgcolor="#fffdf7", align="left"),
        xaxis=dict(range=[lo - pad, hi + pad], type="date", gridcolor=config.GRID_COLOR,
                   dtick="M12" if year_to - year_from < 12 else "M24", tickformat="%Y"),
        yaxis=dict(tickvals=[lanes.centre[th] for th in threads], ticktext=[t(f"thread.{th}", lang) for th in threads],
                   range=[-0.6, lanes.span + 0.6], gridcolor=config.GRID_COLOR, fixedrange=True, zeroline=False,
                   showgrid=False),
    )


def _segments(starts, ends, ys, color, width, opacity, name) -> go.Scatter:
    xs, yy = [], []
    for start, end, y in zip(starts, ends, ys):
        xs += [start, end, None]
        yy += [y, y, None]
    return go.Scatter(x=xs, y=yy, mode="lines", line=dict(color=color, width=width), opacity=opacity,
                      hoverinfo="skip", name=name, showlegend=False)
