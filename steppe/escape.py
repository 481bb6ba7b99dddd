"""The one escaping helper per target: HTML (popups, tooltips, hovers, slides) and Markdown (st.markdown & co.).

Every text that comes from data, an upload or a URL passes through one of these before it reaches the page."""
from __future__ import annotations

import html
import math
import re

# Markdown's punctuation plus ':' and '@', so that Streamlit's `:material/x:` / `:red[x]` directives never fire.
_MD_SPECIAL = set("\\`*_{}[]<>()#+-.!|~$:@&=\"'")
# Streamlit's renderer autolinks `http://…`, `www.…` and `a@b.c` even when their punctuation is escaped: an
# invisible word joiner (U+2060) inside each breaks the pattern and leaves the text as it reads.
_WJ = "\u2060"
_AUTOLINK = re.compile(r"://|(?i:www)\.|@")
_BROKEN = {"://": ":" + _WJ + "//", "@": _WJ + "@"}


def html_text(value, quote: bool = True) -> str:
    """Text for HTML: every tag and entity neutralised; None/NaN become ''.
    quote=False for Plotly's hover labels, which decode only a few named entities (&quot; would show as is)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return html.escape(str(value), quote=quote)


def md_text(value) -> str:
    """Text for Markdown: shown exactly as written, never a link, image, emphasis, directive or HTML."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    # a line break in data is shown as a space (a blank line would start a new block: a list, a heading), and
    # leading blanks are dropped (four would start a code block)
    text = " ".join(text.split("\n")).lstrip()
    text = _AUTOLINK.sub(lambda m: _BROKEN.get(m.group(0), m.group(0)[:3] + _WJ + "."), text)
    return "".join("\\" + ch if ch in _MD_SPECIAL else ch for ch in text)
