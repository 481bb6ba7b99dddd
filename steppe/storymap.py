"""A story slide's map: the slide's place emphasised and named, the story's other events faded, the map fitted
to the slide's places and routes. `map_spec` is the pure description (GeoJSON with styles, labels, bounds) that
both the Folium map of the app and the Leaflet maps of the offline handout draw."""
from __future__ import annotations

from pathlib import Path

import folium
from branca.element import MacroElement
from jinja2 import Template

from . import config
from .assets import LEAFLET_CSS, LEAFLET_JS
from .escape import html_text
from .i18n import t
from .layers import SlideLayers
from .basemap import MAP_CSS, country_collection
from .maps import region_tooltip_properties
from .markers import marker_feature_collection
from .routes import route_feature_collection

# Pixels kept free around the fitted places: the zoom buttons (top left), the folded layer button (top right),
# the scale (bottom left) and the labels, which reach ~150 px beside their point towards the centre.
PADDING_TOP_LEFT = (70, 64)
PADDING_BOTTOM_RIGHT = (70, 44)
FADED_MARKER = {"fillOpacity": 0.3, "opacity": 0.45, "weight": 1}
FADED_ROUTE = 0.3
COUNTRY_STYLE = {"fillColor": config.LAND_COLOR, "color": config.BORDER_COLOR, "weight": 1, "fillOpacity": 1.0}
REGION_STYLE = {"fillColor": config.REGION_COLOR, "color": config.REGION_EDGE, "weight": 1.5, "dashArray": "6 4",
                "fillOpacity": 0.12}


LABELS_JS = (Path(__file__).parent / "templates" / "labels.js").read_text(encoding="utf-8")


class SlideBehaviour(MacroElement):
    """Runs templates/labels.js on the map, and fits the slide again when the map's frame changes size (the page
    lays out the map before the strip and the question below it have their height). Part of the map's own
    script, so streamlit-folium runs it too."""
    _template = Template("{% macro script(this, kwargs) %}" + LABELS_JS + """
        window.steppeDeclutter({{ this._parent.get_name() }});
        {{ this._parent.get_name() }}.on("resize", function () {
            {{ this._parent.get_name() }}.fitBounds({{ this.bounds|tojson }},
                {paddingTopLeft: {{ this.top_left|tojson }}, paddingBottomRight: {{ this.bottom_right|tojson }}});
        });
    {% endmacro %}""")

    def __init__(self, bounds: list):
        super().__init__()
        self.bounds, self.top_left, self.bottom_right = bounds, list(PADDING_TOP_LEFT), list(PADDING_BOTTOM_RIGHT)


def label_css(size_px: int = 15) -> str:
    """Place names on the map: dark on a light box (contrast above 12:1), the slide's own place larger."""
    return (".slide-label-icon{background:none;border:none}"
            f".slide-label{{position:absolute;top:-0.75em;white-space:nowrap;font:600 {size_px}px/1.2 Georgia,serif;"
            f"color:{config.TEXT_COLOR};background:rgba(255,253,247,.93);border:1px solid {config.BORDER_COLOR};"
            "border-radius:3px;padding:1px 6px;pointer-events:none}"
            ".slide-label.right{left:14px}.slide-label.left{right:14px}"
            f".slide-label.main{{font-size:{round(size_px * 1.25)}px;font-weight:700;border:2px solid #111}}"
            ".slide-label.approximate{font-style:italic}"
            f".slide-map-note{{position:absolute;z-index:1000;left:50%;bottom:6px;transform:translateX(-50%);margin:0;"
            f"max-width:80%;font:{max(13, size_px - 2)}px/1.3 Georgia,serif;color:{config.TEXT_COLOR};"
            "background:rgba(255,253,247,.95);border:1px solid #8c8577;border-radius:4px;padding:3px 8px}")


def marker_features(layers: SlideLayers, lang: str) -> dict:
    """The story's events as circles: the slide's own emphasised and drawn last (on top), the others faded.
    No popups: a slide is presented, not browsed."""
    collection = marker_feature_collection(layers.markers, layers.events, lang, layers.selected)
    own, others = [], []
    for marker, feature in zip(layers.markers.itertuples(index=False), collection["features"]):
        props = feature["properties"]
        props.pop("popup", None)
        style = dict(props["style"])
        if layers.selected and layers.selected in marker.event_ids:
            style.update(radius=style["radius"] + 4, weight=4, color=config.SELECTED_EDGE, fillOpacity=1.0)
            own.append(feature)
        else:
            if layers.selected:
                style.update(FADED_MARKER)
            others.append(feature)
        props["style"] = style
    return {"type": "FeatureCollection", "features": others + own}


def route_features(layers: SlideLayers, sources_short: dict, lang: str) -> dict:
    """The slide's own routes strong, the thread's earlier routes faded (context first, so it lies below)."""
    features = []
    for frame, strong in ((layers.routes, False), (layers.slide_routes, True)):
        for feature in route_feature_collection(frame, sources_short, lang)["features"]:
            style = dict(feature["properties"]["style"])
            if strong:
                style.update(opacity=0.95, weight=style["weight"] + 1)
            else:
                style.update(opacity=FADED_ROUTE, fillOpacity=min(style.get("fillOpacity", FADED_ROUTE), FADED_ROUTE))
            features.append({**feature, "properties": {**feature["properties"], "style": style}})
    return {"type": "FeatureCollection", "features": features}


