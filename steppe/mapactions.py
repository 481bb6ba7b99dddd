"""What the map reports to the app (static/atlas-map.js via streamlit-folium's return value), read defensively.

The map sends {"steppe": {"kind": "event", "event": <id>, "n": <number>}} when an event in a popup is chosen and
{"steppe": {"kind": "year", "year": <year>, "n": <number>}} when Play stops. `n` is new for every report, so
that each is acted on once (the component keeps returning its last value on every rerun). Anything else, or a
value a crafted page could send (an unknown event, a year outside the atlas), is ignored."""
from __future__ import annotations

from dataclasses import dataclass

from . import config


@dataclass(frozen=True)
class MapAction:
    kind: str          # "event" or "year"
    nonce: str         # the report's number, as text
    event: str = ""
    year: int = 0


def read_action(value, known_events) -> MapAction | None:
    """The map's last report as a MapAction, or None if there is none or it is not one the app accepts."""
    report = value.get("steppe") if isinstance(value, dict) else None
    if not isinstance(report, dict) or report.get("n") in (None, ""):
        return None
    nonce = str(report["n"])[:40]
    if report.get("kind") == "event":
        event = str(report.get("event") or "")
        return MapAction("event", nonce, event=event) if event in known_events else None
    if report.get("kind") == "year":
        year = report.get("year")
        if isinstance(year, int) and not isinstance(year, bool) and config.YEAR_MIN <= year <= config.YEAR_MAX:
            return MapAction("year", nonce, year=year)
    return None
