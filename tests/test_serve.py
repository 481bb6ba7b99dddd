"""scripts/serve.sh --workers 2: two Streamlit workers behind HAProxy, visited by real Chromium through it.

Pupils in fresh browser contexts are spread over the workers and stay on theirs (the SERVERID cookie),
an upload reaches the worker that holds the session, and when a worker is killed its pupils' pages come
back on a live worker with the same view while the script starts the dead one again. Every wait polls
a condition; nothing sleeps.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from browser import TIMEOUT, open_page, wait_idle
from conftest import ARTIFACTS, FIXTURE_DATA, FIXTURE_GEO, ROOT, _free_port

pytestmark = pytest.mark.browser
VIEW = "?from=1928&to=1930"
POLL_S = 0.2  # between two looks at a condition


def _poll(condition, timeout_s: float, what: str):
    """Return condition()'s first truthy value; fail after timeout_s."""
    deadline = time.monotonic() + timeout_s
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {timeout_s:.0f} s: {what}")
        time.sleep(POLL_S)  # polling interval, not a wait for an outcome


def _health(url: str) -> bool:
    try:
        with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


class Served:
    def __init__(self, proc: subprocess.Popen, url: str, run_dir: Path, ports: dict[str, int], log: Path):
        self.proc, self.url, self.run_dir, self.ports, self.log = proc, url, run_dir, ports, log
        self.started: set[int] = set()  # every process it started that the test saw (checked at the end)

    def pid(self, name: str) -> int | None:
        try:
            return int((self.run_dir / f"{name}.pid").read_text())
        except (OSError, ValueError):
            return None

    def worker_healthy(self, name: str) -> bool:
        return _health(f"http://127.0.0.1:{self.ports[name]}")


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """scripts/serve.sh --workers 2 on free ports, the app on the small fixture dataset, in its own process
    group; stopped with SIGTERM at the end, and every process it started must be gone."""
    ARTIFACTS.mkdir(exist_ok=True)
    port, ports = _free_port(), {"w1": _free_port(), "w2": _free_port()}
    run_dir = tmp_path_factory.mktemp("serve")
    streamlit = Path(sys.executable).with_name("streamlit")
    env = {**os.environ, "STEPPE_DATA_DIR": str(FIXTURE_DATA), "STEPPE_GEO_DIR": str(FIXTURE_GEO)}
    if streamlit.exists():
        env["STREAMLIT"] = str(streamlit)  # the test's own Python environment
    log = ARTIFACTS / f"serve-{port}.log"
    with open(log, "w") as out:
        proc = subprocess.Popen(["bash", "scripts/serve.sh", "--workers", "2", "--port", str(port), "--address",
                                 "127.0.0.1", "--worker-ports", f"{ports['w1']},{ports['w2']}", "--run-dir",
                                 str(run_dir)], cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)
    served = Served(proc, f"http://127.0.0.1:{port}", run_dir, ports, log)
    try:
        _poll(lambda: proc.poll() is not None or _health(served.url), 120, "the proxy answers /_stcore/health")
        assert proc.poll() is None, f"serve.sh exited with {proc.returncode}; see {log}"
        yield served
    finally:
        served.started.update(pid for name in ("w1", "w2", "haproxy") if (pid := served.pid(name)))
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=40)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
        left = [pid for pid in served.started if _alive(pid)]
        for pid in left:  # never leave a process behind, even when the script failed to
            os.kill(pid, signal.SIGKILL)
    assert proc.returncode == 143, f"serve.sh did not stop cleanly on SIGTERM ({proc.returncode}); see {log}"
    assert not left, f"serve.sh left processes running: {left}"


def _worker(page) -> str | None:
    """The worker HAProxy pinned this browser context to."""
    return next((c["value"] for c in page.context.cookies() if c["name"] == "SERVERID"), None)


def _served_by(page, url: str) -> str | None:
    """Which worker answers this context's requests now (HAProxy's X-Steppe-Worker header)."""
    response = page.request.get(url + "/_stcore/health", timeout=10_000)
    return response.headers.get("x-steppe-worker")


def _watch_sockets(page) -> list[dict]:
    """Every Streamlit WebSocket the page opens, with how many script runs finished on it."""
    sockets: list[dict] = []

    def on_socket(ws):
        if "/_stcore/stream" not in ws.url:
            return
        entry = {"finished": 0, "closed": False}
        sockets.append(entry)

        def on_frame(payload):
            if isinstance(payload, (bytes, bytearray)) and len(payload) < 1024:  # script_finished is tiny
                message = ForwardMsg()
                try:
                    message.ParseFromString(bytes(payload))
                except Exception:  # noqa: BLE001 - not a ForwardMsg
                    return
                if message.WhichOneof("type") == "script_finished":
                    entry["finished"] += 1
        ws.on("framereceived", on_frame)
        ws.on("close", lambda _ws: entry.__setitem__("closed", True))

    page.on("websocket", on_socket)
    return sockets


def _until(page, condition, timeout_s: float, what: str) -> None:
    """Poll a Python-side condition while letting Playwright deliver the page's events."""
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {timeout_s:.0f} s: {what}")
        page.wait_for_timeout(50)  # hands control to Playwright's event loop; the condition is what we wait on


def _app_shown(page) -> None:
    """The app is on screen (main area and navigation), with no exception box."""
    wait_idle(page)
    page.locator("[data-testid='stSidebarNavLink']").first.wait_for(timeout=TIMEOUT)
    assert page.locator("[data-testid='stException']").count() == 0


