"""Guided stories (StoryMapJS-style): a title slide, then one slide per event, in the order of data/stories.csv."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class Slide:
    story_id: str
    step: int
    last_step: int
    heading: str
    text: str
    event: dict | None        # the event's row as a dict; None on the title slide
    story_event_ids: tuple    # every event of the story up to and including this slide
    title: str = ""           # the story's title (its title slide's heading)
    question: str = ""        # a discussion question the slide's event answers; "" = none
    all_event_ids: tuple = ()  # every event of the story, in slide order


def story_titles(stories: pd.DataFrame) -> list[tuple[str, str, str]]:
    """[(story_id, title, introduction)] in file order."""
    intro = stories[stories["step"] == 0]
    return list(zip(intro["story_id"], intro["heading"], intro["text"]))


def get_slide(stories: pd.DataFrame, events: pd.DataFrame, story_id: str, step: int) -> Slide:
    """The slide at `step` of a story; event slides fall back to the event's own title and summary."""
    rows = stories[stories["story_id"] == story_id]
    last = int(rows["step"].max())
    step = max(0, min(step, last))
    row = rows[rows["step"] == step].iloc[0]
    title = rows.loc[rows["step"] == 0, "heading"].iloc[0]
    everything = tuple(rows.loc[rows["step"] > 0, "event_id"])
    shown = everything[:step]
    question = row.get("question", "")
    if step == 0:
        return Slide(story_id, 0, last, row["heading"], row["text"], None, shown, title, question, everything)
    event = events.set_index("event_id").loc[row["event_id"]].to_dict()
    event["event_id"] = row["event_id"]
    return Slide(story_id, step, last, row["heading"] or event["title"], row["text"] or event["summary"], event, shown,
                 title, question, everything)


def story_slides(stories: pd.DataFrame, events: pd.DataFrame, story_id: str) -> list[Slide]:
    """Every slide of a story, the title slide first (the handout prints them all)."""
    last = int(stories.loc[stories["story_id"] == story_id, "step"].max())
    return [get_slide(stories, events, story_id, step) for step in range(last + 1)]
