"""The validated atlas, loaded once per data version and shared by every session; the data-error page."""
from __future__ import annotations

import os
from pathlib import Path

import streamlit as st

from .. import config
from ..escape import md_text
from ..i18n import t
from ..load import Atlas, DataError, load_atlas
from ..localize import localized_atlas


def data_dirs() -> tuple[Path, Path]:
    """Where the data lives; STEPPE_DATA_DIR / STEPPE_GEO_DIR point the app at another dataset."""
    return (Path(os.environ.get("STEPPE_DATA_DIR", config.DATA_DIR)),
            Path(os.environ.get("STEPPE_GEO_DIR", config.GEO_DIR)))


@st.cache_resource(show_spinner=False, max_entries=4)
def _cached_atlas(data_dir: str, geo_dir: str, stamp: tuple) -> Atlas:
    # cache_resource: the Atlas is immutable and shared by every session (40 pupils, one copy);
    # `stamp` (file mtimes) makes an edited file reload without restarting the server.
    return load_atlas(Path(data_dir), Path(geo_dir))


def _stamp(*dirs: Path) -> tuple:
    found = []
    for directory in dirs:
        try:
            found += [(str(p), p.stat().st_mtime_ns) for p in directory.iterdir() if p.is_file()]
        except OSError:
            found.append((str(directory), -1))  # missing: the loader names it
    return tuple(sorted(found))


def get_atlas() -> Atlas:
    """The validated atlas, or a clear page naming file, row and column of every problem, then stop."""
    data_dir, geo_dir = data_dirs()
    try:
        return _cached_atlas(str(data_dir), str(geo_dir), _stamp(data_dir, geo_dir))
    except DataError as exc:
        lang = "en"  # the view is not read yet: the data decides which ids a link may name
        st.error(t("data.error_title", lang))
        shown = exc.problems[: config.MAX_PROBLEMS_SHOWN]
        st.markdown("\n".join(f"- {md_text(p)}" for p in shown))
        if len(exc.problems) > len(shown):
            st.caption(t("data.more_problems", lang, n=len(exc.problems) - len(shown)))
        st.stop()


@st.cache_resource(show_spinner=False, max_entries=8)
def _localized(_atlas: Atlas, version: str, lang: str) -> Atlas:
    return localized_atlas(_atlas, lang)


def in_language(atlas: Atlas, lang: str) -> Atlas:
    """The atlas with titles, summaries, names, dates in words in the reader's language (one copy per language
    and data version, shared by every session)."""
    return atlas if lang == "en" else _localized(atlas, atlas.version, lang)


@st.cache_resource(show_spinner=False)
def prepare_assets() -> Path:
    """Copy Leaflet into ./static once per server: the map then needs no network."""
    from ..assets import sync_static_assets
    return sync_static_assets()
