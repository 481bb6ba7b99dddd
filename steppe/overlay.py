"""A researcher's own events (an uploaded file, checked by steppe/upload.py) drawn beside the atlas' events and
marked "your data": a lane of its own on the timeline, a layer of its own on the map, rows of their own in the
table. Pure: the Streamlit layer keeps the frame in the browser session's memory only (steppe/ui/state.py)."""
from __future__ import annotations

import copy

import folium
import pandas as pd

from .escape import html_text
from .export import events_table
from .i18n import t, translator
from .labels import display_date

COLOR = "#111111"            # black: no thread has it, so "your data" never reads as an atlas thread
MARKER_CLASS = "overlay-marker"


def timeline_with_overlay(figure: dict, events: pd.DataFrame, lang: str) -> dict:
    """The atlas' timeline (a figure dict) with the overlay's events on a lane of their own, above the threads."""
    if events.empty:
        return figure
    fig = copy.deepcopy(figure)
    layout = fig.setdefault("layout", {})
    yaxis = layout.setdefault("yaxis", {})
    ticks = list(yaxis.get("tickvals") or [])
    lane = (max(ticks) + 1) if ticks else 0
    mid = events["start"] + (events["end"] - events["start"]) / 2
    tr = translator(lang)
    label = t("overlay.label", lang)
    hover = [f"<b>{html_text(label, quote=False)}</b><br>{html_text(title, quote=False)}<br>"
             f"{html_text(display_date(dl, d, c, tr), quote=False)}"
             for title, dl, d, c in zip(events["title"], events["date_label"], events["date"], events["calendar"])]
    fig.setdefault("data", []).append({
        "type": "scatter", "mode": "markers", "name": label, "x": [m.isoformat() for m in mid],
        "y": [lane] * len(events), "customdata": [[""]] * len(events),   # not an atlas event: a click selects none
        "marker": {"symbol": "star", "size": 14, "color": COLOR}, "hovertext": hover,
        "hovertemplate": "%{hovertext}<extra></extra>", "showlegend": False})
    yaxis["tickvals"] = ticks + [lane]
    yaxis["ticktext"] = list(yaxis.get("ticktext") or []) + [label]
    low = (yaxis.get("range") or [-0.6, lane - 0.4])[0]
    yaxis["range"] = [low, lane + 0.6]
    layout["height"] = (layout.get("height") or 300) + 70
    return fig


def overlay_layer(events: pd.DataFrame, lang: str) -> folium.FeatureGroup | None:
    """A map layer "Your data": one black-edged marker per placed event, its text escaped (None if none placed)."""
    placed = events[events["lat"].notna() & events["lon"].notna()]
    if placed.empty:
        return None
    tr = translator(lang)
    label = t("overlay.label", lang)
    layer = folium.FeatureGroup(name=t("overlay.layer", lang), show=True)
    for row in placed.to_dict("records"):
        text = (f"<b>{html_text(label)}</b><br>{html_text(row['title'])}<br>"
                f"{html_text(display_date(row['date_label'], row['date'], row['calendar'], tr))}<br>"
                f"{html_text(row['place_name'])} · {html_text(row['source_short'])}, {html_text(row['locator'])}")
        folium.CircleMarker([float(row["lat"]), float(row["lon"])], radius=9, color=COLOR, weight=3,
                            fill=True, fill_color="#ffffff", fill_opacity=0.9, dash_array="3 3",
                            class_name=MARKER_CLASS, tooltip=folium.Tooltip(text),
                            popup=folium.Popup(text, max_width=380)).add_to(layer)
    return layer


def add_to_map(fmap: folium.Map, events: pd.DataFrame, lang: str) -> folium.Map:
    """The map with the "Your data" layer drawn on it (a story slide's or a test's whole map)."""
    layer = overlay_layer(events, lang)
    if layer is None:
        return fmap
    # the layer must come before the layer control, whose script names every layer drawn before it
    controls = {k: c for k, c in fmap._children.items() if isinstance(c, folium.LayerControl)}
    for key in controls:
        del fmap._children[key]
    layer.add_to(fmap)
    for key, control in controls.items():
        fmap._children[key] = control
    return fmap


def table_with_overlay(atlas_events: pd.DataFrame, overlay: pd.DataFrame | None, lang: str) -> pd.DataFrame:
    """The events table with a first column saying whose data each row is: the atlas' or yours."""
    frames = []
    for events, whose in ((atlas_events, "overlay.atlas"), (overlay, "overlay.label")):
        if events is not None and not events.empty:
            table = events_table(events, lang)
            table.insert(0, "data", t(whose, lang))
            frames.append(table)
    if not frames:
        empty = events_table(atlas_events, lang)
        empty.insert(0, "data", pd.Series(dtype=str))
        return empty
    return pd.concat(frames, ignore_index=True)
