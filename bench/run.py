"""Steppe Atlas benchmark (issue 5): page ready time, filter rerun, map size, memory, a class of 40.

    python bench/run.py                      # full: K=5 runs, 1k/10k/100k synthetic events (6-15 min on 2 cores)
    python bench/run.py --smoke --out /tmp/b.md   # CI: 1 run, 200 events, 3 pages, a class of 4 (~1.5 min)
    python bench/run.py --snapshot HEAD      # benchmark a committed revision (git archive) instead of the tree
    python bench/run.py --profile            # add cProfiles of the rerun (curated and largest size)
    python bench/run.py --from-json bench/results/last-run.json   # only write the report again
    python bench/run.py --class-only --workers 1,2,3   # only the class of 40 (and a burst), 1, 2 and 3 workers
                                             # (scripts/serve.sh behind HAProxy when N > 1); updates section 7

Medians with min and max over the runs. Writes Markdown (default docs/BENCHMARKS.md), prints it, and saves the
raw numbers as JSON beside the synthetic data in bench/results/. Exit status: 0 when every measure ran, 1 when
the app crashed (an exception on a page, a server that died, a request outside localhost) or the harness
did; never because a number is slow or a slow page timed out.
"""
from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import math
import shlex
import shutil
import subprocess
import sys
import time
import traceback
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from common import (BARE, PYTHON, RESULTS, ROOT, Stat, git_state, loadavg, machine, start_served,  # noqa: E402
                    start_streamlit, worker_env)

ALL_PAGES = ["/", "/timeline", "/map", "/stories", "/explore", "/sources"]
SMOKE_PAGES = ["/", "/timeline", "/map"]
TARGETS = {"home_ratio": 2.0, "rerun_curated_ms": 150.0, "rerun_100k_ms": 500.0, "map_100k_bytes": 1_000_000,
           "class_p95_s": 10.0, "rss_mb": 1536.0}
SECTIONS = ("## Summary against the targets", "## 1. Page ready time", "## 2. Filter rerun",
            "## 3. Map size and draw time", "## 4. Server memory", "## 5. A class of pupils")
WORKERS_BEGIN, WORKERS_END = "<!-- class-workers:begin -->", "<!-- class-workers:end -->"
WORKERS_SECTION = "## 7. A class on several workers behind HAProxy"


class Config:
    def __init__(self, args):
        self.smoke = args.smoke
        self.runs = args.runs if args.runs else (1 if args.smoke else 5)
        self.sizes = [int(s) for s in args.sizes.split(",")] if args.sizes else ([200] if args.smoke
                                                                                 else [1000, 10000, 100000])
        self.pages = SMOKE_PAGES if args.smoke else ALL_PAGES
        self.pupils = args.pupils or (4 if args.smoke else 40)
        self.waves = 2 if args.smoke else 4
        self.window_s = 2.0 if args.smoke else 45.0   # every pupil has started within this many seconds
        self.settle_s = 0.5 if args.smoke else 2.0    # pause before reading RSS
        self.cold_pages = ["/"] if args.smoke else None  # first visits timed apart (None: every page)
        self.browser_pupils = args.browser_pupils  # None: one per wave; the other pupils are light clients
        self.page_timeout_ms = 30_000 if args.smoke else 120_000
        self.map_timeout_ms = 30_000 if args.smoke else 300_000
        self.class_timeout_ms = 45_000 if args.smoke else 300_000   # one pupil's page; slower counts as an error
        self.rerun_budget_s = 20.0 if args.smoke else 45.0   # timed reruns of one page at one size, at most
        self.map_budget_s = 20.0 if args.smoke else 45.0
        self.apptest_timeout_s = 60.0 if args.smoke else 300.0
        self.profile = args.profile
        self.seed = args.seed
        self.burst_window_s = 1.0 if args.smoke else 2.0  # the burst: every pupil starts within this


# ---------------------------------------------------------------- datasets

def synthetic(n_events: int, seed: int, app_dir: Path) -> Path:
    """Generate a dataset for the app in app_dir (reused while the generator, the app's schema and curated
    files, the size and the seed are unchanged: 100,000 events take a few seconds anyway)."""
    out = RESULTS / f"data-{n_events}-seed{seed}"
    stamp = out / ".generator"
    watched = [BENCH / "generate.py", app_dir / "steppe" / "schema.py", app_dir / "steppe" / "config.py",
               *sorted((app_dir / "data").glob("*.csv"))]
    signature = " ".join([str(app_dir), str(n_events), str(seed)]
                         + [str(p.stat().st_mtime_ns) for p in watched if p.exists()])
    if not (stamp.exists() and stamp.read_text() == signature):
        shutil.rmtree(out, ignore_errors=True)
        subprocess.run([PYTHON, str(BENCH / "generate.py"), str(out), "--events", str(n_events), "--seed",
                        str(seed), "--app-dir", str(app_dir)], check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
        stamp.write_text(signature)
    return out


def snapshot(rev: str) -> Path:
    """`git archive REV` into bench/results/app-SHA: a frozen copy of the app to benchmark."""
    sha = subprocess.run(["git", "rev-parse", "--short", rev], cwd=ROOT, capture_output=True, text=True,
                         check=True).stdout.strip()
    out = RESULTS / f"app-{sha}"
    if not (out / ".bench-snapshot").exists():
        shutil.rmtree(out, ignore_errors=True)
        out.mkdir(parents=True)
        archive = subprocess.run(["git", "archive", sha], cwd=ROOT, capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(out)], input=archive, check=True)
        (out / ".bench-snapshot").write_text(f"snapshot of {sha} (git archive {rev})")
    return out


# ---------------------------------------------------------------- measures

