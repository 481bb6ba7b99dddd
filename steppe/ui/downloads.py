"""The Explore page's downloads of the filtered events: each file with a label that says what it is for."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from ..cite import bibtex, cited_sources, csl_json
from ..downloads import events_csv, events_geojson, timelinejs
from ..i18n import t
from ..load import Atlas

NAME = "steppe-atlas-events"


def downloads(atlas: Atlas, events: pd.DataFrame, lang: str) -> None:
    """CSV (the atlas' schema), GeoJSON, TimelineJS, and the cited sources as BibTeX and CSL-JSON."""
    sources = cited_sources(events, atlas.sources)
    files = [
        ("csv", f"{NAME}.csv", "text/csv", lambda: events_csv(events)),
        ("geojson", f"{NAME}.geojson", "application/geo+json", lambda: events_geojson(events, lang)),
        ("timelinejs", f"{NAME}-timelinejs.json", "application/json",
         lambda: timelinejs(events, atlas.sources, lang, t("app.title", lang))),
        ("bibtex", "steppe-atlas-sources.bib", "application/x-bibtex", lambda: bibtex(sources)),
        ("csl", "steppe-atlas-sources.csl.json", "application/vnd.citationstyles.csl+json",
         lambda: csl_json(sources)),
    ]
    st.markdown(f"**{t('export.title', lang, n=len(events))}**")
    columns = st.columns(len(files))
    for column, (kind, file_name, mime, build) in zip(columns, files):
        column.download_button(t(f"export.{kind}", lang), build(), file_name=file_name, mime=mime,
                               key=f"download-{kind}", icon=":material/download:", width="stretch", on_click="ignore",
                               help=t(f"export.{kind}_help", lang))
    st.caption(t("export.note", lang))
