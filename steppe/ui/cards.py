"""A person's or a place's card above the Explore table (?card=person:<id> / ?card=place:<id>), and the links
that open one from the event detail panel."""
from __future__ import annotations

import streamlit as st

from ..cards import card_for, card_keys
from ..escape import md_text
from ..i18n import t
from ..load import Atlas
from ..timeline import build_timeline
from ..urlstate import View, view_to_params, with_changes
from . import pages, state


def card_panel(atlas: Atlas, view: View) -> None:
    """The card the view names: spellings, what the sources give, names through time, its events on a timeline."""
    card = card_for(atlas, view.card) if view.card else None
    if card is None:
        return
    lang = view.lang
    with st.container(border=True, key="card"):
        st.subheader(md_text(card.name), anchor=False)
        st.caption(t(f"card.kind_{card.kind}", lang))
        st.markdown(f"**{t('card.spellings', lang)}:** " + md_text(" · ".join(card.spellings)))
        if card.names_in_time:
            steps = [f"{md_text(name)} ({md_text(start or '…')}–{md_text(end or '…')})"
                     for name, start, end in card.names_in_time]
            st.markdown(f"**{t('card.names_in_time', lang)}:** " + " → ".join(steps))
        lines = [f"{t(key, lang)}: {md_text(value)}" for key, value in card.facts]
        if lines:
            st.markdown("  \n".join(lines))
        st.caption(t("card.events", lang, n=len(card.events)))
        if not card.events.empty:
            st.plotly_chart(build_timeline(card.events, lang=lang, compact=True), key="card-timeline",
                            config={"displayModeBar": False})
        left, right = st.columns(2)
        left.button(t("card.only_these", lang), key="card-filter", on_click=state.show_card_events,
                    args=(card.key,), icon=":material/filter_alt:", width="stretch")
        right.button(t("card.close", lang), key="card-close", on_click=state.close_card, icon=":material/close:",
                     width="stretch")


def card_links(atlas: Atlas, event, view: View) -> None:
    """'About …' links from the event detail panel to the cards of its people and places."""
    keys = card_keys(event)
    if not keys:
        return
    names = {**{f"person:{k}": v for k, v in zip(atlas.people["person_id"], atlas.people["name"])},
             **{f"place:{k}": v for k, v in zip(atlas.places["place_id"], atlas.places["period_name"])}}
    st.caption(t("card.about", view.lang))
    columns = st.columns(min(len(keys), 4))
    for index, key in enumerate(keys):
        params = view_to_params(with_changes(view, card=key))
        pages.link("explore", view.lang, md_text(names.get(key, key)), params, icon=":material/badge:",
                   where=columns[index % len(columns)])
