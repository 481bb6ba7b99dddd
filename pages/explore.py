import streamlit as st

from steppe import ui
from steppe.filters import filter_events
from steppe.i18n import t

atlas, view = ui.page_context()
lang = view.lang
ui.page_header("explore.title", "explore.lead", lang)
events = filter_events(atlas.events, view)
table = ui.events_table(events, lang)
st.caption(t("explore.select_hint", lang))
picked = st.dataframe(table, hide_index=True, width="stretch", height=520, column_config=ui.column_labels(lang),
                      on_select="rerun", selection_mode="single-row", key="explore-table")
st.download_button(t("explore.download", lang, n=len(table)), table.to_csv(index=False).encode("utf-8"),
                   file_name="steppe-atlas-events.csv", mime="text/csv", icon=":material/download:")
rows = picked.selection.rows if picked else []
choice = table.iloc[rows[0]]["event_id"] if rows else ""
if choice and choice != view.event:
    view = ui.select_event(view, choice)
    st.rerun()
ui.render_event_detail(atlas, view, on_page="explore")

with st.expander(t("upload.title", lang), icon=":material/upload_file:"):
    st.markdown(t("upload.lead", lang))
    uploaded = st.file_uploader(t("upload.label", lang), type=["csv"], key="upload-events")
    if uploaded is not None:
        ui.render_uploaded_events(atlas, view, uploaded.name, uploaded.getvalue())
