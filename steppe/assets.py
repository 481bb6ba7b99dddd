"""Offline assets: Leaflet comes from the installed xstatic-leaflet package, served by Streamlit itself."""
from __future__ import annotations

import base64
import filecmp
import os
import re
import hashlib
import shutil
from pathlib import Path

import xstatic.pkg.leaflet as xleaflet

from . import config

LEAFLET_FILES = ("leaflet.js", "leaflet.css", "images/layers.png", "images/layers-2x.png",
                 "images/marker-icon.png", "images/marker-icon-2x.png", "images/marker-shadow.png")
# folium-shim.js (in the repo) stands in for the two jQuery calls Folium's templates make.
LEAFLET_JS = (("folium_shim", "/app/static/folium-shim.js"), ("leaflet", f"{config.ASSET_PREFIX}/leaflet/leaflet.js"))
LEAFLET_CSS = (("leaflet_css", f"{config.ASSET_PREFIX}/leaflet/leaflet.css"),)


def _versioned(name: str) -> str:
    """/app/static/<name>?v=<digest of the file>: a browser never keeps an old copy after an update."""
    digest = hashlib.sha1((config.STATIC_DIR / name).read_bytes()).hexdigest()[:10]
    return f"/app/static/{name}?v={digest}"


# atlas-map.js (in the repo): labels by zoom, the years of Play, popup clicks, the legend (see the file)
MAP_JS = LEAFLET_JS + (("steppe_atlas", _versioned("atlas-map.js")),)


def sync_static_assets(static_dir: Path = config.STATIC_DIR) -> Path:
    """Copy Leaflet from the installed package into static/vendor/leaflet (only files that differ)."""
    source = Path(xleaflet.BASE_DIR)
    target = Path(static_dir) / "vendor" / "leaflet"
    for name in LEAFLET_FILES:
        src, dst = source / name, target / name
        if not dst.exists() or not filecmp.cmp(src, dst, shallow=False):
            dst.parent.mkdir(parents=True, exist_ok=True)
            partial = dst.with_name(f".{dst.name}.{os.getpid()}")  # workers starting together never see half a file
            shutil.copyfile(src, partial)
            os.replace(partial, dst)
    return target


def leaflet_version() -> str:
    """The Leaflet version shipped by xstatic-leaflet, for the sources page."""
    return xleaflet.VERSION


def inline_leaflet() -> tuple[str, str]:
    """Leaflet's JS and CSS as text for a standalone file (the handout): the CSS's images become data: URIs and
    the source-map comment is dropped, so opening the file asks nothing of any server."""
    source = Path(xleaflet.BASE_DIR)
    js = re.sub(r"\n//# sourceMappingURL=\S+\s*$", "\n", (source / "leaflet.js").read_text(encoding="utf-8"))

    def data_uri(match: re.Match) -> str:
        image = (source / "images" / match.group(1)).read_bytes()
        return f"url(data:image/png;base64,{base64.b64encode(image).decode('ascii')})"
    css = re.sub(r"url\(images/([a-z0-9-]+\.png)\)", data_uri, (source / "leaflet.css").read_text(encoding="utf-8"))
    return js, css
