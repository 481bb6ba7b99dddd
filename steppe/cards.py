"""A person's or a place's card: every spelling, what the sources say of them, and their events. Pure."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .model import split_ids
from .search import entity_events
from .urlstate import View, with_changes


@dataclass(frozen=True)
class Card:
    key: str                         # "person:bukeikhan" / "place:kzyl-orda"
    kind: str                        # "person" / "place"
    name: str
    spellings: tuple[str, ...]       # every spelling, the name first
    facts: tuple[tuple[str, str], ...]  # (catalogue key, value as the data gives it)
    names_in_time: tuple[tuple[str, str, str], ...]  # places: (name, from, to) as dated_names gives them
    events: pd.DataFrame             # its events, in date order


def parse_dated_names(cell: str) -> list[tuple[str, str, str]]:
    """'Perovsk@1867~/1922~;Kzyl-Orda@1925/..' -> [('Perovsk', '1867~', '1922~'), ('Kzyl-Orda', '1925', '..')]."""
    out = []
    for part in split_ids(cell):
        name, _, years = part.partition("@")
        start, _, end = years.partition("/")
        out.append((name.strip(), start.strip(), end.strip()))
    return out


def card_for(atlas, key: str) -> Card | None:
    """The card of 'person:<id>' or 'place:<id>' (None for an unknown key)."""
    kind, _, ident = key.partition(":")
    frame, id_col = {"person": (atlas.people, "person_id"), "place": (atlas.places, "place_id")}.get(kind, (None, ""))
    if frame is None or ident not in set(frame[id_col]):
        return None
    row = frame[frame[id_col] == ident].iloc[0]
    events = atlas.events[entity_events(atlas.events, key, atlas.search)]
    spellings = atlas.search.spellings.get(key, ())
    if kind == "person":
        facts = [("card.born", row["born"]), ("card.died", row["died"])]
        facts += [("card.role", role) for role in split_ids(row["roles"])]
        return Card(key, kind, row["name"], spellings, tuple((k, v) for k, v in facts if v), (), events)
    facts = [("card.modern_name", row["modern_name"]), ("card.name_ru", row["name_ru"]),
             ("card.name_kk", row["name_kk"]), ("card.precision", row["precision"]),
             ("card.place_note", row.get("note", ""))]
    return Card(key, kind, row["period_name"], spellings, tuple((k, str(v)) for k, v in facts if v),
                tuple(parse_dated_names(row["dated_names"])), events)


def card_keys(event) -> list[str]:
    """The people and places one event names, as card keys, in the order of its columns."""
    keys = [f"person:{p}" for p in split_ids(event["people"])]
    keys += [f"place:{p}" for p in split_ids(event["place_id"]) + split_ids(event["other_place_ids"])]
    return list(dict.fromkeys(keys))


def card_filter(view: View, key: str) -> View:
    """The view that lists only a card's person or place (the other filters stay)."""
    kind, _, ident = key.partition(":")
    attr = {"person": "people", "place": "places"}[kind]
    return with_changes(view, **{attr: (ident,)})