def run_apptest(cfg: Config, app_dir: Path, label: str, data: Path, geo: Path, profile: bool,
                pages: str = "timeline,map") -> dict:
    """(b) one worker process per dataset; its JSON, or a crash/timeout note."""
    out = RESULTS / f"apptest-{label}.json"
    out.unlink(missing_ok=True)
    command = [PYTHON, str(BENCH / "apptest_worker.py"), "--app-dir", str(app_dir), "--data", str(data),
               "--geo", str(geo), "--runs", str(cfg.runs), "--budget", str(cfg.rerun_budget_s),
               "--timeout", str(cfg.apptest_timeout_s), "--json", str(out), "--pages", pages]
    if profile:
        command.append("--profile")
    hard_limit = 3 * cfg.apptest_timeout_s + 2 * cfg.rerun_budget_s + 120
    log = RESULTS / "logs" / f"apptest-{label}.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    try:
        with open(log, "w") as handle:
            proc = subprocess.run(command, cwd=app_dir, env=_env(app_dir), stdout=handle, stderr=subprocess.STDOUT,
                                  timeout=hard_limit)
        note = None if proc.returncode == 0 else f"worker exited with {proc.returncode}; see {log}"
    except subprocess.TimeoutExpired:
        note = f"worker killed after {hard_limit:.0f} s (timeout); partial results kept"
    result = json.loads(out.read_text()) if out.exists() else {"bare": None, "pages": [], "crash": note}
    if note and not result.get("crash"):
        result["crash" if "exited" in note else "timeout"] = note
    result["wall_s"] = time.perf_counter() - started
    return result


def _env(app_dir: Path) -> dict:
    import os
    return {**os.environ, "PYTHONPATH": str(app_dir)}


def run_browser(cfg: Config, app_dir: Path, datasets: dict[str, Path], results: dict, log) -> None:
    """(a) and (c) with the sync API; (d) and (e) with the async API, each on a fresh server."""
    import browser_bench as bb
    from playwright.sync_api import sync_playwright

    curated_env = {"STEPPE_DATA_DIR": str(app_dir / "data"), "STEPPE_GEO_DIR": str(app_dir / "geo")}
    app = start_streamlit(app_dir / "dashboard.py", app_dir, curated_env)
    bare = start_streamlit(BARE, app_dir)
    try:
        with sync_playwright() as p:
            browser = bb.launch(p)
            try:
                log("(a) page ready time ...")
                results["pages"] = _plain(bb.page_ready(browser, app.url, app.pid, bare.url, bare.pid, cfg.pages,
                                                        cfg.runs, cfg.page_timeout_ms, cfg.cold_pages))
                results["pages"]["server_alive"] = app.alive() and bare.alive()
                results["maps"] = {}
                log("(c) map on curated data ...")
                results["maps"]["curated"] = _plain(bb.map_draw(browser, app.url, cfg.runs, cfg.map_budget_s,
                                                                cfg.map_timeout_ms, app.pid))
                results["maps"]["curated"]["server_alive"] = app.alive()
            finally:
                browser.close()
            app.stop()
            bare.stop()
            for label, folder in datasets.items():
                log(f"(c) map on {label} events ...")
                server = start_streamlit(app_dir / "dashboard.py", app_dir,
                                         {"STEPPE_DATA_DIR": str(folder / "data"), "STEPPE_GEO_DIR": str(folder / "geo")})
                browser = bb.launch(p)
                try:
                    results["maps"][label] = _plain(bb.map_draw(browser, server.url, cfg.runs, cfg.map_budget_s,
                                                                cfg.map_timeout_ms, server.pid))
                    results["maps"][label]["server_alive"] = server.alive()
                finally:
                    browser.close()
                    server.stop()
    finally:
        app.stop()
        bare.stop()

    log(f"(d) + (e) a class of {cfg.pupils}, server memory ...")
    server = start_streamlit(app_dir / "dashboard.py", app_dir, curated_env)
    try:
        results["class"] = asyncio.run(bb.class_of(server.url, server.pid, cfg.pupils, cfg.waves, cfg.window_s,
                                                   cfg.class_timeout_ms, cfg.settle_s, cfg.browser_pupils))
        results["class"]["server_alive"] = server.alive()
    finally:
        server.stop()


def _plain(value):
    """Stat objects -> dicts, for JSON and the report."""
    if isinstance(value, Stat):
        return value.to_dict()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def run_class_only(cfg: Config, app_dir: Path, workers: list[str], log) -> list[dict]:
    """The class of section 5 (waves over cfg.window_s), then on fresh servers the same class as a burst
    (every pupil within cfg.burst_window_s), for each number of workers in turn. N > 1 is
    scripts/serve.sh --workers N (HAProxy in front; the workers get deploy/worker.env); N = 1 is one
    `streamlit run dashboard.py` with no proxy and the same worker settings; "plain" is one `streamlit run
    dashboard.py` exactly as the README runs it (as section 5).
    Before each class every worker is warmed by one light session on / and /stories, as the teacher's
    first visit warms the single server: a fresh worker's first session loads and checks the data."""
    import browser_bench as bb
    from concurrent.futures import ThreadPoolExecutor

    from light_client import LightPupil

    env = {"STEPPE_DATA_DIR": str(app_dir / "data"), "STEPPE_GEO_DIR": str(app_dir / "geo")}

    def start(n: int, plain: bool, proxy: bool):
        if n == 1 and not proxy:
            server = start_streamlit(app_dir / "dashboard.py", app_dir, env if plain else {**env, **worker_env(app_dir)})
            return server, server.url, server.pid, None, [server.url], server.stop
        served = start_served(app_dir, n, env)
        return served, served.url, served.worker_pids, served.proxy_pid, served.worker_urls, served.stop

    async def warm(urls: list[str]) -> list[float]:
        executor = ThreadPoolExecutor(max_workers=8)
        times = []
        try:
            for worker_url in urls:
                pupil = LightPupil(worker_url, executor, cfg.class_timeout_ms / 1000)
                started = time.perf_counter()
                await pupil.visit("/", [])
                await pupil.visit("/stories", [])
                await pupil.close()
                times.append(time.perf_counter() - started)
        finally:
            executor.shutdown(wait=False)
        return times

    runs = []
    for token in workers:
        plain, proxy = token == "plain", token == "1p" or (token not in ("plain", "1"))
        n = 1 if token in ("plain", "1p") else int(token)
        entry = {"workers": n, "plain": plain, "proxy": proxy, "loadavg_before": loadavg()}
        for key, window in (("class", cfg.window_s), ("burst", cfg.burst_window_s)):
            log(f"{_label(entry)}: {key} of {cfg.pupils} within {window:.0f} s ...")
            try:
                server, url, pids, proxy_pid, worker_urls, stop = start(n, plain, proxy)
            except Exception:  # noqa: BLE001 - recorded; the other worker counts still run
                entry[key] = {"harness_error": traceback.format_exc()}
                print(entry[key]["harness_error"], file=sys.stderr)
                continue
            try:
                entry[f"{key}_warmup_s"] = asyncio.run(warm(worker_urls))
                entry[key] = asyncio.run(bb.class_of(url, pids, cfg.pupils, cfg.waves, window, cfg.class_timeout_ms,
                                                     cfg.settle_s, cfg.browser_pupils, proxy_pid=proxy_pid))
                entry[key]["server_alive"] = server.alive()
            except Exception:  # noqa: BLE001
                entry[key] = {"harness_error": traceback.format_exc()}
                print(entry[key]["harness_error"], file=sys.stderr)
            finally:
                stop()
        entry["loadavg_after"] = loadavg()
        runs.append(entry)
    return runs


