"""The data rules, each naming file, row and column; stories need a title slide and steps without gaps."""
import pandas as pd

from steppe.checks import Problem, check_date, check_figures, check_stories, shown


def test_a_problem_reads_as_a_sentence():
    assert str(Problem("data/events.csv", "row 3", "date", "not EDTF")) == "data/events.csv row 3, column date: not EDTF"
    assert str(Problem("geo/x.geojson", "-", "-", "file is missing")) == "geo/x.geojson: file is missing"


def test_long_values_are_cut_in_messages():
    assert shown("x" * 500).endswith("…'") and len(shown("x" * 500)) < 70


def test_story_steps_must_start_at_a_title_slide_and_have_no_gaps():
    stories = pd.DataFrame([{"story_id": "s", "step": "1", "event_id": "e", "heading": "", "text": "", "_row": 2},
                            {"story_id": "s", "step": "3", "event_id": "e", "heading": "", "text": "", "_row": 3}])
    problems = []
    check_stories(stories, {"e"}, "data/stories.csv", problems)
    text = " | ".join(map(str, problems))
    assert "has no title slide (step 0)" in text and "skips step(s) 0, 2" in text


def test_dates_far_outside_the_period_and_non_text_are_problems():
    problems = []
    assert check_date("0001", "gregorian", "f", "row 2", "date", problems) is None
    assert check_date(1930, "gregorian", "f", "feature 1", "valid_from", problems) is None
    assert "far outside" in str(problems[0]) and "must be an EDTF date written as text" in str(problems[1])


def test_figures_must_be_whole_numbers():
    problems = []
    check_figures("farms=12;x=1.5", "f", "row 2", "figures", problems)
    assert len(problems) == 1 and "'x=1.5'" in str(problems[0])
