"""The timeline strip of a slide: the story's span, the slide's event marked, text escaped in both drawings."""
import pandas as pd

from steppe.strip import build_strip, strip_data, strip_svg


def _events():
    return pd.DataFrame({
        "event_id": ["b", "a"], "thread": ["migration", "alash"], "title": ["<script>x</script>", "First"],
        "date_label": ["1930", "Dec 1917"], "start": pd.to_datetime(["1930-01-01", "1917-12-05"]),
        "end": pd.to_datetime(["1930-12-31", "1917-12-05"])})


def test_strip_spans_the_story_and_marks_the_slide():
    data = strip_data(_events(), "b")
    assert data.lo < pd.Timestamp("1917-12-05") and data.hi > pd.Timestamp("1930-12-31")
    assert [p[0] for p in data.points] == ["a", "b"] and data.current[0] == "b"
    assert 1918 in data.years and 1930 in data.years
    assert strip_data(_events()).current is None  # the title slide marks nothing


def test_both_drawings_escape_titles():
    data = strip_data(_events(), "b")
    fig = build_strip(data, "en")
    hovers = " ".join(str(h) for trace in fig.data for h in (trace.hovertext or ()))
    assert "&lt;script&gt;x&lt;/script&gt;" in hovers and "<script>" not in hovers
    svg = strip_svg(data, title='a "title"')
    assert "<script>" not in svg and "&lt;script&gt;" in svg and 'aria-label="a &quot;title&quot;"' in svg
    assert svg.count("<circle") == 2
