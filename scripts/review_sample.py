#!/usr/bin/env python3
"""Review sheet: print N random events, each beside the passage of the source it cites.

usage: python scripts/review_sample.py N SEED [--source ID] [--id EVENT_ID] [--context K] [--seeds DIR]

  N, SEED      how many events, and the random seed (same SEED and data -> same sample)
  --source ID  only events from this source (data/sources.csv), e.g. carr1959; may be repeated
  --id ID      print these events instead of a random sample; may be repeated
  --context K  lines of the seed text to show either side of the quote (default 3; stops at blank lines)
  --seeds DIR  folder of the seed texts (default: ../shared/seeds beside the checkout)

For each event the sheet shows what a reviewer checks (date, place, people, summary, certainty,
note, locator) and then the seed text around the quote: the quote is found the way
shared/tools/check_quotes.py finds it (case, whitespace, line-end hyphens and quote marks ignored;
"..." marks omitted words, the passage shown starts at the first fragment) and marked with « ».
For Carr the printed page comes from 003_....pages.csv; "(footnotes?)" means the quote sits after
the page's main text, where the footnotes are. Plain text, for a terminal or a printer.
"""
import argparse
import csv
import json
import random
import re
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANS = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00ab": '"',
                       "\u00bb": '"', "\u2013": "-", "\u2014": "-", "\u00a0": " "})
HYPHEN_BREAK = re.compile(r"-\s*\n\s*")
ELLIPSIS = re.compile(r"\.\.\.|\u2026|\[\.\.\.\]")
FOOTNOTE_START = re.compile(r"^\s*([0-9IlJzrsS]{1,2}|['\u2022~*])\s+[A-Z\"']")
WIDTH = 100


