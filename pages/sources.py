import streamlit as st

from steppe import ui
from steppe.assets import leaflet_version
from steppe.filters import find_discrepancies
from steppe.i18n import t

atlas, view = ui.page_context()
lang = view.lang
ui.page_header("sources.title", "sources.lead", lang)

st.header(t("sources.list", lang), anchor="sources")
counts = atlas.events["source_id"].value_counts()
for _, source in atlas.sources.iterrows():
    with st.container(border=True):
        st.markdown(f"**{ui.md_escape(source['short'])}** — {ui.md_escape(source['citation'])}")
        st.caption(f"{source['kind']} · {source['language']} · "
                   + t("sources.events_from", lang, n=int(counts.get(source["source_id"], 0))))
        st.markdown(ui.md_escape(source["reliability_note"]))

st.header(t("sources.methods", lang), anchor="methods")
for key in ("methods.dates", "methods.calendar", "methods.places", "methods.routes", "methods.regions",
            "methods.quotes", "methods.approximate"):
    st.markdown(t(key, lang))

st.header(t("sources.discrepancies", lang), anchor="discrepancies")
st.markdown(t("sources.discrepancies_lead", lang))
table = find_discrepancies(atlas.events)[["event_id", "date_label", "title", "source_short", "locator",
                                          "certainty", "note"]]
st.dataframe(table, hide_index=True, width="stretch",
             column_config={"note": st.column_config.TextColumn(width="large")})

st.header(t("sources.licences", lang), anchor="licences")
st.markdown(t("licences.text", lang, leaflet=leaflet_version()))
