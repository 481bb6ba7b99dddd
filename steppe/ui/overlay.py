"""A researcher's own events file on Explore: checked, then shown as "your data" on the timeline, the map and the
table for this browser session only (kept in the session's memory; nothing is written to disk)."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from .. import config
from ..filters import filter_events
from ..i18n import t
from ..load import Atlas
from ..overlay import overlay_layer, timeline_with_overlay
from ..upload import check_events_file
from ..urlstate import View
from . import panels, state


def overlay_events(atlas: Atlas, view: View) -> pd.DataFrame | None:
    """The session's own events that the view's filters keep (None when there are none)."""
    found = state.overlay()
    return None if found is None else filter_events(found[2], view, atlas.search)


def with_own_events(atlas: Atlas, view: View, figure: dict) -> dict:
    """The timeline figure with the session's own events on a lane marked "your data" (unchanged without them)."""
    own = overlay_events(atlas, view)
    return figure if own is None else timeline_with_overlay(figure, own, view.lang)


def map_group(atlas: Atlas, view: View):
    """The session's own events as a map layer marked "your data", or None."""
    own = overlay_events(atlas, view)
    return None if own is None else overlay_layer(own, view.lang)


def upload_panel(atlas: Atlas, lang: str) -> None:
    """Check a file; a valid one becomes this session's overlay (replacing the previous one)."""
    found = state.overlay()
    with st.expander(t("upload.title", lang), icon=":material/upload_file:", expanded=found is not None):
        st.markdown(t("upload.lead", lang))
        st.caption(t("overlay.limits", lang, mb=str(config.MAX_UPLOAD_BYTES // (1024 * 1024)),
                     rows=config.MAX_UPLOAD_ROWS))
        uploaded = st.file_uploader(t("upload.label", lang), type=["csv"], key=f"upload-events-{state.uploads()}")
        if uploaded is not None:
            result = check_events_file(uploaded.name, uploaded.getvalue(), atlas)
            panels.upload_result(result, lang)
            if result.events is not None and (found is None or found[1] != uploaded.file_id):
                state.set_overlay(uploaded.name, uploaded.file_id, result.events)
                st.rerun()   # the table above is drawn again, with your data
        if found is not None:
            st.success(t("overlay.shown", lang, name=found[0], n=len(found[2])), icon=":material/layers:")
            st.button(t("overlay.remove", lang), key="overlay-remove", on_click=state.clear_overlay,
                      icon=":material/delete:")
