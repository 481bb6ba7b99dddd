"""Blocks several pages share: notices, page headers, the event detail panel, the events table
and the result of an uploaded file. Data text is escaped with steppe.escape on its way to the page."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from .. import config
from ..escape import md_text
from ..export import column_titles, events_table
from ..i18n import t, translator
from ..labels import display_date, names_of
from ..load import Atlas
from ..timeline import build_timeline
from ..upload import UploadResult
from ..urlstate import View, view_to_params
from . import pages, state


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
        facts = []
        if row["place_name"]:
            facts.append(f"{t('detail.place', lang)}: {md_text(row['place_name'])}")
        named = names_of(row["people"], people)
        if named:
            facts.append(f"{t('detail.people', lang)}: {md_text(', '.join(named))}")
        facts.append(f"{t('detail.thread', lang)}: {md_text(t('thread.' + row['thread'], lang))}")
        facts.append(f"{t('detail.certainty', lang)}: {md_text(t('certainty.' + row['certainty'], lang))}")
        st.markdown("  \n".join(facts))
        st.markdown(f"> “{md_text(row['quote'])}”")
        st.caption(f"{md_text(source['citation'])} — {md_text(row['locator'])}")
        if row["note"]:
            st.info(f"{t('detail.note', lang)}: {md_text(row['note'])}", icon=":material/edit_note:")
        for other in ("timeline", "map"):
            if other != on_page:
                pages.link(other, lang, t(f"detail.see_on_{other}", lang), view_to_params(view),
                           icon=":material/arrow_forward:")


def column_config(lang: str) -> dict:
    """Readable headers for the events table."""
    return {col: st.column_config.TextColumn(title, width="large" if col in ("quote", "note") else None)
            for col, title in column_titles(lang).items()}


def events_dataframe(events: pd.DataFrame, lang: str, **kwargs):
    """The events table as Streamlit shows it (text cells are shown as text, never rendered)."""
    return st.dataframe(events_table(events), hide_index=True, width="stretch", column_config=column_config(lang),
                        **kwargs)


def upload_result(result: UploadResult, lang: str) -> None:
    """An uploaded events file: its problems by row and column, or its events for this session only."""
    st.caption(t("upload.read_as", lang, encoding=result.encoding or "?", delimiter=result.delimiter))
    if result.problems:
        st.error(t("upload.problems", lang, n=len(result.problems)))
        problem_list(result.problems, lang)
        return
    if result.warnings:
        st.warning(t("upload.formulas", lang, n=len(result.warnings)))
        problem_list(result.warnings, lang)
    events = result.events
    st.success(t("upload.ok", lang, n=len(events)))
    if not events.empty:
        st.plotly_chart(build_timeline(events, lang=lang), key="upload-timeline", config={"displaylogo": False})
        events_dataframe(events, lang)

