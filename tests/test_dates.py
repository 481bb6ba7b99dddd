import datetime as dt

import pytest

from steppe.dates import DateError, julian_to_gregorian, parse_date

D = dt.date


@pytest.mark.parametrize("edtf, start, end, precision", [
    ("1928-08-27", D(1928, 8, 27), D(1928, 8, 27), "day"),
    ("1928-08", D(1928, 8, 1), D(1928, 8, 31), "month"),
    ("1930-21", D(1930, 3, 1), D(1930, 5, 31), "season"),
    ("1928", D(1928, 1, 1), D(1928, 12, 31), "year"),
    ("1929-12/1930-02", D(1929, 12, 1), D(1930, 2, 28), "span"),
    ("1931/1933", D(1931, 1, 1), D(1933, 12, 31), "span"),
])
def test_parse_gives_strict_bounds(edtf, start, end, precision):
    span = parse_date(edtf)
    assert (span.start, span.end, span.precision) == (start, end, precision)
    assert (span.fuzzy_start, span.fuzzy_end) == (start, end)


@pytest.mark.parametrize("edtf, fuzzy_start, fuzzy_end", [
    ("1925~", D(1924, 1, 1), D(1926, 12, 31)),
    ("1925?", D(1924, 1, 1), D(1926, 12, 31)),
    ("1928-08~", D(1928, 7, 1), D(1928, 10, 1)),
    ("1917-12-05~", D(1917, 11, 28), D(1917, 12, 12)),
])
def test_qualified_dates_widen_by_one_unit(edtf, fuzzy_start, fuzzy_end):
    span = parse_date(edtf)
    assert span.qualified
    assert (span.fuzzy_start, span.fuzzy_end) == (fuzzy_start, fuzzy_end)


@pytest.mark.parametrize("bad", ["", "193O-05", "1928-13-01", "soon", "1930/1929", "28/08/1928"])
def test_bad_dates_raise_with_the_value(bad):
    with pytest.raises(DateError) as info:
        parse_date(bad)
    assert bad in str(info.value) or bad == ""


@pytest.mark.parametrize("julian, gregorian", [
    (D(1917, 12, 5), D(1917, 12, 18)),    # the Alash congress opened on 5 Dec 1917 O.S.
    (D(1917, 10, 25), D(1917, 11, 7)),    # the October revolution
    (D(1918, 1, 31), D(1918, 2, 13)),     # the last Old Style day
    (D(1899, 12, 31), D(1900, 1, 12)),    # 12 days apart before 1900
])
def test_julian_to_gregorian(julian, gregorian):
    assert julian_to_gregorian(julian) == gregorian


def test_julian_dates_are_placed_at_gregorian_equivalent_and_labelled_with_both():
    assert parse_date("1917-12-05", "julian").start == D(1917, 12, 18)


@pytest.mark.parametrize("edtf", ["1928", "1928-02", "1929-02", "1928-08-27", "1930-21", "1930-22", "1930-23",
                                  "1925~", "1925?", "1928-08~", "1929-12/1930-02", "1931/1933", "1925~/1927",
                                  "1929-12-05~/1930-01", "1922-12-12/1922-12-20"])
def test_fast_parser_agrees_with_the_edtf_package(edtf):
    import time as _time

    from edtf import parse_edtf
    parsed = parse_edtf(edtf)
    as_date = lambda t: D(*_time.strptime(_time.strftime("%Y-%m-%d", t), "%Y-%m-%d")[:3])
    span = parse_date(edtf)
    assert (span.start, span.end) == (as_date(parsed.lower_strict()), as_date(parsed.upper_strict()))


@pytest.mark.parametrize("edtf, start, end", [
    ("../1936", D(1936, 1, 1), D(1936, 12, 31)),
    ("1932/..", D(1932, 1, 1), D(1932, 12, 31)),
])
def test_open_intervals_keep_the_known_end_strict_and_reach_the_atlas_edge_fuzzily(edtf, start, end):
    span = parse_date(edtf)
    assert (span.start, span.end, span.precision) == (start, end, "open")
    assert span.fuzzy_start <= start and span.fuzzy_end >= end and span.qualified
