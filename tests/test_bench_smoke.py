"""The benchmark's smoke mode runs end to end (bench/run.py --smoke): every measure, tiny sizes, ~1 minute."""
import subprocess
import sys

import pytest

from conftest import ROOT

pytestmark = pytest.mark.browser

SECTIONS = ("## Summary against the targets", "## 1. Page ready time", "## 2. Filter rerun",
            "## 3. Map size and draw time", "## 4. Server memory", "## 5. A class of pupils", "## Errors")


def test_bench_smoke_runs_every_measure(tmp_path):
    out = tmp_path / "BENCHMARKS.md"
    proc = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--smoke", "--out", str(out),
                           "--json", str(tmp_path / "bench.json")],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, f"bench/run.py --smoke exited {proc.returncode}:\n{proc.stdout[-4000:]}\n{proc.stderr[-4000:]}"
    report = out.read_text(encoding="utf-8")
    for section in SECTIONS:
        assert section in report, f"missing section {section!r}"
    assert "| `/` |" in report and "| bare page |" in report
    assert "| curated | timeline |" in report and "| 200 | map |" in report
    assert "**crash**" not in report
