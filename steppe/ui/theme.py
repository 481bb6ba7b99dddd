"""Every CSS rule the Streamlit theme (.streamlit/config.toml) cannot express, injected once per run."""
from __future__ import annotations

import streamlit as st

from .. import config

CSS = f"""
<style>
/* captions: Streamlit's default grey is below WCAG AA on our cream background */
[data-testid="stCaptionContainer"] {{ opacity: 1 !important; }}
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p {{ color: #564e43 !important; }}
blockquote {{ border-left: 4px solid #8C3B12 !important; font-size: 1.1rem; }}
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
.st-key-story-slide .story-source {{ font-size: 1.1rem; color: #4a4336; }}
</style>
"""


def inject() -> None:
    st.html(CSS)
