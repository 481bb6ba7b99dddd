"""Steppe Atlas entry point: page setup, the view from the URL, the shared sidebar, navigation. No logic here."""
import streamlit as st

from steppe.ui import atlas as data
from steppe.ui import pages, sidebar, state, theme

st.set_page_config(page_title="Steppe Atlas", page_icon="🗺️", layout="wide")
data.prepare_assets()
theme.inject()
atlas = data.get_atlas()
view = state.begin(atlas.known)
page = st.navigation(pages.navigation(view.lang))
if pages.presenting(page, view):
    state.sidebar_hidden()  # presenter mode: the slide has the whole screen
else:
    sidebar.render(data.in_language(atlas, view.lang), view)
page.run()
