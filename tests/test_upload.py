"""An uploaded events file: the atlas' rules, its encoding and delimiter, limits before parsing, formula cells."""
import pytest

from conftest import FIXTURE_DATA
from steppe import config
from steppe.upload import check_events_file

GOOD = (FIXTURE_DATA / "events.csv").read_bytes()


def test_a_valid_file_is_checked_by_the_same_rules_as_the_data(fixture_atlas):
    result = check_events_file("mine.csv", GOOD, fixture_atlas)
    assert result.problems == [] and len(result.events) == 10 and result.encoding == "utf-8-sig"
    bad = check_events_file("mine.csv", GOOD.replace(b"1922-12,", b"1922-13,", 1), fixture_atlas)
    assert bad.events is None and [str(p) for p in bad.problems] == ["mine.csv row 3, column date: not EDTF: '1922-13'"]


def test_semicolons_and_windows_1251_are_recognised(fixture_atlas):
    import csv
    import io
    rows = list(csv.reader(io.StringIO(GOOD.decode("utf-8"))))
    out = io.StringIO()
    csv.writer(out, delimiter=";").writerows(rows)
    result = check_events_file("excel.csv", out.getvalue().encode("cp1251", errors="replace"), fixture_atlas)
    assert result.delimiter == ";" and result.encoding == "cp1251" and result.problems == []


@pytest.mark.parametrize("date", ["0001", "9999"])
def test_dates_outside_the_atlas_period_are_a_problem_not_a_silent_loss(fixture_atlas, date):
    data = GOOD.replace(b"1922-12,", f"{date},".encode(), 1)
    result = check_events_file("mine.csv", data, fixture_atlas)
    assert result.events is None and any("column date" in str(p) and "outside" in str(p) for p in result.problems)


def test_formula_cells_are_warned_about(fixture_atlas):
    data = GOOD.replace(b"Arrest,", b"=HYPERLINK(\"\"http://x\"\"),", 1)
    result = check_events_file("mine.csv", data, fixture_atlas)
    assert any("formula" in str(w) for w in result.warnings)


@pytest.mark.parametrize("data, message", [
    (b"", "file is empty"),
    (b"a,b\n1,2\n", "column is missing from the header"),
    (b"x" * (config.MAX_UPLOAD_BYTES + 1), "at most 5,120 KB"),
    (b"event_id\n" + b"a\n" * (config.MAX_UPLOAD_ROWS + 10), "rows; at most"),
])
def test_uploaded_garbage_gets_a_clear_message(fixture_atlas, data, message):
    result = check_events_file("upload.csv", data, fixture_atlas)
    assert result.events is None and any(message in str(p) for p in result.problems)
