"""Streamlit glue shared by the pages: load data, keep the View in the URL, sidebar, detail panel.

Builders elsewhere in the package are pure; this is the one module that talks to Streamlit."""
from __future__ import annotations

import html
import os
from pathlib import Path

import pandas as pd
import streamlit as st

from . import config
from .dates import format_julian_label
from .i18n import t
from .load import Atlas, DataError, load_atlas, split_ids
from .urlstate import Known, View, parse_view, step_window, view_to_params, with_changes

WIDGET_KEYS = ("w_years", "w_threads", "w_people", "w_places", "w_sources", "w_certainties", "w_q", "w_lang")


def data_dirs() -> tuple[Path, Path]:
    """Where the data lives; STEPPE_DATA_DIR / STEPPE_GEO_DIR point the app at another dataset."""
    return (Path(os.environ.get("STEPPE_DATA_DIR", config.DATA_DIR)),
            Path(os.environ.get("STEPPE_GEO_DIR", config.GEO_DIR)))


@st.cache_resource(show_spinner=False)
def _cached_atlas(data_dir: str, geo_dir: str, stamp: tuple) -> Atlas:
    # cache_resource: the Atlas is read-only after validation and shared by every session (40 pupils, one copy);
    # `stamp` (file mtimes) makes an edited file reload without restarting the server.
    return load_atlas(Path(data_dir), Path(geo_dir))


def _stamp(*dirs: Path) -> tuple:
    return tuple(sorted((str(p), p.stat().st_mtime_ns) for d in dirs if d.exists() for p in d.iterdir() if p.is_file()))


def get_atlas() -> Atlas:
    """The validated atlas, or a clear message naming file, row and column, then stop."""
    data_dir, geo_dir = data_dirs()
    stamp = _stamp(data_dir, geo_dir)
    try:
        atlas = _cached_atlas(str(data_dir), str(geo_dir), stamp)
        atlas._version = hash(stamp)  # keys the figure caches below to this version of the data
        return atlas
    except DataError as exc:
        st.error(t("data.error_title"))
        st.markdown("\n".join(f"- {md_escape(str(p))}" for p in exc.problems[:50]))
        if len(exc.problems) > 50:
            st.caption(t("data.more_problems", n=len(exc.problems) - 50))
        st.stop()


def known_ids(atlas: Atlas) -> Known:
    """The ids a link may name; computed once per loaded atlas (100,000 event ids are not free)."""
    cached = getattr(atlas, "_known", None)
    if cached is None:
        cached = _known_ids(atlas)
        atlas._known = cached  # the shared Atlas is read-only otherwise; this memo is derived from it
    return cached


def _known_ids(atlas: Atlas) -> Known:
    last_steps = atlas.stories.groupby("story_id")["step"].max()
    return Known(people=frozenset(atlas.people["person_id"]), places=frozenset(atlas.places["place_id"]),
                 sources=frozenset(atlas.sources["source_id"]), events=frozenset(atlas.events["event_id"]),
                 stories=tuple((sid, int(last)) for sid, last in last_steps.items()))


def _read_params() -> dict[str, list[str]]:
    return {key: st.query_params.get_all(key) for key in st.query_params.keys()}


def write_view(view: View) -> None:
    """Mirror the view into the URL and remember it for the next page."""
    params = view_to_params(view)
    st.session_state["_params"] = params
    if params != _read_params_flat():
        st.query_params.from_dict(params)


def _read_params_flat() -> dict:
    out = {}
    for key, values in _read_params().items():
        out[key] = values if key in ("thread", "person", "place", "source", "certainty") else values[0]
    return out


