#!/usr/bin/env python3
"""Screenshot pages of a running Steppe Atlas in headless Chromium, network blocked.

usage: python scripts/screenshot.py [--size WIDTHxHEIGHT] http://localhost:8501 OUTDIR [name=]path[?query] ...
A path may be given a file name (`present-1920x1080=/stories?story=bukeikhan&step=2&present=1`). With --size the
picture is one screen of that size (a projector); without it, the whole page at 1400x1000.
Prints every request that tried to leave localhost (there should be none)."""
import sys
from pathlib import Path
from urllib.parse import urlparse

from playwright.sync_api import sync_playwright

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def main(base: str, outdir: str, paths: list[str], size: tuple[int, int] | None = None) -> None:
    Path(outdir).mkdir(parents=True, exist_ok=True)
    blocked = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        width, height = size or (1400, 1000)
        page = browser.new_page(viewport={"width": width, "height": height})

        def guard(route):
            host = urlparse(route.request.url).hostname or ""
            if host in ("localhost", "127.0.0.1") or route.request.url.startswith(("data:", "blob:", "about:")):
                return route.continue_()
            blocked.append(route.request.url)
            return route.abort()
        page.context.route("**/*", guard)
        for entry in paths:
            name, _, rest = entry.partition("=/") if "=/" in entry else ("", "", entry.lstrip("/"))
            path = "/" + rest
            page.goto(base + path)
            page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=60000)
            page.wait_for_selector("[data-testid='stMain']", timeout=60000)
            page.wait_for_timeout(6000)  # let iframes draw: this is a picture for people, not a test
            name = name or (path.strip("/").split("?")[0] or "home").replace("/", "_")
            page.screenshot(path=f"{outdir}/{name}.png", full_page=size is None)
            print("shot", path)
        browser.close()
    print("blocked requests:", blocked)


if __name__ == "__main__":
    args = sys.argv[1:]
    size = None
    if args and args[0].startswith("--size"):
        value = args[0].split("=", 1)[1] if "=" in args[0] else args.pop(1)
        size = tuple(int(v) for v in value.lower().split("x"))
        args = args[1:]
    main(args[0], args[1], args[2:], size)
