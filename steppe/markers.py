"""Event markers on the map: one circle per place and thread (grid cells above the limit), tooltips and popups.

A place of precision `country` stands for a whole country: its events have no single place (no coordinates, see
enrich.py) and are counted as such, never drawn as a dot. Approximate points (the `*-approximate` precisions) are
drawn hollow with a dashed ring, and their tooltip says what the point stands for."""
from __future__ import annotations

import math
from functools import lru_cache

import pandas as pd

from . import config
from .escape import html_text
from .i18n import t

MARKER_OFFSET_DEG = 0.18  # markers of several threads at one place sit on a small ring around it
GRID_STEPS_DEG = (0.5, 1.0, 2.0, 4.0, 8.0)  # cell sizes tried in turn until the markers fit
MARKER_COLUMNS = ["place_id", "thread", "lat", "lon", "event_ids", "count", "tip", "places", "precision", "note",
                  "ring"]


RECORD_COLUMNS = ["event_id", "place_id", "thread", "lat", "lon", "place_name", "place_precision", "place_note",
                  "date_label", "title"]


def _located(events: pd.DataFrame) -> pd.DataFrame:
    return events[events["lat"].notna() & (events["place_id"] != "")]


def located_records(events: pd.DataFrame) -> list[dict]:
    """The events that have a single place, as plain dicts in their order (per-row pandas access is slow)."""
    located = _located(events)
    for column, default in (("place_precision", "city"), ("place_note", ""), ("date_label", ""), ("title", "")):
        if column not in located:
            located = located.assign(**{column: default})
    located = located.assign(start_year=located["start"].dt.year, end_year=located["end"].dt.year)
    return located[RECORD_COLUMNS + ["start_year", "end_year"]].to_dict("records")


def is_approximate(precision: str) -> bool:
    return str(precision).endswith("-approximate")


def marker_radius(count: int) -> float:
    """Circle radius in pixels: grows with the square root of the number of events, capped."""
    return round(min(22, 6 + 2.2 * math.sqrt(count)), 1)


def event_items(records: list[dict]) -> dict[str, str]:
    """{event_id: its popup line}: a button that selects the event (the map reports it to the app), escaped."""
    items = {}
    for row in records:
        color = config.THREAD_COLORS.get(row["thread"], "#555")
        items[row["event_id"]] = (
            f'<li><button type="button" class="atlas-event" data-event="{html_text(row["event_id"])}">'
            f'<span aria-hidden="true" style="color:{color}">&#9679;</span> {html_text(row["date_label"])}: '
            f'{html_text(row["title"])}</button></li>')
    return items


def popup_html(place_name: str, items: list[str], lang: str, total: int | None = None) -> str:
    """The events at a place (popup lines in date order), at most config.MAX_POPUP_EVENTS; `total` is how many
    there are in all, when `items` holds only the first ones."""
    shown = items[:config.MAX_POPUP_EVENTS]
    more = (len(items) if total is None else total) - len(shown)
    extra = f"<li>{html_text(t('map.more_events', lang, n=more))}</li>" if more > 0 else ""
    return (f'<div class="atlas-popup"><b>{html_text(place_name)}</b>'
            f'<p class="atlas-popup-hint">{html_text(t("map.popup_hint", lang))}</p>'
            f"<ul>{''.join(shown)}{extra}</ul></div>")


@lru_cache(maxsize=4096)
def _tip(name: str, count: int, thread: str, lang: str) -> str:
    return f"{name}: {t('map.n_events', lang, n=count)} ({t('thread.' + thread, lang)})"


def marker_rows(records: list[dict], lang: str) -> list[dict]:
    """One row per (place, thread): where its circle marker goes, its tooltip and which events it stands for.
    Above config.MAX_MAP_MARKERS the rows are (grid cell, thread) aggregates with no event list."""
    groups: dict[tuple, list[dict]] = {}
    for record in records:
        groups.setdefault((record["place_id"], record["thread"]), []).append(record)
    if len(groups) > config.MAX_MAP_MARKERS:
        table = pd.DataFrame([{"place_id": p, "thread": th, "lat": rs[0]["lat"], "lon": rs[0]["lon"], "count": len(rs)}
                              for (p, th), rs in groups.items()])
        return _grid_markers(table, lang).to_dict("records")
    order = {th: i for i, th in enumerate(config.THREADS)}
    threads_at: dict[str, list[str]] = {}
    for place, thread in sorted(groups, key=lambda k: (k[0], order.get(k[1], 99))):
        threads_at.setdefault(place, []).append(thread)
    rows = []
    for place, threads in threads_at.items():
        for index, thread in enumerate(threads):
            events = groups[(place, thread)]
            first = events[0]
            lat, lon = float(first["lat"]), float(first["lon"])
            if len(threads) > 1:  # several threads at one place: a small ring around it
                angle = 2 * math.pi * index / len(threads)
                lat, lon = (lat + MARKER_OFFSET_DEG * math.sin(angle),
                            lon + MARKER_OFFSET_DEG * math.cos(angle) / math.cos(math.radians(float(first["lat"]))))
            rows.append({"place_id": place, "thread": thread, "lat": round(lat, 5), "lon": round(lon, 5),
                         "event_ids": [e["event_id"] for e in events], "count": len(events),
                         "tip": _tip(first["place_name"] or place, len(events), thread, lang), "places": 1,
                         "precision": first["place_precision"] or "city", "note": first["place_note"] or "",
                         "ring": len(threads) > 1})
    return rows


