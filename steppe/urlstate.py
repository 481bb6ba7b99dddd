"""The URL is the state: query parameters <-> View, driven by one table of filter fields.

`parse_view` never raises: any value that is not understood is dropped and reported as a Notice
(a catalogue key and its values, translated by the page)."""
from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from typing import Iterable, Mapping

from . import config


@dataclass(frozen=True)
class View:
    year_from: int = config.YEAR_MIN
    year_to: int = config.YEAR_MAX
    threads: tuple[str, ...] = ()      # empty = all
    people: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    certainties: tuple[str, ...] = ()
    event_types: tuple[str, ...] = ()
    q: str = ""
    event: str = ""
    lang: str = "en"
    story: str = ""                    # guided story id; "" = the list of stories
    step: int = 0                      # slide within the story (0 = title slide)
    card: str = ""                     # a person's or a place's card on Explore: "person:<id>" or "place:<id>"
    present: bool = False              # presenter mode for the story's slides (?present=1)


@dataclass(frozen=True)
class Known:
    """The ids a URL may name; anything else is ignored with a notice."""
    threads: frozenset = frozenset(config.THREADS)
    people: frozenset = frozenset()
    places: frozenset = frozenset()
    sources: frozenset = frozenset()
    certainties: frozenset = frozenset(config.CERTAINTIES)
    event_types: frozenset = frozenset(config.EVENT_TYPES)
    events: frozenset = frozenset()
    langs: frozenset = frozenset(config.LANGUAGES)
    stories: tuple = ()                # ((story_id, last_step), ...)
    redirects: tuple = ()              # ((old_event_id, kept_event_id), ...): merged events keep their links


@dataclass(frozen=True)
class Notice:
    """Something in a link that was ignored: a catalogue key and the values its text needs."""
    key: str
    values: tuple = ()                 # ((name, value), ...), so that a Notice is hashable

    def args(self) -> dict:
        return dict(self.values)


@dataclass(frozen=True)
class Filter:
    """One filter: its URL key(s), the View attribute(s), the widget and where its choices come from."""
    name: str                  # widget / translation name: filters.<name>
    keys: tuple[str, ...]      # URL keys
    attrs: tuple[str, ...]     # View attributes
    kind: str                  # "range" (two years), "list" (repeatable ids), "text"
    choices: str = ""          # Known attribute holding the allowed values (lists)
    more: bool = False         # shown in the sidebar's "more" expander


FILTERS: tuple[Filter, ...] = (
    Filter("years", ("from", "to"), ("year_from", "year_to"), "range"),
    Filter("threads", ("thread",), ("threads",), "list", "threads"),
    Filter("q", ("q",), ("q",), "text"),
    Filter("people", ("person",), ("people",), "list", "people", more=True),
    Filter("places", ("place",), ("places",), "list", "places", more=True),
    Filter("sources", ("source",), ("sources",), "list", "sources", more=True),
    Filter("certainties", ("certainty",), ("certainties",), "list", "certainties", more=True),
    Filter("event_types", ("event_type",), ("event_types",), "list", "event_types", more=True),
)
FILTER_ATTRS = tuple(attr for f in FILTERS for attr in f.attrs)
YEAR = re.compile(r"^[0-9]{1,6}$")   # ASCII digits only: '²' is a digit to str.isdigit() but not to int()
STEP = re.compile(r"^[0-9]{1,4}$")
SHOWN = 40                           # characters of a bad value quoted back in a notice


def _raw(params: Mapping, key: str) -> list[str]:
    raw = params.get(key, [])
    items = [raw] if isinstance(raw, str) else list(raw) if isinstance(raw, (list, tuple)) else [str(raw)]
    return [str(item) for item in items[: config.MAX_PARAM_VALUES]]


def _values(params: Mapping, key: str) -> list[str]:
    # ?thread=alash&thread=migration -> ["alash", "migration"]; also accepts "alash,migration"
    return [part.strip() for item in _raw(params, key) for part in item.split(",") if part.strip()]


def _first(params: Mapping, key: str) -> str:
    values = _raw(params, key)
    return values[0].strip() if values else ""


def _notice(key: str, /, **values) -> Notice:
    return Notice(key, tuple((k, v[:SHOWN] if isinstance(v, str) else v) for k, v in values.items()))


def _year(text: str, default: int, name: str, notices: list[Notice]) -> int:
    if not YEAR.match(text):
        notices.append(_notice("url.not_a_year", name=name, value=text))
        return default
    value = int(text)
    if not config.YEAR_MIN <= value <= config.YEAR_MAX:
        clamped = min(max(value, config.YEAR_MIN), config.YEAR_MAX)
        notices.append(_notice("url.year_outside", name=name, value=str(value), lo=str(config.YEAR_MIN),
                               hi=str(config.YEAR_MAX), used=str(clamped)))
        return clamped
    return value


