"""Build the Folium map from filtered frames: our own basemap (basemap.py), no tiles, Leaflet served locally.

The map is two parts: the basemap, the same for every view of a language, and three feature groups on top of it
(historical regions, routes, event markers) with the data of the view. The Map page sends the groups separately
(streamlit-folium's feature_group_to_add), so a new view or a selected event changes them in place and the map
is never reloaded; a story slide gets both parts in one map (`build_event_map`)."""
from __future__ import annotations

import json

import folium
import pandas as pd
from branca.element import MacroElement
from jinja2 import Template

from . import config
from .basemap import base_map
from .escape import html_text
from .frames import Frames, drawn, frame_labels, framed_markers, make_frames, play_size, region_frames, route_frames
from .i18n import t, translator
from .model import split_ids
from .markers import MARKER_OFFSET_DEG, event_items, located_records, marker_features
from .placelabels import LABEL_GAP_PX
from .routes import route_features, routes_to_draw


def region_tooltip(properties: dict, name: str, lang: str) -> str:
    """Escaped tooltip text for a region: its name on the map's date, the validity of this outline, how
    approximate it is and what it is made of."""
    error_note = properties.get("est_error_note")
    return (f"<b>{html_text(name)}</b><br>{html_text(properties.get('valid_from'))} – {html_text(properties.get('valid_to'))}"
            f"<br><i>{html_text(t('map.approximate_boundary', lang))}</i> (±{html_text(properties.get('est_error_km'))} km)"
            + (f"<br><small>{html_text(error_note)}</small>" if error_note else "")
            + f"<br><small>{html_text(properties.get('basis'))}</small>")


def region_tooltip_properties(feature: dict, lang: str) -> dict:
    """{"tip": …} for a region drawn alone (a story slide, a handout): its tooltip under its own name."""
    properties = feature.get("properties") or {}
    return {"tip": region_tooltip(properties, properties.get("name", ""), lang)}


def region_style(nested: bool) -> dict:
    """A region is tinted and outlined with dashes (approximate); one inside another drawn region (a guberniya in
    its republic) only outlined, thinner, so the republic's tint is not doubled."""
    if nested:
        return {"color": config.REGION_EDGE, "weight": 1, "dashArray": "2 4", "fillOpacity": 0.0,
                "fillColor": config.REGION_COLOR}
    return {"fillColor": config.REGION_COLOR, "color": config.REGION_EDGE, "weight": 1.5, "dashArray": "6 4",
            "fillOpacity": 0.12}


def region_feature(item: dict, lang: str) -> dict:
    """One region with its frames; the tooltip follows its name by frame when the name changes (Kirgiz ASSR in
    1924, Kazak ASSR from June 1925), the style whether it lies inside another region on the frame's date."""
    properties = item["feature"].get("properties") or {}
    tips = {key: region_tooltip(properties, name, lang) for key, name in item["name_by_frame"].items()}
    styles = {key: region_style(nested) for key, nested in item.get("nested_by_frame", {}).items()}
    first_key = next(iter(tips))
    extra = {"tips": tips} if len(set(tips.values())) > 1 else {}
    if len({json.dumps(v, sort_keys=True) for v in styles.values()}) > 1:
        extra["styles"] = styles
    return {"type": "Feature", "geometry": item["feature"]["geometry"],
            "properties": {"tip": tips[first_key], "style": styles.get(first_key, region_style(False)),
                           "f": item["f"], **extra}}


