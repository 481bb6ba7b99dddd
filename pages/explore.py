import streamlit as st

from steppe import ui
from steppe.filters import filter_events
from steppe.i18n import t

atlas, view = ui.page_context()
lang = view.lang
ui.page_header("explore.title", "explore.lead", lang)
events = filter_events(atlas.events, view)
table = ui.events_table(events, lang)
st.dataframe(table, hide_index=True, width="stretch", height=520,
             column_config={"quote": st.column_config.TextColumn(width="large")})
st.download_button(t("explore.download", lang, n=len(table)), table.to_csv(index=False).encode("utf-8"),
                   file_name="steppe-atlas-events.csv", mime="text/csv", icon=":material/download:")
titles = dict(zip(events["event_id"], events["date_label"] + " — " + events["title"]))
choice = st.selectbox(t("explore.open", lang), [""] + list(titles), format_func=lambda e: titles.get(e, t("explore.choose", lang)),
                      index=(list(titles).index(view.event) + 1) if view.event in titles else 0, key="explore-open")
if choice and choice != view.event:
    view = ui.select_event(view, choice)
    st.rerun()
ui.render_event_detail(atlas, view, on_page="timeline")
