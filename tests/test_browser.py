"""Real headless Chromium against the running app, network outside localhost blocked (see conftest.page)."""
import pytest
from axe_playwright_python.sync_playwright import Axe

from browser import (click_until_visible, count_features, detail_panel, map_frame, map_window, open_page,
                     wait_for_timeline, wait_idle)
from conftest import ARTIFACTS, FIXTURE_DATA, FIXTURE_GEO, start_app

pytestmark = pytest.mark.browser
PAGES = ["/", "/timeline", "/map", "/stories", "/explore", "/sources"]
MIGRATION = "#E69F00"  # config.THREAD_COLORS["migration"]
WATER, BORDER = "#8dbad8", "#9a9488"  # config.WATER_COLOR, config.BORDER_COLOR
# axe rules left out, with the reason: none so far. Every serious or critical violation fails the test.
AXE_EXCLUDED: dict[str, str] = {}


def test_deep_link_on_a_fresh_server_gets_the_full_app(page):
    proc, url = start_app({"STEPPE_DATA_DIR": str(FIXTURE_DATA), "STEPPE_GEO_DIR": str(FIXTURE_GEO)})
    try:
        open_page(page, url + "/map?from=1928&to=1930")
        page.get_by_text("Filters", exact=True).wait_for()
        assert page.get_by_role("link", name="Timeline").count() >= 1
        map_frame(page)
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_map_draws_offline_and_a_filtered_link_draws_fewer_features(page, app_url):
    open_page(page, app_url + "/map")
    everything = count_features(map_frame(page))
    open_page(page, app_url + "/map?from=1930&to=1931&thread=migration")
    frame = map_frame(page)
    fewer = count_features(frame)
    assert 0 < fewer < everything
    assert frame.locator(".leaflet-control-layers").get_by_text("Modern borders (for orientation)").count() == 1
    assert not page.page_errors


def test_an_event_chosen_in_a_popup_opens_beside_the_map_without_a_page_jump(page, app_url):
    open_page(page, app_url + "/map?thread=migration")
    frame = map_frame(page)
    assert detail_panel(page).count() == 0
    click_until_visible(page, frame.locator(f"path.leaflet-interactive[fill='{MIGRATION}']").first,
                        frame.locator(".leaflet-popup-content .atlas-event").nth(1))
    events = frame.locator(".leaflet-popup-content .atlas-event")
    assert events.count() == 2 and "Dec 1929" in events.nth(0).inner_text()
    scrolled = page.evaluate("() => window.scrollY")
    events.nth(1).click()  # the second event: spring 1930
    detail_panel(page).get_by_text("Spring migration").wait_for()
    page.wait_for_function("() => location.search.includes('event=1930-spring')")
    box, viewport = detail_panel(page).bounding_box(), page.viewport_size
    assert 0 <= box["y"] < viewport["height"] and box["x"] > 0  # beside the map, in view
    assert page.evaluate("() => window.scrollY") == scrolled  # no page jump
    assert map_window(page).evaluate("() => SteppeAtlas.maps") == 1  # the map was not reloaded
    assert not page.page_errors


def test_clicking_a_timeline_event_shows_the_detail_panel(page, app_url):
    open_page(page, app_url + "/timeline?thread=alash")
    chart = wait_for_timeline(page)
    assert detail_panel(page).count() == 0
    click_until_visible(page, chart.locator(".scatterlayer .point").first,
                        detail_panel(page).get_by_text("Congress in Orenburg"))
    wait_idle(page)  # the rest of the panel arrives after its title
    detail_panel(page).get_by_text("“a congress”").wait_for()
    assert "event=1917-12-05-congress" in page.url


def test_popup_text_from_data_is_escaped(page, app_url):
    open_page(page, app_url + "/map?q=alert")
    frame = map_frame(page)
    popup = frame.locator(".leaflet-popup-content")
    click_until_visible(page, frame.locator("path.leaflet-interactive[fill='#CC79A7']").first, popup)
    assert "<script>alert(1)</script> title" in popup.inner_text()  # shown as text, not run
    assert not page.page_errors


