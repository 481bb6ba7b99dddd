import streamlit as st

from steppe.assets import leaflet_version
from steppe.escape import md_text
from steppe.filters import find_discrepancies
from steppe.i18n import t
from steppe.ui import panels
from steppe.ui.context import page_context

atlas, view = page_context()
lang = view.lang
panels.page_header("sources.title", "sources.lead", lang)

st.header(t("sources.list", lang), anchor="sources")
counts = atlas.events["source_id"].value_counts()
for source in atlas.sources.to_dict("records"):
    with st.container(border=True):
        st.markdown(f"**{md_text(source['short'])}** — {md_text(source['citation'])}")
        st.caption(f"{md_text(source['kind'])} · {md_text(source['language'])} · "
                   + t("sources.events_from", lang, n=int(counts.get(source["source_id"], 0))))
        st.markdown(md_text(source["reliability_note"]))

st.header(t("sources.methods", lang), anchor="methods")
for key in ("methods.dates", "methods.calendar", "methods.places", "methods.routes", "methods.regions",
            "methods.quotes", "methods.approximate", "methods.translations"):
    st.markdown(t(key, lang))

st.header(t("sources.discrepancies", lang), anchor="discrepancies")
st.markdown(t("sources.discrepancies_lead", lang))
table = find_discrepancies(atlas.events)[["event_id", "date_label", "title", "source_short", "locator",
                                          "certainty", "note"]]
st.dataframe(table, hide_index=True, width="stretch",
             column_config={"note": st.column_config.TextColumn(width="large")})

st.header(t("sources.licences", lang), anchor="licences")
st.markdown(t("licences.text", lang, leaflet=leaflet_version()))
