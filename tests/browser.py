"""Helpers for the browser tests: wait on conditions the user would see, never on time."""
from __future__ import annotations

TIMEOUT = 45_000  # ms; a cold Streamlit run on a busy 2-core CI machine can take a while


def open_page(page, url: str) -> None:
    """Go to a page and wait until Streamlit has finished running the script."""
    page.goto(url)
    wait_idle(page)


def wait_idle(page) -> None:
    """Streamlit has run the script and no element is still faded as stale from a previous run."""
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=TIMEOUT)
    page.wait_for_selector("[data-testid='stMain']", timeout=TIMEOUT)
    page.wait_for_function("() => !document.querySelector('[data-stale=\"true\"]')", timeout=TIMEOUT)
    # elements whose code is still loading are drawn as skeletons: wait until every one is there
    page.wait_for_function("() => !document.querySelector('[data-testid^=\"stSkeleton\"]')", timeout=TIMEOUT)


def map_frame(page, play: bool = True):
    """The streamlit-folium iframe, once Leaflet has drawn its vector features and the view's layers are on it
    (static/atlas-map.js has shown a frame: its year control is there)."""
    page.wait_for_selector("iframe[title*='st_folium']", timeout=TIMEOUT)
    frame = page.frame_locator("iframe[title*='st_folium']").first
    frame.locator(".leaflet-container").wait_for(timeout=TIMEOUT)
    if play:  # the Map page's map (a story slide's map has no Play)
        frame.locator(".atlas-play").wait_for(state="attached", timeout=TIMEOUT)
    frame.locator("path.leaflet-interactive").first.wait_for(state="attached", timeout=TIMEOUT)
    return frame


def map_window(page):
    """The map's iframe as a Playwright Frame, to run script in it (a FrameLocator cannot)."""
    return page.locator("iframe[title*='st_folium']").first.element_handle().content_frame()


def count_features(frame) -> int:
    return frame.locator("path.leaflet-interactive").count()


def wait_for_timeline(page):
    """The Plotly timeline with its event markers drawn."""
    chart = page.locator("[data-testid='stPlotlyChart'] .js-plotly-plot").first
    chart.locator(".scatterlayer .point").first.wait_for(timeout=TIMEOUT)
    return chart


def detail_panel(page):
    return page.locator("[class*='st-key-event-detail']")


def click_at(page, target) -> None:
    """Click where the element is drawn, as a mouse would (Plotly's drag layer lies over its points)."""
    box = target.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def click_until_visible(page, target, expected, attempts: int = 3, timeout: int = 15_000) -> None:
    """Click `target` until `expected` shows. A click that lands while the component is still
    handshaking with Streamlit can be dropped; a real failure still fails after `attempts` clicks."""
    for attempt in range(attempts):
        click_at(page, target)
        try:
            expected.wait_for(timeout=timeout)
            return
        except Exception:
            if attempt == attempts - 1:
                raise


def explore_downloads(page, target_dir) -> dict:
    """Click every download button on the Explore page; {file name: saved path}."""
    saved = {}
    buttons = page.locator("[class*='st-key-download-'] button:visible")
    buttons.first.wait_for(timeout=TIMEOUT)
    for index in range(buttons.count()):
        with page.expect_download(timeout=TIMEOUT) as info:
            buttons.nth(index).click()
        download = info.value
        path = target_dir / download.suggested_filename
        download.save_as(str(path))
        saved[download.suggested_filename] = path
    return saved
