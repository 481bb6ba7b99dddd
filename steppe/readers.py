"""Read CSV and GeoJSON files defensively: a missing file, a folder, bad bytes, bad shapes and wrong types
become Problems naming file, row or feature and column; nothing here raises."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pandas as pd
import shapely.geometry
from shapely.validation import explain_validity

from . import schema
from .checks import Problem, shown


def read_bytes(path: Path, problems: list[Problem]) -> bytes | None:
    name = f"{path.parent.name}/{path.name}"
    if not path.exists():
        problems.append(Problem(name, "-", "-", "file is missing"))
    elif not path.is_file():
        problems.append(Problem(name, "-", "-", "is not a file (a folder or something else has its name)"))
    else:
        try:
            return path.read_bytes()
        except OSError as exc:
            problems.append(Problem(name, "-", "-", f"could not be read ({exc.strerror or exc})"))
    return None


def parse_csv(name: str, data: bytes, columns: tuple[schema.Column, ...], problems: list[Problem],
              text: str | None = None, delimiter: str = ",") -> pd.DataFrame | None:
    """CSV bytes -> a frame of stripped text cells with a `_row` column; None (with problems) if unreadable."""
    if text is None:
        try:
            text = data.decode("utf-8-sig")  # a BOM from a spreadsheet export is fine
        except UnicodeDecodeError as exc:
            problems.append(Problem(name, "-", "-", f"not UTF-8 text ({exc.reason} at byte {exc.start})"))
            return None
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        problems.append(Problem(name, "-", "-", f"not a readable CSV file ({exc})"))
        return None
    if not rows:
        problems.append(Problem(name, "row 1", "-", "file is empty: the header row is missing"))
        return None
    header = [h.strip() for h in rows[0]]
    missing = [c.name for c in columns if c.name not in header and not c.optional]
    for col in missing:
        problems.append(Problem(name, "row 1", col, "column is missing from the header"))
    if missing:
        return None
    records = []
    for number, values in enumerate(rows[1:], start=2):
        if not any(v.strip() for v in values):
            continue  # blank line in a spreadsheet export
        if len(values) != len(header):
            problems.append(Problem(name, f"row {number}", "-",
                                    f"has {len(values)} cells, the header has {len(header)} (a stray comma or quote?)"))
            continue
        record = {h: v.strip() for h, v in zip(header, values)}
        record["_row"] = number
        records.append(record)
    frame = pd.DataFrame(records, columns=list(dict.fromkeys(header + ["_row"])))
    for col in columns:
        if col.name not in frame.columns:  # an optional column the file does not have: empty cells
            frame[col.name] = ""
    for col in columns:
        if col.required:
            for rec in frame.loc[frame[col.name] == "", ["_row"]].to_dict("records"):
                problems.append(Problem(name, f"row {rec['_row']}", col.name, "is empty but required"))
    return frame


def read_csv(path: Path, columns, problems: list[Problem], optional: bool = False) -> pd.DataFrame | None:
    if optional and not path.exists():
        return pd.DataFrame(columns=[c.name for c in columns] + ["_row"])
    data = read_bytes(path, problems)
    return None if data is None else parse_csv(f"{path.parent.name}/{path.name}", data, columns, problems)


def read_geojson(path: Path, problems: list[Problem]) -> dict | None:
    name = f"{path.parent.name}/{path.name}"
    data = read_bytes(path, problems)
    if data is None:
        return None
    try:
        collection = json.loads(data.decode("utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError, RecursionError) as exc:
        problems.append(Problem(name, "-", "-", f"not valid GeoJSON text: {str(exc)[:120]}"))
        return None
    if not isinstance(collection, dict) or collection.get("type") != "FeatureCollection":
        problems.append(Problem(name, "-", "-", "not a GeoJSON FeatureCollection"))
        return None
    if not isinstance(collection.get("features"), list):
        problems.append(Problem(name, "-", "features", "must be a list of features"))
        return None
    return collection


def shape_of(feature, file: str, where: str, geom_types: tuple[str, ...], problems: list[Problem]):
    if not isinstance(feature, dict) or feature.get("type") != "Feature":
        problems.append(Problem(file, where, "-", f"not a GeoJSON Feature: {shown(feature)}"))
        return None
    try:
        shape = shapely.geometry.shape(feature.get("geometry"))
    except Exception as exc:  # shapely raises several types (and AttributeError on None) for malformed geometry
        problems.append(Problem(file, where, "geometry", f"unreadable geometry: {str(exc)[:120] or type(exc).__name__}"))
        return None
    if shape.geom_type not in geom_types:
        problems.append(Problem(file, where, "geometry", f"{shape.geom_type}, expected {' or '.join(geom_types)}"))
        return None
    if shape.is_empty or not shape.is_valid:
        problems.append(Problem(file, where, "geometry",
                                f"invalid geometry: {'empty' if shape.is_empty else explain_validity(shape)}"))
        return None
    return shape


def geojson_frame(data: dict, file: str, columns, geom_types: tuple[str, ...], problems: list[Problem]):
    records = []
    for number, feature in enumerate(data["features"], start=1):
        where = f"feature {number}"
        shape = shape_of(feature, file, where, geom_types, problems)
        if shape is None:
            continue
        props = feature.get("properties")
        if props is not None and not isinstance(props, dict):
            problems.append(Problem(file, where, "properties", f"must be an object, not {shown(props)}"))
            continue
        props = dict(props or {})
        mistyped = False
        for col in columns:
            value = props.get(col.name)
            if col.required and (value is None or str(value).strip() == ""):
                problems.append(Problem(file, where, col.name, "is empty but required"))
            elif col.text and value is not None and not isinstance(value, str):
                problems.append(Problem(file, where, col.name, f"must be text, not {shown(value)}"))
                mistyped = True
        if mistyped:  # reported; the feature is left out so that later rules never meet a list where text belongs
            continue
        props = {k: ("" if v is None else v) for k, v in props.items()}
        props["_row"] = number
        props["_shape"] = shape
        records.append(props)
    return pd.DataFrame(records, columns=list(dict.fromkeys([c.name for c in columns] + list(
        records[0] if records else []) + ["_row", "_shape"]))).fillna("")