def _label(entry: dict) -> str:
    n = entry["workers"]
    return f"{n} worker{'s' if n != 1 else ''}" + (" (plain)" if entry.get("plain") else "") \
        + (" behind HAProxy" if entry.get("proxy") and n == 1 else "")


def _p95(klass: dict, group: str = "server") -> float:
    """p95 of home + stories: "server" = the light pupils (server side, the target's measure, as in the
    summary of section 5) when there are any, else every pupil; "browser" = the real Chromium pupils."""
    if group == "server":
        group = "light" if klass.get("light", {}).get("pupils") else "all"
    return klass.get(group, {}).get("total_s", {}).get("p95", float("nan"))


def class_line(entry: dict) -> str:
    """The one-line result: `class of 40: E errors, p95 X.XX s (burst p95 Y.YY s), N workers` (server side)."""
    klass, burst = entry.get("class", {}), entry.get("burst", {})
    errors = len(klass.get("errors", [])) + len(burst.get("errors", []))
    p95, burst_p95 = _p95(klass), _p95(burst)
    return f"class of {klass.get('pupils', '?')}: {errors} errors, p95 {p95:.2f} s (burst p95 {burst_p95:.2f} s), " \
        + _label(entry)


def render_workers(cfg: Config, results: dict, command: str) -> str:
    """Section 7, between markers: written by --class-only, kept as it is by a full run."""
    info, runs = results["machine"], results["class_runs"]
    n = cfg.pupils
    lines = [WORKERS_BEGIN, WORKERS_SECTION, "",
             f"Measured {results['date']} with `{command}` (app {results['app_state']}; wall time "
             f"{results['wall_s'] / 60:.1f} min), on {info['nproc']} cores ({info['cpu']}), {info['memory_gb']} GB; "
             f"Streamlit {info['streamlit']}, {results.get('haproxy', 'HAProxy ?')}; load average "
             f"{results.get('loadavg_start', '?')} before, {results.get('loadavg_end', '?')} after.", "",
             f"The class of section 5 ({n} pupils: {cfg.pupils - (cfg.browser_pupils or cfg.waves)} light clients "
             f"and {cfg.browser_pupils or cfg.waves} real Chromium pupils, each opening `/` then `/stories`, in "
             f"{cfg.waves} waves within {cfg.window_s:.0f} s), then on fresh servers the same class as a burst "
             f"({cfg.waves} waves within {cfg.burst_window_s:.0f} s), served by N workers: N > 1 is `scripts/serve.sh "
             "--workers N`: N workers behind HAProxy (`balance leastconn`, `cookie SERVERID insert`; each light "
             "pupil keeps its cookie, and its WebSocket is checked to reach the worker that served its page), "
             "each with the production settings of `deploy/worker.env` (no source watcher, no forced GC after "
             "each run); N = 1 is one `streamlit run dashboard.py` with the same settings and no proxy (\"1 worker behind HAProxy\": "
             "`scripts/serve.sh --workers 1 --proxy`, to tell the proxy's share from the workers'); "
             "\"plain\" is one `streamlit run dashboard.py` exactly as the README runs it (as in section 5). "
             "Before each "
             "class every worker gets one light session on `/` and `/stories` (a fresh worker's first session "
             "loads and checks the data, as the teacher's first visit does for the single server). Time per "
             "pupil = home ready + stories ready. CPU and memory are summed over the workers; CPU per page "
             f"load = worker CPU during the class / ({n} pupils × 2 pages). Memory: VmRSS summed over the "
             "workers; peak = sum of each worker's VmHWM. \"Others\" = CPU that processes outside this "
             "benchmark (other work on the shared machine) used during the class: `/proc/stat` busy time minus "
             "everything this benchmark started.", "",
             "| Workers | Errors (class, burst) | p95, server side | p95, real Chromium | Burst: p95, server side | "
             "Burst: p95, real Chromium | Worker CPU per page load (class, burst) | Proxy CPU (class, burst) | "
             "Memory at start / with the class / peak | Pupils per worker | Others' CPU (class; burst) |",
             "|---|---|---|---|---|---|---|---|---|---|---|"]

    def per_load(k):
        return k.get("server_cpu_s", float("nan")) / (2 * k.get("pupils", n))

    def others(k):
        wall = k.get("class_wall_s") or float("nan")
        return f"{fmt_s(k.get('others_cpu_s'))} in {fmt_s(wall)} ({k.get('others_cpu_s', float('nan')) / wall:.1f} cores)"

    for entry in runs:
        klass, burst = entry.get("class", {}), entry.get("burst", {})
        proxy = [k.get("proxy_cpu_s") for k in (klass, burst) if k.get("proxy_cpu_s") is not None]
        lines.append(
            f"| {_label(entry)} | {len(klass.get('errors', []))} of {klass.get('pupils', n)}, "
            f"{len(burst.get('errors', []))} of {burst.get('pupils', n)} | "
            f"{fmt_s(_p95(klass))} | {fmt_s(_p95(klass, 'browser'))} | "
            f"{fmt_s(_p95(burst))} | {fmt_s(_p95(burst, 'browser'))} | "
            f"{fmt_s(per_load(klass))}, {fmt_s(per_load(burst))} | "
            f"{', '.join(fmt_s(x) for x in proxy) if proxy else '–'} | "
            f"{fmt_mb(klass.get('rss_start_mb'))} / {fmt_mb(klass.get('rss_n_stories_mb'))} / {fmt_mb(klass.get('hwm_mb'))} | "
            f"{', '.join(f'{w} {c}' for w, c in klass.get('pupils_per_worker', {}).items()) or 'one server'} | "
            f"{others(klass)}; {others(burst)} |")
    lines.append("")
    by_n = {e["workers"]: e for e in runs if not e.get("plain") and not (e["workers"] == 1 and e.get("proxy"))}

    def p95(e, key="class"):
        return _p95(e.get(key, {}))

    if 1 in by_n and 2 in by_n:
        one, two = by_n[1], by_n[2]
        errors = len(two["class"].get("errors", [])) + len(two["burst"].get("errors", []))
        ratio, burst_ratio = p95(two) / p95(one), p95(two, "burst") / p95(one, "burst")
        ok = errors == 0 and p95(two) <= TARGETS["class_p95_s"] and ratio <= 0.75
        lines += [f"Target for 2 workers: 0 errors, p95 (server side) ≤ {TARGETS['class_p95_s']:.0f} s and ≤ 0.75× one "
                  f"worker's p95 in the same run. Measured: {errors} errors, p95 {fmt_s(p95(two))}, "
                  f"{ratio:.2f}× one worker's {fmt_s(p95(one))} (burst: {fmt_s(p95(two, 'burst'))}, "
                  f"{burst_ratio:.2f}× {fmt_s(p95(one, 'burst'))}): **{'met' if ok else 'not met'}**.", ""]
    busy = [k["others_cpu_s"] / k["class_wall_s"] for e in runs for k in (e.get("class", {}), e.get("burst", {}))
            if k.get("others_cpu_s") is not None and k.get("class_wall_s")]
    if busy and max(busy) > 0.25:
        lines += [f"**The machine was not idle**: processes outside this benchmark used {min(busy):.1f}–{max(busy):.1f} "
                  f"of its {info['nproc']} cores during these classes (last column; load average above). The times "
                  "are upper bounds and vary from run to run; compare rows of the same run.", ""]
    warm = ", ".join(f"{_label(e)}: " + " / ".join(fmt_s(t) for t in e.get("class_warmup_s", [])) for e in runs)
    lines += [f"Warm-up session per worker (cold: loads the data), by N: {warm}.", ""]
    failures = [f"{_label(e)}, {key}: {err.splitlines()[0]}" for e in runs for key in ("class", "burst")
                for err in e.get(key, {}).get("errors", [])[:2]]
    failures += [f"{_label(e)}, {key}: harness error {e[key]['harness_error'].strip().splitlines()[-1]}"
                 for e in runs for key in ("class", "burst") if e.get(key, {}).get("harness_error")]
    if failures:
        lines += ["Errors: " + "; ".join(failures), ""]
    lines.append(WORKERS_END)
    return "\n".join(lines) + "\n"


