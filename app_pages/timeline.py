import streamlit as st

from steppe.filters import filter_events
from steppe.i18n import t
from steppe.timeline import is_aggregated
from steppe.ui import figures, overlay, panels, state
from steppe.ui.context import page_context


def clicked_event(chart_state) -> str:
    """The event_id of the point clicked on the chart (customdata[0]), or ''."""
    for point in getattr(getattr(chart_state, "selection", None), "points", None) or []:
        custom = point.get("customdata")
        if custom:
            return str(custom[0])
    return ""


atlas, view = page_context()
lang = view.lang
panels.page_header("timeline.title", "timeline.lead", lang)
events = filter_events(atlas.events, view, atlas.search)
st.caption(t("timeline.count", lang, n=len(events)) + " · " + t("timeline.symbols", lang) + "  \n"
           + t("timeline.zoom_hint", lang))
if events.empty:
    panels.no_events(view, "timeline")
else:
    if is_aggregated(events):
        st.info(t("timeline.aggregated", lang, n=len(events)), icon=":material/stacked_bar_chart:")
    chart = st.plotly_chart(overlay.with_own_events(atlas, view, figures.timeline_figure(atlas, view)), key="timeline",
                            on_select="rerun",
                            selection_mode="points", config={"displaylogo": False, "scrollZoom": False})
    clicked = clicked_event(chart)
    if clicked and clicked != view.event:
        view = state.select_event(clicked)
        st.rerun()
panels.event_detail(atlas, view, on_page="timeline")
