"""One slide of a guided story in big type: date, heading, text, the source's words and a map."""
from __future__ import annotations

import streamlit as st
from streamlit_folium import st_folium

from ..escape import html_text
from ..i18n import t, translator
from ..labels import display_date
from ..layers import slide_layers
from ..load import Atlas
from ..stories import Slide
from ..urlstate import View, view_to_params, with_changes
from . import pages, state


def _controls(slide: Slide, lang: str) -> None:
    top = st.columns([4, 1.4, 1.4, 1.8], vertical_alignment="center")
    top[0].progress(slide.step / max(1, slide.last_step),
                    text=t("stories.progress", lang, step=slide.step, last=slide.last_step))
    top[1].button(t("stories.previous", lang), key="story-prev", icon=":material/arrow_back:",
                  disabled=slide.step == 0, on_click=state.go_to_step, args=(slide.step - 1,), width="stretch")
    top[2].button(t("stories.next", lang), key="story-next", icon=":material/arrow_forward:", type="primary",
                  disabled=slide.step >= slide.last_step, on_click=state.go_to_step, args=(slide.step + 1,),
                  width="stretch")
    top[3].button(t("stories.all", lang), key="story-all", icon=":material/list:", on_click=state.leave_story,
                  width="stretch")


def render_slide(atlas: Atlas, view: View, slide: Slide) -> None:
    lang = view.lang
    with st.container(key="story-slide"):
        _controls(slide, lang)
        if slide.event is None:
            st.markdown(f"<h1 class='story-title'>{html_text(slide.heading)}</h1>"
                        f"<p class='story-text'>{html_text(slide.text)}</p>", unsafe_allow_html=True)
            return
        event = slide.event
        left, right = st.columns([5, 4])
        with left:
            date = display_date(event["date_label"], event["date"], event["calendar"], translator(lang))
            st.markdown(f"<p class='story-date'>{html_text(date)}</p>"
                        f"<h2 class='story-heading'>{html_text(slide.heading)}</h2>"
                        f"<p class='story-text'>{html_text(slide.text)}</p>"
                        f"<blockquote class='story-quote'>“{html_text(event['quote'])}”</blockquote>"
                        f"<p class='story-source'>{html_text(event['source_short'])}, "
                        f"{html_text(event['locator'])}</p>", unsafe_allow_html=True)
            if event["certainty"] != "certain":
                st.info(t(f"stories.certainty.{event['certainty']}", lang), icon=":material/help:")
        with right:
            layers = slide_layers(atlas, slide, lang, height=440)
            st_folium(layers.fmap, key="story-map", height=440, use_container_width=True, returned_objects=[],
                      render=False)
        pages.link("timeline", lang, t("detail.see_on_timeline", lang),
                   view_to_params(with_changes(view, story="", step=0, event=event["event_id"])),
                   icon=":material/timeline:")