def test_filter_state_survives_moving_between_pages(page, app_url):
    open_page(page, app_url + "/timeline?from=1925&to=1926")
    page.locator("[data-testid='stSidebarNav']").get_by_role("link", name="Explore events").click()
    page.wait_for_url("**/explore**")
    wait_idle(page)
    page.wait_for_function("() => location.search.includes('from=1925')")
    assert "to=1926" in page.url


@pytest.mark.parametrize("path", PAGES)
def test_hostile_parameters_show_a_notice_not_a_traceback(page, app_url, path):
    open_page(page, app_url + path + "?from=abc&to=99999&thread=%3Cscript%3Ealert(1)%3C/script%3E")
    page.get_by_text("must be a year", exact=False).first.wait_for()
    assert page.locator("[data-testid='stException']").count() == 0
    assert not page.page_errors


@pytest.mark.parametrize("path", PAGES)
def test_every_page_is_accessible_and_screenshotted(page, app_url, path):
    open_page(page, app_url + path)
    if path == "/map":
        map_frame(page)
        wait_idle(page)  # the map component reports its first state, which reruns the script once
    wait_idle(page)
    name = path.strip("/") or "home"
    page.screenshot(path=str(ARTIFACTS / f"page-{name}.png"), full_page=True)
    results = Axe().run(page)
    serious = [v for v in results.response["violations"]
               if v["impact"] in ("serious", "critical") and v["id"] not in AXE_EXCLUDED]
    assert not serious, [(path, v["id"], [(n["html"][:80], n["failureSummary"][-200:]) for n in v["nodes"][:3]]) for v in serious]
    assert page.locator("[data-testid='stException']").count() == 0


def test_curated_data_renders_every_page(page, real_app_url):
    for path in PAGES:
        open_page(page, real_app_url + path)
        assert page.locator("[data-testid='stException']").count() == 0, path
        assert page.locator("[data-testid='stAlertContentError']").count() == 0, path
    open_page(page, real_app_url + "/map")
    assert count_features(map_frame(page)) > 20
    open_page(page, real_app_url + "/timeline")
    assert wait_for_timeline(page).locator(".scatterlayer .point").count() > 150


def test_play_steps_the_years_in_the_map_and_the_link_follows_where_it_stops(page, app_url):
    open_page(page, app_url + "/map?from=1933&to=1933")
    map_frame(page)
    inside = map_window(page)
    assert inside.locator(".atlas-year").inner_text() == "1933"
    inside.evaluate("""() => {
        window.__probe = 'same map';
        window.__years = [];
        const year = document.querySelector('.atlas-year');
        new MutationObserver(() => window.__years.push(year.textContent)).observe(year, {childList: true});
    }""")
    button = inside.locator(".atlas-play-button")
    assert "Play" in button.inner_text()
    button.click()
    inside.wait_for_function("() => document.querySelector('.atlas-play-button').textContent.includes('Pause')")
    # one year a second, 1934 to 1936; at the end Play stops by itself and says Play again
    inside.wait_for_function("() => new Set(window.__years).size >= 3", timeout=30_000)
    inside.wait_for_function("() => document.querySelector('.atlas-play-button').textContent.includes('Play')",
                             timeout=30_000)
    assert [y for y in dict.fromkeys(inside.evaluate("() => window.__years"))][:3] == ["1934", "1935", "1936"]
    page.wait_for_function("() => location.search.includes('from=1936') && location.search.includes('to=1936')")
    wait_idle(page)
    page.locator("[data-testid='stSidebar']").get_by_text("1936").first.wait_for()  # the sidebar follows
    assert page.locator("iframe[title*='st_folium']").count() == 1
    assert inside.evaluate("() => [window.__probe, SteppeAtlas.maps]") == ["same map", 1]  # one map, never reloaded
    button.click()  # at the end, Play starts again from the first year
    inside.wait_for_function("() => document.querySelector('.atlas-year').textContent === '1917'")
    button.click()
    assert not page.page_errors


