"""Write datapackage.json (a Frictionless Data Package) describing every CSV in data/, from steppe/schema.py and
the vocabularies in steppe/config.py: the schema is declared once, there.

    python scripts/make_datapackage.py          # rewrite datapackage.json
    python scripts/make_datapackage.py --check  # exit 1 if datapackage.json is not what the schema gives

tests/test_datapackage.py regenerates it and compares, and validates the data against it with frictionless."""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from steppe import config, schema  # noqa: E402

OUT = ROOT / "datapackage.json"
TITLES = {"events": "Events, one row per event per source", "sources": "Sources and how far to trust each",
          "people": "People, with every spelling the sources use", "eras": "Periods shaded on the timeline",
          "stories": "Guided stories: title slides and event slides",
          "redirects": "Merged event ids and the event each now opens"}


def field(column: schema.Column) -> dict:
    out = {"name": column.name, "type": column.type, "description": column.meaning}
    constraints = {}
    if column.required:
        constraints["required"] = True
    if column.vocabulary:
        constraints["enum"] = list(getattr(config, column.vocabulary))
    if column.type == "integer" and column.name == "step":
        constraints["minimum"] = 0
    if constraints:
        out["constraints"] = constraints
    if column.example:
        out["example"] = column.example
    return out


def resource(path: str, columns) -> dict:
    name = Path(path).stem
    table = {"fields": [field(c) for c in columns], "missingValues": [""]}
    keys = schema.PRIMARY_KEYS.get(path)
    if keys:
        table["primaryKey"] = list(keys) if len(keys) > 1 else keys[0]
    foreign = [{"fields": column, "reference": {"resource": Path(target).stem, "fields": target_column}}
               for source, column, target, target_column in schema.FOREIGN_KEYS if source == path]
    if foreign:
        table["foreignKeys"] = foreign
    return {"name": name, "title": TITLES.get(name, name), "path": path, "profile": "tabular-data-resource",
            "format": "csv", "mediatype": "text/csv", "encoding": "utf-8", "schema": table}


def build(root: Path = ROOT) -> dict:
    """The descriptor for the CSV files present in root/data (redirects.csv is optional)."""
    present = {p: cols for p, cols in schema.ALL.items() if p.endswith(".csv") and (root / p).is_file()}
    resources = [resource(path, columns) for path, columns in present.items()]
    names = {r["name"] for r in resources}
    for r in resources:   # a reference to an absent optional file is dropped with that file
        keys = r["schema"].get("foreignKeys", [])
        r["schema"]["foreignKeys"] = [k for k in keys if k["reference"]["resource"] in names]
        if not r["schema"]["foreignKeys"]:
            del r["schema"]["foreignKeys"]
    order = ["events", "sources", "people", "eras", "stories", "redirects"]
    resources.sort(key=lambda r: order.index(r["name"]) if r["name"] in order else len(order))
    return {
        "name": "steppe-atlas",
        "title": "Steppe Atlas: Kazakhstan 1917-1936",
        "description": "Curated events, sources, people, eras and stories of the Steppe Atlas. Every event names "
                       "its source, a locator and a verbatim quote. Dates are EDTF. See data/README.md.",
        "licenses": [{"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0",
                      "path": "https://creativecommons.org/licenses/by/4.0/"}],
        "resources": resources,
    }


def text(root: Path = ROOT) -> str:
    return json.dumps(build(root), ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":
    if "--check" in sys.argv[1:]:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == text()
        print("datapackage.json is up to date" if same else "datapackage.json is stale: run scripts/make_datapackage.py")
        sys.exit(0 if same else 1)
    OUT.write_text(text(), encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")
