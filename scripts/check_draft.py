#!/usr/bin/env python3
"""Check a draft events CSV written by a curator (helper) before it is merged.

usage: .venv/bin/python scripts/check_draft.py data/drafts/events_X.csv

Checks: exact header, required cells, EDTF dates, enums, quote length (<= 50 words)
and that every quote is verbatim in the seed of its source (same rules as
../shared/tools/check_quotes.py).
"""
import csv, importlib.util, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.join(HERE, "..", "..", "shared")
spec = importlib.util.spec_from_file_location("cq", os.path.join(SHARED, "tools", "check_quotes.py"))
cq = importlib.util.module_from_spec(spec); spec.loader.exec_module(cq)

HEADER = ["event_id", "date", "date_label", "calendar", "title", "summary", "thread", "event_type",
          "place_id", "other_place_ids", "people", "source_id", "locator", "quote", "certainty",
          "note", "figures"]
SEEDS = {"ohayon2013": "000_bd43fda18c218c46.txt", "kabyl2024": "001_95627004a131740b.txt",
         "akkuly_moscow": "002_c198379b9bb8a37a.txt", "carr1959": "003_fdcbf072c6e85cc0.txt",
         "telugu_collectivization": "004_017bc70b496fd055.txt"}
THREADS = {"alash", "bukeikhan", "party_struggle", "delimitation", "confiscation", "migration", "collectivization"}
TYPES = {"congress", "decree", "resolution", "arrest", "exile", "release", "death", "execution", "trial",
         "sentence", "migration", "return", "deportation", "campaign", "statistic", "appointment",
         "dismissal", "publication", "speech", "letter", "meeting", "founding", "boundary", "famine",
         "uprising", "election", "other"}
CERT = {"certain", "approximate", "disputed", "claim"}

def main(path):
    try:
        from edtf import parse_edtf
    except ImportError:
        parse_edtf = None
        print("warning: edtf package missing; dates not checked")
    errs = []
    with open(path, newline="", encoding="utf-8") as f:
        rd = csv.DictReader(f)
        if rd.fieldnames != HEADER:
            errs.append(f"header must be exactly: {','.join(HEADER)}\n got: {rd.fieldnames}")
        rows = list(rd)
    ids = set()
    texts = {}
    for i, r in enumerate(rows, start=2):
        where = f"row {i} ({r.get('event_id')})"
        for col in ("event_id", "date", "date_label", "calendar", "title", "summary", "thread",
                    "event_type", "source_id", "locator", "quote", "certainty"):
            if not (r.get(col) or "").strip():
                errs.append(f"{where}: empty {col}")
        if r["event_id"] in ids: errs.append(f"{where}: duplicate event_id")
        ids.add(r["event_id"])
        if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", r["event_id"] or ""):
            errs.append(f"{where}: event_id must be a lowercase slug")
        if r["thread"] not in THREADS: errs.append(f"{where}: thread {r['thread']!r} not in {sorted(THREADS)}")
        if r["event_type"] not in TYPES: errs.append(f"{where}: event_type {r['event_type']!r} not in {sorted(TYPES)}")
        if r["certainty"] not in CERT: errs.append(f"{where}: certainty {r['certainty']!r}")
        if r["calendar"] not in ("gregorian", "julian"): errs.append(f"{where}: calendar {r['calendar']!r}")
        if parse_edtf:
            try: parse_edtf(r["date"])
            except Exception: errs.append(f"{where}: date not EDTF: {r['date']!r}")
        if len(r["quote"].split()) > 50: errs.append(f"{where}: quote longer than 50 words")
        seed = SEEDS.get(r["source_id"])
        if not seed:
            errs.append(f"{where}: unknown source_id {r['source_id']!r}")
            continue
        if seed not in texts:
            texts[seed] = cq.norm(open(os.path.join(SHARED, "seeds", seed), encoding="utf-8").read())
        if not cq.found(r["quote"], texts[seed]):
            errs.append(f"{where}: quote not verbatim in {seed}: {r['quote'][:70]!r}")
    for e in errs: print(e)
    print(f"{len(rows)} rows, {len(errs)} problems")
    return 1 if errs else 0

if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