def test_legend_is_beside_the_map_and_a_phone_folds_the_layer_control(page, app_url):
    for width, height in ((1280, 720), (1920, 1080)):
        page.set_viewport_size({"width": width, "height": height})
        open_page(page, app_url + "/map")
        frame = map_frame(page)
        legend = page.locator(".atlas-legend").bounding_box()
        map_box = page.locator("iframe[title*='st_folium']").bounding_box()
        assert legend["x"] >= map_box["x"] + map_box["width"] - 1 and legend["y"] < height, (width, legend, map_box)
    # a wide map shows its layer control open (a map under 600 px, as here at 1280 with the sidebar, folds it)
    assert "leaflet-control-layers-expanded" in frame.locator(".leaflet-control-layers").get_attribute("class")
    water = frame.locator(f"path.leaflet-interactive[fill='{WATER}']").first
    water.dispatch_event("mouseover")
    assert "the shore before 1960" in frame.locator(".leaflet-tooltip").first.inner_text()
    page.set_viewport_size({"width": 390, "height": 844})
    open_page(page, app_url + "/map")
    frame = map_frame(page)
    page.wait_for_function("""() => {
        const frame = document.querySelector("iframe[title*='st_folium']").contentDocument;
        const control = frame && frame.querySelector('.leaflet-control-layers');
        return control && !control.classList.contains('leaflet-control-layers-expanded');
    }""")
    assert not page.page_errors


def test_story_next_button_moves_to_the_next_slide_and_the_link_follows(page, app_url):
    open_page(page, app_url + "/stories?story=test&step=0")
    page.get_by_text("A test story").wait_for()
    page.get_by_role("button", name="Next").click()
    page.get_by_text("Congress in Orenburg").wait_for()
    page.wait_for_function("() => location.search.includes('step=1')")
    map_frame(page, play=False)  # the slide's map draws offline too


def test_uploading_a_broken_events_file_names_row_and_column(page, app_url, tmp_path):
    broken = tmp_path / "mine.csv"
    text = (FIXTURE_DATA / "events.csv").read_text(encoding="utf-8").replace("1922-12,", "1922-13,", 1)
    broken.write_text(text, encoding="utf-8")
    open_page(page, app_url + "/explore")
    page.get_by_text("Check your own events file").click()
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(str(broken))
    page.get_by_text("mine.csv row 3, column date", exact=False).wait_for()
    assert page.locator("[data-testid='stException']").count() == 0


def test_a_hostile_link_adds_no_link_image_or_script(page, app_url):
    evil = ("?thread=%5BLog%20in%5D(http%3A%2F%2Fevil.example)&person=!%5Bx%5D(http%3A%2F%2Fevil.example%2Ft.png)"
            "&event=%3Cimg%20src%3Dx%20onerror%3Dwindow.__pwned%3D1%3E&step=%C2%B2")
    open_page(page, app_url + "/timeline" + evil)
    page.get_by_text("unknown thread ignored", exact=False).first.wait_for()
    main = page.locator("[data-testid='stMain']")
    assert main.locator("a[href*='evil']").count() == 0 and page.locator("img[src*='evil'], img[src='x']").count() == 0
    assert page.locator("[data-testid='stException']").count() == 0
    assert page.evaluate("() => window.__pwned") is None  # and the network guard saw no request to evil.example


def test_a_hostile_country_name_on_the_map_stays_text(page, app_url):
    open_page(page, app_url + "/map")
    frame = map_frame(page)
    country = frame.locator(f"path.leaflet-interactive[stroke='{BORDER}']").first
    country.dispatch_event("mouseover")
    tip = frame.locator(".leaflet-tooltip")
    tip.first.wait_for()
    assert "Kazakhstan <img" in tip.first.inner_text()  # the markup is shown as text
    assert frame.locator(".leaflet-tooltip img").count() == 0
    assert page.evaluate("() => window.__pwned") is None


