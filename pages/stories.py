import streamlit as st

from steppe import ui
from steppe.i18n import t

atlas, view = ui.page_context()
ui.page_header("stories.title", "stories.lead", view.lang)
st.info(t("stories.coming", view.lang), icon=":material/auto_stories:")
st.page_link("pages/timeline.py", label=t("home.see_timeline", view.lang), icon=":material/timeline:",
             query_params=ui.view_to_params(view))
