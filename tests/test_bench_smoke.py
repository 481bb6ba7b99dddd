"""The benchmark's smoke mode runs end to end (bench/run.py --smoke): every measure, tiny sizes, ~1 minute."""
import re
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


def test_bench_class_only_runs_behind_the_proxy(tmp_path):
    """--class-only --workers 2: the class and the burst through scripts/serve.sh, section 7, the last line."""
    out = tmp_path / "BENCHMARKS.md"
    proc = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--class-only", "--workers", "2", "--smoke",
                           "--out", str(out), "--json", str(tmp_path / "class.json")],
                          cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, f"bench/run.py --class-only exited {proc.returncode}:\n{proc.stdout[-4000:]}\n{proc.stderr[-4000:]}"
    last = proc.stdout.strip().splitlines()[-1]
    assert re.fullmatch(r"class of 4: 0 errors, p95 \d+\.\d\d s \(burst p95 \d+\.\d\d s\), 2 workers", last), last
    report = out.read_text(encoding="utf-8")
    assert "## 7. A class on several workers behind HAProxy" in report
    assert "| 2 workers | 0 of 4, 0 of 4 |" in report and "w1 " in report and "w2 " in report
