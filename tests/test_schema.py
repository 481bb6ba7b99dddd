"""The schema table: one declaration per file, slugs for ids, every required column present in the real data."""
import csv

from conftest import ROOT
from steppe import schema


def test_ids_come_first_and_names_are_unique():
    for file, columns in schema.ALL.items():
        names = [c.name for c in columns]
        assert len(names) == len(set(names)), file


def test_the_real_csv_headers_hold_every_declared_column():
    for file, columns in schema.ALL.items():
        path = ROOT / file
        if file.endswith(".csv") and path.exists():
            header = next(csv.reader(path.open(encoding="utf-8")))
            assert not [c.name for c in columns if c.name not in header], file