def test_pupils_are_spread_over_the_workers_and_each_keeps_its_session(served, new_page):
    first, second = new_page(), new_page()
    sockets = _watch_sockets(first)
    open_page(first, served.url + "/" + VIEW)
    open_page(second, served.url + "/" + VIEW)  # the first pupil's WebSocket is open: leastconn picks the other
    _app_shown(first)
    _app_shown(second)
    workers = (_worker(first), _worker(second))
    assert set(workers) == {"w1", "w2"}, workers

    # A rerun of the first pupil's session (a page switch on the same WebSocket) keeps the view it
    # holds, and the session stays where it was: one WebSocket, the same worker.
    first.locator("a[data-testid='stSidebarNavLink'][href$='/timeline']").first.click()
    first.wait_for_function("() => location.pathname.endsWith('/timeline') && location.search.includes('from=1928')"
                            " && location.search.includes('to=1930')", timeout=TIMEOUT)
    _app_shown(first)
    assert len(sockets) == 1, "the session's WebSocket was reopened"
    assert _worker(first) == workers[0] and _served_by(first, served.url) == workers[0]
    assert _served_by(second, served.url) == workers[1]
    assert not first.page_errors and not second.page_errors

    # Streamlit's frontend files (hashed names, immutable) come from HAProxy's cache once fetched.
    script = first.locator("script[src*='/static/js/']").first.get_attribute("src")
    response = second.request.get(served.url + "/" + script.lstrip("./").lstrip("/"), timeout=10_000)
    assert response.ok and response.headers.get("x-steppe-worker") == "<CACHE>", response.headers


def test_an_upload_reaches_the_worker_that_holds_the_session(served, new_page, tmp_path):
    """The file goes over HTTP, the script reads it in the session's process: stickiness makes that one."""
    mine = tmp_path / "mine.csv"
    mine.write_text((FIXTURE_DATA / "events.csv").read_text(encoding="utf-8"), encoding="utf-8")
    pupils = [new_page(), new_page()]
    for pupil in pupils:
        open_page(pupil, served.url + "/explore")
    assert {_worker(p) for p in pupils} == {"w1", "w2"}
    for pupil in pupils:
        statuses: list[int] = []
        pupil.on("response", lambda r, s=statuses: s.append(r.status) if "/_stcore/upload_file/" in r.url else None)
        pupil.locator("[data-testid='stExpander'] summary").last.click()
        pupil.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(str(mine))
        pupil.locator("[data-testid='stFileChipName']").get_by_text("mine.csv").wait_for(timeout=TIMEOUT)
        pupil.locator("[data-testid='stAlertContentSuccess']").wait_for(timeout=TIMEOUT)  # the file was read
        pupil.locator("[data-testid='stPlotlyChart'] .js-plotly-plot").first.wait_for(timeout=TIMEOUT)  # overlay
        wait_idle(pupil)
        assert statuses and all(s < 400 for s in statuses), statuses
        assert pupil.locator("[data-testid='stFileChipIconError']").count() == 0
        assert pupil.locator("[data-testid='stException']").count() == 0


def test_a_killed_worker_is_replaced_and_its_pupils_recover(served, new_page):
    pupil, other = new_page(), new_page()
    sockets = _watch_sockets(pupil)
    open_page(pupil, served.url + "/timeline" + VIEW)
    open_page(other, served.url + "/" + VIEW)
    victim = _worker(pupil)
    survivor = {"w1": "w2", "w2": "w1"}[victim]
    assert _worker(other) == survivor and len(sockets) == 1
    old_pid = served.pid(victim)
    served.started.add(old_pid)
    os.kill(old_pid, signal.SIGKILL)

    # The page loses its WebSocket and opens a new one through the proxy (Streamlit's frontend retries by
    # itself); HAProxy sends it to a live worker, which gives it a new session. An idle page keeps what it
    # showed (the frontend asks for no rerun after a reconnect), so the app stays on screen, no error page.
    connected = "[data-testid='stApp'][data-test-connection-state='CONNECTED']"
    _until(pupil, lambda: sockets[0]["closed"], 30, "the page sees its worker's WebSocket close")
    _until(pupil, lambda: len(sockets) >= 2 and not sockets[-1]["closed"] and pupil.locator(connected).count() == 1,
           90, "the page reconnects through the proxy")
    now = _worker(pupil)
    assert now == survivor or served.pid(victim) != old_pid, f"the cookie names the dead worker {now}"
    _app_shown(pupil)
    # The next interaction (here Streamlit's rerun key) runs the script in the new session, with the view
    # the URL holds: same page, same years, the timeline drawn again.
    pupil.keyboard.press("r")
    _until(pupil, lambda: sockets[-1]["finished"] >= 1, 90, "the script runs again in the new session")
    assert "/timeline" in pupil.url and "from=1928" in pupil.url and "to=1930" in pupil.url, pupil.url
    _app_shown(pupil)
    pupil.locator("[data-testid='stPlotlyChart'] .js-plotly-plot .scatterlayer").first.wait_for(timeout=TIMEOUT)
    assert _served_by(pupil, served.url) == now

    # The other pupil never noticed; a new pupil gets the app; the dead worker runs again.
    assert _worker(other) == survivor and _served_by(other, served.url) == survivor
    newcomer = new_page()
    open_page(newcomer, served.url + "/" + VIEW)
    _app_shown(newcomer)
    _poll(lambda: served.pid(victim) not in (None, old_pid) and served.worker_healthy(victim), 90,
          f"serve.sh starts {victim} again")
    served.started.add(served.pid(victim))
    assert served.proc.poll() is None
