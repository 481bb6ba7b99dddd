"""Every page through streamlit.testing.v1.AppTest: renders, honours URL parameters, never raises."""
import pytest
from streamlit.testing.v1 import AppTest

from conftest import FIXTURE_DATA, FIXTURE_GEO, ROOT

PAGES = ["app_pages/home.py", "app_pages/timeline.py", "app_pages/map.py", "app_pages/stories.py", "app_pages/explore.py",
         "app_pages/sources.py"]


@pytest.fixture(autouse=True)
def fixture_data(monkeypatch):
    monkeypatch.setenv("STEPPE_DATA_DIR", str(FIXTURE_DATA))
    monkeypatch.setenv("STEPPE_GEO_DIR", str(FIXTURE_GEO))


def run_page(page: str, params: dict | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    at.switch_page(page)
    at.run()
    return at


def text_of(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [t.value for t in at.title] + [s.value for s in at.subheader]
    parts += [c.value for c in at.caption] + [i.value for i in at.info] + [w.value for w in at.warning]
    return "\n".join(str(p) for p in parts)


@pytest.mark.parametrize("page", PAGES)
def test_page_renders_without_exception(page):
    at = run_page(page)
    assert not at.exception
    assert at.title, f"{page} shows no title"


@pytest.mark.parametrize("page", PAGES)
def test_hostile_parameters_show_notice_not_traceback(page):
    at = run_page(page, {"from": "abc", "to": "99999", "thread": "<script>alert(1)</script>", "event": "x'y"})
    assert not at.exception
    notices = "\n".join(i.value for i in at.info)
    assert "must be a year" in notices and "unknown thread" in notices


def test_timeline_counts_filtered_events():
    at = run_page("app_pages/timeline.py", {"from": "1928", "to": "1930"})
    assert "3 events shown" in text_of(at)


def test_selected_event_shows_detail_with_quote_and_julian_note():
    at = run_page("app_pages/timeline.py", {"event": "1917-12-05-congress"})
    text = text_of(at)
    assert "Congress in Orenburg" in text
    assert "December 1917 (5 Dec 1917 O.S. = 18 Dec 1917 N.S.)" in text.replace("\\", "")
    assert "Julian (Old Style)" in text
    assert "“a congress”" in text


def test_map_page_reports_unplaced_events():
    at = run_page("app_pages/map.py")
    assert "1 of the 10 events shown has no single place" in text_of(at)


def test_sources_page_lists_discrepancies():
    at = run_page("app_pages/sources.py")
    assert not at.exception
    assert any("1928-08-27-decree" in str(df.value["event_id"].tolist()) for df in at.dataframe)


def test_filters_in_sidebar_follow_the_url():
    at = run_page("app_pages/explore.py", {"from": "1925", "to": "1926", "thread": "party_struggle"})
    assert at.sidebar.slider[0].value == (1925, 1926)
    assert at.sidebar.multiselect[0].value == ["party_struggle"]
    table = at.dataframe[0].value
    assert set(table["event_id"]) == {"1925-approx", "1926-script"}


def test_changing_a_filter_writes_the_url():
    at = run_page("app_pages/explore.py")
    at.sidebar.slider[0].set_value((1930, 1931)).run()
    assert dict(at.query_params) == {"from": "1930", "to": "1931"}


def test_broken_data_shows_message_naming_file_row_column(tmp_path, monkeypatch):
    import shutil
    shutil.copytree(FIXTURE_DATA, tmp_path / "data")
    text = (tmp_path / "data" / "events.csv").read_text(encoding="utf-8").replace("1922-12,", "192X-13,", 1)
    (tmp_path / "data" / "events.csv").write_text(text, encoding="utf-8")
    monkeypatch.setenv("STEPPE_DATA_DIR", str(tmp_path / "data"))
    at = run_page("app_pages/home.py")
    assert not at.exception
    assert "cannot be shown" in at.error[0].value
    assert "data/events.csv row 3, column date: not EDTF: '192X-13'" in text_of(at).replace("\\", "")



def test_stories_page_lists_stories_and_shows_a_slide_in_big_type():
    at = run_page("app_pages/stories.py")
    assert not at.exception and "A test story" in text_of(at)
    at = run_page("app_pages/stories.py", {"story": "test", "step": "1"})
    assert not at.exception
    html_text = "\n".join(m.value for m in at.markdown)
    assert "Congress in Orenburg" in html_text and "5 Dec 1917 O.S. = 18 Dec 1917 N.S." in html_text
    assert "“a congress”" in html_text


def test_story_slide_escapes_data_and_moves_with_next():
    at = run_page("app_pages/stories.py", {"story": "test", "step": "0"})
    assert "&lt;b&gt;markup&lt;/b&gt;" in "\n".join(m.value for m in at.markdown)
    at.button(key="story-next").click().run()
    assert not at.exception
    assert at.query_params["step"] == "1" and "Congress in Orenburg" in "\n".join(m.value for m in at.markdown)


def test_the_people_and_places_pickers_show_every_spelling():
    at = run_page("app_pages/explore.py")
    people, places = at.sidebar.multiselect(key="w_people"), at.sidebar.multiselect(key="w_places")
    assert "Alikhan Bukeikhan — Bokeikhan, Bukeikhanov, Алихан Букейханов, Әлихан Бөкейхан" in people.options
    assert any(o.startswith("Kzyl-Orda — Kyzylorda (Kazakhstan), Perovsk") and "Қызылорда" in o for o in places.options)


def test_a_search_by_another_spelling_fills_the_table_with_names():
    at = run_page("app_pages/explore.py", {"q": "Бөкейхан"})
    table = at.dataframe[0].value
    assert set(table["event_id"]) == {"1917-12-05-congress", "1922-arrest"}
    assert set(table["people"]) == {"Alikhan Bukeikhan"} and "bukeikhan" not in set(table["people"])


def test_explore_offers_every_download_and_the_detail_cites_the_event():
    at = run_page("app_pages/explore.py", {"thread": "bukeikhan", "event": "1922-arrest"})
    assert not at.exception
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["CSV", "GeoJSON", "TimelineJS", "BibTeX", "CSL-JSON", "Printable card"]
    citation = "\n".join(c.value for c in at.code)
    assert "Author A. A test article. 2024, p. 3. Cited in Steppe Atlas" in citation
    assert "/timeline?event=1922-arrest" in citation


def test_the_detail_panel_links_to_the_cards_of_its_people_and_places():
    at = run_page("app_pages/timeline.py", {"event": "1922-arrest"})
    links = {link.proto.label: link.proto.page for link in at.get("page_link")}
    assert {"Alikhan Bukeikhan", "Semipalatinsk", "Moscow"} <= set(links)
    assert any("card=person%3Abukeikhan" in str(link.proto) or "person:bukeikhan" in str(link.proto)
               for link in at.get("page_link"))


def test_explore_shows_facets_with_counts_as_links_that_add_the_filter():
    at = run_page("app_pages/explore.py", {"thread": "migration"})
    assert not at.exception
    links = {link.proto.label: link.proto for link in at.get("page_link")}
    assert "Chimkent (2)" in links and "✓ Migration (3)" in links and "sentence (1)" in links
    assert at.sidebar.multiselect(key="w_event_types").value == []


def test_a_story_slide_offers_present_and_the_handout_and_the_detail_a_card():
    at = run_page("app_pages/stories.py", {"story": "test", "step": "1"})
    assert not at.exception
    assert at.button(key="story-present").label == "Present"
    assert "Where did the congress meet?" in text_of(at)
    at = run_page("app_pages/timeline.py", {"event": "1917-12-05-congress"})
    assert not at.exception
    assert [d.label for d in at.get("download_button")] == ["Printable card"]
