"""How data values are shown to readers: dates with their calendar, names instead of ids. Pure, translated."""
from __future__ import annotations

from .dates import parse_date
from .i18n import Translator
from .model import split_ids


def julian_equivalence(edtf: str, tr: Translator) -> str:
    """'1917-12-05' (Old Style) -> '5 Dec 1917 O.S. = 18 Dec 1917 N.S.'; '' for coarser dates (not shifted)."""
    as_printed = parse_date(edtf, "gregorian")
    if as_printed.precision != "day":
        return ""
    placed = parse_date(edtf, "julian")
    return tr("calendar.os_ns", old=tr.date(as_printed.start), new=tr.date(placed.start))


def display_date(date_label: str, edtf: str, calendar: str, tr: Translator) -> str:
    """The date as every view shows it: the label (in the reader's words, see localize.date_words), and for
    Old Style dates both calendars (or 'Old Style')."""
    if calendar != "julian":
        return date_label
    both = julian_equivalence(edtf, tr)
    return f"{date_label} ({both or tr('calendar.julian_short')})"


def names_of(ids_cell: str, names: dict) -> list[str]:
    """'bukeikhan;torekulov' -> ['Alikhan Bukeikhan', 'Nazir Torekulov'] (unknown ids shown as they are)."""
    return [names.get(pid, pid) for pid in split_ids(ids_cell)]
