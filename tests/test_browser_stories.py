"""Stories in class, in real headless Chromium (network outside localhost blocked, see conftest.page): presenter
mode, keys and a clicker, maps that show each slide's place, the slide in the link, accessibility, and the offline
handout drawn and printed."""
from urllib.parse import urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe

from browser import TIMEOUT, open_page, wait_idle
from conftest import FIXTURE_DATA, FIXTURE_GEO, start_app

pytestmark = pytest.mark.browser
HD, SMALL = {"width": 1920, "height": 1080}, {"width": 1280, "height": 720}
BODY = [".story-text", ".story-quote", ".story-question"]


def wait_url(page, fragment: str, present: bool = True) -> None:
    negate = "" if present else "!"
    page.wait_for_function(f"() => {negate}location.search.includes({fragment!r})", timeout=TIMEOUT)
    wait_idle(page)


def map_frame(page):
    """The slide map's frame, once Leaflet has drawn and fitted it."""
    handle = page.locator("iframe[title*='st_folium']").first.element_handle(timeout=TIMEOUT)
    frame = handle.content_frame()
    frame.wait_for_function("() => window.map && window.map.getBounds && document.querySelector('path.leaflet-interactive')",
                            timeout=TIMEOUT)
    return frame


def where_on_map(frame, lat: float, lon: float) -> dict:
    """Is the point inside the map's visible bounds, at least 8 px from every edge and clear of the layer button?"""
    return frame.evaluate("""([lat, lon]) => {
        const map = window.map, size = map.getSize(), p = map.latLngToContainerPoint([lat, lon]);
        const box = map.getContainer().getBoundingClientRect();
        const c = document.querySelector('.leaflet-control-layers').getBoundingClientRect();
        const x = box.left + p.x, y = box.top + p.y;
        return {inside: map.getBounds().contains([lat, lon]),
                clear: p.x > 8 && p.y > 8 && p.x < size.x - 8 && p.y < size.y - 8,
                underControl: x >= c.left && x <= c.right && y >= c.top && y <= c.bottom,
                labels: Array.from(document.querySelectorAll('.slide-label')).map(e => e.textContent)};
    }""", [lat, lon])


def no_scroll(page) -> bool:
    return page.evaluate("() => { const m = document.querySelector('[data-testid=stMain]');"
                         " return m.scrollHeight <= m.clientHeight + 1 && document.scrollingElement.scrollHeight <= innerHeight + 1; }")


def serious_violations(page) -> list:
    results = Axe().run(page)
    return [(v["id"], [n["html"][:80] for n in v["nodes"][:3]]) for v in results.response["violations"]
            if v["impact"] in ("serious", "critical")]


def test_presenter_mode_hides_the_sidebar_and_sets_large_type(page, real_app_url):
    page.set_viewport_size(HD)
    open_page(page, real_app_url + "/stories?story=alash&step=3&present=1")
    map_frame(page)
    assert page.locator("[data-testid='stSidebar']").is_hidden()
    assert page.locator("header[data-testid='stHeader']").is_hidden()
    assert page.locator(".st-key-w_q").count() == 0  # no filter widgets at all
    sizes = page.evaluate("(s) => s.map(q => parseFloat(getComputedStyle(document.querySelector(q)).fontSize))", BODY)
    assert min(sizes) >= 28, sizes
    assert no_scroll(page)
    assert page.locator("[data-testid='stException']").count() == 0 and not page.page_errors


def test_arrow_keys_and_a_clicker_move_between_slides(page, real_app_url):
    page.set_viewport_size(HD)
    open_page(page, real_app_url + "/stories?story=alash&step=3&present=1")
    page.keyboard.press("ArrowRight")
    wait_url(page, "step=4")
    page.get_by_text("Eastern Alash-Orda moves from Orenburg to Semipalatinsk").wait_for()
    page.keyboard.press("PageUp")       # a clicker's "back"
    wait_url(page, "step=3")
    page.keyboard.press("PageDown")     # a clicker's "next"
    wait_url(page, "step=4")
    page.keyboard.press("Space")
    wait_url(page, "step=5")
    page.keyboard.press("ArrowLeft")
    wait_url(page, "step=4")
    page.keyboard.press("Home")
    wait_url(page, "step=0")
    assert "present=1" in page.url
    page.keyboard.press("Escape")
    wait_url(page, "present", present=False)
    page.locator("[data-testid='stSidebar']").wait_for()
    assert "step=0" in page.url and "story=alash" in page.url


def test_keys_do_nothing_while_typing(page, app_url):
    open_page(page, app_url + "/stories?story=test&step=1")
    page.locator(".st-key-story-next button").evaluate("b => b.addEventListener('click', () => { window.__nextClicked = true; })")
    search = page.locator(".st-key-w_q input")
    search.click()
    search.press_sequentially("ab")
    handled = search.evaluate("""input => ['ArrowRight', 'ArrowLeft', 'Home', ' ', 'PageDown'].map(key => {
        const e = new KeyboardEvent('keydown', {key, bubbles: true, cancelable: true});
        input.dispatchEvent(e);
        return e.defaultPrevented; })""")
    assert handled == [False] * 5 and page.evaluate("() => window.__nextClicked") is None
    search.evaluate("input => input.blur()")
    page.keyboard.press("ArrowRight")   # outside the field the key works
    wait_url(page, "step=2")


