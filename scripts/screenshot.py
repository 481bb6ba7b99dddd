#!/usr/bin/env python3
"""Screenshot pages of a running Steppe Atlas in headless Chromium, network blocked.

usage: python scripts/screenshot.py [--size 1920x1080] [--name NAME] http://localhost:8501 OUTDIR path[?query] [path ...]
  --size   the window (default 1400x1000); --name the file name (one path only; default from the path)
Waits for the script run to end and, on a map, for its layers and labels. Prints every request that tried to
leave localhost (there should be none).

The screenshots in docs/screenshots/ are made with:
  python scripts/screenshot.py --size 1920x1080 --name map-1920 URL docs/screenshots "/map?from=1920&to=1920"
  (and 1925, 1932), --name timeline-1924-1926 "/timeline?from=1924&to=1926", and
  --size 390x844 --name map-phone "/map?from=1925&to=1925"."""
import argparse
from pathlib import Path
from urllib.parse import urlparse

from playwright.sync_api import sync_playwright

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
TIMEOUT = 90_000


def wait_for_app(page) -> None:
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=TIMEOUT)
    page.wait_for_selector("[data-testid='stMain']", timeout=TIMEOUT)
    page.wait_for_function("() => !document.querySelector('[data-stale=\"true\"]')", timeout=TIMEOUT)


def wait_for_map(page) -> None:
    """The map's frame has drawn its layers (atlas-map.js has shown a frame)."""
    if not page.locator("iframe[title*='st_folium']").count():
        return
    frame = page.frame_locator("iframe[title*='st_folium']").first
    frame.locator(".atlas-play").wait_for(timeout=TIMEOUT)
    frame.locator("path.leaflet-interactive").first.wait_for(state="attached", timeout=TIMEOUT)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", default="1400x1000")
    parser.add_argument("--name", default="")
    parser.add_argument("base")
    parser.add_argument("outdir")
    parser.add_argument("paths", nargs="+")
    args = parser.parse_args()
    width, height = (int(x) for x in args.size.split("x"))
    Path(args.outdir).mkdir(parents=True, exist_ok=True)
    blocked = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": width, "height": height})

        def guard(route):
            host = urlparse(route.request.url).hostname or ""
            if host in ("localhost", "127.0.0.1") or route.request.url.startswith(("data:", "blob:", "about:")):
                return route.continue_()
            blocked.append(route.request.url)
            return route.abort()
        page.context.route("**/*", guard)
        for path in args.paths:
            page.goto(args.base + path)
            wait_for_app(page)
            wait_for_map(page)
            wait_for_app(page)
            page.wait_for_timeout(1500)  # let fonts and the chart settle: this is a picture for people, not a test
            name = args.name or (path.strip("/").split("?")[0] or "home").replace("/", "_")
            page.screenshot(path=f"{args.outdir}/{name}.png", full_page=False)
            print("shot", path, "->", name)
        browser.close()
    print("blocked requests:", blocked)


if __name__ == "__main__":
    main()
