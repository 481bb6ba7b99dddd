import streamlit as st

from steppe.filters import filter_events
from steppe.i18n import t
from steppe.overlay import table_with_overlay
from steppe.ui import cards, downloads, facets, overlay, panels, state
from steppe.ui.context import page_context

atlas, view = page_context()
lang = view.lang
panels.page_header("explore.title", "explore.lead", lang)
cards.card_panel(atlas, view)
events = filter_events(atlas.events, view, atlas.search)
own = overlay.overlay_events(atlas, view)
if events.empty:
    panels.no_events(view, "explore")
else:
    facets.facets_panel(atlas, events, view)
if not events.empty or (own is not None and not own.empty):
    st.caption(t("explore.select_hint", lang))
    table = table_with_overlay(events, own, lang)
    picked = st.dataframe(table, hide_index=True, width="stretch", height=520, on_select="rerun",
                          selection_mode="single-row", key="explore-table",
                          column_config={**panels.column_config(lang), "data": st.column_config.TextColumn(
                              t("overlay.column", lang))})
    rows = picked.selection.rows if picked else []
    mine = bool(rows) and table.iloc[rows[0]]["data"] == t("overlay.label", lang)
    choice = table.iloc[rows[0]]["event_id"] if rows and not mine else ""
    if choice and choice != view.event:
        view = state.select_event(choice)
        st.rerun()
if not events.empty:
    downloads.downloads(atlas, events, lang)
panels.event_detail(atlas, view, on_page="explore")
overlay.upload_panel(atlas, lang)
