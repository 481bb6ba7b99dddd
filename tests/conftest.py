"""Shared fixtures: the small edge-case dataset, a running app, and a network-guarded Chromium page."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_DATA = ROOT / "tests" / "fixtures" / "data"
FIXTURE_GEO = ROOT / "tests" / "fixtures" / "geo"
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1"}


@pytest.fixture(scope="session")
def fixture_atlas():
    from steppe.load import load_atlas
    return load_atlas(FIXTURE_DATA, FIXTURE_GEO)


@pytest.fixture(scope="session")
def real_atlas():
    from steppe.load import load_atlas
    return load_atlas()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_app(env_overrides: dict | None = None, port: int | None = None):
    """Start `streamlit run dashboard.py` on a free port (or `port`: a restart); wait for its health endpoint."""
    ARTIFACTS.mkdir(exist_ok=True)
    port = port or _free_port()
    env = {**os.environ, **(env_overrides or {})}
    log = open(ARTIFACTS / f"streamlit-{port}.log", "w")
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.port", str(port),
                             "--server.address", "127.0.0.1", "--server.headless", "true"],
                            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    url = f"http://127.0.0.1:{port}"
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited early; see {log.name}")
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as resp:
                if resp.status == 200:
                    return proc, url
        except OSError:
            time.sleep(0.2)  # polling the health endpoint, not a test assertion
    proc.kill()
    raise RuntimeError("streamlit did not become healthy in 60 s")


@pytest.fixture(scope="session")
def app_url():
    """The app on the small fixture dataset (deterministic content for assertions)."""
    ARTIFACTS.mkdir(exist_ok=True)
    proc, url = start_app({"STEPPE_DATA_DIR": str(FIXTURE_DATA), "STEPPE_GEO_DIR": str(FIXTURE_GEO)})
    yield url
    proc.terminate()
    proc.wait(timeout=20)


@pytest.fixture(scope="session")
def real_app_url():
    """The app on the curated data, as users see it."""
    ARTIFACTS.mkdir(exist_ok=True)
    proc, url = start_app({})
    yield url
    proc.terminate()
    proc.wait(timeout=20)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is missing: run the README's test command (scripts/test.sh)")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


def guarded_page(browser):
    """A page in a fresh context (a new visitor) whose every request outside localhost is aborted and
    recorded in page.outside_requests; page errors are recorded in page.page_errors."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    outside: list[str] = []

    def guard(route):
        url = route.request.url
        host = urlparse(url).hostname or ""
        if url.startswith(("data:", "blob:", "about:", "file:")) or host in LOCAL_HOSTS:  # file: a local handout
            return route.continue_()
        outside.append(url)
        return route.abort()

    context.route("**/*", guard)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.outside_requests = outside
    pg.page_errors = errors
    return pg


def _close_guarded(pg, request, name: str) -> list[str]:
    failed = getattr(request.node, "rep_call", None)
    if failed is not None and failed.failed:
        pg.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    pg.context.close()
    return pg.outside_requests


@pytest.fixture
def page(browser, request):
    """A page whose every request outside localhost is aborted and recorded; the test fails if any was made."""
    pg = guarded_page(browser)
    yield pg
    outside = _close_guarded(pg, request, request.node.name)
    assert not outside, f"requests outside localhost were attempted: {outside}"


@pytest.fixture
def new_page(browser, request):
    """Make as many guarded pages as the test needs, each in its own fresh context (several visitors at
    once); the same checks as `page` when the test ends."""
    pages = []

    def make():
        pages.append(guarded_page(browser))
        return pages[-1]

    yield make
    outside = [url for i, pg in enumerate(pages) for url in _close_guarded(pg, request, f"{request.node.name}-{i}")]
    assert not outside, f"requests outside localhost were attempted: {outside}"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)
