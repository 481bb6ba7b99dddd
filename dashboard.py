"""Steppe Atlas entry point: page setup, shared state and sidebar, navigation. No logic lives here."""
import streamlit as st

from steppe import ui
from steppe.i18n import t

ui.leave_multipage_v1()  # a fresh server starts in the legacy pages-directory mode; leave it first
st.set_page_config(page_title="Steppe Atlas", page_icon="🗺️", layout="wide")
ui.prepare_assets()
ui.inject_style()
atlas = ui.get_atlas()
view = ui.current_view(atlas)
lang = view.lang

pages = [
    st.Page("pages/home.py", title=t("nav.home", lang), icon=":material/home:", default=True),
    st.Page("pages/timeline.py", title=t("nav.timeline", lang), icon=":material/timeline:"),
    st.Page("pages/map.py", title=t("nav.map", lang), icon=":material/map:"),
    st.Page("pages/stories.py", title=t("nav.stories", lang), icon=":material/auto_stories:"),
    st.Page("pages/explore.py", title=t("nav.explore", lang), icon=":material/table_view:"),
    st.Page("pages/sources.py", title=t("nav.sources", lang), icon=":material/menu_book:"),
]
page = st.navigation(pages)
ui.sidebar_filters(atlas, view)
page.run()