def _parse_filter(spec: Filter, params: Mapping, known: Known, notices: list[Notice]) -> dict:
    if spec.kind == "range":
        lo_key, hi_key = spec.keys
        lo = _year(_first(params, lo_key), config.YEAR_MIN, lo_key, notices) if _first(params, lo_key) else config.YEAR_MIN
        hi = _year(_first(params, hi_key), config.YEAR_MAX, hi_key, notices) if _first(params, hi_key) else config.YEAR_MAX
        if lo > hi:
            notices.append(_notice("url.years_swapped", lo=str(lo), hi=str(hi)))
            lo, hi = hi, lo
        return dict(zip(spec.attrs, (lo, hi)))
    if spec.kind == "text":
        # the search text is kept exactly as typed ("decree, 1928" stays "decree, 1928")
        return {spec.attrs[0]: " ".join(_raw(params, spec.keys[0])).strip()[: config.MAX_QUERY_LENGTH]}
    allowed = getattr(known, spec.choices)
    good, bad = [], []
    for value in _values(params, spec.keys[0]):
        (good if value in allowed else bad).append(value)
    if bad:
        notices.append(_notice("url.unknown_values", key=spec.keys[0],
                               values=", ".join(repr(b[:SHOWN]) for b in bad[:5])))
    return {spec.attrs[0]: tuple(dict.fromkeys(good))}


def parse_view(params: Mapping[str, str | Iterable[str]], known: Known = Known()) -> tuple[View, list[Notice]]:
    """Query parameters (strings or lists of strings) -> (View, notices about ignored values). Never raises."""
    notices: list[Notice] = []
    found: dict = {}
    for spec in FILTERS:
        found.update(_parse_filter(spec, params, known, notices))
    event = _first(params, "event")
    event = dict(known.redirects).get(event, event)   # a merged event's old id opens the kept one
    if event and event not in known.events:
        notices.append(_notice("url.unknown_event", value=event))
        event = ""
    lang = _first(params, "lang") or "en"
    if lang not in known.langs:
        notices.append(_notice("url.unknown_lang", value=lang))
        lang = "en"
    last_steps = dict(known.stories)
    story = _first(params, "story")
    if story and story not in last_steps:
        notices.append(_notice("url.unknown_story", value=story))
        story = ""
    step_text = _first(params, "step") or "0"
    step = int(step_text) if STEP.match(step_text) else 0
    if not STEP.match(step_text):
        notices.append(_notice("url.bad_step", value=step_text))
    if story and step > last_steps[story]:
        notices.append(_notice("url.step_beyond", story=story, last=str(last_steps[story])))
        step = last_steps[story]
    card = _first(params, "card")
    kind, _, card_id = card.partition(":")
    if card and card_id not in {"person": known.people, "place": known.places}.get(kind, ()):
        notices.append(_notice("url.unknown_card", value=card))
        card = ""
    present_text = _first(params, "present")
    if present_text not in ("", "0", "1"):
        notices.append(_notice("present.bad_value", value=present_text))
    found.update(event=event, lang=lang, story=story, step=step if story else 0,
                 present=bool(story) and present_text == "1", card=card)
    return View(**found), notices


def view_to_params(view: View) -> dict[str, str | list[str]]:
    """View -> query parameters, leaving out defaults so links stay short."""
    params: dict[str, str | list[str]] = {}
    for spec in FILTERS:
        values = [getattr(view, attr) for attr in spec.attrs]
        if spec.kind == "range":
            if values[0] != config.YEAR_MIN:
                params[spec.keys[0]] = str(values[0])
            if values[1] != config.YEAR_MAX:
                params[spec.keys[1]] = str(values[1])
        elif values[0]:
            params[spec.keys[0]] = list(values[0]) if spec.kind == "list" else values[0]
    if view.event:
        params["event"] = view.event
    if view.lang != "en":
        params["lang"] = view.lang
    if view.story:
        params["story"] = view.story
        params["step"] = str(view.step)
        if view.present:
            params["present"] = "1"
    if view.card:
        params["card"] = view.card
    return params


def with_changes(view: View, **changes) -> View:
    """A copy of the view with some fields changed."""
    return replace(view, **changes)


def filters_of(view: View) -> dict:
    """Just the filter fields of a view (what the sidebar shows)."""
    return {attr: getattr(view, attr) for attr in FILTER_ATTRS}


def without_filters(view: View) -> View:
    """The view with every filter back to its default (the Reset button); language and story stay."""
    default = View()
    return replace(view, **{attr: getattr(default, attr) for attr in FILTER_ATTRS}, event="")


VIEW_FIELDS = tuple(f.name for f in fields(View))
