"""Key figures for the home page: each one is a number an event's source gives, never computed."""
from __future__ import annotations

import pandas as pd

from .load import parse_figures

# (event_id, figure key, label, detail): filled in from the curated data; a test checks each one exists.
KEY_FIGURES: tuple[tuple[str, str, str, str], ...] = ()


def key_figures(events: pd.DataFrame, chosen=KEY_FIGURES) -> list[dict]:
    """The chosen figures with their source, locator and certainty, skipping any that are filtered away."""
    by_id = events.set_index("event_id")
    out = []
    for event_id, key, label, detail in chosen:
        if event_id not in by_id.index:
            continue
        row = by_id.loc[event_id]
        value = parse_figures(row["figures"]).get(key)
        if value is None:
            continue
        out.append({"event_id": event_id, "label": label, "value": f"{value:,}", "detail": detail,
                    "source": row["source_short"], "locator": row["locator"], "certainty": row["certainty"]})
    return out
