"""Every quote in the data (events, eras, routes) is found verbatim in its seed text."""
import csv
import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

SHARED = ROOT.parent / "shared"
CHECKER = SHARED / "tools" / "check_quotes.py"
pytestmark = pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="../shared/seeds is not beside the checkout")


def _checker():
    spec = importlib.util.spec_from_file_location("check_quotes", CHECKER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _seed_texts():
    cq = _checker()
    with open(ROOT / "data" / "sources.csv", newline="", encoding="utf-8") as f:
        seeds = {r["source_id"]: r["seed_file"] for r in csv.DictReader(f)}
    texts = {sid: cq.norm((SHARED / "seeds" / name).read_text(encoding="utf-8")) for sid, name in seeds.items() if name}
    return cq, texts


def _quoted_rows():
    with open(ROOT / "data" / "events.csv", newline="", encoding="utf-8") as f:
        yield from (("event", r["event_id"], r["source_id"], r["quote"]) for r in csv.DictReader(f))
    with open(ROOT / "data" / "eras.csv", newline="", encoding="utf-8") as f:
        yield from (("era", r["era_id"], r["source_id"], r["quote"]) for r in csv.DictReader(f))
    for feature in json.loads((ROOT / "geo" / "routes.geojson").read_text(encoding="utf-8"))["features"]:
        p = feature["properties"]
        yield ("route", p["route_id"], p["source_id"], p["quote"])


def test_every_quote_is_verbatim_in_its_seed():
    cq, texts = _seed_texts()
    missing = [f"{kind} {rid}: {quote[:60]!r}" for kind, rid, source, quote in _quoted_rows()
               if source in texts and not cq.found(quote, texts[source])]
    assert not missing, "\n".join(missing)


def test_shared_check_quotes_tool_passes():
    result = subprocess.run([sys.executable, str(CHECKER), str(ROOT)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-2000:]