def read_csv(path: Path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def normalise(text: str) -> tuple[str, list[int]]:
    """The checker's normal form, plus for each of its characters the offset in `text` it came from."""
    text = text.translate(TRANS)
    out, where, i = [], [], 0
    while i < len(text):
        c = text[i]
        if c == "-" and (m := HYPHEN_BREAK.match(text, i)):
            i = m.end()
        elif c in "*_":
            i += 1
        elif c.isspace():
            j = i
            while j < len(text) and text[j].isspace():
                j += 1
            if out and out[-1] != " ":
                out.append(" ")
                where.append(i)
            i = j
        else:
            for low in c.lower():
                out.append(low)
                where.append(i)
            i += 1
    return "".join(out), where


def locate(quote: str, norm_text: str, where: list[int]) -> tuple[int, int] | None:
    """Offsets (start, end) in the raw text of the quote's fragments, found in order; None if not found.

    Where the first fragment occurs more than once, the tightest match (shortest span) is taken, so a
    quote with "..." shows the passage it was cut from, not an earlier use of its first words."""
    parts = [norm for p in ELLIPSIS.split(quote) if (norm := normalise(p)[0].strip()).strip(" .,;")]
    if not parts:
        return None
    best, start = None, norm_text.find(parts[0])
    while start >= 0:
        pos = start + len(parts[0])
        for part in parts[1:]:
            i = norm_text.find(part, pos)
            if i < 0:
                break
            pos = i + len(part)
        else:
            if best is None or pos - start < best[1] - best[0]:
                best = (start, pos)
        start = norm_text.find(parts[0], start + 1)
    return (where[best[0]], where[best[1] - 1] + 1) if best else None


def printed_page(line: int, pages: list[dict]) -> str:
    for p in pages:
        if int(p["start_line"]) <= line <= int(p["end_line"]):
            return p["page"]
    return "?"


def in_footnotes(line: int, lines: list[str], pages: list[dict]) -> bool:
    """Heuristic: a line opening with a footnote mark and a capital ("3 Stalin, ...") starts the footnotes."""
    for p in pages:
        first, last = int(p["start_line"]), int(p["end_line"])
        if first <= line <= last:
            for n in range(first + 1, line + 1):
                m = FOOTNOTE_START.match(lines[n - 1])
                # a quotation mark opens main-text lines too: count it only after a paragraph end
                if m and (m.group(1) != "'" or len(lines[n - 2].strip()) < 45):
                    return True
            return False
    return False


def passage(raw: str, span: tuple[int, int], context: int, page_starts=frozenset()):
    """The seed lines around the span (at most `context` either side, not past a blank line or a
    printed page boundary), quote marked. Returns first and last quote line (1-based) and the lines."""
    marked = raw[:span[0]] + "\u00ab" + raw[span[0]:span[1]] + "\u00bb" + raw[span[1]:]
    lines = marked.split("\n")
    first = raw.count("\n", 0, span[0])
    last = raw.count("\n", 0, span[1])
    lo, hi = first, last
    while lo > 0 and first - lo < context and lines[lo - 1].strip() and lo + 1 not in page_starts:
        lo -= 1
    while hi < len(lines) - 1 and hi - last < context and lines[hi + 1].strip() and hi + 2 not in page_starts:
        hi += 1
    return first + 1, last + 1, [(n + 1, lines[n]) for n in range(lo, hi + 1)]


def field(label: str, value: str) -> str:
    value = value if value.strip() else "-"
    return textwrap.fill(value, WIDTH, initial_indent=f"{label:<10} ", subsequent_indent=" " * 11)


def names(ids: str, table: dict[str, str]) -> str:
    parts = [p.strip() for p in ids.split(";") if p.strip()]
    return "; ".join(f"{p} ({table[p]})" if p in table else f"{p} (UNKNOWN)" for p in parts)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("n", type=int)
    ap.add_argument("seed", type=int)
    ap.add_argument("--source", action="append", default=[])
    ap.add_argument("--id", action="append", default=[])
    ap.add_argument("--context", type=int, default=3)
    ap.add_argument("--seeds", type=Path, default=ROOT.parent / "shared" / "seeds")
    args = ap.parse_args(argv)

    events = read_csv(ROOT / "data" / "events.csv")
    sources = {r["source_id"]: r for r in read_csv(ROOT / "data" / "sources.csv")}
    people = {r["person_id"]: r["name"] for r in read_csv(ROOT / "data" / "people.csv")}
    places = {f["properties"]["place_id"]: f["properties"]["period_name"] for f in
              json.loads((ROOT / "geo" / "places.geojson").read_text(encoding="utf-8"))["features"]}

    if args.id:
        by_id = {e["event_id"]: e for e in events}
        missing = [i for i in args.id if i not in by_id]
        if missing:
            print("unknown event id: " + ", ".join(missing), file=sys.stderr)
            return 2
        sample = [by_id[i] for i in args.id]
    else:
        pool = [e for e in events if not args.source or e["source_id"] in args.source]
        picked = set(random.Random(args.seed).sample(range(len(pool)), min(args.n, len(pool))))
        sample = [e for i, e in enumerate(pool) if i in picked]   # keep the file's order

    seeds = {}
    for k, e in enumerate(sample, 1):
        src = sources.get(e["source_id"], {})
        print("=" * WIDTH)
        print(f"[{k}/{len(sample)}] {e['event_id']}   ({src.get('short', e['source_id'])})")
        print("=" * WIDTH)
        print(field("title", e["title"]))
        print(field("date", f"{e['date']}  =  {e['date_label']}  ({e['calendar']})"))
        print(field("place", names(e["place_id"], places)))
        print(field("others", names(e["other_place_ids"], places)))
        print(field("people", names(e["people"], people)))
        print(field("type", f"{e['thread']} / {e['event_type']}     certainty: {e['certainty']}"))
        print(field("summary", e["summary"]))
        print(field("note", e["note"]))
        print(field("figures", e["figures"]))
        print(field("locator", e["locator"]))
        print(field("quote", e["quote"]))

        seed = (src.get("seed_file") or "").strip()
        if not seed:
            print("\n  (not a seed text: no passage to show)\n")
            continue
        if seed not in seeds:
            path = args.seeds / seed
            raw = path.read_text(encoding="utf-8") if path.exists() else None
            pages_csv = path.with_name(path.name.replace(".txt", ".pages.csv"))
            pages = read_csv(pages_csv) if pages_csv.exists() else []
            seeds[seed] = (raw, normalise(raw) if raw else None, pages)
        raw, norm, pages = seeds[seed]
        if raw is None:
            print(f"\n  seed {seed} not found in {args.seeds}\n")
            continue
        span = locate(e["quote"], *norm)
        if span is None:
            print(f"\n  QUOTE NOT FOUND in {seed}\n")
            continue
        first, last, shown = passage(raw, span, args.context, {int(p["start_line"]) for p in pages})
        where = f"{seed}, lines {first}-{last}" if last > first else f"{seed}, line {first}"
        if pages:
            lines = raw.split("\n")
            p1, p2 = printed_page(first, pages), printed_page(last, pages)
            where += f", printed p. {p1}" + (f"-{p2}" if p2 != p1 else "")
            if in_footnotes(first, lines, pages):
                where += " (footnotes?)"
        print(f"\n--- {where} ---")
        for n, text in shown:
            wrapped = textwrap.wrap(text, WIDTH - 9) or [""]
            print(f"{n:>7} | {wrapped[0]}")
            for more in wrapped[1:]:
                print(f"{'':>7} | {more}")
        print()
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:          # piped into head/less and closed early
        sys.exit(0)
