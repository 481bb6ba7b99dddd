"""Facets with counts and the events per year, above the Explore table; each value is a link that adds its filter."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from ..escape import md_text
from ..facets import facet_counts, year_histogram
from ..i18n import t
from ..load import Atlas
from ..urlstate import View, view_to_params
from . import pages


def facets_panel(atlas: Atlas, events: pd.DataFrame, view: View) -> None:
    lang = view.lang
    with st.expander(t("facet.title", lang, n=len(events)), expanded=True, icon=":material/bar_chart:"):
        st.caption(t("facet.per_year", lang))
        st.plotly_chart(year_histogram(events, lang), key="facet-years", config={"displayModeBar": False})
        columns = st.columns(3)
        for index, (facet, values) in enumerate(facet_counts(events, atlas, view).items()):
            where = columns[index % 3].container(key=f"facet-{facet}")
            where.markdown(f"**{t(f'filters.{facet}', lang)}**")
            for value in values:
                label = f"{md_text(value.label)} ({t('facet.count', lang, n=value.count)})"
                pages.link("explore", lang, ("✓ " if value.selected else "") + label, view_to_params(value.view),
                           icon=":material/close:" if value.selected else None, where=where)
