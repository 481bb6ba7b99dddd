"""Citing the atlas: one event (its source, locator, the atlas and a permanent link) and the cited sources as
BibTeX and CSL-JSON.

sources.csv holds each source's full citation as one text, not split into author, title and so on; the entries
carry that text whole (BibTeX `title`, CSL `title`), the year of the short citation, and the type from `kind`: nothing is
guessed."""
from __future__ import annotations

import json
import re
from urllib.parse import urlencode

import pandas as pd

YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")
BIBTEX_TYPE = {"monograph": "book", "article": "article", "chapter": "incollection"}
CSL_TYPE = {"monograph": "book", "article": "article-journal", "chapter": "chapter", "essay": "article"}
BIBTEX_SPECIAL = re.compile(r"([\\{}%&$#_^~])")
ATLAS = "Steppe Atlas: Kazakhstan 1917–1936"


def permalink(base_url: str, event_id: str) -> str:
    """'http://host:8501/timeline?event=<id>': the link that opens the event (the app's origin + /timeline)."""
    return base_url.rstrip("/") + "/timeline?" + urlencode({"event": event_id})


def event_citation(event: dict, source: dict, link: str, version: str, accessed: str) -> str:
    """The source's citation, the locator, then the atlas, its data version, the permanent link and the date."""
    return (f"{source['citation'].rstrip('.')}, {event['locator']}. "
            f"Cited in {ATLAS}, event “{event['title']}” (data version {version}), {link} (accessed {accessed}).")


def publication_year(short: str) -> str:
    """The year of the short citation ('Carr 1959' -> '1959'; '' when the curators gave none: a year printed in
    the full citation may be a period the work covers, not when it appeared)."""
    years = YEAR.findall(short)
    return years[-1] if len(years) == 1 else ""


def cited_sources(events: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """The sources the events cite, in the order of sources.csv."""
    return sources[sources["source_id"].isin(set(events["source_id"]))]


def _bib(text: str) -> str:
    text = " ".join(str(text).split())
    return BIBTEX_SPECIAL.sub(lambda m: {"\\": r"\textbackslash{}", "^": r"\^{}", "~": r"\~{}"}.get(m.group(1),
                                                                                          "\\" + m.group(1)), text)


def bibtex(sources: pd.DataFrame) -> bytes:
    """One entry per source, keyed by its source_id: the full citation as title (braced, so styles keep its
    case), the year, the short citation as note, the language."""
    entries = []
    for src in sources.to_dict("records"):
        fields = [("title", "{" + _bib(src["citation"]) + "}"), ("year", publication_year(src["short"])),
                  ("note", _bib(src["short"])), ("langid", _bib(src["language"]))]
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields if value)
        entries.append(f"@{BIBTEX_TYPE.get(src['kind'], 'misc')}{{{src['source_id']},\n{body}\n}}\n")
    return "\n".join(entries).encode("utf-8")


def csl_json(sources: pd.DataFrame) -> bytes:
    """CSL-JSON items (as Zotero, Pandoc and citeproc read them): id, type, title (the full citation), issued."""
    items = []
    for src in sources.to_dict("records"):
        item = {"id": src["source_id"], "type": CSL_TYPE.get(src["kind"], "document"), "title": src["citation"],
                "language": src["language"], "note": src["short"]}
        year = publication_year(src["short"])
        if year:
            item["issued"] = {"date-parts": [[int(year)]]}
        items.append(item)
    return json.dumps(items, ensure_ascii=False, indent=1).encode("utf-8")