def legend_entries(lang: str) -> list[dict]:
    """What the map legend shows, by section: thread colours and point symbols, route colours, dashes and ends,
    then the areas, borders and water of the basemap."""
    threads = [{"section": "threads", "kind": "marker", "color": color, "label": t(f"thread.{thread}", lang)}
               for thread, color in config.THREAD_COLORS.items()]
    threads.append({"section": "threads", "kind": "marker", "color": "#555555", "hollow": True, "dash": "4 3",
                    "label": t("legend.approximate_place", lang)})
    grey = "#444444"
    routes = [{"section": "routes", "kind": "line", "color": config.ROUTE_COLORS[group], "label": t(key, lang)}
              for group, key in (("migration", "legend.migration_route"), ("relocation", "legend.relocation_route"),
                                 ("forced", "legend.forced_route"))]
    routes += [{"section": "routes", "kind": "line", "color": grey, "dash": config.ROUTE_DASHES[certainty],
                "label": t(key, lang)}
               for certainty, key in (("certain", "legend.certain_route"), ("approximate", "legend.approximate_route"),
                                      ("disputed", "legend.disputed_route"))]
    routes.append({"section": "routes", "kind": "arrow", "color": grey, "hollow": True,
                   "label": t("legend.unspecified_end", lang)})
    areas = [
        {"section": "map", "kind": "area", "color": config.REGION_EDGE, "fill": config.REGION_COLOR, "dash": "6 4",
         "label": t("legend.region", lang)},
        {"section": "map", "kind": "line", "color": config.BORDER_COLOR, "dash": "4 3", "label": t("legend.modern", lang)},
        {"section": "map", "kind": "area", "color": "#5a8db3", "fill": config.WATER_COLOR, "label": t("legend.water", lang)},
        {"section": "map", "kind": "line", "color": config.RIVER_COLOR, "label": t("legend.river", lang)},
    ]
    return threads + routes + areas


class MapRefresh(MacroElement):
    """Hands the view's data to static/atlas-map.js: which frame to show, Play's years, labels, texts."""
    _template = Template("""{% macro script(this, kwargs) %}
        SteppeAtlas.refresh({{ this.map_name }}, {{ this.data|tojson }}, {
            {%- for role, group in this.groups.items() %}{{ role|tojson }}: {{ group.get_name() }},{% endfor %}});
    {% endmacro %}""")

    def __init__(self, data: dict, groups: dict):
        super().__init__()
        self._name = "SteppeAtlasRefresh"
        self.data, self.groups = data, groups

    def render(self, **kwargs):
        parent = self._parent
        while parent is not None and not isinstance(parent, folium.Map):
            parent = getattr(parent, "_parent", None)
        self.map_name = parent.get_name() if parent is not None else "map"
        super().render(**kwargs)


def frame_texts(frames: Frames, dates: dict, lang: str) -> dict:
    """The words the map shows per frame: its years and the date of its regions."""
    def years(first, last):
        return str(first) if first == last else f"{first}–{last}"
    return {"years": {key: years(*span) for key, span in frames.years.items()},
            "regions": {key: t("map.regions_on", lang, date=day) for key, day in dates.items()},
            "play": t("map.play", lang), "pause": t("map.pause", lang), "noPlay": t("map.no_play", lang)}


def _region_items(regions: dict, bounds: tuple | None, frames: Frames, date, lang: str) -> tuple[list, dict]:
    words = lambda day: translator(lang).date(day.date(), "long")  # noqa: E731
    if bounds is not None:
        return region_frames(regions, bounds, frames, words)
    features = [f for f in regions.get("features", []) if drawn(f.get("properties") or {})]
    ids = {(f.get("properties") or {}).get("region_id") for f in features}
    items = [{"feature": f, "f": [frames.window],
              "name_by_frame": {frames.window: (f.get("properties") or {}).get("name_on_date")
                                or (f.get("properties") or {}).get("name", "")},
              "nested_by_frame": {frames.window: bool(ids & set(split_ids(str((f.get("properties") or {})
                                                                              .get("part_of") or ""))))}}
             for f in features]
    return items, ({frames.window: words(date)} if date is not None else {})


def _marker_group(events: pd.DataFrame, frames: Frames, lang: str, selected: str):
    """Markers per frame, identical ones merged (their frames joined); Play's frames are left out above
    config.MAX_PLAY_MARKERS (the map would be too heavy to send)."""
    groups = framed_markers(events, frames, lang)
    if frames.playable and play_size(groups) > config.MAX_PLAY_MARKERS:
        frames = make_frames(*frames.years[frames.window], play=False)
        groups = [([frames.window], rows, part) for keys, rows, part in groups if frames.window in keys]
    items = event_items(located_records(events))
    merged: dict[str, dict] = {}
    for keys, rows, part in groups:
        for feature in marker_features(rows, part, lang, selected, items=items):
            signature = json.dumps([feature["geometry"], feature["properties"]], sort_keys=True)
            merged.setdefault(signature, {**feature, "properties": {**feature["properties"], "f": []}})
            merged[signature]["properties"]["f"] += keys
    return list(merged.values()), groups, frames


