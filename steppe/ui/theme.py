"""Every CSS rule the Streamlit theme (.streamlit/config.toml) cannot express, injected once per run."""
from __future__ import annotations

import streamlit as st

from .. import config

CSS = f"""
<style>
/* captions: Streamlit's default grey is below WCAG AA on our cream background */
[data-testid="stCaptionContainer"] {{ opacity: 1 !important; }}
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p {{ color: #564e43 !important; }}
/* Streamlit draws blockquotes at 60 % opacity: the source's words are evidence, shown at full contrast */
blockquote {{ border-left: 4px solid #8C3B12 !important; font-size: 1.1rem; opacity: 1 !important; }}
blockquote, blockquote p {{ color: {config.TEXT_COLOR} !important; }}
/* the map's legend, beside the map (steppe/basemap.py legend_html) */
.atlas-legend-title {{ font-weight: 700; margin: 0; }}
.atlas-legend {{ font-size: .88rem; line-height: 1.3; }}
.atlas-legend ul {{ list-style: none; padding: 0; margin: 0 0 .35rem; }}
.atlas-legend ul.atlas-legend-threads {{ display: grid; grid-template-columns: repeat(auto-fill, minmax(9.5rem, 1fr));
  column-gap: .6rem; }}
.atlas-legend li {{ display: flex; align-items: center; gap: .4rem; margin: 0; padding: 0; }}
.atlas-legend li span {{ flex: 1; }}
.atlas-legend .atlas-legend-head {{ margin: .2rem 0 .1rem; font-weight: 700; }}
.atlas-legend svg {{ flex: none; }}
.atlas-legend small {{ display: block; color: #564e43; }}
/* story slides: big type for the projector */
.st-key-story-slide .story-title {{ font-size: 3.2rem; line-height: 1.15; margin-top: 1.5rem; }}
.st-key-story-slide .story-date {{ font-size: 1.6rem; font-weight: 700; color: #8C3B12; margin-bottom: 0; }}
.st-key-story-slide .story-heading {{ font-size: 2.4rem; line-height: 1.2; padding-top: 0.2rem; }}
.st-key-story-slide .story-text {{ font-size: 1.45rem; line-height: 1.5; }}
.st-key-story-slide .story-quote {{ font-size: 1.3rem; font-style: italic; border-left: 5px solid #8C3B12;
  color: {config.TEXT_COLOR}; padding-left: 1rem; margin-left: 0; }}
.st-key-story-slide .story-quote {{ opacity: 1; }}
.st-key-story-slide .story-source {{ font-size: 1.1rem; color: {config.TEXT_COLOR}; }}
.story-note {{ padding: .6rem .9rem; border-radius: .4rem; margin: .2rem 0 .7rem; background: #e8f0f8;
  border-left: 5px solid #2b5d8a; color: #102a43; }}
.story-question {{ padding: .6rem .9rem; border-radius: .4rem; margin: .2rem 0 .7rem; background: #f6efe0;
  border-left: 5px solid #8C3B12; color: #1d1a16; }}
.story-caption {{ font-size: .95rem; color: #3d372e; margin: .2rem 0; }}
/* a slide's map is as tall as the window allows (the map fills its frame: 100vh inside the iframe) */
.st-key-story-map-box iframe {{ height: clamp(380px, calc(100vh - 420px), 600px) !important; }}
</style>
"""

# Presenter mode (?present=1 on a story): only these rules change, and only while presenting. No Streamlit chrome,
# body text at least 28 px, dark on light, the map as tall as the screen; laid out for 1280x720 and 1920x1080.
PRESENT_CSS = f"""
<style>
header[data-testid="stHeader"], [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stToolbar"], [data-testid="stDecoration"], [data-testid="stStatusWidget"] {{ display: none !important; }}
[data-testid="stAppViewContainer"], [data-testid="stMain"] {{ background: #fffdf7; }}
[data-testid="stMainBlockContainer"] {{ padding: 10px 24px 0 24px !important; max-width: 100% !important; }}
.st-key-story-present {{ gap: 6px; color: #111; }}
.st-key-story-present [data-testid="stHorizontalBlock"] {{ gap: 14px; }}
.st-key-story-present [data-testid="stProgress"] p {{ white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }}
.st-key-story-present .story-title {{ font-size: clamp(40px, 3.6vw, 72px); line-height: 1.12; margin: 4vh 0 2vh; }}
.st-key-story-present .story-date {{ font-size: 26px; font-weight: 700; color: #7a300c;
  margin: 0; }}
.st-key-story-present .story-heading {{ font-size: 32px; line-height: 1.15; padding: 4px 0 6px;
  margin: 0; color: #111; }}
.st-key-story-present .story-text, .st-key-story-present .story-quote, .st-key-story-present .story-question,
.st-key-story-present .story-intro {{ font-size: 28px; line-height: 1.24; color: #111; }}
.st-key-story-present .story-text {{ margin: 0 0 10px; }}
.st-key-story-present .story-quote {{ margin: 0 0 4px; padding-left: 16px; border-left: 6px solid #8C3B12; }}
.st-key-story-present .story-source {{ font-size: 20px; color: #111; margin: 0 0 8px; }}
.st-key-story-present .story-note {{ font-size: 20px; color: #0b2239; }}
.st-key-story-present .story-question {{ color: #111; margin: 0; }}
.st-key-story-present .story-keys {{ font-size: 22px; color: #2b2620; }}
.st-key-story-present .story-caption {{ font-size: 18px; color: #2b2620; }}
.st-key-story-present [data-testid="stProgress"] p {{ font-size: 20px; color: #111; }}
.st-key-story-present button p {{ font-size: 20px; }}
/* the right half is as tall as the window below the buttons; the map takes what the strip and the question leave */
.st-key-story-present .st-key-story-visual {{ flex: 0 0 calc(100vh - 100px); height: calc(100vh - 100px);
  flex-wrap: nowrap; gap: 6px; }}
.st-key-story-present .st-key-story-visual > div:first-child {{ flex: 1 1 0; min-height: 180px; }}
.st-key-story-present .st-key-story-map-box, .st-key-story-present .st-key-story-map-box > div {{ flex: 1 1 0;
  height: 100%; }}
.st-key-story-present .st-key-story-map-box > div > div {{ height: 100%; }}
.st-key-story-present .st-key-story-map-box iframe {{ height: 100% !important; }}
/* a 1920x1080 projector: the same layout in larger type */
@media (min-width: 1800px) and (min-height: 1000px) {{
  .st-key-story-present .story-text, .st-key-story-present .story-quote, .st-key-story-present .story-question,
  .st-key-story-present .story-intro {{ font-size: 40px; }}
  .st-key-story-present .story-heading {{ font-size: 52px; }}
  .st-key-story-present .story-date {{ font-size: 34px; }}
  .st-key-story-present .story-source, .st-key-story-present .story-note {{ font-size: 26px; }}
  .st-key-story-present .story-keys {{ font-size: 26px; }}
}}
</style>
"""


def inject() -> None:
    st.html(CSS)


def inject_presenter() -> None:
    """The presenter-mode rules, added only while a story is presented."""
    st.html(PRESENT_CSS)
