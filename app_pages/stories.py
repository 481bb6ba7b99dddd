import streamlit as st

from steppe.escape import md_text
from steppe.i18n import t
from steppe.stories import get_slide, story_titles
from steppe.ui import pages, panels
from steppe.ui.context import page_context
from steppe.ui.story import render_slide
from steppe.urlstate import view_to_params

atlas, view = page_context()
lang = view.lang
if not view.story:
    panels.page_header("stories.title", "stories.lead", lang)
    columns = st.columns(2)
    for index, (story_id, title, intro) in enumerate(story_titles(atlas.stories)):
        with columns[index % 2], st.container(border=True):
            st.subheader(md_text(title), anchor=False)
            st.markdown(md_text(intro))
            start = {**view_to_params(view), "story": story_id, "step": "0"}
            pages.link("stories", lang, t("stories.start", lang), start, icon=":material/play_arrow:")
            pages.link("stories", lang, t("stories.present", lang), {**start, "present": "1"},
                       icon=":material/slideshow:")
else:
    render_slide(atlas, view, get_slide(atlas.stories, atlas.events, view.story, view.step))
