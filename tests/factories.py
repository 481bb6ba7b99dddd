"""Synthetic events for tests of limits (more places or events than the atlas holds)."""
import pandas as pd


def many_events(n_places: int, per_place: int) -> pd.DataFrame:
    rows = []
    for p in range(n_places):
        for k in range(per_place):
            rows.append({"event_id": f"e{p}-{k}", "place_id": f"p{p}", "thread": "migration", "lat": 40 + p * 0.01,
                         "lon": 60 + p * 0.013, "place_name": f"P{p}", "date_label": "1930", "title": "t",
                         "start": pd.Timestamp("1930-01-01"), "end": pd.Timestamp("1930-12-31")})
    return pd.DataFrame(rows)
