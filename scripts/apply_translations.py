"""Curation-time: write the atlas' Russian and Kazakh translations into the data files.

    python scripts/apply_translations.py FOLDER

FOLDER holds CSVs keyed by id (as the translators delivered them):
  events_*.csv      event_id,title_en,summary_en,title_ru,summary_ru,title_kk,summary_kk
  people_names.csv  person_id,name_ru,name_kk[,note]
  place_names.csv   place_id,name_ru,name_kk[,note]      (into geo/places_source.csv; then run geo_places.py)
  era_labels.csv    era_id,label_ru,label_kk
  stories.csv       story_id,step,heading_ru,heading_kk,text_ru,text_kk[,question_ru,question_kk]
A translation whose English (title_en/summary_en) no longer matches the data is NOT written: it is listed, so
that it is translated again. Existing non-empty cells are replaced only by non-empty translations."""
from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def read(path: Path) -> tuple[list[str], list[dict]]:
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        return list(reader.fieldnames or []), list(reader)


def write(path: Path, header: list[str], rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def merge(path: Path, key: tuple[str, ...], updates: dict, columns: list[str]) -> int:
    header, rows = read(path)
    header += [c for c in columns if c not in header]
    done = 0
    for row in rows:
        for c in columns:
            row.setdefault(c, "")
        new = updates.get(tuple(row[k] for k in key))
        if new:
            for c in columns:
                if new.get(c, "").strip():
                    row[c] = new[c].strip()
            done += 1
    write(path, header, rows)
    return done


def main(folder: Path) -> None:
    _, events = read(ROOT / "data/events.csv")
    english = {e["event_id"]: (e["title"], e["summary"]) for e in events}
    updates, stale = {}, []
    for part in sorted(folder.glob("events_*.csv")):
        for row in read(part)[1]:
            if english.get(row["event_id"]) != (row["title_en"], row["summary_en"]):
                stale.append(row["event_id"])
                continue
            updates[(row["event_id"],)] = row
    cols = ["title_ru", "title_kk", "summary_ru", "summary_kk"]
    print("events:", merge(ROOT / "data/events.csv", ("event_id",), updates, cols), "translated;",
          len(stale), "stale:", " ".join(stale[:20]))
    jobs = [("people_names.csv", "data/people.csv", ("person_id",), ["name_ru", "name_kk"]),
            ("place_names.csv", "geo/places_source.csv", ("place_id",), ["name_ru", "name_kk"]),
            ("era_labels.csv", "data/eras.csv", ("era_id",), ["label_ru", "label_kk"]),
            ("stories.csv", "data/stories.csv", ("story_id", "step"),
             ["heading_ru", "heading_kk", "text_ru", "text_kk", "question_ru", "question_kk"])]
    for source, target, key, columns in jobs:
        if (folder / source).exists():
            found = {tuple(r[k] for k in key): r for r in read(folder / source)[1]}
            present = [c for c in columns if any(c in r for r in found.values())]
            print(target + ":", merge(ROOT / target, key, found, present), "rows")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
