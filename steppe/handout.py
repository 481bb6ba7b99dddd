"""Offline handouts: a whole story as one self-contained HTML file, and a printable card for one event.

The story file holds every slide — its map (Leaflet and the GeoJSON inlined, no tiles), its timeline strip (inline
SVG), its text, the source's words and the full citation — and prints one slide per page. Nothing in it asks for
anything over the network: no script, stylesheet or image is linked. Every data text is escaped with
`escape.html_text`; the map data travels as JSON with `<`, `>` and `&` escaped, so it cannot end its script."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from .assets import inline_leaflet
from .escape import html_text
from .i18n import t, translator
from .labels import display_date, names_of
from .layers import SlideLayers, slide_layers, sources_short
from .basemap import country_collection
from .maps import region_tooltip_properties
from .stories import Slide, story_slides
from .storymap import COUNTRY_STYLE, PADDING_BOTTOM_RIGHT, PADDING_TOP_LEFT, REGION_STYLE, map_spec
from .strip import strip_data, strip_svg

TEMPLATES = Path(__file__).parent / "templates"


@lru_cache(maxsize=None)
def _template(name: str) -> str:
    return (TEMPLATES / name).read_text(encoding="utf-8")


def script_json(value) -> str:
    """JSON that is safe inside <script>: no '<', '>' or '&' survives, so no '</script>' can end it early."""
    return (json.dumps(value, ensure_ascii=True, separators=(",", ":"))
            .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def _page(title: str, lang: str, body: str, extra_css: str = "", scripts: str = "") -> str:
    leaflet_js, leaflet_css = inline_leaflet() if scripts else ("", "")
    head_css = (f"<style>{leaflet_css}</style>" if scripts else "") + f"<style>{_template('handout.css')}{extra_css}</style>"
    script_tags = f"<script>{leaflet_js}</script>{scripts}" if scripts else ""
    body_class = "" if scripts else ' class="card-page"'
    return (f'<!DOCTYPE html><html lang="{html_text(lang)}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{html_text(title)}</title>'
            f"{head_css}</head><body{body_class}>{body}{script_tags}</body></html>")


def _figure(layers: SlideLayers, index: int, lang: str, strip_title: str, strip) -> str:
    names = ", ".join(label.text for label in layers.labels)
    caption = t("handout.map_places", lang, places=names) if names else ""
    if layers.shows == "story" and layers.selected:
        caption = t("stories.no_place", lang)
    return (f'<figure class="visual"><div class="map" data-slide="{index}"></div>'
            f'<figcaption>{html_text(caption)} {html_text(t("handout.map_note", lang))}</figcaption>'
            f"{strip_svg(strip, width=460, title=strip_title)}</figure>")


def _title_slide(slide: Slide, slides: list[Slide], layers: SlideLayers, atlas, lang: str) -> str:
    contents = "".join(f"<li>{html_text(s.heading)}</li>" for s in slides[1:])
    strip = strip_data(layers.events)
    return (f'<section class="slide cover"><p class="kicker">{html_text(t("handout.kicker", lang))}</p>'
            f'<div class="cols"><div class="words"><h1>{html_text(slide.heading)}</h1>'
            f'<p class="text">{html_text(slide.text)}</p>'
            f'<h2>{html_text(t("handout.contents", lang, n=len(slides) - 1))}</h2><ol class="contents">{contents}</ol>'
            f'<p class="colophon">{html_text(t("handout.colophon", lang, version=atlas.version, story=slide.story_id))}</p>'
            f"</div>{_figure(layers, 0, lang, t('handout.strip', lang, title=slide.heading), strip)}</div></section>")


def _event_slide(slide: Slide, layers: SlideLayers, atlas, lang: str) -> str:
    event = slide.event
    tr = translator(lang)
    citation = atlas.sources.set_index("source_id").loc[event["source_id"], "citation"]
    date = display_date(event["date_label"], event["date"], event["calendar"], tr)
    parts = [f'<section class="slide"><p class="kicker">{html_text(slide.title)} · '
             f'{html_text(t("stories.progress", lang, step=slide.step, last=slide.last_step))}</p>',
             f'<div class="cols"><div class="words"><p class="date">{html_text(date)}</p>',
             f"<h2>{html_text(slide.heading)}</h2><p class=\"text\">{html_text(slide.text)}</p>",
             f"<blockquote>“{html_text(event['quote'])}”</blockquote>",
             f'<p class="cite">{html_text(citation)} — {html_text(event["locator"])}</p>']
    if event["certainty"] != "certain":
        parts.append(f'<p class="certainty">{html_text(t("stories.certainty." + event["certainty"], lang))}</p>')
    if slide.question:
        parts.append(f'<p class="question"><b>{html_text(t("present.discuss", lang))}</b> {html_text(slide.question)}</p>')
    if event["note"]:
        parts.append(f'<p class="note"><b>{html_text(t("detail.note", lang))}:</b> {html_text(event["note"])}</p>')
    strip = strip_data(layers.events, layers.selected)
    parts.append("</div>" + _figure(layers, slide.step, lang, t("handout.strip", lang, title=slide.heading), strip)
                 + "</div></section>")
    return "".join(parts)


def story_handout(atlas, story_id: str, lang: str) -> str:
    """The whole story as one HTML file that opens and prints offline in any browser."""
    slides = story_slides(atlas.stories, atlas.events, story_id)
    short = sources_short(atlas)
    sections, specs, markers = [], {}, None
    for slide in slides:
        layers = slide_layers(atlas, slide, lang, markers)
        markers = layers.markers  # the story's events, the same on every slide
        specs[slide.step] = map_spec(layers, short, lang)
        sections.append(_title_slide(slide, slides, layers, atlas, lang) if slide.event is None
                        else _event_slide(slide, layers, atlas, lang))
    regions = {"type": "FeatureCollection",
               "features": [{"type": "Feature", "geometry": f["geometry"],
                             "properties": {"region_id": f["properties"].get("region_id", ""),
                                            **region_tooltip_properties(f, lang)}}
                            for f in atlas.regions.get("features", [])]}
    data = {"countries": country_collection(atlas.countries, lang), "regions": regions, "slides": specs,
            "styles": {"country": COUNTRY_STYLE, "region": REGION_STYLE},
            "padding": [list(PADDING_TOP_LEFT), list(PADDING_BOTTOM_RIGHT)]}
    scripts = (f'<script id="atlas-data" type="application/json">{script_json(data)}</script>'
               f"<script>{_template('labels.js')}</script><script>{_template('handout.js')}</script>")
    return _page(f"{slides[0].heading} — Steppe Atlas", lang, "".join(sections), scripts=scripts)


def event_card(atlas, event_id: str, lang: str) -> str:
    """One event on a printable card: date, title, summary, place, people, the quote and its full citation."""
    tr = translator(lang)
    row = atlas.events.set_index("event_id").loc[event_id]
    citation = atlas.sources.set_index("source_id").loc[row["source_id"], "citation"]
    people = names_of(row["people"], dict(zip(atlas.people["person_id"], atlas.people["name"])))
    facts = [(t("detail.place", lang), row["place_name"]), (t("detail.people", lang), ", ".join(people)),
             (t("detail.thread", lang), t("thread." + row["thread"], lang)),
             (t("detail.certainty", lang), t("certainty." + row["certainty"], lang))]
    items = "".join(f"<li><b>{html_text(name)}:</b> {html_text(value)}</li>" for name, value in facts if value)
    parts = [f'<article class="card"><p class="kicker">{html_text(t("handout.card_kicker", lang))}</p>',
             f'<p class="date">{html_text(display_date(row["date_label"], row["date"], row["calendar"], tr))}</p>',
             f"<h1>{html_text(row['title'])}</h1><p class=\"text\">{html_text(row['summary'])}</p>",
             f'<ul class="facts">{items}</ul>', f"<blockquote>“{html_text(row['quote'])}”</blockquote>",
             f'<p class="cite">{html_text(citation)} — {html_text(row["locator"])}</p>']
    if row["calendar"] == "julian":
        parts.append(f'<p class="note">{html_text(t("detail.julian_note", lang))}</p>')
    if row["note"]:
        parts.append(f'<p class="note"><b>{html_text(t("detail.note", lang))}:</b> {html_text(row["note"])}</p>')
    parts.append(f'<p class="colophon">{html_text(t("handout.card_colophon", lang, event=event_id, version=atlas.version))}'
                 "</p></article>")
    return _page(row["title"], lang, "".join(parts), extra_css="@page{size:portrait;margin:15mm}")
