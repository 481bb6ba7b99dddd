import streamlit as st

from steppe.export import events_table
from steppe.filters import filter_events
from steppe.i18n import t
from steppe.upload import check_events_file
from steppe.ui import cards, downloads, facets, panels, state
from steppe.ui.context import page_context

atlas, view = page_context()
lang = view.lang
panels.page_header("explore.title", "explore.lead", lang)
cards.card_panel(atlas, view)
events = filter_events(atlas.events, view, atlas.search)
if events.empty:
    panels.no_events(view, "explore")
else:
    facets.facets_panel(atlas, events, view)
    st.caption(t("explore.select_hint", lang))
    table = events_table(events, lang)
    picked = panels.events_dataframe(events, lang, height=520, on_select="rerun", selection_mode="single-row",
                                     key="explore-table")
    downloads.downloads(atlas, events, lang)
    rows = picked.selection.rows if picked else []
    choice = table.iloc[rows[0]]["event_id"] if rows else ""
    if choice and choice != view.event:
        view = state.select_event(choice)
        st.rerun()
panels.event_detail(atlas, view, on_page="explore")

with st.expander(t("upload.title", lang), icon=":material/upload_file:"):
    st.markdown(t("upload.lead", lang))
    uploaded = st.file_uploader(t("upload.label", lang), type=["csv"], key="upload-events")
    if uploaded is not None:
        panels.upload_result(check_events_file(uploaded.name, uploaded.getvalue(), atlas), lang)