def place_workers_section(text: str, section: str) -> str:
    """Put section 7 into a report: replace the marked block, else insert it before `## Errors` (or at the end)."""
    if WORKERS_BEGIN in text and WORKERS_END in text:
        head, rest = text.split(WORKERS_BEGIN, 1)
        return head + section.rstrip("\n") + rest.split(WORKERS_END, 1)[1]
    if "\n## Errors" in text:
        head, tail = text.split("\n## Errors", 1)
        return head + "\n" + section + "\n## Errors" + tail
    return text.rstrip("\n") + "\n\n" + section


# ---------------------------------------------------------------- report

def _nan(x) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x))


def fmt_s(x) -> str:
    if _nan(x):
        return "–"
    return f"{x * 1000:.0f} ms" if x < 1 else f"{x:.2f} s"


def fmt_ms(x) -> str:
    if _nan(x):
        return "–"
    return f"{x * 1000:.1f} ms" if x < 0.1 else f"{x * 1000:.0f} ms"


def fmt_bytes(x) -> str:
    if _nan(x):
        return "–"
    if x >= 1_000_000:
        return f"{x / 1_000_000:.1f} MB"
    return f"{x / 1000:.0f} kB"


def fmt_mb(x) -> str:
    return "–" if _nan(x) else f"{x:.0f} MB"


def med_min_max(stat: dict, fmt) -> str:
    if not stat or not stat.get("values"):
        return "–"
    if len(stat["values"]) == 1:
        return f"{fmt(stat['median'])} (1 run)"
    return f"{fmt(stat['median'])} ({fmt(stat['min'])} – {fmt(stat['max'])}, n={len(stat['values'])})"


def _median(values):
    return Stat(list(values)).median if values else float("nan")


def _verdict(ok) -> str:
    return "–" if ok is None else ("yes" if ok else "**no**")


def collect_errors(results: dict) -> tuple[list[str], list[str]]:
    """(crashes, other problems): crashes decide the exit status; timeouts and slowness never do."""
    crashes, problems = [], []
    for label, worker in results.get("apptest", {}).items():
        if worker.get("crash"):
            crashes.append(f"AppTest {label}: {worker['crash'].strip().splitlines()[-1]}")
        if worker.get("timeout"):
            problems.append(f"AppTest {label}: {worker['timeout']}")
        for page in worker.get("pages", []):
            for error in page.get("errors", []):
                (problems if "timed out" in error or "Timeout" in error else crashes).append(
                    f"AppTest {label} {page['page']}: {error}")
        for error in (worker.get("bare") or {}).get("errors", []):
            crashes.append(f"AppTest {label} bare: {error}")
    pages = results.get("pages", {})
    for path, stat in pages.get("pages", {}).items():
        for error in stat.get("errors", []):
            (crashes if "app exception" in error else problems).append(f"page {path}: {error}")
    for error in pages.get("bare", {}).get("errors", []):
        problems.append(f"bare page: {error}")
    for label, entry in results.get("maps", {}).items():
        for error in entry.get("total", {}).get("errors", []):
            (crashes if "app exception" in error else problems).append(f"map {label}: {error}")
        if entry.get("server_alive") is False:
            crashes.append(f"map {label}: the server died")
    for key in ("pages", "class"):
        entry = results.get(key, {})
        if entry.get("server_alive") is False:
            crashes.append(f"{key}: the server died")
    klass = results.get("class", {})
    if klass.get("teacher", {}).get("error"):
        problems.append(f"class: the teacher's first visit: {klass['teacher']['error']}")
    if klass.get("app_exceptions"):
        crashes.append(f"class: {klass['app_exceptions']} pupils saw an app exception")
    for error in klass.get("errors", []):
        problems.append(f"class: {error}")
    outside = []
    for entry in [pages, klass] + list(results.get("maps", {}).values()):
        outside += entry.get("outside_requests", []) if isinstance(entry, dict) else []
    if outside:
        crashes.append(f"{len(outside)} requests outside localhost were attempted, e.g. {outside[:3]}")
    if results.get("harness_error"):
        crashes.append(f"benchmark harness: {results['harness_error'].strip().splitlines()[-1]}")
    return crashes, problems


