"""Server time of one rerun after a filter change, in-process with streamlit.testing.v1.AppTest.

Run by bench/run.py, one process per dataset (its caches and memory stay apart; a hang can be killed):

    python bench/apptest_worker.py --app-dir . --data D/data --geo D/geo --runs 5 --json out.json [--profile]

For the bare page (bench/bare.py) and each app page (timeline, map): the first run (cold: it also loads
and validates the data the first time), then up to --runs timed reruns of
`at.sidebar.slider[0].set_value(years).run()`, alternating 1928-1932 and 1929-1933, stopping early once
--budget seconds are spent on a page (at least one timed rerun is always made). The bare page's rerun is a
plain `at.run()`. Also records the bytes the page sends for the map (st_folium's JSON args) and the timeline
(Plotly spec), read from the AppTest element protos. --profile adds, per page, one extra cProfile'd rerun and
a cProfile'd first run of a new AppTest (a new session, with the process' caches warm).
"""
from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import resource
import sys
import time
import traceback
from pathlib import Path

BENCH = Path(__file__).resolve().parent
YEAR_VALUES = ((1928, 1932), (1929, 1933))  # alternate, so every timed run is a real change

_PROFILER: list = [None]


def _install_profiler_hook() -> None:
    """AppTest runs the script in its own thread: profile inside that thread when asked."""
    from streamlit.testing.v1 import local_script_runner as lsr

    original = lsr.LocalScriptRunner._run_script_thread

    def profiled(self):
        profiler = _PROFILER[0]
        if profiler is None:
            return original(self)
        profiler.enable()
        try:
            return original(self)
        finally:
            profiler.disable()

    lsr.LocalScriptRunner._run_script_thread = profiled


def _exceptions(at) -> list[str]:
    return [str(getattr(exc, "message", exc))[:500] for exc in at.exception]


def _payloads(at) -> dict:
    """Bytes of the map component's args and of the Plotly spec in the current element tree."""
    out = {}
    try:
        comps = at.get("component_instance")
        folium = [c.proto for c in comps if "folium" in c.proto.component_name]
        if folium:
            out["map_args_bytes"] = sum(len(p.json_args.encode("utf-8")) for p in folium)
    except Exception:  # noqa: BLE001 - a missing element type is not a crash
        pass
    try:
        charts = at.get("plotly_chart")
        if charts:
            out["plotly_spec_bytes"] = sum(len(c.proto.spec.encode("utf-8")) for c in charts)
    except Exception:  # noqa: BLE001
        pass
    return out


WRAPPERS = ("streamlit/testing/", "scriptrunner/", "builtins.exec}", "navigation/page.py", "runtime/fragment.py",
            "{method 'disable' of '_lsprof.Profiler'")  # frames that only wrap the app's own work


def _profile_text(profiler: cProfile.Profile, app_dir: Path, limit: int = 30) -> dict:
    stats = pstats.Stats(profiler)
    site = next((p for p in sys.path if p.endswith("site-packages")), None)
    texts = {}
    for key in ("cumulative", "tottime"):
        buffer = io.StringIO()
        stats.stream = buffer
        stats.sort_stats(key).print_stats(limit + 12)
        text = buffer.getvalue()
        if site:
            text = text.replace(site + "/", "")
        text = text.replace(str(app_dir) + "/", "").replace(os.path.dirname(os.__file__) + "/", "")
        lines = text[text.find("   ncalls"):].splitlines() if "   ncalls" in text else text.splitlines()
        kept = [line for line in lines[1:] if line.strip() and not any(w in line for w in WRAPPERS)]
        texts[key] = "\n".join(lines[:1] + kept[:limit])
    return texts


def _profiled(at_action) -> tuple[float, cProfile.Profile]:
    profiler = cProfile.Profile()
    _PROFILER[0] = profiler
    try:
        started = time.perf_counter()
        at_action()
        return time.perf_counter() - started, profiler
    finally:
        _PROFILER[0] = None


def bench_bare(runs: int, timeout: float) -> dict:
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(BENCH / "bare.py"), default_timeout=timeout)
    started = time.perf_counter()
    at.run()
    result = {"first_s": time.perf_counter() - started, "rerun_s": [], "errors": _exceptions(at)}
    for _ in range(max(runs, 3)):
        started = time.perf_counter()
        at.run()
        result["rerun_s"].append(time.perf_counter() - started)
    return result


