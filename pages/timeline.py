import streamlit as st

from steppe import ui
from steppe.filters import filter_events
from steppe.i18n import t
from steppe.timeline import is_aggregated

atlas, view = ui.page_context()
lang = view.lang
ui.page_header("timeline.title", "timeline.lead", lang)
events = filter_events(atlas.events, view)
st.caption(t("timeline.count", lang, n=len(events)) + " · " + t("timeline.symbols", lang))
if events.empty:
    st.warning(t("timeline.empty", lang))
else:
    if is_aggregated(events):
        st.info(t("timeline.aggregated", lang, n=len(events)), icon=":material/stacked_bar_chart:")
    fig = ui.timeline_figure(atlas, view)
    state = st.plotly_chart(fig, key="timeline", on_select="rerun", selection_mode="points",
                            config={"displaylogo": False, "scrollZoom": False})
    clicked = ui.clicked_event(state)
    if clicked and clicked != view.event:
        view = ui.select_event(view, clicked)
        st.rerun()
ui.render_event_detail(atlas, view, on_page="timeline")
