"""The events table and its CSV: names not ids, a date column that sorts by time, no formula cell left to run."""
import datetime as dt
import io

import pandas as pd

from steppe.export import TABLE_COLUMNS, column_titles, events_table, to_csv_bytes


def test_table_shows_names_labels_and_a_real_date_in_date_order(fixture_atlas):
    table = events_table(fixture_atlas.events.sample(frac=1, random_state=1), "en")
    assert list(table.columns) == TABLE_COLUMNS
    assert column_titles("en")["date_label"] == "Date" and column_titles("en")["start"] == "Earliest day"
    assert list(table["start"]) == sorted(table["start"])  # the real date, not the label's alphabet
    row = table.set_index("event_id").loc["1922-arrest"]
    assert row["start"] == dt.date(1922, 12, 1)
    assert row["people"] == "Alikhan Bukeikhan" and row["places"] == "Semipalatinsk; Moscow"
    assert row["thread"] == "Bukeikhan" and row["source_short"] == "Author 2024" and row["certainty"] == "certain"
    congress = table.set_index("event_id").loc["1917-12-05-congress"]
    assert congress["date_label"] == "5 December 1917 (5 Dec 1917 O.S. = 18 Dec 1917 N.S.)"
    assert table.set_index("event_id").loc["1926-script", "certainty"] == "author's claim"


def test_an_empty_selection_gives_an_empty_table(fixture_atlas):
    assert list(events_table(fixture_atlas.events.iloc[0:0], "en").columns) == TABLE_COLUMNS


def test_formula_cells_are_neutralised():
    table = pd.DataFrame({"title": ["=HYPERLINK(\"http://x\")", "+cmd", "@SUM(A1)", "-1+1", "\tx", "plain", "- a"]})
    back = pd.read_csv(io.BytesIO(to_csv_bytes(table)), keep_default_na=False)
    assert [v[0] for v in back["title"]] == ["'", "'", "'", "'", "'", "p", "'"]
