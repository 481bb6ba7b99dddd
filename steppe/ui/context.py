"""What every page starts from: the atlas, the view read by dashboard.py this run, and its notices shown."""
from __future__ import annotations

from ..load import Atlas
from ..urlstate import View
from . import state
from .atlas import get_atlas, in_language
from .panels import show_notices


def page_context() -> tuple[Atlas, View]:
    view = state.view()
    atlas = in_language(get_atlas(), view.lang)
    show_notices(view.lang)
    return atlas, view