def test_every_download_on_explore_is_a_file_its_tool_reads(page, app_url, tmp_path):
    import json

    import bibtexparser
    import geopandas
    import pandas as pd

    from browser import explore_downloads
    open_page(page, app_url + "/explore?thread=bukeikhan&thread=alash")
    files = explore_downloads(page, tmp_path)
    assert sorted(files) == ["steppe-atlas-events-timelinejs.json", "steppe-atlas-events.csv",
                             "steppe-atlas-events.geojson", "steppe-atlas-sources.bib", "steppe-atlas-sources.csl.json"]
    events = pd.read_csv(files["steppe-atlas-events.csv"], dtype=str, keep_default_na=False)
    assert sorted(events["event_id"]) == ["1917-12-05-congress", "1922-arrest"]
    assert sorted(geopandas.read_file(files["steppe-atlas-events.geojson"])["event_id"]) == sorted(events["event_id"])
    assert len(json.loads(files["steppe-atlas-events-timelinejs.json"].read_text())["events"]) == 2
    assert [e.key for e in bibtexparser.parse_file(str(files["steppe-atlas-sources.bib"])).entries] == ["src-a"]
    assert [i["id"] for i in json.loads(files["steppe-atlas-sources.csl.json"].read_text())] == ["src-a"]


def test_the_timelinejs_export_opens_in_timelinejs_with_one_slide_per_event(page, real_atlas, tmp_path):
    from steppe.downloads import timelinejs
    from timelinejs_page import DIST, timelinejs_server
    assert DIST.is_dir(), "TimelineJS is missing: run scripts/test.sh (npm install in tests/vendor)"
    events = real_atlas.events[real_atlas.events["thread"].isin(["alash", "migration"])]
    with timelinejs_server(timelinejs(events, real_atlas.sources, "en", "Steppe Atlas"), tmp_path) as url:
        page.goto(url)
        page.wait_for_function(f"() => document.querySelectorAll('.tl-timemarker').length === {len(events)}",
                               timeout=45_000)
        # TimelineJS makes one slide per event after the title slide
        assert page.locator(".tl-slide").count() == len(events) + 1
        assert page.locator(".tl-headline").first.inner_text().casefold() == "steppe atlas"
    assert not page.page_errors


def _files_under(*roots):
    """Every file under these folders, except what the test machinery writes (logs, screenshots, caches)."""
    import os
    skip = ("artifacts", "__pycache__", ".pytest_cache", ".git", "node_modules")
    found = set()
    for root in roots:
        for folder, dirs, files in os.walk(root):
            dirs[:] = [d for d in dirs if d not in skip]
            found.update(os.path.join(folder, f) for f in files)
    return found


def test_an_uploaded_file_is_shown_as_your_data_on_the_map_and_nothing_is_written(page, tmp_path):
    from conftest import ROOT
    mine = tmp_path / "mine.csv"
    header, *rows = (FIXTURE_DATA / "events.csv").read_text(encoding="utf-8").splitlines()
    mine.write_text("\n".join([header] + [r.replace("1922-arrest,", "my-arrest,", 1).replace("Arrest,", "My arrest,", 1)
                                          for r in rows if r.startswith("1922-arrest,")]) + "\n", encoding="utf-8")
    app_tmp = tmp_path / "app-tmp"   # the server's own temporary folder: an upload must leave it empty
    app_tmp.mkdir()
    proc, url = start_app({"STEPPE_DATA_DIR": str(FIXTURE_DATA), "STEPPE_GEO_DIR": str(FIXTURE_GEO),
                           "TMPDIR": str(app_tmp)})
    try:
        open_page(page, url + "/explore")
        before = _files_under(ROOT, app_tmp)
        page.get_by_text("Check your own events file").click()
        page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(str(mine))
        page.get_by_text("Your data (mine.csv, 1 event) is shown", exact=False).wait_for()
        wait_idle(page)
        page.locator("[data-testid='stSidebarNav']").get_by_role("link", name="Map").click()
        page.wait_for_url("**/map**")
        frame = map_frame(page)
        marker = frame.locator("path.overlay-marker")
        marker.first.wait_for(state="attached")
        assert marker.count() == 1
        marker.first.dispatch_event("mouseover")
        frame.locator(".leaflet-tooltip").get_by_text("My arrest").wait_for()
        assert _files_under(ROOT, app_tmp) == before, sorted(_files_under(ROOT, app_tmp) - before)[:10]
        assert not page.page_errors
    finally:
        proc.terminate()
        proc.wait(timeout=20)
