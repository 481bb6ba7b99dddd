"""The browser measures: page ready time, map bytes and draw time, memory with many sessions, a class of 40.

Headless Debian Chromium, every request outside localhost aborted (and counted: it must stay 0).
Page ready = the server reported the script finished successfully (a ForwardMsg script_finished = 0 on the
page's WebSocket: the app may rerun itself first, and the page is briefly "notRunning" in between), stApp
data-test-script-state="notRunning" and stMain shown (tests/browser.wait_idle), then, on
whatever page shows them: Leaflet paths drawn in the st_folium iframe (tests/browser.map_frame) and points
(or lines) drawn in every Plotly chart (the selector of tests/browser.wait_for_timeline). The checks follow
what the page contains rather than a list of pages, so the benchmark keeps working when a page changes how
it draws (the home map moved from Leaflet to Plotly, for instance).
"""
from __future__ import annotations

import asyncio
import os
import time

from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from common import (CHROMIUM, CHROMIUM_ARGS, AsyncGuard, Guard, Stat, chromium_cpu_seconds, cpu_seconds,
                    machine_busy_seconds, percentile, process_tree_cpu_seconds, renice_chromium, rss_mb, rss_mb_total,
                    wait_timeout, waits)

VIEWPORT = {"width": 1400, "height": 1000}
IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"
FOLIUM_IFRAME = "iframe[title*='st_folium']"
PLOTLY = "[data-testid='stPlotlyChart']"
PLOTLY_DRAWN = ".js-plotly-plot .scatterlayer .point, .js-plotly-plot .scatterlayer .js-line"
EXCEPTION = "[data-testid='stException']"
NEXT_FRAME = "() => new Promise(resolve => requestAnimationFrame(() => resolve(true)))"


class AppError(Exception):
    """The page shows a Streamlit exception (a traceback box): the app is broken, not slow."""


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)


def new_page(browser, guard: Guard, timeout_ms: int):
    context = browser.new_context(viewport=VIEWPORT)
    context.route("**/*", guard)
    page = context.new_page()
    page.set_default_timeout(timeout_ms)
    page.set_default_navigation_timeout(timeout_ms)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)[:300]))
    page.js_errors = errors
    return context, page


def watch_script(page) -> dict:
    """Record when the server says the script finished successfully (small frames only: that message is
    tiny, and parsing every multi-megabyte delta would cost the benchmark more than the page)."""
    state = {"finished_at": None}

    def on_frame(payload):
        if isinstance(payload, (bytes, bytearray)) and len(payload) < 1024:
            message = ForwardMsg()
            try:
                message.ParseFromString(bytes(payload))
            except Exception:  # noqa: BLE001 - not a ForwardMsg: ignore
                return
            if message.WhichOneof("type") == "script_finished" \
                    and message.script_finished == ForwardMsg.FINISHED_SUCCESSFULLY:
                state["finished_at"] = time.perf_counter()

    page.on("websocket", lambda socket: socket.on("framereceived", on_frame))
    return state


def _wait_finished(page, state: dict) -> None:
    deadline = time.perf_counter() + waits.TIMEOUT / 1000
    while state["finished_at"] is None:
        if time.perf_counter() > deadline:
            raise TimeoutError(f"the script did not finish within {waits.TIMEOUT / 1000:.0f} s")
        page.wait_for_timeout(20)  # lets Playwright deliver the WebSocket events


def wait_ready(page, path: str, state: dict, bare: bool = False) -> dict:
    """Block until the page is ready as defined above; return when each stage was reached (perf_counter)."""
    marks = {}
    _wait_finished(page, state)
    waits.wait_idle(page)
    marks["idle"] = time.perf_counter()
    if bare:
        page.get_by_text("ready").first.wait_for()
    else:
        page.evaluate(NEXT_FRAME)  # let React commit what the last messages carried
        if page.locator(FOLIUM_IFRAME).count():
            page.wait_for_selector(FOLIUM_IFRAME, timeout=waits.TIMEOUT)
            marks["iframe"] = time.perf_counter()
            waits.map_frame(page)
            marks["map"] = time.perf_counter()
        charts = page.locator(PLOTLY)
        for index in range(charts.count()):
            charts.nth(index).locator(PLOTLY_DRAWN).first.wait_for(state="attached", timeout=waits.TIMEOUT)
        if charts.count():
            marks["charts"] = time.perf_counter()
    if page.locator(EXCEPTION).count():
        raise AppError(page.locator(EXCEPTION).first.inner_text()[:300])
    marks["ready"] = time.perf_counter()
    return marks


