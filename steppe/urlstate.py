"""The URL is the state: parse query parameters into a View and write a View back as parameters."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Iterable, Mapping

from . import config

LIST_KEYS = {"thread": "threads", "person": "people", "place": "places", "source": "sources",
             "certainty": "certainties"}


@dataclass(frozen=True)
class View:
    year_from: int = config.YEAR_MIN
    year_to: int = config.YEAR_MAX
    threads: tuple[str, ...] = ()      # empty = all
    people: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    certainties: tuple[str, ...] = ()
    q: str = ""
    event: str = ""
    lang: str = "en"
    story: str = ""                    # guided story id; "" = the list of stories
    step: int = 0                      # slide within the story (0 = title slide)


@dataclass(frozen=True)
class Known:
    """The ids a URL may name; anything else is ignored with a notice."""
    threads: frozenset = frozenset(config.THREADS)
    people: frozenset = frozenset()
    places: frozenset = frozenset()
    sources: frozenset = frozenset()
    certainties: frozenset = frozenset(config.CERTAINTIES)
    events: frozenset = frozenset()
    langs: frozenset = frozenset(config.LANGUAGES)
    stories: tuple = ()                # ((story_id, last_step), ...)


def _values(params: Mapping, key: str) -> list[str]:
    # ?thread=alash&thread=migration -> ["alash", "migration"]; also accepts "alash,migration"
    raw = params.get(key, [])
    items = [raw] if isinstance(raw, str) else list(raw)
    return [part.strip() for item in items for part in str(item).split(",") if part.strip()]


def _year(text: str, default: int, name: str, notices: list[str]) -> int:
    try:
        value = int(text)
    except ValueError:
        notices.append(f"'{name}' must be a year; ignored {text[:20]!r}")
        return default
    if not config.YEAR_MIN <= value <= config.YEAR_MAX:
        clamped = min(max(value, config.YEAR_MIN), config.YEAR_MAX)
        notices.append(f"'{name}' {value} is outside {config.YEAR_MIN}-{config.YEAR_MAX}; using {clamped}")
        return clamped
    return value


def parse_view(params: Mapping[str, str | Iterable[str]], known: Known = Known()) -> tuple[View, list[str]]:
    """Query parameters (as strings or lists of strings) -> (View, notices about ignored values)."""
    notices: list[str] = []
    fields: dict = {}
    years = {}
    for key in ("from", "to"):
        vals = _values(params, key)
        if vals:
            years[key] = _year(vals[0], config.YEAR_MIN if key == "from" else config.YEAR_MAX, key, notices)
    year_from, year_to = years.get("from", config.YEAR_MIN), years.get("to", config.YEAR_MAX)
    if year_from > year_to:
        notices.append(f"'from' {year_from} is after 'to' {year_to}; swapped")
        year_from, year_to = year_to, year_from
    fields.update(year_from=year_from, year_to=year_to)
    for key, attr in LIST_KEYS.items():
        allowed = getattr(known, attr)
        good, bad = [], []
        for value in _values(params, key):
            (good if value in allowed else bad).append(value)
        if bad:
            notices.append(f"unknown {key} ignored: {', '.join(repr(b[:40]) for b in bad[:5])}")
        fields[attr] = tuple(dict.fromkeys(good))
    q = " ".join(_values(params, "q"))[: config.MAX_QUERY_LENGTH]
    fields["q"] = q
    event = (_values(params, "event") or [""])[0]
    if event and event not in known.events:
        notices.append(f"unknown event ignored: {event[:40]!r}")
        event = ""
    fields["event"] = event
    lang = (_values(params, "lang") or ["en"])[0]
    if lang not in known.langs:
        notices.append(f"language {lang[:10]!r} is not available yet; showing English")
        lang = "en"
    fields["lang"] = lang
    last_steps = dict(known.stories)
    story = (_values(params, "story") or [""])[0]
    if story and story not in last_steps:
        notices.append(f"unknown story ignored: {story[:40]!r}")
        story = ""
    step_text = (_values(params, "step") or ["0"])[0]
    step = int(step_text) if step_text.isdigit() else 0
    if not step_text.isdigit():
        notices.append(f"'step' must be a whole number; ignored {step_text[:20]!r}")
    if story and step > last_steps[story]:
        notices.append(f"story {story!r} has {last_steps[story]} steps; showing the last")
        step = last_steps[story]
    fields.update(story=story, step=step if story else 0)
    return View(**fields), notices


def view_to_params(view: View) -> dict[str, str | list[str]]:
    """View -> query parameters, leaving out defaults so links stay short."""
    params: dict[str, str | list[str]] = {}
    if view.year_from != config.YEAR_MIN:
        params["from"] = str(view.year_from)
    if view.year_to != config.YEAR_MAX:
        params["to"] = str(view.year_to)
    for key, attr in LIST_KEYS.items():
        values = list(getattr(view, attr))
        if values:
            params[key] = values
    for key in ("q", "event"):
        if getattr(view, key):
            params[key] = getattr(view, key)
    if view.lang != "en":
        params["lang"] = view.lang
    if view.story:
        params["story"] = view.story
        params["step"] = str(view.step)
    return params


def with_changes(view: View, **changes) -> View:
    """A copy of the view with some fields changed."""
    return replace(view, **changes)


def step_window(view: View) -> View | None:
    """Play: the year window one year later (1928-1930 -> 1929-1931), or None at the end of the atlas."""
    if view.year_to >= config.YEAR_MAX:
        return None
    return replace(view, year_from=view.year_from + 1, year_to=view.year_to + 1)
