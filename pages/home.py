import streamlit as st

from steppe import ui
from steppe.filters import filter_events
from steppe.highlights import key_figures
from steppe.i18n import t

atlas, view = ui.page_context()
lang = view.lang
params = ui.view_to_params(view)
st.title(t("app.title", lang), anchor=False)
st.markdown(f"#### {t('app.tagline', lang)}")
st.markdown(t("home.lead", lang))

ways = st.columns(4)
ways[0].page_link("pages/stories.py", label=t("home.start_story", lang), icon=":material/auto_stories:",
                  query_params=params)
ways[1].page_link("pages/map.py", label=t("home.explore_map", lang), icon=":material/map:", query_params=params)
ways[2].page_link("pages/explore.py", label=t("home.search_events", lang), icon=":material/search:",
                  query_params=params)
ways[3].page_link("pages/timeline.py", label=t("home.see_timeline", lang), icon=":material/timeline:",
                  query_params=params)

st.header(t("home.threads", lang), anchor=False)
columns = st.columns(3)
for index, thread in enumerate(ui.home_threads()):
    with columns[index % 3]:
        st.markdown(f"**{t('thread.' + thread, lang)}**  \n{t('thread_about.' + thread, lang)}")

st.header(t("home.at_a_glance", lang), anchor=False)
st.caption(t("home.counts", lang, events=len(atlas.events), places=len(atlas.places), routes=len(atlas.routes),
             sources=len(atlas.sources)))
events = filter_events(atlas.events, view)
left, right = st.columns([3, 2])
with left:
    if not events.empty:
        st.plotly_chart(ui.timeline_figure(atlas, view, compact=True), key="home-timeline",
                        config={"displayModeBar": False})
with right:
    st.plotly_chart(ui.compact_map_figure(atlas, view), key="home-map",
                    config={"displayModeBar": False})
    st.caption(t("home.map_caption", lang))

st.header(t("home.figures", lang), anchor=False)
figures = key_figures(atlas.events)
cols = st.columns(3)
for index, fig in enumerate(figures):
    with cols[index % 3], st.container(border=True):
        st.metric(t(fig["label_key"], lang), fig["value"])
        st.caption(t("home.figure_source", lang, date=fig["date_label"], source=fig["source"], locator=fig["locator"],
                     certainty=t("certainty." + fig["certainty"], lang)))
        st.page_link("pages/timeline.py", label=t("home.figure_open", lang), icon=":material/format_quote:",
                     query_params={**params, "event": fig["event_id"]})
st.caption(t("home.figures_note", lang))
