"""Place labels that appear by zoom level and never cover each other: a minimum zoom per place, computed here.

Labels are placed greedily by priority (the number of events at the place, then the name): a label gets the lowest
zoom, and the position around its place, at which its box, and its boxes at every higher zoom, overlap no label
already placed and cover no other place's markers. Distances between points double with each zoom level while
the boxes keep their size in pixels, and rings of markers grow: every zoom from the minimum up is checked, and the
map shows the label from there on. (The map's script also hides a label that the browser's font made wider than
estimated here, should it touch a busier one.)"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from . import config

TILE_PX = 256
LABEL_GAP_PX = 4          # between a marker's edge and its label
POSITIONS = ("right", "left", "above", "below")  # where a label may sit around its place, in order of preference


@dataclass(frozen=True)
class LabelPoint:
    key: str              # place id
    text: str
    lat: float
    lon: float
    priority: int         # events at the place: busier places are labelled first
    radius: float = 8.0   # the largest marker radius at the place, in pixels
    ring: bool = False    # several threads at the place: markers sit on a ring of MARKER_OFFSET_DEG around it


def project(lat: float, lon: float, zoom: float) -> tuple[float, float]:
    """WGS84 -> Web Mercator pixels at a zoom level (Leaflet's EPSG:3857)."""
    scale = TILE_PX * 2 ** zoom
    lat = max(min(lat, 85.0), -85.0)
    x = (lon + 180.0) / 360.0 * scale
    y = (1 - math.log(math.tan(math.radians(lat)) + 1 / math.cos(math.radians(lat))) / math.pi) / 2 * scale
    return x, y


def ring_px(lat: float, zoom: float, ring_deg: float) -> float:
    """The ring of several threads' markers, in pixels at this zoom (the map's JavaScript uses the same rule)."""
    return ring_deg * TILE_PX * 2 ** zoom / 360.0 / math.cos(math.radians(lat))


def label_offset(point: LabelPoint, zoom: float, ring_deg: float) -> float:
    """How far from the place the label keeps, in pixels: beyond its markers (and their ring)."""
    return point.radius + LABEL_GAP_PX + (ring_px(point.lat, zoom, ring_deg) if point.ring else 0.0)


def short_label(name: str) -> str:
    """A place's label: its name without the parenthesis (the tooltip has it whole), cut to config.LABEL_MAX_CHARS."""
    text = " ".join(str(name).split())
    head = text.split(" (")[0].strip() or text
    limit = config.LABEL_MAX_CHARS
    return head if len(head) <= limit else head[: limit - 1].rstrip() + "…"


def label_width(text: str) -> float:
    return len(text) * config.LABEL_CHAR_PX + 6


def place_box(x, y, offset, width, position: str):
    """(left, top, right, bottom) of a label at one of POSITIONS around the point (x, y), `offset` pixels away."""
    half = config.LABEL_HEIGHT_PX / 2
    if position == "right":
        return x + offset, y - half, x + offset + width, y + half
    if position == "left":
        return x - offset - width, y - half, x - offset, y + half
    if position == "above":
        return x - width / 2, y - offset - 2 * half, x + width / 2, y - offset
    return x - width / 2, y + offset, x + width / 2, y + offset + 2 * half


def _boxes(points: list[LabelPoint], zooms: list[int], ring_deg: float) -> tuple[np.ndarray, np.ndarray]:
    """Label boxes, shape (positions, points, zooms, 4), and marker boxes, shape (points, zooms, 4), as (left,
    top, right, bottom) in pixels; a marker box covers the place's circles (and their ring)."""
    lat = np.array([p.lat for p in points], dtype=float)[:, None]
    lon = np.array([p.lon for p in points], dtype=float)[:, None]
    radius = np.array([p.radius for p in points], dtype=float)[:, None]
    ring = np.array([p.ring for p in points], dtype=bool)[:, None]
    width = np.array([label_width(p.text) for p in points], dtype=float)[:, None]
    scale = TILE_PX * 2.0 ** np.array(zooms, dtype=float)[None, :]
    clipped = np.radians(np.clip(lat, -85.0, 85.0))
    x = (lon + 180.0) / 360.0 * scale
    y = (1 - np.log(np.tan(clipped) + 1 / np.cos(clipped)) / np.pi) / 2 * scale
    spread = np.where(ring, ring_deg * scale / 360.0 / np.cos(np.radians(lat)), 0.0)
    offset = radius + LABEL_GAP_PX + spread
    labels = np.stack([np.stack(np.broadcast_arrays(*place_box(x, y, offset, width, pos)), axis=-1)
                       for pos in POSITIONS])
    reach = radius + spread
    markers = np.stack([x - reach, y - reach, x + reach, y + reach], axis=-1)
    return labels, markers


def _overlap(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Boxes a and b (broadcast, last axis left, top, right, bottom) overlap."""
    return (a[..., 0] < b[..., 2]) & (b[..., 0] < a[..., 2]) & (a[..., 1] < b[..., 3]) & (b[..., 1] < a[..., 3])


def min_zooms(points: list[LabelPoint], zooms: range | None = None, ring_deg: float = 0.0) -> dict[str, tuple]:
    """{place: (the lowest zoom from which its label is shown, its position)}; places whose label never fits are
    left out. Each label, busiest place first, takes the position (right of the place preferred, then left,
    above, below) with the lowest zoom at which it overlaps no label already placed and covers no other place's
    markers, there and at every higher zoom (rings of markers grow with the zoom, so every level is checked)."""
    zooms = list(zooms or range(config.MAP_MIN_ZOOM, config.MAP_MAX_ZOOM + 1))
    if not points:
        return {}
    labels, markers = _boxes(points, zooms, ring_deg)
    n = len(points)
    # blocked[pos, i, z]: label i at that position covers another place's markers at zoom z
    hits = _overlap(labels[:, :, None, :, :], markers[None, None, :, :, :])
    hits[:, np.arange(n), np.arange(n), :] = False
    blocked = hits.any(axis=2)
    placed = np.zeros((n, len(zooms), 4))          # the box each placed label has at each zoom
    shown = np.zeros((n, len(zooms)), dtype=bool)  # shown[j, z]: label j is placed and visible at zoom z
    found: dict[str, tuple] = {}
    for i in sorted(range(n), key=lambda k: (-points[k].priority, points[k].text, points[k].key)):
        best = None
        for pos in range(len(POSITIONS)):
            clash = _overlap(labels[pos, i][None, :, :], placed) & shown
            bad = blocked[pos, i] | clash.any(axis=0)
            free = [first for first in range(len(zooms)) if not bad[first:].any()]
            if free and (best is None or free[0] < best[0]):
                best = (free[0], pos)
        if best is not None:
            first, pos = best
            found[points[i].key] = (zooms[first], POSITIONS[pos])
            placed[i] = labels[pos, i]
            shown[i, first:] = True
    return found
