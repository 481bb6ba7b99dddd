"""Guided stories: titles in file order, slides clamped, event slides fall back to the event's own text."""
from steppe.stories import get_slide, story_titles


def test_titles_come_from_the_title_slides(fixture_atlas):
    titles = story_titles(fixture_atlas.stories)
    assert titles and titles[0][0] == "test"


def test_slides_are_clamped_and_carry_the_story_so_far(fixture_atlas):
    last = int(fixture_atlas.stories.loc[fixture_atlas.stories["story_id"] == "test", "step"].max())
    slide = get_slide(fixture_atlas.stories, fixture_atlas.events, "test", 99)
    assert slide.step == last and len(slide.story_event_ids) == last
    title = get_slide(fixture_atlas.stories, fixture_atlas.events, "test", 0)
    assert title.event is None and title.story_event_ids == ()
    first = get_slide(fixture_atlas.stories, fixture_atlas.events, "test", 1)
    assert first.event["event_id"] == first.story_event_ids[0] and first.heading


def test_slides_carry_the_story_title_the_question_and_every_event(fixture_atlas):
    from steppe.stories import story_slides
    slides = story_slides(fixture_atlas.stories, fixture_atlas.events, "test")
    assert [s.step for s in slides] == [0, 1, 2]
    assert {s.title for s in slides} == {"A test story"}
    assert slides[1].question == "Where did the congress meet?" and slides[0].question == ""
    assert all(s.all_event_ids == ("1917-12-05-congress", "1930-spring") for s in slides)


def test_every_curated_event_slide_has_a_question(real_atlas):
    rows = real_atlas.stories[real_atlas.stories["step"] > 0]
    assert (rows["question"].str.len() > 20).all() and rows["question"].str.endswith("?").all()
