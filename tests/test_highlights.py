"""Home page key figures: numbers the sources give, never computed; filtered-away events are skipped."""
from steppe.highlights import KEY_FIGURES, format_figure, key_figures


def test_figures_are_formatted_as_given():
    assert format_figure({"farms": 3436}, "farms") == "3,436"
    assert format_figure({"people_min": 110000, "people_max": 115000}, "people_min|people_max") == "110,000–115,000"
    assert format_figure({}, "farms") is None


def test_every_key_figure_exists_in_the_curated_data(real_atlas):
    figures = key_figures(real_atlas.events)
    assert len(figures) == len(KEY_FIGURES) and all(f["source"] and f["locator"] for f in figures)


def test_filtered_away_events_are_skipped(real_atlas):
    assert key_figures(real_atlas.events.head(0)) == []
