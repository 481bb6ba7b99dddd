"""Blocks several pages share: notices, page headers, the event detail panel, the events table
and the result of an uploaded file. Data text is escaped with steppe.escape on its way to the page."""
from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

import streamlit as st

from .. import config
from ..cite import event_citation, permalink
from ..escape import html_text, md_text
from ..export import column_titles
from ..handout import event_card
from ..i18n import t, translator
from ..labels import display_date, names_of
from ..load import Atlas
from ..upload import UploadResult
from ..urlstate import View, view_to_params
from . import pages, state
from .cards import card_links


def show_notices(lang: str) -> None:
    """What the link asked for that was ignored, each value escaped (a link cannot add a link or an image)."""
    for notice in state.notices():
        text = t(notice.key, lang, **{k: md_text(v) for k, v in notice.args().items()})
        st.info(t("url.notice", lang, text=text), icon=":material/info:")


def page_header(title_key: str, lead_key: str, lang: str) -> None:
    st.title(t(title_key, lang), anchor=False)
    st.markdown(t(lead_key, lang))


def problem_list(problems, lang: str) -> None:
    shown = problems[: config.MAX_PROBLEMS_SHOWN]
    st.markdown("\n".join(f"- {md_text(p)}" for p in shown))
    if len(problems) > len(shown):
        st.caption(t("data.more_problems", lang, n=len(problems) - len(shown)))


def event_detail(atlas: Atlas, view: View, *, on_page: str) -> None:
    """The detail panel for the selected event, shared by the timeline, the map and the table."""
    lang, tr = view.lang, translator(view.lang)
    if not view.event:
        st.caption(t("detail.none", lang))
        return
    row = atlas.events[atlas.events["event_id"] == view.event].iloc[0]
    source = atlas.sources.set_index("source_id").loc[row["source_id"]]
    people = dict(zip(atlas.people["person_id"], atlas.people["name"]))
    with st.container(border=True, key="event-detail"):
        st.subheader(md_text(row["title"]), anchor=False)
        st.markdown(f"**{md_text(display_date(row['date_label'], row['date'], row['calendar'], tr))}**")
        if row["calendar"] == "julian":
            st.caption(t("detail.julian_note", lang))
        st.markdown(md_text(row["summary"]))
        if row.get("translated", False):
            st.caption(t("detail.translated", lang, language=t(f"lang.source.{source['language']}", lang)))
        facts = []
        if row["place_name"]:
            facts.append(f"{t('detail.place', lang)}: {md_text(row['place_name'])}")
        named = names_of(row["people"], people)
        if named:
            facts.append(f"{t('detail.people', lang)}: {md_text(', '.join(named))}")
        facts.append(f"{t('detail.thread', lang)}: {md_text(t('thread.' + row['thread'], lang))}")
        facts.append(f"{t('detail.certainty', lang)}: {md_text(t('certainty.' + row['certainty'], lang))}")
        st.markdown("  \n".join(facts))
        # the quote and the citation are in the source's language: marked so (lang="en")
        st.markdown(f"<blockquote lang='en'>“{html_text(row['quote'])}”</blockquote>", unsafe_allow_html=True)
        st.caption(f"<span lang='en'>{html_text(source['citation'])} — {html_text(row['locator'])}</span>",
                   unsafe_allow_html=True)
        if row["note"]:
            st.info(f"{t('detail.note', lang)}: {md_text(row['note'])}", icon=":material/edit_note:")
        cite_event(atlas, row, source, lang)
        card_links(atlas, row, view)
        st.download_button(t("handout.card", lang), data=event_card(atlas, view.event, lang),
                           file_name=f"steppe-atlas-{view.event}.html", mime="text/html", on_click="ignore",
                           icon=":material/print:", help=t("handout.card_help", lang), key="event-card")
        for other in ("timeline", "map"):
            if other != on_page:
                pages.link(other, lang, t(f"detail.see_on_{other}", lang), view_to_params(view),
                           icon=":material/arrow_forward:")


def _origin() -> str:
    """The app's address as the browser sees it ('' when unknown: the link is then relative)."""
    parts = urlsplit(getattr(st.context, "url", "") or "")
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def cite_event(atlas: Atlas, row, source, lang: str) -> None:
    """'Cite this event': the source, the locator, the atlas and a permanent link, in a box with a copy button."""
    accessed = translator(lang).date(dt.date.today())
    text = event_citation(row, source, permalink(_origin(), row["event_id"]), atlas.version, accessed)
    st.caption(t("cite.title", lang))
    st.code(text, language=None, wrap_lines=True)


def column_config(lang: str) -> dict:
    """Readable headers for the events table; the earliest day is a real date, so it sorts by time."""
    titles = column_titles(lang)
    config = {col: st.column_config.TextColumn(title, width="large" if col in ("quote", "note") else None)
              for col, title in titles.items()}
    config["start"] = st.column_config.DateColumn(titles["start"], format="YYYY-MM-DD", help=t("col.start_help", lang))
    return config


def no_events(view: View, key: str) -> None:
    """Nothing matches: say so, and offer to clear the search when there is one."""
    if not view.q:
        st.warning(t("timeline.empty", view.lang), icon=":material/search_off:")
        return
    st.warning(t("search.none", view.lang, q=md_text(view.q)), icon=":material/search_off:")
    st.button(t("search.clear", view.lang), key=f"clear-search-{key}", on_click=state.clear_search,
              icon=":material/backspace:")


def upload_result(result: UploadResult, lang: str) -> None:
    """An uploaded events file: its problems by row and column, or that it is valid (it is then shown as your
    data on the timeline, the map and the table: steppe/ui/overlay.py)."""
    st.caption(t("upload.read_as", lang, encoding=result.encoding or "?", delimiter=result.delimiter))
    if result.problems:
        st.error(t("upload.problems", lang, n=len(result.problems)))
        problem_list(result.problems, lang)
        return
    if result.warnings:
        st.warning(t("upload.formulas", lang, n=len(result.warnings)))
        problem_list(result.warnings, lang)
