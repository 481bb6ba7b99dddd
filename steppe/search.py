"""The search index: every spelling of every person and place, folded so that case, diacritics, hyphens and
spaces do not matter, built once at load.

Folding: `Kzyl-Orda`, `Kzyl Orda` and `kzylorda` are one word; `Ğ.B.` is `gb`; the Kazakh letters
ә ғ қ ң ө ұ ү һ і are read as а г к н о у у х и (so `Қызылорда` finds `Кызылорда`), й as и and ё as е.

A query that is a spelling of a person or a place (a whole spelling, or at least four letters of whole words of a
person's name: `Бөкейхан` in `Әлихан Бөкейхан`) finds that entity's events: those that name it in their
`people`/`place_id`/`other_place_ids` columns, and those whose text contains any of its spellings as whole
words. So every spelling of one entity finds the same events. Any other query is a plain substring search of the
folded text (the event's own text and the names of its people and places)."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable

import pandas as pd

from .model import split_ids

KAZAKH = str.maketrans({"ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "һ": "х",
                        "і": "и", "ı": "i", "ł": "l", "ø": "o", "đ": "d", "ß": "ss", "ʼ": "", "'": "", "’": ""})
NOT_WORD = re.compile(r"[\W_]+")
PARENTHESES = re.compile(r"\s*\([^)]*\)")
MIN_PART = 4                 # a part of a person's name names them only from this many letters (not `A.`, `Zh.`)


def fold(text) -> str:
    """'Kzyl-Orda (1925)' -> ' kzyl orda 1925 ': case, accents and the Kazakh letters folded, words between spaces."""
    if not isinstance(text, str):
        return " "
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(KAZAKH))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).translate(KAZAKH)
    words = NOT_WORD.sub(" ", bare).split()
    return " " + " ".join(words) + " " if words else " "


def compact(text) -> str:
    """'Kzyl Orda' -> 'kzylorda': folded, without the spaces (hyphen- and space-insensitive)."""
    return fold(text).replace(" ", "")


def person_spellings(row: dict) -> list[str]:
    """The names a person is written with: name, variants, Russian and Kazakh names."""
    return _unique([row.get("name"), *split_ids(row.get("variants", "")), row.get("name_ru"), row.get("name_kk")])


def place_spellings(row: dict) -> list[str]:
    """The names a place is written with: period and modern names, its dated names, Russian and Kazakh names."""
    dated = [part.split("@", 1)[0] for part in split_ids(row.get("dated_names", ""))]
    return _unique([row.get("period_name"), row.get("modern_name"), *dated, row.get("name_ru"), row.get("name_kk")])


def _unique(names: Iterable) -> list[str]:
    out: dict[str, str] = {}
    for name in names:
        if isinstance(name, str) and name.strip() and compact(name):
            out.setdefault(compact(name), name.strip())
    return list(out.values())


def _forms(spelling: str) -> set[str]:
    """The folded forms of one spelling: as written, and without its parentheses ('Kyzylorda (Kazakhstan)')."""
    return {f for f in (fold(spelling), fold(PARENTHESES.sub("", spelling))) if f.strip()}


def _parts(form: str) -> set[str]:
    """Runs of whole words of a name, compacted: ' alikhan bukeikhan ' -> {'alikhan', 'bukeikhan'}."""
    words = form.split()
    runs = {"".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)}
    return {run for run in runs if len(run) >= MIN_PART}


@dataclass(frozen=True)
class SearchIndex:
    """Entity keys ('person:bukeikhan', 'place:kzyl-orda') with their spellings, and which compact query names
    which entities."""
    spellings: dict = field(default_factory=dict, repr=False)  # key -> (spelling as written, ...)
    named_by: dict = field(default_factory=dict, repr=False)   # compact query -> frozenset of keys

    def named(self, query: str) -> frozenset:
        """The people and places a query is a spelling of (usually one; a shared spelling names several)."""
        return self.named_by.get(compact(query), frozenset())

    def forms(self, key: str) -> set[str]:
        """The folded forms of every spelling of an entity."""
        return {f for s in self.spellings.get(key, ()) for f in _forms(s)}


@lru_cache(maxsize=1024)
def whole_words(forms: frozenset[str]) -> str:
    """A regular expression: any of these folded forms as whole words of folded text, each as written
    (' kzyl orda ') or without its spaces (' kzylorda '). No look-around: the Arrow string engine runs it."""
    words = {w for form in forms for w in (form.strip(), form.replace(" ", "")) if w}
    return " (?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ") "


def build_index(people: pd.DataFrame, places: pd.DataFrame) -> SearchIndex:
    spellings: dict[str, tuple[str, ...]] = {}
    named_by: dict[str, set] = {}
    for kind, frame, id_col, spell in (("person", people, "person_id", person_spellings),
                                       ("place", places, "place_id", place_spellings)):
        for row in frame.to_dict("records"):
            key = f"{kind}:{row[id_col]}"
            spellings[key] = tuple(spell(row))
            for spelling in spellings[key]:
                for form in _forms(spelling):
                    names = {form.replace(" ", "")} | (_parts(form) if kind == "person" else set())
                    for name in names:
                        named_by.setdefault(name, set()).add(key)
    return SearchIndex(spellings, {k: frozenset(v) for k, v in named_by.items()})


def linked_keys(events: pd.DataFrame) -> pd.Series:
    """';person:bukeikhan;place:kzyl-orda;' per event: the people and places its columns name."""
    def keys(row) -> str:
        found = [f"person:{p}" for p in split_ids(row["people"])]
        found += [f"place:{p}" for p in split_ids(row["place_id"]) + split_ids(row["other_place_ids"])]
        return ";" + ";".join(found) + ";" if found else ""
    return events.apply(keys, axis=1) if len(events) else pd.Series([], dtype=str)


def search_columns(events: pd.DataFrame, index: SearchIndex) -> dict[str, pd.Series]:
    """The columns a search reads, computed once at load: `linked` (the people and places the event names),
    `search_text` (its own title, summary, quote and note, in every language the data has, folded) and `search_compact` (that text and every
    spelling of its people and places, without spaces)."""
    linked = linked_keys(events)
    texts = [c for c in ("title", "summary", "quote", "note", "title_ru", "summary_ru", "title_kk", "summary_kk")
             if c in events.columns]  # a search in any of the atlas' languages finds the event
    own = events[texts].fillna("").astype(str).agg(" ".join, axis=1).map(fold)
    names = linked.map(lambda cell: compact(" ".join(
        s for key in split_ids(cell) for s in index.spellings.get(key, (key.split(":", 1)[-1],)))))
    return {"linked": linked, "search_text": own, "search_compact": own.str.replace(" ", "", regex=False) + "|" + names}


def matches(events: pd.DataFrame, query: str, index: SearchIndex | None) -> pd.Series:
    """True for the events a query finds (see the module's docstring); a query of punctuation only finds none."""
    form = fold(query)
    if not form.strip():
        return pd.Series(False, index=events.index)
    keys = index.named(query) if index is not None else frozenset()
    if not keys:
        return events["search_compact"].str.contains(compact(query), regex=False)
    forms = frozenset({form}.union(*(index.forms(key) for key in keys)))
    keep = events["search_text"].str.contains(whole_words(forms))
    for key in keys:
        keep |= events["linked"].str.contains(f";{key};", regex=False)
    return keep


def entity_events(events: pd.DataFrame, key: str, index: SearchIndex) -> pd.Series:
    """True for the events of one person or place ('person:bukeikhan'): those that name it by id, and those whose
    text has one of its spellings as whole words."""
    forms = frozenset(index.forms(key))
    keep = events["linked"].str.contains(f";{key};", regex=False)
    return keep | events["search_text"].str.contains(whole_words(forms)) if forms else keep


def label_with_spellings(name: str, spellings: Iterable[str]) -> str:
    """'Alikhan Bukeikhan — Bokeikhan, Букейханов, Бөкейхан': a picker option that its other spellings find."""
    shown = [name]
    for spelling in spellings:
        if not any(compact(spelling) in compact(s) for s in shown):
            shown.append(spelling)
    return shown[0] if len(shown) == 1 else f"{shown[0]} — {', '.join(shown[1:])}"
