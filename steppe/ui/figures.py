"""Plotly figures cached per view and data version: a class of 40 on one link builds each figure once."""
from __future__ import annotations

import streamlit as st

from ..filters import filter_events
from ..load import Atlas
from ..minimap import build_compact_map
from ..timeline import build_timeline
from ..urlstate import View, view_to_params, with_changes


def _key(atlas: Atlas, view: View, **extra) -> tuple:
    params = view_to_params(with_changes(view, story="", step=0))
    return (atlas.version, tuple(sorted((k, str(v)) for k, v in params.items())), tuple(sorted(extra.items())))


@st.cache_data(max_entries=256, show_spinner=False)
def _timeline(_atlas: Atlas, key: tuple, view: View, compact: bool) -> dict:
    events = filter_events(_atlas.events, view, _atlas.search)
    # a plain dict: unpickling a go.Figure from the cache re-runs Plotly's validation (~50 ms a session)
    return build_timeline(events, _atlas.eras, lang=view.lang, year_from=view.year_from, year_to=view.year_to,
                          selected=view.event, compact=compact).to_dict()


def timeline_figure(atlas: Atlas, view: View, compact: bool = False) -> dict:
    return _timeline(atlas, _key(atlas, view, compact=compact), view, compact)


@st.cache_data(max_entries=256, show_spinner=False)
def _compact_map(_atlas: Atlas, key: tuple, view: View) -> dict:
    return build_compact_map(filter_events(_atlas.events, view, _atlas.search), _atlas.outline, lang=view.lang).to_dict()


def compact_map_figure(atlas: Atlas, view: View) -> dict:
    return _compact_map(atlas, _key(atlas, view), view)