def summary_rows(cfg: Config, results: dict) -> list[tuple[str, str, str, object]]:
    rows = []
    pages = results.get("pages", {})
    home = pages.get("pages", {}).get("/", {})
    bare = pages.get("bare", {})
    ratio = (home.get("median", float("nan")) / bare["median"]) if bare.get("values") and home.get("values") \
        else float("nan")
    rows.append(("Home page ready, ratio to the bare page", f"≤ {TARGETS['home_ratio']:.0f}×",
                 "–" if _nan(ratio) else f"{ratio:.1f}× ({fmt_s(home['median'])} vs {fmt_s(bare['median'])})",
                 None if _nan(ratio) else ratio <= TARGETS["home_ratio"]))
    largest = f"{cfg.sizes[-1]:,}" if cfg.sizes else None
    for label, target_ms in (("curated", TARGETS["rerun_curated_ms"]), (largest, TARGETS["rerun_100k_ms"])):
        worker = results.get("apptest", {}).get(label)
        if not worker:
            continue
        measured = [p for p in worker.get("pages", []) if p.get("rerun_s") and p["page"] in ("timeline", "map")]
        worst = max((_median(p["rerun_s"]) for p in measured), default=float("nan"))
        which = ", ".join(f"{p['page']} {fmt_ms(_median(p['rerun_s']))}" for p in measured)
        target = f"≤ {target_ms:.0f} ms" + ("" if label == "curated" or cfg.sizes[-1] == 100000
                                             else " (target is for 100,000)")
        rows.append((f"Filter rerun, {label} events (slower of timeline and map)", target, which or "–",
                     None if _nan(worst) else worst * 1000 <= target_ms))
    if largest:
        worker = results.get("apptest", {}).get(largest, {})
        sizes = [p.get("full_view", {}).get("map_args_bytes") for p in worker.get("pages", []) if p["page"] == "map"]
        size = sizes[0] if sizes and sizes[0] else float("nan")
        rows.append((f"Map payload, {largest} events (all years)", "≤ 1 MB", fmt_bytes(size),
                     None if _nan(size) else size <= TARGETS["map_100k_bytes"]))
    klass = results.get("class", {})
    if klass:
        n = klass["pupils"]
        rows.append((f"Class of {n}: errors", "0", f"{len(klass['errors'])} of {n}", not klass["errors"]))
        for group, label in (("light", "server side"), ("browser", "in real Chromium")):
            entry = klass.get(group, {})
            if not entry.get("pupils"):
                continue
            p95 = entry["total_s"]["p95"]
            if entry["errors"] > 0.05 * entry["pupils"]:  # failed pupils count as slower than any success
                text, ok = f"> {cfg.class_timeout_ms / 1000:.0f} s ({entry['errors']} failed)", False
            else:
                text, ok = fmt_s(p95), None if _nan(p95) else p95 <= TARGETS["class_p95_s"]
            rows.append((f"Class of {n}: p95 of home + stories ready, {label} ({entry['pupils']} pupils)",
                         f"≤ {TARGETS['class_p95_s']:.0f} s", text, ok))
        peak = klass.get("hwm_mb", float("nan"))
        rows.append((f"Server RSS with {n} sessions (peak, VmHWM)", "≤ 1.5 GB", fmt_mb(peak),
                     None if _nan(peak) else peak <= TARGETS["rss_mb"]))
    return rows


