import streamlit as st

from steppe import config
from steppe.escape import md_text
from steppe.filters import filter_events
from steppe.highlights import key_figures
from steppe.i18n import t
from steppe.ui import figures, pages
from steppe.ui.context import page_context
from steppe.urlstate import view_to_params

atlas, view = page_context()
lang = view.lang
params = view_to_params(view)
st.title(t("app.title", lang), anchor=False)
st.markdown(f"#### {t('app.tagline', lang)}")
st.markdown(t("home.lead", lang))

ways = [column for _ in range(2) for column in st.columns(2)]  # two by two: Kazakh and Russian labels are long
for column, (name, label_key, icon) in zip(ways, [
        ("stories", "home.start_story", ":material/auto_stories:"), ("map", "home.explore_map", ":material/map:"),
        ("explore", "home.search_events", ":material/search:"), ("timeline", "home.see_timeline", ":material/timeline:")]):
    pages.link(name, lang, t(label_key, lang), params, icon=icon, where=column)

st.header(t("home.threads", lang), anchor=False)
columns = st.columns(3)
for index, thread in enumerate(config.THREADS):
    with columns[index % 3]:
        st.markdown(f"**{t('thread.' + thread, lang)}**  \n{t('thread_about.' + thread, lang)}")

st.header(t("home.at_a_glance", lang), anchor=False)
st.caption(t("home.counts", lang, events=len(atlas.events), places=len(atlas.places), routes=len(atlas.routes),
             sources=len(atlas.sources)))
events = filter_events(atlas.events, view, atlas.search)
left, right = st.columns([3, 2])
with left:
    if not events.empty:
        st.plotly_chart(figures.timeline_figure(atlas, view, compact=True), key="home-timeline",
                        config={"displayModeBar": False})
with right:
    st.plotly_chart(figures.compact_map_figure(atlas, view), key="home-map", config={"displayModeBar": False})
    st.caption(t("home.map_caption", lang))

st.header(t("home.figures", lang), anchor=False)
cols = st.columns(3)
for index, fig in enumerate(key_figures(atlas.events)):
    with cols[index % 3], st.container(border=True):
        st.metric(t(fig["label_key"], lang), fig["value"])
        st.caption(t("home.figure_source", lang, date=md_text(fig["date_label"]),
                     source=f"<span lang='en'>{md_text(fig['source'])}</span>",
                     locator=f"<span lang='en'>{md_text(fig['locator'])}</span>",
                     certainty=t("certainty." + fig["certainty"], lang)), unsafe_allow_html=True)
        pages.link("timeline", lang, t("home.figure_open", lang), {**params, "event": fig["event_id"]},
                   icon=":material/format_quote:")
st.caption(t("home.figures_note", lang))
