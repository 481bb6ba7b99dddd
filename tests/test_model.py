"""Cell parsers."""
from steppe.model import parse_figures, split_ids


def test_split_ids_drops_blanks_and_spaces():
    assert split_ids(" a; b;;c ") == ["a", "b", "c"] and split_ids("") == []


def test_parse_figures_reads_whole_numbers():
    assert parse_figures("farms=3436; livestock=187909") == {"farms": 3436, "livestock": 187909}
