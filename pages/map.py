import streamlit as st
from streamlit_folium import st_folium

from steppe import config, ui
from steppe.filters import filter_events
from steppe.i18n import t
from steppe.maps import MAX_MAP_ROUTES, find_marker

atlas, view = ui.page_context()
lang = view.lang
ui.page_header("map.title", "map.lead", lang)

playing = st.session_state.get("_playing", False)
col_play, col_reset, _ = st.columns([1, 1.3, 4], vertical_alignment="center")
if col_play.button(t("map.pause" if playing else "map.play", lang), key="play",
                   icon=":material/pause:" if playing else ":material/play_arrow:", width="stretch"):
    st.session_state["_playing"] = not playing
    if not playing and view.year_to >= config.YEAR_MAX:  # start from the beginning, one year at a time
        ui.write_view(ui.with_changes(view, year_from=config.YEAR_MIN, year_to=config.YEAR_MIN))
    st.rerun()
if col_reset.button(t("map.reset", lang), key="reset-years", icon=":material/restart_alt:", width="stretch"):
    st.session_state["_playing"] = False
    ui.write_view(ui.with_changes(view, year_from=config.YEAR_MIN, year_to=config.YEAR_MAX))
    st.rerun()


@st.fragment(run_every=1.0 if playing else None)
def map_panel() -> None:
    current = st.session_state.get("_view", view)
    if st.session_state.get("_playing"):
        current = ui.play_step(current)
    st.markdown(t("map.playing" if st.session_state.get("_playing") else "map.window", lang,
                  start=current.year_from, end=current.year_to))
    layers = ui.map_layers(atlas, current)
    if layers.markers["place_id"].str.startswith("cell:").any():
        st.info(t("map.aggregated", lang, n=layers.events["place_id"].nunique()), icon=":material/grid_on:")
    result = st_folium(layers.fmap, key="map", height=620, use_container_width=True, render=False,
                       returned_objects=["last_object_clicked", "last_object_clicked_tooltip"])
    if len(layers.routes) > MAX_MAP_ROUTES:
        st.caption(t("map.routes_capped", lang, shown=MAX_MAP_ROUTES, total=len(layers.routes)))
    unplaced = len(layers.events) - int(layers.events["lat"].notna().sum())
    if unplaced:
        st.caption(t("map.unplaced", lang, n=unplaced, total=len(layers.events)))
    click = (result or {}).get("last_object_clicked") or {}
    marker = find_marker(layers.markers, click.get("lat"), click.get("lng"),
                         (result or {}).get("last_object_clicked_tooltip"))
    if marker is not None and marker["event_ids"] and current.event not in marker["event_ids"]:
        ui.select_event(current, marker["event_ids"][0])
        st.rerun()


map_panel()
ui.render_map_legend(lang)
ui.render_event_detail(atlas, st.session_state.get("_view", view), on_page="map")