def render(cfg: Config, results: dict, command: str) -> str:
    info = results["machine"]
    lines = [
        "# Steppe Atlas benchmarks",
        "",
        f"Measured {results['date']} with `{command}` ({'smoke mode' if cfg.smoke else 'full run'}, "
        f"{cfg.runs} run{'s' if cfg.runs != 1 else ''} per measure; wall time {results['wall_s'] / 60:.1f} min).",
        "",
        f"- App: `{results['app_dir']}` — {results['app_state']}",
        f"- Machine: {info['nproc']} cores ({info['cpu']}), {info['memory_gb']} GB memory; {info['chromium']}; "
        f"load average {results.get('loadavg_start', '?')} at the start, {results.get('loadavg_end', '?')} at the end",
        f"- Python {info['python']}, Streamlit {info['streamlit']}, streamlit-folium {info['streamlit-folium']}, "
        f"folium {info['folium']}, Plotly {info['plotly']}, pandas {info['pandas']}, Playwright {info['playwright']}",
        "- Numbers are medians with (min – max, n runs); a measure stops repeating once its time budget is spent "
        "(n shows how many runs were made). Browser: headless Chromium, every request outside localhost blocked. "
        "Benchmark and app share the machine's cores, so browser numbers include the browser's own CPU time.",
        "",
        SECTIONS[0],
        "",
        "| Measure | Target | Result | Met |",
        "|---|---|---|---|",
    ]
    for name, target, value, ok in summary_rows(cfg, results):
        lines.append(f"| {name} | {target} | {value} | {_verdict(ok)} |")

    # (a)
    pages = results.get("pages", {})
    lines += ["", SECTIONS[1] + " (browser, curated data)", "",
              "From `page.goto` to ready: the server's `script_finished` (successfully) message on the page's "
              "WebSocket (the app may rerun itself first), Streamlit idle (`data-test-script-state=\"notRunning\"`), "
              "then, on the "
              "pages that show them, Leaflet paths drawn in the st_folium iframe and points drawn in every Plotly "
              "chart. Each run opens a fresh browser context (a new session); the pages and the bare page "
              "(`bench/bare.py`, started the same way on its own server) alternate within each run. The cold "
              "column is the first visit after the server started (data load and caches).", "",
              "| Page | Ready | Ratio to bare (medians) | Cold first visit | Server CPU per load | "
              "Chromium CPU per load |", "|---|---|---|---|---|---|"]
    bare = pages.get("bare", {})
    cpu = pages.get("server_cpu_s", {})
    bcpu = pages.get("browser_cpu_s", {})
    for path in cfg.pages + ["bare"]:
        stat = bare if path == "bare" else pages.get("pages", {}).get(path, {})
        ratio = stat.get("median", float("nan")) / bare["median"] if bare.get("values") and stat.get("values") \
            else float("nan")
        name = "bare page" if path == "bare" else f"`{path}`"
        note = " ⚠ " + stat["errors"][0][:100] if stat.get("errors") else ""
        lines.append(f"| {name} | {med_min_max(stat, fmt_s)}{note} | {'–' if _nan(ratio) else f'{ratio:.1f}×'} | "
                     f"{fmt_s(pages.get('cold', {}).get(path))} | {fmt_s(cpu.get(path, {}).get('median'))} | "
                     f"{fmt_s(bcpu.get(path, {}).get('median'))} |")
    lines += ["", "CPU per load: user + system time of the `streamlit run` process (from `/proc/PID/stat`) and of "
              "the Chromium processes while one page loads (medians). Chromium CPU includes opening a fresh "
              "context and parsing Streamlit's frontend, which the bare page pays too."]

    # (b)
    lines += ["", SECTIONS[1 + 1] + " (server, in-process AppTest)", "",
              "`AppTest.from_file(\"dashboard.py\")`, `switch_page` to the page, one first run (cold: it also loads "
              "and validates the data when the process has not yet), then timed "
              "`at.sidebar.slider[0].set_value(years).run()` with years alternating 1928–1932 and 1929–1933. "
              "The bare page's rerun is `at.run()` of `bench/bare.py` in the same process. Payloads are read from "
              "the element protos: the st_folium args (JSON) and the Plotly spec.", "",
              "| Data | Page | First run (cold) | Filter rerun | Ratio to bare rerun | Payload, all years | "
              "Payload, filtered |", "|---|---|---|---|---|---|---|"]
    for label, worker in results.get("apptest", {}).items():
        bare_s = _median((worker.get("bare") or {}).get("rerun_s", []))
        for page in worker.get("pages", []):
            stat = Stat(page.get("rerun_s", [])).to_dict()
            ratio = stat["median"] / bare_s if stat["values"] and not _nan(bare_s) and bare_s > 0 else float("nan")
            key = "map_args_bytes" if page["page"] == "map" else "plotly_spec_bytes"
            note = " ⚠ " + page["errors"][0][:120] if page.get("errors") else ""
            note += f" ({page['stopped_early']})" if page.get("stopped_early") else ""
            lines.append(f"| {label} | {page['page']} | {fmt_s(page.get('first_s'))} | "
                         f"{med_min_max(stat, fmt_ms)}{note} | {'–' if _nan(ratio) else f'{ratio:.0f}×'} | "
                         f"{fmt_bytes(page.get('full_view', {}).get(key))} | "
                         f"{fmt_bytes(page.get('filtered_view', {}).get(key))} |")
        lines.append(f"| {label} | bare page | {fmt_s((worker.get('bare') or {}).get('first_s'))} | "
                     f"{med_min_max(Stat((worker.get('bare') or {}).get('rerun_s', [])).to_dict(), fmt_ms)} | 1× | | |")
    worker_rss = ", ".join(f"{label} {fmt_mb(w.get('max_rss_mb'))}" for label, w in results.get("apptest", {}).items())
    lines += ["", f"Peak RSS of the AppTest worker process: {worker_rss}."]

    # (c)
    lines += ["", SECTIONS[3] + " (browser)", "",
              "`/map` (all years) in a fresh context after the server's data cache was warmed with `/stories`. "
              "Time to map = `page.goto` to the first Leaflet path in the st_folium iframe (or, if the page draws "
              "its map otherwise, to its Plotly points) (server build + "
              "transfer + draw); browser part = from Streamlit idle to the map drawn. WebSocket bytes = all "
              "frames received by the page (decompressed), mostly the map's args. Map args = the st_folium "
              "JSON args measured in-process (section 2).", "",
              "| Data | Map args (in-process) | WebSocket bytes | Time to map | Browser part | Server CPU | "
              "Chromium CPU | Server RSS after |", "|---|---|---|---|---|---|---|---|"]
    for label, entry in results.get("maps", {}).items():
        worker = results.get("apptest", {}).get(label, {})
        args_bytes = next((p.get("full_view", {}).get("map_args_bytes") for p in worker.get("pages", [])
                           if p["page"] == "map"), None)
        note = ""
        if entry.get("total", {}).get("errors"):
            note = " ⚠ " + entry["total"]["errors"][0][:120]
        if entry.get("stopped_early"):
            note += f" ({entry['stopped_early']})"
        lines.append(f"| {label} | {fmt_bytes(args_bytes)} | {med_min_max(entry.get('ws_bytes', {}), fmt_bytes)} | "
                     f"{med_min_max(entry.get('total', {}), fmt_s)}{note} | "
                     f"{med_min_max(entry.get('browser_part', {}), fmt_s)} | "
                     f"{fmt_s(entry.get('server_cpu_s', {}).get('median'))} | "
                     f"{fmt_s(entry.get('browser_cpu_s', {}).get('median'))} | {fmt_mb(entry.get('rss_mb'))} |")

    # (d) and (e)
    klass = results.get("class", {})
    n = klass.get("pupils", cfg.pupils)
    lines += ["", SECTIONS[4] + " (curated data, fresh server)", "",
              "VmRSS of the `streamlit run` process from `/proc/PID/status`, during the class of section 5: at "
              f"start, with the teacher's 1 session on the home page, with {n} pupils' sessions open on the home "
              f"page at once, with the {n} sessions on `/stories`, and {4 * cfg.settle_s:.0f} s after closing "
              "them all. Peak = VmHWM over the whole run.", "",
              f"| Start | 1 session | {n} sessions on `/` | {n} sessions on `/stories` | Peak | After closing |",
              "|---|---|---|---|---|---|",
              f"| {fmt_mb(klass.get('rss_start_mb'))} | {fmt_mb(klass.get('rss_1_mb'))} | "
              f"{fmt_mb(klass.get('rss_n_home_mb'))} | {fmt_mb(klass.get('rss_n_stories_mb'))} | "
              f"{fmt_mb(klass.get('hwm_mb'))} | {fmt_mb(klass.get('rss_after_close_mb'))} |"]
    if klass:
        teacher = klass.get("teacher", {})
        light, real = klass.get("light", {}), klass.get("browser", {})
        lines += ["", SECTIONS[5] + f" ({n} pupils, curated data, fresh server)", "",
                  f"First the teacher opens `/` ({fmt_s(teacher.get('home_s'))}, the server's first run) and "
                  f"`/stories` ({fmt_s(teacher.get('stories_s'))}) in Chromium; the files her browser fetched are "
                  f"recorded. Then {n} pupils open `/` in {klass['waves']} waves spread over "
                  f"{klass['window_s']:.0f} s (last start at {klass['last_start_s']:.1f} s; waves overlap), and "
                  f"once every home page is ready, open `/stories` in the same waves. {real.get('pupils', 0)} of "
                  f"them (one per wave) use their own context of one Chromium (ready as in section 1, browsers at "
                  f"nice 10); the other {light.get('pupils', 0)} are light pupils (`bench/light_client.py`): they "
                  "make the same requests (the recorded files, the WebSocket, the same `rerun_script` message) "
                  "and wait for the script to finish, but render nothing. Chromium needs 5–8 s of CPU to render "
                  "the home page, so 40 real browsers on these cores would measure the benchmark's own browsers "
                  "(a run with `--browser-pupils 40` is the literal version). A page not ready after "
                  f"{cfg.class_timeout_ms / 1000:.0f} s is an error. A pupil's time is home + stories (not the wait "
                  f"for the class in between). The home phase took {fmt_s(klass.get('home_phase_s'))}, the stories "
                  f"phase {fmt_s(klass.get('stories_phase_s'))}; meanwhile the server used "
                  f"{fmt_s(klass.get('server_cpu_s'))} of CPU ({fmt_s(klass.get('server_cpu_s', float('nan')) / n)} "
                  "per pupil; one Python process, so mostly one core) and Chromium "
                  f"{fmt_s(klass.get('browser_cpu_s'))}. Script runs per new session (light pupils): "
                  + ", ".join(f"`{path}` {' or '.join(map(str, runs)) or '–'}"
                              for path, runs in klass.get("script_runs", {}).items()) + ".", "",
                  "| Pupils | Successes | Errors | Home ready p50 / p95 | Stories ready p50 / p95 | "
                  "Both p50 / p95 (max) |", "|---|---|---|---|---|---|"]
        for group, label in (("all", "all"), ("light", "light (server side)"), ("browser", "real Chromium")):
            entry = klass.get(group, {})
            if not entry.get("pupils"):
                continue
            lines.append(f"| {label}: {entry['pupils']} | {entry['pupils'] - entry['errors']} | {entry['errors']} | "
                         f"{fmt_s(entry['home_s']['p50'])} / {fmt_s(entry['home_s']['p95'])} | "
                         f"{fmt_s(entry['stories_s']['p50'])} / {fmt_s(entry['stories_s']['p95'])} | "
                         f"{fmt_s(entry['total_s']['p50'])} / {fmt_s(entry['total_s']['p95'])} "
                         f"({fmt_s(entry['total_s']['max'])}) |")
        if klass["errors"]:
            lines.append(f"\nFirst error: {klass['errors'][0].splitlines()[0]}")

    # profile
    profiled = [(label, page) for label, worker in results.get("apptest", {}).items()
                for page in worker.get("pages", []) if page.get("profile")]
    if profiled:
        lines += ["", "## 6. Profile of the filter rerun", "",
                  "cProfile inside AppTest's script thread of one extra filter rerun (`set_value` + `run`) and of the "
                  "first run of a new session (a new AppTest on the same page: what every pupil who opens the page "
                  "costs the server, on top of Streamlit's own per-session work). The profiler slows the code "
                  "down, so the times are larger than in section 2. Frames that only wrap the app (AppTest, the "
                  "script runner, `st.navigation`, fragments) are left out."]
        for label, page in profiled:
            lines += ["", f"### {page['page']}, {label} events: filter rerun (profiled: "
                      f"{fmt_s(page.get('profiled_rerun_s'))})",
                      "", "Top by cumulative time:", "", "```", page["profile"]["cumulative"].rstrip(), "```",
                      "", "Top by own time:", "", "```", page["profile"]["tottime"].rstrip(), "```"]
            if page.get("profile_new_session"):
                lines += ["", f"### {page['page']}, {label} events: first run of a new session, caches warm "
                          f"(profiled: {fmt_s(page.get('profiled_new_session_s'))})", "",
                          "Top by cumulative time:", "", "```",
                          page["profile_new_session"]["cumulative"].rstrip(), "```"]

    crashes, problems = collect_errors(results)
    lines += ["", "## Errors", ""]
    if not crashes and not problems:
        lines.append("None: every page became ready, no exception, no request outside localhost.")
    for kind, texts in (("**crash**", crashes), ("slow or timed out", problems)):
        counts: dict[str, int] = {}
        for text in texts:
            first = text.strip().splitlines()[0].strip()
            counts[first] = counts.get(first, 0) + 1
        for first, count in counts.items():
            lines.append(f"- {kind}: {first}" + (f" (× {count})" if count > 1 else ""))
    lines += ["", "## How to run", "", "```bash",
              ".venv/bin/python bench/run.py                 # full run, writes docs/BENCHMARKS.md (6-15 min)",
              ".venv/bin/python bench/run.py --smoke --out /tmp/bench.md   # ~1 min, as in tests/test_bench_smoke.py",
              ".venv/bin/python bench/run.py --snapshot HEAD   # a committed revision instead of the working tree",
              ".venv/bin/python bench/run.py --profile         # add cProfiles of the rerun and of a new session",
              ".venv/bin/python bench/generate.py /tmp/synth --events 100000 --check   # a synthetic dataset",
              "```", "",
              "Synthetic data (`bench/generate.py`) copies sources, people, eras, regions and countries from the "
              "curated files and makes ~N/50 places (at most 2000) and ~N/200 routes in lon 50–85, lat 36–55, "
              "dates 1916–1937 in the curators' EDTF forms. It is for timing only: the titles say \"Synthetic\" "
              "and the quotes are placeholders. Raw numbers: `bench/results/last-run.json`."]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- main