def _group(name: str, features: list[dict], **options) -> folium.FeatureGroup:
    """A layer of the control holding one GeoJSON layer: style from each feature, its `tip` as tooltip."""
    group = folium.FeatureGroup(name=name, show=True)
    if features:  # folium's tooltip wants at least one feature to check its field against
        folium.GeoJson({"type": "FeatureCollection", "features": features},
                       style_function=lambda f: f["properties"]["style"],
                       tooltip=folium.GeoJsonTooltip(fields=["tip"], labels=False), **options).add_to(group)
    return group


def event_groups(events: pd.DataFrame, routes: pd.DataFrame, regions: dict, region_bounds: tuple | None,
                 frames: Frames, *, lang: str, sources_short: dict, people: dict | None = None, selected: str = "",
                 date: pd.Timestamp | None = None, player: bool = True,
                 place_names: dict | None = None) -> list[folium.FeatureGroup]:
    """The three groups drawn over the basemap, every feature stamped with its frames (`f`), and the element
    that starts the map's script on them. With `region_bounds`, `regions` are every region and each frame shows
    those valid on its date; without, `regions` are shown as given (on `date`, if known). `player`: the map
    shows its years and the Play button. `place_names`: {place_id: dated_names}, to label places as named then."""
    marker_list, groups, frames = _marker_group(events, frames, lang, selected)
    region_items, dates = _region_items(regions, region_bounds, frames, date, lang)
    region_group = _group(t("map.layer.regions", lang), [region_feature(i, lang) for i in region_items],
                          pane="atlas-regions")
    drawn = routes_to_draw(routes)
    route_list = []
    for (_, row), keys in zip(drawn.iterrows(), route_frames(drawn, frames)):
        for feature in route_features(row, sources_short, lang, people):
            feature["properties"]["f"] = keys
            route_list.append(feature)
    route_group = _group(t("map.layer.routes", lang), route_list, marker=folium.CircleMarker(radius=5, fill=True))
    event_group = _group(t("map.layer.events", lang), marker_list, marker=folium.CircleMarker(radius=8, fill=True),
                         popup=folium.GeoJsonPopup(fields=["popup"], labels=False, max_width=380))

    first, last = config.PLAY_YEARS
    data = {"window": frames.window, "frames": {k: list(v) for k, v in frames.years.items()}, "player": player,
            "playable": frames.playable, "first": first, "last": last, "ringDeg": MARKER_OFFSET_DEG,
            "labelHeight": config.LABEL_HEIGHT_PX, "labelGap": LABEL_GAP_PX,
            "labels": frame_labels(groups, frames, place_names), "text": frame_texts(frames, dates, lang)}
    MapRefresh(data, {"regions": region_group, "routes": route_group, "events": event_group}).add_to(event_group)
    return [region_group, route_group, event_group]


def layer_control(height: int) -> folium.LayerControl:
    """Folded on small maps (and on narrow ones, by the map's script)."""
    return folium.LayerControl(collapsed=height < 500)


def build_event_map(events: pd.DataFrame, routes: pd.DataFrame, regions: dict, countries: dict,
                    sources_short: dict, *, lang: str, selected: str = "", link_params: dict | None = None,
                    height: int = 620, markers: pd.DataFrame | None = None, basemap: dict | None = None,
                    people: dict | None = None, date: pd.Timestamp | None = None) -> folium.Map:
    """Filtered events, routes and regions -> one folium.Map that needs no network, everything shown at once
    (a story slide). `regions` are drawn as given: pass filters.regions_on(...) for one date, and `date` to name
    it. `link_params` and `markers` are accepted for older callers: popups now report the chosen event to the
    page, and markers are made here."""
    fmap = base_map(countries, basemap, lang, height=height)
    frames = make_frames(config.YEAR_MIN, config.YEAR_MAX, play=False)
    for group in event_groups(events, routes, regions, None, frames, lang=lang, sources_short=sources_short,
                              people=people, selected=selected, date=date, player=False):
        group.add_to(fmap)
    layer_control(height).add_to(fmap)
    return fmap
