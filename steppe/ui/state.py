"""The one owner of the view. Each run reads the URL into a View once (`begin`); after that, only the named
transitions below change it, and each writes the session's view and the URL together. Pages and widgets call
these; nothing else touches these session keys."""
from __future__ import annotations

import streamlit as st

from .. import config
from ..mapactions import MapAction
from ..urlstate import (FILTERS, Filter, Known, Notice, View, filters_of, parse_view, view_to_params,
                        with_changes, without_filters)

VIEW, PARAMS, NOTICES, SYNCED, MAP_ACTION = ("steppe.view", "steppe.params", "steppe.notices", "steppe.widgets_for",
                                             "steppe.map_action")
OVERLAY, UPLOADS = "steppe.overlay", "steppe.uploads"   # a researcher's own events: this session's memory only
LANG_WIDGET = "w_lang"


def widget_key(spec: Filter) -> str:
    return f"w_{spec.name}"


def _url_params() -> dict[str, list[str]]:
    return {key: st.query_params.get_all(key) for key in st.query_params.keys()}


def _as_lists(params: dict) -> dict[str, list[str]]:
    return {k: list(v) if isinstance(v, (list, tuple)) else [v] for k, v in params.items()}


def _commit(view: View, always: bool = False) -> View:
    """Write the view to the session and, when it differs (or `always`), to the URL."""
    params = view_to_params(view)
    st.session_state[VIEW] = view
    st.session_state[PARAMS] = params
    if always or _as_lists(params) != _url_params():
        st.query_params.from_dict(params)
    return view


def begin(known: Known) -> View:
    """Once per run, before any widget: the view from the URL (restored from the session when a page change
    cleared the URL), notices about what was ignored, and the sidebar widgets set to match."""
    params = _url_params()
    if not params and st.session_state.get(PARAMS):
        params = _as_lists(st.session_state[PARAMS])
    view, notices = parse_view(params, known)
    st.session_state[NOTICES] = notices
    # written every run: a page link (st.page_link with query_params) hands the script its parameters but leaves
    # the browser's address without them, so the address would not match the page (a refresh lost the slide)
    _commit(view, always=True)
    _sync_widgets(view)
    return view


def view() -> View:
    """The session's current view."""
    return st.session_state.get(VIEW, View())


def notices() -> list[Notice]:
    return st.session_state.get(NOTICES, [])


def _widget_value(spec: Filter, view: View):
    values = [getattr(view, attr) for attr in spec.attrs]
    return tuple(values) if spec.kind == "range" else list(values[0]) if spec.kind == "list" else values[0]


def _fields_from_widget(spec: Filter, value) -> dict:
    if spec.kind == "range":
        return {spec.attrs[0]: int(value[0]), spec.attrs[1]: int(value[1])}
    if spec.kind == "list":
        return {spec.attrs[0]: tuple(value or ())}
    return {spec.attrs[0]: str(value or "")[: config.MAX_QUERY_LENGTH]}


def _sync_widgets(view: View) -> None:
    """Set the widgets from the view when it changed from outside them (a link, a click, Play, Reset)."""
    wanted = (filters_of(view), view.lang)
    if st.session_state.get(SYNCED) == wanted:
        return
    for spec in FILTERS:
        st.session_state[widget_key(spec)] = _widget_value(spec, view)
    st.session_state[LANG_WIDGET] = view.lang
    st.session_state[SYNCED] = wanted


def _settle(new: View) -> View:
    st.session_state[SYNCED] = (filters_of(new), new.lang)  # the widgets already show it
    return _commit(new)


# --- transitions ---------------------------------------------------------------------------------------------

def change_filters() -> None:
    """Sidebar callback: the widgets' values become the view's filters."""
    fields: dict = {}
    for spec in FILTERS:
        fields.update(_fields_from_widget(spec, st.session_state.get(widget_key(spec))))
    _settle(with_changes(view(), **fields))


def change_language() -> None:
    """Language picker callback."""
    _settle(with_changes(view(), lang=str(st.session_state.get(LANG_WIDGET, "en"))))


def reset_filters() -> None:
    """Every filter back to its default; language and story stay."""
    _commit(without_filters(view()))


def clear_search() -> None:
    """"No events match": the search text is removed; every other filter stays."""
    _commit(with_changes(view(), q=""))


def close_card() -> None:
    """The card's Close button."""
    _commit(with_changes(view(), card=""))


def show_card_events(key: str) -> None:
    """A card's 'only these events': the person or place becomes the filter."""
    from ..cards import card_filter
    _commit(card_filter(view(), key))


def select_event(event_id: str) -> View:
    """A click on a marker, a point or a row: the event is selected and in the URL."""
    return _commit(with_changes(view(), event=event_id))


def go_to_step(step: int) -> None:
    """A story's Back/Next/Title slide (buttons or keys): the slide is in the URL."""
    _commit(with_changes(view(), step=max(0, step), event=""))


def leave_story() -> None:
    _commit(with_changes(view(), story="", step=0, present=False))


def start_presenting() -> None:
    """Presenter mode for the story's slides: ?present=1, no sidebar, no Streamlit chrome."""
    _commit(with_changes(view(), present=True))


def stop_presenting() -> None:
    """Back to the normal page of the same slide."""
    _commit(with_changes(view(), present=False))


def sidebar_hidden() -> None:
    """The sidebar is not drawn in this run (presenter mode): its widgets are set again from the view when it is."""
    st.session_state.pop(SYNCED, None)


def set_years(year_from: int, year_to: int) -> View:
    return _commit(with_changes(view(), year_from=year_from, year_to=year_to))


def reset_years() -> None:
    """The Map page's Reset years: every year of the atlas again."""
    set_years(config.YEAR_MIN, config.YEAR_MAX)


def apply_map_action(action: MapAction | None) -> bool:
    """What the map reported, acted on once (the map keeps returning its last report on every rerun): an event
    chosen in a popup is selected; the year where Play stopped becomes the window, so the link and the sidebar
    follow. True if the view changed."""
    if action is None or st.session_state.get(MAP_ACTION) == action.nonce:
        return False
    st.session_state[MAP_ACTION] = action.nonce
    if action.kind == "event" and action.event != view().event:
        select_event(action.event)
        return True
    if action.kind == "year" and (view().year_from, view().year_to) != (action.year, action.year):
        set_years(action.year, action.year)
        return True
    return False


# --- a researcher's own events ("your data"): held in this browser session's memory, never written anywhere -----

def overlay():
    """(file name, upload id, enriched events) of the session's own data, or None."""
    return st.session_state.get(OVERLAY)


def set_overlay(name: str, upload_id: str, events) -> None:
    st.session_state[OVERLAY] = (name, upload_id, events)


def clear_overlay() -> None:
    """'Remove your data': forget the events and empty the file picker (a new widget key)."""
    st.session_state.pop(OVERLAY, None)
    st.session_state[UPLOADS] = uploads() + 1


def uploads() -> int:
    """How many times the file picker was emptied: part of its widget key."""
    return int(st.session_state.get(UPLOADS, 0))
