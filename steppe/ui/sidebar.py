"""The filters on every page, generated from the filter table (steppe.urlstate.FILTERS); every change goes
through steppe.ui.state to the URL."""
from __future__ import annotations

import streamlit as st

from .. import config
from ..i18n import t
from ..load import Atlas
from ..search import label_with_spellings
from ..urlstate import FILTERS, Filter, View, filters_of
from . import state


def _choices(atlas: Atlas, spec: Filter, lang: str) -> tuple[list, callable]:
    """The options of a list filter, sorted by their label, and how each is labelled."""
    if spec.choices == "threads":
        return list(config.THREADS), lambda th: t(f"thread.{th}", lang)
    if spec.choices == "certainties":
        return list(config.CERTAINTIES), lambda c: t(f"certainty.{c}", lang)
    if spec.choices == "event_types":
        return sorted(config.EVENT_TYPES), str
    frame, id_col, label_col = {"people": (atlas.people, "person_id", "name"),
                                "places": (atlas.places, "place_id", "period_name"),
                                "sources": (atlas.sources, "source_id", "short")}[spec.choices]
    names = dict(zip(frame[id_col], frame[label_col]))
    kind = {"people": "person", "places": "place"}.get(spec.choices)
    # people and places are labelled with every spelling, so that typing any of them finds the option
    labels = {key: label_with_spellings(name, atlas.search.spellings.get(f"{kind}:{key}", ())) if kind else name
              for key, name in names.items()}
    return sorted(labels, key=names.get), labels.get


def _widget(atlas: Atlas, spec: Filter, lang: str, where) -> None:
    label, key = t(f"filters.{spec.name}", lang), state.widget_key(spec)
    if spec.kind == "range":
        where.slider(label, config.YEAR_MIN, config.YEAR_MAX, key=key, on_change=state.change_filters)
    elif spec.kind == "text":
        where.text_input(label, key=key, placeholder=t(f"filters.{spec.name}_hint", lang),
                         max_chars=config.MAX_QUERY_LENGTH, on_change=state.change_filters)
    else:
        options, label_of = _choices(atlas, spec, lang)
        where.multiselect(label, options, key=key, format_func=label_of, placeholder=t("filters.all", lang),
                          on_change=state.change_filters)


def render(atlas: Atlas, view: View) -> None:
    """The shared sidebar: filters (the rarer ones folded), language, and Reset when a filter is set."""
    lang = view.lang
    sb = st.sidebar
    sb.header(t("filters.title", lang))
    for spec in FILTERS:
        if not spec.more:
            _widget(atlas, spec, lang, sb)
    more = [spec for spec in FILTERS if spec.more]
    with sb.expander(t("filters.more", lang), expanded=any(getattr(view, s.attrs[0]) for s in more)):
        for spec in more:
            _widget(atlas, spec, lang, st)
    sb.selectbox(t("filters.language", lang), list(config.LANGUAGES), key=state.LANG_WIDGET,
                 format_func=lambda code: t(f"lang.{code}", code), on_change=state.change_language)  # each in its own name
    if filters_of(view) != filters_of(View()):
        sb.button(t("filters.reset", lang), on_click=state.reset_filters, icon=":material/restart_alt:")
