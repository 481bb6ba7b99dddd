"""One slide of a guided story in big type: date, heading, text, the source's words, a question, a map that follows
the slide and a timeline strip. In presenter mode (?present=1) the slide has the whole screen.

Back, Next and Title slide act on the buttons' return values, not on callbacks: a fresh session (after a server
restart) has no callbacks registered yet, so a key or a click right after a reconnect would be lost."""
from __future__ import annotations

import streamlit as st
from streamlit_folium import st_folium

from .. import config
from ..escape import html_text, md_text
from ..handout import story_handout
from ..i18n import t, translator
from ..labels import display_date
from ..layers import slide_layers, sources_short
from ..load import Atlas
from ..stories import Slide
from ..storymap import build_slide_map
from ..strip import build_strip, strip_data
from ..urlstate import View, view_to_params, with_changes
from . import pages, state, theme

KEYS_JS = (config.STATIC_DIR / "slide-keys.js").read_text(encoding="utf-8")


def _go(step: int) -> None:
    state.go_to_step(step)
    st.rerun()


def _controls(slide: Slide, view: View) -> None:
    lang = view.lang
    top = st.columns([3, 1.1, 1.1, 1.3, 2] if view.present else [2.6, 1.2, 1.2, 1.5, 1.5], vertical_alignment="center")
    progress = t("stories.progress", lang, step=slide.step, last=slide.last_step)
    top[0].progress(slide.step / max(1, slide.last_step),
                    text=f"{progress} · {md_text(slide.title)}" if view.present else progress)
    if top[1].button(t("stories.previous", lang), key="story-prev", icon=":material/arrow_back:",
                     disabled=slide.step == 0, width="stretch"):
        _go(slide.step - 1)
    if top[2].button(t("stories.next", lang), key="story-next", icon=":material/arrow_forward:", type="primary",
                     disabled=slide.step >= slide.last_step, width="stretch"):
        _go(slide.step + 1)
    if top[3].button(t("stories.title_slide", lang), key="story-home", icon=":material/first_page:",
                     disabled=slide.step == 0, width="stretch"):
        _go(0)
    if view.present:
        if top[4].button(t("present.leave", lang), key="story-leave-present", icon=":material/close_fullscreen:",
                         width="stretch"):
            state.stop_presenting()
            st.rerun()
    elif top[4].button(t("stories.present", lang), key="story-present", icon=":material/slideshow:",
                       help=t("stories.present_help", lang), width="stretch"):
        state.start_presenting()
        st.rerun()


def _words(slide: Slide, lang: str) -> str:
    """The left half of an event slide as escaped HTML: date, heading, text, quote, source, certainty, question."""
    event = slide.event
    date = display_date(event["date_label"], event["date"], event["calendar"], translator(lang))
    parts = [f"<p class='story-date'>{html_text(date)}</p>",
             f"<h2 class='story-heading'>{html_text(slide.heading)}</h2>",
             f"<p class='story-text'>{html_text(slide.text)}</p>",
             # the source's own words and its reference stay in the source's language (marked for readers and tests)
             f"<blockquote class='story-quote' lang='en'>“{html_text(event['quote'])}”</blockquote>",
             f"<p class='story-source' lang='en'>{html_text(event['source_short'])}, {html_text(event['locator'])}</p>"]
    if event["certainty"] != "certain":
        parts.append(f"<p class='story-note' role='note'>{html_text(t('stories.certainty.' + event['certainty'], lang))}</p>")
    return "".join(parts)


def _visual(atlas: Atlas, slide: Slide, view: View) -> None:
    """The slide's map (fitted to its places and routes, its places named), the story's timeline strip and the
    discussion question. In presenter mode the map takes whatever height the other two leave (theme.py)."""
    lang = view.lang
    layers = slide_layers(atlas, slide, lang)
    note = t("stories.no_place", lang) if layers.shows == "story" and layers.selected else ""
    fmap = build_slide_map(layers, atlas.countries, sources_short(atlas), lang=lang, height=460,
                           label_px=18 if view.present else 15, note=note)
    with st.container(key="story-visual"):
        with st.container(key="story-map-box"):
            st_folium(fmap, key="story-map", height=460, use_container_width=True, returned_objects=[], render=False)
        strip = build_strip(strip_data(layers.events, layers.selected), lang, large=view.present)
        st.plotly_chart(strip, key="story-strip", config={"displayModeBar": False}, width="stretch")
        if slide.question:
            st.markdown(f"<p class='story-question'><b>{html_text(t('present.discuss', lang))}</b> "
                        f"{html_text(slide.question)}</p>", unsafe_allow_html=True)


@st.cache_data(max_entries=32, show_spinner=False)
def _handout(_atlas: Atlas, version: str, story_id: str, lang: str) -> bytes:
    return story_handout(_atlas, story_id, lang).encode("utf-8")


def _footer(atlas: Atlas, slide: Slide, view: View) -> None:
    lang = view.lang
    row = st.columns([2, 2, 1.4], vertical_alignment="center")
    if slide.event is not None:
        pages.link("timeline", lang, t("detail.see_on_timeline", lang),
                   view_to_params(with_changes(view, story="", step=0, present=False, event=slide.event["event_id"])),
                   icon=":material/timeline:", where=row[0])
    row[1].download_button(t("handout.download", lang), data=lambda: _handout(atlas, atlas.version, slide.story_id, lang),
                           file_name=f"steppe-atlas-{slide.story_id}.html", mime="text/html", on_click="ignore",
                           icon=":material/download:", help=t("handout.download_help", lang), key="story-handout")
    if row[2].button(t("stories.all", lang), key="story-all", icon=":material/list:", width="stretch"):
        state.leave_story()
        st.rerun()


def render_slide(atlas: Atlas, view: View, slide: Slide) -> None:
    lang = view.lang
    if view.present:
        theme.inject_presenter()
    st.html(f"<script>{KEYS_JS}</script>", unsafe_allow_javascript=True)
    with st.container(key="story-present" if view.present else "story-slide"):
        _controls(slide, view)
        left, right = st.columns([3, 2] if view.present else [1, 1])
        with left:
            if slide.event is None:
                st.markdown(f"<h1 class='story-title'>{html_text(slide.heading)}</h1>"
                            f"<p class='story-text story-intro'>{html_text(slide.text)}</p>", unsafe_allow_html=True)
                if view.present:
                    st.markdown(f"<p class='story-keys'>{html_text(t('present.keys', lang))}</p>", unsafe_allow_html=True)
            else:
                st.markdown(_words(slide, lang), unsafe_allow_html=True)
        with right:
            _visual(atlas, slide, view)
        if not view.present:
            _footer(atlas, slide, view)
