import streamlit as st

from steppe import ui
from steppe.i18n import t
from steppe.stories import get_slide, story_titles

atlas, view = ui.page_context()
lang = view.lang
if not view.story:
    ui.page_header("stories.title", "stories.lead", lang)
    columns = st.columns(2)
    for index, (story_id, title, intro) in enumerate(story_titles(atlas.stories)):
        with columns[index % 2], st.container(border=True):
            st.subheader(title, anchor=False)
            st.markdown(ui.md_escape(intro))
            st.page_link("pages/stories.py", label=t("stories.start", lang), icon=":material/play_arrow:",
                         query_params={**ui.view_to_params(view), "story": story_id, "step": "0"})
else:
    ui.render_slide(atlas, view, get_slide(atlas.stories, atlas.events, view.story, view.step))