def current_view(atlas: Atlas) -> View:
    """The view from the URL; restored from the session when a page change cleared the URL."""
    params = _read_params()
    if not params and st.session_state.get("_params"):
        params = {k: v if isinstance(v, list) else [v] for k, v in st.session_state["_params"].items()}
        st.query_params.from_dict(st.session_state["_params"])
    view, notices = parse_view(params, known_ids(atlas))
    st.session_state["_params"] = view_to_params(view)
    st.session_state["_view"] = view
    if notices:
        st.session_state["_notices"] = notices
        write_view(view)  # drop the bad values from the URL too
    else:
        st.session_state.pop("_notices", None)
    return view


def show_notices() -> None:
    for notice in st.session_state.get("_notices", []):
        st.info(t("url.notice", text=notice), icon=":material/info:")


def _view_from_widgets() -> View:
    state = st.session_state
    base: View = state.get("_view", View())
    years = state.get("w_years", (base.year_from, base.year_to))
    return with_changes(base, year_from=int(years[0]), year_to=int(years[1]),
                        threads=tuple(state.get("w_threads", ())), people=tuple(state.get("w_people", ())),
                        places=tuple(state.get("w_places", ())), sources=tuple(state.get("w_sources", ())),
                        certainties=tuple(state.get("w_certainties", ())),
                        q=str(state.get("w_q", ""))[: config.MAX_QUERY_LENGTH], lang=state.get("w_lang", "en"))


def _on_filters_changed() -> None:
    view = _view_from_widgets()
    st.session_state["_view"] = view
    st.session_state["_widget_sig"] = view_to_params(with_changes(view, event=""))
    write_view(view)


def _sync_widgets(view: View) -> None:
    """Set the widgets from the view when the URL changed from outside (a link, a click, Play)."""
    signature = view_to_params(with_changes(view, event=""))
    if st.session_state.get("_widget_sig") == signature:
        return
    st.session_state.update(w_years=(view.year_from, view.year_to), w_threads=list(view.threads),
                            w_people=list(view.people), w_places=list(view.places), w_sources=list(view.sources),
                            w_certainties=list(view.certainties), w_q=view.q, w_lang=view.lang)
    st.session_state["_widget_sig"] = signature


def sidebar_filters(atlas: Atlas, view: View) -> None:
    """The shared filters, on every page; every change goes to the URL."""
    _sync_widgets(view)
    lang = view.lang
    sb = st.sidebar
    sb.header(t("filters.title", lang))
    sb.slider(t("filters.years", lang), config.YEAR_MIN, config.YEAR_MAX, key="w_years",
              on_change=_on_filters_changed)
    sb.multiselect(t("filters.threads", lang), list(config.THREADS), key="w_threads",
                   format_func=lambda th: t(f"thread.{th}", lang), placeholder=t("filters.all", lang),
                   on_change=_on_filters_changed)
    sb.text_input(t("filters.search", lang), key="w_q", placeholder=t("filters.search_hint", lang),
                  max_chars=config.MAX_QUERY_LENGTH, on_change=_on_filters_changed)
    with sb.expander(t("filters.more", lang), expanded=bool(view.people or view.places or view.sources
                                                             or view.certainties)):
        names = dict(zip(atlas.people["person_id"], atlas.people["name"]))
        st.multiselect(t("filters.people", lang), sorted(names, key=names.get), key="w_people",
                       format_func=names.get, placeholder=t("filters.all", lang), on_change=_on_filters_changed)
        places = dict(zip(atlas.places["place_id"], atlas.places["period_name"]))
        st.multiselect(t("filters.places", lang), sorted(places, key=places.get), key="w_places",
                       format_func=places.get, placeholder=t("filters.all", lang), on_change=_on_filters_changed)
        shorts = dict(zip(atlas.sources["source_id"], atlas.sources["short"]))
        st.multiselect(t("filters.sources", lang), list(shorts), key="w_sources", format_func=shorts.get,
                       placeholder=t("filters.all", lang), on_change=_on_filters_changed)
        st.multiselect(t("filters.certainty", lang), list(config.CERTAINTIES), key="w_certainties",
                       format_func=lambda c: t(f"certainty.{c}", lang), placeholder=t("filters.all", lang),
                       on_change=_on_filters_changed)
    sb.selectbox(t("filters.language", lang), list(config.LANGUAGES), key="w_lang",
                 format_func=lambda code: t(f"lang.{code}", lang), on_change=_on_filters_changed)
    if view_to_params(with_changes(view, event="", lang="en", story="", step=0)):
        sb.button(t("filters.reset", lang), on_click=_reset_filters, icon=":material/restart_alt:")


