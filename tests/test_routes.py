"""Routes on the map: volume from the sources' figures, width, arrowheads."""
import pytest

from steppe.routes import arrowhead, route_volume, route_weight


@pytest.mark.parametrize("figures, expected", [("", None), ("farms=3436;livestock=187909", ("farms", 3436)),
                                               ("people_min=110000;people_max=115000", ("people_min", 110000))])
def test_route_volume_reads_the_sources_figures(figures, expected):
    assert route_volume(figures) == expected


def test_route_width_grows_with_volume_and_is_capped():
    assert route_weight("") < route_weight("farms=100") < route_weight("farms=3436") <= 12


def test_arrowhead_points_at_the_destination():
    tip, left, right = arrowhead((40.0, 60.0), (40.0, 70.0))
    assert tip == (40.0, 70.0) and left[1] < 70.0 and right[1] < 70.0
