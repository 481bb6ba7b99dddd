"""Curation rules the loader does not check: one row per fact per source, and retired ids that still lead somewhere.

Pure csv/pandas on data/; no Streamlit, no seeds needed.
"""
import itertools
import re
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
TYPOGRAPHY = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-",
                            "\u00a0": " "})
ELLIPSIS = re.compile(r"\.\.\.|\u2026")


def _read(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / name, dtype=str, keep_default_na=False)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.translate(TYPOGRAPHY)).strip().lower()


def _fragments(quote: str) -> list[str]:
    """The verbatim pieces of a quote ('a ... b' -> ['a', 'b']), normalised."""
    return [f for f in (_norm(p).strip(" .,;:\"'") for p in ELLIPSIS.split(quote)) if f]


def _contained(inner: str, outer: str) -> bool:
    """Every piece of `inner` lies inside some piece of `outer`: `outer` already quotes all of `inner`."""
    pieces = _fragments(outer)
    return bool(_fragments(inner)) and all(any(f in p for p in pieces) for f in _fragments(inner))


@pytest.fixture(scope="module")
def events():
    return _read("events.csv")


@pytest.fixture(scope="module")
def redirects():
    return _read("redirects.csv")


def test_no_two_rows_share_source_and_quote(events):
    key = events["source_id"] + "\x00" + events["quote"].map(_norm)
    dup = events[key.duplicated(keep=False)].sort_values(["source_id", "quote"])
    assert dup.empty, "same source and quote:\n" + "\n".join(dup["event_id"])


def test_no_quote_is_contained_in_another_quote_of_the_same_source(events):
    found = []
    for source, rows in events.groupby("source_id"):
        for (id_a, q_a), (id_b, q_b) in itertools.permutations(zip(rows["event_id"], rows["quote"]), 2):
            if _contained(q_a, q_b):
                found.append(f"{source}: quote of {id_a} is inside the quote of {id_b}")
    assert not found, "\n".join(found)


def test_redirects_file_has_the_documented_columns(redirects):
    assert list(redirects.columns) == ["old_id", "new_id", "reason"]
    assert (redirects[["old_id", "new_id", "reason"]] != "").all().all(), "empty cell in data/redirects.csv"
    assert not redirects["old_id"].duplicated().any(), "an old_id is listed twice"
    assert not (redirects["old_id"] == redirects["new_id"]).any(), "an id redirects to itself"


def test_redirected_ids_are_gone_and_targets_exist(events, redirects):
    ids = set(events["event_id"])
    still_there = sorted(set(redirects["old_id"]) & ids)
    missing_targets = sorted(set(redirects["new_id"]) - ids)
    assert not still_there, f"old_id still in events.csv: {still_there}"
    assert not missing_targets, f"new_id not in events.csv: {missing_targets}"


def test_no_redirect_chains(redirects):
    chained = sorted(set(redirects["new_id"]) & set(redirects["old_id"]))
    assert not chained, f"these new_ids are themselves redirected: {chained}"


def test_stories_use_no_redirected_id(redirects):
    stories = _read("stories.csv")
    used = set(stories["event_id"]) - {""}
    stale = sorted(used & set(redirects["old_id"]))
    assert not stale, f"stories.csv still names redirected events: {stale}"


def test_containment_helper():
    assert _contained("the land reforms decided in 1924", "followed on from the land reforms decided in 1924")
    assert _contained("b c", "a ... b c d")
    assert not _contained("a ... z", "a b c")
    assert not _contained("until July 1930", "From March 1930 ... also lived in Moscow")