def test_a_key_right_after_a_server_restart_still_works(page):
    env = {"STEPPE_DATA_DIR": str(FIXTURE_DATA), "STEPPE_GEO_DIR": str(FIXTURE_GEO)}
    proc, url = start_app(env)
    try:
        open_page(page, url + "/stories?story=test&step=0")
        page.get_by_text("A test story").wait_for()
        proc.terminate()
        proc.wait(timeout=20)
        page.wait_for_function("() => document.querySelector('[data-testid=stApp]')"
                               ".getAttribute('data-test-connection-state') !== 'CONNECTED'", timeout=TIMEOUT)
        proc, _ = start_app(env, port=urlparse(url).port)
        page.wait_for_function("() => document.querySelector('[data-testid=stApp]')"
                               ".getAttribute('data-test-connection-state') === 'CONNECTED'", timeout=90_000)
        page.keyboard.press("ArrowRight")  # a fresh session: the Next button's value, not a callback, moves on
        wait_url(page, "step=1")
        page.get_by_text("Congress in Orenburg").first.wait_for()
    finally:
        proc.terminate()
        proc.wait(timeout=20)


# (story, step, place, viewport, presenter): Moscow slides were off the map before; a region-wide point, a place far
# east, a place with the layer control in its corner, and both projector sizes
PLACES = [("bukeikhan", 3, "moscow", HD, True), ("bukeikhan", 6, "moscow", SMALL, True),
          ("party", 6, "moscow", SMALL, False), ("delimitation", 3, "moscow", HD, False),
          ("migration", 7, "krasnoyarsk", SMALL, True), ("confiscation", 4, "kazakhstan", HD, True),
          ("alash", 4, "zarechnaya-slobodka", SMALL, True), ("party", 1, "kislovodsk", HD, True)]


def test_each_slide_map_shows_and_names_its_place(page, real_app_url, real_atlas):
    places = real_atlas.places.set_index("place_id")
    for story, step, place, size, present in PLACES:
        page.set_viewport_size(size)
        open_page(page, f"{real_app_url}/stories?story={story}&step={step}{'&present=1' if present else ''}")
        frame = map_frame(page)
        wait_idle(page)
        lat, lon = places.loc[place, ["lat", "lon"]]
        found = where_on_map(frame, float(lat), float(lon))
        assert found["inside"] and found["clear"] and not found["underControl"], (story, step, place, found)
        assert any(places.loc[place, "period_name"].split(" (")[0] in text for text in found["labels"]), found
        assert frame.locator(".leaflet-control-layers-expanded").count() == 0  # the layer control is folded
    assert not page.page_errors


@pytest.mark.parametrize("present", [False, True])
def test_a_slide_is_accessible_in_both_modes(page, real_app_url, present):
    page.set_viewport_size(HD if present else {"width": 1400, "height": 1000})
    open_page(page, real_app_url + f"/stories?story=bukeikhan&step=1{'&present=1' if present else ''}")
    map_frame(page)
    wait_idle(page)
    page.locator(".story-question").wait_for()
    quote = page.locator(".story-quote").evaluate("q => [getComputedStyle(q).opacity, getComputedStyle(q).color]")
    assert quote[0] == "1", quote
    assert not serious_violations(page)


def test_the_title_slide_is_in_the_link_and_a_refresh_keeps_it(page, app_url):
    open_page(page, app_url + "/stories")
    page.get_by_role("link", name="Start this story").first.click()
    page.get_by_text("A test story").wait_for()
    wait_url(page, "step=0")
    assert "story=test" in page.url
    page.reload()
    wait_idle(page)
    page.locator(".story-title").get_by_text("A test story").wait_for()
    page.get_by_role("button", name="Next").click()
    wait_url(page, "step=1")


def test_the_download_buttons_give_the_handout_and_the_card(page, app_url):
    open_page(page, app_url + "/stories?story=test&step=1")
    with page.expect_download(timeout=TIMEOUT) as info:
        page.get_by_role("button", name="Download this story").click()
    text = open(info.value.path(), encoding="utf-8").read()
    assert "A test story" in text and "Congress in Orenburg" in text and "<link" not in text
    open_page(page, app_url + "/timeline?event=1917-12-05-congress")
    with page.expect_download(timeout=TIMEOUT) as info:
        page.get_by_role("button", name="Printable card").click()
    assert "“a congress”" in open(info.value.path(), encoding="utf-8").read()


def test_story_handouts_draw_offline_and_print_one_slide_per_page(page, real_atlas, tmp_path):
    from pypdf import PdfReader

    from steppe.handout import story_handout
    from steppe.stories import story_slides
    for story_id in dict.fromkeys(real_atlas.stories["story_id"]):
        path = tmp_path / f"{story_id}.html"
        path.write_text(story_handout(real_atlas, story_id, "en"), encoding="utf-8")
        page.goto(path.as_uri())
        page.wait_for_function("() => document.querySelectorAll('.map').length > 0 && "
                               "document.querySelectorAll('.map:not([data-drawn])').length === 0", timeout=TIMEOUT)
        slides = len(story_slides(real_atlas.stories, real_atlas.events, story_id))
        drawn = page.evaluate("() => Array.from(document.querySelectorAll('.map')).map(m => "
                              "[m.querySelectorAll('path.leaflet-interactive').length, m.querySelectorAll('.slide-label').length])")
        assert len(drawn) == slides and all(paths > 20 for paths, _ in drawn), (story_id, drawn)
        assert sum(labels for _, labels in drawn) >= slides - 2, (story_id, drawn)  # only place-less slides lack one
        for paper in ("A4", "Letter"):
            pdf = tmp_path / f"{story_id}-{paper}.pdf"
            page.pdf(path=str(pdf), format=paper, landscape=True, print_background=True)
            assert len(PdfReader(str(pdf)).pages) == slides, (story_id, paper)
    assert not page.page_errors
