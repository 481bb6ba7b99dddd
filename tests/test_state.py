"""The view's transitions through AppTest: the URL follows every change, and every page reads it back."""
import pytest
from streamlit.testing.v1 import AppTest

from conftest import FIXTURE_DATA, FIXTURE_GEO, ROOT


@pytest.fixture(autouse=True)
def fixture_data(monkeypatch):
    monkeypatch.setenv("STEPPE_DATA_DIR", str(FIXTURE_DATA))
    monkeypatch.setenv("STEPPE_GEO_DIR", str(FIXTURE_GEO))


def app(page: str, params: dict | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    at.switch_page(page)
    return at.run()


def test_a_page_change_keeps_the_filters():
    at = app("app_pages/explore.py", {"from": "1925", "to": "1926", "thread": "party_struggle"})
    at.query_params.clear()  # what Streamlit does when the sidebar's navigation changes the page
    at.switch_page("app_pages/timeline.py").run()
    assert not at.exception
    assert at.query_params["from"] == "1925" and at.query_params["thread"] == "party_struggle"
    assert at.sidebar.slider[0].value == (1925, 1926)


def test_the_search_text_keeps_its_comma():
    at = app("app_pages/explore.py", {"q": "decree, 1928"})
    assert at.sidebar.text_input(key="w_q").value == "decree, 1928"
    at.sidebar.text_input(key="w_q").set_value("arrest, 1922").run()
    assert at.query_params["q"] == "arrest, 1922"
    assert at.sidebar.text_input(key="w_q").value == "arrest, 1922"


def test_an_event_in_the_link_is_selected_and_shown():
    at = app("app_pages/timeline.py", {"event": "1922-arrest"})
    assert at.query_params["event"] == "1922-arrest"
    assert any("He was arrested" in m.value for m in at.markdown)


def test_reset_clears_the_filters_but_keeps_the_event_page():
    at = app("app_pages/timeline.py", {"from": "1925", "thread": "alash"})
    at.sidebar.button[0].click().run()
    assert not at.exception
    assert "from" not in at.query_params and "thread" not in at.query_params
    assert at.sidebar.slider[0].value == (1916, 1937)


def map_reports():
    """A page that hands the map's reports to state as the Map page does (AppTest cannot click in the map)."""
    import streamlit as st

    from steppe.mapactions import read_action
    from steppe.ui import state
    from steppe.urlstate import Known

    state.begin(Known(events=frozenset({"1930-spring", "1922-arrest"})))
    for value in st.session_state.get("reports", []):
        changed = state.apply_map_action(read_action(value, frozenset({"1930-spring", "1922-arrest"})))
        st.write(f"changed={changed}")


def test_a_chosen_event_and_the_year_where_play_stopped_are_applied_once_and_the_url_follows():
    at = AppTest.from_function(map_reports, default_timeout=60)
    at.session_state["reports"] = [{"steppe": {"kind": "event", "event": "1930-spring", "n": 1}},
                                   {"steppe": {"kind": "year", "year": 1925, "n": 2}},
                                   {"steppe": {"kind": "year", "year": 1925, "n": 2}}]  # the same report again
    at.run()
    assert not at.exception
    assert [m.value for m in at.markdown] == ["changed=True", "changed=True", "changed=False"]
    assert at.query_params["event"] == "1930-spring"
    assert at.query_params["from"] == "1925" and at.query_params["to"] == "1925"
    at.session_state["reports"] = [{"steppe": {"kind": "year", "year": 1925, "n": 2}}]  # returned on every rerun
    at.run()
    assert [m.value for m in at.markdown] == ["changed=False"]


def test_reset_years_on_the_map_page_shows_every_year_again():
    at = app("app_pages/map.py", {"from": "1930", "to": "1930"})
    at.button(key="reset-years").click().run()
    assert not at.exception
    assert "from" not in at.query_params and "to" not in at.query_params
    assert at.sidebar.slider[0].value == (1916, 1937)


def test_story_steps_are_in_the_url_both_ways():
    at = app("app_pages/stories.py", {"story": "test", "step": "1"})
    at.button(key="story-prev").click().run()
    assert at.query_params["step"] == "0"
    at.button(key="story-all").click().run()
    assert "story" not in at.query_params and "step" not in at.query_params


def test_the_language_picker_writes_the_url():
    at = app("app_pages/home.py", {"lang": "en", "from": "1920"})
    assert not at.exception and at.sidebar.selectbox(key="w_lang").value == "en"
    assert "lang" not in at.query_params  # the default language stays out of links


def test_no_match_says_so_and_clearing_the_search_keeps_the_other_filters():
    at = app("app_pages/explore.py", {"q": "no such words", "thread": "alash"})
    assert any("No events match the search “no such words”" in w.value for w in at.warning)
    at.button(key="clear-search-explore").click().run()
    assert not at.exception
    assert "q" not in at.query_params and at.query_params["thread"] == "alash"
    assert at.sidebar.text_input(key="w_q").value == ""
    assert set(at.dataframe[0].value["event_id"]) == {"1917-12-05-congress"}


def test_a_card_opens_from_the_link_filters_its_events_and_closes():
    at = app("app_pages/explore.py", {"card": "person:bukeikhan"})
    assert not at.exception
    assert "Alikhan Bukeikhan" in [s.value for s in at.subheader]
    at.button(key="card-filter").click().run()
    assert at.query_params["person"] == "bukeikhan" and at.query_params["card"] == "person:bukeikhan"
    assert set(at.dataframe[0].value["event_id"]) == {"1917-12-05-congress", "1922-arrest"}
    at.button(key="card-close").click().run()
    assert "card" not in at.query_params and at.query_params["person"] == "bukeikhan"


def test_an_unknown_card_is_a_notice():
    at = app("app_pages/explore.py", {"card": "person:<b>x</b>"})
    assert not at.exception and any("unknown person or place card" in i.value for i in at.info)


def test_presenter_mode_hides_the_sidebar_and_shows_the_question():
    at = app("app_pages/stories.py", {"story": "test", "step": "1", "present": "1"})
    assert not at.exception
    assert len(at.sidebar.slider) == 0 and len(at.sidebar.text_input) == 0  # no filters while presenting
    assert any("Where did the congress meet?" in m.value for m in at.markdown)
    at.button(key="story-next").click().run()
    assert at.query_params["step"] == "2" and at.query_params["present"] == "1"
    assert any("Who left, and &lt;i&gt;when&lt;/i&gt;?" in m.value for m in at.markdown)  # escaped
    at.button(key="story-home").click().run()
    assert at.query_params["step"] == "0" and at.query_params["story"] == "test"  # the title slide is in the link


def test_leaving_presenter_mode_returns_to_the_page_with_its_filters():
    at = app("app_pages/stories.py", {"story": "test", "step": "2", "present": "1", "from": "1920"})
    at.button(key="story-leave-present").click().run()
    assert not at.exception and "present" not in at.query_params
    assert at.query_params["step"] == "2" and at.query_params["from"] == "1920"
    assert at.sidebar.slider[0].value == (1920, 1937)  # the sidebar is back, set from the link
    at.button(key="story-present").click().run()
    assert at.query_params["present"] == "1"