def marker_positions(events: pd.DataFrame, lang: str) -> pd.DataFrame:
    """marker_rows of a frame of events, as a frame (see marker_rows)."""
    return pd.DataFrame(marker_rows(located_records(events), lang), columns=MARKER_COLUMNS)


def _grid_markers(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    """(place, thread) counts -> (grid cell, thread) counts at the count-weighted centre of their places."""
    for step in GRID_STEPS_DEG:
        cells = table.assign(cy=(table["lat"] // step).astype(int), cx=(table["lon"] // step).astype(int),
                             wlat=table["lat"] * table["count"], wlon=table["lon"] * table["count"])
        grouped = cells.groupby(["cy", "cx", "thread"]).agg(count=("count", "sum"), wlat=("wlat", "sum"),
                                                           wlon=("wlon", "sum"), places=("place_id", "size"))
        if len(grouped) <= config.MAX_MAP_MARKERS or step == GRID_STEPS_DEG[-1]:
            break
    grouped = grouped.reset_index()
    rows = []
    for row in grouped.itertuples(index=False):
        tip = t("map.cell_tip", lang, n=int(row.count), places=int(row.places), thread=t("thread." + row.thread, lang))
        rows.append({"place_id": f"cell:{step}:{row.cy}:{row.cx}", "thread": row.thread,
                     "lat": round(row.wlat / row.count, 5), "lon": round(row.wlon / row.count, 5),
                     "event_ids": [], "count": int(row.count), "tip": tip, "places": int(row.places),
                     "precision": "cell", "note": "", "ring": False})
    return pd.DataFrame(rows, columns=MARKER_COLUMNS)


def marker_style(thread: str, count: int, precision: str, chosen: bool) -> dict:
    """A city's circle is filled; an approximate point is hollow with a dashed ring; the selected one has a dark edge."""
    color = config.THREAD_COLORS.get(thread, "#555555")
    style = {"fillColor": color, "color": config.SELECTED_EDGE if chosen else "#ffffff",
             "weight": 3 if chosen else 1.5, "fillOpacity": 0.9, "radius": marker_radius(count)}
    if is_approximate(precision):
        style.update({"color": config.SELECTED_EDGE if chosen else color, "weight": 3 if chosen else 2.5,
                      "fillOpacity": 0.3, "dashArray": "4 3"})
    return style


def marker_tip_html(row: dict, lang: str) -> str:
    """The tooltip: place, count and thread; for an approximate point, what it stands for and the place's note."""
    tip = html_text(row["tip"])
    if is_approximate(row["precision"]):
        tip += f"<br><i>{html_text(t('map.precision.' + row['precision'], lang))}</i>"
        if row["note"]:
            tip += f"<br><small>{html_text(row['note'])}</small>"
    return tip


def marker_features(markers, records: list[dict], lang: str, selected: str = "",
                    items: dict | None = None) -> list[dict]:
    """Circle markers (rows of marker_rows, or its frame) as GeoJSON points: colour by thread, radius by count,
    symbol by precision, escaped tooltip and a popup listing the events at the place (all threads) among
    `records`. `items`: event_items(...) made once for many calls."""
    rows = markers.to_dict("records") if isinstance(markers, pd.DataFrame) else markers
    aggregated = any(str(row["place_id"]).startswith("cell:") for row in rows)
    items = {} if aggregated else (items if items is not None else event_items(records))
    at_place: dict[str, list[str]] = {}
    names: dict[str, str] = {}
    for record in ([] if aggregated else records):
        at_place.setdefault(record["place_id"], []).append(record["event_id"])
        names.setdefault(record["place_id"], record["place_name"])
    features = []
    for row in rows:
        if aggregated:
            popup = f'<div class="atlas-popup">{html_text(row["tip"])}<br>{html_text(t("map.cell_hint", lang))}</div>'
        else:
            ids = at_place[row["place_id"]]
            popup = popup_html(names.get(row["place_id"]) or row["place_id"],
                               [items[i] for i in ids[:config.MAX_POPUP_EVENTS]], lang, total=len(ids))
        properties = {"tip": marker_tip_html(row, lang), "popup": popup,
                      "style": marker_style(row["thread"], row["count"], row["precision"], selected in row["event_ids"])}
        features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]},
                         "properties": properties})
    return features


def marker_feature_collection(markers: pd.DataFrame, events: pd.DataFrame, lang: str, selected: str = "") -> dict:
    """The markers of one set of events as a GeoJSON FeatureCollection."""
    return {"type": "FeatureCollection",
            "features": marker_features(markers, located_records(events), lang, selected)}