def load_once(browser, guard: Guard, url: str, path: str, timeout_ms: int, bare: bool = False,
              count_ws: bool = False, server_pid: int | None = None) -> dict:
    """Open url+path in a fresh context; seconds to ready, WebSocket bytes received (if asked), and the CPU
    seconds the server and Chromium spent on it (loads run one at a time, so the deltas are this load's)."""
    context, page = new_page(browser, guard, timeout_ms)
    state = watch_script(page)
    cpu_before = (cpu_seconds(server_pid) if server_pid else float("nan"), chromium_cpu_seconds())
    received = [0]
    if count_ws:
        def on_socket(socket):
            socket.on("framereceived", lambda payload: received.__setitem__(0, received[0] + len(payload)))
        page.on("websocket", on_socket)
    try:
        with wait_timeout(timeout_ms):
            started = time.perf_counter()
            page.goto(url + path)
            marks = wait_ready(page, path, state, bare=bare)
        out = {key: value - started for key, value in marks.items()}
        out["server_cpu_s"] = (cpu_seconds(server_pid) if server_pid else float("nan")) - cpu_before[0]
        out["browser_cpu_s"] = chromium_cpu_seconds() - cpu_before[1]
        out["ws_bytes"] = received[0]
        out["js_errors"] = list(page.js_errors)
        return out
    finally:
        context.close()


def page_ready(browser, app_url: str, app_pid: int, bare_url: str, bare_pid: int, pages: list[str], runs: int,
               timeout_ms: int, cold_pages: list[str] | None = None) -> dict:
    """(a) Ready time of each page and of the bare page, interleaved run by run; plus the cold first visits
    (of `cold_pages`, default every page: they also warm the server), and the CPU each load cost."""
    guard = Guard()
    names = ["bare"] + pages
    result = {"cold": {}, "pages": {p: Stat() for p in pages}, "bare": Stat(), "js_errors": [],
              "server_cpu_s": {p: Stat() for p in names}, "browser_cpu_s": {p: Stat() for p in names}}
    for path in (pages if cold_pages is None else cold_pages):
        stat = result["pages"][path]
        try:
            result["cold"][path] = load_once(browser, guard, app_url, path, timeout_ms)["ready"]
        except AppError as exc:
            stat.errors.append(f"cold visit: app exception: {exc}")
        except Exception as exc:  # noqa: BLE001 - playwright timeout: reported, not fatal
            stat.errors.append(f"cold visit: {type(exc).__name__}: {str(exc)[:200]}")
    try:  # the bare server gets its first visit too
        result["cold"]["bare"] = load_once(browser, guard, bare_url, "/", timeout_ms, bare=True)["ready"]
    except Exception as exc:  # noqa: BLE001
        result["bare"].errors.append(f"cold visit: {type(exc).__name__}: {str(exc)[:200]}")
    for _ in range(runs):
        for path in names:
            stat = result["bare"] if path == "bare" else result["pages"][path]
            if len(stat.errors) >= 2:
                continue  # a page that keeps failing is not retried all run long
            try:
                if path == "bare":
                    out = load_once(browser, guard, bare_url, "/", timeout_ms, bare=True, server_pid=bare_pid)
                else:
                    out = load_once(browser, guard, app_url, path, timeout_ms, server_pid=app_pid)
                stat.add(out["ready"])
                result["server_cpu_s"][path].add(out["server_cpu_s"])
                result["browser_cpu_s"][path].add(out["browser_cpu_s"])
                result["js_errors"] += out["js_errors"]
            except AppError as exc:
                stat.errors.append(f"app exception: {exc}")
            except Exception as exc:  # noqa: BLE001
                stat.errors.append(f"{type(exc).__name__}: {str(exc)[:200]}")
    result["outside_requests"] = guard.outside
    return result


