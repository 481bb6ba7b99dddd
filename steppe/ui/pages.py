"""The page registry: every page declared once; navigation and links use the st.Page objects made from it."""
from __future__ import annotations

from pathlib import Path

import streamlit as st

from ..i18n import t

PAGE_DIR = Path(__file__).resolve().parents[2] / "app_pages"
# name -> (script, title key, icon). The first is the default page ("/").
PAGES = {
    "home": ("home.py", "nav.home", ":material/home:"),
    "timeline": ("timeline.py", "nav.timeline", ":material/timeline:"),
    "map": ("map.py", "nav.map", ":material/map:"),
    "stories": ("stories.py", "nav.stories", ":material/auto_stories:"),
    "explore": ("explore.py", "nav.explore", ":material/table_view:"),
    "sources": ("sources.py", "nav.sources", ":material/menu_book:"),
}
DEFAULT = next(iter(PAGES))


def page(name: str, lang: str) -> st.Page:
    """The st.Page of a registered page (its title in the reader's language)."""
    script, title_key, icon = PAGES[name]
    return st.Page(str(PAGE_DIR / script), title=t(title_key, lang), icon=icon, default=name == DEFAULT)


def navigation(lang: str) -> list[st.Page]:
    return [page(name, lang) for name in PAGES]


def link(name: str, lang: str, label: str, params: dict | None = None, icon: str | None = None, where=st) -> None:
    """A link to a registered page that keeps the view (`params`); `where` is st or a column/container."""
    where.page_link(page(name, lang), label=label, query_params=params or {}, icon=icon)


def presenting(current: st.Page, view) -> bool:
    """Presenter mode (?present=1) applies to a story on the Stories page, never to another page."""
    return bool(view.present and view.story) and current.url_path == Path(PAGES["stories"][0]).stem
