"""Routes on the map: volume from the sources' figures, width, arrowheads, colour by kind, dashes by certainty,
tooltips with people's names and honest region ends."""
import pandas as pd
import pytest

from steppe import config
from steppe.routes import (arrowhead, route_color, route_dash, route_feature_collection, route_features,
                           route_tooltip, route_volume, route_weight)


@pytest.mark.parametrize("figures, expected", [("", None), ("farms=3436;livestock=187909", ("farms", 3436)),
                                               ("people_min=110000;people_max=115000", ("people_min", 110000))])
def test_route_volume_reads_the_sources_figures(figures, expected):
    assert route_volume(figures) == expected


def test_route_width_grows_with_volume_and_is_capped():
    assert route_weight("") < route_weight("farms=100") < route_weight("farms=3436") <= 12


def test_arrowhead_points_at_the_destination():
    tip, left, right = arrowhead((40.0, 60.0), (40.0, 70.0))
    assert tip == (40.0, 70.0) and left[1] < 70.0 and right[1] < 70.0


def test_relocation_and_recall_are_never_in_the_migration_colour():
    migration = route_color("migration")
    assert route_color("relocation") == route_color("recall") != migration
    assert route_color("deportation") == route_color("exile") == route_color("escort") not in (
        migration, route_color("relocation"))
    assert set(config.ROUTE_GROUPS) == set(config.ROUTE_KINDS)


def test_dashes_follow_the_certainty_of_a_schematic_line():
    dashes = {c: route_dash(c, True) for c in config.CERTAINTIES}
    assert len({dashes["certain"], dashes["approximate"], dashes["disputed"]}) == 3
    assert dashes["claim"] == dashes["disputed"]
    assert route_dash("certain", False) is None  # a traced path would be solid


def route(**changes) -> pd.Series:
    row = {"route_id": "r", "kind": "recall", "certainty": "approximate", "from_place": "", "to_place": "moscow",
           "from_region_id": "kazakh-assr-1924", "to_region_id": "", "origin_unspecified": True,
           "destination_unspecified": False, "from_label": "Kazak ASSR (his post; place not stated)",
           "to_label": "Moscow", "date": "1928", "date_label": "1928", "who": "Sadvakasov <recalled>",
           "people": "sadvakasov", "figures": "", "source_id": "src", "locator": "p. 1", "quote": "q",
           "schematic": True, "note": "Recall inferred from <the source>", "thread": "party_struggle",
           "coords": [[(50.0, 60.0), (55.75, 37.6)]]}
    row.update(changes)
    return pd.Series(row)


def test_tooltip_names_people_dates_ends_source_and_note_escaped():
    tip = route_tooltip(route(), {"src": "Carr 1959"}, "en", {"sadvakasov": "Smagul Sadvakasov"})
    assert "<b>Recall</b> (approximate)" in tip
    assert "Smagul Sadvakasov" in tip and "People: " in tip
    assert "origin unspecified: Kazak ASSR (his post; place not stated)" in tip
    assert "To: Moscow" in tip and "Carr 1959, p. 1" in tip and "1928" in tip
    assert "Sadvakasov &lt;recalled&gt;" in tip and "Recall inferred from &lt;the source&gt;" in tip
    assert "<recalled>" not in tip and "schematic route" in tip


def test_a_region_end_says_the_destination_is_unspecified_on_the_line_and_the_arrow():
    row = route(kind="migration", from_region_id="", from_place="chimkent", origin_unspecified=False,
                from_label="Chimkent", to_place="", to_region_id="tajik-ssr", destination_unspecified=True,
                to_label="Tajik SSR (place not given)", people="")
    features = route_features(row, {}, "en")
    line, head = features[0], features[1]
    assert "destination unspecified: Tajik SSR (place not given)" in line["properties"]["tip"]
    assert "destination unspecified: Tajik SSR (place not given)" in head["properties"]["tip"]
    assert head["properties"]["style"]["fillColor"] == "#ffffff"  # a hollow arrow: no place at the end
    assert "People" not in line["properties"]["tip"]
    assert line["properties"]["style"]["color"] == config.ROUTE_COLORS["migration"]


def test_an_unspecified_origin_gets_a_labelled_open_ring_and_relocation_colour():
    features = route_features(route(), {}, "en")
    ring = [f for f in features if f["geometry"]["type"] == "Point"]
    assert len(ring) == 1 and "origin unspecified" in ring[0]["properties"]["tip"]
    assert features[0]["properties"]["style"]["color"] == config.ROUTE_COLORS["relocation"]


def test_curated_routes_draw_with_names_not_ids(real_atlas):
    people = dict(zip(real_atlas.people["person_id"], real_atlas.people["name"]))
    collection = route_feature_collection(real_atlas.routes, {}, "en", people)
    tips = " ".join(f["properties"]["tip"] for f in collection["features"])
    with_people = real_atlas.routes[real_atlas.routes["people"] != ""]
    assert len(with_people) > 0
    for ids in with_people["people"]:
        for pid in ids.split(";"):
            assert people[pid] in tips
    assert tips.count("destination unspecified") >= int(real_atlas.routes["destination_unspecified"].astype(bool).sum())
