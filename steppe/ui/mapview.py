"""The Map page's map: the basemap in its frame with the view's layers on top, and what the map reports.

The basemap's script is the same for every view, so streamlit-folium keeps one map: a new view, a chosen event
or the end of Play only swaps the layers on top (feature_group_to_add) and moves the map to the chosen place.
Play runs in the browser (static/atlas-map.js); the app hears only where it stopped."""
from __future__ import annotations

import streamlit as st
from streamlit_folium import st_folium

from .. import config
from ..i18n import t, translator
from ..basemap import legend_html
from ..escape import html_text
from ..layers import map_layers
from ..maps import legend_entries
from ..load import Atlas
from ..mapactions import read_action
from . import overlay, state

MAP_HEIGHT = 620
FOCUS_ZOOM = 6  # a chosen event's place, with its surroundings


def map_panel(atlas: Atlas, lang: str):
    """The years and the regions' date, Reset years, then the map and beside it the legend and a place for the
    event detail (returned, for the page to fill). An event chosen in a popup, or the year where Play stopped,
    goes through `state`."""
    current = state.view()
    layers = map_layers(atlas, current, height=MAP_HEIGHT)
    date = t("map.regions_on", lang, date=translator(lang).date(layers.date.date(), "long"))
    top = st.columns([5, 1.3], vertical_alignment="center")
    years = str(current.year_from) if current.year_from == current.year_to else f"{current.year_from}–{current.year_to}"
    top[0].markdown(t("map.window_regions", lang, years=years, regions=date))
    if top[1].button(t("map.reset", lang), key="reset-years", icon=":material/restart_alt:", width="stretch"):
        state.reset_years()
        st.rerun()
    if layers.aggregated:
        st.info(t("map.aggregated", lang, n=layers.events["place_id"].nunique()), icon=":material/grid_on:")
    groups = list(layers.groups)
    own = overlay.map_group(atlas, current)   # a researcher's own events, this session only
    if own is not None:
        groups.append(own)
    left, right = st.columns([2.6, 1], gap="medium")
    with left:
        result = st_folium(layers.fmap, key="map", height=MAP_HEIGHT, use_container_width=True, render=False,
                           returned_objects=[], feature_group_to_add=groups,
                           layer_control=layers.control, center=layers.focus,
                           zoom=FOCUS_ZOOM if layers.focus else None)
        notes = [t("map.play_help", lang)]
        if len(layers.routes) > config.MAX_MAP_ROUTES:
            notes.append(t("map.routes_capped", lang, shown=config.MAX_MAP_ROUTES, total=len(layers.routes)))
        if layers.unplaced:
            notes.append(t("map.unplaced", lang, n=layers.unplaced, total=len(layers.events)))
        st.caption("  \n".join(notes))
    with right:
        # the legend beside the map; folded to one line while an event is read, so that its detail stays in view
        legend = f'<div class="atlas-legend">{legend_html(legend_entries(lang), lang)}</div>'
        if current.event:
            with st.expander(t("map.legend", lang), expanded=False):
                st.markdown(legend, unsafe_allow_html=True)
        else:
            st.markdown(f'<p class="atlas-legend-title">{html_text(t("map.legend", lang))}</p>{legend}',
                        unsafe_allow_html=True)
        detail = st.container()
    if state.apply_map_action(read_action(result, atlas.known.events)):
        st.rerun()
    return detail

