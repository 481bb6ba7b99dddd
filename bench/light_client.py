"""A pupil without a browser: asks the Streamlit server for exactly what a browser asks, renders nothing.

Chromium needs 5-8 s of CPU to render the home page, so 40 real browsers on the benchmark machine's 2 cores
measure mostly the browsers (they would each have their own computer in a classroom). This client replays a
real page load on the server: GET the page and every file the teacher's real browser fetched for it (6 at a
time, accepting gzip, as a browser does), then open the WebSocket (/_stcore/stream, subprotocol "streamlit"),
send the same `rerun_script` BackMsg the browser sends, and read ForwardMsgs until the script finished
successfully. A page that shows a Streamlit exception is an app error. Like a browser, each pupil keeps
the cookies it is given (HAProxy's SERVERID among them, behind scripts/serve.sh --workers N) and sends
them with every later request and with the WebSocket handshake, so the WebSocket reaches the worker that
served the page. The WebSocket stays open (the session
lives) until the next page or close(). Like a browser, a pupil keeps a cache: files under /static/,
/app/static/ and a component's static/ folder (Streamlit serves them as immutable) are fetched once.
(The real Chromium pupils cannot cache: Playwright's request routing, which blocks the network, turns
Chromium's HTTP cache off.)
"""
from __future__ import annotations

import asyncio
import http.cookiejar
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import connect

PARALLEL_REQUESTS = 6  # what a browser opens per host over HTTP/1.1
CACHEABLE = ("/static/", "/app/static/")


class LightAppError(Exception):
    """The script raised: the page would show a Streamlit exception box."""


def _get(opener: urllib.request.OpenerDirector, url: str, timeout: float) -> int:
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip, deflate, br",
                                                   "User-Agent": "steppe-bench-light-pupil"})
    try:
        with opener.open(request, timeout=timeout) as response:
            return len(response.read())
    except urllib.error.HTTPError as exc:  # a 404 the browser also got (the frontend probes some paths)
        return len(exc.read())


class StickinessError(Exception):
    """Behind the proxy, the WebSocket reached another worker than the page (HAProxy's header says which)."""


class LightPupil:
    def __init__(self, base_url: str, executor: ThreadPoolExecutor, timeout_s: float):
        self.base_url = base_url.rstrip("/")
        self.executor = executor
        self.timeout_s = timeout_s
        self.socket = None
        self.bytes_received = 0
        self.cached: set[str] = set()
        self.runs: list[int] = []  # script runs per visit (the app may rerun itself)
        self.cookies = http.cookiejar.CookieJar()  # e.g. SERVERID=w2 from HAProxy: this pupil's worker
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))

    async def _fetch_all(self, paths: list[str]) -> None:
        loop = asyncio.get_running_loop()
        gate = asyncio.Semaphore(PARALLEL_REQUESTS)

        async def one(path: str):
            async with gate:
                self.bytes_received += await loop.run_in_executor(self.executor, _get, self.opener,
                                                                  self.base_url + path, self.timeout_s)
        await asyncio.gather(*(one(p) for p in paths))

    async def visit(self, path: str, files: list[str]) -> float:
        """Open `path` like a browser: the document, its files, then the script run. Seconds until done."""
        started = time.perf_counter()
        deadline = started + self.timeout_s
        await self.close()
        await self._fetch_all([path])  # the document first: its response carries the cookies
        wanted = [f for f in dict.fromkeys(files) if f != path and f not in self.cached]
        await self._fetch_all(wanted)
        self.cached.update(f for f in wanted if f.startswith(CACHEABLE) or "/static/" in f)
        ws_url = self.base_url.replace("http://", "ws://", 1) + "/_stcore/stream"
        self.socket = await connect(ws_url, subprotocols=["streamlit"], origin=self.base_url, max_size=None,
                                    open_timeout=self.timeout_s, additional_headers=self._cookie_header(ws_url))
        served_by = self.socket.response.headers.get("X-Steppe-Worker") if self.socket.response else None
        if served_by and self.worker() and served_by != self.worker():
            raise StickinessError(f"{path}: the page came from worker {self.worker()}, the WebSocket reached "
                                  f"{served_by}")
        message = BackMsg()
        state = message.rerun_script
        state.query_string = ""
        page_name = path.strip("/")
        if page_name:
            state.page_name = page_name
        info = state.context_info
        info.timezone, info.timezone_offset, info.locale = "UTC", 0, "en-US"
        info.url, info.is_embedded, info.color_scheme = self.base_url + path, False, "light"
        await self.socket.send(message.SerializeToString())
        runs = 0
        while True:
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                raise TimeoutError(f"{path}: the script did not finish in {self.timeout_s:.0f} s")
            data = await asyncio.wait_for(self.socket.recv(), timeout=remaining)
            self.bytes_received += len(data)
            forward = ForwardMsg()
            forward.ParseFromString(data)
            kind = forward.WhichOneof("type")
            if kind == "delta" and forward.delta.WhichOneof("type") == "new_element" \
                    and forward.delta.new_element.WhichOneof("type") == "exception":
                raise LightAppError(forward.delta.new_element.exception.message[:300])
            if kind == "script_finished":
                runs += 1
                if forward.script_finished == ForwardMsg.FINISHED_SUCCESSFULLY:
                    self.runs.append(runs)
                    return time.perf_counter() - started
                if forward.script_finished == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                    raise LightAppError(f"{path}: the script did not compile")
                # FINISHED_EARLY_FOR_RERUN: the app reran itself (st.rerun); keep reading

    def _cookie_header(self, url: str) -> dict:
        """The Cookie header a browser would send with this request (the jar's own matching rules)."""
        request = urllib.request.Request(url.replace("ws://", "http://", 1))
        self.cookies.add_cookie_header(request)
        cookie = request.get_header("Cookie")
        return {"Cookie": cookie} if cookie else {}

    def worker(self) -> str | None:
        """The worker HAProxy pinned this pupil to (its SERVERID cookie), if any."""
        return next((c.value for c in self.cookies if c.name == "SERVERID"), None)

    async def close(self) -> None:
        if self.socket is not None:
            try:
                await self.socket.close()
            except Exception:  # noqa: BLE001 - closing a socket the server already dropped
                pass
            self.socket = None
