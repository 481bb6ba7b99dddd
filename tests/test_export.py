"""The events table and its CSV: readable columns, and no cell a spreadsheet would run as a formula."""
import io

import pandas as pd

from steppe.export import EXPORT_COLUMNS, column_titles, events_table, to_csv_bytes


def test_table_has_the_reading_columns_with_titles(fixture_atlas):
    table = events_table(fixture_atlas.events)
    assert list(table.columns) == EXPORT_COLUMNS
    assert column_titles("en")["date_label"] == "Date"


def test_formula_cells_are_neutralised():
    table = pd.DataFrame({"title": ["=HYPERLINK(\"http://x\")", "+cmd", "@SUM(A1)", "-1+1", "\tx", "plain", "- a"]})
    back = pd.read_csv(io.BytesIO(to_csv_bytes(table)), keep_default_na=False)
    assert [v[0] for v in back["title"]] == ["'", "'", "'", "'", "'", "p", "'"]
