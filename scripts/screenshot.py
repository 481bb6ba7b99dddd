#!/usr/bin/env python3
"""Screenshot pages of a running Steppe Atlas in headless Chromium, network blocked.

usage: python scripts/screenshot.py http://localhost:8501 OUTDIR path[?query] [path ...]
Prints every request that tried to leave localhost (there should be none)."""
import sys
from pathlib import Path
from urllib.parse import urlparse

from playwright.sync_api import sync_playwright

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def main(base: str, outdir: str, paths: list[str]) -> None:
    Path(outdir).mkdir(parents=True, exist_ok=True)
    blocked = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})

        def guard(route):
            host = urlparse(route.request.url).hostname or ""
            if host in ("localhost", "127.0.0.1") or route.request.url.startswith(("data:", "blob:", "about:")):
                return route.continue_()
            blocked.append(route.request.url)
            return route.abort()
        page.context.route("**/*", guard)
        for path in paths:
            page.goto(base + path)
            page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=60000)
            page.wait_for_selector("[data-testid='stMain']", timeout=60000)
            page.wait_for_timeout(2500)  # let iframes draw: this is a picture for people, not a test
            name = (path.strip("/").split("?")[0] or "home").replace("/", "_")
            page.screenshot(path=f"{outdir}/{name}.png", full_page=True)
            print("shot", path)
        browser.close()
    print("blocked requests:", blocked)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