def map_draw(browser, url: str, runs: int, budget_s: float, timeout_ms: int, pid: int | None = None) -> dict:
    """(c) /map in a fresh context: seconds to Leaflet drawn, WebSocket bytes received, server RSS after.
    The server's data cache is warmed first with /stories, which loads the data but draws no map."""
    guard = Guard()
    result = {"total": Stat(), "browser_part": Stat(), "ws_bytes": Stat(), "server_cpu_s": Stat(),
              "browser_cpu_s": Stat(), "js_errors": []}
    try:
        started = time.perf_counter()
        load_once(browser, guard, url, "/stories", timeout_ms)
        result["warmup_s"] = time.perf_counter() - started
    except Exception as exc:  # noqa: BLE001
        result["total"].errors.append(f"warm-up /stories: {type(exc).__name__}: {str(exc)[:200]}")
        return result
    spent = 0.0
    for index in range(runs):
        try:
            out = load_once(browser, guard, url, "/map", timeout_ms, count_ws=True, server_pid=pid)
        except AppError as exc:
            result["total"].errors.append(f"app exception: {exc}")
            break
        except Exception as exc:  # noqa: BLE001 - a timeout is a (very slow) result
            result["total"].errors.append(f"{type(exc).__name__}: {str(exc)[:200]}")
            result["timed_out"] = "Timeout" in type(exc).__name__ or "Timeout" in str(exc)
            break
        drawn = out.get("map", out.get("charts", out["ready"]))  # the Leaflet map, or whatever draws it
        result["total"].add(drawn)
        result["browser_part"].add(drawn - out["idle"])
        result["ws_bytes"].add(out["ws_bytes"])
        result["server_cpu_s"].add(out["server_cpu_s"])
        result["browser_cpu_s"].add(out["browser_cpu_s"])
        result["js_errors"] += out["js_errors"]
        spent += drawn
        if spent >= budget_s and index + 1 < runs:
            result["stopped_early"] = f"budget of {budget_s:.0f} s spent after {index + 1} runs"
            break
    if pid:
        try:
            result["rss_mb"], result["hwm_mb"] = rss_mb(pid)
        except OSError:
            pass
    result["outside_requests"] = guard.outside
    return result


# ---- async part: many sessions at once, one Chromium with one context per pupil ----

async def _a_ready(page, path: str, timeout_ms: int) -> None:
    """The same conditions as wait_ready (same selectors as tests/browser.py), for the async API."""
    deadline = time.perf_counter() + timeout_ms / 1000
    while page.script_state["finished_at"] is None:
        if time.perf_counter() > deadline:
            raise TimeoutError(f"{path}: the script did not finish within {timeout_ms / 1000:.0f} s")
        await asyncio.sleep(0.02)
    await page.wait_for_selector(IDLE, timeout=timeout_ms)
    await page.wait_for_selector("[data-testid='stMain']", timeout=timeout_ms)
    await page.evaluate(NEXT_FRAME)
    if await page.locator(FOLIUM_IFRAME).count():
        await page.wait_for_selector(FOLIUM_IFRAME, timeout=timeout_ms)
        frame = page.frame_locator(FOLIUM_IFRAME).first
        await frame.locator("path.leaflet-interactive").first.wait_for(state="attached", timeout=timeout_ms)
    charts = page.locator(PLOTLY)
    for index in range(await charts.count()):
        await charts.nth(index).locator(PLOTLY_DRAWN).first.wait_for(state="attached", timeout=timeout_ms)
    if await page.locator(EXCEPTION).count():
        raise AppError((await page.locator(EXCEPTION).first.inner_text())[:300])


async def _a_open(browser, guard, timeout_ms: int):
    context = await browser.new_context(viewport=VIEWPORT)
    await context.route("**/*", guard)
    page = await context.new_page()
    page.set_default_timeout(timeout_ms)
    page.set_default_navigation_timeout(timeout_ms)
    page.script_state = watch_script(page)
    return context, page


async def _a_visit(page, url: str, path: str, timeout_ms: int) -> float:
    started = time.perf_counter()
    page.script_state["finished_at"] = None
    await page.goto(url + path)
    await _a_ready(page, path, timeout_ms)
    return time.perf_counter() - started


