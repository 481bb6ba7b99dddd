"""Key figures for the home page: each one is a number an event's source gives, never computed."""
from __future__ import annotations

import pandas as pd

from .model import parse_figures

# (event_id, figure key or "low|high" range, translation key of the label and detail). A test checks
# that each event exists and gives that figure, so a data edit cannot silently break the home page.
KEY_FIGURES: tuple[tuple[str, str, str], ...] = (
    ("1928-bai-households-deported-within-kazakhstan", "households", "figures.bai_households"),
    ("1929-livestock-confiscated-versus-plan", "livestock_confiscated", "figures.livestock_confiscated"),
    ("1930-1931-farms-livestock-to-uzbekistan", "farms", "figures.farms_uzbekistan"),
    ("1930-1931-farms-livestock-to-tajikistan", "farms", "figures.farms_tajikistan"),
    ("1936-documents-9650-farms-in-tajikistan", "farms", "figures.farms_1936"),
    ("1935-mid-1930s-migrant-estimate-tajikistan", "people_min|people_max", "figures.kazakhs_tajikistan"),
)


def format_figure(figures: dict[str, int], key: str) -> str | None:
    """{'farms': 3436}, 'farms' -> '3,436'; a 'low|high' key gives '110,000–115,000'."""
    parts = [figures.get(k) for k in key.split("|")]
    if any(p is None for p in parts):
        return None
    return "–".join(f"{p:,}" for p in parts)


def key_figures(events: pd.DataFrame, chosen=KEY_FIGURES) -> list[dict]:
    """The chosen figures with their source, locator and certainty, skipping events filtered away."""
    by_id = events.set_index("event_id")
    out = []
    for event_id, key, label_key in chosen:
        if event_id not in by_id.index:
            continue
        row = by_id.loc[event_id]
        value = format_figure(parse_figures(row["figures"]), key)
        if value is None:
            continue
        out.append({"event_id": event_id, "label_key": label_key, "value": value, "date_label": row["date_label"],
                    "source": row["source_short"], "locator": row["locator"], "certainty": row["certainty"],
                    "note": row["note"]})
    return out