def keep_workers_section(out: Path, text: str) -> str:
    """A full report keeps section 7 (measured by --class-only) from the file it replaces."""
    old = out.read_text(encoding="utf-8") if out.exists() else ""
    if WORKERS_BEGIN in old and WORKERS_END in old:
        block = WORKERS_BEGIN + old.split(WORKERS_BEGIN, 1)[1].split(WORKERS_END, 1)[0] + WORKERS_END + "\n"
        return place_workers_section(text, block)
    return text


def class_only_main(cfg: Config, args, app_dir: Path, command: str, started: float, log, out_given: bool) -> int:
    try:
        workers = [w.strip() for w in args.workers.split(",")]
        assert all(w in ("plain", "1p") or int(w) >= 1 for w in workers)
    except (ValueError, AssertionError):
        raise SystemExit("--workers: comma-separated numbers, plain or 1p, e.g. plain,1,1p,2,3")
    try:
        haproxy = subprocess.run(["haproxy", "-v"], capture_output=True, text=True).stdout.split(" - ")[0].strip()
    except OSError:
        haproxy = "haproxy ?"
    results: dict = {"date": dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
                     "app_state": git_state(app_dir), "machine": machine(), "haproxy": haproxy,
                     "loadavg_start": loadavg(), "command": command}
    try:
        results["class_runs"] = run_class_only(cfg, app_dir, workers, log)
    except Exception:  # noqa: BLE001 - report what was measured; the exit status says it crashed
        results["harness_error"] = traceback.format_exc()
        print(results["harness_error"], file=sys.stderr)
        results.setdefault("class_runs", [])
    results["wall_s"] = time.perf_counter() - started
    results["loadavg_end"] = loadavg()
    raw = args.json or RESULTS / ("last-class-smoke.json" if cfg.smoke else "last-class.json")
    raw.write_text(json.dumps(results, indent=1, default=str))
    section = render_workers(cfg, results, command)
    if not cfg.smoke or out_given:  # a smoke run writes section 7 only where --out says
        old = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(place_workers_section(old, section), encoding="utf-8")
        log(f"section 7 written to {args.out}; raw numbers in {raw}")
    print(section)
    crashed = bool(results.get("harness_error"))
    for entry in results["class_runs"]:
        for key in ("class", "burst"):
            klass = entry.get(key, {})
            crashed |= bool(klass.get("app_exceptions")) or klass.get("server_alive") is False
            crashed |= bool(klass.get("harness_error"))
            crashed |= bool(klass.get("outside_requests"))
    for entry in results["class_runs"]:
        print(class_line(entry))  # the last line: the last number of workers
    return 1 if crashed else 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--smoke", action="store_true", help="CI mode: 1 run, 200 events, 3 pages, 4 pupils")
    parser.add_argument("--runs", type=int, help="runs per measure (default 5; smoke 1)")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "BENCHMARKS.md")
    parser.add_argument("--sizes", help="synthetic sizes, comma-separated (default 1000,10000,100000; smoke 200)")
    parser.add_argument("--pupils", type=int, help="sessions for the memory and class measures (default 40)")
    parser.add_argument("--browser-pupils", type=int,
                        help="pupils in real Chromium (default one per wave: 4); the rest are light clients")
    parser.add_argument("--app-dir", type=Path, default=ROOT, help="the app folder to benchmark")
    parser.add_argument("--snapshot", metavar="REV", help="benchmark `git archive REV` instead of --app-dir")
    parser.add_argument("--profile", action="store_true", help="cProfile one extra rerun at the largest size")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", type=Path, help="where to save the raw results (default bench/results/)")
    parser.add_argument("--class-only", action="store_true",
                        help="only the class of 40 and a burst (section 7), for each --workers value")
    parser.add_argument("--workers", default="1",
                        help="with --class-only: worker counts, comma-separated (default 1; e.g. plain,1,1p,2,3; "
                             "plain = the README's command without deploy/worker.env; 1p = one worker behind HAProxy)")
    parser.add_argument("--from-json", type=Path, metavar="JSON",
                        help="measure nothing: write the report again from saved raw results (same flags)")
    args = parser.parse_args(argv)
    cfg = Config(args)
    argv = list(argv if argv is not None else sys.argv[1:])
    if args.from_json:
        results = json.loads(args.from_json.read_text())
        cut = argv.index("--from-json") if "--from-json" in argv else len(argv)
        command = results.get("command") or "python bench/run.py" + "".join(
            f" {shlex.quote(a)}" for a in argv[:cut] + argv[cut + 2:])
        if results.get("class_runs"):
            section = render_workers(cfg, results, command)
            old = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
            args.out.write_text(place_workers_section(old, section), encoding="utf-8")
        else:
            args.out.write_text(keep_workers_section(args.out, render(cfg, results, command)), encoding="utf-8")
        print(f"report written to {args.out} from {args.from_json}")
        return 0
    command = "python bench/run.py" + "".join(f" {shlex.quote(a)}" for a in argv)
    started = time.perf_counter()

    def log(message: str) -> None:
        print(f"[{time.perf_counter() - started:6.1f} s] {message}", flush=True)

    RESULTS.mkdir(parents=True, exist_ok=True)
    app_dir = snapshot(args.snapshot) if args.snapshot else args.app_dir.resolve()
    if args.class_only:
        return class_only_main(cfg, args, app_dir, command, started, log,
                               out_given=any(a == "--out" or a.startswith("--out=") for a in argv))
    results: dict = {"date": dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
                     "app_dir": str(app_dir.relative_to(ROOT)) if app_dir.is_relative_to(ROOT) else str(app_dir),
                     "app_state": git_state(app_dir), "machine": machine(), "apptest": {},
                     "loadavg_start": loadavg(), "command": command}
    try:
        log(f"datasets: curated + synthetic {cfg.sizes}")
        datasets = {f"{n:,}": synthetic(n, cfg.seed, app_dir) for n in cfg.sizes}
        log("(b) filter rerun, AppTest: curated ...")
        results["apptest"]["curated"] = run_apptest(cfg, app_dir, "curated", app_dir / "data", app_dir / "geo",
                                                    profile=cfg.profile, pages="home,timeline,map")
        for index, (label, folder) in enumerate(datasets.items()):
            log(f"(b) filter rerun, AppTest: {label} events ...")
            results["apptest"][label] = run_apptest(cfg, app_dir, label.replace(",", ""), folder / "data",
                                                    folder / "geo",
                                                    profile=cfg.profile and index == len(datasets) - 1)
        run_browser(cfg, app_dir, datasets, results, log)
    except Exception:  # noqa: BLE001 - the report still gets written, and the exit status says it crashed
        results["harness_error"] = traceback.format_exc()
        print(results["harness_error"], file=sys.stderr)
    results["wall_s"] = time.perf_counter() - started
    results["loadavg_end"] = loadavg()
    text = render(cfg, results, command)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(keep_workers_section(args.out, text), encoding="utf-8")
    raw = args.json or RESULTS / ("last-smoke.json" if cfg.smoke else "last-run.json")
    raw.write_text(json.dumps(results, indent=1, default=str))
    print(text)
    log(f"report written to {args.out}; raw numbers in {raw}")
    crashes, _ = collect_errors(results)
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
