from steppe.ui import mapview, panels, state
from steppe.ui.context import page_context

atlas, view = page_context()
panels.page_header("map.title", "map.lead", view.lang)
beside_map = mapview.map_panel(atlas, view.lang)
with beside_map:
    panels.event_detail(atlas, state.view(), on_page="map")
