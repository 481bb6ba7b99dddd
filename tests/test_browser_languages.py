"""Қазақша, по-русски: the home page, the map (its tooltips and a popup) and a story slide show no English
interface string. Proper names and the sources' own words are allowed: quotes, citations and locators are marked
lang="en" (they stay in the language of the source), and a short allow-list holds names of tools and sources."""
import re

import pytest

from browser import click_until_visible, map_frame, map_window, open_page

pytestmark = pytest.mark.browser
MIGRATION = "#E69F00"  # config.THREAD_COLORS["migration"]
# names that are the same in every language: tools, data providers, the sources' authors, the language picker
ALLOWED = {"Leaflet", "Natural", "Earth", "GeoNames", "EDTF", "CSV", "JSON", "GeoJSON", "TimelineJS", "BibTeX",
           "CSL", "English", "Carr", "Ohayon", "Kabyl", "Tursun", "Abikey", "Akkuly", "Padmaja", "Telugu", "MIT",
           "WGS", "Plotly"}
VISIBLE_TEXT = """(lang) => {
  const out = [];
  const walk = (node) => {
    if (node.nodeType === Node.TEXT_NODE) { out.push(node.textContent); return; }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const el = node;
    if (['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE'].includes(el.tagName)) return;
    const marked = el.closest('[lang]');
    if (marked && marked !== document.documentElement && marked.lang !== lang) return;  // the source's language
    if (el.getAttribute('data-testid') === 'stIconMaterial' || el.getAttribute('translate') === 'no') return;
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden') return;
    const box = el.getBoundingClientRect();  // a screen-reader-only element (Streamlit's "Skip to main content")
    if (box.width <= 1 || box.height <= 1 || box.right <= 0 || box.bottom <= 0) return;
    for (const child of el.childNodes) walk(child);
  };
  walk(document.body);
  return out.join(' ');
}"""


def english_words(text: str) -> list[str]:
    return sorted({w for w in re.findall(r"[A-Za-z]{3,}", text) if w not in ALLOWED})


def visible_text(target, lang: str) -> str:
    return target.evaluate(VISIBLE_TEXT, lang)


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_home_map_and_a_story_slide_speak_the_language(page, real_app_url, lang):
    found = {}
    open_page(page, f"{real_app_url}/?lang={lang}")
    found["home"] = english_words(visible_text(page, lang))

    open_page(page, f"{real_app_url}/map?lang={lang}&from=1930&to=1931")
    frame = map_frame(page)
    window = map_window(page)
    marker = frame.locator(f"path.leaflet-interactive[fill='{MIGRATION}']").first  # a migration place's circle
    marker.dispatch_event("mouseover")                                                # its tooltip
    frame.locator(".leaflet-tooltip").first.wait_for()
    click_until_visible(page, marker, frame.locator(".leaflet-popup-content .atlas-event").first)  # its popup
    found["map page"] = english_words(visible_text(page, lang))
    found["map frame"] = english_words(visible_text(window, lang))

    open_page(page, f"{real_app_url}/stories?lang={lang}&story=alash&step=1")
    found["story slide"] = english_words(visible_text(page, lang))
    assert {k: v for k, v in found.items() if v} == {}
