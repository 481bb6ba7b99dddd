"""datapackage.json: generated from steppe/schema.py (regenerated and compared here), and valid by frictionless."""
import importlib.util
import json
import shutil

import frictionless
import pytest

from conftest import ROOT
from steppe import config, schema

spec = importlib.util.spec_from_file_location("make_datapackage", ROOT / "scripts" / "make_datapackage.py")
make_datapackage = importlib.util.module_from_spec(spec)
spec.loader.exec_module(make_datapackage)


def test_datapackage_json_is_what_the_schema_gives():
    on_disk = (ROOT / "datapackage.json").read_text(encoding="utf-8")
    assert on_disk == make_datapackage.text(ROOT), "stale: run python scripts/make_datapackage.py"


def test_every_csv_in_data_is_described_with_its_columns_keys_and_enums():
    package = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
    described = {r["path"]: r for r in package["resources"]}
    assert sorted(described) == sorted(f"data/{p.name}" for p in (ROOT / "data").glob("*.csv"))
    events = described["data/events.csv"]["schema"]
    assert [f["name"] for f in events["fields"]] == [c.name for c in schema.EVENTS]
    by_name = {f["name"]: f for f in events["fields"]}
    assert by_name["thread"]["constraints"] == {"required": True, "enum": list(config.THREADS)}
    assert "constraints" not in by_name["note"] and events["primaryKey"] == "event_id"
    assert events["foreignKeys"] == [{"fields": "source_id", "reference": {"resource": "sources", "fields": "source_id"}}]


def test_frictionless_validates_the_data_package():
    report = frictionless.validate(str(ROOT / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]


@pytest.mark.parametrize("old, new, error", [
    (",alash,", ",no-such-thread,", "constraint-error"),
    (",src-a,", ",no-such-source,", "foreign-key"),
])
def test_frictionless_finds_a_broken_cell(tmp_path, old, new, error):
    (tmp_path / "data").mkdir()
    for path in (ROOT / "tests" / "fixtures" / "data").glob("*.csv"):
        shutil.copy(path, tmp_path / "data" / path.name)
    (tmp_path / "datapackage.json").write_text(make_datapackage.text(tmp_path), encoding="utf-8")
    assert frictionless.validate(str(tmp_path / "datapackage.json")).valid
    events = tmp_path / "data" / "events.csv"
    events.write_text(events.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert not report.valid and error in {e[0] for e in report.flatten(["type"])}
