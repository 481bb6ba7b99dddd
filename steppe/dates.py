"""EDTF dates: parse once, give strict and fuzzy bounds, convert Julian (Old Style) to Gregorian."""
from __future__ import annotations

import calendar as _calendar
import datetime as dt
import re
import time
from dataclasses import dataclass
from functools import lru_cache

from edtf import parse_edtf

# Qualified dates (~ approximate, ? uncertain, % both) are widened by one unit of their precision:
# "1925~" -> 1924..1926, "1928-08~" -> Jul..Sep 1928, "1917-12-05~" -> +-7 days.
FUZZ_BY_PRECISION = {"day": dt.timedelta(days=7), "month": dt.timedelta(days=31),
                     "season": dt.timedelta(days=31)}


class DateError(ValueError):
    """A date string that is not valid EDTF (or not one this atlas can place)."""


@dataclass(frozen=True)
class DateSpan:
    """Bounds of one EDTF date, in the Gregorian calendar."""
    edtf: str
    start: dt.date          # strict bounds: what the source states
    end: dt.date
    fuzzy_start: dt.date    # widened for ~ ? % qualifiers; equal to strict otherwise
    fuzzy_end: dt.date
    precision: str          # day, month, season, year, span
    qualified: bool

    @property
    def is_point(self) -> bool:
        """True for a single day or month: drawn as a marker rather than a bar."""
        return self.precision in ("day", "month")


def _safe_date(t: time.struct_time) -> dt.date:
    try:
        return dt.date(t.tm_year, t.tm_mon, t.tm_mday)
    except ValueError:  # 29 Feb in a year that has none, as the edtf package may give for Julian leap years
        return dt.date(t.tm_year, t.tm_mon, 28)


def julian_to_gregorian(day: dt.date) -> dt.date:
    """Old Style date -> New Style: 5 Dec 1917 (O.S.) -> 18 Dec 1917."""
    y, m, d = day.year, day.month, day.day
    a = (14 - m) // 12
    yy, mm = y + 4800 - a, m + 12 * a - 3
    jdn = d + (153 * mm + 2) // 5 + 365 * yy + yy // 4 - 32083  # Julian calendar day number
    return dt.date.fromordinal(jdn - 1721425)


def _precision(edtf: str, start: dt.date, end: dt.date) -> str:
    if "/" in edtf:
        return "span"
    days = (end - start).days
    if days == 0:
        return "day"
    if days <= 31:
        return "month"
    if days <= 92:
        return "season"
    return "year"


OPEN_START, OPEN_END = dt.date(1916, 1, 1), dt.date(1937, 12, 31)  # the atlas' own bounds stand in for ".."


def _parse_open(text: str, calendar: str) -> DateSpan:
    """'../1936' (began before, known by 1936) or '1932/..' (from 1932, end unknown).
    The strict range is the known end; the fuzzy range runs to the atlas' edge."""
    first, _, last = text.partition("/")
    known = parse_date(last if first == ".." else first, calendar)
    if first == "..":
        return DateSpan(text, known.start, known.end, OPEN_START, known.fuzzy_end, "open", True)
    return DateSpan(text, known.start, known.end, known.fuzzy_start, OPEN_END, "open", True)


# The forms curators write every day, parsed without the (slow: ~5 ms a date) grammar of the edtf package:
# 1928, 1928-08, 1928-08-27, 1930-21..23 (seasons), each optionally with ~ ? %, and intervals of two of them.
SIMPLE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?[~?%]?$")
DAY_PRECISE = re.compile(r"^\d{4}-\d{2}-\d{2}[~?%]?(/\d{4}-\d{2}-\d{2}[~?%]?)?$")
SEASON_MONTHS = {21: (3, 5), 22: (6, 8), 23: (9, 11)}  # spring, summer, autumn (winter 24 goes to the package)


def _simple_bounds(part: str) -> tuple[dt.date, dt.date] | None:
    match = SIMPLE.match(part)
    if not match:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    if month is None:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if month in SEASON_MONTHS and day is None:
        first, last = SEASON_MONTHS[month]
        return dt.date(year, first, 1), dt.date(year, last, _calendar.monthrange(year, last)[1])
    if not 1 <= month <= 12:
        return None
    if day is None:
        return dt.date(year, month, 1), dt.date(year, month, _calendar.monthrange(year, month)[1])
    try:
        return dt.date(year, month, day), dt.date(year, month, day)
    except ValueError:
        return None


def _fast_bounds(text: str) -> tuple[dt.date, dt.date] | None:
    parts = text.split("/")
    if len(parts) == 1:
        return _simple_bounds(text)
    if len(parts) == 2:
        first, last = _simple_bounds(parts[0]), _simple_bounds(parts[1])
        if first and last:
            return first[0], last[1]
    return None


@lru_cache(maxsize=65536)
def parse_date(edtf: str, calendar: str = "gregorian") -> DateSpan:
    """Parse an EDTF string; Julian dates come back as Gregorian bounds."""
    text = (edtf or "").strip()
    if not text:
        raise DateError("empty date")
    if text.count("/") == 1 and ".." in text.split("/") and text != "../..":
        return _parse_open(text, calendar)
    bounds = _fast_bounds(text)
    if bounds:
        start, end = bounds
    else:
        try:
            parsed = parse_edtf(text)
            start, end = _safe_date(parsed.lower_strict()), _safe_date(parsed.upper_strict())
        except Exception as exc:  # the edtf package raises several types; all mean "not EDTF"
            raise DateError(f"not EDTF: {text!r}") from exc
    if start > end:
        raise DateError(f"interval ends before it starts: {text!r}")
    if calendar == "julian" and DAY_PRECISE.match(text):
        # Only day-precise Old Style dates are shifted: "1917" or "December 1917" name the calendar year or
        # month as the source printed it, and shifting them by 13 days would push them into the next one.
        start, end = julian_to_gregorian(start), julian_to_gregorian(end)
    precision = _precision(text, start, end)
    qualified = any(ch in text for ch in "~?%")
    if not qualified:
        fuzzy_start, fuzzy_end = start, end
    elif precision in FUZZ_BY_PRECISION and precision != "year":
        fuzz = FUZZ_BY_PRECISION[precision]
        fuzzy_start, fuzzy_end = start - fuzz, end + fuzz
    else:  # a year or a span of years: one year either side
        fuzzy_start, fuzzy_end = _shift_year(start, -1), _shift_year(end, 1)
    return DateSpan(text, start, end, fuzzy_start, fuzzy_end, precision, qualified)


def _shift_year(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 Feb
        return day.replace(year=day.year + years, day=28)