async def class_of(url: str, pid, pupils: int, waves: int, window_s: float, timeout_ms: int,
                   settle_s: float = 2.0, browser_pupils: int | None = None, proxy_pid: int | None = None) -> dict:
    """(d) and (e) together, on a fresh server with the curated data.

    `pid` is the server's process id, or a function returning the worker process ids when several
    workers serve `url` behind a proxy (scripts/serve.sh --workers N): memory and CPU are then summed
    over the workers, the proxy's CPU (`proxy_pid`) is reported apart, and each pupil records the worker
    its SERVERID cookie names.

    The teacher opens / and /stories in Chromium (the server's first run, timed apart; the files the
    browser fetched are recorded for the light pupils): server RSS with 1 session. Then `pupils` pupils open
    / in `waves` waves spread evenly over `window_s` seconds (waves overlap: a wave does not wait for the
    previous one). `browser_pupils` of them (default: one per wave) use a context of one Chromium each; the
    others are light pupils (bench/light_client.py: the same requests and script runs, no rendering), since
    Chromium needs 5-8 s of CPU per home page and 40 of them would measure the benchmark's own browsers on
    these 2 cores. When every pupil's home page is ready (or failed): server RSS with all of them open on
    the home page. Then each pupil opens /stories, again in waves over `window_s`. A pupil's time is home
    ready + stories ready (the wait for the rest of the class in between is not counted). Last: RSS again
    with every session open, and a few seconds after closing them all. The browsers run at nice 10, so that
    the server gets the CPU it needs."""
    from concurrent.futures import ThreadPoolExecutor

    from light_client import LightAppError, LightPupil
    from playwright.async_api import async_playwright

    guard = AsyncGuard()
    browser_pupils = waves if browser_pupils is None else min(browser_pupils, pupils)
    per_wave = -(-pupils // waves)
    step = window_s / waves if waves > 1 else 0.0
    # spread the browser pupils over the waves: the first of each wave, then the second, ...
    order = sorted(range(pupils), key=lambda i: (i % per_wave, i // per_wave))
    browser_ids = set(order[:browser_pupils])
    records = [{"pupil": i, "kind": "browser" if i in browser_ids else "light"} for i in range(pupils)]
    server_pids = pid if callable(pid) else (lambda: [pid])

    def memory() -> tuple[float, float]:
        return rss_mb_total(server_pids())

    def server_cpu() -> float:
        return sum(cpu_seconds(p) for p in server_pids())

    result = {"pupils": pupils, "browser_pupils": browser_pupils, "waves": waves, "window_s": window_s,
              "teacher": {}, "rss_start_mb": memory()[0], "workers": len(server_pids())}
    executor = ThreadPoolExecutor(max_workers=64)
    timeout_s = timeout_ms / 1000
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        renice_chromium(10)
        contexts, lights = [], []
        files: dict[str, list[str]] = {}
        try:
            teacher = result["teacher"]
            try:
                context, page = await _a_open(browser, guard, timeout_ms)
                contexts.append(context)
                fetched: list[str] = []
                page.on("request", lambda r: fetched.append(r.url[len(url):]) if r.url.startswith(url) else None)
                teacher["home_s"] = await _a_visit(page, url, "/", timeout_ms)
                await asyncio.sleep(settle_s / 2)
                files["/"] = list(fetched)
                result["rss_1_mb"] = memory()[0]
                fetched.clear()
                teacher["stories_s"] = await _a_visit(page, url, "/stories", timeout_ms)
                await asyncio.sleep(settle_s / 2)
                files["/stories"] = list(fetched)
                await context.close()
                contexts.remove(context)
            except Exception as exc:  # noqa: BLE001
                teacher["error"] = f"{type(exc).__name__}: {str(exc)[:200]}"
            result["files_per_page"] = {k: len(v) for k, v in files.items()}
            clients: list = [None] * pupils
            pids0 = server_pids()
            cpu0 = (server_cpu(), chromium_cpu_seconds(), cpu_seconds(proxy_pid) if proxy_pid else 0.0,
                    machine_busy_seconds(), process_tree_cpu_seconds(os.getpid()))

            async def visit(i: int, path: str) -> float:
                if records[i]["kind"] == "browser":
                    if clients[i] is None:
                        context, page = await _a_open(browser, guard, timeout_ms)
                        contexts.append(context)
                        renice_chromium(10)  # processes Chromium started for this context
                        clients[i] = page
                    elapsed = await _a_visit(clients[i], url, path, timeout_ms)
                    records[i]["worker"] = next((c["value"] for c in await clients[i].context.cookies()
                                                 if c["name"] == "SERVERID"), None)
                    return elapsed
                if clients[i] is None:
                    clients[i] = LightPupil(url, executor, timeout_s)
                    lights.append(clients[i])
                elapsed = await clients[i].visit(path, files.get(path, []))
                records[i][f"runs {path}"] = clients[i].runs[-1]
                records[i]["worker"] = clients[i].worker()
                return elapsed

            async def phase(path: str, key: str, phase_start: float):
                async def one(i: int):
                    await asyncio.sleep((i // per_wave) * step)
                    record = records[i]
                    if "error" in record:
                        return
                    record.setdefault("start_s", time.perf_counter() - phase_start)
                    try:
                        record[key] = await visit(i, path)
                    except Exception as exc:  # noqa: BLE001 - counted as an error in the report
                        record["error"] = f"{path} ({record['kind']}): {type(exc).__name__}: {str(exc)[:200]}"
                        record["app_exception"] = isinstance(exc, (AppError, LightAppError))
                await asyncio.gather(*(one(i) for i in range(pupils)))

            started = time.perf_counter()
            await phase("/", "home_s", started)
            result["home_phase_s"] = time.perf_counter() - started
            await asyncio.sleep(settle_s)
            result["rss_n_home_mb"], result["hwm_home_mb"] = memory()
            started = time.perf_counter()
            await phase("/stories", "stories_s", started)
            result["stories_phase_s"] = time.perf_counter() - started
            result["server_cpu_s"] = server_cpu() - cpu0[0]
            result["browser_cpu_s"] = chromium_cpu_seconds() - cpu0[1]
            result["proxy_cpu_s"] = (cpu_seconds(proxy_pid) - cpu0[2]) if proxy_pid else None
            # CPU that processes outside this benchmark used meanwhile (other work on the machine)
            result["others_cpu_s"] = (machine_busy_seconds() - cpu0[3]) - (process_tree_cpu_seconds(os.getpid())
                                                                           - cpu0[4])
            result["class_wall_s"] = result["home_phase_s"] + result["stories_phase_s"]
            result["workers_restarted"] = server_pids() != pids0
            await asyncio.sleep(settle_s)
            result["rss_n_stories_mb"], result["hwm_mb"] = memory()
            for light in lights:
                await light.close()
            for context in contexts:
                await context.close()
            contexts.clear()
            await asyncio.sleep(2 * settle_s)
            result["rss_after_close_mb"] = memory()[0]
        finally:
            for light in lights:
                await light.close()
            for context in contexts:
                await context.close()
            await browser.close()
            executor.shutdown(wait=False, cancel_futures=True)
    for record in records:
        if "home_s" in record and "stories_s" in record:
            record["total_s"] = record["home_s"] + record["stories_s"]
    result.update({
        "successes": sum(1 for r in records if "error" not in r),
        "errors": [r["error"] for r in records if "error" in r],
        "app_exceptions": sum(1 for r in records if r.get("app_exception")),
        "last_start_s": max((r.get("start_s", 0.0) for r in records), default=0.0),
        "outside_requests": guard.outside,
    })
    spread: dict[str, int] = {}
    for record in records:
        if record.get("worker"):
            spread[record["worker"]] = spread.get(record["worker"], 0) + 1
    result["pupils_per_worker"] = dict(sorted(spread.items()))
    result["script_runs"] = {path: sorted({r[f"runs {path}"] for r in records if f"runs {path}" in r})
                             for path in ("/", "/stories")}
    for group in ("all", "light", "browser"):
        chosen = [r for r in records if group == "all" or r["kind"] == group]
        entry = {"pupils": len(chosen), "errors": sum(1 for r in chosen if "error" in r)}
        for key in ("home_s", "stories_s", "total_s"):
            values = [r[key] for r in chosen if key in r]
            entry[key] = {"p50": percentile(values, 50), "p95": percentile(values, 95),
                          "max": max(values) if values else float("nan")}
        result[group] = entry
    result["home_s"], result["stories_s"], result["total_s"] = (result["all"]["home_s"], result["all"]["stories_s"],
                                                                result["all"]["total_s"])
    return result