def bench_page(app_dir: Path, page: str, runs: int, budget: float, timeout: float, profile: bool) -> dict:
    from streamlit.testing.v1 import AppTest

    result = {"page": page, "first_s": None, "rerun_s": [], "errors": [], "events_shown": None}
    at = AppTest.from_file(str(app_dir / "dashboard.py"), default_timeout=timeout)
    at.switch_page(f"app_pages/{page}.py")
    started = time.perf_counter()
    try:
        at.run()
    except Exception as exc:  # noqa: BLE001 - AppTest raises RuntimeError on timeout
        result["errors"].append(f"first run: {type(exc).__name__}: {exc}"[:500])
        result["timed_out"] = "timed out" in str(exc)
        return result
    result["first_s"] = time.perf_counter() - started
    result["errors"] += [f"first run: {e}" for e in _exceptions(at)]
    result["full_view"] = _payloads(at)
    if result["errors"]:
        return result
    spent = 0.0
    for index in range(runs):
        years = YEAR_VALUES[index % 2]
        try:
            slider = at.sidebar.slider[0]
            started = time.perf_counter()
            slider.set_value(years).run()
            elapsed = time.perf_counter() - started
        except Exception as exc:  # noqa: BLE001
            result["errors"].append(f"rerun {index + 1}: {type(exc).__name__}: {exc}"[:500])
            result["timed_out"] = "timed out" in str(exc)
            break
        errors = _exceptions(at)
        if errors:
            result["errors"] += [f"rerun {index + 1}: {e}" for e in errors]
            break
        result["rerun_s"].append(elapsed)
        spent += elapsed
        if spent >= budget and index + 1 < runs:
            result["stopped_early"] = f"budget of {budget:.0f} s spent after {index + 1} runs"
            break
    result["filtered_view"] = _payloads(at)
    if profile and not result["errors"]:
        years = YEAR_VALUES[len(result["rerun_s"]) % 2]
        elapsed, profiler = _profiled(lambda: at.sidebar.slider[0].set_value(years).run())
        result["profiled_rerun_s"] = elapsed
        result["profile"] = _profile_text(profiler, app_dir)
        # a new session on the same page (warm caches): what each pupil who opens the page costs the server
        fresh = AppTest.from_file(str(app_dir / "dashboard.py"), default_timeout=timeout)
        fresh.switch_page(f"app_pages/{page}.py")
        elapsed, profiler = _profiled(fresh.run)
        result["profiled_new_session_s"] = elapsed
        result["profile_new_session"] = _profile_text(profiler, app_dir)
    return result


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--app-dir", type=Path, required=True)
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--geo", type=Path, required=True)
    parser.add_argument("--pages", default="timeline,map")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--budget", type=float, default=60.0, help="seconds of timed reruns per page, at most")
    parser.add_argument("--timeout", type=float, default=300.0, help="AppTest timeout of one run, seconds")
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--json", type=Path, required=True)
    args = parser.parse_args(argv)

    app_dir = args.app_dir.resolve()
    os.environ["STEPPE_DATA_DIR"] = str(args.data.resolve())
    os.environ["STEPPE_GEO_DIR"] = str(args.geo.resolve())
    os.chdir(app_dir)
    sys.path.insert(0, str(app_dir))
    out = {"bare": None, "pages": [], "crash": None}
    try:
        _install_profiler_hook()
        out["bare"] = bench_bare(args.runs, args.timeout)
        for page in args.pages.split(","):
            out["pages"].append(bench_page(app_dir, page, args.runs, args.budget, args.timeout, args.profile))
            args.json.write_text(json.dumps(out))  # partial results survive a kill
        # the bare rerun again at the end: the ratio uses the runs before and after the pages
        out["bare"]["rerun_s"] += bench_bare(args.runs, args.timeout)["rerun_s"]
    except Exception:  # noqa: BLE001 - reported to run.py, which decides the exit code
        out["crash"] = traceback.format_exc()[-3000:]
    out["max_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    args.json.write_text(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
