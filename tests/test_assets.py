"""Offline Leaflet: copied from the installed package into ./static, referenced by local paths only."""
from steppe.assets import LEAFLET_CSS, LEAFLET_JS, leaflet_version, sync_static_assets


def test_leaflet_is_copied_and_served_locally(tmp_path):
    target = sync_static_assets(tmp_path)
    assert (target / "leaflet.js").stat().st_size > 100_000 and (target / "leaflet.css").exists()
    assert all(url.startswith("/app/static/") for _, url in (*LEAFLET_JS, *LEAFLET_CSS))
    assert leaflet_version().startswith("1.")
