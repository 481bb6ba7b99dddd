"""The offline handout of every story and the event card: self-contained (nothing linked), every slide with its
quote and full citation, a print layout, data text escaped. Drawing and printing are checked in Chromium
(test_browser_stories.py)."""
from html.parser import HTMLParser

import pytest

from steppe.assets import inline_leaflet
from steppe.handout import event_card, script_json, story_handout
from steppe.stories import story_slides


class Links(HTMLParser):
    """Every resource a page would load: script src, link href, img src (and any src/href besides <a href>)."""

    def __init__(self):
        super().__init__()
        self.loads, self.tags = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        for name, value in attrs:
            if name in ("src", "href") and not (tag == "a" and name == "href"):
                self.loads.append((tag, name, value))


def _parse(html):
    links = Links()
    links.feed(html)
    return links


STORIES = ["alash", "bukeikhan", "party", "delimitation", "confiscation", "migration"]


@pytest.mark.parametrize("story_id", STORIES)
def test_a_story_handout_links_nothing_and_holds_every_slide(real_atlas, story_id):
    html = story_handout(real_atlas, story_id, "en")
    links = _parse(html)
    assert links.loads == [], links.loads  # no script, stylesheet or image from anywhere: it is all inline
    assert "link" not in links.tags and "img" not in links.tags
    slides = story_slides(real_atlas.stories, real_atlas.events, story_id)
    assert html.count('<section class="slide') == len(slides)
    assert html.count('class="map" data-slide=') == len(slides)
    sources = real_atlas.sources.set_index("source_id")["citation"]
    from steppe.escape import html_text
    for slide in slides[1:]:
        assert html_text(slide.event["quote"]) in html
        assert f"{html_text(sources[slide.event['source_id']])} — {html_text(slide.event['locator'])}" in html
        if slide.question:
            assert html_text(slide.question) in html
    assert "@media print" in html and "@page { size: landscape" in html and "break-after: page" in html
    assert "sourceMappingURL" not in html and "url(images/" not in html


def test_story_text_from_data_is_escaped(fixture_atlas):
    html = story_handout(fixture_atlas, "test", "en")
    assert "&lt;b&gt;markup&lt;/b&gt;" in html and "<b>markup</b>" not in html
    assert "Who left, and &lt;i&gt;when&lt;/i&gt;?" in html


def test_map_data_cannot_end_its_script():
    text = script_json({"tip": "</script><script>alert(1)</script> & 'x'"})
    assert "<" not in text and ">" not in text and "&" not in text


def test_leaflet_is_inlined_without_outside_references():
    js, css = inline_leaflet()
    assert "L.map" in js or "Leaflet" in js
    assert "sourceMappingURL" not in js and "url(images/" not in css and "data:image/png;base64," in css


def test_an_event_card_has_the_quote_and_full_citation_escaped(fixture_atlas):
    row = fixture_atlas.events[fixture_atlas.events["title"].str.contains("<script>", regex=False)].iloc[0]
    html = event_card(fixture_atlas, row["event_id"], "en")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert" not in html
    citation = fixture_atlas.sources.set_index("source_id").loc[row["source_id"], "citation"]
    from steppe.escape import html_text
    assert html_text(row["quote"]) in html and html_text(citation) in html and html_text(row["locator"]) in html
    assert _parse(html).loads == [] and "<script" not in html
    assert "@page{size:portrait" in html