def _reset_filters() -> None:
    view = View(lang=st.session_state.get("_view", View()).lang)
    st.session_state["_view"] = view
    write_view(view)


def select_event(view: View, event_id: str) -> View:
    """Select an event (from a click) and mirror it in the URL."""
    new = with_changes(view, event=event_id)
    st.session_state["_view"] = new
    write_view(new)
    return new


def render_event_detail(atlas: Atlas, view: View, *, on_page: str) -> None:
    """The detail panel for the selected event, shared by the timeline and the map."""
    lang = view.lang
    if not view.event:
        st.caption(t("detail.none", lang))
        return
    row = atlas.events[atlas.events["event_id"] == view.event].iloc[0]
    source = atlas.sources.set_index("source_id").loc[row["source_id"]]
    people = dict(zip(atlas.people["person_id"], atlas.people["name"]))
    with st.container(border=True, key="event-detail"):
        st.subheader(row["title"], anchor=False)
        date = row["date_label"]
        if row["calendar"] == "julian":
            both = format_julian_label(row["date"])
            date += f" — {both}" if both else ""
            st.markdown(f"**{md_escape(date)}**")
            st.caption(t("detail.julian_note", lang))
        else:
            st.markdown(f"**{md_escape(date)}**")
        st.markdown(md_escape(row["summary"]))
        facts = []
        if row["place_name"]:
            facts.append(f"{t('detail.place', lang)}: {md_escape(row['place_name'])}")
        named = [people.get(pid, pid) for pid in split_ids(row["people"])]
        if named:
            facts.append(f"{t('detail.people', lang)}: {md_escape(', '.join(named))}")
        facts.append(f"{t('detail.thread', lang)}: {md_escape(t('thread.' + row['thread'], lang))}")
        facts.append(f"{t('detail.certainty', lang)}: {md_escape(t('certainty.' + row['certainty'], lang))}")
        st.markdown("  \n".join(facts))
        st.markdown(f"> “{md_escape(row['quote'])}”")
        st.caption(f"{md_escape(source['citation'])} — {md_escape(row['locator'])}")
        if row["note"]:
            st.info(f"{t('detail.note', lang)}: {md_escape(row['note'])}", icon=":material/edit_note:")
        for other in ("timeline", "map"):
            if other != on_page:
                st.page_link(f"pages/{other}.py", label=t(f"detail.see_on_{other}", lang),
                             query_params=view_to_params(view), icon=":material/arrow_forward:")


def md_escape(text: str) -> str:
    """Escape Markdown control characters in data text shown with st.markdown."""
    return "".join("\\" + ch if ch in "\\`*_{}[]<>()#+-.!|~$" else ch for ch in str(text))


def page_header(title_key: str, lead_key: str, lang: str) -> None:
    st.title(t(title_key, lang), anchor=False)
    st.markdown(t(lead_key, lang))


