"""Facets with counts (as datasette shows them): for the filtered events, how many have each thread, person,
place, source, certainty and event type; each value is a view that adds (or, when set, removes) that filter.
And the events per year of the filtered set. Pure."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from . import config
from .i18n import t
from .urlstate import View, with_changes

# facet name (= filter name, filters.<name> in the catalogue) -> (View attribute, the event columns it counts;
# ;-separated id lists are split, and an event counts once per value)
FACETS = {
    "threads": ("threads", ("thread",)),
    "people": ("people", ("people",)),
    "places": ("places", ("place_id", "other_place_ids")),
    "sources": ("sources", ("source_id",)),
    "certainties": ("certainties", ("certainty",)),
    "event_types": ("event_types", ("event_type",)),
}


def value_counts(events: pd.DataFrame, columns: tuple[str, ...]) -> Counter:
    """How many events have each value in these columns (vectorised: the Explore page may hold 100,000 events)."""
    if events.empty:
        return Counter()
    cells = events[columns[0]].astype(str)
    for column in columns[1:]:
        cells = cells + ";" + events[column].astype(str)
    values = cells.str.split(";").explode().str.strip()
    values = values[values != ""]
    pairs = pd.DataFrame({"event": values.index, "value": values.values}).drop_duplicates()
    return Counter(pairs["value"].value_counts().to_dict())


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool
    view: View            # the view a click opens: this value added to the filter, or removed when selected


def labels(atlas, lang: str) -> dict[str, dict]:
    """facet -> {value: label}: names instead of ids."""
    return {"threads": {th: t(f"thread.{th}", lang) for th in config.THREADS},
            "people": dict(zip(atlas.people["person_id"], atlas.people["name"])),
            "places": dict(zip(atlas.places["place_id"], atlas.places["period_name"])),
            "sources": dict(zip(atlas.sources["source_id"], atlas.sources["short"])),
            "certainties": {c: t(f"certainty.{c}", lang) for c in config.CERTAINTIES},
            "event_types": {e: e for e in config.EVENT_TYPES}}


def facet_counts(events: pd.DataFrame, atlas, view: View, limit: int = 8) -> dict[str, list[FacetValue]]:
    """facet -> its values among the events, most frequent first (the selected ones always shown)."""
    names = labels(atlas, view.lang)
    events = events.reset_index(drop=True)
    out = {}
    for facet, (attr, columns) in FACETS.items():
        counts = value_counts(events, columns)
        chosen = getattr(view, attr)
        top = [v for v, _ in sorted(counts.items(), key=lambda kv: (-kv[1], names[facet].get(kv[0], kv[0])))]
        shown = list(dict.fromkeys([*chosen, *top[:limit]]))
        out[facet] = [FacetValue(v, names[facet].get(v, v), counts.get(v, 0), v in chosen,
                                 with_changes(view, event="", **{attr: tuple(x for x in chosen if x != v)
                                                                 if v in chosen else (*chosen, v)}))
                      for v in shown]
    return out


def events_per_year(events: pd.DataFrame) -> pd.Series:
    """Number of events by the year they start (EDTF start), every year of the atlas, zeros included."""
    years = events["start"].dt.year.value_counts() if len(events) else pd.Series(dtype=int)
    index = range(config.YEAR_MIN, config.YEAR_MAX + 1)
    return pd.Series([int(years.get(y, 0)) for y in index], index=list(index), name="events")


def year_histogram(events: pd.DataFrame, lang: str) -> go.Figure:
    """A small bar chart of events per year (by the year each starts)."""
    counts = events_per_year(events)
    fig = go.Figure(go.Bar(x=[str(y) for y in counts.index], y=counts.values, marker_color=config.ERA_COLOR,
                           hovertemplate="%{x}: %{y}<extra></extra>"))
    fig.update_layout(height=180, margin=dict(l=40, r=10, t=10, b=30), plot_bgcolor=config.CHART_BACKGROUND,
                      paper_bgcolor=config.CHART_BACKGROUND, font=dict(color=config.TEXT_COLOR),
                      yaxis=dict(title=t("facet.per_year_axis", lang), gridcolor=config.GRID_COLOR),
                      xaxis=dict(type="category"), bargap=0.15)
    return fig
