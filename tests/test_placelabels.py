"""Place labels by zoom: busier places first, and at every zoom the labels shown never overlap each other nor
cover another place's markers."""
from hypothesis import given, settings
from hypothesis import strategies as st

from steppe import config
from steppe.markers import MARKER_OFFSET_DEG
from steppe.placelabels import LabelPoint, label_offset, label_width, min_zooms, project, ring_px, short_label

ZOOMS = range(config.MAP_MIN_ZOOM, config.MAP_MAX_ZOOM + 1)


def box(point, zoom, position):
    """The label's box, computed here independently of the module's vectorised version."""
    x, y = project(point.lat, point.lon, zoom)
    offset, width, height = label_offset(point, zoom, MARKER_OFFSET_DEG), label_width(point.text), config.LABEL_HEIGHT_PX
    left, top = {"right": (x + offset, y - height / 2), "left": (x - offset - width, y - height / 2),
                 "above": (x - width / 2, y - offset - height), "below": (x - width / 2, y + offset)}[position]
    return left, top, left + width, top + height


def marker(point, zoom):
    x, y = project(point.lat, point.lon, zoom)
    reach = point.radius + (ring_px(point.lat, zoom, MARKER_OFFSET_DEG) if point.ring else 0)
    return x - reach, y - reach, x + reach, y + reach


def apart(a, b):
    return a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]


def check_no_overlap(points, found):
    for zoom in ZOOMS:
        shown = [p for p in points if p.key in found and found[p.key][0] <= zoom]
        for i, a in enumerate(shown):
            box_a = box(a, zoom, found[a.key][1])
            for b in shown[i + 1:]:
                assert apart(box_a, box(b, zoom, found[b.key][1])), (zoom, a.key, b.key)
            for other in points:
                if other.key != a.key:
                    assert apart(box_a, marker(other, zoom)), (zoom, a.key, "covers", other.key)


def test_the_busier_of_two_close_places_keeps_its_label_on_the_side_away_from_the_other():
    busy = LabelPoint("tashkent", "Tashkent", 41.3, 69.24, priority=40)
    near = LabelPoint("chirchik", "Chirchik", 41.47, 69.58, priority=2)
    found = min_zooms([near, busy])
    assert found["tashkent"] == (config.MAP_MIN_ZOOM, "left")  # Chirchik's marker is on its right
    check_no_overlap([near, busy], found)


def test_in_a_crowd_the_busiest_place_is_labelled_first_and_others_as_the_map_zooms_in():
    crowd = [LabelPoint(f"p{i}", f"Place number {i}", 41.3 + 0.05 * (i % 3), 69.2 + 0.06 * (i // 3), priority=10 - i)
             for i in range(8)]
    found = min_zooms(crowd)
    assert found["p0"][0] == config.MAP_MIN_ZOOM
    assert max(zoom for zoom, _ in found.values()) > config.MAP_MIN_ZOOM
    check_no_overlap(crowd, found)


def test_a_lone_place_is_labelled_from_the_first_zoom_on_its_right():
    assert min_zooms([LabelPoint("moscow", "Moscow", 55.75, 37.6, 3)]) == {"moscow": (config.MAP_MIN_ZOOM, "right")}
    assert min_zooms([]) == {}


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.floats(36, 56), st.floats(40, 86), st.integers(1, 50), st.booleans(),
                          st.text("abcdefghij ()-", min_size=1, max_size=30)), min_size=1, max_size=25))
def test_labels_shown_at_any_zoom_never_overlap(raw):
    points = [LabelPoint(f"p{i}", text, lat, lon, n, radius=min(22, 6 + 2.2 * n ** 0.5), ring=ring)
              for i, (lat, lon, n, ring, text) in enumerate(raw)]
    check_no_overlap(points, min_zooms(points, ring_deg=MARKER_OFFSET_DEG))


def test_curated_places_of_the_whole_period_are_labelled_without_overlap(real_atlas):
    from steppe.frames import framed_markers, make_frames
    frames = make_frames(config.YEAR_MIN, config.YEAR_MAX, play=False)
    (keys, rows, records), = framed_markers(real_atlas.events, frames, "en")
    count = {}
    for record in records:
        count[record["place_id"]] = count.get(record["place_id"], 0) + 1
    first = {r["place_id"]: r for r in reversed(records)}
    radius = {r["place_id"]: min(22, 6 + 2.2 * r["count"] ** 0.5) for r in rows}
    ring = {r["place_id"]: r["ring"] for r in rows}
    points = [LabelPoint(pid, rec["place_name"], rec["lat"], rec["lon"], count[pid], radius[pid], ring[pid])
              for pid, rec in first.items()]
    found = min_zooms(points, ring_deg=MARKER_OFFSET_DEG)
    assert len(found) >= len(points) // 2  # most places get a label somewhere between zoom 4 and 9
    check_no_overlap(points, found)


def test_a_label_is_the_name_without_its_parenthesis_and_short():
    assert short_label("South Kazakhstan (southern Kazakhstan; South Kazakhstan oblast from 1932)") == "South Kazakhstan"
    assert short_label("Tsaritsyn (Stalingrad from 1925)") == "Tsaritsyn"
    assert short_label("(unnamed)") == "(unnamed)"
    long = short_label("A very long name of a district without any parenthesis")
    assert len(long) == config.LABEL_MAX_CHARS and long.endswith("…")