def events_table(events: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The columns researchers read and export, with readable headers."""
    return events[EXPORT_COLUMNS]


EXPORT_COLUMNS = ["date_label", "title", "thread", "place_name", "people", "source_short", "locator", "certainty",
                  "quote", "note", "event_id", "date", "calendar"]


def column_labels(lang: str) -> dict:
    """Readable headers for the events table."""
    return {col: st.column_config.TextColumn(t(f"col.{col}", lang), width="large" if col in ("quote", "note") else None)
            for col in EXPORT_COLUMNS}


@st.cache_resource(show_spinner=False)
def prepare_assets() -> Path:
    """Copy Leaflet into ./static once per server: the map then needs no network."""
    from .assets import sync_static_assets
    return sync_static_assets()


def page_context() -> tuple[Atlas, View]:
    """What every page starts from: the atlas and the current view (set by dashboard.py)."""
    leave_multipage_v1()
    atlas = get_atlas()
    view = st.session_state.get("_view") or current_view(atlas)
    show_notices()
    return atlas, view


def clicked_event(state) -> str:
    """The event_id of the point clicked on a Plotly chart (customdata[0]), or ''."""
    try:
        points = state.selection.points
    except AttributeError:
        return ""
    for point in points:
        custom = point.get("customdata")
        if custom:
            return str(custom[0])
    return ""


def play_step(view: View) -> View:
    """Advance the year window by one year; stop at the end of the atlas."""
    new = step_window(view)
    if new is None:
        st.session_state["_playing"] = False
        return view
    st.session_state["_view"] = new
    write_view(new)
    return new


class MapLayers:
    """What one map shows: the filtered frames, the marker index and the folium.Map."""

    def __init__(self, events, routes, regions, markers, fmap):
        self.events, self.routes, self.regions, self.markers, self.fmap = events, routes, regions, markers, fmap


def map_layers(atlas: Atlas, view: View, height: int = 620) -> MapLayers:
    """Filter and build the map for a view."""
    from .dates import parse_date
    from .filters import filter_events, filter_routes, regions_valid_in
    from .maps import build_event_map, marker_positions

    events = filter_events(atlas.events, view)
    routes = filter_routes(atlas.routes, view)
    regions = regions_valid_in(atlas.regions, view, parse_date)
    shorts = dict(zip(atlas.sources["source_id"], atlas.sources["short"]))
    markers = marker_positions(events, view.lang)
    fmap = build_event_map(events, routes, regions, atlas.countries, shorts, lang=view.lang, markers=markers,
                           link_params=view_to_params(with_changes(view, event="")), height=height)
    return MapLayers(events, routes, regions, markers, fmap)


def render_map_legend(lang: str) -> None:
    """The legend beside the map: colours, line styles, what 'approximate' means."""
    from .maps import legend_entries

    items = []
    for entry in legend_entries(lang):
        label = html.escape(entry["label"])
        if entry["kind"] == "marker":
            swatch = f'<span class="lg-dot" style="background:{entry["color"]}"></span>'
        elif entry["kind"] == "line":
            swatch = f'<span class="lg-line" style="border-top:3px dashed {entry["color"]}"></span>'
        else:
            style = "dashed" if entry["dash"] else "solid"
            swatch = f'<span class="lg-area" style="border:2px {style} {entry["color"]}"></span>'
        items.append(f"<li>{swatch}{label}</li>")
    st.markdown(
        "<style>.atlas-legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.3rem 1.4rem}"
        ".atlas-legend li{display:flex;align-items:center;gap:.45rem}"
        ".lg-dot{width:14px;height:14px;border-radius:50%;display:inline-block;border:1px solid #fff}"
        ".lg-line{width:30px;display:inline-block}.lg-area{width:22px;height:14px;display:inline-block}</style>"
        f"<p><b>{html.escape(t('map.legend', lang))}</b></p><ul class='atlas-legend'>{''.join(items)}</ul>"
        f"<p><small>{html.escape(t('legend.dashed', lang))}</small></p>", unsafe_allow_html=True)


def home_threads() -> tuple[str, ...]:
    """The threads introduced on the home page, in the order of the story."""
    return config.THREADS


def leave_multipage_v1() -> None:
    # Streamlit runs pages/<name>.py on its own (legacy "pages directory" mode) when the first visit to a
    # fresh server is a deep link such as /map. Switch that mode off and rerun through dashboard.py.
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


APP_CSS = """
<style>
/* captions: Streamlit's default grey is below WCAG AA on our cream background */
[data-testid="stCaptionContainer"] { opacity: 1 !important; }
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p { color: #564e43 !important; }
blockquote { border-left: 4px solid #8C3B12 !important; font-size: 1.1rem; }
blockquote, blockquote p { color: #2B2620 !important; }
</style>
"""


def inject_style() -> None:
    """The few CSS rules Streamlit's theme cannot express (contrast of captions, quotes, story type sizes)."""
    st.html(APP_CSS + STORY_CSS)


def _go_to_step(step: int) -> None:
    view = with_changes(st.session_state["_view"], step=step, event="")
    st.session_state["_view"] = view
    write_view(view)


def _leave_story() -> None:
    view = with_changes(st.session_state["_view"], story="", step=0)
    st.session_state["_view"] = view
    write_view(view)


def render_slide(atlas: Atlas, view: View, slide) -> None:
    """One slide of a guided story in big type: date, heading, text, quote and source, and a map."""
    from streamlit_folium import st_folium

    from .dates import parse_date
    from .filters import filter_routes, regions_valid_in
    from .maps import build_event_map

    lang = view.lang
    with st.container(key="story-slide"):
        top = st.columns([4, 1.4, 1.4, 1.8], vertical_alignment="center")
        top[0].progress(slide.step / max(1, slide.last_step),
                        text=t("stories.progress", lang, step=slide.step, last=slide.last_step))
        top[1].button(t("stories.previous", lang), key="story-prev", icon=":material/arrow_back:",
                      disabled=slide.step == 0, on_click=_go_to_step, args=(slide.step - 1,), width="stretch")
        top[2].button(t("stories.next", lang), key="story-next", icon=":material/arrow_forward:", type="primary",
                      disabled=slide.step >= slide.last_step, on_click=_go_to_step, args=(slide.step + 1,),
                      width="stretch")
        top[3].button(t("stories.all", lang), key="story-all", icon=":material/list:", on_click=_leave_story,
                      width="stretch")
        if slide.event is None:
            st.markdown(f"<h1 class='story-title'>{html.escape(slide.heading)}</h1>", unsafe_allow_html=True)
            st.markdown(f"<p class='story-text'>{html.escape(slide.text)}</p>", unsafe_allow_html=True)
            return
        event = slide.event
        left, right = st.columns([5, 4])
        with left:
            date = event["date_label"]
            if event["calendar"] == "julian":
                both = format_julian_label(event["date"])
                date += f" ({both})" if both else f" ({t('calendar.julian_short', lang)})"
            st.markdown(f"<p class='story-date'>{html.escape(date)}</p>"
                        f"<h2 class='story-heading'>{html.escape(slide.heading)}</h2>"
                        f"<p class='story-text'>{html.escape(slide.text)}</p>"
                        f"<blockquote class='story-quote'>“{html.escape(event['quote'])}”</blockquote>"
                        f"<p class='story-source'>{html.escape(event['source_short'])}, "
                        f"{html.escape(event['locator'])}</p>", unsafe_allow_html=True)
            if event["certainty"] != "certain":
                st.info(t(f"stories.certainty.{event['certainty']}", lang), icon=":material/help:")
        with right:
            shown = atlas.events[atlas.events["event_id"].isin(slide.story_event_ids)]
            year = int(pd.Timestamp(event["end"]).year)
            window = with_changes(View(), year_from=config.YEAR_MIN, year_to=year, threads=(event["thread"],))
            routes = filter_routes(atlas.routes, window)
            regions = regions_valid_in(atlas.regions, with_changes(View(), year_from=year, year_to=year), parse_date)
            shorts = dict(zip(atlas.sources["source_id"], atlas.sources["short"]))
            fmap = build_event_map(shown, routes, regions, atlas.countries, shorts, lang=lang,
                                   selected=event["event_id"], height=440)
            st_folium(fmap, key="story-map", height=440, use_container_width=True, returned_objects=[],
                      render=False)
        st.page_link("pages/timeline.py", label=t("detail.see_on_timeline", lang), icon=":material/timeline:",
                     query_params=view_to_params(with_changes(view, story="", step=0, event=event["event_id"])))


STORY_CSS = """
<style>
.st-key-story-slide .story-title { font-size: 3.2rem; line-height: 1.15; margin-top: 1.5rem; }
.st-key-story-slide .story-date { font-size: 1.6rem; font-weight: 700; color: #8C3B12; margin-bottom: 0; }
.st-key-story-slide .story-heading { font-size: 2.4rem; line-height: 1.2; padding-top: 0.2rem; }
.st-key-story-slide .story-text { font-size: 1.45rem; line-height: 1.5; }
.st-key-story-slide .story-quote { font-size: 1.3rem; font-style: italic; border-left: 5px solid #8C3B12; color: #2B2620;
  padding-left: 1rem; margin-left: 0; }
.st-key-story-slide .story-source { font-size: 1.1rem; color: #4a4336; }
</style>
"""


def render_uploaded_events(atlas: Atlas, view: View, name: str, data: bytes) -> None:
    """Check a researcher's own events file by the atlas' rules; show the problems, or the events."""
    from .load import check_events_file
    from .timeline import build_timeline

    lang = view.lang
    events, problems = check_events_file(name, data, atlas)
    if problems:
        st.error(t("upload.problems", lang, n=len(problems)))
        st.markdown("\n".join(f"- {md_escape(str(p))}" for p in problems[:50]))
        return
    st.success(t("upload.ok", lang, n=len(events)))
    if not events.empty:
        st.plotly_chart(build_timeline(events, lang=lang), key="upload-timeline", config={"displaylogo": False})
        st.dataframe(events_table(events, lang), hide_index=True, width="stretch", column_config=column_labels(lang))


def compact_outline(atlas: Atlas) -> tuple[list, list]:
    """Simplified country outlines for the home page's small map, computed once per loaded atlas."""
    from .maps import outline_xy

    cached = getattr(atlas, "_outline", None)
    if cached is None:
        cached = outline_xy(atlas.countries)
        atlas._outline = cached
    return cached


def _figure_key(atlas: Atlas, view: View, **extra) -> tuple:
    params = view_to_params(with_changes(view, story="", step=0))
    return (getattr(atlas, "_version", 0), tuple(sorted((k, str(v)) for k, v in params.items())),
            tuple(sorted(extra.items())))


@st.cache_data(max_entries=256, show_spinner=False)
def _cached_timeline(_atlas: Atlas, key: tuple, view: View, compact: bool):
    from .filters import filter_events
    from .timeline import build_timeline

    events = filter_events(_atlas.events, view)
    # a plain dict: unpickling a go.Figure from the cache re-runs Plotly's validation (~50 ms a session)
    return build_timeline(events, _atlas.eras, lang=view.lang, year_from=view.year_from, year_to=view.year_to,
                          selected=view.event, compact=compact).to_dict()


def timeline_figure(atlas: Atlas, view: View, compact: bool = False):
    """The timeline for a view, built once per view and data version: a class of 40 on one link shares it."""
    return _cached_timeline(atlas, _figure_key(atlas, view, compact=compact), view, compact)


@st.cache_data(max_entries=256, show_spinner=False)
def _cached_compact_map(_atlas: Atlas, key: tuple, view: View):
    from .filters import filter_events
    from .maps import build_compact_map

    return build_compact_map(filter_events(_atlas.events, view), compact_outline(_atlas), lang=view.lang).to_dict()


def compact_map_figure(atlas: Atlas, view: View):
    """The home page's small map for a view, cached like the timeline."""
    return _cached_compact_map(atlas, _figure_key(atlas, view), view)
