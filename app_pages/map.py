from steppe.ui import mapview, panels, state
from steppe.ui.context import page_context

atlas, view = page_context()
panels.page_header("map.title", "map.lead", view.lang)
mapview.play_controls(view.lang)
mapview.map_panel(atlas, view.lang)
panels.map_legend(view.lang)
panels.event_detail(atlas, state.view(), on_page="map")