def map_spec(layers: SlideLayers, sources_short: dict, lang: str) -> dict:
    """Everything a slide's map draws, as plain data (GeoJSON with escaped tooltips, labels as text)."""
    return {"bounds": layers.bounds,
            "markers": marker_features(layers, lang),
            "routes": route_features(layers, sources_short, lang),
            "labels": [{"lat": lb.lat, "lon": lb.lon, "text": lb.text, "main": lb.main,
                        "approximate": lb.approximate, "side": lb.side} for lb in layers.labels],
            "regions": [f["properties"].get("region_id", "") for f in layers.regions.get("features", [])]}


def label_html(label) -> str:
    classes = " ".join(["slide-label", label.side] + ["main"] * label.main + ["approximate"] * label.approximate)
    return f'<span class="{classes}">{html_text(label.text)}</span>'


class SlideMap(folium.Map):
    """folium.Map that knows its fitted bounds (streamlit-folium asks for them; walking every outline is slow)."""

    def __init__(self, bounds: list, **kwargs):
        super().__init__(**kwargs)
        self.fitted = bounds

    def get_bounds(self):
        return [list(corner) for corner in self.fitted]


def build_slide_map(layers: SlideLayers, countries: dict, sources_short: dict, *, lang: str, height: int = 460,
                    label_px: int = 15, note: str = "") -> folium.Map:
    """The Folium map of a slide: no tiles, Leaflet served locally, fitted to the slide, its places named, `note`
    written on the map. The map fills its frame (100vh inside the iframe): the page's CSS decides its height."""
    spec = map_spec(layers, sources_short, lang)
    (south, west), (north, east) = spec["bounds"]
    fmap = SlideMap(spec["bounds"], location=((south + north) / 2, (west + east) / 2), zoom_start=4, tiles=None,
                    control_scale=True, height=height, zoom_snap=0.25)
    fmap.default_js = list(LEAFLET_JS)
    fmap.default_css = list(LEAFLET_CSS)
    fmap.get_root().header.add_child(folium.Element(
        MAP_CSS + f"<style>#map_div{{height:100vh!important}}{label_css(label_px)}</style>"))
    if note:
        fmap.get_root().html.add_child(folium.Element(f'<p class="slide-map-note">{html_text(note)}</p>'))
    fmap.fit_bounds(spec["bounds"], padding_top_left=PADDING_TOP_LEFT, padding_bottom_right=PADDING_BOTTOM_RIGHT)

    folium.GeoJson(country_collection(countries, lang), name=t("map.layer.countries", lang),
                   style_function=lambda f: COUNTRY_STYLE,
                   tooltip=folium.GeoJsonTooltip(fields=["tip"], labels=False)).add_to(fmap)
    region_layer = folium.FeatureGroup(name=t("map.layer.regions", lang), show=True)
    if layers.regions.get("features"):
        tipped = {"type": "FeatureCollection",
                  "features": [{"type": "Feature", "geometry": f["geometry"],
                                "properties": region_tooltip_properties(f, lang)} for f in layers.regions["features"]]}
        folium.GeoJson(tipped, style_function=lambda f: REGION_STYLE,
                       tooltip=folium.GeoJsonTooltip(fields=["tip"], labels=False)).add_to(region_layer)
    region_layer.add_to(fmap)
    route_layer = folium.FeatureGroup(name=t("map.layer.routes", lang), show=True)
    if spec["routes"]["features"]:
        folium.GeoJson(spec["routes"], style_function=lambda f: f["properties"]["style"],
                       marker=folium.CircleMarker(radius=6),  # a route's open end on a region: a ring, not a pin
                       tooltip=folium.GeoJsonTooltip(fields=["tip"], labels=False)).add_to(route_layer)
    route_layer.add_to(fmap)
    event_layer = folium.FeatureGroup(name=t("map.layer.events", lang), show=True)
    if spec["markers"]["features"]:
        folium.GeoJson(spec["markers"], marker=folium.CircleMarker(radius=8, fill=True),
                       style_function=lambda f: f["properties"]["style"],
                       tooltip=folium.GeoJsonTooltip(fields=["tip"], labels=False)).add_to(event_layer)
    event_layer.add_to(fmap)
    label_layer = folium.FeatureGroup(name=t("stories.layer.labels", lang), show=True)
    for label in layers.labels:
        folium.Marker((label.lat, label.lon), icon=folium.DivIcon(html=label_html(label), icon_size=(0, 0),
                                                                 class_name="slide-label-icon"),
                      interactive=False, keyboard=False).add_to(label_layer)
    label_layer.add_to(fmap)
    SlideBehaviour(spec["bounds"]).add_to(fmap)
    folium.LayerControl(collapsed=True).add_to(fmap)  # folded: it never covers a place
    return fmap
