"""The Map page's map: Play/Pause/Reset, the folium map in its iframe, and a click that selects an event."""
from __future__ import annotations

import streamlit as st
from streamlit_folium import st_folium

from .. import config
from ..i18n import t
from ..layers import map_layers
from ..load import Atlas
from ..markers import find_marker
from . import overlay, state


def play_controls(lang: str) -> None:
    # return values, not on_click callbacks: a session that a server restart just created has no callbacks
    # registered yet, so a callback button's first click after a reconnect would be lost
    playing = state.is_playing()
    col_play, col_reset, _ = st.columns([1, 1.3, 4], vertical_alignment="center")
    if col_play.button(t("map.pause" if playing else "map.play", lang), key="play", width="stretch",
                       icon=":material/pause:" if playing else ":material/play_arrow:"):
        state.toggle_play()
        st.rerun()
    if col_reset.button(t("map.reset", lang), key="reset-years", icon=":material/restart_alt:", width="stretch"):
        state.stop_and_reset_years()
        st.rerun()


def map_panel(atlas: Atlas, lang: str) -> None:
    """Re-run on its own (a fragment) once a second while playing; a click on a marker selects its first event."""

    @st.fragment(run_every=1.0 if state.is_playing() else None)
    def panel() -> None:
        current = state.play_tick() if state.is_playing() else state.view()
        st.markdown(t("map.playing" if state.is_playing() else "map.window", lang,
                      start=str(current.year_from), end=str(current.year_to)))
        layers = map_layers(atlas, current)
        overlay.on_map(atlas, current, layers.fmap)   # a researcher's own events, this session only
        if layers.aggregated:
            st.info(t("map.aggregated", lang, n=layers.events["place_id"].nunique()), icon=":material/grid_on:")
        result = st_folium(layers.fmap, key="map", height=620, use_container_width=True, render=False,
                           returned_objects=["last_object_clicked", "last_object_clicked_tooltip"]) or {}
        if len(layers.routes) > config.MAX_MAP_ROUTES:
            st.caption(t("map.routes_capped", lang, shown=config.MAX_MAP_ROUTES, total=len(layers.routes)))
        if layers.unplaced:
            st.caption(t("map.unplaced", lang, n=layers.unplaced, total=len(layers.events)))
        click = result.get("last_object_clicked") or {}
        marker = find_marker(layers.markers, click.get("lat"), click.get("lng"), result.get("last_object_clicked_tooltip"))
        if marker is not None and marker["event_ids"] and current.event not in marker["event_ids"]:
            state.select_event(marker["event_ids"][0])
            st.rerun()

    panel()
